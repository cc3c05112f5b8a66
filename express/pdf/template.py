"""Reading a PDF layout template (``templates/pdf/<name>.yaml``).

Page size, margins, the text grid, fonts, sizes, colours and per-kind styles are data in the
template; Python only reads them, with no fallback values of its own.  :func:`read_template`
turns the YAML into typed, validated dataclasses; every problem (a key missing, misspelt or
out of range) is reported as a :class:`TemplateError` naming the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from express.libyaml import safe_load

MM = 72 / 25.4
PAPER_MM = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "B5": (182.0, 257.0),
            "A3": (297.0, 420.0)}
STYLE_NAMES = (
    "body", "strong", "lead", "band", "title", "subtitle", "heading", "byline", "facts_label",
    "facts", "table", "table_strong", "table_head", "table_small", "badge", "caption",
    "profile_name", "contact", "folio", "folio_name", "running_head", "contents_title",
    "contents_kind", "contents_entry", "contents_page", "colophon", "colophon_title",
    "cover_name", "cover_number", "cover_date", "cover_headline", "cover_line",
    "cover_publisher", "subheading", "credit", "link_address", "link_note", "table_time",
)  # fmt: skip
COLOUR_NAMES = (
    "ink", "muted", "accent", "accent_light", "rule", "band_text", "table_head",
    "table_head_text", "zebra", "link", "cover_band", "cover_text",
)  # fmt: skip
# The print edition's pages in fours: what pads an issue to a multiple of four pages.
PAD_WITH = ("blank", "notes")
# How photos are converted to the output profile's CMYK (see express/pdf/paint/images.py).
INTENTS = ("relative", "perceptual")
PRINT_NUMBERS = ("bleed_mm", "safe_mm", "mark_length_mm", "mark_width_pt", "slug_mm", "ppi",
                 "min_ppi")
PRINT_KEYS = (*PRINT_NUMBERS, "pad_with", "profile", "condition", "intent", "cmyk")
# Colours that may be ``none``: that part is not painted (a table's header without a fill,
# rows without zebra stripes).
OPTIONAL_COLOURS = ("table_head", "zebra")
# Where a link's address is printed when it differs from the linked text.
LINK_ADDRESSES = ("after", "notes")
KINDS = ("report", "committee", "member", "calendar", "officers", "opinions", "providers",
         "article", "editorial")
KIND_KEYS = ("new_page", "keep_together", "columns")
# The sections of plain numbers (lengths in pt unless the key says _mm, _lines or _em), each
# with the keys it must have and may have: the layout reads them without a fallback, so
# every value it uses is written in the template, and a key it would not read is an error.
NUMBER_SECTIONS: dict[str, tuple[str, ...]] = {
    "folio": ("bottom", "gap", "bar_width", "bar_drop"),
    "running_head": ("top", "rule", "rule_drop", "gap_em"),
    "rules": ("thin", "thick", "column", "frame"),
    "band": ("height_lines", "padding", "inset"),
    "space": ("after_contents_lines", "after_band_lines", "after_opener_lines",
              "between_articles_lines", "between_committees_lines", "paragraph_lines",
              "subheading_lines", "figure_lines", "caption_gap", "caption_side_gap",
              "table_cell_padding", "list_cell_padding",
              "programme_lines"),
    "cover": ("band_mm", "name_top_mm", "name_outdent_pt", "name_tracking_em",
              "name_stroke_em", "band_baseline_pt",
              "image_height_mm", "min_image_height_mm", "bar_pt", "headline_gap_mm",
              "headline_width_mm", "max_headline_lines", "lines_gap_mm", "line_mark_em",
              "line_indent_pt", "line_rule_drop_pt", "line_gap_pt", "max_lines", "foot_mm",
              "url_bottom_mm"),
    "contents": ("label_column", "label_gap", "bar_width", "bar_inset", "label_indent",
                 "page_width",
                 "page_gap", "entry_space_lines", "rule_dash", "rule_gap"),
    "colophon": ("rule", "title_gap", "row_gap"),
    "plan": ("min_page_lines", "move_penalty_lines", "spread_weight", "warn_empty",
             "last_page_fill"),
    "profile": ("padding_em", "logo_lines", "logo_gap"),
    "lists": ("hang_em",),
}
# A Latin face's keys (``latin:``), and the bounds of its size and baseline shift.
LATIN_KEYS = ("font", "size", "baseline_em")
LATIN_SIZE = (0.5, 2.0)
LATIN_BASELINE_EM = 0.5


class TemplateError(Exception):
    """The template is unusable; ``key`` is the dotted path of the offending value."""

    def __init__(self, path: Path, key: str, problem: str) -> None:
        super().__init__(f"{path}: {key}: {problem}")
        self.path, self.key, self.problem = path, key, problem


@dataclass(frozen=True)
class TextStyle:
    font: str  # font role
    size: float
    leading: float  # line pitch for multi-line blocks (size × 1.5 when not given)


@dataclass(frozen=True)
class LatinFace:
    """The face a role sets Latin letters, digits and Western punctuation in (JLREQ cl-27):
    kana and kanji stay in the role's own face."""

    font: str  # the Latin face's font role
    size: float  # its size, a fraction of the role's
    baseline: float  # its baseline raised by this much of the role's size (em; − lowers)


@dataclass(frozen=True)
class Grid:
    columns: int
    chars_per_line: int
    gutter_em: float
    lines: int
    line_pitch: float
    body: TextStyle

    @property
    def column_width(self) -> float:
        return self.chars_per_line * self.body.size

    @property
    def gutter(self) -> float:
        return self.gutter_em * self.body.size

    @property
    def width(self) -> float:
        return self.columns * self.column_width + (self.columns - 1) * self.gutter

    @property
    def height(self) -> float:
        return self.lines * self.line_pitch


@dataclass(frozen=True)
class KindStyle:
    colour: str  # the template's accent: one colour for every kind
    new_page: bool
    columns: int
    keep_together: bool  # begins where it fits whole, or on the next page


@dataclass(frozen=True)
class PrintSpec:
    """The print edition (``print:``): paper beyond the trim, marks, photos and inks."""

    bleed: float  # 塗り足し beyond the trim, pt
    safe: float  # text is kept this far inside the trim, pt
    mark_length: float  # the トンボ' lines, pt
    mark_width: float
    slug: float  # paper beyond the marks, pt
    ppi: float
    min_ppi: float
    pad_with: str  # one of PAD_WITH
    profile: str  # the output profile's file name (express/profiles)
    condition: str  # its printing condition's registered name
    intent: str  # one of INTENTS
    cmyk: dict[str, tuple[float, float, float, float]]  # "#rrggbb" → C, M, Y, K (0–1)

    @property
    def margin(self) -> float:
        """From the trim to the paper's edge: bleed, marks and slug."""
        return self.bleed + self.mark_length + self.slug


@dataclass(frozen=True)
class Template:
    path: Path
    name: str
    fonts: dict[str, list[str]]
    latin: dict[str, LatinFace]  # role → its Latin face (a role not named: its own face)
    page_width: float
    page_height: float
    top: float
    grid: Grid
    ppi: float
    min_ppi: float  # a picture placed at a coarser resolution is warned of
    jpeg_quality: int
    max_photo_height: float  # a photo's greatest height, a fraction of the text block's
    max_crop: float  # of a photo's height, cropped to end an article on its page
    composition: dict[str, Any]
    colours: dict[str, str]
    styles: dict[str, TextStyle]
    kinds: dict[str, KindStyle]
    badges: dict[str, str]
    folio: dict[str, float]
    running_head: dict[str, float]
    rules: dict[str, float]
    band: dict[str, float]
    space: dict[str, float]
    cover: dict[str, float]
    contents: dict[str, float]
    programme_columns: tuple[float, ...]
    table_columns: dict[str, tuple[float, ...]]
    colophon: dict[str, float]
    profile: dict[str, float]
    lists: dict[str, float]
    print: PrintSpec
    weekdays: dict[str, bool]  # whether the dates of WEEKDAY_DATES print their weekday
    plan: dict[str, float]
    link_addresses: str  # "after" the linked text, or "notes" at the article's end

    @property
    def left(self) -> float:
        """x of the text block (margins left and right are equal)."""
        return (self.page_width - self.grid.width) / 2

    @property
    def bottom(self) -> float:
        """y of the text block's bottom edge (PDF coordinates, from the paper's bottom)."""
        return self.page_height - self.top - self.grid.height

    def column_x(self, index: int) -> float:
        return self.left + index * (self.grid.column_width + self.grid.gutter)

    def style(self, name: str) -> TextStyle:
        return self.styles[name]


def load_template(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return safe_load(f)


def font_candidates(path: Path) -> dict[str, list[str]]:
    """Role → candidate font file names, as the template lists them."""
    return {role: list(names) for role, names in load_template(path)["fonts"].items()}


def _latin(r: _Reader, data: Any, fonts: dict[str, list[str]]) -> dict[str, LatinFace]:
    """The ``latin:`` section: for each role named, its Latin face, size and baseline."""
    data = r.mapping(data, "latin")
    out = {}
    for role, face in data.items():
        where = f"latin.{role}"
        if role not in fonts:
            raise r.fail(where, f"{role!r} is not a role under fonts: " + ", ".join(fonts))
        face = r.mapping(face, where)
        for key in face:
            if key not in LATIN_KEYS:
                raise r.fail(f"{where}.{key}", f"is not a key of a Latin face (its keys: "
                             f"{', '.join(LATIN_KEYS)})")
        font = r.get(face, "font", where)
        if font not in fonts:
            raise r.fail(f"{where}.font", f"{font!r} is not a role under fonts: "
                         + ", ".join(fonts))
        if font in data:
            raise r.fail(f"{where}.font", f"{font!r} has a Latin face of its own: name a "
                         "role that sets its Latin itself")
        size = r.number(face, "size", where)
        if not LATIN_SIZE[0] <= size <= LATIN_SIZE[1]:
            raise r.fail(f"{where}.size", f"must be from {LATIN_SIZE[0]:g} to "
                         f"{LATIN_SIZE[1]:g} (of the role's size), not {size!r}")
        rise = r.get(face, "baseline_em", where)
        if isinstance(rise, bool) or not isinstance(rise, int | float):
            raise r.fail(f"{where}.baseline_em", f"must be a number, not {rise!r}")
        if abs(rise) > LATIN_BASELINE_EM:
            raise r.fail(f"{where}.baseline_em", f"must be from -{LATIN_BASELINE_EM:g} to "
                         f"{LATIN_BASELINE_EM:g}, not {rise!r}")
        out[str(role)] = LatinFace(str(font), float(size), float(rise))
    return out


def _composition(r: _Reader, comp: dict[str, Any]) -> dict[str, Any]:
    """The ``composition`` settings, checked here so a mistake names its key (it was only
    found when the first paragraph was composed, as an internal error)."""
    from express.jtext.model import STRICTNESS_LEVELS

    level = comp.get("strictness", "strict")
    if level not in STRICTNESS_LEVELS:
        raise r.fail("composition.strictness", f"must be one of {', '.join(STRICTNESS_LEVELS)}"
                     f", not {level!r}")
    if not isinstance(comp.get("hanging", False), bool):
        raise r.fail("composition.hanging", f"must be true or false, not {comp['hanging']!r}")
    for key in ("jl_space", "jl_space_max", "indent_em"):
        if key in comp:
            r.number(comp, key, "composition", positive=False)
    if comp.get("jl_space_max", 0.5) < comp.get("jl_space", 0.25):
        raise r.fail("composition.jl_space_max", "must be at least composition.jl_space")
    rows = comp.get("table_min_rows", 1)
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 1:
        raise r.fail("composition.table_min_rows", f"must be a whole number ≥ 1, not {rows!r}")
    return {**comp, "table_min_rows": rows}


# The printed dates whose weekday a template turns on or off (``weekdays:``).
WEEKDAY_DATES = ("as_of", "issued")


def _weekdays(r: _Reader, data: Any) -> dict[str, bool]:
    data = r.mapping(data, "weekdays")
    for key, value in data.items():
        if key not in WEEKDAY_DATES:
            raise r.fail(f"weekdays.{key}",
                         f"is not a key of weekdays (its keys: {', '.join(WEEKDAY_DATES)})")
        if not isinstance(value, bool):
            raise r.fail(f"weekdays.{key}", f"must be true or false, not {value!r}")
    return {k: r.get(data, k, "weekdays") for k in WEEKDAY_DATES}


# The tables whose column widths a template sets, and how many columns each has.
TABLES = {"facts": 2, "member": 2, "calendar": 3, "officers": 3, "opinions": 2,
          "providers": 2}


def _print_spec(r: _Reader, raw: Any, used: dict[str, str]) -> PrintSpec:
    """The ``print:`` section; ``used`` maps every colour the template uses to a key that
    uses it, for each of which ``print.cmyk`` must say how it is printed."""
    data = r.mapping(raw, "print")
    for key in data:
        if key not in PRINT_KEYS:
            raise r.fail(f"print.{key}",
                         f"is not a key of print (its keys: {', '.join(PRINT_KEYS)})")
    nums = {k: r.number(data, k, "print", positive=k not in ("safe_mm", "slug_mm"))
            for k in PRINT_NUMBERS}
    words = {}
    for key, choices in (("pad_with", PAD_WITH), ("intent", INTENTS)):
        value = r.get(data, key, "print")
        if value not in choices:
            raise r.fail(f"print.{key}", f"must be one of {', '.join(choices)}, not {value!r}")
        words[key] = value
    for key in ("profile", "condition"):
        value = r.get(data, key, "print")
        if not isinstance(value, str) or not value.strip():
            raise r.fail(f"print.{key}", f"must be a name, not {value!r}")
        words[key] = value.strip()
    table = r.mapping(r.get(data, "cmyk", "print"), "print.cmyk")
    cmyk = {}
    for rgb, value in table.items():
        key = f"print.cmyk.{rgb}"
        r.colour(rgb, key)
        if (not isinstance(value, list) or len(value) != 4
                or not all(isinstance(v, int | float) and not isinstance(v, bool)
                           and 0 <= v <= 100 for v in value)):
            raise r.fail(key, "must be [C, M, Y, K], each a percentage from 0 to 100")
        if rgb.lower() not in used:
            raise r.fail(key, "is a colour the template does not use: remove it")
        grey = rgb[1:3] == rgb[3:5] == rgb[5:7]
        if grey and any(value[:3]):
            raise r.fail(key, f"is a grey ({used[rgb.lower()]}): print it in black alone, "
                         f"[0, 0, 0, K], not four-colour {value}")
        cmyk[rgb.lower()] = tuple(v / 100 for v in value)
    for rgb, where in used.items():
        if rgb not in cmyk:
            raise r.fail(f"print.cmyk.{rgb}", f"is missing: how is {where} ({rgb}) printed?")
    return PrintSpec(bleed=nums["bleed_mm"] * MM, safe=nums["safe_mm"] * MM,
                     mark_length=nums["mark_length_mm"] * MM,
                     mark_width=nums["mark_width_pt"], slug=nums["slug_mm"] * MM,
                     ppi=nums["ppi"], min_ppi=nums["min_ppi"], cmyk=cmyk, **words)


def _table_columns(r: _Reader, tables: dict[str, Any]) -> dict[str, tuple[float, ...]]:
    """Each table's column widths, as fractions of the table's width that add up to 1."""
    out = {}
    for name, count in TABLES.items():
        cols = r.get(tables, name, "tables")
        if (not isinstance(cols, list) or len(cols) != count
                or not all(isinstance(v, int | float) and not isinstance(v, bool) and v > 0
                           for v in cols)
                or abs(sum(cols) - 1) > 1e-6):
            raise r.fail(f"tables.{name}", f"must be {count} positive fractions adding up to 1")
        out[name] = tuple(float(v) for v in cols)
    return out


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> TemplateError:
        return TemplateError(self.path, key, problem)

    def mapping(self, data: Any, key: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key, "must be a mapping (key: value lines)")
        return data

    def get(self, data: dict[str, Any], key: str, where: str) -> Any:
        if key not in data:
            raise self.fail(f"{where}.{key}" if where else key, "is missing")
        return data[key]

    def number(self, data: dict[str, Any], key: str, where: str, *, positive: bool = True,
               default: float | None = None) -> float:
        value = data.get(key, default) if default is not None else self.get(data, key, where)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail(f"{where}.{key}", f"must be a number, not {value!r}")
        if positive and value <= 0:
            raise self.fail(f"{where}.{key}", f"must be positive, not {value!r}")
        if not positive and value < 0:
            raise self.fail(f"{where}.{key}", f"must be 0 or more, not {value!r}")
        return float(value)

    def numbers(self, data: Any, where: str, keys: tuple[str, ...]) -> dict[str, float]:
        """Section ``where``: each of ``keys`` a number, 0 or more, and no other key."""
        data = self.mapping(data, where)
        for key in data:
            if key not in keys:
                raise self.fail(f"{where}.{key}",
                                f"is not a key of {where} (its keys: {', '.join(keys)})")
        return {k: self.number(data, k, where, positive=False) for k in keys}

    def fraction(self, data: dict[str, Any], key: str, where: str, *, most: float,
                 positive: bool = True) -> float:
        """A required number at most ``most`` (and above 0, or 0 or more)."""
        value = self.number(data, key, where, positive=positive)
        if value > most:
            raise self.fail(f"{where}.{key}", f"must be at most {most:g}, not {value!r}")
        return value

    def flag(self, data: dict[str, Any], key: str, where: str) -> bool:
        value = self.get(data, key, where)
        if not isinstance(value, bool):
            raise self.fail(f"{where}.{key}", f"must be true or false, not {value!r}")
        return value

    def colour(self, value: Any, key: str) -> str:
        if not (isinstance(value, str) and value.startswith("#") and len(value) == 7):
            raise self.fail(key, f"must be a colour written #rrggbb, not {value!r}")
        try:
            int(value[1:], 16)
        except ValueError:
            raise self.fail(key, f"must be a colour written #rrggbb, not {value!r}") from None
        return value

    def text_style(self, data: Any, key: str, fonts: dict[str, list[str]]) -> TextStyle:
        data = self.mapping(data, key)
        font = self.get(data, "font", key)
        if font not in fonts:
            raise self.fail(f"{key}.font", f"{font!r} is not a role under fonts: "
                            + ", ".join(fonts))
        size = self.number(data, "size", key)
        leading = self.number(data, "leading", key, default=size * 1.5)
        if leading < size:
            raise self.fail(f"{key}.leading", "must be at least the size")
        return TextStyle(font, size, leading)


_read: dict[tuple[Path, int, int], Template] = {}


def read_template(path: Path) -> Template:
    """The template at ``path`` as typed values; raises TemplateError when unusable.

    Read once per version of the file (a build asks for it for its cache key, then for
    every issue it typesets)."""
    try:
        st = path.stat()
    except OSError:
        return _read_template(path)  # reports why
    key = (path, st.st_mtime_ns, st.st_size)
    t = _read.get(key)
    if t is None:
        t = _read[key] = _read_template(path)
    return t


def _read_template(path: Path) -> Template:
    r = _Reader(path)
    try:
        raw = load_template(path)
    except OSError as exc:
        raise r.fail("file", exc.strerror or str(exc)) from None
    except yaml.YAMLError as exc:
        raise r.fail("file", f"YAML syntax error: {exc}") from None
    raw = r.mapping(raw, "template")
    fonts_raw = r.mapping(r.get(raw, "fonts", ""), "fonts")
    fonts = {}
    for role, names in fonts_raw.items():
        if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
            raise r.fail(f"fonts.{role}", "must be a list of font file names")
        fonts[str(role)] = list(names)

    page = r.mapping(r.get(raw, "page", ""), "page")
    size = r.get(page, "size", "page")
    if isinstance(size, str):
        if size not in PAPER_MM:
            raise r.fail("page.size", f"{size!r} is not one of {', '.join(PAPER_MM)}")
        w_mm, h_mm = PAPER_MM[size]
    elif (isinstance(size, list) and len(size) == 2
          and all(isinstance(v, int | float) and v > 0 for v in size)):
        w_mm, h_mm = size
    else:
        raise r.fail("page.size", "must be a paper name (A4, B5) or [width_mm, height_mm]")
    top = r.number(page, "top_mm", "page") * MM

    g = r.mapping(r.get(raw, "grid", ""), "grid")
    columns = int(r.number(g, "columns", "grid"))
    grid = Grid(
        columns=columns,
        chars_per_line=int(r.number(g, "chars_per_line", "grid")),
        gutter_em=r.number(g, "gutter_em", "grid", positive=columns == 1, default=0.0)
        if columns == 1 else r.number(g, "gutter_em", "grid"),
        lines=int(r.number(g, "lines", "grid")),
        line_pitch=r.number(g, "line_pitch", "grid"),
        body=r.text_style(r.get(g, "body", "grid"), "grid.body", fonts),
    )
    if grid.line_pitch < grid.body.size:
        raise r.fail("grid.line_pitch", "must be at least the body size")
    pw, ph = w_mm * MM, h_mm * MM
    if grid.width > pw - 2 * 18:
        raise r.fail("grid.chars_per_line",
                     f"the text block ({grid.width:.0f}pt) is wider than the paper allows "
                     f"({pw - 36:.0f}pt)")
    if top + grid.height > ph - 36:
        raise r.fail("grid.lines", f"the text block ({grid.height:.0f}pt from {top:.0f}pt) "
                     f"runs off the paper ({ph:.0f}pt high)")

    images = r.mapping(r.get(raw, "images", ""), "images")
    colours_raw = r.mapping(r.get(raw, "colours", ""), "colours")
    colours: dict[str, str | None] = {}
    for name in COLOUR_NAMES:
        value = r.get(colours_raw, name, "colours")
        colours[name] = None if value == "none" and name in OPTIONAL_COLOURS \
            else r.colour(value, f"colours.{name}")
    styles_raw = r.mapping(r.get(raw, "styles", ""), "styles")
    styles = {name: r.text_style(r.get(styles_raw, name, "styles"), f"styles.{name}", fonts)
              for name in STYLE_NAMES}
    kinds_raw = r.mapping(r.get(raw, "kinds", ""), "kinds")
    kinds = {}
    for kind in KINDS:
        k = r.mapping(r.get(kinds_raw, kind, "kinds"), f"kinds.{kind}")
        for key in k:
            if key not in KIND_KEYS:
                raise r.fail(f"kinds.{kind}.{key}", "is not a key of a kind (its keys: "
                             + ", ".join(KIND_KEYS) + "; the colour is colours.accent)")
        cols = int(r.number(k, "columns", f"kinds.{kind}"))
        kinds[kind] = KindStyle(
            colour=str(colours["accent"]),
            new_page=r.flag(k, "new_page", f"kinds.{kind}"),
            columns=min(cols, grid.columns),
            keep_together=r.flag(k, "keep_together", f"kinds.{kind}"),
        )
    badges_raw = r.mapping(r.get(raw, "badges", ""), "badges")
    badges = {str(k): r.colour(v, f"badges.{k}") for k, v in badges_raw.items()}
    where = "programme"  # (a dotted "programme.…" literal would read as a message code)
    pcols = r.get(r.mapping(r.get(raw, where, ""), where), "columns", where)
    if (not isinstance(pcols, list) or len(pcols) != 3
            or not all(isinstance(v, int | float) and v > 0 for v in pcols)):
        raise r.fail(f"{where}.columns", "must be three positive fractions")
    total = sum(pcols)
    comp = _composition(r, r.mapping(raw.get("composition", {}), "composition"))
    tables = _table_columns(r, r.mapping(r.get(raw, "tables", ""), "tables"))

    def section(name: str) -> dict[str, float]:
        return r.numbers(r.get(raw, name, ""), name, NUMBER_SECTIONS[name])

    used = {}  # every colour of the template → the first key using it
    for where, value in [*((f"colours.{k}", v) for k, v in colours.items()),
                         *((f"kinds.{k}.colour", v.colour) for k, v in kinds.items()),
                         *((f"badges.{k}", v) for k, v in badges.items())]:
        if value is not None:  # (None: a part not painted)
            used.setdefault(value.lower(), where)
    contents = section("contents")
    plan = section("plan")
    if plan["warn_empty"] > 1 or plan["last_page_fill"] > 1:
        raise r.fail("plan.warn_empty" if plan["warn_empty"] > 1 else "plan.last_page_fill",
                     "must be a fraction of the text block, at most 1")
    links = r.mapping(r.get(raw, "links", ""), "links")
    addresses = r.get(links, "addresses", "links")
    if addresses not in LINK_ADDRESSES:
        raise r.fail("links.addresses", f"must be one of {', '.join(LINK_ADDRESSES)}, "
                     f"not {addresses!r}")
    if contents["rule_dash"] <= 0:  # a dash of nothing draws no rule, or a solid one
        raise r.fail("contents.rule_dash", "must be positive")
    return Template(
        path=path,
        name=str(raw.get("name", path.stem)),
        fonts=fonts,
        latin=_latin(r, r.get(raw, "latin", ""), fonts),
        page_width=pw,
        page_height=ph,
        top=top,
        grid=grid,
        ppi=r.number(images, "ppi", "images"),
        min_ppi=r.number(images, "min_ppi", "images"),
        jpeg_quality=int(r.number(images, "jpeg_quality", "images")),
        max_photo_height=r.fraction(images, "max_height", "images", most=1.0),
        # at most half: a picture cut to less than half its height shows too little of it
        max_crop=r.fraction(images, "max_crop", "images", most=0.5, positive=False),
        composition=comp,
        colours=colours,
        styles=styles,
        kinds=kinds,
        badges=badges,
        programme_columns=tuple(v / total for v in pcols),
        table_columns=tables,
        folio=section("folio"),
        running_head=section("running_head"),
        rules=section("rules"),
        band=section("band"),
        space=section("space"),
        cover=section("cover"),
        contents=contents,
        colophon=section("colophon"),
        profile=section("profile"),
        lists=section("lists"),
        print=_print_spec(r, r.get(raw, "print", ""), used),
        weekdays=_weekdays(r, r.get(raw, "weekdays", "")),
        plan=plan,
        link_addresses=addresses,
    )
