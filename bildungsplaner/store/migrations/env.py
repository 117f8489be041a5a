"""Alembic environment: always runs on a connection handed in by ``bildungsplaner.store.database``.

The caller owns the transaction (one transaction for the whole upgrade, foreign keys off, checked
afterwards), so ``begin_transaction`` here joins it instead of committing on its own.
"""

from __future__ import annotations

from alembic import context

from bildungsplaner.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Migrationen laufen nur über bildungsplaner.store.database (keine Offline-Migrationen)")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
