"""Start-up self-check of the installation (Qt-free): is it safe and complete?

Used by the frozen application's ``--smoke-test`` (see ``installer/hooks/pyi_rth_bildungsplaner.py``) and by
the tests. It checks what a broken or stripped-down bundle would get wrong silently:

* openpyxl must parse workbooks through ``defusedxml`` (``openpyxl.DEFUSEDXML is True``); without it a
  crafted xlsx (XML bomb, external entities) is parsed by the plain standard-library parser;
* inside a PyInstaller bundle: the Alembic migration scripts (loaded from files, not from the archive), the
  compiled application translations, Qt's German translation, the handbook, the licence texts and
  python-docx's default template (the Bildungsbericht) must be present.

Importing openpyxl costs about 80 ms, so this does not run on every start, only when asked.
"""

from __future__ import annotations

from pathlib import Path

from bildungsplaner import BildungsplanerError, paths

__all__ = ["SelfCheckError", "bundle_problems", "defusedxml_problems", "problems", "verify"]

#: Files (relative to the bundle's resource root ``sys._MEIPASS``) every frozen build must contain.
BUNDLE_FILES = (
    "bildungsplaner/store/migrations/env.py",
    "bildungsplaner/store/migrations/script.py.mako",
    "resources/translations/bildungsplaner_en.qm",
    "resources/icons/bildungsplaner.svg",
    "resources/help/hilfe.html",
    "PySide6/Qt/translations/qtbase_de.qm",
    "LICENSES/README.txt",
    # python-docx builds every Bildungsbericht from its default template (a data file, not a module)
    "docx/templates/default.docx",
)
#: Where PySide6 keeps Qt's files differs: ``PySide6/Qt/…`` in Linux wheels, ``PySide6/…`` in Windows wheels.
_ALTERNATIVES = {"PySide6/Qt/translations/qtbase_de.qm": ("PySide6/translations/qtbase_de.qm",)}


class SelfCheckError(BildungsplanerError):
    """The installation is incomplete or unsafe; the message lists what is wrong."""


def defusedxml_problems() -> list[str]:
    """Empty when openpyxl really uses defusedxml, else German messages."""
    try:
        import defusedxml  # noqa: F401 - only its presence is checked here
    except ImportError:
        return ["Das Modul defusedxml fehlt; Excel-Dateien könnten nicht sicher gelesen werden."]
    import openpyxl

    if getattr(openpyxl, "DEFUSEDXML", None) is not True:
        return ["openpyxl liest Excel-Dateien ohne defusedxml (openpyxl.DEFUSEDXML ist nicht True); "
                "manipulierte Dateien könnten den Rechner lahmlegen."]
    return []


def bundle_problems(root: Path | None = None) -> list[str]:
    """Missing files of a frozen bundle (German messages); empty outside a bundle unless ``root`` is given."""
    if root is None:
        if not paths.is_frozen():
            return []
        root = paths.bundle_dir()
    found = [f"Im Programmordner fehlt {name}." for name in BUNDLE_FILES
             if not any((root / n).is_file() for n in (name, *_ALTERNATIVES.get(name, ())))]
    versions = root / "bildungsplaner" / "store" / "migrations" / "versions"
    if not any(versions.glob("0*.py")):
        found.append("Im Programmordner fehlen die Migrationsskripte der Datenbank.")
    return found


def problems() -> list[str]:
    """All problems found (German, one line each)."""
    return defusedxml_problems() + bundle_problems()


def verify() -> None:
    """Raise :class:`SelfCheckError` listing every problem; return silently when all is well."""
    found = problems()
    if found:
        raise SelfCheckError("Selbsttest der Installation fehlgeschlagen: " + " ".join(found))
