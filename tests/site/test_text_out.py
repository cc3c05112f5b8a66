"""Text leaving the program is made safe for where it goes: a feed holds only characters
XML 1.0 allows, a picture's file name is percent-encoded in the address that loads it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest

from tests.robustness.helpers import base_issue, build_ok, png
from tests.site.conftest import serve

CONTROLS = "\x01\x08\x0b\x0c\x1b\x1f"
NAMES = ("images/a#1.png", "images/b?x=1.png", "images/c%41.png", "images/d e.png",
         "images/写真.png")


@pytest.fixture
def hostile_site(empty_project):
    """One issue with control characters in its texts and pictures whose names end or
    change an address as written."""
    issue = base_issue(
        [{"kind": "article", "title": f"題{CONTROLS}名", "body": f"本文{CONTROLS}です。",
          "photos": [{"file": name, "caption": f"写真{n}"} for n, name in enumerate(NAMES)]}],
        season="2031年秋号", cover={"headline": f"見出し{CONTROLS}", "lines": [f"行{CONTROLS}"]})
    result = build_ok(empty_project, issue,
                      files={name: png(40 + n, 20) for n, name in enumerate(NAMES)})
    return result.site


def test_the_feed_is_well_formed_xml_whatever_the_text_holds(hostile_site):
    """C0 controls made feed.xml ill-formed (a feed reader refuses all of it) while the
    build succeeded."""
    feed = ET.parse(hostile_site / "feed.xml").getroot()  # raises on an ill-formed feed
    ns = {"a": "http://www.w3.org/2005/Atom"}
    title = feed.find("a:entry/a:title", ns).text
    assert "見出し" in title and not any(c in title for c in CONTROLS)
    for page in hostile_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not any(c in text for c in CONTROLS), page


def test_picture_addresses_are_percent_encoded_and_lead_to_the_files(hostile_site):
    page = hostile_site / "2031-autumn" / "01-article.html"
    sources = re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8"))
    assert len(sources) == len(NAMES)
    for src in sources:
        assert not set(src) & set("#? ") and "%" in src
        assert (page.parent / unquote(src)).is_file(), src


@pytest.mark.xdist_group("browser")
def test_every_picture_loads_in_a_browser(hostile_site, open_page):
    server, url = serve(hostile_site)
    try:
        page = open_page()
        page.goto(url + "2031-autumn/01-article.html")
        widths = page.evaluate("""async () => {
            const images = [...document.querySelectorAll("figure img")];
            for (const img of images) { img.loading = "eager"; }
            await Promise.all(images.map(i => i.decode().catch(() => null)));
            return images.map(i => i.naturalWidth);
        }""")
        assert sorted(widths) == [40 + n for n in range(len(NAMES))]
    finally:
        server.shutdown()
        server.server_close()


def test_unchanged_names_stay_as_they_were(built):
    """Ordinary names are addresses as they are: the samples' pages did not change."""
    _project, result = built
    html = (result.site / "2020-winter" / "okinawa-ict-2020.html").read_text(encoding="utf-8")
    assert re.search(r'<img src="\.\./2020-winter/images/[a-z0-9-]+\.jpg"', html)
