"""Benchmark of an archive with a back catalogue (run by bench/archive.py, ``make bench``).

The two samples plus ``count`` generated back issues (PDFs made elsewhere: fpdf2 and
ReportLab-canvas PDFs of 4–6 pages with a text layer, and one in five a scan of 3 pages
with none, each with text of its own so no page is recognised twice), in a temporary
project.  ``express build`` as a process:

- cold: nothing built, every cache empty: each back issue's text read, each scan OCR'd;
- no-op: the same command again;
- one changed: one back issue's issue.yaml edited (the site is made again; every other
  back issue's text and pictures come from the caches);
- one PDF replaced: one back issue's PDF made anew with a page changed (its text read
  again, its scanned pages only where they changed).

The goal (issue 15): a back issue costs a cold build its text extraction and OCR once,
and nothing when unchanged.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from run import Run, express_cmd, make_project, run

from express.typeset import available_cores
from tests.backissues import makepdfs

SCAN_EVERY = 5  # one back issue in five is a scan
SAMPLE_NUMBERS = (35, 38)  # the samples' numbers, not given to a back issue
SEASONS = (("春", "spring", 4), ("秋", "autumn", 10))


def back_issue(folder: Path, n: int, changed: bool = False) -> None:
    """The ``n``-th generated back issue (first number 1) in ``folder``."""
    year = 1995 + n // 2
    season, _id, month = SEASONS[n % 2]
    cover = makepdfs.Cover(n, f"{year}年{season}号", f"{year}年{month}月20日")
    pages = [makepdfs.Page(f"第{n}号の記事{p}", [
        f"この頁は第{n}号の{p}頁目です。会員各社の取り組みを紹介します。",
        f"地域のネットワークを支える事業者{n * 10 + p}社が集まりました。",
        "改訂版の頁です。" if changed and p == 1 else "議論の要点を次号で報告します。"])
        for p in range(1, 3 + n % 4)]
    pdf = folder / f"jaipa-express-{n}.pdf"
    if n % SCAN_EVERY == 0:
        makepdfs.scanned_issue(pdf, cover, pages[:2])
    elif n % 2:
        makepdfs.fpdf_issue(pdf, cover, pages)
    else:
        makepdfs.canvas_issue(pdf, cover, pages)


def make_back_catalogue(project: Path, count: int) -> dict[str, int]:
    """``count`` back issues in ``project/issues``: numbers from 1 on (but the samples'),
    two a year from 1995; returns their ids and numbers."""
    ids = {}
    for n in [k for k in range(1, count + 3) if k not in SAMPLE_NUMBERS][:count]:
        year = 1995 + n // 2
        _season, season_id, month = SEASONS[n % 2]
        issue_id = f"{year}-{season_id}"
        folder = project / "issues" / issue_id
        folder.mkdir()
        back_issue(folder, n)
        (folder / "issue.yaml").write_text(
            f"number: {n}\ndate: {year}-{month:02d}-20\nseason: {year}年{_season}号\n"
            f"pdf: jaipa-express-{n}.pdf\n", encoding="utf-8")
        ids[issue_id] = n
    return ids


def bench_back_catalogue(count: int, jobs: int | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "project")
        ids = make_back_catalogue(project, count)
        extra = ("--jobs", str(jobs)) if jobs else ()
        build = express_cmd(project, "build", *extra)
        runs: dict[str, Run] = {"cold": run(build), "no-op": run(build)}
        middle = project / "issues" / list(ids)[count // 2]
        yaml = middle / "issue.yaml"
        yaml.write_text(yaml.read_text(encoding="utf-8") + "headline: 見出しを足した\n",
                        encoding="utf-8")
        runs["one changed (yaml)"] = run(build)
        scan = next(i for i, n in ids.items() if n == SCAN_EVERY)
        back_issue(project / "issues" / scan, SCAN_EVERY, changed=True)
        runs["one PDF replaced (scan)"] = run(build)
        cache = project / ".cache" / "backissues"
        ocr_pages = len(list(cache.glob("ocr/*/*.txt")))
        scans = sum(1 for n in ids.values() if n % SCAN_EVERY == 0)
        print_table(count, scans, runs, ocr_pages)
        shutil.rmtree(project / "build", ignore_errors=True)


def print_table(count: int, scans: int, runs: dict[str, Run], ocr_pages: int) -> None:
    cold = runs["cold"].wall
    print(f"\nback catalogue: the 2 samples + {count} back issues ({scans} scanned, "
          f"{ocr_pages} pages OCR'd in all), `express build` as a process, "
          f"{available_cores()} cores")
    print(f"{'build':26} {'wall s':>7} {'cpu s':>7} {'/ cold':>6}")
    for name, r in runs.items():
        print(f"{name:26} {r.wall:7.2f} {r.cpu:7.2f} {r.wall / cold:6.3f}")
    print("cpu: the process and its children (OCRmyPDF, Tesseract, Pagefind); "
          "goal: no-op / cold < 0.2")
