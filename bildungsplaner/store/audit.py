"""Audit trail: who did what, when."""

from __future__ import annotations

import getpass
import json
from typing import Any

from sqlalchemy.orm import Session

from bildungsplaner.store.models import AuditAction, AuditEntry


def current_user() -> str:
    """The OS user name (the Windows login on an office PC), or "unbekannt" where none can be found."""
    try:
        return getpass.getuser() or "unbekannt"
    except Exception:  # getpass raises OSError/KeyError when no login name is available
        return "unbekannt"


def record(session: Session, action: AuditAction, details: str | dict[str, Any] = "") -> AuditEntry:
    text = details if isinstance(details, str) else json.dumps(details, ensure_ascii=False, sort_keys=True)
    entry = AuditEntry(user=current_user(), action=action.value, details=text)
    session.add(entry)
    return entry
