"""The template's font roles as ReportLab fonts, their metrics, and glyph coverage.

Each role (mincho, gothic, gothic-bold …) is registered once per font file as a ReportLab
``TTFont`` (embedded and subset by ReportLab).  :class:`FontSet` is also the composer's
``Metrics``: advances come from the font's ``hmtx`` as ReportLab reads it, in 1/1000 em.

A role with a Latin face (the template's ``latin:``) is a composite font, as a DTP
application's 合成フォント: its Latin letters, digits and Western punctuation (JLREQ cl-27)
come from the Latin face, at its size, everything else from the role's own font.  The
composer measures them so through :meth:`FontSet.advance`, and the painter draws them so
through :meth:`FontSet.latin_pieces`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
from array import array
from collections.abc import Mapping, Sequence
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from express.atomic import write_atomic
from express.fonts import find_fonts
from express.jtext import classes as C
from express.pdf.paint.font_file import HAS_PREAD, FontFile
from express.pdf.paint.subset_files import keep_subsets
from express.pdf.template import LatinFace
from express.post.tounicode import install as install_tounicode_fix

# Printed instead of a character that no font of the template has (geta mark, JIS's own
# "character missing" sign); used only if the role's font has it, else "?".
FALLBACK_CHARS = ("〓", "?")

# Bump when what is stored in a metrics file changes.
METRICS_FORMAT = 7

_loaded: dict[tuple[Path, int, int], TTFont] = {}

#: the characters a Latin face sets (where it has them): JLREQ cl-27 Western characters and
#: cl-24 numerals of the Latin scripts, with the word space; not the full-width forms, nor
#: the signs set as Japanese (§ ° ± × ÷ ¥: their JLREQ classes are not Latin)
LATIN_CODES = frozenset(
    cp for cp in (*range(0x20, 0x7F), *range(0xA0, 0x250))
    if C.char_class(chr(cp)) in C.LATIN or C.char_class(chr(cp)) == C.WORD_SPACE
)


def metrics_dir(project_root: Path) -> Path:
    """Where parsed font metrics are kept between runs (``.cache/fonts/metrics``)."""
    return project_root / ".cache" / "fonts" / "metrics"


def _metrics_path(folder: Path, digest: str) -> Path:
    return folder / f"{digest}-{reportlab.Version}-{METRICS_FORMAT}.pickle"


# Not stored: the file itself, a closure, glyph → characters (see _RestoredFace), and as
# they are, the two tables only subsetting reads (see _face_state).
_NOT_STORED = ("_ttf_data", "_pdfScale", "glyphToChar", "glyphPos", "hmetrics")


def _face_state(face: TTFontFace) -> dict:
    """Everything ReportLab parsed from the file that the build uses; the two tables only
    subsetting reads, glyph offsets and horizontal metrics, as arrays (a bytes object each
    to unpickle instead of 14,000 ints and 14,000 pairs)."""
    state = {k: v for k, v in face.__dict__.items() if k not in _NOT_STORED}
    state["glyphPos"] = array("L", face.glyphPos)  # (indexed as the list is)
    state["_hmetrics"] = HMetrics.of(face.hmetrics)
    # what differs from charToGlyph's inverse (ReportLab maps U+00A0 to the space glyph
    # but keeps its own glyph here): kept so the rebuilt table is the parsed one
    inverse = _inverse(face.charToGlyph)
    state["_glyph_chars_fix"] = (
        {g: c for g, c in face.glyphToChar.items() if inverse.get(g) != c},
        [g for g in inverse if g not in face.glyphToChar],
    )
    return state


def _inverse(char_to_glyph: dict[int, int]) -> dict[int, list[int]]:
    table: dict[int, list[int]] = {}
    for char, glyph in sorted(char_to_glyph.items()):
        table.setdefault(glyph, []).append(char)
    return table


class HMetrics(Sequence[tuple[float, int]]):
    """A face's ``hmetrics`` (glyph → (advance, left side bearing)) over two arrays: read
    only by ``makeSubset``, a few hundred glyphs a subset, it need not be made a list of
    14,000 pairs.  The advances read from ``hmtx`` are whole; ReportLab gives the glyphs
    after them the last one scaled to 1/1000 em, and those are what its subsets embed: each
    pair is as ReportLab parsed it."""

    def __init__(self, advances: array, bearings: array, whole: int) -> None:
        self.advances, self.bearings, self.whole = advances, bearings, whole

    @classmethod
    def of(cls, pairs: list[tuple[float, int]]) -> HMetrics:
        advances = [aw for aw, _ in pairs]
        whole = next((i for i, aw in enumerate(advances) if not isinstance(aw, int)),
                     len(advances))
        return cls(array("d", advances), array("l", (lsb for _, lsb in pairs)), whole)

    def __len__(self) -> int:
        return len(self.advances)

    def __getitem__(self, glyph):  # (an index: slices are not asked for)
        aw = self.advances[glyph]
        return (int(aw) if glyph < self.whole else aw), self.bearings[glyph]


class _RestoredFace(TTFontFace):
    """A face restored from the metrics cache.  Its ``glyphToChar`` — read only by
    ReportLab's text shaping, which express does not use — is rebuilt from
    ``charToGlyph`` when something first asks for it, instead of being unpickled (a
    third of restoring a font).  Its file is read where subsetting asks
    (express/pdf/paint/font_file.py)."""

    def __getattr__(self, name: str):
        if name != "glyphToChar":
            raise AttributeError(name)
        table = _inverse(self.charToGlyph)
        changed, absent = self.__dict__.pop("_glyph_chars_fix")
        table.update(changed)
        for glyph in absent:
            del table[glyph]
        self.glyphToChar = table
        return table

    def get_table(self, tag: str):
        data = self._ttf_data
        if tag == "glyf" and isinstance(data, FontFile):  # most of the file: a window
            pos, length = self.get_table_pos(tag)
            return data.window(pos, length)
        return super().get_table(tag)

    def makeSubset(self, subset) -> bytes:
        program = super().makeSubset(subset)
        if isinstance(self._ttf_data, FontFile):
            self._ttf_data.check()  # what was read is the font that was measured
        return program


def _pdf_scale(units_per_em: int):
    # as TTFontFile.extractInfo makes it (a closure, so it is rebuilt, not pickled)
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def _restore_face(state: dict, data: FontFile | bytes, filename: str) -> TTFontFace:
    face = _RestoredFace.__new__(_RestoredFace)
    face.__dict__.update(state)
    face.hmetrics = face.__dict__.pop("_hmetrics")
    face._ttf_data = data
    face.filename = filename
    face._pdfScale = _pdf_scale(face.unitsPerEm)
    return face


def _font_with_face(name: str, face: TTFontFace) -> TTFont:
    """A TTFont as ``TTFont(name, path)`` makes it, around an already parsed ``face``."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase.ttfonts import TTEncoding

    font = TTFont.__new__(TTFont)
    font.fontName = name
    font.face = face
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, g) for g in rl_config.unShapedFontGlob)
    return font


# The two large tables of a face, character → glyph and character → advance, are each
# stored once by their content (``<digest>.table`` beside the metrics): the faces of a
# family share them (BIZ UD's three fonts one cmap and one set of advances, the three P
# fonts another cmap), and each is restored once per process, shared by those faces
# (~1 ms a table).  Nothing changes them once parsed.
_TABLES = ("charToGlyph", "charWidths")
_tables: dict[tuple[Path, str], dict] = {}  # (folder, digest) → a table restored


def _load_metrics(path: Path) -> dict | None:
    """The stored state, or None (not there, damaged, foreign: the font is parsed again).

    A pickle is trusted like the project's own files: it lives in the project's .cache.
    """
    try:
        with open(path, "rb") as f:
            state = pickle.load(f)
        digests = state.pop("_tables")
        for name in _TABLES:
            state[name] = _load_table(path.parent, digests[name])
    except Exception:
        return None
    return state if isinstance(state, dict) and isinstance(state["charWidths"], dict) else None


def _load_table(folder: Path, digest: str) -> dict:
    table = _tables.get((folder, digest))
    if table is None:
        with open(folder / f"{digest}.table", "rb") as f:
            table = _tables[folder, digest] = pickle.load(f)
    return table


def _save_metrics(path: Path, state: dict) -> None:
    """Store ``state`` atomically (its large tables by their content); a cache that
    cannot be written is simply not used."""
    state = dict(state)
    digests = {}
    with contextlib.suppress(OSError):
        for name in _TABLES:
            data = pickle.dumps(state.pop(name), protocol=pickle.HIGHEST_PROTOCOL)
            digests[name] = hashlib.sha256(data).hexdigest()
            table = path.parent / f"{digests[name]}.table"
            if not table.is_file():
                write_atomic(table, data)
        state["_tables"] = digests
        write_atomic(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))


def _whole_widths(face: TTFontFace) -> None:
    """Round the face's advances to whole 1/1000 em, as the PDF's ``/Widths`` then say
    them: a font of 2048 units per em has advances like 459.96, and PDFium positions
    glyphs by the width cut to a whole number, so a line of proportional Latin measured
    with the fractions would fall short of its measure by a tenth of a point in PDFium
    (and in every instrument reading glyph positions with it)."""
    face.charWidths = {c: float(round(w)) for c, w in face.charWidths.items()}
    face.defaultWidth = float(round(face.defaultWidth))


def _font_bytes(path: Path) -> tuple[FontFile | bytes, os.stat_result]:
    """The file's bytes, to be read where asked for (or whole, without ``os.pread``), and
    its state when opened."""
    if HAS_PREAD:
        data = FontFile.open(str(path))
        return data, data.stat
    with open(path, "rb") as f:
        return f.read(), os.fstat(f.fileno())


def load_ttfont(name: str, path: Path, cache: Path | None = None) -> TTFont:
    """``TTFont(name, path)``, with the parsed metrics kept in ``cache`` between runs.

    Parsing a 6 MB CJK font takes ReportLab ~0.2 s; restoring its parsed state takes a
    tenth of that.  The state is keyed by the file's path, size and modification time (and
    ReportLab's version) — hashing the three fonts' 18 MB would cost ~25 ms a build — so
    a changed font is parsed again; the file itself is opened afresh and read where
    subsetting copies glyphs out of it (express/pdf/paint/font_file.py).
    """
    if cache is None:
        font = TTFont(name, str(path))
        _whole_widths(font.face)
        return font
    data, before = _font_bytes(path)
    key = f"{path.resolve()}\0{before.st_size}\0{before.st_mtime_ns}"
    stored = _metrics_path(cache, hashlib.sha256(key.encode()).hexdigest())
    state = _load_metrics(stored)
    if state is not None and len(data) == before.st_size:
        return _font_with_face(name, _restore_face(state, data, str(path)))
    font = TTFont(name, str(path))
    _whole_widths(font.face)
    after = path.stat()
    if (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns) \
            and len(font.face._ttf_data) == after.st_size:  # not changed meanwhile
        _save_metrics(stored, _face_state(font.face))
    return font


def _ttfont(path: Path, cache: Path | None = None) -> TTFont:
    """The font in ``path``, parsed once per version of the file: a long-running
    ``express serve`` picks up a font replaced under the same name."""
    st = path.stat()
    stamp = (path, st.st_size, st.st_mtime_ns)
    font = _loaded.get(stamp)
    if font is None:
        name = "jx-" + hashlib.sha1(str(path).encode()).hexdigest()[:10]
        font = load_ttfont(name, path, cache)
        keep_subsets(font.face)
        pdfmetrics.registerFont(font)  # replaces an older version registered by this name
        _loaded[stamp] = font
    return font


class FontsMissing(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


_sets: dict[tuple, FontSet] = {}


def font_set(project_root: Path, candidates: dict[str, list[str]],
             latin: Mapping[str, LatinFace] | None = None) -> FontSet:
    """The fonts the template's ``candidates`` resolve to in this project, with the
    template's ``latin`` faces, as a :class:`FontSet` made once per version of its files:
    its caches (character sets, advances, the composer's per-font tables) then serve every
    issue a process typesets, not just one."""
    install_tounicode_fix()
    chosen, problems = find_fonts(project_root, candidates)
    missing = [p for p in problems if p.role not in chosen]
    if missing:
        raise FontsMissing([f"{p.role}: {p.reason}" for p in missing])
    paths = {role: c.path for role, c in chosen.items()}
    stamps = []
    for role, path in paths.items():
        st = path.stat()
        stamps.append((role, path, st.st_size, st.st_mtime_ns))
    faces = tuple(sorted((latin or {}).items()))
    key = (metrics_dir(project_root), tuple(stamps), faces)
    fonts = _sets.get(key)
    if fonts is None:
        fonts = _sets[key] = FontSet(paths, metrics_dir(project_root), dict(faces))
    return fonts


class FontSet:
    """Role → ReportLab font; implements the composer's Metrics protocol."""

    def __init__(self, paths: dict[str, Path], cache: Path | None,
                 latin: Mapping[str, LatinFace] | None = None) -> None:
        """``paths``: role → font file; ``cache``: where parsed metrics are kept;
        ``latin``: role → the face its Latin is set in."""
        self.paths = paths
        self.fonts = {role: _ttfont(path, cache) for role, path in paths.items()}
        self._widths = {role: f.face.charWidths for role, f in self.fonts.items()}
        self._default = {role: f.face.defaultWidth for role, f in self.fonts.items()}
        self._cmap = {role: f.face.charToGlyph for role, f in self.fonts.items()}
        self._cache: dict[str, dict[str, float]] = {}  # role → char → its advance
        # role → the characters its font was found to have: learnt as texts are checked
        # (making the set of its 12,000 at once was ~1 ms a role in every process)
        self._chars: dict[str, set[str]] = {}
        self.latin = {role: face for role, face in (latin or {}).items()
                      if role in self.fonts and face.font in self.fonts}
        # role → the characters its Latin face sets (those the face has), as a set and
        # as a pattern that finds their runs
        self._latin_chars: dict[str, frozenset[str]] = {}
        self._latin_runs: dict[str, re.Pattern[str]] = {}
        for role, face in self.latin.items():
            codes = sorted(cp for cp in LATIN_CODES if cp in self._cmap[face.font])
            self._latin_chars[role] = frozenset(map(chr, codes))
            self._latin_runs[role] = re.compile(
                "([" + "".join(re.escape(chr(cp)) for cp in codes) + "]+)")

    def codepoints(self) -> frozenset[int]:
        """Every code point at least one role's font has a glyph for."""
        return frozenset().union(*self._cmap.values())

    def name(self, role: str) -> str:
        """The ReportLab font name to ``setFont`` for ``role``."""
        return self.fonts[role].fontName

    def family(self, role: str) -> str:
        """The font's own family name (for messages)."""
        return self.paths[role].stem

    def advance(self, font: str, ch: str) -> float:
        """Advance width of ``ch`` in role ``font``, 1/1000 em of the role's size (the
        composer's Metrics): a Latin character of a role with a Latin face is measured
        in that face, at its size."""
        table = self._cache.get(font)
        if table is None:
            table = self._cache[font] = {}
        w = table.get(ch)
        if w is None:
            chars = self._latin_chars.get(font)
            if chars is not None and ch in chars:
                face = self.latin[font]
                w = self._widths[face.font].get(ord(ch), self._default[face.font]) * face.size
            else:
                w = self._widths[font].get(ord(ch), self._default[font])
            table[ch] = w
        return w

    def latin_pieces(self, role: str, text: str) -> list[str] | None:
        """``text`` cut where it changes between ``role``'s own font and its Latin face:
        the pieces alternate, the first in the role's own font (empty when ``text``
        begins with Latin); None when all of it is in the role's own font."""
        chars = self._latin_chars.get(role)
        if chars is None or chars.isdisjoint(text):
            return None
        return self._latin_runs[role].split(text)

    def width(self, role: str, text: str, size: float) -> float:
        table = self._cache.get(role)
        try:  # every character measured before: added up in C
            return sum(map(table.__getitem__, text)) * size / 1000
        except (KeyError, AttributeError):
            return sum(self.advance(role, ch) for ch in text) * size / 1000

    def covers(self, role: str, text: str) -> bool:
        """Whether ``role``'s font has every character of ``text`` (:meth:`substitute` is
        None for each of them)."""
        known = self._chars.get(role)
        if known is None:
            known = self._chars[role] = set("\n\t ")
        if known.issuperset(text):  # (a subset test in C: nearly always, after a page)
            return True
        new = set(text).difference(known)
        cmap = self._cmap[role]
        if any(ord(ch) not in cmap for ch in new):
            return False
        known.update(new)
        return True

    def substitute(self, role: str, ch: str) -> tuple[str, str] | None:
        """(role, char) to print for ``ch`` when ``role`` lacks it; None when it has it.

        Another role's font is used when it has the character; otherwise a visible
        fallback mark from ``role`` itself.
        """
        if ord(ch) in self._cmap[role] or ch in "\n\t ":
            return None
        for other in self.fonts:
            if other != role and ord(ch) in self._cmap[other]:
                return other, ch
        for mark in FALLBACK_CHARS:
            if ord(mark) in self._cmap[role]:
                return role, mark
        return role, "?"
