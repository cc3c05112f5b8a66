"""``express serve``: rebuild only when needed, then serve build/site on localhost."""

from __future__ import annotations

import os
import threading
import urllib.request

from click.testing import CliRunner

from express.cli import main
from express.site.serve import make_server, needs_build


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


def test_server_serves_the_site_with_wasm_type(site):
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with urllib.request.urlopen(base + "index.html") as r:
            assert '<html lang="ja"' in r.read().decode("utf-8")
        wasm = next((site / "pagefind").glob("*.wasm"), None) or next(
            (site / "pagefind").rglob("*.pagefind")
        )
        with urllib.request.urlopen(base + wasm.relative_to(site).as_posix()) as r:
            assert r.status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_serve_command_is_listed():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output
