"""What a long-lived process keeps between its builds (``express serve``).

A command builds once and ends; the preview builds on every save, and would otherwise
parse every issue, start the search indexer and load its Japanese dictionary (~1 s) each
time.  A :class:`Warm` passed to ``build()`` keeps them: the issues as loaded
(express/load/memo.py), one search service (express/site/search.py), and the facts of the
last site written (each issue's page: PDF size, cover, pictures), from which the preview
sets a changed issue's pages before its PDF and the site are made again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from express.load.memo import IssueMemo

if TYPE_CHECKING:
    from express.model.issue import Archive
    from express.site.render import IssuePage
    from express.site.search import Indexer


@dataclass
class Warm:
    issues: IssueMemo = field(default_factory=IssueMemo)
    indexer: Indexer | None = None  # started by the first site that is indexed
    archive: Archive | None = None  # what the last site written was made from …
    pages: dict[str, IssuePage] = field(default_factory=dict)  # … and its issues' pages

    def search(self) -> Indexer:
        if self.indexer is None:
            from express.site.search import Indexer

            self.indexer = Indexer()
        return self.indexer

    def close(self) -> None:
        if self.indexer is not None:
            self.indexer.close()
