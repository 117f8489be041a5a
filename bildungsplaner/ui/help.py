"""Hilfe › Handbuch (F1) and Hilfe › Lizenzen: both read files that ship with the program, never the network.

The handbook is one HTML page (``resources/help/hilfe.html``) shown in a :class:`QTextBrowser`, which
follows the page's own anchors and refuses everything else. The licence window lists every text in
:func:`bildungsplaner.paths.licenses_dir` (the index ``README.txt`` first) and shows the chosen one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import APP_NAME, paths

__all__ = ["HelpDialog", "LicenseDialog", "license_files"]


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class _LocalBrowser(QTextBrowser):
    """Follows anchors and links between local files; anything with a network scheme is not loaded."""

    def doSetSource(self, url: QUrl,
                    kind: QTextDocument.ResourceType = QTextDocument.ResourceType.UnknownResource) -> None:
        if url.scheme() in ("", "file"):
            super().doSetSource(url, kind)

    def loadResource(self, kind: int, url: QUrl) -> object:
        if url.scheme() not in ("", "file"):
            return None
        return super().loadResource(kind, url)


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    return buttons


class HelpDialog(QDialog):
    """The handbook, non-modal: it can stay open beside the main window."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app} – Handbuch").format(app=APP_NAME))
        self.resize(820, 680)
        self.browser = _LocalBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        page = path or paths.help_file()
        if page.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(page)))
        else:
            self.browser.setPlainText(tr("Das Handbuch fehlt in dieser Installation ({path}).").format(path=page))
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(_closing_buttons(self))


def license_files(folder: Path | None = None) -> list[Path]:
    """The licence texts, the index ``README.txt`` first, then by path (sub-folders included)."""
    folder = folder or paths.licenses_dir()
    if not folder.is_dir():
        return []
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sorted(files, key=lambda p: (p.name != "README.txt", str(p.relative_to(folder)).casefold()))


class LicenseDialog(QDialog):
    """Every licence text the program carries, one chosen at a time."""

    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app} – Lizenzen").format(app=APP_NAME))
        self.resize(900, 640)
        self.folder = folder or paths.licenses_dir()
        self.files = QListWidget()
        self.files.setObjectName("licenseFiles")
        self.text = QPlainTextEdit()
        self.text.setObjectName("licenseText")
        self.text.setReadOnly(True)
        for path in license_files(self.folder):
            item = QListWidgetItem(str(path.relative_to(self.folder)))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            self.files.addItem(item)
        self.files.currentItemChanged.connect(lambda current, _previous: self._show(current))
        splitter = QSplitter()
        splitter.addWidget(self.files)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(_closing_buttons(self))
        if self.files.count():
            self.files.setCurrentRow(0)
        else:
            self.text.setPlainText(tr("Keine Lizenztexte gefunden in {folder}.").format(folder=self.folder))

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            self.text.clear()
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        try:
            self.text.setPlainText(path.read_text(encoding="utf-8", errors="replace"))
        except OSError as exc:
            self.text.setPlainText(tr("{file} ist nicht lesbar: {error}").format(file=path.name, error=exc))

