"""The page first: after a save, ``express serve`` sets the saved issue's pages in memory
from the issue as just loaded — only those the save can change — and writes nothing; the
PDF and the site follow, and what the preview leaves in build/ once they have is what
``express build --force`` makes, byte for byte."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from express.build import build
from express.serve.fresh import Fresh, refresh
from express.warm import Warm
from tests.conftest import edit
from tests.serve.conftest import ARTICLE, ISSUE, TITLE

pytestmark = pytest.mark.xdist_group("serve")

SENTENCE = "「沖縄ICTフォーラム2020 in 久米島」を開催しました。"
SITE_DONE = "the site and its search index are up to date"


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (names starting with a dot aside) and its SHA-256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and not any(n.startswith(".") for n in p.relative_to(folder).parts)}


def test_a_saved_sentence_sets_its_article_page_and_the_issue_page_and_writes_nothing(
        project):
    warm = Warm()
    try:
        assert build(project, warm=warm).ok
        before = tree(project.build)
        issue_yaml = project.issues / ISSUE / "issue.yaml"

        edit(issue_yaml, SENTENCE, SENTENCE + "新しい一文です。")
        fresh = Fresh()
        assert not refresh(project, warm, fresh, 1, [ISSUE]).has_errors
        assert "新しい一文です。" in fresh.get(ARTICLE)
        pages = tree(project.build / "site")
        set_ = {p for p in pages if isinstance(fresh.get(p), str)}
        # the article and its issue's page, the index and the neighbouring issue's page
        # (its pager names this issue); not the issue's other articles
        assert set_ == {ARTICLE, f"{ISSUE}/index.html", "index.html", "2022-spring/index.html"}
        assert tree(project.build) == before  # nothing written: build/ is a build's

        # a new title shows on the pages of the articles before and after it too
        edit(issue_yaml, TITLE, TITLE + "（第二報）")
        fresh = Fresh()
        assert not refresh(project, warm, fresh, 2, [ISSUE]).has_errors
        set_ = {p for p in pages if p.startswith(ISSUE + "/") and fresh.get(p)}
        assert set_ == {ARTICLE, f"{ISSUE}/index.html", f"{ISSUE}/02-member.html"}
        assert "（第二報）" in fresh.get(f"{ISSUE}/02-member.html")
        assert tree(project.build) == before
    finally:
        warm.close()


def test_what_the_preview_leaves_is_what_a_forced_build_makes_byte_for_byte(serving):
    served = serving()
    served.edit(SENTENCE, SENTENCE + "一度目の保存です。")
    served.wait_until(ARTICLE, lambda t: "一度目の保存です。" in t)
    served.wait_for_line(SITE_DONE, 60)
    served.edit(TITLE, TITLE + "（第二報）")
    served.wait_until(ARTICLE, lambda t: "（第二報）" in t)
    served.wait_for_line(SITE_DONE, 60)
    assert served.interrupt() == 0
    pdf, site = served.root / "build" / "pdf", served.root / "build" / "site"
    assert "（第二報）" in (site / ARTICLE).read_text(encoding="utf-8")
    incremental = {"pdf": tree(pdf), "site": tree(site)}

    subprocess.run([sys.executable, "-m", "express", "--project", str(served.root), "build",
                    "--force"], check=True, capture_output=True)
    forced = {"pdf": tree(pdf), "site": tree(site)}
    assert incremental["pdf"] == forced["pdf"]
    assert incremental["site"].keys() == forced["site"].keys()
    assert [p for p, d in incremental["site"].items() if forced["site"][p] != d] == []
