"""Team mode: who else has a server workspace open, and whether anybody changed its data.

Both questions are asked every few seconds by the window (the status bar „Auch geöffnet von: …“ and the
watcher that refreshes the window), so each is one cheap query under a short ``statement_timeout``, asked on a
worker thread through a connection of its own that gives up quickly (:func:`poll_engine`): a slow or unreachable
server never blocks the window, and the answer is simply skipped. On a workspace file
both return ``None`` (the file watcher of the window has its own marker).

Who has it open comes from ``pg_stat_activity``, whose ``datname``, ``pid`` and ``application_name`` every role
may read: the program names each connection „Bildungsplaner <version> <user>@<computer>“
(:func:`bildungsplaner.store.postgres.application_name`), optionally followed by the workspace's name. Sessions
whose name carries a workspace are counted only for that workspace; sessions of the same database whose name
carries none (older versions) are counted too, since they cannot be told apart. The person's own connections
(the same ``<user>@<computer>``, e.g. the window's pooled connections) are never listed.
"""

from __future__ import annotations

import dataclasses
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import Connection, Engine, text

from bildungsplaner.store import postgres
from bildungsplaner.store.database import Workspace

#: How long one of the questions may take on the server before it is given up (milliseconds).
STATEMENT_TIMEOUT_MS = 2000
#: The window's periodic questions go through a connection of their own (:func:`poll_engine`) that gives up
#: quickly on a server that stopped answering: connecting (seconds), and unacknowledged data on an established
#: connection (milliseconds, libpq's ``tcp_user_timeout``; where the system lacks it, the short keepalives below).
POLL_CONNECT_TIMEOUT_S = 3
POLL_TCP_USER_TIMEOUT_MS = 5000
_POLL_PARAMS = (("connect_timeout", str(POLL_CONNECT_TIMEOUT_S)), ("tcp_user_timeout", str(POLL_TCP_USER_TIMEOUT_MS)),
                ("keepalives", "1"), ("keepalives_idle", "5"), ("keepalives_interval", "2"), ("keepalives_count", "2"))
#: The server truncates ``application_name`` to this many bytes.
NAME_LIMIT = 63
APP_PREFIX = "Bildungsplaner"
#: the login name may contain spaces (Windows: „Anna Müller“), the computer's name and the workspace's do not
_APP_NAME = re.compile(rf"^{APP_PREFIX} (?P<version>\S+) (?P<who>.+@\S+)(?: (?P<workspace>\S+))?$")


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


def poll_engine(ws: Workspace) -> Engine | None:
    """An engine of its own for the window's periodic questions about the server workspace ``ws`` (``None`` for a
    file): the same address and connection name, but quick to give up (:data:`POLL_CONNECT_TIMEOUT_S`,
    :data:`POLL_TCP_USER_TIMEOUT_MS`), and never waiting behind the window's own connections. One question at a
    time uses it, so it holds one connection; dispose it when the workspace closes."""
    if ws.address is None:
        return None
    return postgres.make_engine(dataclasses.replace(ws.address, params=ws.address.params + _POLL_PARAMS))


def colleagues(ws: Workspace, engine: Engine | None = None) -> list[str] | None:
    """``user@computer`` of everybody else who has ``ws`` open (sorted, each once); ``None`` for a file.
    ``engine``: the connection to ask through (:func:`poll_engine`), else the workspace's own."""
    if ws.address is None:
        return None
    workspace = ws.address.workspace
    with (engine or ws.engine).connect() as conn, conn.begin():
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


def change_marker(ws: Workspace, engine: Engine | None = None) -> tuple[int, int] | None:
    """A value that changes whenever anybody changes the server workspace's data: (latest audit entry, number of
    audit entries) — every writing use case records one. ``None`` for a file. ``engine``: as in :func:`colleagues`."""
    if ws.address is None:
        return None
    with (engine or ws.engine).connect() as conn, conn.begin():
        _limited(conn)
        latest, count = conn.exec_driver_sql("SELECT coalesce(max(id), 0), count(*) FROM audit_entry").one()
    return int(latest), int(count)


def workspace_application_name(workspace: str) -> str:
    """The ``application_name`` a connection to ``workspace`` tells the server (:func:`postgres.application_name`)."""
    return postgres.application_name(workspace)


# --- opening: the address from the dialog's fields, the password prompt, the password file -------------------

#: TLS modes offered in the window, safest first; ``verify-full`` (certificate and host name checked against the
#: Kreis CA file) is the documented default (docs/SERVER.md).
SSL_MODES = ("verify-full", "verify-ca", "require", "prefer", "disable")
DEFAULT_SSL_MODE = SSL_MODES[0]


def build_url(*, workspace: str, url: str = "", service: str = "", host: str = "", port: str = "",
              database: str = "", user: str = "", sslmode: str = DEFAULT_SSL_MODE, sslrootcert: str = "",
              password: str = "") -> str:
    """The workspace URL from the fields of the window's dialog: a full ``url`` (its own ``workspace``,
    ``sslmode`` and ``sslrootcert`` win), or a pg_service ``service`` name, or host/port/database/user.
    ``password`` (from the prompt) travels as a libpq parameter and is never part of
    :meth:`~bildungsplaner.store.postgres.ServerAddress.display`. Raises ``ServerAddressError``."""
    if url.strip():
        given = url.strip()
        if "workspace=" not in given and workspace.strip():
            given += ("&" if "?" in given else "?") + urlencode({"workspace": workspace.strip()})
        address = postgres.parse_address(given)
        params = dict(address.params)
        query: list[tuple[str, str]] = list(address.params)
        workspace = address.workspace
        role = [("role", address.role)] if address.role_given else []
    else:
        params = {}
        query = [(k, v.strip()) for k, v in (("service", service), ("host", host), ("port", port),
                                              ("dbname", database), ("user", user)) if v.strip()]
        role = []
    if "sslmode" not in params and sslmode:
        query.append(("sslmode", sslmode))
    if "sslrootcert" not in params and sslrootcert.strip() and sslmode not in ("disable", "prefer"):
        query.append(("sslrootcert", sslrootcert.strip()))
    if password:
        query = [(k, v) for k, v in query if k != "password"] + [("password", password)]
    built = f"postgresql:///?{urlencode([*query, ('workspace', workspace.strip()), *role], safe='/:')}"
    postgres.parse_address(built)  # refuses a missing or invalid workspace name with a German message
    return built


_PASSWORD_REQUESTS = ("no password supplied", "password authentication failed")


def needs_password(exc: BaseException) -> bool:
    """Whether opening failed because the server asks for a (correct) password: libpq's ``fe_sendauth: no
    password supplied`` or ``password authentication failed for user …`` anywhere in the error's chain."""
    seen: BaseException | None = exc
    while seen is not None:
        if any(text_ in str(seen) for text_ in _PASSWORD_REQUESTS):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def pgpass_path() -> Path:
    """The password file libpq reads: ``PGPASSFILE``, else ``%APPDATA%\\postgresql\\pgpass.conf`` on Windows,
    else ``~/.pgpass``."""
    if os.environ.get("PGPASSFILE"):
        return Path(os.environ["PGPASSFILE"])
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA", Path.home())) / "postgresql" / "pgpass.conf"
    return Path.home() / ".pgpass"


def _pgpass_field(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def connection_target(ws: Workspace) -> tuple[str, str, str, str] | None:
    """(host, port, database, user) the server workspace is connected to — resolved by libpq, so also for a
    pg_service address; ``None`` for a file. A unix socket folder is ``localhost``, as libpq's password file
    names it."""
    if ws.address is None:
        return None
    with ws.engine.connect() as conn:
        info = conn.connection.driver_connection.info  # type: ignore[union-attr]
        host = str(info.host)
        return ("localhost" if host.startswith("/") else host), str(info.port), str(info.dbname), str(info.user)


def store_password(target: tuple[str, str, str, str], password: str, path: Path | None = None) -> Path:
    """Write ``password`` for ``target`` (host, port, database, user) into the password file (readable by the
    user only: 0600), replacing an earlier entry for the same target; returns the file's path."""
    path = path or pgpass_path()
    prefix = ":".join(_pgpass_field(v) for v in target) + ":"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    lines = [line for line in lines if not line.startswith(prefix)] + [prefix + _pgpass_field(password)]
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write("\n".join(lines) + "\n")
    os.chmod(path, 0o600)  # an existing file keeps its mode on open(); libpq ignores a file others can read
    return path


__all__ = ["DEFAULT_SSL_MODE", "SSL_MODES", "STATEMENT_TIMEOUT_MS", "Session", "build_url", "change_marker",
           "colleagues", "connection_target", "needs_password", "parse_application_name", "pgpass_path",
           "poll_engine", "store_password", "workspace_application_name"]
