"""Helpers for the robustness tests: write a valid issue from Python values, build it, and
read the result back (PDF text with pdfium, the site's issue page)."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from pathlib import Path

import pypdfium2 as pdfium
import yaml

from express.build import BuildResult, build
from express.project import Project

PREFECTURES = (
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県",
    "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
    "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府",
    "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県",
    "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
    "鹿児島県", "沖縄県",
)


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump(issue: dict) -> str:
    return yaml.dump(issue, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def write_issue(project: Project, issue: dict, issue_id: str = "2031-autumn",
                files: dict[str, bytes] | None = None) -> Path:
    folder = project.issues / issue_id
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in (files or {}).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    path = folder / "issue.yaml"
    path.write_text(dump(issue), encoding="utf-8")
    return path


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (30, 90, 160)) -> bytes:
    """A small valid PNG, written without any imaging library."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    out = io.BytesIO()
    out.write(b"\x89PNG\r\n\x1a\n")
    out.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
    out.write(chunk(b"IDAT", zlib.compress(raw)))
    out.write(chunk(b"IEND", b""))
    return out.getvalue()


def base_issue(articles: list[dict], **extra: object) -> dict:
    issue: dict = {"number": 91, "date": dt.date(2031, 10, 1)}
    issue.update(extra)
    issue["articles"] = articles
    return issue


def page_count(path: Path) -> int:
    doc = pdfium.PdfDocument(str(path))
    try:
        return len(doc)
    finally:
        doc.close()


def unexpected_errors(result: BuildResult) -> list[str]:
    """Errors in ``result``: every one must name a position in the issue file."""
    return [d.render("en") for d in result.diags
            if d.is_error and (d.pos is None or d.pos.line < 1)]


def build_ok(project: Project, issue: dict, issue_id: str = "2031-autumn", *,
             site: bool = True, files: dict[str, bytes] | None = None) -> BuildResult:
    write_issue(project, issue, issue_id, files)
    result = build(project, site=site)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    pdf = result.pdfs[issue_id]
    assert pdf.exists() and page_count(pdf) >= 2
    if site:
        assert result.site is not None
        assert (result.site / issue_id / "index.html").exists()
    return result
