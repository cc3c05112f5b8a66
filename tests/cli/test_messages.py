"""One message catalogue, in step in both languages, chosen by the locale."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from express.messages import catalogue, current_language

CODE_DIR = Path(__file__).resolve().parents[2] / "express"


def test_both_languages_have_the_same_codes_and_fields():
    en, ja = catalogue("en"), catalogue("ja")
    assert set(en) == set(ja)
    fields = lambda t: {f for _, f, _, _ in string.Formatter().parse(t) if f}  # noqa: E731
    for code in en:
        assert fields(ja[code]) <= fields(en[code]), code  # English shows every argument


def test_every_code_used_in_the_code_is_in_the_catalogue():
    used = set()
    for path in CODE_DIR.rglob("*.py"):
        used |= set(
            re.findall(
                r'"((?:source|value|key|image|slot|programme|issue|issues|'
                r"article|markup|lint|publication|check|new|pdf|site)"
                r'\.(?!yaml")[a-z_]+)"',
                path.read_text(encoding="utf-8"),
            )
        )
    missing = used - set(catalogue("en"))
    assert not missing


@pytest.mark.parametrize(
    ("env", "lang"), [("ja_JP.UTF-8", "ja"), ("en_US.UTF-8", "en"), ("C.UTF-8", "en")]
)
def test_language_follows_locale(monkeypatch, env, lang):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", env)
    assert current_language() == lang


def test_the_catalogue_is_read_as_yaml_reads_it_without_pyyamls_constructor(monkeypatch):
    """Each command reads a catalogue: built from libyaml's parse events (express/libyaml.py,
    ~1 ms), not through PyYAML's composer and constructor (~2 ms); what it reads is what
    ``yaml.safe_load`` does."""
    import yaml

    from express.libyaml import safe_load
    from express.messages import _HERE

    catalogue.cache_clear()

    def constructed(*args, **kwargs):
        raise AssertionError("the catalogue went through PyYAML's constructor")

    with monkeypatch.context() as m:
        m.setattr(yaml.constructor.BaseConstructor, "construct_document", constructed)
        texts = {lang: catalogue(lang) for lang in ("en", "ja")}
    catalogue.cache_clear()
    for lang, read in texts.items():
        assert read == safe_load((_HERE / f"{lang}.yaml").read_text(encoding="utf-8"))
