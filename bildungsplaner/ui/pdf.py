"""PDF output for exports: HTML from the services, laid out by Qt on A4 pages (QTextDocument + QPdfWriter).

The services build the HTML (:func:`bildungsplaner.services.scenario_export.report_html`) without Qt; this
module only draws it. It needs a ``QGuiApplication``; on the command line a ``QApplication`` is created
offscreen.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

__all__ = ["render_html_to_pdf"]


def render_html_to_pdf(html: str, path: Path) -> None:
    """Write ``html`` as an A4 landscape PDF to ``path``."""
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # a full QApplication, not only QGuiApplication: widgets may follow in the same process (tests)
        render_html_to_pdf.app = QApplication([])  # type: ignore[attr-defined]  # kept alive
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    writer.setTitle("Bildungsplaner")
    writer.setCreator("Bildungsplaner")
    document = QTextDocument()
    document.setDefaultStyleSheet("body { font-family: sans-serif; font-size: 9pt; } th { background: #dde6f0; }"
                                  " h1 { font-size: 14pt; } h2 { font-size: 12pt; } h3 { font-size: 10pt; }")
    document.setHtml(html)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(writer)
