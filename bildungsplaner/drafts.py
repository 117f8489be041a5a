"""Unsaved scenario edits kept on disk, so a crash or a power cut loses nothing.

While a scenario in the planning editor has unsaved changes, the editor writes its text here (debounced,
about once a second while editing); saving or discarding the changes removes the draft. A draft that is
still there when the workspace is opened again means the program did not end normally: the window offers
to restore it.

Drafts belong to the user, not to the workspace (which may lie on a share that others open too): one JSON
file per workspace in the data folder's ``Entwürfe`` folder, named after a hash of the workspace's resolved
path, written to a temporary file and moved into place. A damaged draft file is ignored and removed.

A server workspace (team mode) is keyed by its address without any secret (no ``password``, no
``sslpassword``: :func:`draft_key`), so each colleague's drafts stay in their own data folder and never go to
the server. A draft also remembers the id and version of the stored scenario it was edited from; saving the
restored draft then is refused like any save over a version a colleague stored meanwhile
(``services/scenarios.py``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bildungsplaner import paths

__all__ = ["Draft", "discard_draft", "draft_file", "draft_key", "location_of", "read_draft", "write_draft"]

FOLDER = "Entwürfe"
#: libpq parameters that are secrets: never part of a draft's key or file
SECRET_PARAMS = frozenset({"password", "sslpassword"})


@dataclass(frozen=True)
class Draft:
    #: The workspace the draft belongs to (resolved path).
    workspace: str
    #: The name the scenario is stored under in the workspace; ``None`` for a scenario never saved.
    stored_name: str | None
    #: The scenario file's text (TOML) with the unsaved changes.
    text: str
    #: When the draft was written (UTC).
    written_at: datetime
    #: The stored scenario's row id and version the edits started from (``None``: not stored, or an older draft).
    stored_id: int | None = None
    stored_version: int | None = None


def location_of(workspace: Any) -> Path | str:
    """What drafts are keyed by for an open workspace (``store.database.Workspace``): its file, or for a server
    workspace its address (``location``, a URL; :func:`draft_key` takes the secrets out)."""
    return str(workspace.location) if getattr(workspace, "is_server", False) else Path(workspace.path)


def draft_key(workspace: Path | str) -> str:
    """The workspace as a draft names it: a file's resolved path, or a server address without any password
    (also without ``sslpassword``), in the form the window shows it."""
    if isinstance(workspace, str) and "://" in workspace:
        from bildungsplaner.store import postgres  # (only for a server: the module brings SQLAlchemy along)

        address = postgres.parse_address(str(workspace))
        kept = tuple((k, v) for k, v in address.params if k not in SECRET_PARAMS)
        return dataclasses.replace(address, params=kept).display()
    return str(Path(workspace).resolve())


_key = draft_key


def draft_file(workspace: Path | str) -> Path:
    digest = hashlib.sha256(_key(workspace).encode("utf-8")).hexdigest()[:20]
    return paths.data_dir() / FOLDER / f"{digest}.json"


def write_draft(workspace: Path | str, stored_name: str | None, text: str, *, stored_id: int | None = None,
                stored_version: int | None = None) -> Path:
    """Keep ``text`` as the draft of ``workspace`` (a file or a server address; replacing an older one); returns
    the file (in the user's data folder, also for a server workspace)."""
    target = draft_file(workspace)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": 1, "workspace": _key(workspace), "stored_name": stored_name, "text": text,
            "written_at": datetime.now(UTC).isoformat(), "stored_id": stored_id, "stored_version": stored_version}
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)
    return target


def read_draft(workspace: Path | str) -> Draft | None:
    """The draft of ``workspace``, or ``None`` (also for a damaged or foreign file, which is removed)."""
    target = draft_file(workspace)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        stored_id, stored_version = data.get("stored_id"), data.get("stored_version")
        if not all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in (stored_id,
                                                                                          stored_version)):
            raise ValueError("damaged draft")
        draft = Draft(workspace=str(data["workspace"]), stored_name=data["stored_name"], text=str(data["text"]),
                      written_at=datetime.fromisoformat(data["written_at"]), stored_id=stored_id,
                      stored_version=stored_version)
        if draft.workspace != _key(workspace) or not (draft.stored_name is None or
                                                      isinstance(draft.stored_name, str)):
            raise ValueError("foreign draft")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        target.unlink(missing_ok=True)
        return None
    return draft


def discard_draft(workspace: Path | str) -> None:
    draft_file(workspace).unlink(missing_ok=True)
