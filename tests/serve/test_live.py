"""``express serve`` live: a save is rebuilt and served, a broken save shows its errors
(file:line:col) over the last good build, the next good save recovers, and the open page
in a real browser reloads by itself. The server never exits on bad input."""

from __future__ import annotations

import pytest

from tests.conftest import edit
from tests.serve.conftest import ARTICLE, ISSUE, TITLE

pytestmark = pytest.mark.xdist_group("serve")

ERRORS = 'class="express-errors"'


def test_a_save_is_served_a_broken_save_shows_its_errors_and_the_next_recovers(serving):
    served = serving()
    status, page = served.get(ARTICLE)
    assert status == 200 and "沖縄ICTフォーラム2020 in 久米島" in page and ERRORS not in page

    served.edit(TITLE, TITLE + "（第二報）")
    served.wait_until(ARTICLE, lambda t: "久米島 開催報告（第二報）" in t)
    served.wait_for_line("issues/2020-winter/issue.yaml changed: built 2020-winter", 10)

    line = served.edit(TITLE, "  " + TITLE)  # bad indentation
    page = served.wait_until(ARTICLE, lambda t: ERRORS in t)
    assert f"issues/2020-winter/issue.yaml:{line}:" in page  # file:line:col, in the page
    assert "久米島 開催報告（第二報）" in page  # … over the last good build
    served.wait_for_line(f"issues/2020-winter/issue.yaml:{line}:", 10)  # … and in the terminal
    assert ERRORS in served.get("index.html")[1]  # on every page

    served.edit("  " + TITLE + "（第二報）", TITLE + "（第三報）")
    served.wait_until(ARTICLE, lambda t: "（第三報）" in t and ERRORS not in t)
    assert ERRORS not in served.get("index.html")[1]
    assert served.proc.poll() is None
    served.wait_for_line("the site and its search index are up to date", 30)  # follows
    built = (served.root / "build" / "site" / ARTICLE).read_text(encoding="utf-8")
    assert "（第三報）" in built and "__express" not in built  # build/site stays as built

    assert served.interrupt() == 0  # Ctrl+C ends it cleanly
    log = served.log()
    assert "stopped" in log and "Traceback" not in log


def test_when_the_first_build_fails_every_page_shows_the_errors_until_fixed(serving,
                                                                              tmp_path):
    line = edit(tmp_path / "issues" / ISSUE / "issue.yaml", TITLE, "  " + TITLE)
    served = serving()
    status, page = served.get("index.html")
    assert status == 503 and f"issues/2020-winter/issue.yaml:{line}:" in page
    assert "Nothing could be built yet" in page
    served.edit("  " + TITLE, TITLE)
    served.wait_until("index.html", lambda t: ERRORS not in t and "JAIPA Express" in t)
    assert served.get(ARTICLE)[0] == 200
