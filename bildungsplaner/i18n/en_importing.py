"""English texts of the core's messages raised in ``importing`` and ``exporting``, by the import services
(``services/importing.py``, ``import_regions``, ``import_history``, ``home``), the TOML format reader
(``formats.py``) and ``store``/``settings``/``__main__`` (merged into :data:`bildungsplaner.i18n.en.MESSAGES`).

One file per area so that work on different areas does not collide; same rules as ``en.py``. Rows of a table
are „Zeile“ → *row*; lines of a CSV file read line by line (GENESIS, flat files) → *line*.
"""


from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- importing/encoding.py ---
    "Die Datei ist weder UTF-8 noch Windows-1252; nicht lesbare Bytes wurden durch Ersatzzeichen ersetzt "
    "(Kodierung {encoding}).":
        "The file is neither UTF-8 nor Windows-1252; unreadable bytes were replaced by replacement characters "
        "(encoding {encoding}).",
    # --- importing/ffcsv.py: GENESIS flat files ---
    "Der Flatfile-Datei fehlt die Spalte „{column}“.": "The flat file lacks the column “{column}”.",
    "Die Flatfile-Datei enthält keine Merkmalsspalten (z. B. „1_variable_code“).":
        "The flat file contains no characteristic columns (e.g. “1_variable_code”).",
    "Die Flatfile-Datei enthält keine Wertspalte (CODE__Bezeichnung__Einheit).":
        "The flat file contains no value column (CODE__Label__Unit).",
    "Zeile {line} hat {count} Felder, die Kopfzeile aber {width}.":
        "Line {line} has {count} fields, but the header has {width}.",
    "Die Datei ist ab Zeile {line} keine lesbare CSV-Datei.":
        "From line {line} on, the file is not a readable CSV file.",
    "Die Datei ist leer.": "The file is empty.",
    "Die Flatfile-Datei enthält kein regionales Merkmal (z. B. KREISE oder GEMEIN), dessen Ausprägungen "
    "Regionalschlüssel sind.":
        "The flat file contains no regional characteristic (e.g. KREISE or GEMEIN) whose attributes are region "
        "keys.",
    "Zeile {line}: Die Zeile nennt keinen Regionalschlüssel.": "Line {line}: the line names no region key.",
    "Zeile {line}: „{key}“ ist kein amtlicher Regionalschlüssel.":
        "Line {line}: “{key}” is not an official region key.",
    "Bei {count} Regionalschlüsseln fehlte die führende Null; sie wurde ergänzt (z. B. {example}).":
        "{count} region keys lacked their leading zero; it was added (e.g. {example}).",
    "Zeile {line}, Spalte „{column}“: „{shown}“ ist keine Zahl{hint}.":
        "Line {line}, column “{column}”: “{shown}” is not a number{hint}.",
    "Zeile {line}: Der Wert steht neben dem Qualitätskennzeichen „{flag}“ und wird als fehlend übernommen.":
        "Line {line}: the value stands next to the quality flag “{flag}” and is taken as missing.",
    "„{flag}“ (Zeile {line})": "“{flag}” (line {line})",
    "Unbekannte Qualitätskennzeichen in „{column}“ wurden nicht übernommen: {flags}.":
        "Unknown quality flags in “{column}” were not taken over: {flags}.",
    "Die Datei ist mit {size} MB zu groß für eine Flatfile-Datei.":
        "At {size} MB, the file is too large for a flat file.",
    "Einige Zeichen der Datei waren nicht lesbar und wurden durch Ersatzzeichen ersetzt.":
        "Some characters of the file were unreadable and were replaced by replacement characters.",
    "Die Datei ist keine GENESIS-Flatfile-Datei, denn ihre erste Zeile beginnt nicht mit „statistics_code“ oder "
    "„Statistik_Code“.":
        "The file is not a GENESIS flat file: its first line does not begin with “statistics_code” or "
        "“Statistik_Code”.",
    "Die Flatfile-Datei enthält keine Datenzeilen.": "The flat file contains no data lines.",
    "Nicht verwendete Spalten: {columns}.": "Columns not used: {columns}.",
    "Zeile {line}: Die Zeile nennt keine Zeit.": "Line {line}: the line names no time.",
    "Zeile {line}: Die Zeile nennt kein Merkmal des Werts (value_variable_label).":
        "Line {line}: the line names no characteristic of the value (value_variable_label).",
    # --- importing/footers.py: rows below the data ---
    "Summenzeile": "totals row",
    "Anmerkung unter der Tabelle": "note below the table",
    "Zeile {row} nicht importiert ({reason}): „{text}“": "Row {row} not imported ({reason}): “{text}”",
    "nach der ersten leeren Zeile, Vorlage: stop_at = „{value}“":
        "after the first empty row, template: stop_at = “{value}”",
    "Die Vorlage sagt footer_rows = {footer_rows}, aber unter der Kopfzeile stehen nur {count} Zeilen; es bliebe "
    "keine Datenzeile übrig.":
        "The template says footer_rows = {footer_rows}, but there are only {count} rows below the header; no data "
        "row would be left.",
    "Fußzeile, Vorlage: footer_rows = {footer_rows}": "footer, template: footer_rows = {footer_rows}",
    # --- importing/genesis.py: GENESIS tables (the messages shared with ffcsv.py are above) ---
    "Die Datei ist mit {size} MB zu groß für eine GENESIS-Tabelle.":
        "At {size} MB, the file is too large for a GENESIS table.",
    "Die Datei ist keine GENESIS-Tabelle, denn die erste Zeile beginnt nicht mit „GENESIS-Tabelle:“.":
        "The file is not a GENESIS table: its first line does not begin with “GENESIS-Tabelle:”.",
    "Die GENESIS-Tabelle endet ohne die Trennlinie „__________“ vor der Fußzeile; die Datei ist vermutlich "
    "unvollständig.":
        "The GENESIS table ends without the separator line “__________” before the footer; the file is probably "
        "incomplete.",
    "Die GENESIS-Tabelle hat keine Kopfzeilen über den Daten.": "The GENESIS table has no header rows above the data.",
    "Die GENESIS-Tabelle enthält keine Datenzeilen.": "The GENESIS table contains no data rows.",
    "Die Kopfzeilen der GENESIS-Tabelle lassen keine Schlüssel-, Namens- und Datenspalten erkennen.":
        "The header rows of the GENESIS table show no key, name and data columns.",
    "Die GENESIS-Tabelle enthält keine Spalte mit Regionalschlüsseln.":
        "The GENESIS table contains no column of region keys.",
    "Zeile {line} hat mehr Werte, als die Kopfzeilen Spalten haben.":
        "Line {line} has more values than the header rows have columns.",
    "Zeile {line} enthält „{key}“, das ist kein amtlicher Regionalschlüssel.":
        "Line {line} contains “{key}”, which is not an official region key.",
    "Zeile {line}, Spalte {column}: „{text}“ ist weder eine Zahl noch ein Zeichen der Zeichenerklärung.":
        "Line {line}, column {column}: “{text}” is neither a number nor a symbol of the GENESIS legend.",
    "Nicht erkannte Zeilen im Tabellenkopf: {lines}": "Lines in the table head not recognised: {lines}",
    # --- importing/regionkeys.py, importing/numbers.py: programming errors (ValueError), kept readable ---
    "{key} ist kein amtlicher Regionalschlüssel.": "{key} is not an official region key.",
    "{key} ist kein 12-stelliger Regionalschlüssel (ARS).": "{key} is not a 12-digit region key (ARS).",
    "{text} ist keine Zahl in deutscher Schreibweise.": "{text} is not a number in German notation.",
    "{text} ist weder eine Zahl in deutscher Schreibweise noch ein Zeichen der Zeichenerklärung.":
        "{text} is neither a number in German notation nor a symbol of the GENESIS legend.",
    # --- importing/readers.py: progress ---
    "GENESIS-Tabelle wird gelesen …": "Reading the GENESIS table …",
    "GENESIS-Flatfile wird gelesen …": "Reading the GENESIS flat file …",
    "Tabelle wird gelesen ({kind}) …": "Reading the table ({kind}) …",
    "Spalten werden zugeordnet …": "Assigning the columns …",
    # --- importing/sandbox.py: the reader's child process ---
    "Die Datei": "The file",
    "{what} wurde nach {seconds} Sekunden Lesezeit abgebrochen (zu groß oder manipuliert).":
        "Reading {what} was stopped after {seconds} seconds (too large or tampered with).",
    "{what} braucht beim Lesen mehr als {size} GiB Speicher und wurde abgewiesen (zu groß oder manipuliert).":
        "{what} needs more than {size} GiB of memory to read and was refused (too large or tampered with).",
    "{what} hat das Lesemodul zum Absturz gebracht ({signal}); sie ist beschädigt oder zu groß. Bitte in Excel "
    "oder LibreOffice öffnen und neu speichern.":
        "{what} crashed the reader ({signal}); it is damaged or too large. Please open it in Excel or LibreOffice "
        "and save it again.",
    "{what} konnte nicht gelesen werden: das Lesemodul endete ohne Ergebnis (Exit-Code {code}).":
        "{what} could not be read: the reader ended without a result (exit code {code}).",
    # --- importing/tables.py (the rest of its messages are in en.py) ---
    "Die Datei ist weder UTF-8 noch Windows-1252; nicht lesbare Zeichen wurden durch „�“ ersetzt.":
        "The file is neither UTF-8 nor Windows-1252; unreadable characters were replaced by “�”.",
    "Die Arbeitsmappe hat keine Tabellenblätter.": "The workbook has no sheets.",
    "Zeile {line} hat {count} Felder, die Zeilen davor höchstens {expected}.":
        "Line {line} has {count} fields, the lines before it at most {expected}.",
    "unlesbar": "unreadable",
    # --- formats.py: the strict TOML reader (every format's messages) ---
    " (in Anführungszeichen, sonst gehen führende Nullen verloren)":
        " (in quotation marks, or leading zeros get lost)",
    "ein Text": "a text",
    "eine Zahl": "a number",
    "eine ganze Zahl": "a whole number",
    "true oder false": "true or false",
    "eine Liste von Texten": "a list of texts",
    "eine Zuordnung von Texten": "a mapping of texts",
    "eine Tabelle": "a table",
    "ein Abschnitt": "a section",
    "eine Liste": "a list",
    "eine Jahreszahl": "a year",
    "{where} muss eine Zahl sein, nicht {value}.": "{where} must be a number, not {value}.",
    "größer als {low}": "greater than {low}",
    "mindestens {low}": "at least {low}",
    " (Quoten als Anteil schreiben: 0.45 statt 45)": " (write rates as a fraction: 0.45 instead of 45)",
    "{where} muss {bound} und höchstens {high} sein, nicht {value}{hint}.":
        "{where} must be {bound} and at most {high}, not {value}{hint}.",
    "{where} darf nicht negativ sein.": "{where} must not be negative.",
    "{where} muss mindestens {low} sein.": "{where} must be at least {low}.",
    "{where} muss eine Jahreszahl sein (z. B. 2026), nicht {value}.":
        "{where} must be a year (e.g. 2026), not {value}.",
    "„{where}“ muss ein Abschnitt sein, nicht {value}.": "“{where}” must be a section, not {value}.",
    "unbekannter Schlüssel „{key}“ (erlaubt: {allowed}).": "unknown key “{key}” (allowed: {allowed}).",
    "„{key}“ fehlt.": "“{key}” is missing.",
    "ist leer.": "is empty.",
    "muss {what} sein, nicht {value}{hint}.": "must be {what}, not {value}{hint}.",
    # --- importing/template.py: import templates ---
    "Importvorlage": "Import template",
    "„{section}“ braucht entweder „{column_key}“ (Spalte) oder „{fixed_key}“ ({what}){both}.":
        "“{section}” needs either “{column_key}” (a column) or “{fixed_key}” ({what}){both}.",
    ", nicht beides": ", not both",
    "{where}: Bildungsphase „{value}“ ist unbekannt (erlaubt: {allowed}).":
        "{where}: education phase “{value}” is unknown (allowed: {allowed}).",
    "{where}: Ebene „{value}“ ist unbekannt (erlaubt: {allowed}).":
        "{where}: level “{value}” is unknown (allowed: {allowed}).",
    " (Zeile {line}, Spalte {column})": " (line {line}, column {column})",
    "Die Importvorlage ist keine gültige TOML-Datei{at}.": "The import template is not a valid TOML file{at}.",
    "Die Importvorlage {name} lässt sich nicht lesen ({error}).":
        "The import template {name} cannot be read ({error}).",

    "Die Importvorlage {name} ist zu groß für eine Importvorlage.":
        "The import template {name} is too large for an import template.",
    "Die Importvorlage {name} ist nicht in UTF-8 gespeichert.": "The import template {name} is not saved as UTF-8.",
    "„read.header_rows“, „read.skip_rows“ und „read.footer_rows“ dürfen nicht negativ sein.":
        "“read.header_rows”, “read.skip_rows” and “read.footer_rows” must not be negative.",
    "Abschnitt [{section}] passt nicht zu target = „{target}“.":
        "Section [{section}] does not fit target = “{target}”.",
    "Abschnitt [{section}] fehlt.": "Section [{section}] is missing.",
    "„regions.key“ oder „regions.name“ fehlt; ohne sie lässt sich kein Wert einem Gebiet zuordnen.":
        "“regions.key” or “regions.name” is missing; without them no value can be assigned to an area.",
    "feste Art": "fixed kind",
    "feste Bildungsphase": "fixed education phase",
    "feste Ebene": "fixed level",
    "fester Zeitraum": "fixed period",
    "„observations.measures“ nennt keine Wertspalte.": "“observations.measures” names no value column.",
    "Importvorlage: „{key}“": "Import template: “{key}”",
    "muss „observations“, „facilities“ oder „regions“ sein, nicht „{value}“.":
        "must be “observations”, “facilities” or “regions”, not “{value}”.",
    "Die Importvorlage hat das Format {version}; diese Version von Bildungsplaner kennt nur Format {supported}.":
        "The import template has format {version}; this version of Bildungsplaner only knows format {supported}.",
    "muss „,“ oder „.“ sein.": "must be “,” or “.”.",
    "kennt nur „{allowed}“ (bei der ersten leeren Zeile aufhören), nicht „{value}“.":
        "only knows “{allowed}” (stop at the first empty row), not “{value}”.",
    "eine Liste von Abschnitten [[observations.measures]]": "a list of sections [[observations.measures]]",
    "muss analog, digital oder both sein, nicht „{value}“.": "must be analog, digital or both, not “{value}”.",
    # --- importing/template_apply.py: a table through its template ---
    "keine Spalte „{column}“": "no column “{column}”",
    "keine Spalten {columns}": "no columns {columns}",
    "„{name}“": "“{name}”",

    "Die Tabelle hat {which} (vorhanden: {listed}).": "The table has {which} (present: {listed}).",
    "Die Tabelle hat {which} (vorhanden: keine).": "The table has {which} (present: none).",
    "Zeile {row}: Spalte „{column}“ ist leer.": "Row {row}: column “{column}” is empty.",
    "{count} leere Zeilen wurden übersprungen (z. B. Zeile {row}).":
        "{count} empty rows were skipped (e.g. row {row}).",
    "{count} leere Zeile wurde übersprungen (z. B. Zeile {row}).": "{count} empty row was skipped (e.g. row {row}).",
    "Zeile {row}: In „{key}“ oder „{name}“ steht kein Gebiet.":
        "Row {row}: neither “{key}” nor “{name}” names an area.",

    "Zeile {row}: In „{column}“ steht kein Gebiet.": "Row {row}: “{column}” names no area.",

    "{count} leere Wertzellen wurden nicht übernommen.": "{count} empty value cells were not taken over.",
    "{count} leere Wertzelle wurde nicht übernommen.": "{count} empty value cell was not taken over.",
    # --- importing/validate.py: totals checks ---
    "… und {count} weitere Abweichungen ({kind}).": "… and {count} more differences ({kind}).",
    "Zeile {row}: {region}, {indicator}, {period}{rest}: {dimension} „{total}“ {value} ≠ Summe der Teile {parts}.":
        "Row {row}: {region}, {indicator}, {period}{rest}: {dimension} “{total}” {value} ≠ sum of the parts {parts}.",
    "Zeile {row}: {region} ({key}), {indicator}, {period}{dimensions}: {value} ≠ Summe der {count} Teilgebiete "
    "{parts}.":
        "Row {row}: {region} ({key}), {indicator}, {period}{dimensions}: {value} ≠ sum of the {count} sub-areas "
        "{parts}.",
    "Insgesamt ≠ Summe der Teile": "total ≠ sum of the parts",
    "Gebiet ≠ Summe der Teilgebiete": "area ≠ sum of the sub-areas",
    # --- services/importing.py: the import report, progress and the write's messages ---
    "{name} wurde bereits importiert (Datensatz {dataset}): dieselbe Datei mit derselben Vorlage und denselben "
    "Einstellungen; nichts geändert. Mit einer geänderten Vorlage, einem anderen Tabellenblatt oder anderen "
    "Optionen wird sie neu importiert und ersetzt den früheren Import.":
        "{name} has already been imported (data set {dataset}): the same file with the same template and the same "
        "settings; nothing changed. With a changed template, another sheet or other options it is imported anew "
        "and replaces the earlier import.",
    " Datensatz {dataset} ist inzwischen durch Datensatz {newer} ersetzt; damit er wieder gilt, nehmen Sie Import "
    "Nr. {newer} zurück (bildungsplaner data delete {newer}).":
        " Data set {dataset} has since been replaced by data set {newer}; to make it apply again, take back import "
        "no. {newer} (bildungsplaner data delete {newer}).",
    "{count} Beobachtungen würden importiert": "{count} observations would be imported",
    "{count} Beobachtungen importiert": "{count} observations imported",
    "{count} Einrichtungen würden importiert": "{count} facilities would be imported",
    "{count} Einrichtungen importiert": "{count} facilities imported",
    "{count} Gebiete würden importiert": "{count} areas would be imported",
    "{count} Gebiete importiert": "{count} areas imported",
    " (Datensatz {dataset})": " (data set {dataset})",
    "{name}: {rows} Zeilen gelesen, {what}{dataset}.": "{name}: {rows} rows read, {what}{dataset}.",
    "Einrichtungen: {new} neu, {updated} geändert, {unchanged} unverändert.":
        "Facilities: {new} new, {updated} changed, {unchanged} unchanged.",
    "Gebiete: {matched} zugeordnet, {created} neu angelegt, {unmatched} nicht zugeordnet.":
        "Areas: {matched} matched, {created} newly created, {unmatched} not matched.",
    "Außerhalb der Heimatregion {home} übergangen: {regions} Gebiete mit {rows} Werten (behalten: die "
    "Heimatregion, was darunter liegt, Land und Bund; alle behalten mit --all-regions bzw. „alles behalten“).":
        "Skipped outside the home region {home}: {regions} areas with {rows} values (kept: the home region, what "
        "lies below it, the Land and the Federation; keep all with --all-regions or “keep everything”).",
    "Außerhalb der Heimatregion {home} übergangen: {regions} Gebiete mit {rows} Einrichtungen (behalten: die "
    "Heimatregion, was darunter liegt, Land und Bund; alle behalten mit --all-regions bzw. „alles behalten“).":
        "Skipped outside the home region {home}: {regions} areas with {rows} facilities (kept: the home region, "
        "what lies below it, the Land and the Federation; keep all with --all-regions or “keep everything”).",
    "Namen zugeordnet ({count}):": "Matched by name ({count}):",
    "  … und {count} weitere": "  … and {count} more",
    "Nicht zugeordnet ({count}):": "Not matched ({count}):",
    "{count} Schlüssel um die verlorene führende Null ergänzt.": "{count} keys completed with their lost leading zero.",
    "Ersetzt den älteren Stand (Datensatz {dataset}); dessen Werte bleiben als Verlauf erhalten.":
        "Replaces the older version (data set {dataset}); its values are kept as history.",
    "Sicherung vor dem Import: {path}": "Backup before the import: {path}",
    "Zeichen: {counts}": "Symbols: {counts}",
    "„{symbol}“ {count}×": "“{symbol}” {count}×",
    "Warnung: {warning}": "Warning: {warning}",
    "; … ({count} insgesamt)": "; … ({count} in all)",
    "{count} Gebiet(e) der Datei sind im Arbeitsbereich unbekannt: {listed}. Bitte zuordnen oder anlegen "
    "(Import-Assistent oder [regions.assign] in der Vorlage); es wurde nichts importiert.":
        "{count} area(s) of the file are unknown in the workspace: {listed}. Please match or create them (import "
        "assistant or [regions.assign] in the template); nothing was imported.",
    "Sicherung wird geschrieben …": "Writing a backup …",
    "Import abgeschlossen.": "Import finished.",
    "Prüfung abgeschlossen.": "Check finished.",
    " (steht auch nicht in der Datei)": " (not in the file either)",
    "Zeile {row}: übergeordnetes Gebiet {parent} von {key} ist im Arbeitsbereich unbekannt{hint}.":
        "Row {row}: the parent area {parent} of {key} is unknown in the workspace{hint}.",
    "Zeile {row}: Gebiet {key} kann nicht sein eigenes übergeordnetes Gebiet sein.":
        "Row {row}: area {key} cannot be its own parent area.",
    "Der bisherige Stand ({old}, Datensatz {dataset}) ist neuer als der importierte ({new}); der importierte gilt "
    "nun trotzdem.":
        "The previous version ({old}, data set {dataset}) is newer than the imported one ({new}); the imported one "
        "applies now nevertheless.",
    "Gebiete werden zugeordnet …": "Matching the areas …",
    "Summen werden geprüft …": "Checking the totals …",
    "{done} von {total} Werten geschrieben …": "{done} of {total} values written …",
    "Zeile {row}: Einrichtung {key} ({kind}) steht doppelt in der Datei (auch Zeile {other}).":
        "Row {row}: facility {key} ({kind}) appears twice in the file (also row {other}).",
    "Zeile {row}: Angebotsform „{value}“ ist unbekannt (analog, digital oder both).":
        "Row {row}: form of provision “{value}” is unknown (analog, digital or both).",
    "Zeile {row}: Bildungsphase „{value}“ ist unbekannt.": "Row {row}: education phase “{value}” is unknown.",
    "{count} Einrichtungen geschrieben …": "{count} facilities written …",
    # --- services/import_regions.py: matching the file's areas ---
    "im Kreis der übrigen Zeilen": "in the Kreis of the other rows",
    "im Heimatgebiet": "in the home area",
    " – mehrdeutig, bitte wählen: {choices}{more}": " – ambiguous, please choose: {choices}{more}",
    "; … ({count} weitere)": "; … ({count} more)",
    " – meinten Sie {choices}?": " – did you mean {choices}?",
    "{first} oder {second}": "{first} or {second}",
    "{label} (Zeile {row}){hint}": "{label} (row {row}){hint}",
    "„{name}“ → {region} ({key}){why}": "“{name}” → {region} ({key}){why}",

    "Zuordnung „{source}“ → {target}: Gebiet {target} gibt es im Arbeitsbereich nicht.":
        "Assignment “{source}” → {target}: there is no area {target} in the workspace.",
    # --- services/import_history.py: taking an import back ---
    "Einen Import Nr. {number} gibt es in diesem Arbeitsbereich nicht.":
        "There is no import no. {number} in this workspace.",
    "Import Nr. {number} ({name}) hat Einrichtungen oder Gebiete angelegt oder geändert und stammt aus einer "
    "früheren Programmversion, die den Stand davor nicht aufbewahrt hat; solche Importe lassen sich nicht einzeln "
    "löschen. Stellen Sie dafür eine Sicherung von vorher wieder her (bildungsplaner restore --from SICHERUNG).":
        "Import no. {number} ({name}) created or changed facilities or areas and comes from an earlier version of "
        "the program that did not keep the state before it; such imports cannot be deleted one by one. Restore a "
        "backup from before it instead (bildungsplaner restore --from BACKUP).",
    "Einrichtung {key} {name}": "facility {key} {name}",
    "Gebiet {key} {name}": "area {key} {name}",
    "Nr. {number} ({what})": "no. {number} ({what})",
    "Import Nr. {number} ({name}) lässt sich nicht zurücknehmen, solange ein späterer Import dieselben "
    "Einrichtungen oder Gebiete erneut geliefert hat: {listed}. Nehmen Sie zuerst Import Nr. {latest} zurück "
    "(bildungsplaner data delete {latest} bzw. „Import löschen…“); es wurde nichts geändert.":
        "Import no. {number} ({name}) cannot be taken back while a later import delivered the same facilities or "
        "areas again: {listed}. First take back import no. {latest} (bildungsplaner data delete {latest} or "
        "“Delete import…”); nothing was changed.",
    "Einrichtung {key} {name} lag vor Import Nr. {number} im Gebiet {region}, das es nicht mehr gibt; der Import "
    "lässt sich darum nicht zurücknehmen. Stellen Sie eine Sicherung von vorher wieder her (bildungsplaner restore "
    "--from SICHERUNG).":
        "Before import no. {number}, facility {key} {name} lay in area {region}, which no longer exists; the import "
        "therefore cannot be taken back. Restore a backup from before it (bildungsplaner restore --from BACKUP).",
    # --- services/home.py ---
    "„{key}“ ist kein amtlicher Gebietsschlüssel (AGS, z. B. 05978 für den Kreis Unna) und kein Gebiet des "
    "Arbeitsbereichs.":
        "“{key}” is not an official area key (AGS, e.g. 05978 for the Kreis Unna) and no area of the workspace.",
    # --- exporting/: writing a file (the workbook's own texts are the document, German) ---
    "Der Ordner {folder} existiert nicht.": "The folder {folder} does not exist.",
    "{name} ist gerade in Excel oder LibreOffice geöffnet; bitte dort schließen und noch einmal exportieren.":
        "{name} is open in Excel or LibreOffice right now; please close it there and export again.",
    "{name} kann nicht geschrieben werden (in einem anderen Programm geöffnet oder schreibgeschützt): {error}.":
        "{name} cannot be written (open in another program or read-only): {error}.",
    "openpyxl arbeitet ohne defusedxml; die Installation ist unvollständig.":
        "openpyxl works without defusedxml; the installation is incomplete.",
    # --- store/sqlite.py, store/dimensions.py, settings.py, __main__.py ---
    "PRAGMA foreign_keys wirkt nicht innerhalb einer offenen Transaktion":
        "PRAGMA foreign_keys has no effect inside an open transaction",
    "Tabelle {table}, Zeile {row}: Verweis auf fehlenden Eintrag in {parent}":
        "table {table}, row {row}: reference to a missing entry in {parent}",
    "Die Sicherung ist beschädigt: {problem}": "The backup is damaged: {problem}",
    "Dimension ohne '=': {text}": "Dimension without '=': {text}",

    "{name} erwartet {type}": "{name} expects {type}",
    "Demo-Arbeitsbereich unvollständig: {info}": "Demo workspace incomplete: {info}",
    "Smoke-Test bestanden: {regions} Gebiete, {observations} Beobachtungen, {facilities} Einrichtungen; Fenster "
    "geöffnet und geschlossen.":
        "Smoke test passed: {regions} areas, {observations} observations, {facilities} facilities; window opened "
        "and closed.",

    # --- importing/template.py, services/importing.py, services/facility_layers.py: facility coordinates ---
    "„{value}“ ist kein Koordinatensystem für Lagekoordinaten (x/y).":
        "„{value}“ is not a coordinate reference system for locations (x/y).",
    "ist kein bekanntes Koordinatensystem: „{value}“ (z. B. „EPSG:25832“ für UTM 32N oder „EPSG:4326“ für Längen- "
    "und Breitengrade).":
        "is not a known coordinate reference system: „{value}“ (e.g. „EPSG:25832“ for UTM 32N or „EPSG:4326“ for "
        "longitude and latitude).",
    "„regions.fixed“ (ein Gebiet für alle Zeilen) gilt nur für Einrichtungen (target = „facilities“).":
        "„regions.fixed“ (one area for all rows) applies only to facilities (target = „facilities“).",
    "„regions.fixed“ (ein Gebiet für alle Zeilen) schließt „regions.key“ und „regions.name“ aus.":
        "„regions.fixed“ (one area for all rows) excludes „regions.key“ and „regions.name“.",
    "„facilities.x“ und „facilities.y“ (die Koordinatenspalten) gehören zusammen: bitte beide angeben oder keine.":
        "„facilities.x“ and „facilities.y“ (the coordinate columns) belong together: please give both or neither.",
    "{count} Einrichtungen nach ihren Koordinaten dem Gebiet zugeordnet, in dem sie liegen.":
        "{count} facilities placed by their coordinates in the area they lie in.",
    "Punkt-Ebene wird gelesen …": "Reading the point layer …",
    "{name} ist eine Punkt-Ebene; für den Import als Einrichtungen braucht es eine Importvorlage, die sagt, welche "
    "Eigenschaft was enthält (--template VORLAGE.toml oder der Import-Assistent).":
        "{name} is a point layer; importing it as facilities needs an import template that says which property "
        "holds what (--template TEMPLATE.toml or the import assistant).",
    "{name} ist eine Punkt-Ebene; sie lässt sich nur als Einrichtungen importieren (target = „facilities“). "
    "Gebietsgrenzen: bildungsplaner geo import.":
        "{name} is a point layer; it can only be imported as facilities (target = „facilities“). Boundaries: "
        "bildungsplaner geo import.",
    # --- store/postgres.py, store/database.py, store/limits.py: workspaces on a PostgreSQL server ---
    "„{url}“ ist keine Server-Adresse (sie beginnt mit postgresql://).":
        "“{url}” is not a server address (it starts with postgresql://).",
    "Die Server-Adresse {url} ist ungültig: {error}": "The server address {url} is invalid: {error}",
    "In der Server-Adresse fehlt der Name des Arbeitsbereichs (…?workspace=NAME).":
        "The server address lacks the workspace's name (…?workspace=NAME).",
    "Der Name des Arbeitsbereichs „{name}“ ist ungültig: erlaubt sind Kleinbuchstaben (ohne Umlaute), Ziffern und "
    "Unterstriche, höchstens 60 Zeichen.":
        "The workspace name “{name}” is invalid: lowercase letters (no umlauts), digits and underscores are "
        "allowed, at most 60 characters.",
    "Der Rollenname „{name}“ ist ungültig.": "The role name “{name}” is invalid.",
    "Die Datenbank {database} verwendet die Zeichenkodierung {encoding}; Bildungsplaner braucht UTF8. Bitte die "
    "IT, die Datenbank mit ENCODING 'UTF8' anzulegen.":
        "The database {database} uses the encoding {encoding}; Bildungsplaner needs UTF8. Please ask IT to create "
        "the database with ENCODING 'UTF8'.",
    "Der Arbeitsbereich {name} auf dem Server ist nicht erreichbar: {error}":
        "The workspace {name} on the server cannot be reached: {error}",
    "Der Arbeitsbereich {name} wird gerade von einem Kollegen eingerichtet oder aktualisiert; bitte versuchen Sie "
    "es gleich noch einmal.":
        "The workspace {name} is being set up or updated by a colleague right now; please try again in a moment.",
    "Das Schema {schema} auf dem Server ist kein Bildungsplaner-Arbeitsbereich.":
        "The schema {schema} on the server is not a Bildungsplaner workspace.",
    "Der Arbeitsbereich {name} wurde von einer neueren Version von Bildungsplaner eingerichtet (Schemastand "
    "{revision}). Bitte installieren Sie die aktuelle Version; der Arbeitsbereich bleibt unverändert.":
        "The workspace {name} was set up by a newer version of Bildungsplaner (schema {revision}). Please install "
        "the current version; the workspace stays unchanged.",
    "Sie ({user}) gehören nicht zur Rolle {role}, der die Arbeitsbereiche auf dem Server gehören. Bitte wenden Sie "
    "sich an die IT.":
        "You ({user}) are not a member of the role {role} that owns the workspaces on the server. Please contact "
        "IT.",
    "Die Einrichtung des Arbeitsbereichs {name} auf Schemastand {head} ist fehlgeschlagen ({error_type}: {error}); "
    "der Arbeitsbereich auf dem Server ist unverändert.":
        "Setting up the workspace {name} at schema {head} failed ({error_type}: {error}); the workspace on the "
        "server is unchanged.",
    "Den Arbeitsbereich {name} gibt es auf dem Server nicht.": "The workspace {name} does not exist on the server.",
    "„{value}“ ist zu lang für das Feld {field} (höchstens {limit} Zeichen, hier {length}).":
        "“{value}” is too long for the field {field} (at most {limit} characters, here {length}).",
    "Den Arbeitsbereich {name} gibt es auf dem Server schon; übertragen wird nur in einen neuen Arbeitsbereich. "
    "Bitte einen anderen Namen wählen (…?workspace=NAME).":
        "The workspace {name} already exists on the server; a transfer only goes into a new workspace. Please "
        "choose another name (…?workspace=NAME).",
    "Den Arbeitsbereich {name} gibt es auf dem Server schon; ein neuer Arbeitsbereich überschreibt nichts.":
        "The workspace {name} already exists on the server; a new workspace overwrites nothing.",
    "Tabelle {name} gesichert": "Table {name} backed up",
    "Tabelle {name} übertragen": "Table {name} transferred",
    "Die Sicherung des Arbeitsbereichs {name} ist fehlgeschlagen: {error}":
        "Backing up the workspace {name} failed: {error}",
    "Kein Schemastand gefunden: das Schema {schema} ist kein Bildungsplaner-Arbeitsbereich.":
        "No schema version found: the schema {schema} is no Bildungsplaner workspace.",
    "Schema: {problem}": "Schema: {problem}",
    "Fremdschlüssel: {count} Werte verweisen auf fehlende Zeilen in {table}.":
        "Foreign keys: {count} values refer to missing rows in {table}.",
    "In den Arbeitsbereich {name} schreibt gerade ein Kollege (z. B. ein Import); bitte versuchen Sie es gleich "
    "noch einmal.":
        "A colleague is writing to the workspace {name} right now (an import, for example); please try again in a "
        "moment.",
    "Gerade löscht {who}@{host} seit {since} einen Import im Arbeitsbereich {name}; bitte versuchen Sie es danach "
    "noch einmal.":
        "{who}@{host} has been deleting an import in the workspace {name} since {since}; please try again "
        "afterwards.",
    "Gerade importiert {who}@{host} seit {since} in den Arbeitsbereich {name}; bitte versuchen Sie es danach noch "
    "einmal.":
        "{who}@{host} has been importing into the workspace {name} since {since}; please try again afterwards.",
    "Gerade importiert {who}@{host} seit {since} Gebietsgrenzen in den Arbeitsbereich {name}; bitte versuchen Sie "
    "es danach noch einmal.":
        "{who}@{host} has been importing boundaries into the workspace {name} since {since}; please try again "
        "afterwards.",
    "Gerade berechnet {who}@{host} seit {since} Kennzahlen im Arbeitsbereich {name}; bitte versuchen Sie es danach "
    "noch einmal.":
        "{who}@{host} has been computing indicators in the workspace {name} since {since}; please try again "
        "afterwards.",
    "Gerade ordnet {who}@{host} seit {since} im Arbeitsbereich {name} Einrichtungen den Gebieten zu; bitte "
    "versuchen Sie es danach noch einmal.":
        "{who}@{host} has been assigning facilities to areas in the workspace {name} since {since}; please try "
        "again afterwards.",
}
