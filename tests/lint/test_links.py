"""Web and e-mail addresses a reader could not use."""

from __future__ import annotations

from tests.lint.helpers import codes, found, lint


def _body(project, line: str, url: str = "https://www.jaipa.or.jp/"):
    return lint(project, f"""
        articles:
          - kind: article
            title: 題
            body: |
              {line}
          - kind: member
            company: 株式会社KEES
            contact: {{url: "{url}", email: kees@kees-net.com}}
        """)


def test_misspelt_scheme_colon_and_slashes(empty_project):
    diags = _body(empty_project, "htps://www.example.jp/ と http//x.jp と https:/x.jp を参照")
    assert found(diags, "lint.bad_url") == [(7, 7), (7, 32), (7, 45)]
    hints = [d.args["hint"] for d in diags.sorted() if d.code == "lint.bad_url"]
    assert hints == ["https://www.example.jp/", "http://x.jp", "https://x.jp"]


def test_full_width_address_is_one_warning(empty_project):
    diags = _body(empty_project, "詳細はｈｔｔｐｓ：／／ｗｗｗ．ｊａｉｐａ．ｏｒ．ｊｐ／まで")
    assert found(diags, "lint.bad_url") == [(7, 10)]
    assert codes(diags) == ["lint.bad_url"]  # not also reported as 表記ゆれ of each word
    (d,) = diags
    assert d.args["hint"] == "https://www.jaipa.or.jp/"


def test_url_value_with_a_broken_host(empty_project):
    diags = _body(empty_project, "本文", url="https://www,jaipa")
    assert found(diags, "lint.bad_url") == [(10, 21)]


def test_malformed_e_mail(empty_project):
    diags = _body(empty_project, "連絡先 info@jaipa、a@b@c.jp、info＠jaipa.or.jp")
    assert found(diags, "lint.bad_email") == [(7, 11), (7, 22), (7, 31)]


def test_good_addresses_raise_nothing(empty_project):
    line = ("https://www.jaipa.or.jp/をご覧ください（http://x.jp/a?b=1#c）、www.example.jp、"
            "mailto:info@jaipa.or.jp、kees@kees-net.com。TCP/IP、IPv4/IPv6、ftp://x.jp")
    assert codes(_body(empty_project, line)) == []


def test_a_url_the_loader_rejects_is_not_reported_again(empty_project):
    folder = empty_project.issues / "2031-autumn"
    folder.mkdir()
    (folder / "issue.yaml").write_text(
        "number: 1\ndate: 2020-12-15\narticles:\n  - kind: report\n    title: 題\n"
        "    url: htps://www.jaipa.or.jp/\n    event: {start: 2020-11-19}\n",
        encoding="utf-8")
    from express.check import check

    _archive, diags = check(empty_project)
    assert codes(diags) == ["value.bad_link"]
