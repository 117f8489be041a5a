"""Read-only list views the rooms share: a tree view over a model, a sorting proxy, a sortable single-selection
list."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from bildungsplaner.ui.common.accessibility import keyboard_sorting
from bildungsplaner.ui.common.models import SORT_ROLE, RowTableModel

__all__ = ["list_view", "sorted_list", "sorting_proxy"]


def list_view(model: QAbstractItemModel, *, root_decorated: bool = False) -> QTreeView:
    view = QTreeView()
    view.setModel(model)
    view.setUniformRowHeights(True)
    view.setRootIsDecorated(root_decorated)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def sorting_proxy(parent: QWidget) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy


def sorted_list(parent: QWidget, model: RowTableModel, name: str,
                order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> tuple[QSortFilterProxyModel, QTreeView]:
    """A single-selection list over ``model``, sortable by header click, sorted by the first column."""
    proxy = sorting_proxy(parent)
    proxy.setSourceModel(model)
    view = list_view(proxy)
    view.setObjectName(name)
    view.setSortingEnabled(True)
    view.sortByColumn(0, order)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    keyboard_sorting(view)  # the header click's counterpart in the context menu
    return proxy, view
