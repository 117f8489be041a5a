"""Team mode: who else has a server workspace open, and whether anybody changed its data.

Both questions are asked every few seconds by the window (the status bar „Auch geöffnet von: …“ and the
watcher that refreshes the window), so each is one cheap query under a short ``statement_timeout``: a slow or
unreachable server costs the window at most that long and the answer is simply skipped. On a workspace file
both return ``None`` (the file watcher of the window has its own marker).

Who has it open comes from ``pg_stat_activity``, whose ``datname``, ``pid`` and ``application_name`` every role
may read: the program names each connection „Bildungsplaner <version> <user>@<computer>“
(:func:`bildungsplaner.store.postgres.application_name`), optionally followed by the workspace's name. Sessions
whose name carries a workspace are counted only for that workspace; sessions of the same database whose name
carries none (older versions) are counted too, since they cannot be told apart. The person's own connections
(the same ``<user>@<computer>``, e.g. the window's pooled connections) are never listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from bildungsplaner.store import postgres
from bildungsplaner.store.database import Workspace

#: How long one of the questions may take on the server before it is given up (milliseconds).
STATEMENT_TIMEOUT_MS = 2000
#: The server truncates ``application_name`` to this many bytes.
NAME_LIMIT = 63
APP_PREFIX = "Bildungsplaner"
_APP_NAME = re.compile(rf"^{APP_PREFIX} (?P<version>\S+) (?P<who>\S+)(?: (?P<workspace>\S+))?$")


@dataclass(frozen=True)
class Session:
    """One program session as ``application_name`` names it."""

    who: str  #: ``user@computer``
    workspace: str | None  #: the workspace's name where the session names it (possibly cut short)
    truncated: bool  #: the name reached the server's limit, so ``workspace`` may be cut short

    def has_open(self, workspace: str) -> bool:
        if self.workspace is None:
            return True
        if self.truncated:
            return workspace.startswith(self.workspace)
        return self.workspace == workspace


def parse_application_name(name: str) -> Session | None:
    """The session an ``application_name`` of the program describes; ``None`` for any other program."""
    match = _APP_NAME.match(name or "")
    if match is None:
        return None
    return Session(who=match["who"], workspace=match["workspace"],
                   truncated=len(name.encode("utf-8")) >= NAME_LIMIT)


def _limited(conn: Connection) -> None:
    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")


def colleagues(ws: Workspace) -> list[str] | None:
    """``user@computer`` of everybody else who has ``ws`` open (sorted, each once); ``None`` for a file."""
    if ws.address is None:
        return None
    workspace = ws.address.workspace
    with ws.engine.connect() as conn, conn.begin():
        _limited(conn)
        own = conn.exec_driver_sql("SELECT current_setting('application_name')").scalar() or ""
        rows = conn.execute(text(
            "SELECT application_name FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE :prefix"),
            {"prefix": APP_PREFIX + " %"}).scalars().all()
    mine = parse_application_name(str(own))
    found: set[str] = set()
    for name in rows:
        session = parse_application_name(str(name))
        if session is None or (mine is not None and session.who == mine.who):
            continue
        if session.has_open(workspace):
            found.add(session.who)
    return sorted(found, key=str.casefold)


def change_marker(ws: Workspace) -> tuple[int, int] | None:
    """A value that changes whenever anybody changes the server workspace's data: (latest audit entry, number of
    audit entries) — every writing use case records one. ``None`` for a file."""
    if ws.address is None:
        return None
    with ws.engine.connect() as conn, conn.begin():
        _limited(conn)
        latest, count = conn.exec_driver_sql("SELECT coalesce(max(id), 0), count(*) FROM audit_entry").one()
    return int(latest), int(count)


def workspace_application_name(workspace: str) -> str:
    """The ``application_name`` that names ``workspace`` too (what :func:`postgres.application_name` would give
    with the workspace appended), cut at the server's limit."""
    name = f"{postgres.application_name()} {workspace}"
    return name.encode("utf-8")[:NAME_LIMIT].decode("utf-8", "ignore")


__all__ = ["STATEMENT_TIMEOUT_MS", "Session", "change_marker", "colleagues", "parse_application_name",
           "workspace_application_name"]
