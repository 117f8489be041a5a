"""User settings, declared once with type and default, stored as JSON in the data folder.

Only this module knows the file; unknown keys are kept, wrong types fall back to the default, and a
damaged file never stops the application (it is renamed and replaced by defaults).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bildungsplaner import paths
from bildungsplaner.i18n import tr

SETTINGS_FILE = "einstellungen.json"
MAX_RECENT = 8


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    description: str


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option("language", str, "de", "Sprache der Oberfläche (de oder en)"),
        Option("recent_workspaces", list, [], "Zuletzt geöffnete Arbeitsbereiche, neueste zuerst"),
        Option("recent_servers", list, [], "Zuletzt geöffnete Server-Arbeitsbereiche (Adressen ohne Kennwort), "
                                          "neueste zuerst"),
        Option("last_workspace", str, "", "Beim Start geöffneter Arbeitsbereich (leer: Standard)"),
        Option("last_directory", str, "", "Zuletzt benutzter Ordner in Dateidialogen"),
        Option("window_layout", dict, {}, "Größe und Lage des Fensters und seiner Teiler (von Qt, Base64)"),
        Option("sidebar", dict, {}, "Seitenleiste je Bereich vom Benutzer ein- (true) oder ausgeblendet (false)"),
        Option("region_selection", dict, {}, "Zuletzt gewählte Gebiete (Schlüssel) je Arbeitsbereich"),
    )
}


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.data_dir() / SETTINGS_FILE
        self._values: dict[str, Any] = {}
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            values = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(values, dict):
                raise ValueError("not an object")
            self._values = values
        except (OSError, ValueError):
            os.replace(self.path, self.path.with_suffix(".json.defekt"))
            self._values = {}

    def get(self, name: str) -> Any:
        option = OPTIONS[name]
        value = self._values.get(name, option.default)
        if not isinstance(value, option.type):
            return option.default.copy() if isinstance(option.default, list | dict) else option.default
        return value.copy() if isinstance(value, list | dict) else value

    def set(self, name: str, value: Any) -> None:
        option = OPTIONS[name]
        if not isinstance(value, option.type):
            raise TypeError(tr("{name} erwartet {type}", name=name, type=option.type.__name__))

        self._values[name] = value
        self.save()

    def save(self) -> None:
        tmp = self.path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self.path)

    def add_recent_workspace(self, workspace: Path) -> list[str]:
        text = str(Path(workspace).resolve())
        recent = [text] + [p for p in self.get("recent_workspaces") if p != text]
        self.set("recent_workspaces", recent[:MAX_RECENT])
        return self.get("recent_workspaces")

    def add_recent_server(self, url: str) -> list[str]:
        """Put the server address ``url`` first in the recent list — always without a password (the address as
        :meth:`~bildungsplaner.store.postgres.ServerAddress.display` shows it)."""
        from bildungsplaner.store.postgres import parse_address

        text = parse_address(url).display()
        recent = [text] + [u for u in self.get("recent_servers") if u != text]
        self.set("recent_servers", recent[:MAX_RECENT])
        return self.get("recent_servers")
