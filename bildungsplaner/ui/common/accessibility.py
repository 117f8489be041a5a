"""What a screen reader and a keyboard user meet: interactive widgets without a name, or outside the Tab order.

:func:`find_problems` walks a widget tree and asks Qt's own accessibility interface
(``QAccessible.queryAccessibleInterface(widget).text(QAccessible.Name)``) for each interactive widget's name — the
name NVDA/JAWS (UI Automation) and Orca (AT-SPI) read. A button with a text or a field with a buddy label counts as
named exactly as a screen reader would see it. Two cases where Qt's answer is not a name:

* a combo box (and a spin box) on Linux answers its current *value* as its name; it counts as named only by an
  accessible name or a label bound to it (``QLabel.setBuddy``, the ``Label`` relation);
* a widget whose only "name" is its placeholder text is not named.

A table whose Tab key moves between cells, or an editable text field where Tab inserts a tab, is a keyboard trap
(:func:`traps_tab`). A widget is outside the Tab order when its focus policy lacks ``Qt.TabFocus`` or it cannot be
reached by following ``nextInFocusChain`` from its window. Buttons of a :class:`QToolBar` are left out of that check:
Qt gives them no focus on purpose; their actions are reached through the menus and shortcuts (tests check that).

:func:`tab_tour` visits every page of every tab widget (and nested ones) of a tree, so a test sees each page
visible once; :func:`describe` names a widget by its object name, class and parent chain for a failure message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QWidget,
)

#: classes a user operates (and so a screen reader must be able to name); headers and scroll bars are parts of
#: their view, not widgets of their own
INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractSlider, QTabBar, QTextEdit,
    QPlainTextEdit, QKeySequenceEdit, QGraphicsView,
)
#: parts of a composite widget that the composite names (a combo box's line edit and list, a spin box's line edit,
#: a tab bar's scroll buttons, a calendar's navigation)
_COMPOSITES: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox, QTabBar, QCalendarWidget, QKeySequenceEdit)
#: classes whose name Qt may take from their value (Linux), not from a label
_VALUE_NAMED: tuple[type[QWidget], ...] = (QComboBox, QAbstractSpinBox)

NAME = "name"
FOCUS = "focus"
TRAP = "trap"


@dataclass(frozen=True)
class Problem:
    """One widget a screen reader cannot name (``kind`` ``"name"``), Tab cannot reach (``"focus"``) or Tab cannot
    leave (``"trap"``)."""

    widget: QWidget
    kind: str

    def __str__(self) -> str:
        what = {NAME: "ohne Namen", FOCUS: "nicht per Tab erreichbar",
                TRAP: "Tab bleibt hängen (Tabelle mit Tab-Navigation oder Textfeld, das Tabs einfügt)"}[self.kind]
        return f"{what}: {describe(self.widget)}"


def describe(widget: QWidget) -> str:
    """``ClassName#objectName < Parent#name < …`` up to the window, for a failure message."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        name = current.objectName()
        part = type(current).__name__ + (f"#{name}" if name else "")
        if isinstance(current, QAbstractButton) and current.text():
            part += f"[{current.text()!r}]"
        parts.append(part)
        if current.isWindow():
            break
        current = current.parentWidget()
    return " < ".join(parts)


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget`` (see the module docstring for combo and spin boxes)."""
    if widget.accessibleName().strip():
        return widget.accessibleName().strip()
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface is None or not iface.isValid():
        return ""
    if isinstance(widget, _VALUE_NAMED):
        labels = iface.relations(QAccessible.RelationFlag.Label)
        names = [other.text(QAccessible.Text.Name) for other, _relation in labels if other is not None]
        return next((n.strip() for n in names if n and n.strip()), "")
    name = (iface.text(QAccessible.Text.Name) or "").strip()
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) and name and name == _placeholder(widget):
        return ""
    return name


def _placeholder(widget: QWidget) -> str:
    text = widget.placeholderText() if hasattr(widget, "placeholderText") else ""
    return str(text).strip()


def is_interactive(widget: QWidget) -> bool:
    """An operable widget of its own (not a part of a composite, not a header or a scroll bar): one of
    :data:`INTERACTIVE`, or any other widget that Tab stops at (a custom view such as the map, a scroll area)."""
    stops = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None
    if not (isinstance(widget, INTERACTIVE) or stops) or isinstance(widget, QHeaderView | QScrollBar):
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOSITES):
            return False
        if isinstance(parent, QAbstractItemView) and widget.parentWidget() is parent:  # a view's own corner parts
            return False
        if parent.isWindow():
            break
        parent = parent.parentWidget()
    return True


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled()


def interactive_widgets(root: QWidget) -> list[QWidget]:
    """The visible, enabled interactive widgets below ``root`` (``root`` included), in tree order."""
    found = [root] if is_interactive(root) and _shown(root) else []
    found += [w for w in root.findChildren(QWidget) if is_interactive(w) and _shown(w)]
    return found


def _in_toolbar(widget: QWidget) -> bool:
    return isinstance(widget, QAbstractButton) and isinstance(widget.parentWidget(), QToolBar)


def focus_chain(window: QWidget) -> set[int]:
    """The widgets (by id) reached from ``window`` by following ``nextInFocusChain`` once round."""
    seen: set[int] = set()
    current = window.nextInFocusChain()
    while current is not None and current is not window and id(current) not in seen:
        seen.add(id(current))
        current = current.nextInFocusChain()
    return seen


def tab_reachable(widget: QWidget, chain: set[int] | None = None) -> bool:
    """Whether Tab can reach ``widget`` (its focus proxy): Tab focus policy and in its window's focus chain."""
    target = widget.focusProxy() or widget
    if not target.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return False
    if chain is None:
        chain = focus_chain(widget.window())
    return id(target) in chain


def traps_tab(widget: QWidget) -> bool:
    """Whether Tab stays inside ``widget``: a table that moves from cell to cell with Tab (thousands of cells
    before the next control) or an editable text field where Tab inserts a tab character."""
    if isinstance(widget, QAbstractItemView):
        return widget.tabKeyNavigation()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly() and not widget.tabChangesFocus()
    return False


def find_problems(root: QWidget) -> list[Problem]:
    """Every visible, enabled interactive widget below ``root`` without an accessible name, every one Tab cannot
    reach (toolbar buttons excepted, see the module docstring) and every one Tab cannot leave, in tree order."""
    problems: list[Problem] = []
    chains: dict[int, set[int]] = {}
    for widget in interactive_widgets(root):
        if not accessible_name(widget):
            problems.append(Problem(widget, NAME))
        if traps_tab(widget):
            problems.append(Problem(widget, TRAP))
        if _in_toolbar(widget):
            continue
        window = widget.window()
        chain = chains.setdefault(id(window), focus_chain(window))
        if not tab_reachable(widget, chain):
            problems.append(Problem(widget, FOCUS))
    return problems


def tab_tour(root: QWidget, visit: Callable[[], None]) -> None:
    """Call ``visit`` with every page of every tab widget and stacked widget below ``root`` shown in turn (nested
    ones inside each page), then restore the pages that were current."""
    done: set[int] = set()

    def containers() -> Iterable[QTabWidget | QStackedWidget]:
        for widget in [root, *root.findChildren(QWidget)]:
            if isinstance(widget, QTabWidget | QStackedWidget) and widget.isVisible() and id(widget) not in done:
                if isinstance(widget, QStackedWidget) and isinstance(widget.parentWidget(), QTabWidget):
                    continue  # a tab widget's own stack: its pages are the tabs
                yield widget

    def tour() -> None:
        visit()
        for container in list(containers()):
            if id(container) in done:
                continue
            done.add(id(container))
            current = container.currentIndex()
            for index in range(container.count()):
                if isinstance(container, QTabWidget) and not container.isTabEnabled(index):
                    continue
                container.setCurrentIndex(index)
                QApplication.processEvents()
                tour()
            container.setCurrentIndex(current)
            QApplication.processEvents()

    tour()


def problems_everywhere(root: QWidget) -> list[Problem]:
    """:func:`find_problems` over every page of :func:`tab_tour`, each widget once."""
    found: dict[tuple[int, str], Problem] = {}

    def visit() -> None:
        for problem in find_problems(root):
            found.setdefault((id(problem.widget), problem.kind), problem)

    tab_tour(root, visit)
    return list(found.values())


def unnamed(widgets: Iterable[QWidget]) -> Iterator[QWidget]:
    """The widgets of ``widgets`` without an accessible name."""
    return (w for w in widgets if not accessible_name(w))


def series_summary(kind: str, labels: list[str], values: Iterable[float], *, unit: str = "", caption: str = "",
                   table: str = "") -> str:
    """A chart in one or two sentences for its accessible description: what kind, how many values, the highest
    and the lowest (German numbers), gaps, and where the table of the same numbers is (``table``)."""
    import math

    from bildungsplaner.formatting import decimals_for, format_number

    numbers = list(values)
    if kind == "empty" or not numbers:
        text = QCoreApplication.translate("Accessibility", "Diagramm ohne Werte.")
    else:
        pairs = [(label, value) for label, value in zip(labels, numbers, strict=False) if math.isfinite(value)]
        kind_text = (QCoreApplication.translate("Accessibility", "Liniendiagramm") if kind == "line"
                     else QCoreApplication.translate("Accessibility", "Balkendiagramm"))
        text = QCoreApplication.translate("Accessibility", "{kind} mit {count} Werten").format(
            kind=kind_text, count=format_number(len(numbers)))
        if caption:
            text += f" ({caption})"
        suffix = f" {unit}" if unit else ""
        decimals = 0
        if pairs:
            import numpy as np

            decimals = decimals_for(np.array([v for _l, v in pairs], dtype=float), 2)
            high = max(pairs, key=lambda p: p[1])
            low = min(pairs, key=lambda p: p[1])
            extremes = QCoreApplication.translate(
                "Accessibility", ": höchster Wert {high_label} {high}{unit}, niedrigster {low_label} {low}{unit}")
            text += extremes.format(
                high_label=high[0], high=format_number(high[1], decimals),
                low_label=low[0], low=format_number(low[1], decimals),
                unit=suffix)
        text += "."
        if len(pairs) < len(numbers):
            text += " " + QCoreApplication.translate("Accessibility", "{count} ohne Wert.").format(
                count=format_number(len(numbers) - len(pairs)))
    if table:
        text += " " + table
    return text


#: a plot view (pyqtgraph draws no focus of its own): a frame in the palette's highlight colour while it has the focus
FOCUS_FRAME = ("QGraphicsView { border: 2px solid transparent; } "
               "QGraphicsView:focus { border: 2px solid palette(highlight); }")


def describe_chart(chart: QWidget, name: str, summary: str) -> None:
    """Give a chart (and the plot view inside it, which takes the focus) ``name`` and ``summary`` as accessible
    name and description, and the plot a visible focus frame: the container sets them whenever the data change,
    the drawing code stays as it is."""
    for widget in (chart, *chart.findChildren(QGraphicsView)):
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(summary)
        if isinstance(widget, QGraphicsView) and widget.styleSheet() != FOCUS_FRAME:
            widget.setStyleSheet(FOCUS_FRAME)


def backward_tab_steps(root: QWidget, tolerance: int = 4) -> list[tuple[QWidget, QWidget]]:
    """Pairs of widgets (a, b) where Tab goes from ``a`` to ``b`` although ``b`` stands above ``a`` or, on the same
    line, to its left — within the same parent, where reading order is clear (a jump between panels is not
    counted). Only visible, enabled widgets that take Tab focus."""
    window = root.window()

    def takes_tab(widget: QWidget) -> bool:
        return (widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
                and widget.focusProxy() is None and (widget is root or root.isAncestorOf(widget)))

    order: list[QWidget] = []
    seen: set[int] = set()
    current = window.nextInFocusChain()
    while current is not None and current is not window and id(current) not in seen:
        seen.add(id(current))
        if takes_tab(current):
            order.append(current)
        current = current.nextInFocusChain()
    steps = []
    for a, b in pairwise(order):
        if a.parentWidget() is not b.parentWidget():
            continue
        pa, pb = a.mapTo(window, a.rect().topLeft()), b.mapTo(window, b.rect().topLeft())
        above = pb.y() + tolerance < pa.y() and pb.y() + b.height() <= pa.y() + tolerance
        left = abs(pb.y() - pa.y()) <= tolerance and pb.x() + tolerance < pa.x()
        if above or left:
            steps.append((a, b))
    return steps


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say ``message`` (a status that appears without a focus change: „Geschrieben: …“, „…
    importiert.“), as an accessibility announcement of ``widget`` (Qt ≥ 6.8; nothing happens without a reader)."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    if message.strip():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def keyboard_sorting(view: QAbstractItemView) -> list[QAction]:
    """Sorting without the mouse: „Aufsteigend/Absteigend nach dieser Spalte sortieren“ in the view's context menu
    (Menu key or Umschalt+F10), for the column of the current cell — what a click on the header does. Nothing
    happens while the view does not sort (e.g. grouped rows)."""
    actions = []
    for text, order in ((QCoreApplication.translate("Accessibility", "Aufsteigend nach dieser Spalte sortieren"),
                         Qt.SortOrder.AscendingOrder),
                        (QCoreApplication.translate("Accessibility", "Absteigend nach dieser Spalte sortieren"),
                         Qt.SortOrder.DescendingOrder)):
        action = QAction(text, view)

        def sort(_checked: bool = False, order: Qt.SortOrder = order) -> None:
            if view.isSortingEnabled():
                column = view.currentIndex().column() if view.currentIndex().isValid() else 0
                view.sortByColumn(column, order)

        action.triggered.connect(sort)
        view.addAction(action)
        actions.append(action)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return actions
