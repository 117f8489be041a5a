"""A corpus of hostile and broken input files, built fresh by the tests (nothing binary is committed).

:func:`build_corpus` writes every case into a folder and returns :class:`Case` objects: the file, the extra
command-line arguments of its import (a template, a sheet) and a part of the German message the import must
give. Each case stands for something that reaches an education office in practice (a lock file picked by
mistake, a download cut short, a workbook with a password) or for an attack on the reader (zip and XML
bombs, external entities, a used range that makes python-calamine abort the process).
"""

from __future__ import annotations

import io
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"


@dataclass
class Case:
    name: str
    path: Path
    message: str
    args: list[str] = field(default_factory=list)


# --- building blocks ---------------------------------------------------------------------------------------

def _workbook_bytes(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Daten"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SMALL = [["AGS", "Gemeinde", "Einwohner"], ["05978004", "Bergkamen", 47803], ["05978008", "Fröndenberg", 20800]]


def _rewrite(data: bytes, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the zip ``data`` with members replaced (``None`` drops one) and added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return out.getvalue()


def _sheet_xml(cells: str, dimension: str | None) -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxml'
            f'formats.org/spreadsheetml/2006/main">{dim}<sheetData>{cells}</sheetData></worksheet>').encode()


def _ole(streams: list[str], size: int = 4096) -> bytes:
    """A compound file (OLE2) header and a directory sector naming ``streams`` (enough for a sniffer)."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 24, 0x3E, 3, 0xFFFE, 9)
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry", *streams][:4]):
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        struct.pack_into("<64sHB", directory, i * 128, encoded, len(encoded), 5 if i == 0 else 2)
    body = bytes(header) + bytes(directory)
    return body + bytes(size - len(body))


def _ods(content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>", zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _patch_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Claim ``size`` uncompressed bytes for ``member`` in the zip's central directory."""
    patched = bytearray(data)
    position = patched.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        name = bytes(patched[position + 46:position + 46 + name_length]).decode()
        if name == member:
            struct.pack_into("<I", patched, position + 24, size)
        position = patched.find(b"PK\x01\x02", position + 46)
    return bytes(patched)


TEMPLATE = """format = 1
name = "Einwohner"
target = "observations"
[regions]
key = "AGS"
name = "Gemeinde"
[observations]
fixed_period = "31.12.2024"
[[observations.measures]]
column = "Einwohner"
indicator = "BEV"
unit = "Anzahl"
"""


# --- the corpus --------------------------------------------------------------------------------------------

def build_corpus(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, content: bytes | None, message: str, args: list[str] | None = None) -> Path:
        path = folder / name
        if content is not None:
            path.write_bytes(content)
        cases.append(Case(name, path, message, args or []))
        return path

    template = folder / "vorlage_einwohner.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    with_template = ["--template", str(template)]
    good = _workbook_bytes(SMALL)

    # files picked by mistake
    add("leer.xlsx", b"", "ist leer (0 Bytes)")
    add("nur_leerzeilen.csv", b"  \r\n\r\n\t\r\n", "nur Leerzeichen und Zeilenumbrüche")
    add("~$Schulliste.xlsx", b"\x0bMax Muster" + bytes(150), "Excel-Sperrdatei")
    add(".~lock.Schulliste.ods#", b"Max Muster,host,user,25.11.2026 10:00,", "LibreOffice-Sperrdatei")
    (folder / "ordner.xlsx").mkdir(exist_ok=True)
    add("ordner.xlsx", None, "ist ein Ordner")
    add("bericht.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "ein PDF-Dokument")
    add("karte.csv", b"\x89PNG\r\n\x1a\n" + bytes(64), "ein PNG-Bild")
    add("arbeitsbereich.csv", b"SQLite format 3\x00" + bytes(100), "eine SQLite-Datenbank")
    add("rauschen.xls", bytes((i * 7919 + 13) % 256 for i in range(5000)), "Binärdaten")
    add("webseite.xls", b"<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>",
        "eine HTML-Seite")
    add("xml2003.xls", b'<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
        b"</Workbook>", "XML-Kalkulationstabelle 2003")
    add("nullbyte.csv", b"AGS;Gemeinde;Einwohner\r\n05978004;Berg\x00kamen;47803\r\n", "Null-Bytes")
    sparse = add("riesig.csv", None, "größer als die erlaubten 1 GiB")
    with sparse.open("wb") as handle:
        handle.truncate(1024**3 + 1)

    # Office containers
    add("verschluesselt.xlsx", _ole(["EncryptionInfo", "EncryptedPackage"]), "bitte in Excel öffnen und ohne Kennwort")
    add("abgeschnitten.xls", _ole(["Workbook"])[:1000], "unvollständige oder beschädigte Excel-97-2003-Datei")
    add("brief.xls", _ole(["WordDocument", "1Table"]), "ein Word-Dokument, keine Tabelle")
    add("abgebrochen.xlsx", good[: len(good) * 3 // 5], "das ZIP-Inhaltsverzeichnis fehlt")
    damaged = bytearray(good)
    sheet_at = damaged.find(b"xl/worksheets/sheet1.xml") + len(b"xl/worksheets/sheet1.xml")
    damaged[sheet_at + 10:sheet_at + 60] = bytes(50)
    add("kaputt.xlsx", bytes(damaged), "das Blatt „Daten“ ist beschädigt")
    docx = _rewrite(good, {"[Content_Types].xml": b'<?xml version="1.0"?><Types><Override ContentType="application/'
                           b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'})
    add("vermerk.xlsx", docx, "ein Word-Dokument (ZIP)")
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("daten.csv", "AGS;Einwohner\n05978004;47803\n")
    add("download.xlsx", plain_zip.getvalue(), "ZIP-Archiv, aber keine Arbeitsmappe")
    add("ohne_workbook.xlsx", _rewrite(good, {"xl/workbook.xml": None}), "xl/workbook.xml fehlt")

    # bombs and entities
    padding = b" " * (300 * 1024**2)
    add("zipbombe.xlsx", _rewrite(good, {}, {"xl/media/leer.bin": padding}), "-fach komprimiert")
    add("angeblich_riesig.xlsx", _patch_declared_size(good, "xl/styles.xml", 0xF0000000), "würde entpackt 3.8 GiB")
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for i in range(10_001):
            archive.writestr(f"xl/teil{i}.xml", b"")
    add("tausend_teile.xlsx", many.getvalue(), "besteht aus 10.001 Teilen")
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
    add("xmlbombe.xlsx", _rewrite(good, {"xl/sharedStrings.xml": laughs} if "xl/sharedStrings.xml" in
                                  zipfile.ZipFile(io.BytesIO(good)).namelist() else {},
                                  {} if "xl/sharedStrings.xml" in zipfile.ZipFile(io.BytesIO(good)).namelist()
                                  else {"xl/sharedStrings.xml": laughs}), "der Teil xl/sharedStrings.xml")
    external = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><workbook xmlns='
                b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="&xxe;" sheetId="1" '
                b'r:id="rId1"/></sheets></workbook>')
    add("xxe.xlsx", _rewrite(good, {"xl/workbook.xml": external}), "der Teil xl/workbook.xml")
    add("xxe.ods", _ods(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><doc>&e;</doc>'),
        "der Teil content.xml")

    # used ranges and formulas
    huge = _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
                      "A1:XFD1048576")
    add("riesenbereich.xlsx", _rewrite(good, {"xl/worksheets/sheet1.xml": huge}),
        "das Blatt „Daten“ reicht bis A1:XFD1048576")
    liar = _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
                      "A1:B2")
    add("luegt.xlsx", _rewrite(good, {"xl/worksheets/sheet1.xml": liar}), "zum Absturz gebracht", with_template)
    wide = _sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>2</v></c></row>', None)
    add("breit.xlsx", _rewrite(good, {"xl/worksheets/sheet1.xml": wide}), "16.384 Spalten", with_template)
    add("formeln.xlsx", _workbook_bytes([*SMALL, ["05978", "Summe", "=SUM(C2:C3)"]]),
        "das Blatt „Daten“ enthält Formeln ohne gespeicherte Ergebnisse")
    broken_xml = _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"', "A1:A2")
    add("ungueltig.xlsx", _rewrite(good, {"xl/worksheets/sheet1.xml": broken_xml}), "ist beschädigt und kann nicht",
        with_template)
    add("falsches_blatt.xlsx", good, "hat kein Tabellenblatt „Tabelle9“", [*with_template, "--sheet", "Tabelle9"])

    # text tables with a template
    add("ungleichmaessig.csv", ("AGS;Gemeinde;Einwohner\r\n" + "05978004;Bergkamen;47803\r\n" * 600
                               + "05978008;Fröndenberg;20800;x;y;z\r\n").encode(), "Zeile 602 hat 6 Felder",
        with_template)
    add("spalte_fehlt.csv", "AGS;Gemeinde;Bevölkerung\r\n05978004;Bergkamen;47803\r\n".encode("cp1252"),
        "keine Spalte „Einwohner“", with_template)
    add("keine_zahl.csv", "AGS;Gemeinde;Einwohner\r\n05978004;Bergkamen;47803\r\n05978008;Fröndenberg;viele\r\n"
        .encode(), "„viele“", with_template)
    add("ohne_vorlage.csv", b"AGS;Gemeinde;Einwohner\r\n05978004;Bergkamen;47803\r\n",
        "braucht der Import eine Importvorlage")

    # statistics files cut short or damaged
    genesis = (REAL_DATA / "genesis_12411-01-01-5_00.csv").read_bytes()
    lines = genesis.split(b"\n")
    add("genesis_nur_kopf.csv", b"\n".join(lines[:8]) + b"\n", "GENESIS")
    add("ffcsv_ohne_wert.csv", b"statistics_code;statistics_label;time_code;time_label;time;1_variable_code;"
        b"1_variable_label;1_variable_attribute_code;1_variable_attribute_label\n12411;Bev;STAG;Stichtag;2015-12-31;"
        b"KREISE;Kreise;05978;Unna\n", "fehlt die Spalte „value“")
    return cases

