"""The HTML archive: every issue browsable online, searchable in Japanese, with its PDF.

``render_site`` writes a self-contained static site (relative links only, no request
leaves it) from jinja2 templates in ``templates/site/``; see ``render.py`` for the layout
of the output folder.
"""

from express.site.render import render_site

__all__ = ["render_site"]
