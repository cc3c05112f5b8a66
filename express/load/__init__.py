"""Loading: YAML files → a validated model with source positions, plus every problem found.

``load_archive`` reads ``publication.yaml`` and each issue folder, checks facts across issues
(numbers unique), and returns the model with one list of diagnostics.  It never raises on
bad input.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from pathlib import Path

import yaml

from express.diagnostics import Diagnostics
from express.load.back_issue import has_pdf_key, load_back_issue
from express.load.images import read_image
from express.load.kinds import COMMON, KINDS, body, kinds_taking
from express.load.memo import IssueMemo
from express.load.values import Fields, Reader, suggest
from express.load.yaml_source import read_file, read_source, top_scalars
from express.model.articles import DEFAULT_TITLES, Article
from express.model.issue import Archive, Cover, Issue, Publication
from express.model.source import Pos, Text

# The id rule, for issue folders, article ids and template names: what may become a file
# name and part of an address as it is.  Matched whole (``$`` would also match before a
# final newline), and short enough for any file system's names.
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
PUBLICATION_KEYS = {"name": True, "publisher": True, "address": False, "tel": False,
                    "fax": False, "email": False, "url": False, "archive_url": False,
                    "print_profile": False, "print_condition": False,
                    "editor": False, "printer": False, "notice": False}
ISSUE_KEYS = {"number": True, "date": True, "season": False, "cover": False,
              "editorial": False, "signature": False, "articles": True, "template": False}
BACK_ONLY = ("headline", "contents")  # keys of a back issue (with pdf:) alone


def is_id(text: str) -> bool:
    """Whether ``text`` follows the id rule (see ``ID``)."""
    return ID.fullmatch(text) is not None


def shown_path(path: Path) -> str:
    """The path as editors see it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def _source(path: Path, diags: Diagnostics, folder: Path, missing: str
            ) -> tuple[Reader, yaml.Node] | None:
    """A reader for ``path`` and its top node; ``missing`` if the file is absent."""
    shown = shown_path(path)
    if not path.exists():
        diags.error(Pos(shown, 1, 1), missing)
        return None
    source = read_file(path, shown, diags)
    if source is None:
        return None
    return Reader(shown, source.text, diags, str(folder)), source.root


def _read(path: Path, diags: Diagnostics, folder: Path, what: str, keys: dict[str, bool],
          missing: str) -> tuple[Reader, Fields] | None:
    """The top-level mapping of ``path`` checked against ``keys``; ``missing`` if absent."""
    got = _source(path, diags, folder, missing)
    if got is None:
        return None
    r, root = got
    f = r.mapping(root, what, keys)
    return (r, f) if f is not None else None


def load_publication(root: Path, diags: Diagnostics) -> Publication | None:
    got = _read(root / "publication.yaml", diags, root, "publication", PUBLICATION_KEYS,
                "publication.missing")
    if got is None or got[1].missing_required:
        return None
    r, f = got
    return Publication(
        f.pos, name=f.get("name", r.text_value), publisher=f.get("publisher", r.text_value),
        address=f.get("address", r.text_value), tel=f.get("tel", r.text_value),
        fax=f.get("fax", r.text_value), email=f.get("email", r.email),
        url=f.get("url", r.link), archive_url=f.get("archive_url", r.link),
        print_profile=f.get("print_profile", r.text_value),
        print_condition=f.get("print_condition", r.text_value),
        editor=f.get("editor", r.text_value), printer=f.get("printer", r.text_value),
        notice=f.get("notice", r.text_value), where=f.where,
    )


def _article(r: Reader, node: yaml.Node, index: int, ids: dict[str, Pos]) -> Article | None:
    if not isinstance(node, yaml.MappingNode):
        r.mapping(node, "articles[]", {})  # says what is wrong, with an example
        return None
    kind_node = next((v for k, v in node.value if getattr(k, "value", None) == "kind"), None)
    if kind_node is None:
        r.error(node, "key.missing", key="kind", what="articles[]")
        return None
    kind = r.text_value(kind_node, "kind")
    if kind is None:
        return None
    if kind not in KINDS:
        r.error(kind_node, "article.unknown_kind", kind=kind, kinds=", ".join(KINDS),
                hint=suggest(kind, tuple(KINDS)))
        return None
    own_keys, build = KINDS[kind]
    f = r.mapping(node, f"articles[{index}]({kind})", COMMON | own_keys,
                  elsewhere=kinds_taking)
    if f is None or f.missing_required:
        return None
    article_id = f.get("id", r.text_value)
    if article_id is not None and not is_id(article_id):
        r.error(f.child("id"), "article.bad_id", value=article_id)
        article_id = None
    if article_id is None:
        article_id = f"{index + 1:02d}-{kind}"
    if article_id in ids:
        r.error(f.child("id") or node, "article.duplicate_id", value=article_id,
                other=ids[article_id].line)
    ids.setdefault(article_id, f.pos)
    title = f.get("title", r.text_value)
    if title is None:
        default = (f.get("name", r.text_value) if kind == "committee"
                   else f.get("company", r.text_value) if kind == "member"
                   else DEFAULT_TITLES.get(kind, kind))
        title = default if isinstance(default, Text) else Text(str(default), f.pos)
    common = {"pos": f.pos, "where": f.where, "kind": kind, "id": article_id, "title": title}
    return build(r, f, common)


def load_issue(folder: Path, diags: Diagnostics) -> Issue | None:
    path = folder / "issue.yaml"
    if not is_id(folder.name):  # never read as an id, built or written to
        diags.error(Pos(shown_path(path), 1, 1), "issue.bad_folder", name=folder.name)
        return None
    if folder.is_symlink():  # its files lie elsewhere (issues/x → / would walk the disk)
        diags.error(Pos(shown_path(path), 1, 1), "issue.folder_link", name=folder.name)
        return None
    got = _source(path, diags, folder, "issue.missing_file")
    if got is None:
        return None
    r, root = got
    if has_pdf_key(root):
        return load_back_issue(r, root, folder)
    f = r.mapping(root, "issue", ISSUE_KEYS | dict.fromkeys(BACK_ONLY, False))
    if f is None:
        return None
    for key in BACK_ONLY:
        if (n := f.child(key)) is not None:
            r.error(n, "issue.back_issue_key", key=key)
    cover = None
    if (n := f.child("cover")) is not None:
        c = r.mapping(n, "cover", {"headline": False, "image": False, "lines": False})
        if c is not None:
            lines_node = c.child("lines")
            cover = Cover(
                c.pos, headline=c.get("headline", r.text_value),
                image=c.get("image", lambda n, w: read_image(r, n, w)),
                lines=r.items(lines_node, "cover.lines", lambda n: r.text_value(n, "lines"))
                if lines_node is not None else [],
                where=c.where,
            )
    ids: dict[str, Pos] = {}
    articles_node = f.child("articles")
    articles: list[Article] = []
    if articles_node is not None:
        if isinstance(articles_node, yaml.SequenceNode):
            for i, child in enumerate(articles_node.value):
                article = _article(r, child, i, ids)
                if article is not None:
                    articles.append(article)
            if not articles_node.value:
                r.error(articles_node, "issue.no_articles")
        else:
            r.error(articles_node, "value.expected_list", what="articles")
    number = f.get("number", r.positive_int)
    date = f.get("date", r.date)
    editorial = f.get("editorial", lambda n, w: body(r, n, w))
    signature = f.get("signature", lambda n, w: body(r, n, w, every_line=True))
    if signature and not editorial:  # it signs the editorial: without one it is not printed
        r.error(f.child("signature"), "issue.signature_without_editorial")
    template = f.get("template", r.text_value)
    if template is not None and not is_id(template):
        r.error(f.child("template"), "issue.bad_template", value=template)
        return None
    if f.missing_required or number is None or date is None:
        return None
    kwargs = {"editorial": editorial} if editorial else {}
    if signature:
        kwargs["signature"] = signature
    return Issue(
        f.pos, id=folder.name, folder=str(folder.resolve()), number=number, date=date,
        articles=articles, season=f.get("season", r.text_value), cover=cover,
        template=str(template) if template else None, where=f.where, **kwargs,
    )


def issue_folders(root: Path) -> list[Path]:
    """Every folder under ``issues/`` that holds (or should hold) an issue."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if p.is_dir() and not p.name.startswith((".", "_")))


_FACTS = frozenset(("number", "date"))


def issue_facts(folder: Path) -> tuple[int, Pos, dt.date | None] | None:
    """The ``number`` of the issue in ``folder``, where it is written, and its ``date``,
    read from the top of its file without loading the issue (None when the number cannot
    be read: loading that issue reports why)."""
    path = folder / "issue.yaml"
    shown = shown_path(path)
    data = read_source(path, shown, Diagnostics())
    read = top_scalars(shown, data, _FACTS) if data is not None else None
    if read is None:
        return None
    text, nodes = read
    r = Reader(shown, text, Diagnostics(), str(folder))
    number = r.positive_int(nodes["number"], "number") if "number" in nodes else None
    if number is None:
        return None
    date = r.date(nodes["date"], "date") if "date" in nodes else None
    return number, r.pos(nodes["number"]), date


def numbers_back_in_time(numbers: list[tuple[str, int, Pos, dt.date | None]]
                         ) -> list[tuple[Pos, int, dt.date, Pos, int, dt.date]]:
    """The issues whose number goes backwards in time against the others: in date order
    the numbers should rise, so the issues off the longest rising run of numbers are the
    odd ones out (one mistyped number is one warning, however many issues it passes).
    Each with the issue it passes: (where, number, date) of both."""
    dated = sorted((n for n in numbers if n[3] is not None), key=lambda n: (n[3], n[1]))
    if len(dated) < 2:
        return []
    # the longest run of strictly rising numbers (patience sorting), found from the latest
    # issue back so that of two equally long runs the one keeping the earlier issues wins:
    # a new issue numbered 39 after number 91 is the one told
    tails: list[int] = []  # index into dated of the first item of a run of each length
    before: list[int | None] = [None] * len(dated)
    for i in reversed(range(len(dated))):
        lo = bisect.bisect_left([-dated[j][1] for j in tails], -dated[i][1])
        before[i] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    keep: set[int] = set()
    i = tails[-1] if tails else None
    while i is not None:
        keep.add(i)
        i = before[i]
    out = []
    for i, (_id, number, pos, date) in enumerate(dated):
        if i in keep:
            continue
        # the issue it contradicts: the latest kept one dated before it with a number
        # not below its own, else the earliest kept one dated after it with a lower one
        earlier = [j for j in keep if j < i and dated[j][1] >= number]
        later = [j for j in keep if j > i and dated[j][1] <= number]
        j = max(earlier) if earlier else min(later) if later else None
        if j is not None:
            other = dated[j]
            out.append((pos, number, date, other[2], other[1], other[3]))
    return out


def load_archive(root: Path, only: list[str] | None = None, *, whole: bool = True,
                 memo: IssueMemo | None = None) -> tuple[Archive | None, Diagnostics]:
    """Load ``root`` (the ``issues/`` folder); ``only`` limits which issues are checked.

    Cross-issue facts (unique numbers) always look at every issue.  With ``only`` and not
    ``whole``, the other issues are only glanced at for their numbers and are not in the
    archive returned (for a PDF or a check of one issue in a large archive: loading every
    other issue would cost more than typesetting the one asked for).  With ``whole`` the
    archive is what the site publishes, so the other issues' errors are reported too (an
    issue with errors is left out of the archive: publishing without it would drop it
    without a word); their warnings are not, being about issues not asked for.  ``memo``
    keeps issues loaded before (a long-lived process: express/load/memo.py).
    """
    diags = Diagnostics()
    if not root.is_dir():
        diags.error(Pos(shown_path(root), 1, 1), "issues.missing_root")
        return None, diags
    publication = load_publication(root, diags)
    folders = issue_folders(root)
    if only:
        known = {p.name for p in folders}
        for wanted in only:
            if wanted not in known:
                diags.error(Pos(shown_path(root / wanted), 1, 1), "issue.unknown_id",
                            id=wanted, hint=suggest(wanted, sorted(known)))
    issues: list[Issue] = []
    # every issue's (id, number, where written, date)
    numbers: list[tuple[str, int, Pos, dt.date | None]] = []
    for folder in folders:
        if only and not whole and folder.name not in only:
            got = issue_facts(folder)
            if got is not None:
                numbers.append((folder.name, *got))
            continue
        scoped = Diagnostics()
        issue = memo.load(folder, scoped) if memo else load_issue(folder, scoped)
        diags.extend(scoped if not only or folder.name in only
                     else (d for d in scoped if d.is_error))
        if issue is not None:
            issues.append(issue)
            numbers.append((issue.id, issue.number, issue.at("number"), issue.date))
    by_number: dict[int, tuple[str, Pos]] = {}
    for issue_id, number, where, _date in sorted(numbers, key=lambda n: n[0]):
        other = by_number.get(number)
        if other is not None:
            if not only or issue_id in only or other[0] in only:
                diags.error(where, "issue.duplicate_number", number=number,
                            other=str(other[1]))
        else:
            by_number[number] = (issue_id, where)
    asked = {shown_path(root / i / "issue.yaml") for i in only or ()}
    unique = [n for n in numbers if by_number.get(n[1], (None,))[0] == n[0]]
    for where, number, date, other, other_number, other_date in numbers_back_in_time(unique):
        if not only or where.path in asked or other.path in asked:
            diags.warning(where, "issue.number_back_in_time", number=number, date=date,
                          other=str(other), other_number=other_number, other_date=other_date)
    issues.sort(key=lambda i: (i.date, i.number), reverse=True)
    if publication is None:
        return None, diags
    return Archive(publication, issues), diags
