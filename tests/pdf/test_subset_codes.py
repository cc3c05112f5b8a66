"""SubsetCodes shows each run exactly as ReportLab's own splitString would have it shown,
however often the run comes back and whatever other runs came between."""

from __future__ import annotations

import random

from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from express.fonts import find_fonts
from express.pdf.paint.subset_codes import SubsetCodes
from express.pdf.template import read_template


def test_shows_equal_splitstring_over_many_subsets(project):
    t = read_template(project.pdf_template())
    path = find_fonts(project.root, t.fonts)[0]["mincho"].path
    ours_font, theirs_font = TTFont("ours", str(path)), TTFont("theirs", str(path))
    ours_doc, theirs_doc = PDFDocument(), PDFDocument()
    codes = SubsetCodes(ours_font, ours_doc)
    # enough distinct kanji for several 256-glyph subsets; a no-break space (shown as a
    # space), a character the font lacks, characters that need escaping; runs come back
    # after other runs have given codes to more characters
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 900)] + list("。、「」ABCxyz 01()\\")
    rng = random.Random(7)
    texts = ["".join(rng.choice(pool) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    texts += ["a\u00a0b", "\ue123漢\ue123", "一二三", "一二三四", "一二", "".join(pool[:300])]
    texts += texts[::7]
    multi = 0
    for text in texts:
        ours = codes.shows(text)
        theirs = [(subset, f"({escapePDF(chunk)}) Tj")
                  for subset, chunk in theirs_font.splitString(text, theirs_doc)]
        assert ours == theirs, text
        multi += len(ours) > 1
    assert multi > 50  # runs spanning subsets were compared, not only the easy case
    assert ours_font.state[ours_doc].assignments == theirs_font.state[theirs_doc].assignments
