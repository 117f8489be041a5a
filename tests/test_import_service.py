"""The import use case against real GENESIS files and a real SQLite workspace file."""

from __future__ import annotations

import csv
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bildungsplaner import UserInputError
from bildungsplaner.progress import Cancelled, RecordingProgress
from bildungsplaner.services.browse import list_datasets, list_indicators
from bildungsplaner.services.data_export import OBSERVATION_HEADER, export_observations_csv
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.workspace import check_workspace
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import AuditEntry, Dataset, Indicator, Observation, Region

REPO = Path(__file__).resolve().parents[1]
REAL_DATA = REPO.parent / "shared" / "real-data"


def real_file(name: str) -> Path:
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


GENESIS_FILES = sorted(p.name for p in REAL_DATA.glob("genesis_*.csv")) or ["genesis_missing.csv"]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def value_of(ws, key: str, period: str, dimensions: str, code: str = "BEVOELKERUNGSSTAND") -> tuple:
    with ws.session() as s:
        return s.execute(
            select(Observation.value, Observation.flag)
            .join(Region, Region.id == Observation.region_id)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .join(Dataset, Dataset.id == Observation.dataset_id)
            .where(Region.key == key, Observation.period == period, Observation.dimensions == dimensions,
                   Indicator.code == code, Dataset.superseded_by_id.is_(None))
        ).one()


@pytest.mark.parametrize("name", GENESIS_FILES)
def test_every_real_genesis_file_imports_completely(workspace, name: str) -> None:
    path = real_file(name)
    report = import_file(workspace, path)
    assert report.committed and report.dataset is not None
    assert report.format == "genesis" and report.table_code and report.stand
    with workspace.session() as s:
        dataset = s.get(Dataset, report.dataset)
        count = s.scalar(select(func.count()).select_from(Observation).where(Observation.dataset_id == dataset.id))
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).one()
    assert count == report.observations > 0
    assert dataset.sha256 == digest(path) and dataset.table_code == report.table_code
    assert "Statistische Ämter" in (dataset.source or "")
    assert str(report.dataset) in audit.details and name in audit.details
    assert report.regions_unmatched == []


def test_bergkamen_2015_spot_values_and_region_tree(workspace) -> None:
    report = import_file(workspace, real_file("genesis_12411-01-01-5_00.csv"))
    assert report.regions_created > 10_000
    assert value_of(workspace, "05978004", "2015-12-31", "Geschlecht=Insgesamt") == (47803.0, None)
    assert value_of(workspace, "05978004", "2015-12-31", "Geschlecht=männlich") == (23562.0, None)
    assert value_of(workspace, "05978004", "2008-12-31", "Geschlecht=weiblich") == (25833.0, None)
    with workspace.session() as s:
        bergkamen = s.scalars(select(Region).where(Region.key == "05978004")).one()
        assert (bergkamen.name, bergkamen.level) == ("Bergkamen", "gemeinde")
        assert bergkamen.parent.key == "05978" and bergkamen.parent.level == "kreis"
        assert bergkamen.parent.parent.parent.key == "05"  # Kreis Unna -> RB Arnsberg (059) -> NRW
        germany = s.scalars(select(Region).where(Region.key == "DG")).one()
        assert germany.level == "bund" and germany.parent_id is None
    assert report.symbol_counts["-"] > 0  # communes that did not exist yet: "-" = 0, flagged


def test_symbols_become_flags_with_values(workspace) -> None:
    report = import_file(workspace, real_file("genesis_21111-01-03-4_00.csv"))
    assert {"-", ".", "x"} <= set(report.symbol_counts)
    with workspace.session() as s:
        rows = s.execute(select(Observation.flag, Observation.value).where(Observation.flag.is_not(None))
                         .distinct()).all()
    by_flag: dict[str, set] = {}
    for flag, value in rows:
        by_flag.setdefault(flag, set()).add(value)
    assert by_flag["-"] == {0.0} and by_flag["x"] == {None} and by_flag["."] == {None}


def export_rows(ws, tmp_path: Path, dataset: int) -> set[tuple[str, ...]]:
    out = tmp_path / f"export-{dataset}.csv"
    export_observations_csv(ws, out, dataset=dataset)
    with open(out, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        assert tuple(next(reader)) == OBSERVATION_HEADER
        return {tuple(row[1:]) for row in reader}


def test_both_encodings_of_a_table_give_identical_observations_and_the_newer_supersedes(workspace, tmp_path) -> None:
    first = import_file(workspace, real_file("genesis_21111-01-03-4.csv"))
    second = import_file(workspace, real_file("genesis_21111-01-03-4_00.csv"))
    assert first.observations == second.observations > 30_000
    assert export_rows(workspace, tmp_path, first.dataset) == export_rows(workspace, tmp_path, second.dataset)
    assert second.supersedes == first.dataset
    with workspace.session() as s:
        assert s.get(Dataset, first.dataset).superseded_by_id == second.dataset
        assert s.scalar(select(func.count()).select_from(Observation)) == 2 * first.observations  # history kept
    shown = {row.code: row.observations for row in list_indicators(workspace)}
    assert sum(shown.values()) == second.observations  # the browser counts the current data set only
    # the import history: newest first, the older one marked as replaced, each with its own values
    history = list_datasets(workspace)
    assert [d.id for d in history] == [second.dataset, first.dataset]
    assert [d.superseded_by for d in history] == [None, second.dataset]
    assert [d.observations for d in history] == [first.observations] * 2 and history[0].facilities == 0
    assert {d.table_code for d in history} == {"21111-01-03-4"} and history[0].stand == second.stand
    assert history[0].file_name == "genesis_21111-01-03-4_00.csv" and history[0].imported_at.tzinfo is not None
    # the check's findings stay with the import (here: the replaced stand was the newer one)
    assert history[0].warnings == tuple(second.warnings[:50]) and any("ist neuer" in w for w in history[0].warnings)
    # a workspace from before imports kept their counts: the history counts the rows instead, same result
    with workspace.session() as s:
        for dataset in s.scalars(select(Dataset)):
            dataset.meta = {k: v for k, v in dataset.meta.items() if k not in ("observations", "facilities")}
        s.commit()
    assert list_datasets(workspace) == history


def test_importing_the_same_file_again_says_so_and_changes_nothing(workspace) -> None:
    path = real_file("genesis_12411-01-01-4.csv")
    first = import_file(workspace, path)
    workspace.close()
    before = digest(workspace.path)
    with open_workspace(workspace.path) as ws:
        again = import_file(ws, path)
    assert again.duplicate_of == first.dataset and not again.committed
    assert "bereits importiert" in again.summary()
    assert digest(workspace.path) == before


def test_dry_run_reports_everything_and_writes_nothing(workspace) -> None:
    workspace.close()
    before = digest(workspace.path)
    with open_workspace(workspace.path) as ws:
        report = import_file(ws, real_file("genesis_12411-04-02-4_00.csv"), dry_run=True)
    assert report.dry_run and not report.committed
    assert report.observations == 126_240 and report.regions_created == 526
    assert report.indicators_created == ["BEVOELKERUNGSSTAND"]
    assert digest(workspace.path) == before


def test_cancel_midway_leaves_the_file_byte_for_byte_unchanged(workspace) -> None:
    import_file(workspace, real_file("genesis_12411-01-01-4.csv"))
    workspace.close()
    before = digest(workspace.path)
    with open_workspace(workspace.path) as ws:
        progress = RecordingProgress(cancel_after=6)
        with pytest.raises(Cancelled):
            import_file(ws, real_file("genesis_12411-01-01-5_00.csv"), progress=progress)
        assert any("geschrieben" in message for _, message in progress.reports)  # cancelled while writing
    assert digest(workspace.path) == before


@pytest.mark.parametrize("failing_part", ["_write_observations", "check_totals"])
def test_a_failure_inside_the_transaction_rolls_everything_back(workspace, monkeypatch, failing_part) -> None:
    """Writing the rows or the totals check beside it (a thread of its own): either failing is the import's."""
    from bildungsplaner.services import importing

    threads: list[str] = []

    def failing(*args, **kwargs):
        threads.append(threading.current_thread().name)
        raise UserInputError(f"absichtlicher Fehler in {failing_part}")

    workspace.close()
    before = digest(workspace.path)
    monkeypatch.setattr(importing, failing_part, failing)
    with open_workspace(workspace.path) as ws, pytest.raises(UserInputError, match=f"absichtlicher.*{failing_part}"):
        import_file(ws, real_file("genesis_12612-01-01-4_00.csv"))
    assert digest(workspace.path) == before
    beside = threads[0] != threading.current_thread().name
    assert beside == (failing_part == "check_totals")


GENESIS_TEMPLATE = """GENESIS-Tabelle: 99999-01-01-4
Testtabelle: Einwohner nach Geschlecht
regionale Tiefe: Kreise und krfr. Städte
Testfortschreibung
Einwohner (Anzahl)
;;31.12.2024;31.12.2024;31.12.2024
;;Insgesamt;männlich;weiblich
05978;Unna, Kreis;{kreis};200;205
05978004;  Bergkamen;{berg};100;{berg_w}
05978008;  Bönen;205;100;105
__________
"© Testdaten"
Stand: 01.02.2025 / 10:00:00
"""


def write_genesis(path: Path, *, kreis: str = "410", berg: str = "200", berg_w: str = "100") -> Path:
    path.write_text(GENESIS_TEMPLATE.format(kreis=kreis, berg=berg, berg_w=berg_w), encoding="utf-8")
    return path


def test_totals_that_do_not_add_up_are_warned_with_row_numbers(workspace, tmp_path) -> None:
    clean = import_file(workspace, write_genesis(tmp_path / "ok.csv", kreis="405", berg="200", berg_w="100"),
                        dry_run=True)
    assert clean.warnings == []
    report = import_file(workspace, write_genesis(tmp_path / "bad.csv", kreis="999", berg="201"), dry_run=True)
    text = "\n".join(report.warnings)
    assert "Zeile 9" in text and "„Insgesamt“ 201 ≠ Summe der Teile 200" in text  # Bergkamen: 100 + 100
    assert "Zeile 8" in text and "999 ≠ Summe der 2 Teilgebiete 406" in text  # Kreis vs its Gemeinden


def test_regions_get_level_and_the_nearest_parent_present(workspace, tmp_path) -> None:
    import_file(workspace, write_genesis(tmp_path / "t.csv"))
    with workspace.session() as s:
        regions = {r.key: r for r in s.scalars(select(Region))}
    assert regions["05978"].level == "kreis" and regions["05978"].parent_id is None  # no Land in the file
    assert regions["05978008"].parent_id == regions["05978"].id and regions["05978008"].name == "Bönen"


CRASHING_CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.store.database import open_workspace

    class KillWhileWriting:
        cancelled = False
        def report(self, fraction, message=""):
            if "geschrieben" in message:  # observations are being inserted: die without any clean-up
                os.kill(os.getpid(), signal.SIGKILL)
        def check(self):
            pass

    with open_workspace(Path(sys.argv[1])) as ws:
        import_file(ws, Path(sys.argv[2]), progress=KillWhileWriting())
""")


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_an_import_killed_midway_leaves_the_workspace_as_before(workspace, tmp_path) -> None:
    import_file(workspace, real_file("genesis_12411-01-01-4.csv"))
    with workspace.session() as s:
        before = (s.scalar(select(func.count()).select_from(Observation)),
                  s.scalar(select(func.count()).select_from(Region)), s.scalar(select(func.count(Dataset.id))))
    workspace.close()
    proc = subprocess.run([sys.executable, "-c", CRASHING_CHILD, str(workspace.path),
                           str(real_file("genesis_12411-01-01-5_00.csv"))], cwd=REPO, capture_output=True,
                          timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert Path(str(workspace.path) + "-journal").exists()  # the crash left a hot journal behind
    assert check_workspace(workspace.path) == []
    with open_workspace(workspace.path) as ws, ws.session() as s:
        after = (s.scalar(select(func.count()).select_from(Observation)),
                 s.scalar(select(func.count()).select_from(Region)), s.scalar(select(func.count(Dataset.id))))
    assert after == before


def test_deleting_an_import_brings_the_older_stand_back(workspace) -> None:
    from bildungsplaner.services.importing import delete_import

    first = import_file(workspace, real_file("genesis_21111-01-03-4.csv"))
    second = import_file(workspace, real_file("genesis_21111-01-03-4_00.csv"))
    other = import_file(workspace, real_file("genesis_12411-01-01-4.csv"))
    before = {row.code: row.observations for row in list_indicators(workspace)}
    deleted = delete_import(workspace, second.dataset)
    assert deleted.observations == second.observations and deleted.current_again == [first.dataset]
    assert deleted.indicators_removed == []  # the older stand still has values of them
    history = list_datasets(workspace)
    assert [d.id for d in history] == [other.dataset, first.dataset] and history[1].superseded_by is None
    assert {row.code: row.observations for row in list_indicators(workspace)} == before  # the old stand counts
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Observation)) == first.observations + other.observations
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert audit.action == "import" and f'"deleted": {second.dataset}' in audit.details
    assert check_workspace(workspace.path) == []
    # the last import of a table: its indicators go with it, the regions it created stay while the other
    # table's values use them
    with workspace.session() as s:
        regions = s.scalar(select(func.count()).select_from(Region))
    gone = delete_import(workspace, other.dataset)
    assert gone.current_again == [] and gone.indicators_removed and other.observations == gone.observations
    assert gone.regions_removed == 0
    assert not set(gone.indicators_removed) & {row.code for row in list_indicators(workspace)}
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Region)) == regions


def test_deleting_a_replaced_import_keeps_the_newest_stand_the_only_current_one(workspace) -> None:
    from bildungsplaner.services.importing import delete_import

    first = import_file(workspace, real_file("genesis_21111-01-03-4.csv"))
    second = import_file(workspace, real_file("genesis_21111-01-03-4_00.csv"))
    with workspace.transaction() as s:  # a third stand of the table, as a later download would bring
        third = Dataset(file_name="third.csv", sha256="3" * 64, format="genesis", table_code="21111-01-03-4",
                        imported_by="t", meta={"target": "observations", "observations": 0})
        s.add(third)
        s.flush()
        s.get(Dataset, second.dataset).superseded_by_id = third.id
        third_id = third.id
    deleted = delete_import(workspace, second.dataset)  # the middle one
    assert deleted.current_again == []
    status = {d.id: d.superseded_by for d in list_datasets(workspace)}
    assert status == {third_id: None, first.dataset: third_id}  # not two current stands of one table


def test_deleting_is_refused_for_unknown_numbers(workspace) -> None:
    from bildungsplaner.services.importing import delete_import

    workspace.close()
    before = digest(workspace.path)
    with open_workspace(workspace.path) as ws, pytest.raises(UserInputError, match=r"Nr\. 99 gibt es"):
        delete_import(ws, 99)
    assert digest(workspace.path) == before
    # facility and region imports are taken back too: tests/test_import_undo.py
