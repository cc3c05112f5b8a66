"""Whatever an editor types, the checker answers with diagnostics — never a traceback."""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from express.check import check
from express.diagnostics import Diagnostics
from express.load.yaml_source import read_yaml
from tests.conftest import ROOT

SAMPLE = (ROOT / "issues" / "2020-winter" / "issue.yaml").read_text(encoding="utf-8")
LINES = SAMPLE.splitlines(keepends=True)
JUNK = st.text(
    alphabet=st.sampled_from(list(":-[]{}|>*&!%@`'\"#,?\t\n 　あ漢字0123456789abc../")), max_size=12
)


@st.composite
def mutated_sample(draw) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(
            st.sampled_from(
                ["delete", "duplicate", "junk", "indent", "dedent", "truncate", "value"]
            )
        )
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "junk":
            pos = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:pos] + draw(JUNK) + lines[i][pos:]
        elif op == "indent":
            lines[i] = "  " + lines[i]
        elif op == "dedent":
            lines[i] = lines[i][2:] if lines[i].startswith("  ") else lines[i]
        elif op == "truncate":
            lines = lines[:i]
        elif ":" in lines[i]:
            key = lines[i].split(":", 1)[0]
            lines[i] = f"{key}: {draw(JUNK)}\n"
        if not lines:
            break
    return "".join(lines)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 10**12),
    st.text(max_size=20),
    st.dates(min_value=dt.date(1900, 1, 1)),
    st.floats(allow_nan=False),
)
keys = st.sampled_from(
    [
        "number",
        "date",
        "articles",
        "kind",
        "title",
        "event",
        "start",
        "programme",
        "slots",
        "time",
        "speakers",
        "body",
        "photos",
        "file",
        "groups",
        "members",
        "items",
        "entries",
        "prefecture",
        "cover",
        "image",
        "lines",
        "events",
        "contact",
        "url",
        "x",
    ]
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=5)),
    max_leaves=25,
)


def _check_text(checker, text: str) -> None:
    checker.write(text)
    _archive, diags = check(checker.project)
    for d in diags:
        assert d.pos is not None
        d.render("en")
        d.render("ja")


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutated_sample())
def test_mutated_samples_never_crash(checker, text):
    _check_text(checker, text)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(documents)
def test_random_documents_never_crash(checker, doc):
    _check_text(checker, yaml.safe_dump(doc, allow_unicode=True))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_crash(data):
    diags = Diagnostics()
    read_yaml("x.yaml", data, diags)
    for d in diags:
        d.render("en")
