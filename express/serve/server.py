"""The preview's HTTP server on 127.0.0.1: build/site as it is, plus the live-reload parts.

HTML pages get the reload script (and, after a failed build, the errors) added as they are
served; ``/__express/events`` streams the build generation to open pages; while there is
no good build at all, every page is the error page. Nothing is cached by the browser, so
a reload always shows the latest build.
"""

from __future__ import annotations

import functools
import http.server
import re
import urllib.parse
from pathlib import Path
from typing import ClassVar

from express.project import Project
from express.serve.pages import EVENTS, ROUTE, Chrome
from express.serve.status import Status
from express.serve.watch import WATCHED

KEEPALIVE_S = 15  # an idle event stream sends a comment this often, to notice closed pages


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


class PreviewHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webp": "image/webp",
        ".xml": "application/xml",
        ".js": "text/javascript",
    }

    def __init__(self, *args, status: Status, chrome: Chrome, **kwargs) -> None:
        self.status = status
        self.chrome = chrome
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        route = urllib.parse.urlsplit(self.path).path
        if route == EVENTS:
            self._events()
        elif route.startswith(ROUTE):
            self._asset(route.removeprefix(ROUTE))
        elif not (Path(self.directory) / "index.html").is_file():
            if self.status.errors:
                self._send(503, self.chrome.error_page(self.status).encode(), "text/html")
            else:
                super().do_GET()
        else:
            page = self._html_file(route)
            if page is None:
                super().do_GET()
            else:
                html = self.chrome.inject(page.read_text(encoding="utf-8"), self.status)
                self._send(200, html.encode(), "text/html")

    def send_error(self, code: int, message: str | None = None, explain: str | None = None
                   ) -> None:
        """A missing address gets the site's own 404 page, as a web server set up for the
        archive would serve it (not Python's English error page)."""
        page = Path(self.directory) / "404.html"
        if code == 404 and self.command == "GET" and page.is_file():
            html = page.read_text(encoding="utf-8")
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

    def _html_file(self, route: str) -> Path | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not route.endswith("/"):
                return None  # SimpleHTTPRequestHandler redirects to the folder with a slash
            path = path / "index.html"
        return path if path.suffix == ".html" and path.is_file() else None

    def _asset(self, name: str) -> None:
        path = self.chrome.asset(name)
        if path is None:
            self.send_error(404)
        else:
            self._send(200, path.read_bytes(), self.guess_type(str(path)))

    def _send(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-Sent Events: the generation now, then each new one, until the page goes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen = None
        while True:
            generation = self.status.wait(seen, KEEPALIVE_S)
            if generation is None:
                return
            line = f"data: {generation}\n\n" if generation != seen else ": idle\n\n"
            try:
                self.wfile.write(line.encode())
                self.wfile.flush()
            except OSError:
                return
            seen = generation


def make_server(site: Path, port: int, status: Status, chrome: Chrome,
                host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    handler = functools.partial(PreviewHandler, directory=str(site), status=status,
                                chrome=chrome)
    return http.server.ThreadingHTTPServer((host, port), handler)
