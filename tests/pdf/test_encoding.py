"""ReportLab's text for the file encoded as its PDFDocEncoding codec encodes it, ASCII
without the codec (express/pdf/document/encoding.py)."""

from __future__ import annotations

import random

from reportlab.pdfbase import pdfdoc

from express.pdf.document import encoding


def _encoded(encode, text):
    try:
        return encode(text)
    except Exception as exc:  # (the codec refuses 0x18-0x1F and what it has no code for)
        return type(exc), str(exc)


def test_every_text_is_encoded_as_the_codec_encodes_it():
    rng = random.Random(7)
    texts = [chr(c) for c in range(0x300)] + ["1 0 0 1 72.5 640 Tm", "/F1+0 9 Tf", ""]
    texts += ["".join(chr(rng.choice((rng.randrange(0x80), rng.randrange(0x3100))))
                      for _ in range(rng.randrange(12))) for _ in range(5000)]
    for text in texts:
        assert _encoded(encoding._pdfdoc_enc, text) == _encoded(encoding._CODEC, text), text
    for other in (b"bytes", 12):
        assert encoding._pdfdoc_enc(other) == encoding._CODEC(other)


def test_ascii_is_written_without_the_codec(monkeypatch):
    calls = []
    monkeypatch.setattr(encoding, "_CODEC", lambda x: calls.append(x) or b"")
    encoding.install()
    assert pdfdoc.pdfdocEnc("12 0 R") == b"12 0 R" and not calls
    pdfdoc.pdfdocEnc("\u00e9")
    assert calls == ["\u00e9"]
