"""What the preview adds to the HTML it serves: the reload script and, after a failed
build, the errors over the page.

This happens at serve time only, so ``build/site`` stays exactly what ``express build``
writes. The additions are same-origin files (``/__express/…``), which the site's
Content-Security-Policy (``script-src 'self'``, ``style-src 'self'``) already allows.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from express.messages import current_language, message
from express.serve.status import Status

ROUTE = "/__express/"
EVENTS = ROUTE + "events"
HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
BODY_TAG = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


class Chrome:
    """Renders the preview's additions from ``templates/serve/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True,
                                      auto_reload=True)

    def inject(self, html: str, status: Status, site: bool = True) -> str:
        """``html`` with the reload script in its head and the errors (if any) at the top
        of its body."""
        head = self._render("head.html", status, site)
        end = HEAD_END.search(html)
        at = end.start() if end else 0
        html = html[:at] + head + html[at:]
        if status.errors:
            overlay = self._render("overlay.html", status, site)
            body = BODY_TAG.search(html)
            at = body.end() if body else len(html)
            html = html[:at] + overlay + html[at:]
        return html

    def error_page(self, status: Status) -> str:
        """The whole page while there is no good build at all."""
        return self._render("errors.html", status, site=False)

    def asset(self, name: str) -> Path | None:
        """A file the preview's pages load (reload.js, overlay.css), or None."""
        path = self.folder / name
        if "/" in name or path.suffix not in (".js", ".css") or not path.is_file():
            return None
        return path

    def _render(self, template: str, status: Status, site: bool) -> str:
        return self.env.get_template(template).render(
            lang=current_language(), generation=status.generation, errors=status.errors,
            pdf_pending=status.pdf_pending, pdfs=status.pdfs,
            route=ROUTE, title=message("serve.errors_title"),
            hint=message("serve.errors_hint" if site else "serve.errors_no_site"),
        )
