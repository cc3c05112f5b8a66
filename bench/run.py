"""Benchmark of the PDF build (``make bench``).

For each sample issue: the whole build as a process (``express build ID --no-site``), its
time, ms and KB per page, and peak memory (maxrss of the child).  For scale, a synthetic issue
ten times the largest sample (its articles repeated) in a temporary project.  For comparison,
the same body text through ReportLab's own Paragraph(wordWrap='CJK') (the baseline) and
through our composer.  If bench/bench_composer.py exists it is run too.

Goal: a build at or under ~0.33 s for 8 A4 pages.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def express_cmd(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "express", "--project", str(project), *args]


def run_build(project: Path, issue_id: str) -> tuple[float, int, int, int]:
    """(seconds, pages, bytes, peak KB) of one build of ``issue_id`` in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    proc = subprocess.run(express_cmd(project, "build", issue_id, "--no-site"),
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build of {issue_id} failed:\n{proc.stderr}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pdf = project / "build" / "pdf" / f"{issue_id}.pdf"
    import pypdf

    pages = len(pypdf.PdfReader(str(pdf)).pages)
    return elapsed, pages, pdf.stat().st_size, max(peak, before)


def make_project(tmp: Path) -> Path:
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "issues", tmp / "issues",
                    ignore=shutil.ignore_patterns("*.py", "README.md"))
    return tmp


def add_synthetic(project: Path, source_id: str, times: int = 10) -> str:
    """An issue with ``source_id``'s articles repeated ``times`` (ids made unique)."""
    src = (project / "issues" / source_id / "issue.yaml").read_text(encoding="utf-8")
    head, _, articles = src.partition("\narticles:\n")
    head = re.sub(r"(?m)^number: .*$", "number: 999", head)
    parts = []
    for n in range(times):
        part = re.sub(r"(?m)^    id: (.*)$", lambda m, n=n: f"    id: {m.group(1)}-{n}", articles)
        parts.append(part)
    issue_id = f"{source_id}-x{times}"
    folder = project / "issues" / issue_id
    shutil.copytree(project / "issues" / source_id, folder)
    (folder / "issue.yaml").write_text(head + "\narticles:\n" + "\n".join(parts),
                                       encoding="utf-8")
    return issue_id


def composer_comparison() -> None:
    """The body text of the samples through ReportLab's Paragraph (CJK) and our composer."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from express.check import check
    from express.jtext import Settings, Span, Style, compose
    from express.pdf.fonts import FontSet
    from express.pdf.template import read_template
    from express.project import Project

    project = Project(ROOT)
    archive, _ = check(project)
    t = read_template(project.pdf_template())
    fonts = FontSet(project.root, t.fonts)
    paras = []
    for issue in archive.issues:
        bodies = [issue.editorial] + [getattr(a, "body", None) for a in issue.articles]
        for body in bodies:
            if body:
                paras += [p.text if hasattr(p, "text") else "" for p in body.blocks]
    paras = [p for p in paras if p] * 5
    chars = sum(len(p) for p in paras)
    width = t.grid.column_width
    size = t.grid.body.size
    style = ParagraphStyle("b", fontName=fonts.name("mincho"), fontSize=size,
                           leading=t.grid.line_pitch, wordWrap="CJK")
    start = time.perf_counter()
    for text in paras:
        Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), style).wrap(width, 1e6)
    rl = time.perf_counter() - start
    settings = Settings()
    start = time.perf_counter()
    for text in paras:
        compose([Span(text, Style("mincho", size))], width, fonts, settings)
    ours = time.perf_counter() - start
    print(f"\nbody text, {len(paras)} paragraphs, {chars} characters at {width:.0f} pt:")
    print(f"  ReportLab Paragraph(wordWrap='CJK')  {rl * 1000:8.1f} ms  "
          f"{chars / rl:10.0f} chars/s  (baseline)")
    print(f"  express.jtext.compose (JLREQ)        {ours * 1000:8.1f} ms  "
          f"{chars / ours:10.0f} chars/s  ({ours / rl:.2f}x the baseline's time)")


def main() -> None:
    os.environ.setdefault("EXPRESS_FONT_PATH", str(ROOT / ".cache" / "fonts"))
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp))
        ids = sorted(p.name for p in (project / "issues").iterdir() if p.is_dir())
        sizes = {i: (project / "issues" / i / "issue.yaml").stat().st_size for i in ids}
        largest = max(ids, key=lambda i: sizes[i])
        ids.append(add_synthetic(project, largest))
        print(f"{'issue':22} {'pages':>5} {'time s':>7} {'ms/page':>8} {'KB/page':>8} "
              f"{'peak MB':>8}")
        for issue_id in ids:
            run_build(project, issue_id)  # warm the file cache
            elapsed, pages, size, peak = run_build(project, issue_id)
            print(f"{issue_id:22} {pages:5d} {elapsed:7.2f} {elapsed * 1000 / pages:8.0f} "
                  f"{size / 1024 / pages:8.0f} {peak / 1024:8.0f}")
        print("goal: ~0.33 s for 8 A4 pages (the whole process)")
    composer_comparison()
    extra = ROOT / "bench" / "bench_composer.py"
    if extra.exists():
        print(f"\n{extra.relative_to(ROOT)}:")
        subprocess.run([sys.executable, str(extra)], check=False)


if __name__ == "__main__":
    main()
