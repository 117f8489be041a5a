"""The real statistics files in ``../shared/real-data`` (never copied into the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"


def real_file(name: str) -> Path:
    """A file from ``../shared/real-data``; the test is skipped where that folder is absent."""
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path
