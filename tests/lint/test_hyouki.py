"""表記ゆれ: one word or company written two ways in one issue; the rules file."""

from __future__ import annotations

from tests.lint.helpers import codes, found, lint


def _editorial(project, *lines: str):
    text = "".join(f"  {line}\n" for line in lines)
    return lint(project, f"editorial: |\n{text}articles:\n  - kind: article\n    title: 題\n")


def test_full_and_half_width_latin(empty_project):
    diags = _editorial(empty_project, "JAIPAの会報。", "ＪＡＩＰＡ会員とJAIPA事務局。")
    assert found(diags, "lint.variant_form") == [(5, 3)]
    (d,) = [d for d in diags if d.code == "lint.variant_form"]
    assert d.args["written"] == "ＪＡＩＰＡ" and d.args["usual"] == "JAIPA" and d.args["line"] == 4


def test_a_number_is_compared_whole_with_its_separators(empty_project):
    # １，２３４ beside 1,234: one warning for the number, not one for １ and one for ２３４
    diags = _editorial(empty_project, "回線数は１，２３４本、会員は1,234社。")
    (d,) = [d for d in diags if d.code == "lint.variant_form"]
    assert d.args["written"] == "１，２３４" and d.args["usual"] == "1,234"


def test_word_groups_from_the_rules_file(empty_project):
    diags = _editorial(empty_project,
                       "サーバーとサーバーとサーバ。ウエブの話、ウェブの話、ウェブ。")
    assert found(diags, "lint.variant_form") == [(4, 13), (4, 17)]


def test_company_type_forms_for_one_company(empty_project):
    diags = lint(empty_project, """
        editorial: |
          ご協賛の（株）ABCネットに感謝します。
        articles:
          - kind: officers
            groups:
              - role: 理事
                members:
                  - {name: 山田 太郎, company: 株式会社ABCネット}
                  - {name: 鈴木 花子, company: 株式会社ABCネット}
        """)
    assert found(diags, "lint.company_form") == [(4, 7)]


def test_quotations_and_names_keep_their_own_spelling(empty_project):
    diags = _editorial(empty_project, "サーバーの話。「サーバ構築入門」を読む。",
                       "NTTドコモ株式会社とNTT株式会社。")
    assert codes(diags) == []


def test_consistent_text_raises_nothing(empty_project):
    diags = _editorial(empty_project, "JAIPAのサーバー、ウェブ、株式会社KEES。",
                       "JAIPAのサーバー、株式会社KEESのウェブ。")
    assert codes(diags) == []


def test_an_editor_can_add_a_group(empty_project):
    rules = empty_project.templates / "lint" / "hyouki.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace(
        "variants:\n", "variants:\n  - [お問い合わせ, お問合せ]\n"), encoding="utf-8")
    diags = _editorial(empty_project, "お問い合わせはお問合せ窓口へ。お問い合わせ。")
    assert found(diags, "lint.variant_form") == [(4, 10)]


def test_a_bad_rules_file_is_an_error_at_its_line(empty_project):
    rules = empty_project.templates / "lint" / "hyouki.yaml"
    rules.write_text("variants:\n  - [サーバー, サーバ]\n  - [ユーザー]\n  - [サーバ, サーバー]\n"
                     "colours: []\n", encoding="utf-8")
    (empty_project.issues / "2031-autumn").mkdir()
    (empty_project.issues / "2031-autumn" / "issue.yaml").write_text(
        "number: 1\ndate: 2020-12-15\narticles:\n  - kind: article\n    title: 題\n",
        encoding="utf-8")
    from express.check import check

    _archive, diags = check(empty_project)
    errors = [(d.code, d.pos.line, d.pos.col) for d in diags.sorted() if d.is_error]
    assert all(d.pos.path.endswith("templates/lint/hyouki.yaml") for d in diags)
    assert errors == [("lint.rules_bad_group", 3, 5), ("lint.rules_repeated_form", 4, 6),
                      ("lint.rules_unknown_key", 5, 1)]


def test_a_width_tie_asks_for_half_width_whichever_came_first(empty_project):
    diags = _editorial(empty_project, "ＪＡＩＰＡの会報。", "JAIPA事務局。")
    (d,) = [d for d in diags if d.code == "lint.variant_form"]
    assert d.args["written"] == "ＪＡＩＰＡ" and d.args["usual"] == "JAIPA"
    assert found(diags, "lint.variant_form") == [(4, 3)]


def test_an_unreadable_rules_file_is_reported_not_a_traceback(empty_project):
    rules = empty_project.templates / "lint" / "hyouki.yaml"
    rules.unlink()
    rules.mkdir()  # exists, but cannot be read as a file
    (empty_project.issues / "2031-autumn").mkdir()
    (empty_project.issues / "2031-autumn" / "issue.yaml").write_text(
        "number: 1\ndate: 2020-12-15\narticles:\n  - kind: article\n    title: 題\n",
        encoding="utf-8")
    from express.check import check

    _archive, diags = check(empty_project)
    [err] = [d for d in diags if d.is_error]
    assert err.code == "source.not_regular" and err.pos.path.endswith("lint/hyouki.yaml")
