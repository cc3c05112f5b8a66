"""Editorial checks: model → diagnostics, each a small function.

These find mistakes that are well-formed YAML but wrong for print — a weekday written in
the text that does not match its date, a row repeated in a table, a word spelt two ways
in one issue — the kind of mistakes the association's own printed newsletter contains.
"""

from __future__ import annotations

from collections.abc import Callable

from express.diagnostics import Diagnostics
from express.lint.duplicates import repeated_items, repeated_officers
from express.lint.hyouki import inconsistent_forms
from express.lint.links import malformed_addresses
from express.lint.programme import programme_order
from express.lint.rules import Rules
from express.lint.weekdays import written_weekdays
from express.model.issue import Issue

CHECKS: tuple[Callable[[Issue, Diagnostics], None], ...] = (
    written_weekdays, repeated_items, programme_order, malformed_addresses)


def lint_issue(issue: Issue, diags: Diagnostics, rules: Rules) -> None:
    """Every check on ``issue``; ``rules`` are the 表記ゆれ rules (see express.lint.rules)."""
    for check in CHECKS:
        check(issue, diags)
    repeated_officers(issue, diags, rules.company_core)
    inconsistent_forms(issue, diags, rules)
