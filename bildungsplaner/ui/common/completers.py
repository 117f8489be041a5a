"""Completers shared by the editors: comma-separated lists (facility kinds) and regions by key or name.

Both filter as the user types (case-insensitive, anywhere in the text) and insert what the field holds: the
completed list, or the region's key alone while the offer also shows its name and level.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

__all__ = ["REGION_KEY_ROLE", "ListCompleter", "ListDelegate", "RegionCompleter", "region_model"]


def tr(text: str) -> str:
    # lupdate files a module-level tr("…") under the empty context; look it up there
    return QCoreApplication.translate("", text)


class ListCompleter(QCompleter):
    """Completes the last entry of a comma-separated list ("Grundschule, Gym" → "Grundschule, Gymnasium").

    Qt's completer replaces the whole text; here the entries before the last comma stay as they are.
    """

    def __init__(self, choices: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(list(choices), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_choices(self, choices: Sequence[str]) -> None:
        self.model().setStringList(list(choices))  # type: ignore[attr-defined]

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        before = [part.strip() for part in text.split(",")[:-1] if part.strip()]
        return ", ".join([*before, str(index.data())])


REGION_KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def region_model(regions: Sequence[tuple[str, str, str]], parent: Any) -> QStandardItemModel:
    """The offers of a :class:`RegionCompleter`: ``"key name (level)"`` with the key in :data:`REGION_KEY_ROLE`."""
    model = QStandardItemModel(parent)
    for key, name, level in regions:
        item = QStandardItem(f"{key} {name} ({level})")
        item.setData(key, REGION_KEY_ROLE)
        model.appendRow(item)
    return model


class RegionCompleter(QCompleter):
    """Offers the workspace's regions by key or name ("Linden" → "05999001 Lindental (Gemeinde)") and
    inserts the key alone, which is what a scenario file holds."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setModel(QStandardItemModel(self))  # or one shared by several completers: setModel(region_model(…))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)
        self.popup().setMinimumWidth(360)  # the field holds a key; the offers carry names too
        self.names: dict[str, str] = {}

    def set_regions(self, regions: Sequence[tuple[str, str, str]]) -> None:
        """``(key, name, level label)`` per region, in the order to offer them."""
        self.setModel(region_model(regions, self))
        self.names = {key: f"{name} ({level})" for key, name, level in regions}

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(REGION_KEY_ROLE))

    def describe(self, key: str | None) -> str:
        """What the key stands for, for a label beside the field."""
        if not key:
            return tr("alle Gebiete")
        return self.names.get(key, tr("kein Gebiet mit diesem Schlüssel – aus der Liste wählen"))


class ListDelegate(QStyledItemDelegate):
    """Table cells edited as comma-separated lists with a :class:`ListCompleter` (facility kinds)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.choices: list[str] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setCompleter(ListCompleter(self.choices, editor))
        return editor
