"""Shared fixtures: a throw-away copy of the project, one real build of the samples, and
one headless Chromium.

The build fixture runs the real pipeline (real fonts, real PDFs, real site) once per test
worker; PDF and site tests read its output.  Browser tests (in tests/site/ and
tests/backissues/) are marked ``xdist_group("browser")`` so one worker runs them all with
the one browser: Playwright's sync API allows one per thread.  Every page opened through
``open_page`` records its requests; the test fails if any request leaves the site
(127.0.0.1 or file://).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from express.project import Project

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True, scope="session")
def _fonts_from_checkout() -> None:
    """Copies of the project find the fonts (and the print edition's output profile)
    provisioned in the checkout's .cache."""
    os.environ["EXPRESS_FONT_PATH"] = str(ROOT / ".cache" / "fonts")
    os.environ["EXPRESS_PROFILE_PATH"] = str(ROOT / ".cache" / "profiles")
    os.environ.setdefault("LANG", "C.UTF-8")


def copy_project(dest: Path, issues: bool = True) -> Project:
    """A project at ``dest`` with the checkout's templates and (optionally) sample issues."""
    shutil.copytree(ROOT / "templates", dest / "templates")
    if issues:
        shutil.copytree(ROOT / "issues", dest / "issues",
                        ignore=shutil.ignore_patterns("*.py", "README.md"))
    else:
        (dest / "issues").mkdir()
        shutil.copy(ROOT / "issues" / "publication.yaml", dest / "issues")
    return Project(dest)


def edit(path: Path, old: str, new: str) -> int:
    """Replace ``old`` (once) in ``path``, as an editor saves; returns its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path)


@pytest.fixture
def empty_project(tmp_path: Path) -> Project:
    """Publication only, no issues: tests add their own issue folders."""
    return copy_project(tmp_path, issues=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The sample issues built once: (project, BuildResult)."""
    from express.build import build

    project = copy_project(tmp_path_factory.mktemp("built"))
    result = build(project)
    assert result.ok, "\n".join(d.render("en") for d in result.diags)
    return project, result


# ---------------------------------------------------------------- one Chromium per worker

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# chrome-extension:, chrome: Chromium's own PDF viewer and its resources, showing a PDF of
# the site
LOCAL_SCHEMES = ("file://", "data:", "blob:", "about:", "chrome-extension://", "chrome://")


def _fontconfig(tmp: Path) -> dict[str, str]:
    """Let Chromium see the project's provisioned Japanese fonts (for readable screenshots)."""
    fonts = ROOT / ".cache" / "fonts"
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{fonts}</dir>\n  <cachedir>{tmp / 'cache'}</cachedir>\n"
        "  <alias><family>serif</family><prefer><family>BIZ UDPMincho</family>"
        "<family>BIZ UDMincho</family></prefer></alias>\n"
        "  <alias><family>sans-serif</family><prefer><family>BIZ UDPGothic</family>"
        "<family>BIZ UDGothic</family></prefer></alias>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (.ci/run installs it with apt)")
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="express-chromium-"))
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=_fontconfig(tmp))
        yield b
        b.close()
    shutil.rmtree(tmp, ignore_errors=True)


class PageOpener:
    """Opens pages in fresh contexts and remembers every request they make."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.contexts = []
        self.requests: list[str] = []

    def __call__(self, width: int = 1280, height: int = 900, **kw):
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, locale="ja-JP", **kw
        )
        self.contexts.append(context)
        page = context.new_page()
        page.on("request", lambda r: self.requests.append(r.url))
        return page

    def outside(self) -> list[str]:
        return [
            u
            for u in self.requests
            if not (u.startswith("http://127.0.0.1:") or u.startswith(LOCAL_SCHEMES))
        ]

    def close(self) -> None:
        for c in self.contexts:
            c.close()


@pytest.fixture
def open_page(browser):
    opener = PageOpener(browser)
    yield opener
    opener.close()
    assert opener.outside() == [], "requests left the site"


def add_fresh_issues(project: Project, ids: tuple[str, ...]) -> None:
    """Copy the fresh issues ``ids`` (tests/fixtures/fresh_issues: issues the layout was not
    tuned on) into ``project``, each with the samples' pictures of the names it uses."""
    pictures = {p.name: p for p in (ROOT / "issues").glob("*/images/*")}
    for issue_id in ids:
        folder = project.issues / issue_id
        shutil.copytree(FIXTURES / "fresh_issues" / issue_id, folder)
        (folder / "images").mkdir()
        named = re.findall(r"images/([\w.-]+)", (folder / "issue.yaml").read_text())
        for name in sorted(set(pictures) & set(named)):
            shutil.copy(pictures[name], folder / "images" / name)
