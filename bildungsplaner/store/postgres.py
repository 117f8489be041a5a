"""Everything PostgreSQL-specific lives here (the sibling of ``sqlite.py``): addresses, connections, locks.

A workspace on the Kreis's PostgreSQL server is addressed by a URL instead of a path::

    postgresql://anna@pg.kreis.local/bildung?workspace=schulentwicklung&sslmode=verify-full&sslrootcert=kreis-ca.pem
    postgresql:///?service=bildung&workspace=schulentwicklung          # pg_service.conf handed out by IT

One database from IT holds one schema per workspace, ``bp_<workspace>``. Everything but ``workspace`` (and
``role``, the group role that owns the schemas, default ``bildungsplaner``) goes to libpq unchanged, so
``service``, ``sslmode``, ``sslrootcert``, ``host`` (also a unix socket folder), ``port``, pgpass files and, on
Windows, SSPI work as IT documents them (``docs/SERVER.md``).

Rules:

* Every connection gets ``search_path`` = the workspace's schema (``connect`` event, so the models and the
  migrations need no schema name), an ``application_name`` „Bildungsplaner <version> <user>@<computer>“ (who has
  the workspace open), TCP keepalives and an ``idle_in_transaction_session_timeout``, so a PC that drops off the
  network never holds locks for hours.
* A password is never kept: :meth:`ServerAddress.display` (shown, logged, stored in a recent list) leaves it out,
  and the engine's URL never holds the connection string.
* Writers that must not overlap (creating and migrating a schema; later imports and deletions) take a
  transaction-scoped advisory lock (:func:`advisory_xact_lock`): a killed client never leaves it behind.
"""

from __future__ import annotations

import getpass
import hashlib
import re
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

from sqlalchemy import Connection, Engine, create_engine, event, text

from bildungsplaner import BildungsplanerError, __version__
from bildungsplaner.i18n import tr

SCHEMES = ("postgresql", "postgres")
SCHEMA_PREFIX = "bp_"
DEFAULT_GROUP_ROLE = "bildungsplaner"
#: lowercase letters, digits and underscores: the schema name then needs no quoting and is the same on every PC
WORKSPACE_NAME = re.compile(r"[a-z0-9_]{1,60}")
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_$]{0,62}")
#: A session idle inside a transaction this long is ended by the server (its locks released).
IDLE_IN_TRANSACTION_MS = 10 * 60 * 1000
#: How long creating or migrating a schema waits for a colleague's lock before giving up with a message.
LOCK_TIMEOUT_MS = 15_000
CONNECT_TIMEOUT_S = 10
KEEPALIVES = {"keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10", "keepalives_count": "3"}
#: The first key of every advisory lock the program takes (``pg_advisory_xact_lock(int, int)``), "BP".
LOCK_CLASS = 0x4250


#: Foreign keys of the models that are no constraints in a workspace: PostgreSQL checks them by statement-level
#: triggers (migration 0010), SQLite once per insert statement on the distinct keys (migration 0013,
#: ``store/sqlite.py``) — one check per import instead of three per row.
TRIGGER_CHECKED_FOREIGN_KEYS = frozenset({
    "fk_observation_dataset_id_dataset", "fk_observation_indicator_id_indicator", "fk_observation_region_id_region"})


class ServerAddressError(BildungsplanerError):
    """A server address (URL) that cannot be used."""


def is_server_address(location: object) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) URL, False for a path."""
    return isinstance(location, str) and location.split("://", 1)[0].lower() in SCHEMES and "://" in location


@dataclass(frozen=True)
class ServerAddress:
    """A parsed workspace URL: the libpq connection parameters, the workspace name and its schema."""

    #: libpq parameters as key/value pairs, in the URL's order, ``password`` included where the URL had one
    params: tuple[tuple[str, str], ...]
    workspace: str
    role: str = DEFAULT_GROUP_ROLE
    role_given: bool = False

    @property
    def schema(self) -> str:
        return SCHEMA_PREFIX + self.workspace

    def conninfo_params(self) -> dict[str, str]:
        """Keyword parameters for ``psycopg.connect``, with the program's defaults where the URL sets none."""
        params = {**KEEPALIVES, "connect_timeout": str(CONNECT_TIMEOUT_S), **dict(self.params)}
        params["client_encoding"] = "UTF8"
        params.setdefault("application_name", application_name(self.workspace))
        # TimeZone UTC: timestamptz values arrive in UTC (as the store hands them out, models.UTCDateTime), and
        # the driver needs no time-zone database for the server's zone (none on a Windows PC without tzdata)
        options = f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS} -c TimeZone=UTC"
        params["options"] = f"{params['options']} {options}" if params.get("options") else options
        return params

    def display(self) -> str:
        """The URL as the user wrote it, without any password: safe to show, log and keep in a recent list."""
        given = dict(self.params)
        host = given.get("host", "")
        in_netloc = bool(host) and not host.startswith("/")  # a unix socket folder goes into the query
        netloc = quote(given["user"], safe="") + "@" if "user" in given else ""
        if in_netloc:
            netloc += host + (f":{given['port']}" if "port" in given else "")
        moved = {"user", "password", "dbname"} | ({"host", "port"} if in_netloc else set())
        query = [(k, v) for k, v in self.params if k not in moved] + [("workspace", self.workspace)]
        if self.role_given:
            query.append(("role", self.role))
        return f"postgresql://{netloc}/{quote(given.get('dbname', ''), safe='')}?{urlencode(query, safe='/:')}"

    def __str__(self) -> str:
        return self.display()

    def __repr__(self) -> str:
        return f"ServerAddress({self.display()!r})"


def parse_address(url: str) -> ServerAddress:
    """Parse a workspace URL; raises :class:`ServerAddressError` with a German message."""
    if not is_server_address(url):
        raise ServerAddressError(tr("„{url}“ ist keine Server-Adresse (sie beginnt mit postgresql://).",
                                    url=_without_password(url)))
    parts = urlsplit(url)
    params: list[tuple[str, str]] = []
    try:
        if parts.username:
            params.append(("user", unquote(parts.username)))
        if parts.password:
            params.append(("password", unquote(parts.password)))
        if parts.hostname:
            params.append(("host", unquote(parts.hostname)))
        if parts.port:
            params.append(("port", str(parts.port)))
    except ValueError as exc:  # a port that is no number
        raise ServerAddressError(tr("Die Server-Adresse {url} ist ungültig: {error}", url=_without_password(url),
                                    error=exc)) from exc
    if parts.path.strip("/"):
        params.append(("dbname", unquote(parts.path.lstrip("/"))))
    workspace, role = None, None
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key == "workspace":
            workspace = value
        elif key == "role":
            role = value
        else:
            params = [(k, v) for k, v in params if k != key] + [(key, value)]
    if not workspace:
        raise ServerAddressError(tr("In der Server-Adresse fehlt der Name des Arbeitsbereichs "
                                    "(…?workspace=NAME)."))
    if not WORKSPACE_NAME.fullmatch(workspace):
        raise ServerAddressError(tr("Der Name des Arbeitsbereichs „{name}“ ist ungültig: erlaubt sind "
                                    "Kleinbuchstaben (ohne Umlaute), Ziffern und Unterstriche, höchstens 60 "
                                    "Zeichen.", name=workspace))
    if role is not None and not ROLE_NAME.fullmatch(role):
        raise ServerAddressError(tr("Der Rollenname „{name}“ ist ungültig.", name=role))
    return ServerAddress(params=tuple(params), workspace=workspace, role=role or DEFAULT_GROUP_ROLE,
                         role_given=role is not None)


def _without_password(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for messages about a URL that cannot be parsed)."""
    return re.sub(r"(://[^:/@?#]*:)[^@/?#]*@", r"\1***@", url)


def application_name(workspace: str = "") -> str:
    """„Bildungsplaner <version> <user>@<computer> <workspace>“, at most 63 bytes (the server truncates longer
    names); the workspace at the end lets ``services.team.colleagues`` tell workspaces of one database apart."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (a service account without one)
        user = "unbekannt"
    name = f"Bildungsplaner {__version__} {user}@{socket.gethostname().split('.')[0]}"
    if workspace:
        name += f" {workspace}"
    return name.encode("utf-8")[:63].decode("utf-8", "ignore")


def make_engine(address: ServerAddress, *, echo: bool = False) -> Engine:
    """An engine whose connections use the workspace's schema (see module doc); nothing is connected yet."""
    import psycopg

    params = address.conninfo_params()
    schema = address.schema

    conninfo = psycopg.conninfo.make_conninfo(**params)

    def connect() -> Any:
        return psycopg.connect(conninfo)

    # The URL only names the dialect and driver; the connection parameters stay inside ``connect``, so no
    # password ever appears in the engine's URL, its repr or a log line.
    engine = create_engine("postgresql+psycopg://", creator=connect, echo=echo, pool_pre_ping=True)

    @event.listens_for(engine, "connect", insert=True)
    def _set_search_path(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        try:
            with dbapi_connection.cursor() as cursor:
                cursor.execute(f'SET search_path TO "{schema}"')
        finally:
            dbapi_connection.autocommit = autocommit

    return engine


def server_encoding(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SHOW server_encoding").scalar())


def check_encoding(conn: Connection, address: ServerAddress) -> None:
    """Refuse a database whose encoding is not UTF-8 (umlauts and „…“ would be lost or refused)."""
    encoding = server_encoding(conn)
    if encoding.upper().replace("-", "") != "UTF8":
        raise ServerAddressError(tr("Die Datenbank {database} verwendet die Zeichenkodierung {encoding}; "
                                    "Bildungsplaner braucht UTF8. Bitte die IT, die Datenbank mit ENCODING "
                                    "'UTF8' anzulegen.", database=database_name(conn), encoding=encoding))


def database_name(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT current_database()").scalar())


def lock_key(name: str) -> int:
    """A stable 32-bit key for ``name`` (the second key of an advisory lock), the same on every PC."""
    return int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:4], "big", signed=True)


def set_lock_timeout(conn: Connection, milliseconds: int) -> None:
    """``SET LOCAL lock_timeout``: for the rest of the current transaction only."""
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = {int(milliseconds)}")


def advisory_xact_lock(conn: Connection, name: str) -> None:
    """Wait for the transaction-scoped advisory lock ``name`` (released at commit or rollback, also when the
    client is killed); how long it waits is the transaction's ``lock_timeout``."""
    conn.execute(text("SELECT pg_advisory_xact_lock(:cls, :key)"), {"cls": LOCK_CLASS, "key": lock_key(name)})


def try_advisory_xact_lock(conn: Connection, name: str) -> bool:
    """Take the transaction-scoped advisory lock ``name`` if it is free; False when someone else holds it."""
    return bool(conn.execute(text("SELECT pg_try_advisory_xact_lock(:cls, :key)"),
                             {"cls": LOCK_CLASS, "key": lock_key(name)}).scalar())


def schema_exists(conn: Connection, schema: str) -> bool:
    return bool(conn.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).scalar())


def read_schema_state(conn: Connection, schema: str) -> tuple[str | None, bool]:
    """(Alembic revision or ``None``, has tables) of the workspace schema, like ``sqlite.read_schema_state``."""
    tables = set(conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}).scalars())
    revision = None
    if "alembic_version" in tables:
        revision = conn.exec_driver_sql(f'SELECT version_num FROM "{schema}".alembic_version').scalar()
    return revision, bool(tables)


def is_member_of(conn: Connection, role: str) -> bool | None:
    """Whether the session's user may act as ``role``; ``None`` when the role does not exist."""
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role}).scalar()
    if not exists:
        return None
    return bool(conn.execute(text("SELECT pg_has_role(session_user, :r, 'MEMBER')"), {"r": role}).scalar())


def create_schema(conn: Connection, schema: str, owner: str | None) -> None:
    """``CREATE SCHEMA`` owned by the group role ``owner`` (any member may then migrate it), or by the user."""
    authorization = f' AUTHORIZATION "{owner}"' if owner else ""
    conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"{authorization}')


def act_as(conn: Connection, role: str | None) -> None:
    """``SET LOCAL ROLE``: the tables created in this transaction belong to ``role``; ``session_user`` (the
    person) stays what the audit trail names."""
    if role:
        conn.exec_driver_sql(f'SET LOCAL ROLE "{role}"')


def session_user(conn: Connection) -> str:
    return str(conn.exec_driver_sql("SELECT session_user").scalar())
