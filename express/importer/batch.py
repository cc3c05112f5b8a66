"""``express import PDF…``: a back-issue folder for each PDF, from what its cover says.

For each PDF: the cover's text (its text layer, else what OCR reads on it — kept in the
OCR cache, so the build does not read that page again) gives number, season and date
(``cover.py``); the folder is named after the season (``2021-winter``), else the number
(``no-37``), else the file's name; the PDF is copied in byte for byte, and ``issue.yaml``
is written from ``templates/new/back_issue.yaml`` with what was read.  What could not be
read is left empty there, so ``express check`` points at it.  An existing folder is never
touched.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from express.backcatalogue import TextCache
from express.importer.cover import CoverFacts, read_cover
from express.load import is_id, issue_facts, issue_folders, shown_path
from express.load.back_issue import inspect_pdf
from express.project import Project
from express.typeset import available_cores

FACTS = ("number", "season", "date")
LABELS = {"number": "号数", "season": "季節の号（season）", "date": "発行日"}  # in issue.yaml


@dataclass
class Imported:
    """What became of one PDF."""

    source: Path
    folder: Path | None = None  # the folder made (None: nothing was written)
    facts: CoverFacts = field(default_factory=CoverFacts)
    by_ocr: bool = False  # the cover was read by OCR: the guesses deserve a look
    problem: str = ""  # message code when nothing was written
    args: dict[str, str] = field(default_factory=dict)  # for ``problem``
    install: str = ""  # what to install for OCR, when the cover is a picture
    number_used_by: str = ""  # the issue already numbered as this one

    @property
    def read(self) -> list[str]:
        return [k for k in FACTS if getattr(self.facts, k) is not None]

    @property
    def unread(self) -> list[str]:
        return [k for k in FACTS if getattr(self.facts, k) is None]


def import_pdfs(project: Project, pdfs: list[Path], to: Path | None = None) -> list[Imported]:
    """Make a back-issue folder under ``to`` (default ``issues/``) for each of ``pdfs``."""
    target = to or project.issues
    texts = TextCache(project.root / ".cache" / "backissues", available_cores())
    numbers: dict[int, str] = {}  # issue numbers already used → the folder using it
    for folder in issue_folders(target):
        if (got := issue_facts(folder)) is not None:
            numbers.setdefault(got[0], folder.name)
    taken: dict[str, Path] = {}  # folder names given in this batch → the PDF given it
    done = []
    for pdf in pdfs:
        result = _one(project, pdf, target, texts, taken)
        if result.folder is not None:
            taken[result.folder.name] = pdf
            number = result.facts.number
            if number is not None:
                result.number_used_by = numbers.get(number, "")
                numbers.setdefault(number, result.folder.name)
        done.append(result)
    return done


def _one(project: Project, pdf: Path, target: Path, texts: TextCache,
         taken: dict[str, Path]) -> Imported:
    result = Imported(pdf)
    shown = shown_path(pdf)
    try:
        with open(pdf, "rb") as f:
            head = f.read(1024)
    except OSError as exc:
        return _refused(result, "pdf.unreadable", ref=shown, reason=exc.strerror or str(exc))
    if b"%PDF-" not in head:
        return _refused(result, "pdf.format", ref=shown)
    pages, problem = inspect_pdf(str(pdf))
    if problem in ("password", "damaged") or not pages:
        return _refused(result, f"pdf.{problem or 'damaged'}", ref=shown)
    cover = texts.page(pdf, 1)
    result.facts = read_cover(cover.pages[0].text)
    result.by_ocr, result.install = cover.pages[0].ocr, cover.install
    name = folder_name(result.facts, pdf)
    folder = target / name
    if folder.exists():
        return _refused(result, "import.exists", source=shown, folder=shown_path(folder))
    if name in taken:
        return _refused(result, "import.same_folder", source=shown, folder=shown_path(folder),
                        other=shown_path(taken[name]))
    folder.mkdir(parents=True)
    shutil.copyfile(pdf, folder / pdf.name)
    (folder / "issue.yaml").write_text(issue_yaml(project, result, name, pdf.name),
                                       encoding="utf-8")
    result.folder = folder
    return result


def _refused(result: Imported, code: str, **args: str) -> Imported:
    result.problem, result.args = code, args
    return result


def folder_name(facts: CoverFacts, pdf: Path) -> str:
    """``2021-winter`` from the season, else ``no-37`` from the number, else from the
    file's name (its letters and digits)."""
    if facts.season_year and facts.season_id:
        return f"{facts.season_year}-{facts.season_id}"
    if facts.number:
        return f"no-{facts.number}"
    stem = re.sub(r"[^a-z0-9]+", "-", pdf.stem.lower()).strip("-")
    return stem if is_id(stem) else "back-issue"


def issue_yaml(project: Project, result: Imported, name: str, pdf_name: str) -> str:
    facts = result.facts
    how = "OCR で表紙から読み取り（確認してください）" if result.by_ocr else "表紙から読み取り"
    read = [f"# {how}: " + "、".join(LABELS[k] for k in result.read)] if result.read else []
    if result.unread:
        read.append("# 表紙から読めなかったもの（記入してください）: "
                    + "、".join(LABELS[k] for k in result.unread))
    blank = "            # 記入してください"
    values = {
        "@NUMBER@": str(facts.number) if facts.number else blank,
        "@DATE@": facts.date.isoformat() if facts.date else blank,
        "@SEASON@": _quoted(facts.season) if facts.season else blank,
        "@PDF@": _quoted(pdf_name),
        "@TITLE@": " ".join(x for x in (f"第{facts.number}号" if facts.number else "",
                                        facts.season or "") if x) or name,
        "@SOURCE@": pdf_name,
        "@ID@": name,
        "@READ@": "\n".join(read),
    }
    text = (project.templates / "new" / "back_issue.yaml").read_text(encoding="utf-8")
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar (a file name may hold ``: `` or ``#``)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
