"""An issue and the publication it belongs to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from express.model.articles import Article, Image, Located
from express.model.back_issue import BackIssue
from express.model.body import EMPTY_BODY, Body
from express.model.source import Text


@dataclass
class Publication(Located):
    name: Text
    publisher: Text
    address: Text | None = None
    tel: Text | None = None
    fax: Text | None = None
    email: Text | None = None
    url: Text | None = None
    archive_url: Text | None = None
    print_profile: Text | None = None  # the printer's output profile (express/profiles)
    print_condition: Text | None = None  # its printing condition's registered name
    editor: Text | None = None  # 編集: who edits the newsletter (colophon)
    printer: Text | None = None  # 印刷: the printing company (colophon)
    notice: Text | None = None  # e.g. 本誌掲載記事の無断転載を禁じます (colophon)


@dataclass
class Cover(Located):
    headline: Text | None = None
    image: Image | None = None
    lines: list[Text] = field(default_factory=list)


@dataclass
class Issue(Located):
    id: str
    folder: str  # absolute path of the issue's folder
    number: int
    date: dt.date
    articles: list[Article]
    season: Text | None = None
    cover: Cover | None = None
    editorial: Body = EMPTY_BODY
    signature: Body = EMPTY_BODY  # the editorial's signature, each line as written
    template: str | None = None  # optional project key: the PDF layout template's name
    back: BackIssue | None = None  # an issue made elsewhere: its PDF, no articles

    @property
    def is_back(self) -> bool:
        return self.back is not None

    @property
    def number_label(self) -> str:
        """``第91号``."""
        return f"第{self.number}号"

    @property
    def title(self) -> str:
        """``JAIPA Express 第91号 2031年秋号`` without the publication name."""
        return " ".join(p for p in (self.number_label, self.season or "") if p)

    @property
    def headline(self) -> str:
        """The cover's headline, or "" when the issue has none."""
        return str(self.cover.headline) if self.cover and self.cover.headline else ""

    @property
    def lead_title(self) -> str:
        """What a list of issues shows under the number: the headline, else the first
        article's title (or the first line of a back issue's contents), else ""."""
        if self.headline:
            return self.headline
        if self.articles:
            return str(self.articles[0].title)
        if self.back is not None and self.back.contents:
            return str(self.back.contents[0].title)
        return ""


@dataclass
class Archive:
    """Everything loaded: the publication and its issues, newest first."""

    publication: Publication
    issues: list[Issue]

    def neighbours(self, issue: Issue) -> tuple[Issue | None, Issue | None]:
        """(newer, older) issue next to ``issue`` in the archive."""
        i = self.issues.index(issue)
        newer = self.issues[i - 1] if i > 0 else None
        older = self.issues[i + 1] if i + 1 < len(self.issues) else None
        return newer, older
