"""One rule for what a build includes: the site is built from every issue, and only from
issues that check clean; an error in any issue stops a build that publishes the site and
is named, whether or not that issue was named on the command line.

``express build ID`` rebuilt the whole site but reported on ID only: another issue with a
YAML error vanished from the archive (exit 0), one with a ``javascript:`` link was
published without that row and with its old PDF, a folder ``check`` rejects was published.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import edit
from tests.faults.conftest import express, outputs

OTHER = "issues/2022-spring/issue.yaml"


def broken_yaml(project) -> None:
    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: [2022年春号")


def unreadable(project) -> None:
    path = project.issues / "2022-spring" / "issue.yaml"
    path.unlink()
    os.mkfifo(path)  # cannot be read as a file (and would block a reader for ever)


def bad_link(project) -> None:
    text = (project.issues / "2022-spring" / "issue.yaml").read_text(encoding="utf-8")
    url = next(line.split("url: ")[1] for line in text.splitlines() if "url: http" in line)
    edit(project.issues / "2022-spring" / "issue.yaml", url, "javascript:alert(1)")


def impossible_date(project) -> None:
    edit(project.issues / "2022-spring" / "issue.yaml", "date: 2022-", "date: 2022-02-30 #")


@pytest.mark.parametrize("spoil", [broken_yaml, unreadable, bad_link, impossible_date])
def test_an_error_in_an_issue_not_named_stops_a_build_that_publishes_it(project, spoil):
    assert express(project.root, "build").returncode == 0
    before = outputs(project)
    edit(project.issues / "2020-winter" / "issue.yaml", "title: 沖縄ICTフォーラム2020",
         "title: 沖縄ICTフォーラム二〇二〇")
    spoil(project)
    result = express(project.root, "build", "2020-winter")
    assert result.returncode == 1, result.stderr
    assert f"{OTHER}:" in result.stderr and ": error: " in result.stderr
    assert "nothing was written (errors in: 2022-spring)" in result.stderr
    assert outputs(project) == before
    # without the site, the issue named is built on its own
    alone = express(project.root, "build", "2020-winter", "--no-site")
    assert alone.returncode == 0, alone.stderr


def test_a_folder_check_rejects_is_never_built(project):
    bad = project.issues / "Draft-2031"
    bad.mkdir()
    (bad / "issue.yaml").write_bytes(
        (project.issues / "2022-spring" / "issue.yaml").read_bytes().replace(
            b"number: ", b"number: 9"))
    result = express(project.root, "build", "2020-winter")
    assert result.returncode == 1
    assert 'the issue folder name "Draft-2031" is not a valid id' in result.stderr
    assert not (project.build / "pdf" / "Draft-2031.pdf").exists()
    assert not (project.build / "site" / "Draft-2031").exists()
    assert express(project.root, "build", "2020-winter", "--no-site").returncode == 0
    assert not (project.build / "pdf" / "Draft-2031.pdf").exists()


def test_building_one_issue_with_the_site_brings_every_pdf_up_to_date(project):
    """The site of one issue's build published the other issues' PDFs as they were, even
    when their text had changed since: the site's pages said one thing, its PDF another."""
    assert express(project.root, "build").returncode == 0
    edit(project.issues / "2022-spring" / "issue.yaml", "season: 2022年春号",
         "season: 2022年春季号")
    result = express(project.root, "build", "2020-winter")
    assert result.returncode == 0, result.stderr
    # made again, not "(unchanged)"; the pages are said since the page plan (issue 12)
    assert "build/pdf/2022-spring.pdf (8 pages)\n" in result.stdout
    from tests.pdf.conftest import pdfium_text

    assert "春季号" in pdfium_text(project.build / "pdf" / "2022-spring.pdf")
