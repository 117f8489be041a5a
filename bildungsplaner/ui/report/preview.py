"""The page preview of the report window: the selected module built and drawn as the PDF would print it.

:func:`build_preview` is the work of a task (no widgets): it builds the report reduced to the one module
(:func:`~bildungsplaner.reporting.outline.module_spec`) with :func:`bildungsplaner.services.reports.build_document`,
draws its figures with :func:`bildungsplaner.ui.report.figures.render_figure` and writes the module's HTML with
:func:`bildungsplaner.reporting.html.module_html` — the same functions the DOCX and PDF exports use, so the preview
shows what will be printed. :class:`PreviewPane` shows the HTML in a ``QTextBrowser`` with the figures registered
as resources of its document. A chapter or the report itself is shown as a short summary without building.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from bildungsplaner.reporting.spec import Chapter, ReportSpec
from bildungsplaner.ui.report.models import module_details, module_title

__all__ = ["PREVIEW_DPI", "Preview", "PreviewPane", "build_preview", "chapter_html", "report_html_summary"]

#: resolution of the preview's figures (the exports draw at 300 dpi); the pane scales them to its width
PREVIEW_DPI = 110


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr("…") under the empty context


@dataclass
class Preview:
    """What the preview shows of one module."""

    html: str
    #: PNG bytes by the name the HTML refers to them with
    images: dict[str, bytes] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: the module's generated sentences (offered as the start of an author's own text)
    generated: str = ""


def build_preview(ws: Any, spec: ReportSpec, progress: Any = None, dpi: int = PREVIEW_DPI) -> Preview:
    """Build the one module of ``spec`` (a report reduced by ``module_spec``) and its HTML, its figures drawn at
    ``dpi`` (see the module docstring). Runs on the task runner's worker."""
    from bildungsplaner.reporting.document import Paragraph
    from bildungsplaner.reporting.html import module_html
    from bildungsplaner.reporting.numbering import number_document
    from bildungsplaner.services.reports import build_document
    from bildungsplaner.ui.report.figures import render_figure

    doc = build_document(ws, spec, progress=progress)
    modules = list(doc.modules())
    if not modules:
        return Preview(f"<p>{html.escape(tr('Der Baustein ergibt keinen Inhalt.'))}</p>", warnings=doc.warnings)
    module = modules[0]
    images: dict[str, bytes] = {}
    for figure in module.figures():
        if progress is not None:
            progress.check()
        images[figure.id] = render_figure(figure, dpi)
    text = module_html(module, images, number_document(doc))
    generated = " ".join(b.text for b in module.blocks if isinstance(b, Paragraph) and b.generated)
    return Preview(text, images, list(module.warnings) + list(doc.warnings), generated)


def chapter_html(chapter: Chapter, names: dict[str, str]) -> str:
    """A chapter in the preview: its title, introduction and the list of its modules."""
    parts = [f"<h2>{html.escape(chapter.title)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in chapter.intro.split("\n\n") if p.strip()]
    if chapter.modules:
        items = "".join(f"<li><b>{html.escape(module_title(m, names))}</b> – {html.escape(module_details(m))}</li>"
                        for m in chapter.modules)
        parts.append(f"<ul>{items}</ul>")
    else:
        parts.append(f"<p><i>{html.escape(tr('Das Kapitel hat noch keine Bausteine.'))}</i></p>")
    parts.append(f"<p><i>{html.escape(tr('Wählen Sie einen Baustein, um seine Seite zu sehen.'))}</i></p>")
    return "".join(parts)


def report_html_summary(spec: ReportSpec, names: dict[str, str], region_names: dict[str, str]) -> str:
    """The report in the preview: title page facts and the table of contents."""
    def region(key: str) -> str:
        name = region_names.get(key)
        return f"{name} ({key})" if name else key

    parts = [f"<h1>{html.escape(spec.title)}</h1>"]
    if spec.subtitle:
        parts.append(f"<p><b>{html.escape(spec.subtitle)}</b></p>")
    facts = [(tr("Region:"), region(spec.region)),
             (tr("Vergleich:"), ", ".join(region(k) for k in spec.compare) or tr("keiner")),
             (tr("Jahre:"), f"{spec.years[0]}–{spec.years[1]}" if spec.years else
              tr("die letzten fünf Jahre mit Daten"))]
    if spec.publisher:
        facts.append((tr("Herausgeber:"), spec.publisher))
    parts.append("<p>" + "<br>".join(f"<b>{html.escape(a)}</b> {html.escape(b)}" for a, b in facts) + "</p>")
    if spec.highlights:
        parts.append(f"<p>{html.escape(tr('Vorn: „Wichtigste Ergebnisse“, aus den Bausteinen erzeugt.'))}</p>")
    if spec.chapters:
        items = "".join(f"<li>{html.escape(c.title)} ({len(c.modules)})</li>" for c in spec.chapters)
        parts.append(f"<p><b>{html.escape(tr('Inhalt'))}</b></p><ol>{items}</ol>")
    else:
        parts.append(f"<p><i>{html.escape(tr('Noch keine Kapitel: „Kapitel hinzufügen“ legt eines an.'))}</i></p>")
    return "".join(parts)


class PreviewPane(QWidget):
    """The preview: a state line (building, warnings) above a ``QTextBrowser``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = QLabel()
        self.state.setObjectName("previewState")
        self.state.setWordWrap(True)
        self.browser = QTextBrowser()
        self.browser.setObjectName("reportPreview")
        self.browser.setAccessibleName(tr("Vorschau der Seite"))
        self.browser.setOpenLinks(False)
        caption = QLabel(tr("&Vorschau:"))
        caption.setBuddy(self.browser)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.state)
        layout.addWidget(self.browser, 1)
        self._html = ""
        self._images: dict[str, QImage] = {}
        self._width = 0
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit)
        self.browser.viewport().installEventFilter(self)

    def show_html(self, text: str, images: dict[str, bytes] | None = None) -> None:
        """Show ``text`` with ``images`` (PNG bytes by the name the HTML uses), each scaled to the pane's width."""
        self._refit.stop()
        self._html = text
        self._images = {name: QImage.fromData(data) for name, data in (images or {}).items()}
        self._register()
        self.browser.setHtml(text)

    def _register(self) -> None:
        document = self.browser.document()
        width = max(200, self.browser.viewport().width() - 2 * int(document.documentMargin()) - 4)
        self._width = width
        for name, image in self._images.items():
            shown = image if image.width() <= width else image.scaledToWidth(
                width, Qt.TransformationMode.SmoothTransformation)
            for url in _names(name):
                document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), shown)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The browser's viewport changed its width: the figures follow it."""
        if watched is self.browser.viewport() and event.type() == QEvent.Type.Resize and self._images:
            width = max(200, self.browser.viewport().width() - 2 * int(self.browser.document().documentMargin()) - 4)
            if width != self._width:
                self._refit.start()  # not inside the resize: a scroll bar appearing during setHtml resizes too
        return False

    def _fit(self) -> None:
        if not self._images:
            return
        scroll = self.browser.verticalScrollBar().value()
        self._register()
        self.browser.setHtml(self._html)
        self.browser.verticalScrollBar().setValue(scroll)

    def show_preview(self, preview: Preview) -> None:
        self.show_html(preview.html, preview.images)
        self.set_state(" · ".join(preview.warnings) if preview.warnings else "")

    def set_state(self, text: str) -> None:
        self.state.setText(text)
        self.state.setVisible(bool(text))

    def text(self) -> str:
        return self.browser.toPlainText()


def _names(name: str) -> list[str]:
    """The names an image may be referred to by in the HTML (``f1``, ``f1.png``)."""
    return [name] if name.endswith(".png") else [name, f"{name}.png"]
