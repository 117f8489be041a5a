"""Every writer that changes shared data in bulk takes the workspace's write lock and announces itself, like
imports do: boundary imports, the assignment of facilities to areas, saving and deleting Kennzahl definitions
(each recomputes Kennzahlen). On a server a colleague's writer is refused at once with who, since when and what;
a killed client frees the lock at once. On a file nothing changes (no rows, no waiting).

Two real connections each time: two opened workspaces (two "PCs" with their own engines), or a workspace and a
raw psycopg connection of a colleague; a third connection kills the first with ``pg_terminate_backend``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from backends import Backend
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.services import indicators
from bildungsplaner.services.facility_places import assign_facilities
from bildungsplaner.services.geo import import_boundaries
from bildungsplaner.services.importing import import_file
from bildungsplaner.store import postgres
from bildungsplaner.store.database import WorkspaceBusy, open_workspace
from bildungsplaner.store.geo import GeoLayer
from bildungsplaner.store.models import IndicatorDefinition, Region

from .locking import HoldWhileLocked, activity, colleague_holding_the_lock, write_lock_holders

ABG = "genesis_21111-02-06-4_00.csv"

#: a Kennzahl reading a table the workspace does not have: stored (not available), nothing to compute
OWN = """format = 1
kind = "indicator"
code = "BQ_TEST"
name = "Betreuungsquote (Test)"
unit = "%"
formula = "100 * kita / bev"
[inputs.kita]
table = "22543-01-02-4"
measure = "Betreute Kinder"
where = { "Art der Kindertagesbetreuung" = "Tageseinrichtung", Altersgruppe = "unter 3 Jahre" }
[inputs.bev]
table = "12411-04-02-4"
measure = "Bevölkerungsstand"
where = { Geschlecht = "Insgesamt" }
ages = "0-2"
year_offset = -1
"""


@pytest.fixture
def pg_backend(tmp_path: Path) -> Iterator[Backend]:
    where = Backend("postgresql", tmp_path)
    yield where
    where.cleanup()


def _boundaries(folder: Path, name: str = "gemeinden.geojson") -> Path:
    """Two Gemeinden as squares in EPSG:25832 in the Sauerland (they pass the Germany check)."""
    def square(x: float, y: float) -> dict:
        return {"type": "Polygon", "coordinates": [[[x, y], [x + 5000, y], [x + 5000, y + 5000], [x, y + 5000],
                                                    [x, y]]]}

    path = folder / name
    path.write_text(json.dumps({
        "type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
        "features": [{"type": "Feature", "properties": {"SCHLUESSEL": key, "NAME": label},
                      "geometry": square(x, 5_680_000.0)}
                     for key, label, x in (("05978004", "Lindenau", 430_000.0), ("05978008", "Buchholz", 435_000.0))]
    }), encoding="utf-8")
    return path


def _with_regions(ws) -> None:
    with ws.transaction() as s:
        kreis = Region(key="05978", name="Kreis Lindental", level="kreis")
        s.add(kreis)
        s.flush()
        s.add_all([Region(key="05978004", name="Lindenau", level="gemeinde", parent_id=kreis.id),
                   Region(key="05978008", name="Buchholz", level="gemeinde", parent_id=kreis.id)])


def _import(ws, folder: Path, **kwargs):
    return import_boundaries(ws, _boundaries(folder), key_field="SCHLUESSEL", name_field="NAME", **kwargs)


def _in_thread(work: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:  # handed to the test
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _refused_at_once(writer: Callable[[], object]) -> str:
    start = time.monotonic()
    with pytest.raises(WorkspaceBusy) as refused:
        writer()
    assert time.monotonic() - start < 5, "refused at once, not after waiting"
    return str(refused.value)


def _kill_the_holder(backend: Backend) -> None:
    (holder,) = write_lock_holders(backend)
    backend.sql("SELECT pg_terminate_backend(%(p)s)", p=holder)  # a third connection: the first client dies
    deadline = time.monotonic() + 10
    while write_lock_holders(backend) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert write_lock_holders(backend) == [], "the lock went with the killed connection"


def test_a_boundary_import_holds_the_lock_every_other_writer_is_refused_and_a_killed_client_frees_it(
        pg_backend: Backend, tmp_path: Path) -> None:
    first = pg_backend.open()
    _with_regions(first)
    second = open_workspace(str(pg_backend.location), create=False)  # a colleague: own engine, own connections
    pg_backend._opened.append(second)
    progress = HoldWhileLocked(pg_backend)
    (tmp_path / "a").mkdir()
    thread, outcome = _in_thread(lambda: _import(first, tmp_path / "a", progress=progress))
    try:
        assert progress.holding.wait(60), "the boundary import never took the write lock"
        assert [kind for kind, _ in activity(second)] == ["boundaries"], "the boundary import announced itself"
        host = socket.gethostname().split(".")[0]
        expected = re.compile(rf"^Gerade importiert bp_test@{re.escape(host)} seit \d\d:\d\d Gebietsgrenzen in den "
                              r"Arbeitsbereich postgresql://")
        writers: dict[str, Callable[[], object]] = {
            "boundaries": lambda: _import(second, tmp_path),
            "assign": lambda: assign_facilities(second, "gemeinde"),
            "define": lambda: indicators.define(second, OWN),
            "delete": lambda: indicators.delete(second, "BQ_TEST"),
        }
        for what, writer in writers.items():
            message = _refused_at_once(writer)
            assert expected.match(message), (what, message)
            assert pg_backend.workspace_name in message
        assert [kind for kind, _ in activity(second)] == ["boundaries"], "the refused writers left no row behind"
        assert [e.code for e in indicators.list_indicators(second) if e.code == "BQ_TEST"] == [], \
            "browsing goes on meanwhile"
        _kill_the_holder(pg_backend)
        report = _import(second, tmp_path)
        assert report.matched == 2
        assert indicators.define(second, OWN).code == "BQ_TEST"
    finally:
        progress.release.set()
        thread.join(60)
    assert outcome and isinstance(outcome[0], Exception), "the killed boundary import did not commit"
    with second.session() as s:
        assert s.scalar(select(func.count()).select_from(GeoLayer)) == 1, "only the second import's layer"
    assert activity(second) == [], "every writer removed its row, also the killed one's is gone or ignored"


def test_saving_a_kennzahl_holds_the_lock_and_a_colleagues_boundary_import_is_told_who_computes(
        pg_backend: Backend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = pg_backend.open()
    _with_regions(first)
    second = open_workspace(str(pg_backend.location), create=False)
    pg_backend._opened.append(second)
    computing, release = threading.Event(), threading.Event()
    refresh = indicators.refresh

    def slow_refresh(session):  # the recomputation of a big Kennzahl, stopped inside define's transaction
        if threading.current_thread() is not threading.main_thread() and not computing.is_set():
            computing.set()
            release.wait(60)
        return refresh(session)

    monkeypatch.setattr(indicators, "refresh", slow_refresh)
    thread, outcome = _in_thread(lambda: indicators.define(first, OWN))
    try:
        assert computing.wait(60)
        assert write_lock_holders(pg_backend), "define holds the write lock while it computes"
        host = socket.gethostname().split(".")[0]
        message = _refused_at_once(lambda: _import(second, tmp_path))
        assert re.match(rf"^Gerade berechnet bp_test@{re.escape(host)} seit \d\d:\d\d Kennzahlen im Arbeitsbereich ",
                        message), message
        message = _refused_at_once(lambda: indicators.delete(second, "BQ_TEST"))
        assert message.startswith(f"Gerade berechnet bp_test@{host} seit ")
    finally:
        release.set()
        thread.join(60)
    assert outcome and not isinstance(outcome[0], BaseException), outcome
    assert _import(second, tmp_path).matched == 2, "after the colleague's save the import goes through"
    indicators.delete(second, "BQ_TEST")
    with second.session() as s:
        assert s.scalar(select(func.count()).select_from(IndicatorDefinition)) == 0
    assert activity(second) == []


@pytest.mark.parametrize(("kind", "says"), [
    ("boundaries", "Gerade importiert anna@PC-0815 seit {t} Gebietsgrenzen in den Arbeitsbereich "),
    ("indicators", "Gerade berechnet anna@PC-0815 seit {t} Kennzahlen im Arbeitsbereich "),
    ("assign", "Gerade ordnet anna@PC-0815 seit {t} im Arbeitsbereich "),
    ("import", "Gerade importiert anna@PC-0815 seit {t} in den Arbeitsbereich "),
])
def test_the_refusal_says_what_the_colleague_does(pg_backend: Backend, tmp_path: Path, kind: str,
                                                  says: str) -> None:
    ws = pg_backend.open()
    _with_regions(ws)
    colleague = colleague_holding_the_lock(pg_backend, kind)
    local = datetime(2026, 12, 4, 14, 2, tzinfo=UTC).astimezone().strftime("%H:%M")
    try:
        message = _refused_at_once(lambda: _import(ws, tmp_path))
        assert message.startswith(says.format(t=local)), message
        assert message.endswith("bitte versuchen Sie es danach noch einmal.")
    finally:
        colleague.close()
    assert _import(ws, tmp_path).matched == 2


def test_a_preview_takes_the_lock_but_is_not_announced(pg_backend: Backend, tmp_path: Path) -> None:
    ws = pg_backend.open()
    _with_regions(ws)
    colleague = colleague_holding_the_lock(pg_backend, "import")
    try:  # a preview would otherwise wait on the colleague's new rows (unique keys) with the window blocked
        _refused_at_once(lambda: _import(ws, tmp_path, dry_run=True))
    finally:
        colleague.close()
    assert _import(ws, tmp_path, dry_run=True).matched == 2
    assert [who for _, who in activity(ws) if who != "anna"] == [], "(anna's stale row goes at the next announce)"
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(GeoLayer)) == 0, "a preview writes nothing"


def test_the_list_of_kennzahlen_opens_while_a_colleague_writes_and_catches_up_afterwards(
        pg_backend: Backend) -> None:
    """``ensure_current`` (asked by every list of Kennzahlen) computes only under the write lock: while a
    colleague holds it, the list shows what is committed and nothing is computed twice beside the colleague."""
    ws = pg_backend.open()
    import_file(ws, real_file(ABG), all_regions=True)
    schema = f"bp_{pg_backend.workspace_name}"
    stale = f"(SELECT id FROM {schema}.dataset WHERE format = %(f)s)"
    pg_backend.sql(f"DELETE FROM {schema}.observation WHERE dataset_id IN {stale}", f=indicators.KENNZAHL_FORMAT)
    pg_backend.sql(f"DELETE FROM {schema}.dataset WHERE id IN {stale}", f=indicators.KENNZAHL_FORMAT)
    colleague = colleague_holding_the_lock(pg_backend, "import")
    try:
        start = time.monotonic()
        assert indicators.ensure_current(ws).computed == [], "skipped while the colleague writes"
        codes = {e.code: e for e in indicators.list_indicators(ws)}
        assert time.monotonic() - start < 5
        assert codes["ABG_AHR"].observations == 0, "browsing shows what is committed"
    finally:
        colleague.close()
    assert "ABG_AHR" in indicators.ensure_current(ws).computed, "caught up once the lock is free"
    assert next(e for e in indicators.list_indicators(ws) if e.code == "ABG_AHR").observations > 0


def test_on_a_file_and_on_a_server_the_writers_work_alone_and_leave_no_trace(backend: Backend,
                                                                            tmp_path: Path) -> None:
    ws = backend.open()
    _with_regions(ws)
    assert _import(ws, tmp_path).matched == 2
    assert indicators.define(ws, OWN).code == "BQ_TEST"
    indicators.delete(ws, "BQ_TEST")
    assert activity(ws) == [], "a file never announces; a server removes its row afterwards"
    if not backend.is_server:  # a file: the same engine writes on at once, nobody is asked
        with ws.transaction() as s:
            ws.lock_for_writing(s)
            ws.lock_for_writing(s)


# --- report definitions: small rows, no write lock, but never last-save-wins -----------------------------------

REPORT = '''format = 1
kind = "report"
title = "Bildungsbericht"
region = "05978"

[[chapter]]
title = "C Frühkindliche Bildung"

[[chapter.module]]
indicator = "BQ_U3"
'''


def test_saving_over_a_report_a_colleague_saved_meanwhile_is_refused(backend: Backend) -> None:
    from bildungsplaner import UserInputError
    from bildungsplaner.services import reports

    mine = backend.open()
    theirs = open_workspace(str(backend.location), create=False)  # the colleague (on a file: another window)
    backend._opened.append(theirs)
    opened = reports.save_report(mine, "Bildungsbericht 2026", REPORT)
    theirs_saved = reports.save_report(theirs, "Bildungsbericht 2026", REPORT.replace("2026", "X").replace(
        "Bildungsbericht\"", "Bericht der Kollegin\""), based_on=opened.changed_at)
    assert theirs_saved.changed_at != opened.changed_at
    refused = (r"^Der Bericht „Bildungsbericht 2026“ wurde inzwischen von \S+ gespeichert "
               r"\(\d\d\.\d\d\.\d{4} \d\d:\d\d\); Ihre Änderungen sind nicht")
    with pytest.raises(UserInputError, match=refused):
        reports.save_report(mine, "Bildungsbericht 2026", REPORT.replace("Frühkindliche", "Schule"),
                            based_on=opened.changed_at)
    assert "Bericht der Kollegin" in reports.get_report(mine, "Bildungsbericht 2026").text, "her version stays"
    again = reports.save_report(mine, "Bildungsbericht 2026", REPORT, based_on=theirs_saved.changed_at)
    assert "Bericht der Kollegin" not in again.text, "after reloading the save goes through"


def test_two_saves_of_a_report_at_the_same_moment_the_second_sees_the_first(pg_backend: Backend) -> None:
    """The colleague's save holds the row (uncommitted) while mine starts: mine waits for it and is refused
    afterwards instead of overwriting it (the row is read FOR UPDATE)."""
    import psycopg

    from bildungsplaner import UserInputError
    from bildungsplaner.services import reports

    ws = pg_backend.open()
    opened = reports.save_report(ws, "Bildungsbericht 2026", REPORT)
    schema = f"bp_{pg_backend.workspace_name}"
    anna = psycopg.connect(**postgres.parse_address(str(pg_backend.location)).conninfo_params())
    try:
        anna.execute(f"UPDATE {schema}.report_definition SET toml = %s, changed_at = now() WHERE name = %s",
                     (REPORT.replace("Bildungsbericht\"", "Annas Bericht\""), "Bildungsbericht 2026"))
        thread, outcome = _in_thread(lambda: reports.save_report(
            ws, "Bildungsbericht 2026", REPORT.replace("Frühkindliche", "Schule"), based_on=opened.changed_at))
        time.sleep(0.5)
        assert thread.is_alive(), "my save waits for anna's row"
        anna.commit()
        thread.join(30)
    finally:
        anna.close()
    assert outcome and isinstance(outcome[0], UserInputError), outcome
    assert "wurde inzwischen von" in str(outcome[0])
    assert "Annas Bericht" in reports.get_report(ws, "Bildungsbericht 2026").text, "anna's save is not lost"


# --- lists that must come in the same order from a file and from a server (whatever the server's collation) ---

def test_reports_and_boundary_layers_are_listed_in_the_same_natural_order_on_both_back_ends(
        backend: Backend, tmp_path: Path) -> None:
    """The test server's database has a German ICU collation (as a Kreis server would), SQLite compares bytes: a
    list sorted by the server would put „bericht a“ before „Bericht B“ there and after it in a file."""
    from bildungsplaner.services import reports
    from bildungsplaner.services.geo import list_layers

    ws = backend.open()
    names = ["Bericht B", "bericht a", "Bericht 10", "Bericht 2", "Ärztebericht", "Zahlen"]
    for name in names:
        reports.save_report(ws, name, REPORT)
    # numbers by value, case ignored, the rest by code point (Ä after Z) - the same on both back ends
    assert [r.name for r in reports.list_reports(ws)] == ["Bericht 2", "Bericht 10", "bericht a", "Bericht B",
                                                          "Zahlen", "Ärztebericht"]
    _with_regions(ws)
    for layer in ("gemeinden", "Gemeinden 2024", "Gemeinden 2", "bezirke"):
        _import(ws, tmp_path, name=layer)
    assert [layer.name for layer in list_layers(ws)] == ["bezirke", "gemeinden", "Gemeinden 2", "Gemeinden 2024"]


def test_facility_kinds_come_in_the_same_order_from_a_file_and_from_a_server(backend: Backend,
                                                                             tmp_path: Path) -> None:
    """The facility export (a file handed on) and the map's list of kinds: by code point on both back ends, as a
    file always sorted them — the test server's de-DE collation would put „Förderschule“ before „Freie Schule“."""
    import csv

    from bildungsplaner.services.data_export import export_facilities_csv
    from bildungsplaner.services.maps import facility_kinds
    from bildungsplaner.store.models import Facility

    ws = backend.open()
    kinds = ["Freie Schule", "Förderschule", "kita", "Kita", "Gymnasium"]
    with ws.transaction() as s:
        s.add_all([Facility(key=f"{i:03d}", name=f"Einrichtung {i}", kind=kind, phase="Schule", x=440_000.0 + i,
                            y=5_680_000.0) for i, kind in enumerate(kinds)])
    expected = sorted(kinds)  # Python compares code points, as SQLite does
    assert expected == ["Freie Schule", "Förderschule", "Gymnasium", "Kita", "kita"]
    assert [kind for kind, _ in facility_kinds(ws)] == expected
    out = tmp_path / "einrichtungen.csv"
    export_facilities_csv(ws, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    column = rows[0].index(next(h for h in rows[0] if h.lower() in ("art", "kind")))
    assert [row[column] for row in rows[1:]] == expected
