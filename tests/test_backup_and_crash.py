"""Backups through SQLite's backup API, restore, and a process killed in the middle of a write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bildungsplaner import UserInputError
from bildungsplaner.services.workspace import (
    backup_workspace,
    check_workspace,
    restore_workspace,
)
from bildungsplaner.store import sqlite
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import AuditEntry, Region

REPO = Path(__file__).resolve().parents[1]


def regions(path: Path) -> list[str]:
    with open_workspace(path, create=False) as ws, ws.session() as s:
        return list(s.scalars(select(Region.key).order_by(Region.key)))


def test_backup_is_a_complete_consistent_copy_and_restore_brings_it_back(workspace, tmp_path: Path) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05999", name="Kreis Lindental", level="kreis"))
    backup = backup_workspace(workspace, tmp_path / "sicherung.bpws")
    assert check_workspace(backup) == []

    with workspace.transaction() as s:  # later work that the restore must undo
        s.add(Region(key="05999001", name="Lindental", level="gemeinde"))
    with workspace.session() as s:
        assert s.scalars(select(AuditEntry.action)).all()[-1] == "backup"
    workspace.close()

    restore_workspace(backup, workspace.path)
    assert regions(workspace.path) == ["05999"]
    assert check_workspace(workspace.path) == []


def test_backup_while_another_connection_holds_an_open_write_transaction(
    workspace, tmp_path: Path, monkeypatch, caplog
) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05", name="Nordrhein-Westfalen", level="land"))
    monkeypatch.setattr(sqlite, "BUSY_TIMEOUT_MS", 200)  # the audit line gives up quickly instead of after 10 s
    with open_workspace(workspace.path) as other, workspace.transaction() as writer:
        writer.add(Region(key="06", name="Hessen", level="land"))
        writer.flush()  # uncommitted: must not appear in the backup
        target = backup_workspace(other, tmp_path / "b.bpws")
        assert regions(target) == ["05"]
    assert "Protokolleintrag nicht möglich" in caplog.text
    assert check_workspace(target) == []


def test_a_damaged_backup_is_refused_and_the_workspace_kept(workspace, tmp_path: Path) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05", name="Nordrhein-Westfalen", level="land"))
    workspace.close()
    before = workspace.path.read_bytes()
    broken = tmp_path / "kaputt.bpws"
    broken.write_bytes(b"SQLite format 3\x00" + b"\xff" * 3000)
    with pytest.raises(UserInputError, match="nicht verwendbar"):
        restore_workspace(broken, workspace.path)
    assert workspace.path.read_bytes() == before


def test_backup_refuses_to_overwrite_the_workspace_itself(workspace) -> None:
    with pytest.raises(UserInputError):
        backup_workspace(workspace, workspace.path)


SCHOOLS_TOML = """
format = 1
name = "Schulen"
target = "facilities"
[regions]
key = "AGS"
[facilities]
key = "Nr"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
attributes = { sozialindex = "Sozialindex" }
"""


def school_list(folder: Path, n: int) -> Path:
    path = folder / f"schulen_{n}.csv"
    path.write_text(f"Nr;Name;AGS;Sozialindex\n1000{n:02d};GS {n};05978004;{n % 9 + 1}\n", encoding="utf-8")
    return path


def facility_keys(path: Path) -> list[str]:
    from bildungsplaner.store.models import Facility

    with open_workspace(path, create=False) as ws, ws.session() as s:
        return list(s.scalars(select(Facility.key).order_by(Facility.key)))


def test_every_facility_import_writes_a_backup_first_and_the_last_ten_are_kept(workspace, tmp_path: Path) -> None:
    from bildungsplaner import paths
    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.services.workspace import AUTOMATIC_BACKUPS_KEPT, automatic_backups

    template = ImportTemplate.loads(SCHOOLS_TOML)
    by_hand = backup_workspace(workspace, paths.backups_dir() / f"{workspace.path.stem}_Sicherung_2020-01-01.bpws")
    first = import_file(workspace, school_list(tmp_path, 1), template=template)
    assert first.backup is not None and Path(first.backup).parent == paths.backups_dir()
    assert f"Sicherung vor dem Import: {first.backup}" in first.summary()
    assert check_workspace(Path(first.backup)) == [] and facility_keys(Path(first.backup)) == []  # the state before
    with workspace.session() as s:
        audit = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert first.backup in audit.details  # the import's audit entry names it
    # neither a dry run nor an import of values writes one
    import_file(workspace, school_list(tmp_path, 2), template=template, dry_run=True)
    from test_import_service import write_genesis

    import_file(workspace, write_genesis(tmp_path / "werte.csv"))
    assert automatic_backups(workspace) == [Path(first.backup)]

    reports = [import_file(workspace, school_list(tmp_path, n), template=template) for n in range(2, 13)]
    kept = automatic_backups(workspace)
    assert len(kept) == AUTOMATIC_BACKUPS_KEPT == 10
    assert kept == [Path(r.backup) for r in reports[-10:]]  # the oldest ones went, in order
    assert not Path(first.backup).exists() and not Path(reports[0].backup).exists()
    assert by_hand.exists()  # a backup made by hand is never removed
    assert facility_keys(kept[-1]) == [f"1000{n:02d}" for n in range(1, 12)]  # before the twelfth list


def test_a_failed_facility_import_leaves_no_backup_behind(workspace, tmp_path: Path) -> None:
    from bildungsplaner.importing.template import ImportTemplate
    from bildungsplaner.services.importing import import_file
    from bildungsplaner.services.workspace import automatic_backups

    table = tmp_path / "doppelt.csv"
    table.write_text("Nr;Name;AGS;Sozialindex\n100001;GS A;05978004;3\n100001;GS A;05978004;3\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="doppelt"):
        import_file(workspace, table, template=ImportTemplate.loads(SCHOOLS_TOML))
    assert automatic_backups(workspace) == []  # nothing changed, so nothing to go back to
    from bildungsplaner.progress import Cancelled, RecordingProgress

    class CancelAfterTheBackup(RecordingProgress):
        def report(self, fraction: float, message: str = "") -> None:
            super().report(fraction, message)
            self.cancelled = self.cancelled or "Sicherung" in message

    progress = CancelAfterTheBackup()
    with pytest.raises(Cancelled):
        import_file(workspace, school_list(tmp_path, 1), template=ImportTemplate.loads(SCHOOLS_TOML), progress=progress)
    assert any("Sicherung" in message for _, message in progress.reports) and automatic_backups(workspace) == []


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy import insert, text
    from bildungsplaner.store.database import open_workspace
    from bildungsplaner.store.models import Dataset, Indicator, Observation, Region

    ws = open_workspace(Path(sys.argv[1]))
    rows = int(sys.argv[2])
    with ws.transaction() as s:
        s.execute(text("PRAGMA cache_size = 50"))  # small cache: SQLite spills pages into the file early
        ds = s.get(Dataset, 1)
        for start in range(0, rows, 20_000):
            s.execute(insert(Observation), [
                {"dataset_id": 1, "indicator_id": 1, "region_id": 1, "period": "2030",
                 "dimensions": f"n={i}", "value": float(i)} for i in range(start, start + 20_000)])
            s.flush()
            print("batch", start, flush=True)
        print("committing", flush=True)
    print("committed", flush=True)
    time.sleep(60)
""")


def _prepare(path: Path) -> int:
    from sqlalchemy import insert

    from bildungsplaner.store.models import Dataset, Indicator, Observation

    with open_workspace(path) as ws, ws.transaction() as s:
        s.add_all([Region(key="05999", name="K", level="kreis"), Indicator(code="I", name="I"),
                   Dataset(file_name="f", sha256="2" * 64, format="csv", imported_by="t")])
        s.flush()
        s.execute(insert(Observation), [{"dataset_id": 1, "indicator_id": 1, "region_id": 1, "period": "2024",
                                         "dimensions": f"n={i}", "value": 1.0} for i in range(1000)])
    return 1000


def _count(path: Path) -> int:
    from bildungsplaner.store.models import Observation

    with open_workspace(path, create=False) as ws, ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(Observation)))


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", ["batch 100000", "committing"])
def test_killing_the_process_in_a_large_write_leaves_all_old_or_all_new(tmp_path: Path, kill_after: str) -> None:
    path = tmp_path / "absturz.bpws"
    old = _prepare(path)
    rows = 300_000
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(rows)], stdout=subprocess.PIPE,
                            text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == kill_after:
            break
    else:
        pytest.fail(f"child ended early: {proc.wait()}")
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert check_workspace(path) == []
    count = _count(path)
    if kill_after.startswith("batch"):
        assert count == old  # killed mid-transaction: nothing of it may survive
    else:
        assert count in (old, old + rows)  # killed around the commit: all or nothing
