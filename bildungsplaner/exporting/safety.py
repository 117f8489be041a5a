"""Text from imported data is data: never a live formula, never a link, never a broken file.

A region or school name such as ``=HYPERLINK("http://x","y")`` or ``+cmd|'/C calc'!A0`` came from somebody
else's file. In a workbook it is written as a string cell (openpyxl would otherwise store any text starting
with ``=`` as a formula, see DESIGN.md); in a CSV, which Excel parses on opening, it gets a leading
apostrophe (the OWASP rule for cells starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return).
Control characters (which openpyxl refuses with ``IllegalCharacterError``) are removed and text is cut at
Excel's 32,767 characters per cell; sheet names follow Excel's rules (31 characters, none of ``[]:*?/\\``,
not empty, not ``History``, unique ignoring case).

Also the atomic write: :func:`atomic_target` yields a temporary path beside the target and moves it into
place only when the writer finished, so an existing file is replaced whole or left untouched; a target that
Excel holds open gives a clear message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bildungsplaner import UserInputError
from bildungsplaner.i18n import tr

__all__ = ["MAX_CELL_TEXT", "atomic_target", "clean_text", "csv_text", "sheet_title"]

MAX_CELL_TEXT = 32_767
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def clean_text(value: object) -> str:
    """Text for a cell: control characters removed (tab and line breaks kept), at most 32,767 characters."""
    text = _CONTROL.sub("", str(value))
    if len(text) > MAX_CELL_TEXT:
        text = text[: MAX_CELL_TEXT - 1] + "…"
    return text


def csv_text(value: object) -> str:
    """Text for a CSV cell that Excel will open: cleaned, and a leading ``'`` before a formula start."""
    text = clean_text(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A valid, unique worksheet name from ``name`` (``taken`` holds names in use; compared ignoring case)."""
    title = _SHEET_FORBIDDEN.sub("_", clean_text(name).replace("\n", " ")).strip("' ") or "Tabelle"
    if title.lower() == "history":
        title = "History_"
    title = title[:31]
    used = {t.lower() for t in taken or set()}
    candidate, n = title, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate = title[: 31 - len(suffix)] + suffix
        n += 1
    return candidate


def _lock_files(target: Path) -> list[Path]:
    return [target.with_name(f"~${target.name}"), target.with_name(f".~lock.{target.name}#")]


@contextmanager
def atomic_target(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target`` in one step."""
    target = Path(target)
    if not target.parent.is_dir():
        raise UserInputError(tr("Der Ordner {folder} existiert nicht.", folder=target.parent))
    for lock in _lock_files(target):
        if lock.exists():
            raise UserInputError(tr("{name} ist gerade in Excel oder LibreOffice geöffnet; bitte dort schließen und "
                                    "noch einmal exportieren.", name=target.name))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        os.replace(tmp, target)
    except PermissionError as exc:
        raise UserInputError(tr("{name} kann nicht geschrieben werden (in einem anderen Programm geöffnet oder "
                                "schreibgeschützt): {error}.", name=target.name, error=exc.strerror or exc)) from exc

    finally:
        tmp.unlink(missing_ok=True)
