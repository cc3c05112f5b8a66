"""``express proof ID [--diff] [--grid]``: a built PDF's pages as PNG, for proofreading.

Writes ``build/proof/<id>/page-NN.png`` and ``contact.png`` (every page as a thumbnail).
The last proof's pages are kept in ``previous/``; with ``--diff`` each page is compared with
its predecessor, changed pages are framed on the contact sheet and get a
``page-NN.diff.png``, so an editor rereads only those.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from express.pdf.template import Template
from express.project import Project
from express.proof.diff import changed_mask, keep_previous, write_diff_image
from express.proof.render import render_pages
from express.proof.sheet import thumbnail, write_contact_sheet
from express.proof.spreads import write_spreads
from express.proof.style import SheetStyle, read_style

__all__ = ["Proof", "SheetStyle", "label_font", "make_proof", "read_style", "render_pages",
           "write_spreads"]

CONTACT_SHEET = "contact.png"


@dataclass
class Proof:
    pages: list[Path]
    labels: list[str]  # each page's label: 表紙, 2, 3, … (the cover is page 1)
    sheet: Path
    changed: list[int] | None = None  # indices of changed pages; None without --diff
    previous_count: int | None = None  # pages in the previous proof; None when there was none

    def names(self, indices: list[int]) -> list[str]:
        """Pages as an editor names them: p.3 for numbered pages, else the label (表紙)."""
        return [f"p.{self.labels[i]}" if self.labels[i].isdigit() else self.labels[i]
                for i in indices]


def make_proof(pdf: Path, out_dir: Path, style: SheetStyle, *, font: Path | None = None,
               scale: float = 1.5, template: Template | None = None,
               diff: bool = False) -> Proof:
    """Render, compare and sheet each page in one pass, while it is in memory."""
    previous = keep_previous(out_dir)
    proof = Proof([], [], out_dir / CONTACT_SHEET)
    compare = diff and bool(previous)  # a first proof has nothing to compare with
    changed: list[int] = []
    thumbs: list[Image.Image] = []
    sizes: list[tuple[int, int]] = []

    def each(i: int, path: Path, label: str, image: Image.Image) -> None:
        proof.labels.append(label)
        if compare:
            mask = changed_mask(previous[i], image) if i < len(previous) else None
            if i >= len(previous) or mask is not None:  # new pages count as changed
                changed.append(i)
            if mask is not None:
                write_diff_image(path, image, mask, style)
        thumbs.append(thumbnail(image, style))
        sizes.append(image.size)

    proof.pages = render_pages(pdf, out_dir, scale=scale, template=template, each=each)
    if diff:
        proof.changed = changed
        proof.previous_count = len(previous) if previous else None
    write_contact_sheet(thumbs, sizes[0], proof.labels, set(changed), proof.sheet, style,
                        font)
    return proof


def label_font(project: Project, role: str, template: str | None = None) -> Path | None:
    """The font file the PDF template uses for ``role`` (labels need Japanese: 表紙)."""
    from express.fonts import find_fonts
    from express.pdf.template import font_candidates

    path = project.pdf_template(template)
    if not path.is_file():
        return None
    chosen, _problems = find_fonts(project.root, font_candidates(path))
    return chosen[role].path if role in chosen else None
