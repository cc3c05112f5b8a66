"""``express proof`` on a back issue renders its own PDF (nothing is typeset)."""

from __future__ import annotations

from click.testing import CliRunner
from PIL import Image

from express.cli import main
from tests.backissues.conftest import add_back_issue


def test_proof_of_a_back_issue_shows_its_pdf(empty_project, originals):
    add_back_issue(empty_project.issues, "2019-spring", originals.files["2019-spring"])
    run = CliRunner().invoke(main, ["--project", str(empty_project.root), "proof",
                                    "2019-spring"])
    assert run.exit_code == 0, run.output
    out = empty_project.build / "proof" / "2019-spring"
    assert sorted(p.name for p in out.glob("page-*.png")) == [
        f"page-{n:02d}.png" for n in range(1, 6)]
    with Image.open(out / "page-01.png") as im:
        assert im.convert("L").getextrema()[0] < 100  # the cover's ink
    assert not (empty_project.build / "pdf" / "2019-spring.pdf").exists()
