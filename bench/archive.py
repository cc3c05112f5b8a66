"""Benchmark of whole-archive builds (``make bench``, after bench/run.py's table).

A synthetic archive of 100 issues is generated from the two samples (ids, numbers, dates,
seasons and cover headlines varied so each issue is distinct; pictures copied, each with a
few bytes of its own after the image data, so no cache sees the same picture twice) into a
temporary project, never into ``issues/``.  Then ``express build`` runs as a whole process:

- cold: nothing built yet, build cache empty (font metrics warm, as on any set-up machine);
- no-op: the same command again, nothing changed;
- one changed: one issue's YAML edited, then the command again;
- ``--force``: everything made anew, with the content-keyed caches below the build (font
  metrics, pictures for the PDFs and the site) warm.

Printed as a table: seconds, issues per second, the cores the build may use, and each
figure's ratio to the cold build (the goal: no-op under a fifth of it).  Then the same for
an archive with a back catalogue of 40 generated back issues (bench/back_catalogue.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from back_catalogue import bench_back_catalogue  # noqa: E402
from run import Run, express_cmd, make_project, run  # noqa: E402

from express.typeset import available_cores  # noqa: E402

SAMPLES = ("2020-winter", "2022-spring")
SEASONS = ("春", "夏", "秋", "冬")


def issue_text(source: str, n: int) -> str:
    """``source`` (a sample's issue.yaml) as the ``n``-th synthetic issue."""
    year = 1990 + n // 4
    season = SEASONS[n % 4]
    date = dt.date(year, 1 + 3 * (n % 4), 10 + n % 15)
    text = re.sub(r"(?m)^number: .*$", f"number: {n + 1}", source, count=1)
    text = re.sub(r"(?m)^date: .*$", f"date: {date.isoformat()}", text, count=1)
    text = re.sub(r"(?m)^season: .*$", f"season: {year}年{season}号", text, count=1)
    return re.sub(r"(?m)^(  headline: .*)$", rf"\1 その{n + 1}", text, count=1)


def make_archive(project: Path, count: int = 100) -> list[str]:
    """Replace the samples in ``project/issues`` by ``count`` issues made from them."""
    issues = project / "issues"
    sources = {s: (issues / s / "issue.yaml").read_text(encoding="utf-8") for s in SAMPLES}
    ids = []
    for n in range(count):
        sample = SAMPLES[n % len(SAMPLES)]
        issue_id = f"{1990 + n // 4}-{n + 1:03d}"
        folder = issues / issue_id
        shutil.copytree(issues / sample, folder)
        for picture in (folder / "images").iterdir():
            with open(picture, "ab") as f:  # after JPEG's EOI / PNG's IEND: decoders ignore it
                f.write(f"{issue_id}".encode())
        (folder / "issue.yaml").write_text(issue_text(sources[sample], n), encoding="utf-8")
        ids.append(issue_id)
    for sample in SAMPLES:
        shutil.rmtree(issues / sample)
    return ids


def print_table(count: int, runs: dict[str, tuple[Run, int]]) -> None:
    full = runs["cold"][0].wall
    print(f"\nwhole archive: {count} synthetic issues from the samples, `express build` "
          f"(PDFs and site) as a process, {available_cores()} cores")
    print(f"{'build':22} {'typeset':>7} {'wall s':>7} {'cpu s':>7} {'issues/s':>8} "
          f"{'/ cold':>6}")
    for name, (r, built) in runs.items():
        print(f"{name:22} {built:7d} {r.wall:7.2f} {r.cpu:7.2f} {count / r.wall:8.1f} "
              f"{r.wall / full:6.3f}")
    print("typeset: issues typeset by that run; issues/s: the archive's issues over the wall "
          "time; cpu: the process and its workers; goal: no-op / cold < 0.2")


def rendered(out: Path) -> int:
    """How many PDFs the build's output lists as written (not ``(unchanged)``)."""
    lines = out.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.endswith(".pdf"))


def bench(count: int, jobs: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project")
        ids = make_archive(project, count)
        extra = ("--jobs", str(jobs)) if jobs else ()
        build = express_cmd(project, "build", *extra)
        out = Path(tmp) / "out.txt"
        runs: dict[str, tuple[Run, int]] = {}
        runs["cold"] = (run(build, stdout=out), rendered(out))
        runs["no-op"] = (run(build, stdout=out), rendered(out))
        changed = project / "issues" / ids[count // 2] / "issue.yaml"
        changed.write_text(changed.read_text(encoding="utf-8").replace(
            "season: ", "season: 改", 1), encoding="utf-8")
        runs["one issue changed"] = (run(build, stdout=out), rendered(out))
        runs["--force (warm caches)"] = (run([*build, "--force"], stdout=out), rendered(out))
        print_table(count, runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=100, help="issues in the archive")
    parser.add_argument("--jobs", type=int, default=None, help="express build --jobs")
    parser.add_argument("--back-issues", type=int, default=40,
                        help="back issues in the back-catalogue archive (0: skip it)")
    args = parser.parse_args()
    os.environ.setdefault("EXPRESS_FONT_PATH", str(ROOT / ".cache" / "fonts"))
    if args.issues:
        bench(args.issues, args.jobs)
    if args.back_issues:
        bench_back_catalogue(args.back_issues, args.jobs)


if __name__ == "__main__":
    main()
