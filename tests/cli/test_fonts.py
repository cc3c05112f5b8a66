"""Font lookup: the publisher's override wins, CFF fonts are refused with the reason,
and `express fonts` says which file each role uses and why."""

from __future__ import annotations

import shutil
import struct

from click.testing import CliRunner

from express.cli import main
from express.fonts import find_fonts
from express.fonts.discovery import forget
from express.pdf.template import font_candidates


def _candidates(project):
    return font_candidates(project.pdf_template())


def test_default_fonts_are_found_with_a_reason(project):
    chosen, _problems = find_fonts(project.root, _candidates(project))
    assert set(chosen) == {"mincho", "gothic", "gothic-bold", "latin-serif", "latin-sans",
                           "latin-sans-bold", "gothic-bold-fixed"}
    assert all("template candidate" in c.why for c in chosen.values())


def test_role_file_in_fonts_folder_overrides(project):
    chosen, _ = find_fonts(project.root, _candidates(project))
    (project.root / "fonts").mkdir()
    shutil.copy(chosen["gothic"].path, project.root / "fonts" / "mincho.ttf")
    forget()
    again, _ = find_fonts(project.root, _candidates(project))
    assert again["mincho"].path == project.root / "fonts" / "mincho.ttf"
    assert "override" in again["mincho"].why


def test_cff_font_is_refused_with_reason(project):
    (project.root / "fonts").mkdir()
    cff = struct.pack(">4sHHHH", b"OTTO", 1, 16, 0, 0) + b"CFF " + bytes(12)
    (project.root / "fonts" / "mincho.ttf").write_bytes(cff)
    forget()
    chosen, problems = find_fonts(project.root, _candidates(project))
    assert any("CFF" in p.reason for p in problems if p.role == "mincho")
    assert "override" not in chosen["mincho"].why  # fell back to the template's candidate


def test_fonts_command_lists_roles(project):
    r = CliRunner().invoke(main, ["--project", str(project.root), "fonts"])
    assert r.exit_code == 0, r.output
    for role in ("mincho", "gothic", "gothic-bold", "latin-serif", "gothic-bold-fixed"):
        assert role in r.output
    # one column of paths, however long a role's name
    paths = [line.index("/") for line in r.output.splitlines() if not line.startswith(" ")]
    assert len(set(paths)) == 1, r.output


def test_missing_fonts_exit_one(project, monkeypatch, tmp_path):
    monkeypatch.setenv("EXPRESS_FONT_PATH", str(tmp_path / "none"))
    template = project.pdf_template()
    template.write_text(template.read_text(encoding="utf-8").replace(
        "BIZUDMincho-Regular.ttf, ipaexm.ttf, ipam.ttf", "NoSuchFont.ttf"), encoding="utf-8")
    forget()
    r = CliRunner().invoke(main, ["--project", str(project.root), "fonts"])
    assert r.exit_code == 1 and "MISSING" in r.output
