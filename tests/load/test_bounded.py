"""Hostile or careless files are read within bounds: only regular files inside their
folder, each up to a size; aliases expanded to a fixed number of values; time linear in
the text; numbers and ids read by one strict rule; UTF-16 named as UTF-16.

Whatever could hang runs in a child process with a timeout: a test must end either way.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
from pathlib import Path

import pytest

from express.check import check
from express.inputs import YAML_LIMIT
from express.load.yaml_source import ALIAS_NODES
from express.project import Project
from tests.load.conftest import MINIMAL

HANG_S = 60  # what the old code took minutes for (or for ever) takes well under a second


def _check_codes(root: str, out: multiprocessing.Queue) -> None:
    _archive, diags = check(Project(Path(root)))
    out.put([(d.pos.path if d.pos else "", d.code) for d in diags])


def check_in_child(project) -> list[tuple[str, str]]:
    """``check(project)`` in a child process: (path, code) of each diagnostic, or a
    failure when it does not end within ``HANG_S``."""
    ctx = multiprocessing.get_context("spawn")  # a fork of pytest's threads could hang
    out = ctx.Queue()
    child = ctx.Process(target=_check_codes, args=(str(project.root), out))
    child.start()
    try:
        return out.get(timeout=HANG_S)
    except queue.Empty:
        pytest.fail(f"check did not end in {HANG_S} s")
    finally:
        child.kill()
        child.join()


def test_a_fifo_for_issue_yaml_is_reported_not_waited_for(checker):
    folder = checker.project.issues / "t1"
    folder.mkdir()
    os.mkfifo(folder / "issue.yaml")
    assert ("issues/t1/issue.yaml", "source.not_regular") in [
        (p.removeprefix("./"), c) for p, c in check_in_child(checker.project)]


def test_issue_yaml_linked_to_an_endless_device_or_out_of_its_folder_is_not_read(checker):
    for name, target in (("t1", "/dev/zero"), ("t2", "/etc/hostname")):
        folder = checker.project.issues / name
        folder.mkdir()
        (folder / "issue.yaml").symlink_to(target)
    got = dict(check_in_child(checker.project))
    assert got["issues/t1/issue.yaml"] == "source.outside"  # /dev/zero is elsewhere too
    assert got["issues/t2/issue.yaml"] == "source.outside"
    inside = checker.project.issues / "t3"
    inside.mkdir()
    (inside / "text.yaml").write_text(MINIMAL.replace("number: 1", "number: 3"),
                                      encoding="utf-8")
    (inside / "issue.yaml").symlink_to("text.yaml")  # a link inside its folder is fine
    assert not [c for p, c in check_in_child(checker.project) if "t3/" in p]


def test_a_file_over_the_size_limit_is_refused_unread(checker):
    path = checker.write(MINIMAL)
    with open(path, "r+b") as f:
        f.truncate(YAML_LIMIT + 1)  # sparse: nothing to read, but too large
    assert checker.codes() == [(1, 1, "source.too_large")]


def alias_bomb(width: int) -> str:
    """An issue that fits the schema, a few kB long, whose aliases stand for width**4
    speakers: articles × programme days × slots × speakers."""
    speakers = ", ".join(["{name: 山田}"] * width)
    refs = "".join("          - *s\n" for _ in range(width - 1)) \
        + "".join("      - *d\n" for _ in range(width - 1)) \
        + "".join("  - *r\n" for _ in range(width - 1))
    return f"""\
number: 1
date: 2020-11-19
articles:
  - &r
    kind: report
    title: 報告
    event: {{start: 2020-11-19}}
    programme:
      - &d
        date: 2020-11-19
        slots:
          - &s {{time: "10:00-11:00", title: 講演, speakers: [{speakers}]}}
{refs}"""


def test_an_alias_bomb_is_refused_at_its_anchor_quickly(checker):
    text = alias_bomb(60)
    assert len(text.encode()) < 8000  # a few kB …
    checker.write(text)
    codes = [c for p, c in check_in_child(checker.project) if p.endswith("t1/issue.yaml")]
    assert codes == ["source.too_many_aliases"]  # … standing for 60**4 speakers
    [bomb] = [d for d in checker.run() if d.code == "source.too_many_aliases"]
    assert bomb.pos.line == 4  # the anchor of the value repeated most: the report (&r)


def test_a_few_aliases_are_still_fine(checker):
    text = MINIMAL.replace("articles:", "cover:\n  lines: &l [表紙の見出し]\narticles:") + \
        "  - kind: article\n    title: 二\n    body: |\n      本文。\n"
    assert checker.codes(text) == []
    assert ALIAS_NODES >= 1000


def test_a_long_body_loads_in_time_linear_in_its_length(checker):
    """16 MB (the size limit) of body text: loading counted each line from the body's
    start for every run (9.8 s for 2 MB, minutes for more); it is one pass now."""
    line = "会員各位におかれましては、ますますご清祥のこととお慶び申し上げます。\n"
    paragraphs = "".join(f"      {line}" + ("\n" if i % 5 == 4 else "")
                         for i in range(int(YAML_LIMIT * 0.95) // (len(line.encode()) + 7)))
    checker.write(MINIMAL.replace("      本文。\n", paragraphs))
    assert os.path.getsize(checker.project.issues / "t1" / "issue.yaml") > YAML_LIMIT * 0.9
    codes = [c for p, c in check_in_child(checker.project) if p.endswith("t1/issue.yaml")]
    assert "source.too_large" not in codes


@pytest.mark.parametrize("value", ['"①"', '"²"', '"٣"', "1" * 5000, '"12 "', "0x10"])
def test_numbers_are_ascii_digits_with_a_bound(checker, value):
    """``isdigit()`` took ① and ² (and int() then failed: internal error), and thousands
    of digits passed it too (int() refuses more than 4300)."""
    text = MINIMAL.replace("number: 1", f"number: {value}")
    expected = [] if value == '"12 "' else [(1, 9, "value.expected_int")]
    assert checker.codes(text) == expected


@pytest.mark.parametrize("value", ['"①"', "1" * 5000])
def test_attendance_counts_are_read_the_same_way(checker, value):
    text = MINIMAL.replace(
        "  - kind: article\n    title: 題\n    body: |\n      本文。\n",
        "  - kind: report\n    title: 報告\n    event:\n      start: 2020-11-19\n"
        f"      attendance: {{onsite: {value}}}\n")
    assert [c for _l, _c, c in checker.codes(text)] == ["value.expected_count"]


def test_full_width_digits_are_still_read(checker):
    assert checker.codes(MINIMAL.replace("number: 1", 'number: "３５"')) == []


@pytest.mark.parametrize(("value", "code"), [
    ('"a4-magazine\\0"', "issue.bad_template"),
    ("../../issues/publication", "issue.bad_template"),
    ("A4", "issue.bad_template"),
    ("no-such-layout", "pdf.template_missing"),
])
def test_template_names_follow_the_id_rule_and_name_a_template_there(checker, value, code):
    """A NUL passed check and crashed the build; ../ reached any YAML file; a name that
    is no template was found out only when typesetting."""
    assert checker.codes(MINIMAL + f"template: {value}\n") == [(8, 11, code)]


def test_ids_ending_in_a_newline_are_refused(checker):
    """``^…$`` matched before a final newline: the id became a broken file name."""
    text = MINIMAL.replace("    title: 題\n", '    title: 題\n    id: "intro\\n"\n')
    assert checker.codes(text) == [(6, 9, "article.bad_id")]
    folder = checker.project.issues / "2031-autumn\n"
    folder.mkdir()
    (folder / "issue.yaml").write_text(MINIMAL.replace("number: 1", "number: 2"),
                                       encoding="utf-8")
    _archive, diags = check(checker.project)
    assert [d.code for d in diags if "2031-autumn" in d.pos.path] == ["issue.bad_folder"]
    assert all(i.id != "2031-autumn\n" for i in _archive.issues)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_named_as_such_and_read(checker, encoding):
    """UTF-16 was reported as Shift_JIS.  ("utf-16" and "utf-32" write a byte-order mark;
    the others none: the NUL beside the first character tells.)"""
    checker.write("", raw=MINIMAL.encode(encoding))
    name = "UTF-32" if "32" in encoding else "UTF-16"
    [d] = checker.run()
    assert d.code == "source.other_encoding" and d.args["encoding"] == name
    assert "saved as " + name in d.render("en")


def test_utf16_that_does_not_decode_is_an_error_naming_utf16(checker):
    checker.write("", raw=b"\xff\xfe" + MINIMAL.encode("utf-16-le") + b"\x00\xd8")
    [d] = checker.run()
    assert d.code == "source.bad_encoding" and d.args["encoding"] == "UTF-16"


def test_an_issue_folder_linked_from_elsewhere_is_not_read(checker, tmp_path):
    """issues/x → / would have its files hashed, the whole disk, before anything else."""
    (checker.project.issues / "2031-autumn").symlink_to("/")
    codes = dict(check_in_child(checker.project))
    assert codes["issues/2031-autumn/issue.yaml"] == "issue.folder_link"
