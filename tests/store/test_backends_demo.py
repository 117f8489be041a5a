"""The demo workspace built, browsed, planned and changed the same way on a file and on the server.

One demo per back end (module scope, it takes some seconds); the tests that write take their own copy of what
they change back out again, in order: browse, save a scenario, import a real file, delete that import.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from backends import Backend
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner.services.browse import list_datasets, list_indicators, list_regions, load_observations
from bildungsplaner.services.import_history import delete_import
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.scenarios import get_scenario, list_scenarios, save_scenario
from bildungsplaner.services.workspace import build_demo_workspace, workspace_info
from bildungsplaner.store.models import AuditEntry, Observation


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple]:
    where = Backend(request.param, tmp_path_factory.mktemp("demo"))
    try:
        ws = where.open()
        summary = build_demo_workspace(ws)
        yield where, ws, summary
    finally:
        where.cleanup()


def test_the_demo_builds_the_same_on_both(demo) -> None:
    where, ws, summary = demo
    info = workspace_info(ws)
    assert info["observations"] == summary.observations > 10_000
    assert info["regions"] == summary.regions and info["facilities"] == summary.facilities
    assert info["size_bytes"] > 0
    assert info["workspace"] == (str(where.location) if where.is_server else str(ws.path))
    assert [r.key for r in list_regions(ws)] == sorted(r.key for r in list_regions(ws))
    assert len(list_scenarios(ws)) >= 2


def test_browsing_gives_the_same_values_on_both(demo) -> None:
    _, ws, _ = demo
    indicator = next(i for i in list_indicators(ws) if i.code == "BEV_ALTER")
    gemeinden = [r.id for r in list_regions(ws) if r.level == "gemeinde"]
    frame = load_observations(ws, indicator.id, gemeinden)
    assert len(frame) > 1000 and frame["value"].notna().all()
    # the same totals as the SQLite demo, whatever the back end (the demo is generated from one seed)
    total = round(float(frame["value"].sum()))
    assert total == _SQLITE_TOTALS.setdefault("BEV_ALTER", total)


_SQLITE_TOTALS: dict[str, int] = {}


def test_a_scenario_saved_over_again_keeps_its_creation_time_and_reads_back(demo) -> None:
    _, ws, _ = demo
    first = list_scenarios(ws)[0]
    spec_text = get_scenario(ws, first.name).text
    from bildungsplaner.planning import scenario as scenario_files

    spec = scenario_files.parse(spec_text, first.name)
    saved = save_scenario(ws, spec, notes="geändert im Test")
    again = get_scenario(ws, first.name)
    assert again.notes == "geändert im Test" and again.created_at == first.created_at
    assert again.changed_at >= first.changed_at and saved.changed_at.tzinfo is not None


def test_a_real_import_and_taking_it_back_on_both(demo) -> None:
    _, ws, _ = demo
    path: Path = real_file("genesis_12411-01-01-4.csv")
    with ws.session() as s:
        before = s.scalar(select(func.count()).select_from(Observation))
    report = import_file(ws, path, all_regions=True)
    assert report.committed and report.dataset is not None
    with ws.session() as s:
        added = s.scalar(select(func.count()).select_from(Observation)) - before
    assert added > 0 and any(d.id == report.dataset for d in list_datasets(ws))
    deleted = delete_import(ws, report.dataset)
    assert deleted.observations == added
    with ws.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == before
        assert s.scalars(select(AuditEntry.action).order_by(AuditEntry.id.desc())).first() == "import"
