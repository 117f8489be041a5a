"""Drawing without a window: what the PDF, map and report-figure renderers share.

The command line draws maps, report figures and PDFs without showing a window; Qt still needs an application
object for fonts and images. :func:`ensure_application` creates one (offscreen, unless a platform is set) when
none exists — a full ``QApplication``, since widgets may follow in the same process (tests) — and keeps it alive.
:func:`print_font` is the font of printed output: the same families everywhere, so that a map and a chart in one
report look alike and DejaVu Sans (shipped with Linux desktops, installed in CI) is used where present.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QFont, QGuiApplication

__all__ = ["ensure_application", "print_font"]


def ensure_application() -> None:
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        ensure_application.app = QApplication([])  # type: ignore[attr-defined]  # kept alive


def print_font(size: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Arial", "Helvetica", "sans-serif"])
    font.setPointSizeF(size)
    font.setBold(bold)
    return font
