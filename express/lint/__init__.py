"""Editorial checks: model → diagnostics, each a small function.

These find mistakes that are well-formed YAML but wrong for print — a weekday written in
the text that does not match its date, a row repeated in a table — the kind of mistakes the
association's own printed newsletter contains.
"""

from __future__ import annotations

from collections.abc import Callable

from express.diagnostics import Diagnostics
from express.lint.duplicates import repeated_items
from express.lint.weekdays import written_weekdays
from express.model.issue import Issue

CHECKS: tuple[Callable[[Issue, Diagnostics], None], ...] = (written_weekdays, repeated_items)


def lint_issue(issue: Issue, diags: Diagnostics) -> None:
    for check in CHECKS:
        check(issue, diags)
