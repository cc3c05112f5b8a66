"""Back issues as earlier printers made them: PDFs from other engines, in another look.

Three kinds, each with Japanese text in a real font (the provisioned BIZ UD fonts, read
from .cache/fonts at test time, never committed):

- ``fpdf_issue``: fpdf2, A4, gothic, a coloured masthead band, bookmarks (an outline),
  a letter-spaced heading and a word broken across two lines;
- ``canvas_issue``: ReportLab's bare canvas (no platypus, none of our layout), B5, mincho,
  centred cover, headings spread character by character (PDFium reads them with spaces),
  words broken across lines;
- ``scanned_issue``: pictures of pages only (Pillow: off-white paper, grain, a slight
  skew), saved as a PDF with no text layer, as a scanner makes it.

Each cover states number, season and date as JAIPA Express covers do (第34号, 2019年秋号,
2019年9月20日 発行).  Used by the back-issue tests and by bench/archive.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def font_file(name: str) -> Path:
    """A provisioned font (``make setup`` puts them in .cache/fonts)."""
    found = sorted((ROOT / ".cache" / "fonts").rglob(name))
    if not found:
        raise FileNotFoundError(f"{name} is not in .cache/fonts: run `make setup`")
    return found[0]


@dataclass
class Cover:
    number: int
    season: str  # 2019年秋号
    issued: str  # 2019年9月20日


@dataclass
class Page:
    heading: str
    lines: list[str] = field(default_factory=list)  # as broken on the page


def fpdf_issue(path: Path, cover: Cover, pages: list[Page]) -> None:
    """A4, gothic, masthead band; one bookmark per page after the cover."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("gothic", "", str(font_file("BIZUDGothic-Regular.ttf")))
    pdf.add_font("gothic", "B", str(font_file("BIZUDGothic-Bold.ttf")))
    pdf.set_creator("OldShop DTP 2.1")
    pdf.add_page()
    pdf.set_fill_color(0, 92, 158)
    pdf.rect(0, 0, 210, 70, style="F")
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("gothic", "B", 40)
    pdf.set_xy(18, 18)
    pdf.cell(0, 16, "JAIPA Express")
    pdf.set_font("gothic", "", 18)
    pdf.set_xy(18, 44)
    pdf.cell(0, 10, f"第{cover.number}号　{cover.season}")
    pdf.set_text_color(20, 20, 20)
    pdf.set_font("gothic", "", 12)
    pdf.set_xy(18, 270)
    pdf.cell(0, 8, f"{cover.issued} 発行　一般社団法人日本インターネットプロバイダー協会")
    for n, page in enumerate(pages, 2):
        pdf.add_page()
        pdf.start_section(page.heading)
        pdf.set_font("gothic", "B", 16)
        pdf.set_char_spacing(3)  # a letter-spaced heading, as DTP shops like them
        pdf.set_xy(20, 24)
        pdf.cell(0, 10, page.heading)
        pdf.set_char_spacing(0)
        pdf.set_font("gothic", "", 11)
        for i, line in enumerate(page.lines):
            pdf.set_xy(20, 44 + i * 7.5)
            pdf.cell(0, 7, line)
        pdf.set_xy(0, 284)
        pdf.cell(210, 6, str(n), align="C")
    pdf.output(str(path))


def canvas_issue(path: Path, cover: Cover, pages: list[Page]) -> None:
    """B5, mincho, a centred cover with rules; text drawn line by line."""
    from reportlab.lib.pagesizes import B5
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("OldMincho", str(font_file("BIZUDMincho-Regular.ttf"))))
    width, height = B5
    c = canvas.Canvas(str(path), pagesize=B5)
    c.setTitle(f"JAIPA Express {cover.season}")
    c.setFont("OldMincho", 34)
    c.drawCentredString(width / 2, height - 150, "JAIPA Express")
    c.setLineWidth(2)
    c.line(60, height - 170, width - 60, height - 170)
    c.setFont("OldMincho", 20)
    c.drawCentredString(width / 2, height - 210, f"{cover.season}（第{cover.number}号）")
    c.setFont("OldMincho", 12)
    c.drawCentredString(width / 2, 80, f"{cover.issued}発行")
    c.showPage()
    for n, page in enumerate(pages, 2):
        c.setFont("OldMincho", 17)
        for i, ch in enumerate(page.heading):  # spread out one by one (均等割り)
            c.drawString(50 + i * 17 * 1.8, height - 70, ch)
        c.setFont("OldMincho", 10.5)
        for i, line in enumerate(page.lines):
            c.drawString(50, height - 110 - i * 18, line)
        c.setFont("OldMincho", 9)
        c.drawCentredString(width / 2, 30, f"- {n} -")
        c.showPage()
    c.save()


def scanned_issue(path: Path, cover: Cover, pages: list[Page], dpi: int = 300) -> None:
    """Pictures of A4 pages (greyscale, grain, a slight skew) in a PDF without text."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    size = (round(8.27 * dpi), round(11.69 * dpi))
    mincho = str(font_file("BIZUDMincho-Regular.ttf"))
    gothic = str(font_file("BIZUDGothic-Bold.ttf"))
    rng = random.Random(cover.number)

    def sheet(draw_on) -> Image.Image:
        im = Image.new("L", size, 238)
        draw_on(ImageDraw.Draw(im))
        grain = Image.effect_noise(size, 10).point(lambda v: v // 12)
        im = Image.eval(Image.composite(im, im, grain), lambda v: v)
        im = im.rotate(rng.uniform(-0.4, 0.4), fillcolor=238, resample=Image.BICUBIC)
        return im.filter(ImageFilter.GaussianBlur(0.6))

    def cover_page(d: ImageDraw.ImageDraw) -> None:
        d.text((size[0] // 2, 300), "JAIPA Express", font=ImageFont.truetype(gothic, 110),
               fill=20, anchor="mm")
        d.text((size[0] // 2, 520), f"第{cover.number}号", font=ImageFont.truetype(gothic, 80),
               fill=20, anchor="mm")
        d.text((size[0] // 2, 660), cover.season, font=ImageFont.truetype(mincho, 64),
               fill=30, anchor="mm")
        d.text((size[0] // 2, size[1] - 260), f"{cover.issued} 発行",
               font=ImageFont.truetype(mincho, 44), fill=30, anchor="mm")

    def text_page(page: Page, n: int):
        def draw(d: ImageDraw.ImageDraw) -> None:
            d.text((170, 200), page.heading, font=ImageFont.truetype(gothic, 60), fill=20)
            body = ImageFont.truetype(mincho, 46)
            for i, line in enumerate(page.lines):
                d.text((170, 360 + i * 84), line, font=body, fill=25)
            d.text((size[0] // 2, size[1] - 150), str(n), font=body, fill=40, anchor="mm")
        return draw

    images = [sheet(cover_page)] + [sheet(text_page(p, n)) for n, p in enumerate(pages, 2)]
    images[0].save(path, "PDF", save_all=True, append_images=images[1:], resolution=dpi)


# The three back issues of the tests: what is on them, and the words only each one has.
AUTUMN_2019 = (
    Cover(34, "2019年秋号", "2019年9月20日"),
    [Page("巻頭言", ["会員の皆さまには日頃より協会の活動にご協力いただき、",
                   "誠にありがとうございます。本号では秋の行事をお伝えします。"]),
     Page("技術部会だより", ["大型イベントの配信が重なる時間帯には、各社が帯域",
                       "制御の運用を見直しています。部会では事例を持ち寄り、",
                       "利用者への周知のしかたを検討しました。"]),
     Page("行事のお知らせ", ["ISPの集い in 松山を11月に開催します。",
                       "詳しくは協会のWebサイトをご覧ください。"])],
)
SPRING_2019 = (
    Cover(33, "2019年春号", "2019年4月25日"),
    [Page("巻頭言", ["新年度を迎え、協会は新しい体制で活動を始めました。"]),
     Page("相互接続の現状", ["地域のプロバイダー同士が直接つなぐ相互接",
                        "続の取り組みが各地で広がっています。"]),
     Page("部会報告", ["地方の事業者どうしのピアリングについて、",
                    "意見交換会を開きました。参加は二十社でした。"]),
     Page("会員紹介", ["株式会社みなと通信は港町で四十年、",
                    "地域の回線を支えてきました。"])],
)
WINTER_2018 = (
    Cover(32, "2018年冬号", "2018年12月10日"),
    [Page("ネットワーク運用報告", ["災害に備えて、回線の冗長化を",
                             "進める会員が増えています。"]),
     Page("編集後記", ["今年も一年ありがとうございました。"])],
)
