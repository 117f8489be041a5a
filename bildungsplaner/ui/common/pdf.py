"""PDF output for exports: HTML from the services, laid out by Qt on A4 pages (QTextDocument + QPdfWriter).

The services build the HTML (:func:`bildungsplaner.exporting.html.report_html`) without Qt; this module only
draws it, page by page, with a footer „Seite x von y“ on every page. Before drawing it keeps table rows
together: no page may hold a single row of a table that runs over pages (the last row, often the totals row,
alone on a new page; or a table's first row alone at the foot of a page). A lone last row takes the row before
it along (the table is split there and continues on the next page with its header again); a lone first row
moves to the next page with its table and the heading above it. The HTML contract this relies on is
described in :mod:`bildungsplaner.exporting.html`. It needs a ``QGuiApplication``; on the command line a
``QApplication`` is created offscreen.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QApplication

__all__ = ["lone_rows", "render_html_to_pdf"]

STYLE = ("body { font-family: sans-serif; font-size: 9pt; } th { background: #dde6f0; }"
         " h1 { font-size: 14pt; } h2 { font-size: 12pt; } h3 { font-size: 10pt; }")
#: height of the footer band below the text, in pixels at the writer's resolution (96 dpi)
FOOTER = 28
MAX_PASSES = 60

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_HEADING = re.compile(r"<h[1-3]\b[^>]*>(?:(?!<h[1-3]\b).)*?</h[1-3]>(?:\s*<p>(?:(?!<table).)*?</p>)*\s*$", re.S)


def _document(html: str, size: QSizeF) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    document.setHtml(html)
    document.setPageSize(size)
    return document


def _tables(document: QTextDocument) -> list[QTextTable]:
    return [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]


def lone_rows(document: QTextDocument) -> list[tuple[int, int, int]]:
    """``(table, row, page)`` for each body row that is the only row of its table on a page (0-based; tables
    in document order, rows counting the header rows)."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    found = []
    for number, table in enumerate(_tables(document)):
        header = table.format().headerRowCount()
        pages: dict[int, list[int]] = {}
        for row in range(header, table.rows()):
            block = table.cellAt(row, 0).firstCursorPosition().block()
            pages.setdefault(int(layout.blockBoundingRect(block).top() // height), []).append(row)
        if len(pages) < 2:
            continue
        found += [(number, rows[0], page) for page, rows in sorted(pages.items()) if len(rows) == 1]
    return found


def _keep_together(html: str, document: QTextDocument) -> str | None:
    """``html`` changed so that the first lone row of ``document`` that can be helped is no longer alone, or
    ``None`` when there is none."""
    for number, row, _page in lone_rows(document):
        changed = _join(html, document, number, row)
        if changed is not None:
            return changed
    return None


def _join(html: str, document: QTextDocument, number: int, row: int) -> str | None:
    table = _tables(document)[number]
    header = table.format().headerRowCount()
    match = list(_TABLE.finditer(html))[number]
    text = match.group(0)
    rows = list(_ROW.finditer(text))
    if len(rows) != table.rows():  # not the HTML this module expects: leave it as it is
        return None
    body_rows = table.rows() - header
    if row == header or body_rows <= 3:
        # the first row alone at a page's foot (or a short table split): the table with its heading moves on
        heading = _HEADING.search(html, 0, match.start())
        at = heading.start() if heading is not None else match.start()
        if "page-break-before" in html[at:at + 80]:
            return None
        tag_end = html.index(">", at)
        if html[tag_end - 1] == "/":
            return None
        return html[:tag_end] + ' style="page-break-before: always"' + html[tag_end:]
    # a lone last row: split the table before the row above it; the rest starts a new page with the header
    split = rows[row - 1].start()
    opening = text[:text.index(">") + 1]
    head = "".join(r.group(0) for r in rows[:header])
    continued = (opening[:-1] + ' style="page-break-before: always">'
                 + (f"<thead>{head}</thead>" if header else "") + "<tbody>")
    new = text[:split] + "</tbody></table>" + continued + text[split:]
    return html[:match.start()] + new + html[match.end():]


def _ensure_application() -> None:
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        # a full QApplication, not only QGuiApplication: widgets may follow in the same process (tests)
        _ensure_application.app = QApplication([])  # type: ignore[attr-defined]  # kept alive


def paginate(html: str, size: QSizeF) -> QTextDocument:
    """The laid-out document of ``html`` on pages of ``size`` with no table row alone on a page (as far as
    splitting can help within :data:`MAX_PASSES` passes)."""
    _ensure_application()
    document = _document(html, size)
    for _ in range(MAX_PASSES):
        changed = _keep_together(html, document)
        if changed is None:
            break
        html = changed
        document = _document(html, size)
    return document


def render_html_to_pdf(html: str, path: Path) -> None:
    """Write ``html`` as an A4 landscape PDF to ``path``, with „Seite x von y“ on every page."""
    _ensure_application()
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(12, 12, 12, 10), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    writer.setTitle("Bildungsplaner")
    writer.setCreator("Bildungsplaner")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = rect.width(), rect.height() - FOOTER
    document = paginate(html, QSizeF(width, height))
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        font = QFont(document.defaultFont())
        font.setPointSizeF(8)
        today = date.today().strftime("%d.%m.%Y")
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * height)
            clip = QRectF(0, page * height, width, height)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(font)
            band = QRectF(0, height + 6, width, FOOTER - 6)
            painter.drawText(band, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                             f"Seite {page + 1} von {pages}")
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), today)
    finally:
        painter.end()
