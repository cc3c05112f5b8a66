"""CLI test fixtures: two small issues (tests/incremental) for the commands that build."""

from tests.incremental.conftest import small_project  # noqa: F401  (a fixture)
