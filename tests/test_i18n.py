"""The message catalogue of the core (``bildungsplaner/i18n``): every ``tr``/``marked`` literal below the window
has an English entry with the same fields, no entry is stale, and ``tr`` speaks the language it was set to."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from bildungsplaner import i18n
from bildungsplaner.i18n import marked, set_language, tr, translated
from bildungsplaner.i18n.en import MESSAGES

PACKAGE = Path(i18n.__file__).resolve().parents[1]
CALLS = {"tr", "marked", "_"}


def _core_sources() -> list[Path]:
    """Every module below the window (the window translates with Qt's ``.ts`` file)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts)


def _calls() -> list[tuple[str, int, ast.Call]]:
    found = []
    for path in _core_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in CALLS:
                found.append((str(path.relative_to(PACKAGE)), node.lineno, node))
    return found


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _texts() -> dict[str, tuple[str, int, ast.Call]]:
    return {call.args[0].value: (path, line, call) for path, line, call in _calls()
            if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)}


@pytest.fixture(autouse=True)
def _german_afterwards():
    yield
    set_language("de")


def test_every_message_is_a_literal():
    loose = [f"{path}:{line}" for path, line, call in _calls()
             if not (call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str))]
    assert not loose, f"tr()/marked() need a literal German text (else the catalogue cannot be checked): {loose}"


def test_the_first_batch_is_converted():
    files = {path for path, _, _ in _texts().values()}
    assert {"importing/sniff.py", "importing/tables.py", "store/database.py"} <= files


def test_every_message_has_an_english_entry_with_the_same_fields():
    texts = _texts()
    missing = [f"{path}:{line}: {text!r}" for text, (path, line, _) in texts.items() if text not in MESSAGES]
    assert not missing, "no English text in bildungsplaner/i18n/en.py for:\n" + "\n".join(missing)
    for text, (path, line, call) in texts.items():
        assert _fields(MESSAGES[text]) == _fields(text), f"{path}:{line}: the English text has other fields"
        if call.func.id == "tr" and call.keywords:
            given = {k.arg for k in call.keywords}
            assert given == _fields(text), f"{path}:{line}: fields {given} for the template's {_fields(text)}"


def test_no_stale_entries():
    stale = sorted(set(MESSAGES) - set(_texts()))
    assert not stale, f"catalogue entries no source uses any more: {stale}"


def test_german_is_the_default_and_english_is_looked_up():
    assert i18n.language() == "de"
    assert tr("{name} ist leer (0 Bytes).", name="Schulen, Kitas.csv") == "Schulen, Kitas.csv ist leer (0 Bytes)."
    set_language("en")
    assert i18n.language() == "en"
    assert tr("{name} ist leer (0 Bytes).", name="Schulen, Kitas.csv") == "Schulen, Kitas.csv is empty (0 bytes)."
    assert translated(marked("ein PDF-Dokument")) == "a PDF document"
    assert tr("kein Eintrag im Katalog") == "kein Eintrag im Katalog"  # not in the catalogue: German
    set_language("fr")
    assert i18n.language() == "de"
    assert tr("{name} ist leer (0 Bytes).", name="x.csv") == "x.csv ist leer (0 Bytes)."


def test_braces_without_fields_stay_as_written():
    assert tr("{kein Feld}") == "{kein Feld}"


def test_a_refused_file_speaks_english(tmp_path):
    from bildungsplaner import UserInputError
    from bildungsplaner.importing.sniff import sniff

    empty = tmp_path / "Schulen, Kitas.csv"
    empty.write_bytes(b"")
    set_language("en")
    with pytest.raises(UserInputError, match=r"^Schulen, Kitas\.csv is empty \(0 bytes\)\.$"):
        sniff(empty)


def test_the_catalogue_module_imports_no_qt():
    for path in (PACKAGE / "i18n").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [n for n in names if n.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph")], path
