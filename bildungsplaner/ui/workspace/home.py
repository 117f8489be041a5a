"""Choose the home region of a new workspace: a searchable list of all Kreise and kreisfreie Städte.

Shown on first start (the user's own workspace is created for it; the demo is one click away) and for
„Neuer Arbeitsbereich…“. The list ships with the program (``services.home.kreise``), no network needed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bildungsplaner.services.home import kreise

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class HomeRegionDialog(QDialog):
    """``exec()`` → Accepted with :attr:`region_key` set, or :attr:`wants_demo` when „Demo öffnen“ was pressed."""

    def __init__(self, parent: QWidget | None = None, *, first_start: bool = False) -> None:
        super().__init__(parent)
        self.region_key: str | None = None
        self.wants_demo = False
        self.setWindowTitle(tr("Willkommen bei Bildungsplaner") if first_start else tr("Neuer Arbeitsbereich"))
        intro = QLabel(tr(
            "Für welchen Kreis oder welche kreisfreie Stadt arbeiten Sie? Bildungsplaner legt Ihren "
            "Arbeitsbereich dafür an: Importe bundesweiter Tabellen behalten dann Ihren Kreis, seine Gemeinden "
            "und zum Vergleich Land und Bund.") if first_start else tr(
            "Heimatregion des neuen Arbeitsbereichs (Kreis oder kreisfreie Stadt):"))
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Name oder Schlüssel, z. B. Unna oder 05978"))
        self.search.setClearButtonEnabled(True)
        search_label = QLabel(tr("&Suchen:"))
        search_label.setBuddy(self.search)
        self.model = QStandardItemModel(self)
        for region in kreise():
            if region.kind == "Land":
                continue
            item = QStandardItem(f"{region.name} ({region.key})")
            item.setData(region.key, KEY_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(tr("Kreise und kreisfreie Städte"))
        self.list.setAccessibleDescription(tr("Pfeiltasten wählen, Eingabe legt den Arbeitsbereich für das gewählte "
                                              "Gebiet an"))
        self.list.doubleClicked.connect(lambda _index: self.accept())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(tr("Arbeitsbereich anlegen"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setDefault(True)
        self.demo_button: QPushButton | None = None
        if first_start:
            self.demo_button = self.buttons.addButton(tr("Demo öffnen"), QDialogButtonBox.ButtonRole.ActionRole)
            self.demo_button.setToolTip(tr("Den fiktiven Kreis Lindental ansehen (eine eigene Datei)"))
            self.demo_button.clicked.connect(self._demo)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self.accept)  # type, Enter: the region found is taken
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        self._update()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() == 1 or (self.proxy.rowCount() and not self.list.selectionModel().hasSelection()):
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        self._update()

    def selected_key(self) -> str | None:
        indexes = self.list.selectionModel().selectedIndexes()
        return indexes[0].data(KEY_ROLE) if indexes else None

    def select_key(self, key: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(KEY_ROLE) == key:
                self.list.setCurrentIndex(index)
                return True
        return False

    def _update(self) -> None:
        self.create_button.setEnabled(self.selected_key() is not None)

    def _demo(self) -> None:
        self.wants_demo = True
        super().accept()

    def accept(self) -> None:
        key = self.selected_key()
        if key is None:
            return
        self.region_key = key
        super().accept()


__all__ = ["HomeRegionDialog"]
