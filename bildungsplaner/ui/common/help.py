"""Hilfe › Handbuch (F1) and Hilfe › Lizenzen: both read files that ship with the program, never the network.

The handbook is one HTML page (``resources/help/hilfe.html``) shown in a :class:`QTextBrowser`, which
follows the page's own anchors and refuses everything else. It opens at a topic (an anchor of the page, see
:data:`TOPICS`; the main window passes its current tab) and has a search field (Strg+F; Eingabe/F3 next,
Umschalt+F3 previous, wrapping around, „nicht gefunden“ when the text is not there). The licence window
lists every text in :func:`bildungsplaner.paths.licenses_dir` (the index ``README.txt`` first) and shows the
chosen one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner import APP_NAME, paths

__all__ = ["TOPICS", "HelpDialog", "LicenseDialog", "license_files"]

#: The handbook's topics (anchors of ``hilfe.html``) that the program opens it at.
TOPICS = ("start", "arbeitsbereich", "import", "vorlagen", "daten", "planung", "szenarien", "kennzahlen", "export",
          "zeichen", "tasten", "kommandozeile", "probleme")


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


def _shortcuts(parent: QWidget, standard: QKeySequence.StandardKey, fixed: str,
               slot: Callable[[], object]) -> list[QShortcut]:
    """One shortcut per key of the platform's ``standard`` binding and ``fixed`` (F3 everywhere), each key once
    (a key bound twice in one window would be ambiguous and do nothing)."""
    keys = {QKeySequence(fixed).toString(): QKeySequence(fixed)}
    for key in QKeySequence.keyBindings(standard):
        keys.setdefault(key.toString(), key)
    made = []
    for key in keys.values():
        shortcut = QShortcut(key, parent)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        made.append(shortcut)
    return made


def _closing_buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.close)
    return buttons


class HelpDialog(QDialog):
    """The handbook, non-modal: it can stay open beside the main window.

    ``topic`` is an anchor of the page (:data:`TOPICS`, e.g. ``"planung"``) that the dialog scrolls to;
    :meth:`show_topic` moves there again while the dialog is open.
    """

    def __init__(self, parent: QWidget | None = None, path: Path | None = None, topic: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("{app} – Handbuch").format(app=APP_NAME))
        self.resize(860, 700)
        self.browser = _LocalBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setAccessibleName(tr("Handbuch"))
        self.page = path or paths.help_file()
        if self.page.is_file():
            self.browser.setSource(QUrl.fromLocalFile(str(self.page)))
        else:
            self.browser.setPlainText(tr("Das Handbuch fehlt in dieser Installation ({path}).").format(
                path=self.page))

        self.search = QLineEdit()
        self.search.setObjectName("helpSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Im Handbuch suchen (Strg+F; Eingabe/F3: weiter, Umschalt+F3: zurück)"))
        self.search.setAccessibleName(tr("Im Handbuch suchen"))
        search_label = QLabel(tr("&Suchen:"))
        search_label.setBuddy(self.search)
        self.status = QLabel()
        self.status.setObjectName("helpSearchStatus")
        self.search.returnPressed.connect(self.find_next)
        self.search.textEdited.connect(lambda _text: self._find(forward=True, again=False))
        self._shortcuts = [*_shortcuts(self, QKeySequence.StandardKey.Find, "Ctrl+F", self.focus_search),
                           *_shortcuts(self, QKeySequence.StandardKey.FindNext, "F3", self.find_next),
                           *_shortcuts(self, QKeySequence.StandardKey.FindPrevious, "Shift+F3", self.find_previous)]
        row = QHBoxLayout()
        row.addWidget(search_label)
        row.addWidget(self.search, 1)
        row.addWidget(self.status)

        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.browser, 1)
        layout.addWidget(_closing_buttons(self))
        self.browser.setFocus()
        if topic:
            self.show_topic(topic)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the search field finds the next match (returnPressed); it must not reach a default button
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.hasFocus():
            event.accept()
            return
        super().keyPressEvent(event)

    # --- topics ---------------------------------------------------------------------------------------------
    def show_topic(self, topic: str | None) -> None:
        """Scroll to the anchor ``topic`` (nothing happens for an unknown one or ``None``)."""
        if topic and self.page.is_file():
            url = QUrl.fromLocalFile(str(self.page))
            url.setFragment(topic)
            self.browser.setSource(url)

    # --- search ---------------------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def find_next(self) -> bool:
        return self._find(forward=True, again=True)

    def find_previous(self) -> bool:
        return self._find(forward=False, again=True)

    def _find(self, *, forward: bool, again: bool) -> bool:
        """Find the search text from the current match (``again``: the one after it) or, with no match in sight,
        from what is shown, wrapping around once; the match is selected and shown in the upper third of the
        view. Shows „nicht gefunden“ and returns False otherwise (the view stays where it was)."""
        text = self.search.text()
        self.status.clear()
        if not text:
            return False
        bar = self.browser.verticalScrollBar()
        before, scrolled = self.browser.textCursor(), bar.value()
        flags = QTextDocument.FindFlag(0) if forward else QTextDocument.FindFlag.FindBackward
        cursor = QTextCursor(before)
        view = self.browser.viewport().rect()
        if not cursor.hasSelection() or not view.intersects(self.browser.cursorRect(cursor)):
            # no match in sight (first search, a new topic, scrolled away): search from what is shown
            cursor = self.browser.cursorForPosition(view.topLeft() if forward else view.bottomRight())
        elif not again:  # typing: search again from where the current match starts
            cursor.setPosition(cursor.selectionStart())
        self.browser.setTextCursor(cursor)
        bar.setValue(scrolled)
        found = self.browser.find(text, flags)
        if not found:
            cursor.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
            self.browser.setTextCursor(cursor)
            found = self.browser.find(text, flags)
            if found:
                self.status.setText(tr("vom Anfang an gesucht") if forward else tr("vom Ende an gesucht"))
        if not found:
            before.clearSelection()
            self.browser.setTextCursor(before)
            bar.setValue(scrolled)
            self.status.setText(tr("nicht gefunden"))
            return False
        if bar.value() != scrolled:  # moved: not at the very edge of the view, but with some text above it
            bar.setValue(bar.value() + self.browser.cursorRect().top() - self.browser.viewport().height() // 3)
        return True


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
        self.text.setTabChangesFocus(True)
        self.files.setAccessibleName(tr("Lizenzdateien"))
        self.text.setAccessibleName(tr("Lizenztext"))
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

