"""Unsaved scenario edits kept on disk, so a crash or a power cut loses nothing.

While a scenario in the planning editor has unsaved changes, the editor writes its text here (debounced,
about once a second while editing); saving or discarding the changes removes the draft. A draft that is
still there when the workspace is opened again means the program did not end normally: the window offers
to restore it.

Drafts belong to the user, not to the workspace (which may lie on a share that others open too): one JSON
file per workspace in the data folder's ``Entwürfe`` folder, named after a hash of the workspace's resolved
path, written to a temporary file and moved into place. A damaged draft file is ignored and removed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bildungsplaner import paths

__all__ = ["Draft", "discard_draft", "draft_file", "read_draft", "write_draft"]

FOLDER = "Entwürfe"


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


def _key(workspace: Path) -> str:
    return str(Path(workspace).resolve())


def draft_file(workspace: Path) -> Path:
    digest = hashlib.sha256(_key(workspace).encode("utf-8")).hexdigest()[:20]
    return paths.data_dir() / FOLDER / f"{digest}.json"


def write_draft(workspace: Path, stored_name: str | None, text: str) -> Path:
    """Keep ``text`` as the draft of ``workspace`` (replacing an older one); returns the file."""
    target = draft_file(workspace)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": 1, "workspace": _key(workspace), "stored_name": stored_name, "text": text,
            "written_at": datetime.now(UTC).isoformat()}
    tmp = target.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, target)
    return target


def read_draft(workspace: Path) -> Draft | None:
    """The draft of ``workspace``, or ``None`` (also for a damaged or foreign file, which is removed)."""
    target = draft_file(workspace)
    try:
        data = json.loads(target.read_text(encoding="utf-8"))
        draft = Draft(workspace=str(data["workspace"]), stored_name=data["stored_name"], text=str(data["text"]),
                      written_at=datetime.fromisoformat(data["written_at"]))
        if draft.workspace != _key(workspace) or not (draft.stored_name is None or
                                                      isinstance(draft.stored_name, str)):
            raise ValueError("foreign draft")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        target.unlink(missing_ok=True)
        return None
    return draft


def discard_draft(workspace: Path) -> None:
    draft_file(workspace).unlink(missing_ok=True)
