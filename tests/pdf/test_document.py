"""The sample PDFs as files: pages, outline, labels, metadata, language, fonts, links."""

from __future__ import annotations

import pypdf
import pytest

from tests.pdf.conftest import SAMPLES

pytestmark = pytest.mark.xdist_group("built")


@pytest.fixture(scope="module")
def readers(pdfs):
    return {i: pypdf.PdfReader(str(p)) for i, p in pdfs.items()}


def top(reader: pypdf.PdfReader) -> list:
    """The outline's first level (one bookmark per article; subheadings nest under them)."""
    return [o for o in reader.outline if not isinstance(o, list)]


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_page_count_is_sane(readers, issue_id):
    assert 5 <= len(readers[issue_id].pages) <= 16


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_outline_has_one_bookmark_per_article(built, readers, issue_id):
    project, _ = built
    from express.load import load_archive

    archive, _ = load_archive(project.issues, [issue_id])
    issue = next(i for i in archive.issues if i.id == issue_id)
    titles = [o.title for o in top(readers[issue_id])]
    assert titles[0] == "巻頭言"
    # every article once, in the order printed (the page plan may move a short article up
    # to fill a page: the outline follows the pages)
    assert sorted(titles[1:]) == sorted(str(a.title) for a in issue.articles)
    reader = readers[issue_id]
    pages = [reader.get_destination_page_number(o) for o in top(reader)]
    assert pages == sorted(pages) and pages[0] >= 1


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_page_labels_match_printed_folios(readers, issue_id):
    reader = readers[issue_id]
    labels = reader.page_labels
    # a self-cover booklet: the cover is page 1 (labelled 表紙), the contents page 2
    assert labels[0] == "表紙"
    assert labels[1:] == [str(n) for n in range(2, len(reader.pages) + 1)]


def test_metadata(readers):
    meta = readers["2020-winter"].metadata
    assert meta.title == "JAIPA Express 第35号 2020年冬号"
    assert meta.author == "一般社団法人日本インターネットプロバイダー協会"
    assert meta.subject == "沖縄ICTフォーラム2020 in 久米島 開催報告"
    assert "第35号" in meta["/Keywords"]
    assert meta["/CreationDate"].startswith("D:20201215")
    assert readers["2022-spring"].metadata["/CreationDate"].startswith("D:20220520")


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_language_and_viewer_preferences(readers, issue_id):
    root = readers[issue_id].trailer["/Root"]
    assert root["/Lang"] == "ja"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert root["/PageMode"] == "/UseOutlines"


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_fonts_are_embedded_subsets(readers, issue_id):
    seen = set()
    for page in readers[issue_id].pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            base = str(font["/BaseFont"])
            prefix, _, name = base.lstrip("/").partition("+")
            assert len(prefix) == 6 and prefix.isupper(), base
            assert "/FontFile2" in font["/FontDescriptor"], base
            assert "/ToUnicode" in font
            seen.add(name)
    assert {"BIZUDMincho-Regular", "BIZUDGothic-Regular", "BIZUDGothic-Bold"} <= seen


def _links(reader):
    uris, gotos = [], 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            if action is not None and action.get("/S") == "/URI":
                uris.append(str(action["/URI"]))
            elif "/Dest" in a or (action is not None and action.get("/S") == "/GoTo"):
                gotos += 1
    return uris, gotos


def test_urls_and_email_addresses_are_links(readers):
    uris, _ = _links(readers["2020-winter"])
    assert "https://www.jaipa.or.jp/topics/2020/11/ict2020in.php" in uris
    assert "https://www.mahoroba.jp/about" in uris
    assert "mailto:kees@kees-net.com" in uris
    assert "mailto:info@jaipa.or.jp" in uris  # body text and colophon
    assert "https://www.biglobe.ne.jp/" in uris  # provider list


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_contents_entries_link_to_their_pages(readers, issue_id):
    reader = readers[issue_id]
    contents = reader.pages[1]
    targets = []
    for annot in contents.get("/Annots") or []:
        a = annot.get_object()
        if "/Dest" in a:  # an internal GoTo: [page /XYZ left top zoom]
            targets.append(reader.get_page_number(a["/Dest"][0].get_object()))
    assert targets == [reader.get_destination_page_number(o) for o in top(reader)]


@pytest.mark.parametrize("issue_id", SAMPLES)
def test_contents_prints_the_page_numbers_of_the_bookmarks(readers, texts, issue_id):
    reader = readers[issue_id]
    contents = "".join(reader.pages[1].extract_text().split())
    for o in top(reader):
        # the number printed is the destination page's label (its folio)
        page = reader.page_labels[reader.get_destination_page_number(o)]
        title = "".join(o.title.split())
        assert f"{title}{page}" in contents, (title, page)
