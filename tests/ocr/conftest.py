"""Rendered scan fixtures: short notices typeset and degraded by scripts/render_scans.py.

Pages are rendered at test time (deterministic seeds) so the ground truth is
exact.
"""

from __future__ import annotations

from types import ModuleType

import pytest
from scan_fixtures import load_renderer


@pytest.fixture(scope="session")
def rs() -> ModuleType:
    """The renderer module; tests needing it skip when no CJK font is installed."""
    mod = load_renderer()
    try:
        mod.find_fonts()
    except mod.FontMissing as exc:
        pytest.skip(str(exc))
    return mod
