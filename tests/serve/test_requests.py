"""The preview server answers every request with a status, serves regular files under
build/site and nothing else, lists no folder, and answers only requests addressed to it.

Requests are written on a raw socket: a client library would tidy the very addresses
being tried (``%00``, ``..``, a name too long for any file system, a foreign ``Host``).
"""

from __future__ import annotations

import socket
import threading
from urllib.parse import quote

import pytest

from express.serve.pages import Chrome
from express.serve.server import make_server
from express.serve.status import Status
from tests.conftest import ROOT


@pytest.fixture
def server(tmp_path):
    """A preview of a small site: a page, a folder without index.html, a picture whose
    name needs escaping, and symlinks to a file outside the site and to /dev/zero."""
    site = tmp_path / "site"
    (site / "issue" / "images").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><head></head><body>top</body>")
    (site / "issue" / "index.html").write_text("<!doctype html><body>issue</body>")
    (site / "issue" / "images" / "a#1.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "secret.txt").write_text("not published")
    (site / "issue" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (site / "zero").symlink_to("/dev/zero")
    status = Status()
    httpd = make_server(site, 0, status, Chrome(ROOT / "templates" / "serve"))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1]
    status.close()
    httpd.shutdown()
    httpd.server_close()


def ask(port: int, path: str, host: str | None = "", method: str = "GET") -> tuple[int, bytes]:
    """(status, body) of one raw request; ``host`` "" means 127.0.0.1:port."""
    head = f"{method} {path} HTTP/1.1\r\n"
    if host is not None:
        head += f"Host: {host or f'127.0.0.1:{port}'}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((head + "Connection: close\r\n\r\n").encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    assert data, f"{path}: the connection was dropped without an answer"
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


@pytest.mark.parametrize("path", [
    "/%00", "/index.html%00.png", "/" + "a" * 300, "/issue/" + quote("あ" * 90) + ".html",
    "/../../etc/passwd", "/issue/%2e%2e/%2e%2e/secret.txt", "/%ff%fe",
])
def test_what_names_no_file_is_a_400_not_a_dropped_connection(server, path):
    assert ask(server, path)[0] == 400


def test_only_regular_files_under_the_site_are_served(server):
    assert ask(server, "/issue/leak.txt")[0] == 404  # a symlink leading out of the site
    assert ask(server, "/zero")[0] == 404  # … or to a device
    status, body = ask(server, "/issue/images/")
    assert status == 404 and b"a#1.png" not in body  # no listing of a folder
    assert ask(server, "/issue/images/a%231.png") == (200, b"\x89PNG\r\n\x1a\n")
    assert ask(server, "/issue")[0] == 301  # a folder's address gets its slash
    status, body = ask(server, "/issue/")
    assert status == 200 and b"issue" in body and b"/__express/reload.js" in body


def test_head_is_answered_without_a_body(server):
    assert ask(server, "/issue/images/a%231.png", method="HEAD") == (200, b"")


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "LOCALHOST:{port}"])
def test_its_own_host_names_are_answered(server, host):
    assert ask(server, "/", host=host.format(port=server))[0] == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "127.0.0.1:1",
                                  "localhost.evil.example:{port}", None])
def test_any_other_host_is_refused(server, host):
    """A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends
    its own name as Host: it must not read the preview."""
    status, body = ask(server, "/index.html", host=None if host is None
                       else host.format(port=server))
    assert status == 403 and b"top" not in body
    assert ask(server, "/__express/events", host="evil.example")[0] == 403
