"""scenarios carry a version and who saved it (``scenario.version``, ``scenario.changed_by``)

Team mode: two colleagues may open the same scenario. Every save compares the version the editor loaded with the
stored one and raises it by one in the same ``UPDATE`` (compare-and-set, ``services/scenarios.py``); a save over
a version a colleague stored meanwhile is refused and names who saved it and when (``changed_by``,
``changed_at``), never last-save-wins.

Existing scenarios start at version 1; ``changed_by`` is taken from the audit log (the last person who created,
changed or renamed the scenario under its present name), "unbekannt" where the log does not say.
``changed_at`` exists since 0001.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 14:00:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def _authors(conn: sa.Connection) -> dict[str, str]:
    """scenario name → the person of its last audit entry (created, changed, renamed), following renames."""
    audit = sa.table('audit_entry', sa.column('id', sa.Integer), sa.column('user', sa.String),
                     sa.column('action', sa.String), sa.column('details', sa.Text))
    authors: dict[str, str] = {}
    rows = conn.execute(sa.select(audit.c.user, audit.c.details).where(audit.c.action == 'scenario')
                        .order_by(audit.c.id))
    for user, details in rows:
        try:
            data = json.loads(details or "{}")
        except ValueError:
            continue
        if not isinstance(data, dict) or not isinstance(data.get("scenario"), str):
            continue
        name = data["scenario"]
        if data.get("action") == "gelöscht":
            authors.pop(name, None)
        elif data.get("action") in ("angelegt", "geändert", "umbenannt"):
            authors[name] = str(user or "")[:100]
            if data.get("action") == "umbenannt" and isinstance(data.get("from"), str):
                authors.pop(data["from"], None)
    return authors


def upgrade() -> None:
    with op.batch_alter_table('scenario', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('changed_by', sa.String(length=100), nullable=True))
    conn = op.get_bind()
    scenario = sa.table('scenario', sa.column('id', sa.Integer), sa.column('name', sa.String),
                        sa.column('version', sa.Integer), sa.column('changed_by', sa.String))
    authors = _authors(conn)
    conn.execute(sa.update(scenario).values(version=1, changed_by='unbekannt'))
    for scenario_id, name in conn.execute(sa.select(scenario.c.id, scenario.c.name)).all():
        if authors.get(name):
            conn.execute(sa.update(scenario).where(scenario.c.id == scenario_id)
                         .values(changed_by=authors[name]))
    with op.batch_alter_table('scenario', schema=None) as batch_op:
        batch_op.alter_column('version', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('changed_by', existing_type=sa.String(length=100), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table('scenario', schema=None) as batch_op:
        batch_op.drop_column('changed_by')
        batch_op.drop_column('version')
