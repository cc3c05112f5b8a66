"""Fixtures: the sample issues built to PDF (no site) and the probe PDFs, read back as glyphs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from express.build import build
from express.check import check

from ..conftest import ROOT, copy_project
from ..jtext.probe_text import PROBE
from ..pdf.conftest import SAMPLES
from . import checks as K
from .glyphs import read_glyphs
from .layout import body_style
from .probe_pdf import NARROW_EMS, TEMPLATE, build_probe


@pytest.fixture(scope="session")
def sample_docs(tmp_path_factory) -> dict[str, K.Doc]:
    project = copy_project(tmp_path_factory.mktemp("typography"))
    result = build(project, site=False)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    archive, _ = check(project)
    style = body_style(ROOT, project.pdf_template())
    docs = {}
    for issue in archive.issues:
        if issue.id in SAMPLES:
            pages = read_glyphs(result.pdfs[issue.id])
            docs[issue.id] = K.build_doc(pages, style, K.text_of(issue))
    return docs


def probe_doc(path: Path, **overrides) -> K.Doc:
    probe = build_probe(path, **overrides)
    # the expectations stay the template's (jl_space, strictness), whatever was drawn
    style = dataclasses.replace(body_style(ROOT, TEMPLATE), grid_top=probe.grid_top)
    return K.build_doc(read_glyphs(probe.path), style, [PROBE], probe.columns_by_page)


@pytest.fixture(scope="session")
def probe(tmp_path_factory) -> K.Doc:
    return probe_doc(tmp_path_factory.mktemp("probe") / "probe.pdf")


@pytest.fixture(scope="session")
def docs(sample_docs, probe) -> dict[str, K.Doc]:
    return {**sample_docs, "probe": probe}


@pytest.fixture(scope="session")
def narrow_probe(tmp_path_factory) -> K.Doc:
    return probe_doc(tmp_path_factory.mktemp("probe") / "narrow.pdf", ems=NARROW_EMS)
