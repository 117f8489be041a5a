"""The report as HTML: for the PDF (drawn by ``ui/common/pdf.render_html_to_pdf``) and the window's preview.

The same content and numbering as the DOCX: title page, contents, „Wichtigste Ergebnisse“, chapters (``<h1>``)
and modules (``<h2>``) with their paragraphs, figures („Abbildung n: …“ above, the source line below), tables
(„Tabelle n: …“, the cells of :func:`~bildungsplaner.reporting.numbering.format_table`: German numbers, „.“ and
„–“, small counts suppressed) and method boxes.

Figures are ``<img src="ID">`` where ``ID`` is the figure's :attr:`~bildungsplaner.reporting.document.ChartFigure.id`;
the renderer registers the PNGs under these names as the text document's image resources (``images`` of
``render_html_to_pdf``; the preview registers them in its browser's document) and scales them to their printed
size. A figure without an image gets a note instead.

Layout contract with the PDF renderer (:mod:`bildungsplaner.exporting.html`): tables are never nested, every
table row is one ``<tr>…</tr>`` and a table's header row is its ``<thead>``, so that the renderer can split a
table between rows and keep at least two rows of it together on a page; a table's caption is a
``<p class="caption">`` right
after its heading or before the table, so that it moves with the table.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping

from bildungsplaner.reporting.document import (
    Block,
    ChartFigure,
    MapFigure,
    MethodBox,
    ModuleResult,
    Paragraph,
    ReportDocument,
    ReportTable,
)
from bildungsplaner.reporting.numbering import (
    CONTENTS,
    HIGHLIGHTS,
    FormattedTable,
    Numbering,
    format_table,
    number_blocks,
    number_document,
    source_line,
    symbol_legend,
    table_caption,
)

__all__ = ["module_html", "report_html"]

SOURCE = 'style="font-size: 7.5pt; color: #555555;"'
HEADER_FILL = "#dde6f0"
METHOD_FILL = "#e8eef4"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _multiline(text: str) -> str:
    return "<br/>".join(_e(line) for line in text.split("\n"))


def _source(*lines: str) -> str:
    lines = tuple(line for line in lines if line)
    if not lines:
        return ""
    return f"<p {SOURCE}>" + "<br/>".join(_e(line) for line in lines) + "</p>"


def _caption(name: str, text: str) -> str:
    """A caption paragraph; its mark ``caption-…`` lets the PDF renderer keep it on the page of what follows."""
    return f'<p class="caption"><span title="caption-{_e(name)}"><b>{_e(text)}</b></span></p>'


def _figure(figure: ChartFigure | MapFigure, images: Mapping[str, bytes], numbering: Numbering) -> str:
    caption = _caption(f"figure-{figure.id}", numbering.figure_caption(figure))
    if figure.id in images:
        body = f'<p align="center"><img src="{_e(figure.id)}" alt="{_e(figure.caption)}"/></p>'
    else:
        body = "<p><i>(Abbildung nicht gezeichnet)</i></p>"
    return caption + body + _source(source_line(figure.source))


def _widths(formatted: FormattedTable) -> list[str]:
    """``width`` attributes: label columns as wide as their longest text needs (up to 40 %), else none."""
    result = []
    for j, align in enumerate(formatted.align):
        if align != "left" or len(formatted.align) < 3:
            result.append("")
            continue
        longest = max([len(formatted.header[j])] + [len(row[j].text) for row in formatted.rows])
        result.append(f' width="{min(max(12, longest * 1.2), 40):.0f}%"')
    return result


def _table(table: ReportTable, numbering: Numbering) -> str:
    formatted = format_table(table)
    number = numbering.table(table)
    caption = _caption(f"table-{number}", f"Tabelle {number}: {table_caption(table)}")
    widths = _widths(formatted)
    head = "".join(f'<th align="{align}" bgcolor="{HEADER_FILL}"{width}>{_e(text)}</th>'
                   for text, align, width in zip(formatted.header, formatted.align, widths, strict=True))
    rows = []
    texts: list[str] = []
    for row, bold in zip(formatted.rows, formatted.emphasis, strict=True):
        cells = []
        for cell, align in zip(row, formatted.align, strict=True):
            text = _e(cell.text)
            if align == "right":
                texts.append(cell.text)
            cells.append(f'<td align="{align}">' + (f"<b>{text}</b>" if bold else text) + "</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    body = (f'<table border="1" cellspacing="0" cellpadding="3" width="100%"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")
    return caption + body + _source(symbol_legend(texts), formatted.note, source_line(table.source))


def _method(box: MethodBox) -> str:
    parts = [f"<b>{_e(box.title)}</b>"] + [_multiline(p.strip()) for p in box.text.split("\n\n") if p.strip()]
    return (f'<table border="0" cellspacing="0" cellpadding="6" width="100%" bgcolor="{METHOD_FILL}">'
            f"<tr><td>{'<br/>'.join(parts)}</td></tr></table><p></p>")


def _paragraph(block: Paragraph) -> str:
    if block.generated:
        return f"<p>{_e(block.text)}</p>"
    text = "\n".join(s.text for s in block.sentences)
    return "".join(f"<p>{_multiline(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _blocks(blocks: Iterable[Block], images: Mapping[str, bytes], numbering: Numbering) -> str:
    parts = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(_paragraph(block))
        elif isinstance(block, ChartFigure | MapFigure):
            parts.append(_figure(block, images, numbering))
        elif isinstance(block, ReportTable):
            parts.append(_table(block, numbering))
        elif isinstance(block, MethodBox):
            parts.append(_method(block))
    return "".join(parts)


def _page(body: str, title: str = "") -> str:
    """A whole HTML page, A4 portrait for the PDF renderer (``<meta name="orientation">``)."""
    head = ("<meta charset='utf-8'><meta name=\"orientation\" content=\"portrait\">"
            + (f"<title>{_e(title)}</title>" if title else ""))
    return f"<html><head>{head}</head><body>{body}</body></html>"


def module_html(module: ModuleResult, images: Mapping[str, bytes], numbering: Numbering | None = None) -> str:
    """One module as a page (the window's preview); ``numbering``: the whole report's (its captions then carry
    the numbers of the DOCX and PDF), by default the module's own from 1."""
    numbering = numbering if numbering is not None else number_blocks(module.blocks)
    heading = f"<h2>{_e(module.title)}</h2>" if module.title else ""
    return _page(heading + _blocks(module.blocks, images, numbering), module.title)


def _title_page(doc: ReportDocument) -> str:
    lines = [f'<h1 style="font-size: 22pt; margin-top: 160px;">{_e(doc.title)}</h1>']
    if doc.subtitle:
        lines.append(f'<p style="font-size: 14pt;">{_e(doc.subtitle)}</p>')
    details = [doc.region_name]
    if doc.years:
        first, last = doc.years
        details.append(f"Berichtszeitraum {first}–{last}" if first != last else f"Berichtsjahr {last}")
    if doc.compare:
        details.append("im Vergleich mit " + ", ".join(name for _key, name in doc.compare))
    lines += [f"<p>{_e(d)}</p>" for d in details if d]
    tail = [t for t in (doc.publisher, f"Stand: {doc.date}" if doc.date else "") if t]
    lines += [f'<p style="margin-top: 200px;">{_e(tail[0])}</p>'] if tail else []
    lines += [f"<p>{_e(t)}</p>" for t in tail[1:]]
    return "".join(lines)


def _mark(name: str, text: str) -> str:
    """Text marked for the PDF renderer (its page number fills the contents' ``<!--page-of:name-->``)."""
    return f'<span title="{_e(name)}">{_e(text)}</span>'


def _contents(doc: ReportDocument) -> str:
    """The contents as a table: entry, and the page that the PDF renderer fills in (``<!--page-of:…-->``)."""
    rows = []

    def entry(name: str, text: str, *, bold: bool = False, indent: bool = False) -> None:
        label = f"<b>{_e(text)}</b>" if bold else _e(text)
        if indent:
            label = "&nbsp;&nbsp;&nbsp;&nbsp;" + label
        rows.append(f'<tr><td>{label}</td><td align="right" width="10%"><!--page-of:{name}--></td></tr>')

    if doc.highlights:
        entry("toc-highlights", HIGHLIGHTS, bold=True)
    for c, chapter in enumerate(doc.chapters, start=1):
        entry(f"toc-{c}", chapter.title, bold=True)
        for m, module in enumerate(chapter.modules, start=1):
            if module.title:
                entry(f"toc-{c}-{m}", module.title, indent=True)
    table = ('<table border="0" cellspacing="0" cellpadding="2" width="100%"><tbody>' + "".join(rows)
             + "</tbody></table>") if rows else ""
    return f'<h1 style="page-break-before: always;">{CONTENTS}</h1>' + table


def report_html(doc: ReportDocument, images: Mapping[str, bytes]) -> str:
    """The whole report (title page, contents, „Wichtigste Ergebnisse“, chapters) for the PDF."""
    numbering = number_document(doc)
    parts = [_title_page(doc), _contents(doc)]
    if doc.highlights:
        parts.append(f'<h1 style="page-break-before: always;">{_mark("toc-highlights", HIGHLIGHTS)}</h1><ul>'
                     + "".join(f"<li>{_e(s.text)}</li>" for s in doc.highlights) + "</ul>")
    for c, chapter in enumerate(doc.chapters, start=1):
        parts.append(f'<h1 style="page-break-before: always;">{_mark(f"toc-{c}", chapter.title)}</h1>')
        parts += [f"<p>{_multiline(p.strip())}</p>" for p in chapter.intro.split("\n\n") if p.strip()]
        for m, module in enumerate(chapter.modules, start=1):
            if module.title:
                parts.append(f"<h2>{_mark(f'toc-{c}-{m}', module.title)}</h2>")
            parts.append(_blocks(module.blocks, images, numbering))
    return _page("".join(parts), doc.title)
