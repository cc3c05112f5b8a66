"""What a page's body text should look like, taken from the layout template.

Body text is recognised by font and size (the template's ``styles.body`` and ``styles.strong``,
with their Latin faces, ``latin:``, which the renderer mixes in running text); columns come from
the grid (``grid.columns``, ``chars_per_line``, ``gutter_em``) and from the boxed variant of a
section (padded by at least ``profile.padding_em`` body em on each side, so that each of its
columns holds a whole number of body characters, as member profiles are drawn).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.pdf.template import Template, read_template

from .glyphs import Column


@dataclass
class BodyStyle:
    """How to recognise body text and where it sits."""

    fonts: frozenset[str]  # PDF base font names of the body and strong roles
    size: float
    pitch: float
    columns: list[Column]
    indent: float  # first-line indent in pt
    jl_space: float  # Japanese–Latin space in em
    grid_top: float | None = None  # baseline of the first grid line on body pages (PDF y)
    role_fonts: dict[str, str] | None = None  # role -> PDF base font name

    def is_body(self, g) -> bool:
        return abs(g.size - self.size) < 0.01 and g.font in self.fonts


def ps_name(path: Path) -> str:
    """The font's PostScript name (what the PDF's BaseFont says, minus the subset tag)."""
    face = TTFont("probe-" + path.stem, str(path)).face
    name = face.name
    return name.decode("latin-1") if isinstance(name, bytes) else str(name)


def role_fonts(project_root: Path, t: Template) -> dict[str, Path]:
    chosen, _problems = find_fonts(project_root, t.fonts)
    return {role: c.path for role, c in chosen.items()}


def body_style(project_root: Path, template: Path | Template) -> BodyStyle:
    t = template if isinstance(template, Template) else read_template(template)
    paths = role_fonts(project_root, t)
    names = {role: ps_name(p) for role, p in paths.items()}
    body, strong = t.style("body"), t.style("strong")
    g = t.grid
    # the boxed section: inner width shrinks by 2 pads, split into the same columns, each
    # the most whole body characters that leave at least padding_em at either side
    least = t.profile["padding_em"] * body.size
    bw = math.floor((g.width - 2 * least - (g.columns - 1) * g.gutter) / g.columns
                    / body.size + 1e-6) * body.size
    pad = (g.width - (g.columns - 1) * g.gutter - g.columns * bw) / 2
    columns = []
    for i in range(g.columns):
        plain_l = t.column_x(i)
        plain_r = plain_l + g.column_width
        box_l = t.left + pad + i * (bw + g.gutter)
        columns.append(Column((plain_l, box_l), (plain_r, box_l + bw), f"column {i + 1}"))
    comp = t.composition
    # Para.draw puts a body line's baseline (pitch − size)/2 + 0.88 size below its line top
    first = t.bottom + g.height - (g.line_pitch - body.size) / 2 - 0.88 * body.size
    roles = {body.font, strong.font}
    roles |= {t.latin[r].font for r in roles if r in t.latin}
    return BodyStyle(
        fonts=frozenset(names[r] for r in roles),
        size=body.size,
        pitch=g.line_pitch,
        columns=columns,
        indent=float(comp.get("indent_em", 1.0)) * body.size,
        jl_space=float(comp.get("jl_space", 0.25)),
        grid_top=first,
        role_fonts=names,
    )
