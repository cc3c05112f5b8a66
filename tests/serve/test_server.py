"""The preview server and what a save means, without a running ``express serve``."""

from __future__ import annotations

import os
import socket
import threading
import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from express.cli import main
from express.serve.pages import Chrome
from express.serve.plan import EVERYTHING, Plan, plan_for
from express.serve.server import make_server, needs_build
from express.serve.status import Status
from tests.conftest import ROOT


def test_needs_build_when_site_missing_or_sources_newer(project):
    assert needs_build(project)
    index = project.build / "site" / "index.html"
    index.parent.mkdir(parents=True)
    index.write_text("<!doctype html>", encoding="utf-8")
    future = index.stat().st_mtime + 3600
    os.utime(index, (future, future))
    assert not needs_build(project)
    issue = next(project.issues.glob("*/issue.yaml"))
    os.utime(issue, (future + 10, future + 10))
    assert needs_build(project)


def test_a_save_rebuilds_its_issue_and_shared_files_rebuild_everything(project):
    root = project.root
    assert plan_for(project, [root / "issues/2020-winter/issue.yaml",
                              root / "issues/2020-winter/images/a.jpg"]) == \
        Plan(ids=frozenset({"2020-winter"}))
    assert plan_for(project, [root / "issues/2020-winter/issue.yaml",
                              root / "issues/2022-spring/issue.yaml"]).build_ids() == \
        ["2020-winter", "2022-spring"]
    assert plan_for(project, [root / "issues/publication.yaml"]) == EVERYTHING
    assert plan_for(project, [root / "templates/site/base.html"]) == EVERYTHING
    assert plan_for(project, [root / "issues/2019-gone/issue.yaml"]) == EVERYTHING  # removed
    assert plan_for(project, [root / "templates/serve/overlay.css"]) == Plan(reload=True)


def test_pages_get_the_reload_script_and_errors_and_the_parts_are_served(site):
    status = Status()
    server = make_server(site, 0, status, Chrome(ROOT / "templates" / "serve"))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def get(path: str) -> tuple[str, str]:
        with urllib.request.urlopen(base + path) as r:
            return r.headers["Content-Type"], r.read().decode("utf-8", "replace")

    try:
        kind, page = get("")
        assert kind.startswith("text/html") and '<html lang="ja"' in page
        assert 'src="/__express/reload.js"' in page and "express-errors" not in page
        status.publish(["issues/x/issue.yaml:3:5: error: <b>&</b>"])
        page = get("2020-winter/index.html")[1]
        assert "issues/x/issue.yaml:3:5: error: &lt;b&gt;&amp;&lt;/b&gt;" in page  # escaped
        assert get("__express/reload.js")[0].startswith("text/javascript")
        assert get("__express/overlay.css")[0].startswith("text/css")
        wasm = next((site / "pagefind").glob("*.wasm"), None) or next(
            (site / "pagefind").rglob("*.pagefind"))
        assert get(wasm.relative_to(site).as_posix())[1]
        for hidden in ("__express/head.html", "__express/..%2Fsite%2Fbase.html"):
            with pytest.raises(urllib.error.HTTPError):
                get(hidden)
        # a missing address: the archive's own 404 page, its links from the site's root
        with pytest.raises(urllib.error.HTTPError) as missing:
            get("2020-winter/no-such-page")
        assert missing.value.code == 404
        page = missing.value.read().decode("utf-8")
        assert "ページが見つかりません" in page and 'href="/index.html"' in page
        assert "__express" not in (site / "index.html").read_text(encoding="utf-8")
    finally:
        status.close()
        server.shutdown()
        server.server_close()


def test_a_busy_port_is_a_clear_message(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(
            main, ["--project", str(project.root), "serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"port {port} is in use; choose another with --port" in result.output
