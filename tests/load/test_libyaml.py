"""``express.libyaml.safe_load`` reads what ``yaml.safe_load`` reads, and refuses what it
refuses, in the same words; plain data is built without PyYAML's constructor."""

from __future__ import annotations

import pytest
import yaml

from express.libyaml import SafeLoader, safe_load
from tests.conftest import ROOT

CASES = [
    "",
    "# only a comment\n",
    "a: 1\nb: 1.5\nc: true\nd: ~\ne: 2020-12-15\nf: 2020-12-15 10:00:00\ng: '1'\nh: 0x1f\n",
    "a:\n  - x\n  - {y: [1, 2], z: null}\n  - - nested\n",
    "a: 1\na: 2\n",
    "text: |\n  line one\n  line two\nfolded: >\n  one\n  two\n",
    "日本: 語\nempty:\n",
    "- 1\n- two\n",
    "just text\n",
    "n: .inf\nm: -.NaN\no: 1_000\np: +12\nq: 0o17\nr: 0b101\n",
    # read by PyYAML itself: anchors, merge keys, tags, several documents, mistakes
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
    "a: &n 3\nb: *n\n",
    "s: !!str 12\nt: !!binary aGVsbG8=\nu: !!set {a, b}\n",
    "a: 1\n---\nb: 2\n",
    "? [1, 2]\n: unhashable key\n",
    "a: [1, 2\n",
    "a: b: c\n",
    "x: !custom 1\n",
    "\ta: 1\n",
]


def _read(read, text):
    try:
        return "ok", read(text)
    except yaml.YAMLError as exc:
        return type(exc).__name__, str(exc)


@pytest.mark.parametrize("text", CASES)
def test_safe_load_is_yaml_safe_load(text):
    assert _read(safe_load, text) == _read(lambda t: yaml.load(t, Loader=SafeLoader), text)


def test_the_layout_templates_are_built_without_pyyamls_constructor(monkeypatch):
    def constructed(*args, **kwargs):
        raise AssertionError("read through PyYAML's constructor")

    for path in sorted((ROOT / "templates" / "pdf").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        expected = yaml.load(text, Loader=SafeLoader)
        with monkeypatch.context() as m:
            m.setattr(yaml.constructor.BaseConstructor, "construct_document", constructed)
            assert safe_load(text) == expected, path.name
