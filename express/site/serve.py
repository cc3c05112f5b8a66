"""``express serve``: preview build/site on localhost (search works there, unlike file://)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path
from typing import ClassVar

from express.project import Project

WATCHED = ("issues", "templates")


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webp": "image/webp",
        ".xml": "application/xml",
        ".js": "text/javascript",
    }

    def log_message(self, format, *args):
        pass


def make_server(site: Path, port: int, host: str = "127.0.0.1") -> http.server.HTTPServer:
    handler = functools.partial(QuietHandler, directory=str(site))
    return http.server.ThreadingHTTPServer((host, port), handler)
