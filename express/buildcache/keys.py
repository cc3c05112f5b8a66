"""The cache key of each output: a SHA-256 over the content of everything it is made from.

An issue's PDF is made from: every file in the issue's folder (issue.yaml and its
pictures), ``issues/publication.yaml`` (the only cross-issue facts ``render_issue`` reads
are ``archive.publication``), the PDF template chosen for it, the font file of each of the
template's roles (path and content: ReportLab names embedded fonts after their path), and
the tool (see :meth:`Keys.tool`).  The site is made from all issues' inputs and PDFs, the
publication, ``templates/site/`` and the tool.

A key of None means "cannot tell" (a template or font that is missing or broken): the
output is made again, and making it reports the problem.

A key must never describe newer inputs than the output was made from (an editor saving
during a build would leave a stale output that looks current), so :class:`Keys` is made
before the issues are loaded: it takes the digests of ``issue.yaml`` files and the
publication first.  What is read later (pictures, templates, fonts) can only make a key
older than the output, which costs one needless rebuild at worst.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Collection
from pathlib import Path

import express
from express.buildcache.hashes import FileHashes
from express.model.issue import Archive, Issue
from express.project import Project

# Packages whose version can change the bytes written (the PDF, the site's pages, pictures,
# search index and a back issue's OCR text); pinned in requirements.lock, named here so an
# upgrade rebuilds.
DEPENDENCIES = ("reportlab", "pypdf", "pillow", "pypdfium2", "jinja2", "pagefind", "pyyaml",
                "ocrmypdf")


def _sha(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()


def installed_versions(names: tuple[str, ...]) -> list[str]:
    """The installed version of each package in ``names`` ("" when not installed), read
    from the ``<name>-<version>.dist-info`` folders on ``sys.path`` as
    ``importlib.metadata.version`` finds them — without importing that machinery, which
    cost a single-issue build ~40 ms."""
    wanted = {_normal(n) for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info"):
                name, _, version = item[: -len(".dist-info")].rpartition("-")
                key = _normal(name)
                if key in wanted:
                    found.setdefault(key, version)
    return [found.get(_normal(n), "") for n in names]


class Keys:
    """Keys for one build, to be made before the issues are loaded; digests of shared
    inputs are taken once."""

    def __init__(self, project: Project, hashes: FileHashes,
                 only: Collection[str] | None = None) -> None:
        """``only``: the issues (ids) whose outputs the build may make, None for every
        issue (a build of one PDF need not read every other issue's pictures)."""
        from express.load import is_id, issue_folders

        self.project, self.hashes = project, hashes
        self.publication = hashes.digest(project.issues / "publication.yaml")
        # only folders that can be issues: the others are never loaded (express/load)
        self._folders = {str(f.resolve()): hashes.tree(f) for f in issue_folders(project.issues)
                         if is_id(f.name) and not f.is_symlink()
                         and (only is None or f.name in only)}
        self._tool: str | None = None
        self._fonts: dict[Path, dict[str, list] | None] = {}

    @property
    def tool(self) -> str:
        """express's version, the digest of its source files (a code change rebuilds, even
        without a new version number) and its dependencies' versions."""
        if self._tool is None:
            source = self.hashes.tree(Path(express.__file__).parent)
            self._tool = _sha([express.__version__, source,
                               installed_versions(DEPENDENCIES)])
        return self._tool

    def issue_inputs(self, issue: Issue) -> str:
        """Every file in the issue's folder (whatever issue.yaml refers to lives there)."""
        folder = issue.folder
        if folder not in self._folders:
            self._folders[folder] = self.hashes.tree(Path(folder))
        return self._folders[folder]

    def fonts(self, template: Path) -> dict[str, list] | None:
        """Role → [path, digest] of the font files the template's roles resolve to."""
        if template not in self._fonts:
            self._fonts[template] = self._resolve_fonts(template)
        return self._fonts[template]

    def _resolve_fonts(self, template: Path) -> dict[str, list] | None:
        from express.fonts import find_fonts
        from express.pdf.template import TemplateError, read_template

        try:
            candidates = read_template(template).fonts
        except (TemplateError, OSError):
            return None
        chosen, _problems = find_fonts(self.project.root, candidates)
        if len(chosen) < len(candidates):
            return None
        out = {}
        for role, choice in chosen.items():
            digest = self.hashes.digest(choice.path)
            if digest is None:
                return None
            out[role] = [str(choice.path), digest]
        return out

    def pdf(self, issue: Issue, template: str | None) -> str | None:
        """The key of ``issue``'s PDF set with ``template`` (else the issue's own)."""
        path = self.project.pdf_template(template or issue.template)
        template_digest = self.hashes.digest(path)
        fonts = self.fonts(path) if template_digest is not None else None
        if fonts is None or self.publication is None:
            return None
        return _sha({"tool": self.tool, "issue": issue.id, "inputs": self.issue_inputs(issue),
                     "publication": self.publication,
                     "template": [path.name, template_digest], "fonts": fonts})

    def print_pdf(self, issue: Issue, template: str | None, archive: Archive) -> str | None:
        """The key of ``issue``'s print edition: its PDF's key and the output profile's
        content (the printer's, named in publication.yaml, or the template's)."""
        from express.pdf.template import TemplateError, read_template
        from express.profiles import chosen_name, find_profile

        key = self.pdf(issue, template)
        try:
            t = read_template(self.project.pdf_template(template or issue.template))
        except (TemplateError, OSError):
            return None
        name = chosen_name(archive.publication.print_profile, t.print.profile)
        path = find_profile(self.project.root, name)
        profile = self.hashes.digest(path) if path is not None else None
        if key is None or profile is None:
            return None
        return _sha({"pdf": key, "print": [name, profile,
                                           str(archive.publication.print_condition)]})

    def site(self, archive: Archive, pdfs: dict[str, str]) -> str | None:
        """The key of the site over ``archive`` with the PDFs of these digests (by issue)."""
        issues = []
        for issue in sorted(archive.issues, key=lambda i: i.id):
            digest = pdfs.get(issue.id)
            if digest is None:
                return None
            issues.append([issue.id, self.issue_inputs(issue), digest])
        templates = self.hashes.tree(self.project.templates / "site")
        return _sha({"tool": self.tool, "publication": self.publication,
                     "templates": templates, "issues": issues})
