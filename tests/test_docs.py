"""The docs cite only what the repository holds: a reader of a fresh clone can open every
path that docs/, issues/README.md and README.md name (the spec and the seed material the
samples were made from are not shipped, so they are not cited by path)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = sorted([*(ROOT / "docs").glob("*.md"), ROOT / "issues" / "README.md",
               ROOT / "README.md"])
TOP_LEVEL = {p.name for p in ROOT.iterdir()} - {"build", ".cache", ".venv"}
PLACEHOLDER = re.compile(r"[<>*…]|NN|\.\.\.$")


def cited(text: str) -> set[str]:
    """Paths a doc cites: link targets, and code spans that look like paths."""
    links = set(re.findall(r"\]\(([^)\s]+)\)", text))
    spans = set(re.findall(r"`([^`\s]*/[^`\s]*)`", text))
    return {p.split("#")[0] for p in links | spans
            if p and "://" not in p and not p.startswith(("mailto:", "#"))}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_path_a_doc_cites_is_in_the_repository(doc):
    text = doc.read_text(encoding="utf-8")
    outside, missing = [], []
    for path in sorted(cited(text)):
        if PLACEHOLDER.search(path):
            continue  # a pattern (issues/<id>/issue.yaml), not a file
        if path.startswith("/") or (".." in Path(path).parts and not (
                (doc.parent / path).resolve().is_relative_to(ROOT))):
            outside.append(path)
            continue
        first = Path(path).parts[0]
        in_repo = first in TOP_LEVEL or first == ".."
        if in_repo and not ((ROOT / path).exists() or (doc.parent / path).exists()):
            missing.append(path)
    assert not outside, f"{doc.name} cites paths outside the repository: {outside}"
    assert not missing, f"{doc.name} cites paths that do not exist: {missing}"


def test_the_docs_name_no_machine_paths():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "/work/" not in text and "../seed" not in text, doc
