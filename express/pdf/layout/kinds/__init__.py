"""One renderer per article kind: ``RENDERERS[kind](parts, article, ctx) -> flowables``.

Adding a kind adds a module here that registers itself with :func:`renders`.
"""

from __future__ import annotations

from collections.abc import Callable

from express.pdf.layout.platypus import Flowable

Renderer = Callable[..., list[Flowable]]
RENDERERS: dict[str, Renderer] = {}
# Kinds whose renderer returns column items: a run of them shares one section.
IN_COLUMNS: set[str] = set()


def renders(kind: str, *, in_columns: bool = False) -> Callable[[Renderer], Renderer]:
    def register(fn: Renderer) -> Renderer:
        RENDERERS[kind] = fn
        if in_columns:
            IN_COLUMNS.add(kind)
        return fn

    return register


from express.pdf.layout.kinds import (  # noqa: E402  (modules register themselves on import)
    article,
    calendar,
    committee,
    member,
    officers,
    opinions,
    providers,
    report,
)

__all__ = ["IN_COLUMNS", "RENDERERS", "article", "calendar", "committee", "member",
           "officers", "opinions", "providers", "renders", "report"]
