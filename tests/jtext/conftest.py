"""Shared fixtures: real BIZ UD font metrics (via reportlab's TTFont, tests only)."""

from __future__ import annotations

import os

import pytest

from .metrics import FONT_DIR, FontMetrics, real_metrics


@pytest.fixture(scope="session")
def metrics() -> FontMetrics:
    return real_metrics()


def pytest_report_header(config):  # pragma: no cover - informational
    return f"jtext fonts: {'real BIZ UD' if os.path.isdir(FONT_DIR) else 'synthetic'}"
