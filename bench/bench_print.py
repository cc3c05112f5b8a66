"""Benchmark of the print edition (``make bench``): what it costs beside the screen edition.

For each sample issue and the synthetic one ten times the largest (bench/run.py's), the
screen PDF and the print edition (``render_issue(..., for_print=True)``: CMYK, marks,
padding, PDF/X finishing and pre-flight) are set in this process, alternately, and the
best CPU time of each is shown with their ratio: the goal (issue 16) is print/screen
<= 2.  CPU time, not wall time, as the machine is shared; pictures come from the picture
cache in both (made by a first, unmeasured run of each).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

GOAL = 2.0


def main(repeat: int = 7) -> int:
    from run import add_synthetic, make_project

    from express.check import check
    from express.pdf.render import render_issue
    from express.project import Project

    os.environ.setdefault("EXPRESS_FONT_PATH", str(ROOT / ".cache" / "fonts"))
    os.environ.setdefault("EXPRESS_PROFILE_PATH", str(ROOT / ".cache" / "profiles"))
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        root = make_project(Path(tmp) / "project")
        samples = sorted(p.name for p in (root / "issues").iterdir() if p.is_dir())
        sizes = {i: (root / "issues" / i / "issue.yaml").stat().st_size for i in samples}
        ids = [*samples, add_synthetic(root, max(samples, key=lambda i: sizes[i]))]
        project = Project(root)
        archive, _diags = check(project, ids)
        print(f"{'issue':18} {'pages':>5} {'print':>5} {'screen cpu s':>12} "
              f"{'print cpu s':>11} {'print/screen':>12} {'print MB':>8}")
        for issue in (i for i in archive.issues if i.id in ids):
            best = {False: float("inf"), True: float("inf")}
            out: dict[bool, bytes] = {}
            for n in range(repeat + 1):
                for for_print in (False, True):
                    start = time.process_time()
                    pdf, _ = render_issue(issue, archive, project, for_print=for_print)
                    spent = time.process_time() - start
                    if n:  # the first run of each makes the picture cache
                        best[for_print] = min(best[for_print], spent)
                    out[for_print] = pdf
            ratio = best[True] / best[False]
            worst = max(worst, ratio)
            print(f"{issue.id:18} {_pages(out[False]):5d} {_pages(out[True]):5d} "
                  f"{best[False]:12.3f} {best[True]:11.3f} {ratio:12.2f} "
                  f"{len(out[True]) / 2**20:8.1f}")
    print(f"goal (issue 16): print/screen <= {GOAL:g}; worst {worst:.2f}: "
          + ("met" if worst <= GOAL else "NOT MET"))
    return 0


def _pages(pdf: bytes) -> int:
    import io

    import pypdf

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


if __name__ == "__main__":
    raise SystemExit(main())
