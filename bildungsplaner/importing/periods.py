"""Periods as the statistics write them, and their ISO form.

Shared by the GENESIS table reader, the flat-file reader and the template importer (and below all three).
"""

from __future__ import annotations

import re

__all__ = ["period_iso"]

_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})", re.ASCII)


def period_iso(period: str) -> str:
    """A German date as ISO (``31.12.2024`` → ``2024-12-31``); anything else (``2024``, ``2023/24``) as given."""
    match = _DATE.fullmatch(period)
    return f"{match[3]}-{match[2]}-{match[1]}" if match else period
