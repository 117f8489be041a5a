"""Audit trail: who did what, when."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from bildungsplaner.store.models import AuditAction, AuditEntry


def current_user() -> str:
    """The OS user name (the Windows login on an office PC), or "unbekannt" where none can be found."""
    try:
        return getpass.getuser() or "unbekannt"
    except Exception:  # getpass raises OSError/KeyError when no login name is available
        return "unbekannt"


def acting_user(session: Session) -> str:
    """Who the audit trail names: on a server the database login (``session_user``, the person, also while a
    migration acts as the group role), else the OS user."""
    if session.get_bind().dialect.name == "postgresql":
        return str(session.scalar(text("SELECT session_user")))
    return current_user()


def record(session: Session, action: AuditAction, details: str | dict[str, Any] = "") -> AuditEntry:
    content = details if isinstance(details, str) else json.dumps(details, ensure_ascii=False, sort_keys=True)
    entry = AuditEntry(user=acting_user(session), action=action.value, details=content)
    session.add(entry)
    return entry
