"""Benchmark of the PDF build (``make bench``).

For each sample issue, and a synthetic issue ten times the largest sample (its articles
repeated): the whole build as a process (``express build ID --no-site``) with a cold font
metrics cache (``.cache/fonts/metrics`` emptied first) and a warm one, ms and KB per page,
and the peak memory of the process.  Each build is ``--force``d: the figures are of
typesetting, not of finding that nothing changed (bench/archive.py measures that).  Each
time is the best of ``--repeat`` runs; CPU seconds (user + system) are shown too, as they
suffer less from a busy machine.

Then each issue's pages and how full each is (bench/page_fill.py, read from the PDF), so
that a change that loosens the layout is seen.

For comparison, the baseline: the same text content set by ReportLab alone
(``Paragraph(wordWrap='CJK')``, same fonts, bench/baseline_reportlab.py) as a whole
process, and the ratio ours/baseline (issue 3: at or under 1).  Then
bench/bench_composer.py: the composer against ReportLab's Paragraph on the same text.

Child processes keep their compiled bytecode under .cache/pycache (as an installed
project does in __pycache__), so repeated runs do not measure Python compiling our modules.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@dataclasses.dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_kb: int  # maxrss


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("EXPRESS_FONT_PATH", str(ROOT / ".cache" / "fonts"))
    env.setdefault("EXPRESS_PROFILE_PATH", str(ROOT / ".cache" / "profiles"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".cache" / "pycache")
    return env


def run(cmd: list[str], cwd: Path | None = None, stdout: Path | None = None) -> Run:
    """Run ``cmd`` as a child process: its wall time, CPU time and peak memory (its output
    kept in ``stdout`` when given)."""
    with (open(stdout, "w+b") if stdout else tempfile.TemporaryFile()) as out, \
            tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=child_env(), cwd=cwd)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err.read().decode(errors='replace')}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def express_cmd(project: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "express", "--project", str(project), *args]


def pdf_pages(path: Path) -> int:
    import pypdf

    return len(pypdf.PdfReader(str(path)).pages)


def best_run(runs: list[Run]) -> Run:
    """The fastest of ``runs`` (wall and CPU each): on a shared machine the slower runs
    measure the neighbours, not us."""
    return Run(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_kb for r in runs))


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


SKIP_FIELDS = {"id", "folder", "template", "kind", "ref", "path", "pos", "where"}


def issue_blocks(issue) -> list[list[str]]:
    """The issue's text in reading order as ``[role, text]``: bodies in mincho, titles in
    gothic-bold, every other text field in gothic (what the baseline sets)."""
    from express.model.body import Body

    blocks: list[list[str]] = []

    def walk(value, name: str = "") -> None:
        if isinstance(value, Body):
            blocks.extend(["mincho", "".join(i.text for i in inl)] for inl in value.paragraphs)
        elif isinstance(value, str):
            if value.strip():
                blocks.append(["gothic-bold" if name == "title" else "gothic", str(value)])
        elif isinstance(value, list | tuple):
            for v in value:
                walk(v, name)
        elif dataclasses.is_dataclass(value):
            for f in dataclasses.fields(value):
                if f.name not in SKIP_FIELDS:
                    walk(getattr(value, f.name), f.name)

    walk(issue)
    return blocks


def baseline_spec(project: Path, issue_id: str, dest: Path) -> Path:
    """bench/baseline_reportlab.py's input for ``issue_id``: its fonts and its text."""
    from express.check import check
    from express.fonts import find_fonts
    from express.pdf.template import read_template
    from express.project import Project

    proj = Project(project)
    archive, _ = check(proj, [issue_id])
    issue = next(i for i in archive.issues if i.id == issue_id)
    t = read_template(proj.pdf_template(issue.template))
    chosen, _ = find_fonts(proj.root, t.fonts)
    spec = {"fonts": {role: str(c.path) for role, c in chosen.items()},
            "blocks": issue_blocks(issue)}
    path = dest / f"{issue_id}.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


def bench_issue(project: Path, issue_id: str, spec: Path, repeat: int) -> dict:
    metrics = project / ".cache" / "fonts" / "metrics"
    build = express_cmd(project, "build", issue_id, "--no-site", "--force")
    run(build)  # compile bytecode, warm the OS file cache
    cold = []
    for _ in range(repeat):
        shutil.rmtree(metrics, ignore_errors=True)
        cold.append(run(build))
    pdf = project / "build" / "pdf" / f"{issue_id}.pdf"
    base_pdf = spec.with_suffix(".pdf")
    base_cmd = [sys.executable, str(ROOT / "bench" / "baseline_reportlab.py"), str(spec),
                str(base_pdf)]
    run(base_cmd)
    # ours and the baseline in turn, so that a neighbour's load falls on both alike
    ours, theirs = [], []
    for _ in range(repeat):
        ours.append(run(build))
        theirs.append(run(base_cmd))
    warm, base = best_run(ours), best_run(theirs)
    return dict(cold=best_run(cold), warm=warm, pages=pdf_pages(pdf),
                size=pdf.stat().st_size, base=base, base_pages=pdf_pages(base_pdf))


def print_table(results: dict[str, dict]) -> None:
    print(f"{'issue':18} {'pages':>5} {'cold s':>7} {'warm s':>7} {'cpu s':>6} "
          f"{'ms/page':>7} {'KB/page':>7} {'peak MB':>7} | {'RL pages':>8} {'RL s':>6} "
          f"{'RL cpu':>6} {'ms/page':>7} | {'ours/RL':>7} {'cpu':>5} {'/page':>5}")
    for issue_id, r in results.items():
        w, b = r["warm"], r["base"]
        print(f"{issue_id:18} {r['pages']:5d} {r['cold'].wall:7.2f} {w.wall:7.2f} "
              f"{w.cpu:6.2f} {w.wall * 1000 / r['pages']:7.0f} "
              f"{r['size'] / 1024 / r['pages']:7.0f} {w.peak_kb / 1024:7.0f} | "
              f"{r['base_pages']:8d} {b.wall:6.2f} {b.cpu:6.2f} "
              f"{b.wall * 1000 / r['base_pages']:7.0f} | {w.wall / b.wall:7.2f} "
              f"{w.cpu / b.cpu:5.2f} {(w.wall / r['pages']) / (b.wall / r['base_pages']):5.2f}")
    print("cold/warm: font metrics cache emptied / kept; RL: the same text through "
          "ReportLab's Paragraph(wordWrap='CJK'), same fonts (bench/baseline_reportlab.py)")
    print("goal (issue 3): ours/RL <= 1, i.e. at or under ReportLab's own figure; "
          "~0.33 s for 8 A4 pages (the whole process)")
    print("/page: ours/RL per page set (ours sets the same text on more pages: tables, "
          "photos, openers)")


def print_fills(project: Path, ids: list[str]) -> None:
    """Each issue's pages and how full each is (bench/page_fill.py): a change that loosens
    the layout shows here."""
    from bench.page_fill import fill_line, page_fills
    from express.diagnostics import Diagnostics
    from express.load import load_publication

    pub = load_publication(project / "issues", Diagnostics())
    template = project / "templates" / "pdf" / "a4-magazine.yaml"
    print("\npage fill (text block down to the lowest line or picture, to the folio line; "
          "the last page without its colophon):")
    for issue_id in ids:
        pdf = project / "build" / "pdf" / f"{issue_id}.pdf"
        title = str(pub.name).replace(" ", "") + "第"  # the colophon's title (spaces aside)
        print(fill_line(issue_id, page_fills(pdf, template, title)))


def bench_all(project: Path, ids: list[str], repeat: int) -> None:
    """All the samples in one ``express build --no-site`` process."""
    build = express_cmd(project, "build", *ids, "--no-site", "--force")
    run(build)
    r = best_run([run(build) for _ in range(repeat)])
    print(f"\nall {len(ids)} samples in one process: {r.wall:.2f} s (cpu {r.cpu:.2f} s), "
          f"peak {r.peak_kb / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (the best is shown)")
    parser.add_argument("--quick", action="store_true", help="the build table only")
    args = parser.parse_args()
    os.environ.setdefault("EXPRESS_FONT_PATH", str(ROOT / ".cache" / "fonts"))
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project")
        specs = Path(tmp) / "baseline"
        specs.mkdir()
        samples = sorted(p.name for p in (project / "issues").iterdir() if p.is_dir())
        sizes = {i: (project / "issues" / i / "issue.yaml").stat().st_size for i in samples}
        ids = [*samples, add_synthetic(project, max(samples, key=lambda i: sizes[i]))]
        results = {i: bench_issue(project, i, baseline_spec(project, i, specs), args.repeat)
                   for i in ids}
        print_table(results)
        print_fills(project, ids)
        bench_all(project, samples, args.repeat)
    if args.quick:
        return
    extra = ROOT / "bench" / "bench_composer.py"
    if extra.exists():
        print(f"\n{extra.relative_to(ROOT)}:", flush=True)
        subprocess.run([sys.executable, str(extra)], check=False)


if __name__ == "__main__":
    main()
