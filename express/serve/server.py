"""The preview's HTTP server on 127.0.0.1: build/site as it is, plus the live-reload parts.

HTML pages get the reload script (and, after a failed build, the errors) added as they are
served; ``/__express/events`` streams the build generation to open pages (and a ``pdf``
event when a save's PDF is in place); while there is no good build at all, every page is
the error page.  A saved issue's pages, set in memory before the site is made again
(express/serve/fresh.py), are served in place of build/site's, and its new PDF from
build/pdf. Nothing is cached by the browser, so
a reload always shows the latest build.

Every request gets an answer with a status: only regular files under build/site are
served (a symlink leading out of it is as if absent, a folder without index.html is not
listed); an address that names no file name at all (``%00``, ``..``, a name longer than
a file system allows, bytes that are not UTF-8) is a 400; and only requests addressed to
the preview itself (``Host: 127.0.0.1:PORT`` or ``localhost:PORT``) are answered, so a
web page that points a name of its own at 127.0.0.1 (DNS rebinding) cannot read the
unpublished preview.
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import os
import re
import shutil
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from express.messages import message
from express.project import Project
from express.serve.fresh import Fresh
from express.serve.pages import EVENTS, ROUTE, Chrome
from express.serve.status import Status
from express.serve.watch import WATCHED

KEEPALIVE_S = 15  # an idle event stream sends a comment this often, to notice closed pages
NAME_MAX = 255  # bytes in one file name, on every common file system
HOSTS = ("127.0.0.1", "localhost")


def needs_build(project: Project) -> bool:
    """True when there is no site yet, or an issue or template changed since it was built."""
    index = project.build / "site" / "index.html"
    if not index.is_file():
        return True
    built_at = index.stat().st_mtime
    for folder in WATCHED:
        for path in (project.root / folder).rglob("*"):
            if path.is_file() and path.stat().st_mtime > built_at:
                return True
    return False


@dataclass(frozen=True)
class Target:
    """What an address maps to: a file, a folder to redirect to (``redirect``), nothing
    there (neither set), or nothing it could name (``bad``)."""

    file: Path | None = None
    redirect: str | None = None
    bad: bool = False
    answered: bool = False  # (the preview's own page, sent already)


def site_target(site: Path, address: str) -> Target:
    """Map the path of a request (``/2020-winter/``, ``/a%20b.jpg``) to what it names in
    ``site``."""
    raw = urllib.parse.urlsplit(address).path
    try:
        route = urllib.parse.unquote(raw, errors="strict")
    except UnicodeDecodeError:
        return Target(bad=True)
    names = [n for n in route.split("/") if n not in ("", ".")]
    if any("\0" in n or n == ".." or len(os.fsencode(n)) > NAME_MAX for n in names):
        return Target(bad=True)
    root = os.path.realpath(site)
    real = os.path.realpath(os.path.join(root, *names))
    if os.path.commonpath([root, real]) != root:
        return Target()  # a symlink leading out of the site: not served
    try:
        mode = os.stat(real).st_mode
        if stat.S_ISDIR(mode):
            if not route.endswith("/"):
                return Target(redirect=urllib.parse.quote(route) + "/")
            real = os.path.join(real, "index.html")
            mode = os.stat(real).st_mode
    except OSError:
        return Target()
    return Target(file=Path(real)) if stat.S_ISREG(mode) else Target()


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    types: ClassVar[dict[str, str]] = {
        ".html": "text/html",
        ".wasm": "application/wasm",
        ".webp": "image/webp",
        ".xml": "application/xml",
        ".js": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".pdf": "application/pdf",
    }

    def __init__(self, *args, site: Path, status: Status, chrome: Chrome, fresh: Fresh | None,
                 **kwargs) -> None:
        self.site = site
        self.status = status
        self.chrome = chrome
        self.fresh = fresh
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def _answer(self, body: bool) -> None:
        self.body = body
        self.answered = False
        try:
            self._route()
        except (ConnectionError, TimeoutError):
            pass  # the browser went away
        except Exception:
            if self.answered:
                raise
            self.send_error(500)

    def _route(self) -> None:
        port = self.server.server_address[1]
        if self.headers.get("Host", "").lower() not in {
                *HOSTS, *(f"{h}:{port}" for h in HOSTS)}:
            text = message("serve.bad_host", port=port)
            self._send(403, text.encode(), "text/plain")
            return
        route = urllib.parse.urlsplit(self.path).path
        if route == EVENTS:
            self._events()
        elif route.startswith(ROUTE):
            self._asset(route.removeprefix(ROUTE))
        elif self.status.errors and not (self.site / "index.html").is_file():
            self._send(503, self.chrome.error_page(self.status).encode(), "text/html")
        else:
            self._file(self._fresh() or site_target(self.site, self.path))

    def _fresh(self) -> Target | None:
        """What the preview set ahead of the site for this address (express/serve/fresh.py):
        a page's text is answered here, a file is returned to be served."""
        if self.fresh is None:
            return None
        try:
            route = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path,
                                         errors="strict")
        except UnicodeDecodeError:
            return None
        path = route.lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        got = self.fresh.get(path)
        if isinstance(got, str):
            self._send(200, self.chrome.inject(got, self.status).encode(), "text/html")
            return Target(answered=True)
        return Target(file=got) if got is not None and got.is_file() else None

    def _file(self, target: Target) -> None:
        if target.answered:
            return
        if target.bad:
            self.send_error(400)
        elif target.redirect is not None:
            self.send_response(301)
            self.send_header("Location", target.redirect)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif target.file is None:
            self.send_error(404)
        elif target.file.suffix == ".html":
            html = target.file.read_text(encoding="utf-8", errors="replace")
            self._send(200, self.chrome.inject(html, self.status).encode(), "text/html")
        else:
            with open(target.file, "rb") as f:
                self.send_response(200)
                self.send_header("Content-Type", self._type(target.file))
                self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
                self.end_headers()
                if self.body:
                    shutil.copyfileobj(f, self.wfile)

    def send_response(self, code: int, message: str | None = None) -> None:
        self.answered = True
        super().send_response(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None
                   ) -> None:
        """A missing address gets the site's own 404 page, as a web server set up for the
        archive would serve it (not Python's English error page)."""
        page = self.site / "404.html"
        if code == 404 and self.command in ("GET", "HEAD") and page.is_file():
            html = page.read_text(encoding="utf-8", errors="replace")
            # its links start at the published root path (/book/archive/); here the site
            # is served from /
            root = re.search(r'data-root="([^"]*)"', html)
            if root and root[1] not in ("", "/"):
                html = html.replace(f'"{root[1]}', '"/')
            self._send(404, self.chrome.inject(html, self.status).encode(), "text/html")
            return
        super().send_error(code, message, explain)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:
        pass

    def _type(self, path: Path) -> str:
        return self.types.get(path.suffix.lower()) or mimetypes.guess_type(path.name)[0] \
            or "application/octet-stream"

    def _asset(self, name: str) -> None:
        path = self.chrome.asset(name)
        if path is None:
            self.send_error(404)
        else:
            self._send(200, path.read_bytes(), self._type(path))

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if getattr(self, "body", True):
            self.wfile.write(body)

    def _events(self) -> None:
        """Server-Sent Events: the generation now, then each new one, until the page goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        if not self.body:
            return
        seen = None
        while True:
            now = self.status.wait(seen, KEEPALIVE_S)
            if now is None:
                return
            if seen is None:  # (a page served while its PDF was set learns it is done)
                line = f"data: {now[0]}\n\nevent: pdf\ndata: {now[1]}\n\n"
            elif now[0] != seen[0]:
                line = f"data: {now[0]}\n\n"
            elif now[1] != seen[1]:
                line = f"event: pdf\ndata: {now[1]}\n\n"
            else:
                line = ": idle\n\n"
            try:
                self.wfile.write(line.encode())
                self.wfile.flush()
            except OSError:
                return
            seen = now


def make_server(site: Path, port: int, status: Status, chrome: Chrome,
                host: str = "127.0.0.1", fresh: Fresh | None = None
                ) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PreviewHandler, site=site, status=status, chrome=chrome,
                                fresh=fresh)
    return http.server.ThreadingHTTPServer((host, port), handler)
