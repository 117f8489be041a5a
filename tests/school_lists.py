"""School lists and the import template for them, shared by the undo tests (service, command line, Import page).

A Schulliste as an office keeps it: one row per school with its Schulnummer, name, Gemeinde (AGS) and some
attributes; the template imports it as facilities of kind „Grundschule“ with the attributes named.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from bildungsplaner.importing.template import ImportTemplate

_TEMPLATE = """
format = 1
name = "Schulliste"
target = "facilities"
[regions]
key = "AGS"
[facilities]
key = "Schulnummer"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
attributes = {{ {attributes} }}
"""

SOZIALINDEX = 'sozialindex = "Sozialindex"'


def schools_template_text(attributes: str = SOZIALINDEX) -> str:
    """The template as TOML text; ``attributes``: the inside of the attributes table."""
    return textwrap.dedent(_TEMPLATE.format(attributes=attributes)).lstrip()


def schools_template(attributes: str = SOZIALINDEX) -> ImportTemplate:
    return ImportTemplate.loads(schools_template_text(attributes))


def school_list(path: Path, rows: list[str], columns: str = "Schulnummer;Name;AGS;Sozialindex") -> Path:
    """Write a ``;``-separated list with the header ``columns`` and ``rows`` to ``path`` (folders created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(columns + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path
