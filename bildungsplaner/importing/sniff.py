"""Decide a file's format by its bytes, and refuse hostile or broken files before any reader sees them.

:func:`sniff` looks at the first bytes, and for zip-based workbooks at the zip directory and the beginning of
each XML part, never at the extension. It returns a :class:`Sniffed` with ``kind`` one of ``genesis``
(GENESIS table CSV), ``ffcsv`` (GENESIS flat file), ``csv`` (any other text table), ``xlsx``, ``xlsm``,
``xls`` and ``ods``, or raises :class:`~bildungsplaner.UserInputError` with one sentence (German, or English through
:mod:`bildungsplaner.i18n`) that says what is wrong and, where possible, what to do.

Refused here (limits are module constants):

* empty files, Excel and LibreOffice lock files (``~$Mappe.xlsx``, ``.~lock.Mappe.ods#``), files over
  :data:`MAX_FILE_SIZE`;
* encrypted workbooks (an OLE container with an ``EncryptedPackage`` stream, or an encrypted xls);
* truncated or damaged zips, zips with too many parts, declared uncompressed sizes over
  :data:`MAX_UNCOMPRESSED` or a compression ratio over :data:`MAX_RATIO` (zip bombs);
* XML parts with a ``DOCTYPE`` (entity expansion, external entities);
* a sheet whose used range (``<dimension ref>``) exceeds :data:`MAX_COLUMNS` or :data:`MAX_CELLS` — the
  reader would allocate the whole rectangle;
* formula cells without a cached value (every reader sees them as empty: missing data, not zero);
* PDF, images, HTML or XML disguised as a workbook, and binary garbage.

What cannot be seen without reading the whole sheet (a used range that lies, a malformed sheet) is left to
the reader, which runs in a child process with limits (:mod:`bildungsplaner.importing.sandbox`).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import marked, tr, translated
from bildungsplaner.importing.encoding import decode_text
from bildungsplaner.importing.ffcsv_header import is_ffcsv_header

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_FILE_SIZE", "MAX_RATIO", "MAX_UNCOMPRESSED", "Sniffed", "sniff"]

MAX_FILE_SIZE = 1024**3
MAX_UNCOMPRESSED = 2 * 1024**3
#: Largest compression ratio of one zip member above 1 MiB (real sheets compress 5-20×).
MAX_RATIO = 200
MAX_ZIP_MEMBERS = 10_000
MAX_COLUMNS = 2_000
MAX_CELLS = 60_000_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP = b"PK\x05\x06"
_SHEET_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
    "application/vnd.ms-excel.template.macroEnabled.main+xml": "xlsm",
}
_ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})?(\d+)?(?::([A-Z]{1,3})(\d+))?"')
#: A formula element directly followed by the end of its cell: no cached ``<v>`` value.
_FORMULA_WITHOUT_VALUE = re.compile(
    rb"(?:<(?:\w+:)?f(?:\s[^>]*)?/>|</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>")
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", marked("ein PDF-Dokument")),
    (b"\x89PNG", marked("ein PNG-Bild")),
    (b"\xff\xd8\xff", marked("ein JPEG-Bild")),
    (b"GIF8", marked("ein GIF-Bild")),
    (b"\x1f\x8b", marked("ein gzip-Archiv")),
    (b"Rar!", marked("ein RAR-Archiv")),
    (b"7z\xbc\xaf", marked("ein 7-Zip-Archiv")),
    (b"SQLite format 3\x00", marked("eine SQLite-Datenbank (ein Arbeitsbereich? Er wird über „Öffnen“ geladen)")),
    (b"MZ", marked("ein Windows-Programm")),
    (b"\x7fELF", marked("ein Programm")),
)


@dataclass(frozen=True)
class Sniffed:
    """What a file is: ``kind``, its ``size`` in bytes, the text ``encoding`` (text kinds) and ``sheets``."""

    kind: str
    size: int
    encoding: str | None = None
    sheets: list[str] = field(default_factory=list)


def _col_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ch - 64
    return number


def sniff(path: Path) -> Sniffed:
    """The format of ``path`` by its bytes; :class:`UserInputError` for files no reader should see."""
    path = Path(path)
    name = path.name
    if name.startswith("~$"):
        raise UserInputError(tr("{name} ist eine Excel-Sperrdatei (Excel legt sie an, solange die Mappe geöffnet "
                                "ist); bitte die Mappe „{workbook}“ selbst importieren.", name=name,
                                workbook=name[2:]))
    if name.startswith(".~lock.") and name.endswith("#"):
        raise UserInputError(tr("{name} ist eine LibreOffice-Sperrdatei; bitte die Datei „{document}“ selbst "
                                "importieren.", name=name, document=name[7:-1]))
    if not path.exists():
        raise UserInputError(tr("Die Datei {path} gibt es nicht.", path=path))
    if path.is_dir():
        raise UserInputError(tr("{path} ist ein Ordner, keine Datei.", path=path))
    size = path.stat().st_size
    if size == 0:
        raise UserInputError(tr("{name} ist leer (0 Bytes).", name=name))
    if size > MAX_FILE_SIZE:
        raise UserInputError(tr("{name} ist mit {size} GiB größer als die erlaubten {maximum} GiB.", name=name,
                                size=f"{size / 1024**3:.1f}", maximum=MAX_FILE_SIZE // 1024**3))
    try:
        with path.open("rb") as handle:
            head = handle.read(65536)
    except OSError as exc:
        raise UserInputError(tr("{name} kann nicht gelesen werden: {error}.", name=name,
                                error=exc.strerror or exc)) from exc
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(path, size)
    if head.startswith(ZIP_MAGIC) or head.startswith(_EMPTY_ZIP):
        return _sniff_zip(path, size)
    for signature, what in _BINARY_SIGNATURES:
        if head.startswith(signature):
            raise UserInputError(tr("{name} ist {what}, keine Tabelle.", name=name, what=translated(what)))
    return _sniff_text(path, head, size)


# --- text --------------------------------------------------------------------------------------------------

def _sniff_text(path: Path, head: bytes, size: int) -> Sniffed:
    name = path.name
    # cut at a line end so that a multi-byte character or a UTF-16 pair is not split
    cut = head if size <= len(head) else head[: max(head.rfind(b"\n") + 1, len(head) - 4) & ~1]
    decoded = decode_text(cut)
    text = decoded.text
    if not text.strip(" \t\r\n\ufeff\x00"):
        raise UserInputError(tr("{name} enthält nur Leerzeichen und Zeilenumbrüche, keine Daten.", name=name))
    controls = sum(1 for ch in text[:20000] if (ord(ch) < 32 and ch not in "\t\r\n\f") or ch == "\ufffd")
    if controls > max(2, len(text[:20000]) // 200):
        raise UserInputError(tr("{name} ist keine Text- oder Tabellendatei (Binärdaten); bitte als xlsx, ods oder "
                                "csv speichern.", name=name))
    if "\x00" in text:
        raise UserInputError(tr("{name} enthält Null-Bytes mitten im Text; die Datei ist beschädigt.", name=name))
    stripped = text.lstrip("\ufeff \t\r\n").lower()
    if stripped.startswith(("<!doctype html", "<html", "<table")) or "<html" in stripped[:2000]:
        raise UserInputError(tr("{name} ist eine HTML-Seite, keine Tabelle; bitte in Excel öffnen und als xlsx "
                                "speichern.", name=name))
    if stripped.startswith("<?xml") or stripped.startswith("<"):
        raise UserInputError(tr("{name} ist eine XML-Datei (z. B. „XML-Kalkulationstabelle 2003“); bitte in Excel "
                                "öffnen und als xlsx speichern.", name=name))
    first_lines = text.lstrip("\ufeff").splitlines()[:12]
    if first_lines and is_ffcsv_header(first_lines[0]):
        return Sniffed("ffcsv", size, decoded.encoding)
    if any(line.lstrip('"').startswith("GENESIS-Tabelle:") for line in first_lines):
        return Sniffed("genesis", size, decoded.encoding)
    return Sniffed("csv", size, decoded.encoding)


# --- OLE (xls, encrypted OOXML) ----------------------------------------------------------------------------

def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _sniff_ole(path: Path, size: int) -> Sniffed:
    name = path.name
    data = path.read_bytes() if size <= 64 * 1024**2 else path.open("rb").read(64 * 1024**2)
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise UserInputError(tr("{name} ist mit einem Kennwort verschlüsselt; bitte in Excel öffnen und ohne "
                                "Kennwort speichern (Datei › Informationen › Arbeitsmappe schützen).", name=name))
    if size < 1536 or size % 512:
        raise UserInputError(tr("{name} ist eine unvollständige oder beschädigte Excel-97-2003-Datei (xls); bitte "
                                "neu speichern oder erneut herunterladen.", name=name))
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return Sniffed("xls", size)
    if _utf16("WordDocument") in data:
        raise UserInputError(tr("{name} ist ein Word-Dokument, keine Tabelle.", name=name))
    if _utf16("PowerPoint Document") in data:
        raise UserInputError(tr("{name} ist eine PowerPoint-Präsentation, keine Tabelle.", name=name))
    raise UserInputError(tr("{name} ist eine Office-Datei ohne Arbeitsmappe; bitte als xlsx speichern.",
                            name=name))


# --- zip (xlsx, xlsm, ods) ---------------------------------------------------------------------------------

def _sniff_zip(path: Path, size: int) -> Sniffed:
    name = path.name
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise UserInputError(tr("{name} ist unvollständig oder beschädigt (das ZIP-Inhaltsverzeichnis fehlt); bitte "
                                "erneut herunterladen oder neu speichern.", name=name)) from exc
    with archive:
        members = archive.infolist()
        if not members:
            raise UserInputError(tr("{name} ist ein leeres ZIP-Archiv.", name=name))
        if len(members) > MAX_ZIP_MEMBERS:
            raise UserInputError(tr("{name} besteht aus {count} Teilen; das ist keine gewöhnliche Arbeitsmappe "
                                    "(ZIP-Bombe?).", name=name, count=format_number(len(members))))
        _check_sizes(name, members)
        names = {m.filename for m in members}
        if any(m.flag_bits & 0x1 for m in members):
            raise UserInputError(tr("{name} enthält verschlüsselte ZIP-Einträge; bitte ohne Kennwort speichern.",
                                    name=name))
        if "mimetype" in names and _read(archive, "mimetype", 200).strip() == _ODS_TYPE:
            kind = "ods"
            xml_parts: list[str] = [n for n in ("content.xml", "styles.xml", "meta.xml") if n in names]
            sheets: list[str] = []
            titles: dict[str, str] = {}
        elif "[Content_Types].xml" in names:
            types = _read(archive, "[Content_Types].xml", 1024**2)
            _refuse_doctype(name, "[Content_Types].xml", types)
            kind = next((k for t, k in _SHEET_TYPES.items() if t.encode() in types), "")
            if not kind:
                what = (tr("ein Word-Dokument") if b"wordprocessingml" in types else
                        tr("eine PowerPoint-Präsentation") if b"presentationml" in types else tr("ein Office-Dokument"))
                raise UserInputError(tr("{name} ist {what} (ZIP), keine Arbeitsmappe.", name=name, what=what))
            xml_parts = sorted(n for n in names if n.endswith((".xml", ".rels")))
            sheets = _sheet_names(archive, name)
            titles = _sheet_titles(archive)  # patterns only, no XML parser: safe before the DOCTYPE check
        else:
            raise UserInputError(tr("{name} ist ein ZIP-Archiv, aber keine Arbeitsmappe (xlsx oder ods); bitte die "
                                    "Tabelle darin auspacken.", name=name))
        for part in xml_parts:
            _refuse_doctype(name, part, _read(archive, part, 4096, titles.get(part)))
        if kind in ("xlsx", "xlsm"):
            for part in sorted(n for n in names if n.startswith("xl/worksheets/") and n.endswith(".xml")):
                _check_sheet(archive, name, part, titles.get(part))
        else:
            _check_ods(archive, name)
    return Sniffed(kind, size, sheets=sheets)


def _check_sizes(name: str, members: list[zipfile.ZipInfo]) -> None:
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED:
        raise UserInputError(tr("{name} würde entpackt {size} GiB groß (erlaubt: {maximum} GiB); das ist eine "
                                "ZIP-Bombe oder keine gewöhnliche Arbeitsmappe.", name=name,
                                size=f"{total / 1024**3:.1f}", maximum=MAX_UNCOMPRESSED // 1024**3))
    for m in members:
        if m.file_size > 1024**2 and m.file_size > MAX_RATIO * max(m.compress_size, 1):
            raise UserInputError(tr("{name}: der Teil {part} ist {value}-fach komprimiert (erlaubt: {maximum}-fach); "
                                    "das ist eine ZIP-Bombe.", name=name, part=m.filename,
                                    value=format_number(m.file_size // max(m.compress_size, 1)),
                                    maximum=MAX_RATIO))


def _read(archive: zipfile.ZipFile, part: str, limit: int, title: str | None = None) -> bytes:
    """The first ``limit`` bytes of ``part``; ``title``: the sheet's name for the message if it is a worksheet."""
    try:
        with archive.open(part) as handle:
            return handle.read(limit)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError) as exc:
        what = tr("das Blatt „{title}“", title=title) if title is not None else tr("der Teil {part}", part=part)
        raise UserInputError(tr("{name}: {what} ist beschädigt ({error}); bitte neu speichern.",
                                name=Path(archive.filename or "").name, what=what, error=exc)) from exc


def _refuse_doctype(name: str, part: str, head: bytes) -> None:
    probe = head[:4096].lower()
    if b"<!doctype" in probe or b"<!entity" in probe:
        raise UserInputError(tr("{name}: der Teil {part} enthält eine DOCTYPE-/ENTITY-Deklaration, wie sie "
                                "XML-Bomben und Angriffe auf lokale Dateien nutzen; Excel schreibt so etwas nie.",
                                name=name, part=part))


def _sheet_names(archive: zipfile.ZipFile, name: str) -> list[str]:
    try:
        workbook = _read(archive, "xl/workbook.xml", 4 * 1024**2)
    except KeyError as exc:
        raise UserInputError(tr("{name} ist beschädigt: xl/workbook.xml fehlt.", name=name)) from exc
    _refuse_doctype(name, "xl/workbook.xml", workbook)
    import html

    return [html.unescape(m.decode("utf-8", "replace"))
            for m in re.findall(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"', workbook)]


def _attribute(tag: bytes, pattern: bytes) -> str | None:
    import html

    found = re.search(rb'\b' + pattern + rb'="([^"]*)"', tag)
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else None


def _sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part (``xl/worksheets/sheet1.xml``) → the sheet's name as Excel shows it on its tab, via
    the relationships of ``xl/workbook.xml``; parts it cannot tell are left out (messages then name the part)."""
    try:
        workbook = _read(archive, "xl/workbook.xml", 4 * 1024**2)
        rels = _read(archive, "xl/_rels/workbook.xml.rels", 4 * 1024**2)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError):
        return {}
    targets: dict[str, str] = {}
    for tag in re.findall(rb"<(?:\w+:)?Relationship\b[^>]*>", rels):
        rel_id, target = _attribute(tag, rb"Id"), _attribute(tag, rb"Target")
        if rel_id and target:
            targets[rel_id] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    titles: dict[str, str] = {}
    for tag in re.findall(rb"<(?:\w+:)?sheet\b[^>]*>", workbook):
        title, rel_id = _attribute(tag, rb"name"), _attribute(tag, rb"\w+:id")
        if title is not None and rel_id in targets:
            titles[targets[rel_id]] = title
    return titles


def _check_sheet(archive: zipfile.ZipFile, name: str, part: str, title: str | None = None) -> None:
    """Used range within limits, and no formula without a cached value (one streaming pass over the part).

    Messages name the sheet by its ``title`` (the tab's name); only where that is unknown by the part's file.
    """
    sheet = f"„{title}“" if title is not None else part.rsplit("/", 1)[-1]
    head = _read(archive, part, 65536)
    match = _DIMENSION.search(head)
    if match and match.group(3):
        columns = _col_number(match.group(3)) - _col_number(match.group(1) or b"A") + 1
        rows = int(match.group(4)) - int(match.group(2) or 1) + 1
        if columns > MAX_COLUMNS or columns * rows > MAX_CELLS:
            ref = match.group(0).split(b'"')[1].decode()
            raise UserInputError(tr("{name}: das Blatt {sheet} reicht bis {ref} ({rows} Zeilen × {columns} Spalten); "
                                    "so große Bereiche werden nicht gelesen. Bitte die leeren Zeilen und Spalten am "
                                    "Rand löschen und neu speichern.", name=name, sheet=sheet, ref=ref,
                                    rows=format_number(rows), columns=format_number(columns)))
    try:
        with archive.open(part) as handle:
            tail = b""
            while chunk := handle.read(4 * 1024**2):
                window = tail + chunk
                if b"<f" in window or b":f" in window:
                    found = _FORMULA_WITHOUT_VALUE.search(window)
                    if found:
                        raise UserInputError(
                            tr("{name}: das Blatt {sheet} enthält Formeln ohne gespeicherte Ergebnisse (die Datei "
                               "wurde nicht von Excel berechnet gespeichert); bitte in Excel oder LibreOffice "
                               "öffnen, neu berechnen und speichern — sonst fehlten diese Werte.", name=name,
                               sheet=sheet))
                tail = window[-512:]
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise UserInputError(tr("{name}: das Blatt {sheet} ist beschädigt ({error}); bitte erneut herunterladen oder "
                                "neu speichern.", name=name, sheet=sheet, error=exc)) from exc


def _check_ods(archive: zipfile.ZipFile, name: str) -> None:
    if "content.xml" not in archive.namelist():
        raise UserInputError(tr("{name} ist beschädigt: content.xml fehlt.", name=name))
    repeated = 0
    with archive.open("content.xml") as handle:
        tail = b""
        while chunk := handle.read(4 * 1024**2):
            window = tail + chunk
            for value in re.findall(rb'number-columns-repeated="(\d+)"', window):
                repeated = max(repeated, int(value))
            tail = window[-256:]
    if repeated > 16384:
        raise UserInputError(tr("{name}: eine Zeile wiederholt eine Zelle {count}-mal; so breite Tabellen werden "
                                "nicht gelesen.", name=name, count=format_number(repeated)))
