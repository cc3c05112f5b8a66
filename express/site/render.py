"""Write the archive site: index, one page per issue and per article, feeds, search index.

The output folder (everything relative, so it deploys by copying one folder and works
from disk)::

    index.html                   every issue, newest first, grouped by year
    <id>/index.html              an issue: cover, PDF, contents, editorial, previous/next
    <id>/<article id>.html       one page per article
    <id>/<id>.pdf                the issue's PDF
    <id>/cover.webp, cover.jpg   the PDF's first page (grid thumbnail, share image)
    <id>/images/…                photos and logos, downscaled
    assets/                      style.css, site.js (copied from templates/site/assets/)
    pagefind/                    the search index (Pagefind, Japanese segmentation)
    feed.xml, sitemap.xml        only when publication.archive_url is set

Pages come from jinja2 templates in ``templates/site/`` with autoescaping on, so anything
an editor writes is shown as text, never run.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from express import pdfpages
from express.backcatalogue import TextCache
from express.diagnostics import Diagnostics
from express.model import derive
from express.model.articles import Article, Member, Photo
from express.model.body import Body, Heading, ItemList, LineBreak, Paragraph, Run
from express.model.issue import Archive, Issue
from express.project import Project
from express.site import media
from express.site.backissues import BackPages, page_records, prepare_back_issue
from express.site.derived import DerivedFiles
from express.site.search import build_search_index
from express.typeset import available_cores
from express.warm import Warm

CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
    )
)
DESCRIPTION_CHARS = 110


@dataclass
class IssuePage:
    """What the templates need about one issue beyond the model."""

    issue: Issue
    pdf_href: str  # relative to the site root
    pdf_size: str  # as readers see it: 466 KB
    pdf_bytes: int  # the feed's enclosure length
    thumb: media.Picture
    og_image: media.Picture
    pages: int  # the PDF's page count
    pictures: dict[str, media.Picture] = field(default_factory=dict)  # image ref → copy
    back: BackPages | None = None  # a back issue's page thumbnails, contents and text

    @property
    def href(self) -> str:
        return f"{self.issue.id}/index.html"

    def article_href(self, article: Article) -> str:
        return f"{self.issue.id}/{article.id}.html"


def render_site(
    archive: Archive,
    project: Project,
    pdfs: dict[str, Path],
    out: Path,
    stage: Callable[[str], None] | None = None,
    warm: Warm | None = None,
) -> Diagnostics:
    """Write the site into ``out``; ``stage("search index")`` is told when the pages are
    written and the search index is next.  With ``warm`` (express/warm.py) its search
    service is used, and the archive and its pages are kept there."""
    out = Path(out)
    derived = DerivedFiles(project.root / ".cache" / "site")
    pages, diags = prepare_pages(archive, project, pdfs, out, derived)
    if diags.has_errors:
        return diags
    site = Site(archive, project, pages, out)
    site.write_all()
    if stage is not None:
        stage("search index")
    records = [r for p in pages.values() if p.back is not None
               for r in page_records(p.issue, p.pdf_href, p.back)]
    build_search_index(out, diags, records, warm.search() if warm else None)
    derived.prune()
    if warm is not None:
        warm.archive, warm.pages = archive, pages
    return diags


def prepare_pages(archive: Archive, project: Project, pdfs: dict[str, Path], out: Path,
                  derived: DerivedFiles) -> tuple[dict[str, IssuePage], Diagnostics]:
    """Each issue's PDF and pictures copied into ``out``, and what its pages show of them."""
    diags = Diagnostics()
    texts = TextCache(project.root / ".cache" / "backissues", available_cores())
    pages: dict[str, IssuePage] = {}
    # pictures are decoded, resampled and encoded by Pillow and pdfium outside the GIL: one
    # thread per core makes them side by side
    with ThreadPoolExecutor(available_cores()) as pool:
        prepared = pool.map(lambda i: _prepare_issue(i, pdfs.get(i.id), out, derived, texts),
                            archive.issues)
        for issue, (page, issue_diags) in zip(archive.issues, prepared, strict=True):
            diags.extend(issue_diags)
            if page is not None:
                pages[issue.id] = page
    return pages, diags


def _prepare_issue(
    issue: Issue, pdf: Path | None, out: Path, derived: DerivedFiles, texts: TextCache
) -> tuple[IssuePage | None, Diagnostics]:
    """Copy the PDF and pictures of ``issue`` into the site (and read a back issue's
    pages); no page when its PDF is unusable."""
    diags = Diagnostics()
    if pdf is None or not Path(pdf).is_file():
        diags.error(issue.pos, "site.pdf_missing", id=issue.id, path=str(pdf or ""))
        return None, diags
    folder = out / issue.id
    folder.mkdir(parents=True, exist_ok=True)
    pdf_href = f"{issue.id}/{issue.id}.pdf"
    shutil.copyfile(pdf, out / pdf_href)
    covers = [f"{issue.id}/cover.webp", f"{issue.id}/cover.jpg"]
    try:
        thumb, og = derived.get(out / pdf_href, ["cover", pdfpages.version()], out, covers,
                                lambda: media.render_cover(out / pdf_href, out, issue.id))
        if issue.back is not None:
            count = issue.back.pages
            back, back_diags = prepare_back_issue(issue, out / pdf_href, out, derived, texts)
            diags.extend(back_diags)
        else:
            count, back = pdfpages.page_count(out / pdf_href), None
    except Exception as exc:  # pdfium raises its own error types for broken files
        diags.error(issue.pos, "site.pdf_unreadable", id=issue.id, reason=str(exc))
        return None, diags
    size = (out / pdf_href).stat().st_size
    page = IssuePage(issue, pdf_href, media.size_label(size), size, thumb, og, count,
                     back=back)
    for image, box in _pictures(issue):
        if image.ref in page.pictures:
            continue
        path = f"{issue.id}/{image.ref.replace(chr(92), '/')}"
        recipe = ["picture", *box, Path(path).suffix.lower()]
        try:
            [page.pictures[image.ref]] = derived.get(
                Path(image.path), recipe, out, [path],
                lambda path=path, image=image, box=box: [
                    media.copy_picture(image.path, out, path, *box)])
        except OSError as exc:
            diags.error(image.pos, "image.unreadable", ref=image.ref, reason=str(exc))
    return page, diags


def _pictures(issue: Issue):
    for article in issue.articles:
        for photo in getattr(article, "photos", ()) or ():
            yield photo.image, (media.PHOTO_MAX, None)
        if isinstance(article, Member) and article.logo is not None:
            yield article.logo, media.LOGO_BOX


# ---------------------------------------------------------------- body text for templates


@dataclass
class ListNode:
    inlines: tuple[Run, ...]
    number: int | None = None  # in a numbered list; None: a bullet
    children: list[ListNode] = field(default_factory=list)

    @property
    def children_numbered(self) -> bool:
        """Whether the list nested under this item is numbered (its first item says)."""
        return bool(self.children) and self.children[0].number is not None


def body_blocks(body: Body) -> list[tuple[str, Any]]:
    """``("p", inlines)`` (``"lines"`` for a paragraph of broken lines), ``("h", inlines)``
    for a subheading and ``("ul"|"ol",
    [ListNode…])`` with list levels nested as trees."""
    out: list[tuple[str, Any]] = []
    for block in body.blocks:
        if isinstance(block, Paragraph):
            out.append(("lines" if block.broken else "p", block.inlines))
        elif isinstance(block, Heading):
            out.append(("h", block.inlines))
        elif isinstance(block, ItemList):
            roots: list[ListNode] = []
            stack: list[tuple[int, ListNode]] = []
            for item in block.items:
                node = ListNode(item.inlines, item.number)
                while stack and stack[-1][0] >= item.level:
                    stack.pop()
                (stack[-1][1].children if stack else roots).append(node)
                stack.append((item.level, node))
            out.append(("ol" if block.numbered else "ul", roots))
    return out


# Characters XML 1.0 does not allow at all (a feed reader rejects the whole feed for one),
# which text may still hold: YAML writes them as "\x01" or "\e" in double quotes.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_chars(value: Any) -> Any:
    """Every value a template writes, without the characters XML 1.0 does not allow (nor
    does HTML: they are parse errors there); other values as they are."""
    if isinstance(value, str) and _NOT_XML.search(value):
        kept = _NOT_XML.sub("", value)
        return Markup(kept) if isinstance(value, Markup) else kept
    return value


def safe_href(url: str | None) -> str | None:
    """Only web, mail and phone links are made clickable."""
    if not url:
        return None
    u = str(url).strip()
    return u if u.lower().startswith(("https://", "http://", "mailto:", "tel:")) else None


def tel_href(number: str) -> str:
    return "tel:" + "".join(c for c in str(number) if c.isdigit() or c == "+")


def summary_text(body: Body, limit: int = DESCRIPTION_CHARS) -> str:
    text = " ".join(body.plain_text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def access_class(access: str) -> str:
    return {"公開": "open", "一部公開": "partial", "非公開": "closed"}.get(access, "other")


def _jinja_cache(project: Project) -> str:
    folder = project.root / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return str(folder)


# ---------------------------------------------------------------- the pages


@dataclass
class Job:
    """One page to render: its template, its path in the site and what it is given; the
    issue (and article) it is a page of, if any."""

    template: str
    path: str
    context: dict[str, Any]
    issue: str | None = None
    article: Article | None = None


class Site:
    def __init__(
        self, archive: Archive, project: Project, pages: dict[str, IssuePage], out: Path
    ) -> None:
        self.archive = archive
        self.pub = archive.publication
        self.pages = pages
        self.out = out
        self.templates = project.templates / "site"
        base = (self.pub.archive_url or "").strip()
        self.base_url = (base.rstrip("/") + "/") if base else None
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.templates),
            autoescape=jinja2.select_autoescape(["html", "xml"]),
            undefined=jinja2.StrictUndefined,
            finalize=xml_chars,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # compiled templates kept between builds (each save in `express serve` rebuilds
            # the site); jinja2 checks each template's source before reusing it
            bytecode_cache=jinja2.FileSystemBytecodeCache(_jinja_cache(project)),
        )
        self.env.filters.update(
            date=derive.format_date,
            month_day=derive.format_month_day,
            safe_href=safe_href,
            tel_href=tel_href,
            access_class=access_class,
            blocks=body_blocks,
            summary=summary_text,
            iso=lambda d: d.isoformat(),
        )
        self.env.tests["linebreak"] = lambda run: isinstance(run, LineBreak)
        self.env.globals.update(
            pub=self.pub, csp=CSP, abs_url=self.abs_url, feeds=self.base_url is not None
        )

    def abs_url(self, path: str) -> str | None:
        """Absolute URL of a site path, or None when the publication has no archive_url."""
        if self.base_url is None:
            return None
        return self.base_url + path.removesuffix("index.html")

    def render(self, template: str, path: str, **context: Any) -> str:
        """The text of the page at ``path`` (relative to the site root)."""
        depth = path.count("/")
        context.setdefault("root", "../" * depth)
        context.setdefault("path", path)
        return self.env.get_template(template).render(**context)

    def write(self, template: str, path: str, **context: Any) -> None:
        dest = self.out / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(self.render(template, path, **context), encoding="utf-8")

    def write_all(self) -> None:
        self.copy_assets()
        for job in self.jobs():
            self.write(job.template, job.path, **job.context)

    def jobs(self) -> Iterator[Job]:
        """Every page of the site, to be rendered (nothing is rendered here)."""
        issues = [self.pages[i.id] for i in self.archive.issues if i.id in self.pages]
        years = [
            (year, list(group))
            for year, group in itertools.groupby(issues, key=lambda p: p.issue.date.year)
        ]
        yield Job("pages/index.html", "index.html",
                  dict(issues=issues, years=years, latest=issues[0] if issues else None))
        for page in issues:
            newer, older = self.archive.neighbours(page.issue)
            yield Job(
                "pages/back_issue.html" if page.back is not None else "pages/issue.html",
                page.href,
                dict(page=page, issue=page.issue,
                     newer=self.pages.get(newer.id) if newer else None,
                     older=self.pages.get(older.id) if older else None),
                issue=page.issue.id,
            )
            articles = page.issue.articles
            for i, article in enumerate(articles):
                yield Job(
                    "pages/article.html",
                    page.article_href(article),
                    dict(
                        page=page,
                        issue=page.issue,
                        article=article,
                        kind_template=self.kind_template(article.kind),
                        prev=articles[i - 1] if i > 0 else None,
                        next=articles[i + 1] if i + 1 < len(articles) else None,
                        photos=self.photos(page, getattr(article, "photos", [])),
                        logo=(
                            page.pictures.get(article.logo.ref)
                            if isinstance(article, Member) and article.logo
                            else None
                        ),
                    ),
                    issue=page.issue.id,
                    article=article,
                )
        # served for any missing address, at any depth: links from the site's root path
        root_path = urlsplit(self.base_url).path if self.base_url else "/"
        yield Job("pages/404.html", "404.html", dict(root=root_path))
        if self.base_url is not None:
            updated = max((p.issue.date for p in issues), default=dt.date.today())
            yield Job("feed.xml", "feed.xml", dict(issues=issues, updated=updated, root=""))
            yield Job("sitemap.xml", "sitemap.xml", dict(issues=issues, root=""))

    def kind_template(self, kind: str) -> str:
        name = f"kinds/{kind}.html"
        return name if (self.templates / name).is_file() else "kinds/article.html"

    def photos(self, page: IssuePage, photos: list[Photo]) -> list[tuple[Photo, media.Picture]]:
        return [(p, page.pictures[p.image.ref]) for p in photos if p.image.ref in page.pictures]

    def copy_assets(self) -> None:
        src = self.templates / "assets"
        if src.is_dir():
            shutil.copytree(src, self.out / "assets", dirs_exist_ok=True)
