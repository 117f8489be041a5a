"""PDF output for exports: HTML from the services, laid out by Qt on A4 pages (QTextDocument + QPdfWriter).

The services build the HTML (:func:`bildungsplaner.exporting.html.report_html`) without Qt; this module only
draws it, page by page, with a footer „Seite x von y“ on every page. Before drawing it keeps table rows
together: no page may hold a single row of a table that runs over pages (the last row, often the totals row,
alone on a new page; or a table's first row alone at the foot of a page). A lone last row takes the row before
it along (the table is split there and continues on the next page with its header again); a lone first row
moves to the next page with its table and the heading above it. The HTML contract this relies on is
described in :mod:`bildungsplaner.exporting.html`. It needs a ``QGuiApplication``; on the command line a
``QApplication`` is created offscreen.

Images (the Bildungsbericht's figures): ``images`` maps the names that ``<img src="NAME">`` uses to PNG bytes; they
are registered as the text document's image resources (:func:`register_images`) and each ``<img>`` without a size
gets its printed size (:func:`size_images`: the PNG's pixels at its stored resolution — a 300 dpi figure of 1890
pixels is 16 cm wide —, never wider than the page nor taller than it), so that Qt lays it out at that size and the
PDF holds the image in its full resolution. The page is A4 landscape unless the HTML asks for portrait with
``<meta name="orientation" content="portrait">`` (the report does) or the caller says so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextTable,
)

from bildungsplaner.ui.common.offscreen import ensure_application

__all__ = ["CAPTION_ANCHOR", "PAGE_OF", "fill_page_numbers", "lone_rows", "marked_pages", "parted_captions",
           "register_images", "render_html_to_pdf", "size_images"]

STYLE = ("body { font-family: sans-serif; font-size: 9pt; } th { background: #dde6f0; }"
         " h1 { font-size: 14pt; } h2 { font-size: 12pt; } h3 { font-size: 10pt; }")
#: height of the footer band below the text, in pixels at the writer's resolution (96 dpi)
FOOTER = 28
MAX_PASSES = 60

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.S)
_ROW = re.compile(r"<tr\b.*?</tr>", re.S)
_HEADING = re.compile(r"<h[1-3]\b[^>]*>(?:(?!<h[1-3]\b).)*?</h[1-3]>(?:\s*<p>(?:(?!<table).)*?</p>)*\s*$", re.S)
#: a table's caption (``<p class="caption">``, the report's „Tabelle n: …“) right before the table, with the heading
#: right above it if there is one: what moves to the next page with the table (tried before ``_HEADING``)
_CAPTION = re.compile(r"(?:<h[1-3]\b[^>]*>(?:(?!<h[1-3]\b|<p\b|<table).)*?</h[1-3]>\s*)?"
                      r"<p class=\"caption\"[^>]*>(?:(?!<table|<p\b).)*?</p>\s*$", re.S)
#: the prefix of the mark (``<span title=…>``) of a caption (kept on the page of its figure or table)
CAPTION_ANCHOR = "caption-"
_IMG = re.compile(r"<img\b([^>]*?)\s*/?>", re.S)
_SRC = re.compile(r"""\bsrc=(["'])(.*?)\1""", re.S)
_PORTRAIT = re.compile(r"""<meta\s+name=["']orientation["']\s+content=["']portrait["']""", re.I)


def register_images(document: QTextDocument, images: Mapping[str, bytes | QImage] | None) -> None:
    """Each PNG (or decoded image) of ``images`` as the document's image resource under its name (what ``<img
    src>`` says)."""
    for name, data in (images or {}).items():
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)


def _printed_size(data: bytes | QImage, width: float, height: float, dpi: float) -> tuple[int, int] | None:
    image = data if isinstance(data, QImage) else QImage.fromData(data)
    if image.isNull() or not image.width():
        return None
    stored = image.dotsPerMeterX() * 0.0254 or dpi
    w = image.width() * dpi / stored
    h = image.height() * dpi / stored
    factor = min(1.0, width / w, height / h if height > 0 else 1.0)
    return max(1, round(w * factor)), max(1, round(h * factor))


def size_images(html: str, images: Mapping[str, bytes | QImage] | None, width: float, height: float = 0.0,
                dpi: float = 96) -> str:
    """``html`` with ``width``/``height`` set on each ``<img>`` of ``images`` that has no size: its printed size
    at ``dpi`` (the PNG's stored resolution), at most ``width`` × ``height`` pixels (0: any height)."""
    if not images:
        return html
    sizes: dict[str, tuple[int, int] | None] = {}

    def sized(match: re.Match[str]) -> str:
        attributes = match.group(1)
        src = _SRC.search(attributes)
        if src is None or src.group(2) not in images or re.search(r"\b(width|height)=", attributes):
            return match.group(0)
        name = src.group(2)
        if name not in sizes:
            sizes[name] = _printed_size(images[name], width, height, dpi)
        size = sizes[name]
        if size is None:
            return match.group(0)
        return f'<img{attributes} width="{size[0]}" height="{size[1]}" />'

    return _IMG.sub(sized, html)


def _document(html: str, size: QSizeF, images: Mapping[str, bytes | QImage] | None = None) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE)
    register_images(document, images)
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
            block = document.findBlock(table.cellAt(row, 0).firstPosition())  # no cursor: 10× faster
            pages.setdefault(int(layout.blockBoundingRect(block).top() // height), []).append(row)
        if len(pages) < 2:
            continue
        found += [(number, rows[0], page) for page, rows in sorted(pages.items()) if len(rows) == 1]
    return found


def _keep_together(html: str, document: QTextDocument) -> str | None:
    """``html`` changed so that the first lone row of ``document`` that can be helped is no longer alone (or the
    first caption no longer parted from its figure or table), or ``None`` when there is none."""
    for number, row, _page in lone_rows(document):
        changed = _join(html, document, number, row)
        if changed is not None:
            return changed
    for name in parted_captions(document):
        changed = _caption_to_next_page(html, name)
        if changed is not None:
            return changed
    return None


def parted_captions(document: QTextDocument) -> list[str]:
    """Names (``caption-…``) of captions at the foot of a page whose figure or table starts on the next one. A
    caption is a paragraph whose text is marked ``<span title="caption-…">`` (the report's HTML; Qt keeps the
    title as the text's tool tip, which prints nothing — an anchor would split the PDF's text)."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        names = [f.charFormat().toolTip() for f in _fragments(block)
                 if f.charFormat().toolTip().startswith(CAPTION_ANCHOR)]
        following = block.next()
        if names and following.isValid():
            page = int(_first_line_top(layout, block) // height)
            if int(_first_line_top(layout, following) // height) > page:
                found.append(names[0])
        block = following
    return found


def _first_line_top(layout: QAbstractTextDocumentLayout, block: object) -> float:
    """Where the block's first line lies (a line that did not fit is moved to the next page, its block's rectangle
    is not)."""
    top = layout.blockBoundingRect(block).top()  # type: ignore[arg-type]
    lines = block.layout()  # type: ignore[attr-defined]
    if lines is not None and lines.lineCount():
        return top + lines.lineAt(0).y()
    return top


def _fragments(block: object) -> list:
    result = []
    iterator = block.begin()  # type: ignore[attr-defined]
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            result.append(fragment)
        iterator += 1
    return result


_HEADING_BEFORE = re.compile(r"<h[1-3]\b[^>]*>(?:(?!<h[1-3]\b|<p\b|<table).)*?</h[1-3]>\s*$", re.S)


def _caption_to_next_page(html: str, name: str) -> str | None:
    """``html`` with a page break before the caption marked ``name`` (and the heading right above it)."""
    anchor = html.find(f'title="{name}"')
    at = html.rfind("<p", 0, anchor) if anchor >= 0 else -1
    if at < 0:
        return None
    heading = _HEADING_BEFORE.search(html, 0, at)
    return _break_before(html, heading.start() if heading is not None else at)


def _break_before(html: str, at: int) -> str | None:
    """``html`` with a page break before the element whose tag opens at ``at``; ``None`` where it has one already
    or is an empty element (no style to carry)."""
    if "page-break-before" in html[at:at + 80]:
        return None
    tag_end = html.index(">", at)
    if html[tag_end - 1] == "/":
        return None
    return html[:tag_end] + ' style="page-break-before: always"' + html[tag_end:]


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
        heading = _CAPTION.search(html, 0, match.start()) or _HEADING.search(html, 0, match.start())
        return _break_before(html, heading.start() if heading is not None else match.start())
    # a lone last row: split the table before the row above it; the rest starts a new page with the header
    split = rows[row - 1].start()
    opening = text[:text.index(">") + 1]
    head = "".join(r.group(0) for r in rows[:header])
    continued = (opening[:-1] + ' style="page-break-before: always">'
                 + (f"<thead>{head}</thead>" if header else "") + "<tbody>")
    new = text[:split] + "</tbody></table>" + continued + text[split:]
    return html[:match.start()] + new + html[match.end():]


def _title(html: str) -> str:
    import html as html_module

    match = re.search(r"<title>(.*?)</title>", html[:4000], re.S)
    return html_module.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else ""


def paginate(html: str, size: QSizeF, images: Mapping[str, bytes] | None = None) -> QTextDocument:
    """The laid-out document of ``html`` on pages of ``size`` with no table row alone on a page (as far as
    splitting can help within :data:`MAX_PASSES` passes) and page numbers filled in (:func:`fill_page_numbers`);
    ``images`` as in :func:`render_html_to_pdf`."""
    ensure_application()
    decoded = {name: QImage.fromData(data) for name, data in (images or {}).items()}  # once, not per pass
    if decoded:
        html = size_images(html, decoded, size.width(), size.height() * 0.9)
    document = _document(html, size, decoded)
    for _ in range(MAX_PASSES):
        changed = _keep_together(html, document)
        if changed is None:
            break
        html = changed
        document = _document(html, size, decoded)
    if PAGE_OF in html:
        document = _document(fill_page_numbers(html, document), size, decoded)
    return document


#: ``<!--page-of:NAME-->`` in the HTML becomes the number of the page on which the text marked ``<span
#: title="NAME">`` starts (the report's table of contents); the comment shows nothing where it is not replaced
PAGE_OF = "<!--page-of:"
_PAGE_OF = re.compile(r"<!--page-of:([^>]*?)-->")


def marked_pages(document: QTextDocument, prefix: str = "") -> dict[str, int]:
    """The page (1-based) of each text marked ``<span title="…">`` whose mark starts with ``prefix``."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    pages: dict[str, int] = {}
    block = document.begin()
    while block.isValid():
        for fragment in _fragments(block):
            name = fragment.charFormat().toolTip()
            if name and name.startswith(prefix) and name not in pages:
                pages[name] = int(_first_line_top(layout, block) // height) + 1
        block = block.next()
    return pages


def fill_page_numbers(html: str, document: QTextDocument) -> str:
    """``html`` with each ``<!--page-of:NAME-->`` replaced by the page of ``NAME`` in the laid-out ``document``
    (the numbers stand on lines that exist already, so filling them in moves nothing)."""
    pages = marked_pages(document)
    return _PAGE_OF.sub(lambda m: str(pages[m.group(1)]) if m.group(1) in pages else "", html)


def render_html_to_pdf(html: str, path: Path, *, images: Mapping[str, bytes] | None = None,
                       portrait: bool | None = None, title: str | None = None) -> None:
    """Write ``html`` as an A4 PDF to ``path``, with „Seite x von y“ on every page. ``images``: PNG bytes by the
    names the HTML's ``<img src>`` use; ``portrait``: the page's orientation (default: portrait when the HTML
    says ``<meta name="orientation" content="portrait">``, else landscape); ``title``: the PDF's title (default:
    the HTML's ``<title>``, else „Bildungsplaner“)."""
    ensure_application()
    if portrait is None:
        portrait = bool(_PORTRAIT.search(html[:2000]))
    orientation = QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(12, 12, 12, 10), QPageLayout.Unit.Millimeter))
    writer.setResolution(96)
    writer.setTitle(title or _title(html) or "Bildungsplaner")
    writer.setCreator("Bildungsplaner")
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    width, height = rect.width(), rect.height() - FOOTER
    document = paginate(html, QSizeF(width, height), images)
    pages = document.pageCount()
    painter = QPainter(writer)
    # figures as drawn (Flate), not JPEG: JPEG blurs the thin lines and small text of charts and maps
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
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
