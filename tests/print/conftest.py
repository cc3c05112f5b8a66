"""Print edition test helpers: the samples' print editions built once, read back with
pikepdf (content streams), pypdf and pypdfium2 (pixels)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from express.pdf.template import MM, read_template
from tests.conftest import ROOT, copy_project

SAMPLES = ("2020-winter", "2022-spring")
BLEED = 3 * MM
PROFILE = ROOT / ".cache" / "profiles" / "FOGRA39L_coated.icc"  # made by make setup


def run(project, *args):
    """``express --project … ARGS`` as an editor runs it, in English."""
    from express.cli import main

    return CliRunner().invoke(main, ["--project", str(project.root), *args],
                              env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})


@pytest.fixture(scope="session")
def printed(tmp_path_factory: pytest.TempPathFactory):
    """The samples built with --print once: (project, BuildResult)."""
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("printed"))
    result = build(project, site=False, for_print=True)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result


@pytest.fixture(scope="session")
def template(printed):
    project, _ = printed
    return read_template(project.pdf_template())


def content_ops(pdf: pikepdf.Pdf, page: pikepdf.Page) -> Iterator[tuple[str, list, str]]:
    """Every operator of ``page`` and of the forms it draws, in drawing order, as
    (operator, operands, where): where is "page" or the form's name."""
    yield from _ops(page, page.obj.get("/Resources"), "page")


def _ops(holder, resources, where: str):
    for operands, op in pikepdf.parse_content_stream(holder):
        name = str(op)
        yield name, list(operands), where
        if name == "Do" and resources is not None:
            xobj = resources.XObject[operands[0]]
            if xobj.Subtype == "/Form":
                yield from _ops(xobj, xobj.get("/Resources", resources), str(operands[0]))


def box(page: pikepdf.Page, name: str) -> tuple[float, float, float, float]:
    return tuple(float(v) for v in page.obj[name])  # type: ignore[return-value]


def open_pdf(path: Path) -> pikepdf.Pdf:
    return pikepdf.open(path)
