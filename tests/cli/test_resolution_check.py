"""A picture too coarse for its size on the page is warned of by ``express check`` as by
the build — same place, same numbers — for photos of every size, in every kind that takes
them, member logos included; and the numbers never read as a contradiction."""

from __future__ import annotations

import textwrap

import pytest
from PIL import Image as PILImage

from express.build import build
from express.check import check
from tests.pdf.test_pictures import photo_issue

ISSUE = """\
number: 1
date: 2024-04-01
articles:
  - kind: article
    title: 写真の大きさ
    body: |
      本文です。
    photos:
      - {file: images/column.jpg, caption: 段幅}
      - {file: images/wide.jpg, caption: 2段, size: wide}
      - {file: images/half.jpg, caption: 半分, size: half}
      - {file: images/fine.jpg, caption: 十分な画素}
  - kind: committee
    name: 地域ISP部会
    body: |
      本文です。
    photos:
      - {file: images/committee.jpg, caption: 部会}
  - kind: member
    company: 株式会社まほろば工房
    logo: images/logo.png
    body: |
      本文です。
    photos:
      - {file: images/member.jpg, caption: 会員, size: half}
"""


def _warnings(diags) -> dict[tuple[str, int], dict]:
    return {(d.args["ref"], d.pos.line): {k: d.args[k] for k in ("ppi", "mm", "need")}
            for d in diags if d.code == "image.low_resolution"}


@pytest.fixture
def coarse(empty_project):
    folder = empty_project.issues / "2024-spring"
    (folder / "images").mkdir(parents=True)
    (folder / "issue.yaml").write_text(ISSUE, encoding="utf-8")
    for name in ("column", "wide", "half", "committee", "member"):
        PILImage.new("RGB", (100, 66), "green").save(folder / "images" / f"{name}.jpg")
    PILImage.new("RGB", (2000, 1333), "green").save(folder / "images" / "fine.jpg")
    PILImage.new("RGBA", (40, 40), "red").save(folder / "images" / "logo.png")
    return empty_project


def test_check_warns_of_coarse_pictures_as_the_build_does(coarse):
    _archive, checked = check(coarse, pictures=True)
    result = build(coarse, site=False)
    assert result.ok
    by_check, by_build = _warnings(checked), _warnings(result.diags)
    refs = {ref for ref, _line in by_check}
    assert refs == {"images/column.jpg", "images/wide.jpg", "images/half.jpg",
                    "images/committee.jpg", "images/member.jpg", "images/logo.png"}
    assert by_check == by_build  # the same pictures, lines, ppi, widths and advice
    # a wide photo is printed about twice a column's width, a half one about half
    mm = {ref: w["mm"] for (ref, _line), w in by_check.items()}
    assert mm["images/wide.jpg"] > 1.9 * mm["images/column.jpg"]
    assert mm["images/half.jpg"] < 0.55 * mm["images/column.jpg"]


def test_a_ppi_just_under_the_limit_is_not_rounded_up_to_it(empty_project):
    # 320 px across a 231.25 pt column is 99.63 ppi: "100 ppi, under the 100 ppi" before
    folder = photo_issue(empty_project, ["images/almost.jpg"])
    PILImage.new("RGB", (320, 213), "green").save(folder / "images" / "almost.jpg")
    _archive, diags = check(empty_project, pictures=True)
    (d,) = [d for d in diags if d.code == "image.low_resolution"]
    assert d.args["ppi"] == "99.6" and d.args["min_ppi"] == "100"
    assert "is 99.6 ppi, under the 100 ppi a picture needs" in d.render("en")
    assert "99.6 ppi しかなく、必要な 100 ppi を下回る" in d.render("ja")
    result = build(empty_project, site=False)
    assert [x.args for x in result.diags if x.code == "image.low_resolution"] == [d.args]


def test_check_says_nothing_of_pictures_with_pixels_enough(empty_project):
    folder = photo_issue(empty_project, ["images/fine.jpg"])
    PILImage.new("RGB", (1400, 933), "green").save(folder / "images" / "fine.jpg")
    text = (folder / "issue.yaml").read_text(encoding="utf-8")
    (folder / "issue.yaml").write_text(text + "        size: wide\n", encoding="utf-8")
    _archive, diags = check(empty_project, pictures=True)
    assert not [d for d in diags if d.code == "image.low_resolution"], textwrap.shorten(
        str([d.render("en") for d in diags]), 300)
