"""The side panel (regions, indicators, facilities) that makes room for the work on a small screen.

On the common office screen (1280 × 800) the planning editor and the export need the whole width: the side
panel hides itself on those areas and comes back on Daten and Import. The user can always show or hide it
(menu Ansicht › Seitenleiste, Strg+B, or the button beside the area tabs); that explicit choice is kept per
area — also for the next start (setting ``sidebar``) — and wins over the automatic one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QToolButton, QWidget

__all__ = ["SidebarToggle"]

#: the areas on which the side panel is hidden unless the user shows it
AUTO_HIDDEN = ("planung", "export", "kennzahlen", "bericht")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr("…") under the empty context


class SidebarToggle(QObject):
    """Shows the side ``panel`` per area of ``areas`` (see the module docstring).

    ``names`` maps each area widget to a stable name (``daten``, ``import``, ``planung``, ``export``);
    ``settings`` returns the window's :class:`~bildungsplaner.settings.Settings` (read when needed, so a
    window without settings file stays without one until the user chooses).
    """

    def __init__(self, panel: QWidget, areas: QTabWidget, names: Mapping[QWidget, str],
                 settings: Callable[[], Any] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.areas, self.names = panel, areas, dict(names)
        self._settings = settings
        self.choices: dict[str, bool] = {}
        if settings is not None:
            with contextlib.suppress(Exception):  # a damaged value: the automatic choice
                stored = settings().get("sidebar")
                self.choices = {str(k): bool(v) for k, v in stored.items() if isinstance(v, bool)}
        self.action = QAction(tr("&Seitenleiste"), self)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+B"))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.setStatusTip(tr("Gebiete und Indikatoren links ein- oder ausblenden (Strg+B); auf Planung und "
                                    "Export ist die Seitenleiste zunächst ausgeblendet"))
        self.action.setToolTip(tr("Seitenleiste ein- oder ausblenden (Strg+B)"))
        self.action.triggered.connect(self.choose)
        self.button = QToolButton()
        self.button.setObjectName("sidebarButton")
        self.button.setDefaultAction(self.action)
        self.button.setAutoRaise(True)
        areas.setCornerWidget(self.button, Qt.Corner.TopLeftCorner)
        QWidget.setTabOrder(self.button, areas.tabBar())  # reading order: the button stands left of the tabs
        areas.currentChanged.connect(lambda _index: self.apply())
        self.apply()

    def area(self) -> str:
        return self.names.get(self.areas.currentWidget(), "")

    def wanted(self, area: str) -> bool:
        """Shown on ``area``: the user's choice there, else hidden on Planung and Export only."""
        return self.choices.get(area, area not in AUTO_HIDDEN)

    def apply(self) -> None:
        """Show or hide the panel for the current area."""
        visible = self.wanted(self.area())
        self.panel.setVisible(visible)
        self.action.setChecked(visible)

    def choose(self, visible: bool) -> None:
        """The user showed (``True``) or hid the panel on the current area: keep that choice."""
        area = self.area()
        self.choices[area] = bool(visible)
        self.apply()
        if self._settings is not None:
            with contextlib.suppress(OSError):  # a read-only data folder: kept for this session only
                self._settings().set("sidebar", dict(self.choices))
