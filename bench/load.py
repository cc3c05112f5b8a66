"""Benchmark of loading long issues (``make bench``): time against length.

An issue whose editorial is 1, 4 and 16 MB of ordinary paragraphs (16 MB is the most an
issue.yaml may hold) is checked as ``express check`` checks it: loaded, then the editorial
checks run.  Loading counted each body line from the body's start, once per run of text
(2 MB took 9.8 s, 50 MB did not end); the goal is time linear in the length: the MB/s
column stays level from row to row.  It is figured from CPU seconds, which suffer less
from a busy machine than the wall-clock seconds shown beside them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from express.check import check  # noqa: E402
from express.inputs import YAML_LIMIT, MiB  # noqa: E402
from express.project import Project  # noqa: E402

LINE = "会員各位におかれましては、ますますご清祥のこととお慶び申し上げます。\n"
HEAD = "number: 1\ndate: 2031-10-01\neditorial: |\n"
TAIL = "articles:\n  - kind: article\n    title: 題\n    body: |\n      本文。\n"


def write_issue(project: Path, size: int) -> None:
    per_line = len(("      " + LINE).encode()) + 1 / 5
    body = "".join("      " + LINE + ("\n" if i % 5 == 4 else "")
                   for i in range(int(size / per_line)))
    folder = project / "issues" / "2031-autumn"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "issue.yaml").write_text(HEAD + body + TAIL, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (the best)")
    args = parser.parse_args()
    print(f"{'editorial':>10} {'wall s':>7} {'CPU s':>6} {'MB/s':>6}")
    for size in (1 * MiB, 4 * MiB, YAML_LIMIT - MiB // 2):
        with tempfile.TemporaryDirectory(prefix="express-bench-load-") as tmp:
            project = Path(tmp)
            (project / "issues").mkdir()
            (project / "issues" / "publication.yaml").write_text(
                (ROOT / "issues" / "publication.yaml").read_text(encoding="utf-8"),
                encoding="utf-8")
            (project / "templates").symlink_to(ROOT / "templates")
            write_issue(project, size)
            wall = cpu = float("inf")
            for _ in range(args.repeat):
                started, cpu_started = time.perf_counter(), time.process_time()
                _archive, diags = check(Project(project))
                wall = min(wall, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - cpu_started)
                assert not diags.has_errors, [d.render("en") for d in diags][:3]
        print(f"{size / MiB:>8.1f}MB {wall:>7.2f} {cpu:>6.2f} {size / MiB / cpu:>6.1f}")


if __name__ == "__main__":
    main()
