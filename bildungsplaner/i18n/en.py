"""English texts of the core's messages: German template (the source) → English, with the same ``{fields}``.

``tests/test_i18n.py`` checks that every ``tr``/``marked`` literal below the window has an entry here, with the
same fields, and that no entry is left over. Numbers arrive formatted (German grouping), as fields.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- importing/sniff.py: files refused before any reader sees them ---
    "ein PDF-Dokument": "a PDF document",
    "ein PNG-Bild": "a PNG image",
    "ein JPEG-Bild": "a JPEG image",
    "ein GIF-Bild": "a GIF image",
    "ein gzip-Archiv": "a gzip archive",
    "ein RAR-Archiv": "a RAR archive",
    "ein 7-Zip-Archiv": "a 7-Zip archive",
    "eine SQLite-Datenbank (ein Arbeitsbereich? Er wird über „Öffnen“ geladen)":
        "an SQLite database (a workspace? Workspaces are loaded with “Open”)",
    "ein Windows-Programm": "a Windows program",
    "ein Programm": "a program",
    "ein Word-Dokument": "a Word document",
    "eine PowerPoint-Präsentation": "a PowerPoint presentation",
    "ein Office-Dokument": "an Office document",
    "{name} ist eine Office-Datei ohne Arbeitsmappe; bitte als xlsx speichern.":
        "{name} is an Office file without a workbook; please save it as xlsx.",
    "{name} ist eine Excel-Sperrdatei (Excel legt sie an, solange die Mappe geöffnet ist); bitte die Mappe "
    "„{workbook}“ selbst importieren.":
        "{name} is an Excel lock file (Excel creates it while the workbook is open); please import the workbook "
        "“{workbook}” itself.",
    "{name} ist eine LibreOffice-Sperrdatei; bitte die Datei „{document}“ selbst importieren.":
        "{name} is a LibreOffice lock file; please import the file “{document}” itself.",
    "Die Datei {path} gibt es nicht.": "The file {path} does not exist.",
    "{path} ist ein Ordner, keine Datei.": "{path} is a folder, not a file.",
    "{name} ist leer (0 Bytes).": "{name} is empty (0 bytes).",
    "{name} ist mit {size} GiB größer als die erlaubten {maximum} GiB.":
        "At {size} GiB, {name} is larger than the permitted {maximum} GiB.",
    "{name} enthält nur Leerzeichen und Zeilenumbrüche, keine Daten.":
        "{name} contains only spaces and line breaks, no data.",
    "{name} ist keine Text- oder Tabellendatei (Binärdaten); bitte als xlsx, ods oder csv speichern.":
        "{name} is not a text or spreadsheet file (binary data); please save it as xlsx, ods or csv.",
    "{name} enthält Null-Bytes mitten im Text; die Datei ist beschädigt.":
        "{name} contains null bytes within the text; the file is damaged.",
    "{name} ist eine HTML-Seite, keine Tabelle; bitte in Excel öffnen und als xlsx speichern.":
        "{name} is an HTML page, not a table; please open it in Excel and save it as xlsx.",
    "{name} ist eine XML-Datei (z. B. „XML-Kalkulationstabelle 2003“); bitte in Excel öffnen und als xlsx "
    "speichern.":
        "{name} is an XML file (e.g. “XML Spreadsheet 2003”); please open it in Excel and save it as xlsx.",
    "{name} ist mit einem Kennwort verschlüsselt; bitte in Excel öffnen und ohne Kennwort speichern (Datei › "
    "Informationen › Arbeitsmappe schützen).":
        "{name} is encrypted with a password; please open it in Excel and save it without a password (File › "
        "Info › Protect Workbook).",
    "{name} ist eine unvollständige oder beschädigte Excel-97-2003-Datei (xls); bitte neu speichern oder erneut "
    "herunterladen.":
        "{name} is an incomplete or damaged Excel 97-2003 file (xls); please save it again or download it again.",
    "{name} ist ein Word-Dokument, keine Tabelle.": "{name} is a Word document, not a table.",
    "{name} ist eine PowerPoint-Präsentation, keine Tabelle.": "{name} is a PowerPoint presentation, not a table.",
    "{name} ist {what}, keine Tabelle.": "{name} is {what}, not a table.",
    "{name} kann nicht gelesen werden: {error}.": "{name} cannot be read: {error}.",
    "{name} würde entpackt {size} GiB groß (erlaubt: {maximum} GiB); das ist eine ZIP-Bombe oder keine "
    "gewöhnliche Arbeitsmappe.":
        "Unpacked, {name} would be {size} GiB (permitted: {maximum} GiB); this is a ZIP bomb or not an ordinary "
        "workbook.",
    "{name}: der Teil {part} enthält eine DOCTYPE-/ENTITY-Deklaration, wie sie XML-Bomben und Angriffe auf lokale "
    "Dateien nutzen; Excel schreibt so etwas nie.":
        "{name}: the part {part} contains a DOCTYPE/ENTITY declaration as used by XML bombs and attacks on local "
        "files; Excel never writes such a thing.",
    "{name} ist beschädigt: content.xml fehlt.": "{name} is damaged: content.xml is missing.",
    "{name}: eine Zeile wiederholt eine Zelle {count}-mal; so breite Tabellen werden nicht gelesen.":
        "{name}: a row repeats a cell {count} times; tables this wide are not read.",
    "{name} ist unvollständig oder beschädigt (das ZIP-Inhaltsverzeichnis fehlt); bitte erneut herunterladen oder "
    "neu speichern.":
        "{name} is incomplete or damaged (the ZIP directory is missing); please download it again or save it "
        "again.",
    "{name} ist ein leeres ZIP-Archiv.": "{name} is an empty ZIP archive.",
    "{name} besteht aus {count} Teilen; das ist keine gewöhnliche Arbeitsmappe (ZIP-Bombe?).":
        "{name} consists of {count} parts; this is not an ordinary workbook (ZIP bomb?).",
    "{name} enthält verschlüsselte ZIP-Einträge; bitte ohne Kennwort speichern.":
        "{name} contains encrypted ZIP entries; please save it without a password.",
    "{name}: der Teil {part} ist {value}-fach komprimiert (erlaubt: {maximum}-fach); das ist eine ZIP-Bombe.":
        "{name}: the part {part} is compressed {value}-fold (permitted: {maximum}-fold); this is a ZIP bomb.",
    "das Blatt „{title}“": "the sheet “{title}”",
    "der Teil {part}": "the part {part}",
    "{name}: {what} ist beschädigt ({error}); bitte neu speichern.":
        "{name}: {what} is damaged ({error}); please save it again.",
    "{name} ist beschädigt: xl/workbook.xml fehlt.": "{name} is damaged: xl/workbook.xml is missing.",
    "{name}: das Blatt {sheet} reicht bis {ref} ({rows} Zeilen × {columns} Spalten); so große Bereiche werden "
    "nicht gelesen. Bitte die leeren Zeilen und Spalten am Rand löschen und neu speichern.":
        "{name}: the sheet {sheet} extends to {ref} ({rows} rows × {columns} columns); ranges this large are not "
        "read. Please delete the empty rows and columns at the edge and save again.",
    "{name}: das Blatt {sheet} ist beschädigt ({error}); bitte erneut herunterladen oder neu speichern.":
        "{name}: the sheet {sheet} is damaged ({error}); please download it again or save it again.",
    "{name} ist ein ZIP-Archiv, aber keine Arbeitsmappe (xlsx oder ods); bitte die Tabelle darin auspacken.":
        "{name} is a ZIP archive but not a workbook (xlsx or ods); please unpack the table inside it.",
    "{name} ist {what} (ZIP), keine Arbeitsmappe.": "{name} is {what} (ZIP), not a workbook.",
    "{name}: das Blatt {sheet} enthält Formeln ohne gespeicherte Ergebnisse (die Datei wurde nicht von Excel "
    "berechnet gespeichert); bitte in Excel oder LibreOffice öffnen, neu berechnen und speichern — sonst fehlten "
    "diese Werte.":
        "{name}: the sheet {sheet} contains formulas without stored results (the file was not saved calculated "
        "by Excel); please open it in Excel or LibreOffice, recalculate and save — otherwise these values would "
        "be missing.",
    # --- importing/tables.py: reading a generic table ---
    "{name} hat {count} Spalten; mehr als {maximum} werden nicht gelesen.":
        "{name} has {count} columns; more than {maximum} are not read.",
    "{name}: das Blatt „{chosen}“ hat {count} Spalten; mehr als {maximum} werden nicht gelesen.":
        "{name}: the sheet “{chosen}” has {count} columns; more than {maximum} are not read.",
    "{name}: unter der Kopfzeile (Zeile {line}) folgen keine Datenzeilen.":
        "{name}: no data rows follow the header row (row {line}).",
    "{name}: unter der Kopfzeile (Zeile {line}) stehen keine Daten.":
        "{name}: there are no data below the header row (row {line}).",
    "{name} ist keine gleichmäßige Tabelle: {detail}": "{name} is not a regular table: {detail}",
    "{name} ist beschädigt und kann nicht gelesen werden ({error}); bitte in Excel oder LibreOffice öffnen und neu "
    "speichern.":
        "{name} is damaged and cannot be read ({error}); please open it in Excel or LibreOffice and save it again.",
    "{name}: das Format „{kind}“ kann nicht als Tabelle gelesen werden.":
        "{name}: the format “{kind}” cannot be read as a table.",
    "{name} (Blatt „{sheet}“) enthält keine Daten.": "{name} (sheet “{sheet}”) contains no data.",
    "{name} enthält keine Daten.": "{name} contains no data.",
    "{name} hat kein Tabellenblatt „{sheet}“.": "{name} has no sheet “{sheet}”.",
    "{name} ist mit einem Kennwort geschützt; bitte ohne Kennwort speichern.":
        "{name} is protected with a password; please save it without a password.",
    # --- importing/columns.py, importing/readers.py: values and formats ---
    "Spalte „{column}“, Zeile {row}": "column “{column}”, row {row}",
    "Zeile {row}": "row {row}",
    "{where}: „{shown}“ ist keine Zahl{hint}.": "{where}: “{shown}” is not a number{hint}.",
    " (die Spalte mischt deutsche und englische Schreibweise)": " (the column mixes German and English notation)",
    "Zeile {row}: Die GENESIS-Tabelle nennt für diese Werte keinen Zeitpunkt.":
        "Row {row}: the GENESIS table names no point in time for these values.",
    "{name} ist eine allgemeine Tabelle ({kind}); dafür braucht der Import eine Importvorlage, die sagt, welche "
    "Spalte was enthält (--template VORLAGE.toml oder der Import-Assistent).":
        "{name} is a general table ({kind}); importing it needs an import template that says which column holds "
        "what (--template TEMPLATE.toml or the import assistant).",
    # --- store/database.py: opening a workspace ---
    "Der Arbeitsbereich {name} stammt aus einer neueren Version von Bildungsplaner (Schemastand {revision}). "
    "Bitte installieren Sie die aktuelle Version; die Datei bleibt unverändert.":
        "The workspace {name} comes from a newer version of Bildungsplaner (schema revision {revision}). Please "
        "install the current version; the file stays unchanged.",
    "Der Arbeitsbereich {path} existiert nicht.": "The workspace {path} does not exist.",
    "{path} ist ein Ordner, kein Arbeitsbereich.": "{path} is a folder, not a workspace.",
    "{path} ist keine Bildungsplaner-Arbeitsbereichsdatei.": "{path} is not a Bildungsplaner workspace file.",
    "{path} ist eine Datenbank, aber kein Bildungsplaner-Arbeitsbereich.":
        "{path} is a database but not a Bildungsplaner workspace.",
    "{path} kann nicht gelesen werden: {error}": "{path} cannot be read: {error}",
    " Sicherung: {path}.": " Backup: {path}.",
    "Die Aktualisierung des Arbeitsbereichs {name} auf Schemastand {head} ist fehlgeschlagen ({error_type}: "
    "{error}); die Datei ist unverändert.{kept}":
        "Updating the workspace {name} to schema revision {head} failed ({error_type}: {error}); the file is "
        "unchanged.{kept}",
    "Die Migration des Arbeitsbereichs wurde abgebrochen, weil Verweise fehlen: {problem}":
        "The migration of the workspace was aborted because references are missing: {problem}",
    "Der Arbeitsbereich {name} wurde nicht aktualisiert (Schemastand {revision}, diese Version braucht {head}) und "
    "nicht geöffnet; auf dem Server ist nichts geändert.":
        "The workspace {name} was not updated (schema revision {revision}, this version needs {head}) and not "
        "opened; nothing was changed on the server.",
}

# One file per area (imported here, so the catalogue stays one dict): importing/exporting, planning/services/cli,
# indicators, geo.
from bildungsplaner.i18n.en_geo import MESSAGES as _GEO  # noqa: E402
from bildungsplaner.i18n.en_importing import MESSAGES as _IMPORTING  # noqa: E402
from bildungsplaner.i18n.en_indicators import MESSAGES as _INDICATORS  # noqa: E402
from bildungsplaner.i18n.en_planning import MESSAGES as _PLANNING  # noqa: E402
from bildungsplaner.i18n.en_reporting import MESSAGES as _REPORTING  # noqa: E402

for _part in (_IMPORTING, _PLANNING, _INDICATORS, _GEO, _REPORTING):
    _twice = set(_part) & set(MESSAGES)
    assert not _twice, f"message in two catalogue files: {sorted(_twice)}"
    MESSAGES.update(_part)
