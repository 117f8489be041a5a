"""Migration 0005: the definition tables and the audit action ``indicator``, from 0004 to head and back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from bildungsplaner.store import sqlite as sq
from bildungsplaner.store.audit import record
from bildungsplaner.store.database import alembic_config, head_revision, open_workspace
from bildungsplaner.store.models import AuditAction, AuditEntry, Indicator


def _downgrade(path: Path, revision: str) -> None:
    from alembic import command

    engine = sq.make_engine(path)
    with engine.connect() as conn:
        sq.set_foreign_keys(sq.raw_connection(conn), False)
        with conn.begin():
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
    engine.dispose()


def test_upgrade_from_0004_and_back(tmp_path: Path) -> None:
    path = tmp_path / "w.bpws"
    with open_workspace(path) as ws, ws.transaction() as s:
        s.add(Indicator(code="BEV", name="Bevölkerung"))
        record(s, AuditAction.INDICATOR, {"define": "X"})
    _downgrade(path, "0004")
    with sqlite3.connect(path) as con:
        tables = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
        assert "indicator_definition" not in tables and "indicator_definition_version" not in tables
        assert con.execute("select version_num from alembic_version").fetchone() == ("0004",)
        with pytest.raises(sqlite3.IntegrityError):  # the old constraint knows no 'indicator'
            con.execute("insert into audit_entry (at, user, action, details) values ('2026-01-01', 'u', "
                        "'indicator', '')")
    with open_workspace(path) as ws:
        assert ws.migrated_from == "0004" and ws.schema_version == head_revision()
        names = set(inspect(ws.engine).get_table_names())
        assert {"indicator_definition", "indicator_definition_version"} <= names
        with ws.transaction() as s:
            record(s, AuditAction.INDICATOR, {"define": "Y"})
        with ws.session() as s:
            assert s.scalar(select(Indicator.code)) == "BEV"  # data of 0004 kept
            assert s.scalar(select(AuditEntry.details).where(AuditEntry.action == "indicator")) == '{"define": "Y"}'
