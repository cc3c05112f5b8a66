"""Shared fixtures: real BIZ UD font metrics (via reportlab's TTFont, tests only)."""

from __future__ import annotations

import os

import pytest

from .metrics import FontMetrics, real_metrics

FONT_DIR = "/work/main/.cache/fonts/x/usr/share/fonts/truetype"


@pytest.fixture(scope="session")
def metrics() -> FontMetrics:
    return real_metrics()


def pytest_report_header(config):  # pragma: no cover - informational
    return f"jtext fonts: {'real BIZ UD' if os.path.isdir(FONT_DIR) else 'synthetic'}"
