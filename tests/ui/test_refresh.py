"""„Latest request wins“ (:class:`~bildungsplaner.ui.common.tasks.LatestTask`) and the one „data changed“
signal (:mod:`bildungsplaner.ui.common.events`): a newer request cancels the older one, whose outcome never
arrives; an import, a deletion and a change by another process each emit ``data_changed`` once and every area
refreshes from it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import create_workspace
from bildungsplaner.settings import Settings
from bildungsplaner.store.database import open_workspace
from bildungsplaner.ui.common import tasks
from bildungsplaner.ui.common.events import DELETE, IMPORT, OUTSIDE, SCENARIOS, DataChange
from bildungsplaner.ui.main_window import MainWindow

TEMPLATE = ('format = 1\nname = "Schüler"\ntarget = "observations"\n[read]\nheader_rows = 1\n[regions]\n'
            'key = "Schluessel"\n[observations]\nperiod = "Jahr"\n[[observations.measures]]\ncolumn = "Schueler"\n'
            'indicator = "SCHUELER"\nname = "Schüler"\nunit = "Anzahl"\n')


class DeferredExecutor:
    """Holds submitted work until :meth:`run_all` (tests see what is waiting for the single worker)."""

    inline = False

    def __init__(self) -> None:
        self.waiting: list[tuple[Any, tasks.TaskHandle]] = []
        self.ran: list[Any] = []

    def submit(self, fn: Any, handle: tasks.TaskHandle) -> None:
        self.waiting.append((fn, handle))

    def run_all(self) -> None:
        inline = tasks.InlineExecutor()
        while self.waiting:
            fn, handle = self.waiting.pop(0)
            if not handle.progress.cancelled:
                self.ran.append(fn)
            inline.submit(fn, handle)

    def wait(self, timeout_ms: int) -> bool:
        self.run_all()
        return True


# --- LatestTask -----------------------------------------------------------------------------------------------

def test_a_second_request_cancels_the_first_on_the_worker_thread(qtbot: Any) -> None:
    runner = tasks.TaskRunner(executor=tasks.ThreadExecutor())
    latest = tasks.LatestTask(runner)
    started = threading.Event()
    calls: list[str] = []

    def slow(progress: tasks.TaskProgress) -> str:
        started.set()
        for _ in range(500):
            progress.check()
            threading.Event().wait(0.01)
        return "alt"

    first = latest.start(slow, title="eins", show_dialog=False, on_done=lambda r: calls.append(f"done {r}"),
                         on_cancel=lambda: calls.append("cancel eins"), on_error=lambda e: calls.append("error"))
    assert started.wait(5)
    second = latest.start(lambda _p: "neu", title="zwei", show_dialog=False,
                          on_done=lambda r: calls.append(f"done {r}"))
    assert first.progress.cancelled  # the stale request is told to stop
    qtbot.waitUntil(lambda: first.done and second.done, timeout=5000)
    assert first.was_cancelled
    assert calls == ["done neu"]  # the first's on_done (and on_cancel) never runs
    assert not latest.pending()
    assert runner.wait()


def test_a_replaced_request_waiting_for_the_worker_never_starts(qtbot: Any) -> None:
    executor = DeferredExecutor()
    runner = tasks.TaskRunner(executor=executor)
    latest = tasks.LatestTask(runner)
    seen: list[str] = []

    def job(name: str) -> Any:
        def work(_progress: tasks.TaskProgress) -> str:
            seen.append(f"ran {name}")
            return name
        return work

    latest.start(job("a"), title="a", show_dialog=False, on_done=lambda r: seen.append(f"done {r}"))
    latest.start(job("b"), title="b", show_dialog=False, on_done=lambda r: seen.append(f"done {r}"))
    executor.run_all()
    assert seen == ["ran b", "done b"]


def test_the_users_cancel_reaches_on_cancel(qtbot: Any) -> None:
    executor = DeferredExecutor()
    latest = tasks.LatestTask(tasks.TaskRunner(executor=executor))
    calls: list[str] = []
    handle = latest.start(lambda _p: 1, title="x", show_dialog=False, on_cancel=lambda: calls.append("cancel"))
    handle.cancel()  # the progress dialog's Cancel button
    executor.run_all()
    assert calls == ["cancel"] and not latest.pending()


def test_the_planning_editor_cancels_its_stale_input_collection(qtbot: Any, demo_workspace: Any) -> None:
    executor = DeferredExecutor()
    window = MainWindow(demo_workspace, owns_workspace=False, settings=Settings(),
                        runner=tasks.TaskRunner(executor=executor))
    qtbot.addWidget(window)
    executor.run_all()
    editor = window.planning
    assert editor.open_scenario("Schulsozialarbeit Grundschulen 2027")
    executor.run_all()
    assert editor.result is not None
    editor._inputs = None
    editor.recompute()
    stale = executor.waiting[-1][1]
    editor._inputs = None
    editor.recompute()
    assert stale.progress.cancelled
    executor.ran.clear()
    executor.run_all()
    assert len(executor.ran) == 1  # the worker does not finish the stale collection first
    assert editor.result is not None and editor.error is None


# --- data_changed ---------------------------------------------------------------------------------------------

@pytest.fixture
def unna(qtbot: Any, tmp_path: Path) -> tuple[MainWindow, Path, list[DataChange]]:
    path = create_workspace(tmp_path / "unna.bpws", region="05978")
    window = MainWindow(open_workspace(path, create=False), settings=Settings())
    qtbot.addWidget(window)
    window.show()
    changes: list[DataChange] = []
    window.events.data_changed.connect(changes.append)
    return window, path, changes


def _table(tmp_path: Path) -> Path:
    table = tmp_path / "werte.csv"
    table.write_text("Schluessel;Name;Jahr;Schueler\n05978;Unna, Kreis;2024;100\n", encoding="utf-8")
    return table


def test_an_import_emits_data_changed_once_and_every_area_refreshes(
        unna: tuple[MainWindow, Path, list[DataChange]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _path, changes = unna
    window.areas.setCurrentWidget(window.import_page)
    refreshed: list[str] = []
    monkeypatch.setattr(window.planning, "refresh_list",
                        lambda orig=window.planning.refresh_list: (refreshed.append("planung"), orig())[1])
    report = import_file(window.workspace, _table(tmp_path), template=ImportTemplate.loads(TEMPLATE))
    window.show_imported(report)
    assert [c.reason for c in changes] == [IMPORT]
    assert changes[0].overview is not None
    assert [i.code for i in window.indicators.model.rows] == ["SCHUELER"]  # side panels
    assert window.import_page.model.rowCount() == 1  # Import page
    assert window.browser.model.rowCount() == 1  # data browser (the new indicator in the home region)
    assert refreshed == ["planung"]  # scenario list (and through it the export panel)
    assert window.planning.indicators and window.planning.indicators[0].code == "SCHUELER"
    assert window.watcher.poll() is False  # the window's own change is not news

    row = window.import_page.model.rows[0]
    assert window.delete_import(row)
    assert [c.reason for c in changes] == [IMPORT, DELETE]
    window.areas.setCurrentWidget(window.import_page)  # (a hidden Import page refreshes when shown)
    assert window.indicators.model.rows == [] and window.import_page.model.rowCount() == 0
    assert window.browser.model.rowCount() == 0


def test_the_watchers_change_goes_through_the_same_signal(
        unna: tuple[MainWindow, Path, list[DataChange]], tmp_path: Path) -> None:
    window, path, changes = unna
    other = open_workspace(path, create=False)  # another process
    try:
        import_file(other, _table(tmp_path), template=ImportTemplate.loads(TEMPLATE))
    finally:
        other.close()
    assert window.watcher.poll() is True
    assert [c.reason for c in changes] == [OUTSIDE]
    assert [i.code for i in window.indicators.model.rows] == ["SCHUELER"]
    assert window.browser.model.rowCount() == 1
    assert window.watcher.poll() is False


def test_scenario_writes_are_announced_without_reloading_the_data(qtbot: Any, demo_workspace: Any) -> None:
    window = MainWindow(demo_workspace, owns_workspace=False, settings=Settings())
    qtbot.addWidget(window)
    changes: list[DataChange] = []
    window.events.data_changed.connect(changes.append)
    assert window.planning.open_scenario("Schulsozialarbeit Grundschulen 2027")
    window.planning.saved_text = None  # as if new: saving asks to replace (the test answers Ja) and writes
    assert window.planning.save()
    assert [c.reason for c in changes][-1:] == [SCENARIOS] and changes[-1].overview is None
    assert window.watcher.poll() is False  # the window's own save is not a change from outside
