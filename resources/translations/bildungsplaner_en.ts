<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name>Browser</name>
    <message>
        <location filename="../../bildungsplaner/ui/browser.py" line="+76"/>
        <source>Untergeordnete Gebiete einbeziehen</source>
        <translation>Include subordinate areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auch die Gemeinden und Sozialräume unterhalb der gewählten Gebiete anzeigen</source>
        <translation>Also show the municipalities and social areas below the selected areas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filtern nach Gebiet, Zeitraum, Merkmal … (Strg+F)</source>
        <translation>Filter by area, period, characteristic … (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Werte werden geladen …</source>
        <translation>Loading values …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Laden abgebrochen</source>
        <translation>Loading cancelled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Werte laden</source>
        <translation>Load values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Werte von „{name}“ werden geladen …</source>
        <translation>Loading values of “{name}” …</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Kein Arbeitsbereich geöffnet.</source>
        <translation>No workspace open.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wählen Sie links einen Indikator und ein oder mehrere Gebiete (mit Strg oder Umschalt mehrere).</source>
        <translation>Select an indicator and one or more areas on the left (several with Ctrl or Shift).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 Gebiet</source>
        <translation>1 area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{count} Gebiete</source>
        <translation>{count} areas</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keine Werte für diese Auswahl</source>
        <translation>No values for this selection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} Werte</source>
        <translation>{count} values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{shown} von {count} Werten</source>
        <translation>{shown} of {count} values</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../bildungsplaner/ui/chart.py" line="+119"/>
        <source>Zeitraum für das Balkendiagramm, wenn mehrere Gebiete gewählt sind</source>
        <translation>Period for the bar chart when several areas are selected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zeitraum:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Diagramm:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>alle (Summe)</source>
        <translation>all (sum)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Keine Werte für das Diagramm</source>
        <translation>No values for the chart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../bildungsplaner/ui/dialogs.py" line="+29"/>
        <source>Interner Fehler: {error}</source>
        <translation>Internal error: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Die Einzelheiten stehen im Protokoll im Ordner {folder}.</source>
        <translation>The details are in the log in the folder {folder}.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>kein Arbeitsbereich geöffnet</source>
        <translation>no workspace open</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Planung für das kommunale Bildungsmanagement: Statistiken zusammenführen, Bedarfe erkennen, Ressourcen begründet verteilen.</source>
        <translation>Planning for municipal education management: bring statistics together, recognise needs, allocate resources with reasons.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datenordner:</source>
        <translation>Data folder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbeitsbereich:</source>
        <translation>Workspace:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Oberfläche verwendet Qt {qt} über PySide6 (Qt for Python) unter der GNU Lesser General Public License (LGPL) Version 3 sowie pyqtgraph (MIT-Lizenz). Die Qt-Bibliotheken liegen als eigene Dateien bei und können ausgetauscht werden.</source>
        <translation>The user interface uses Qt {qt} through PySide6 (Qt for Python) under the GNU Lesser General Public License (LGPL) version 3, and pyqtgraph (MIT licence). The Qt libraries are shipped as separate files and can be replaced.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Über {app}</source>
        <translation>About {app}</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <location filename="../../bildungsplaner/ui/models.py" line="+79"/>
        <source>genau null</source>
        <translation>exactly zero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weniger als die Hälfte von 1 in der letzten besetzten Stelle, jedoch mehr als nichts</source>
        <translation>less than half of 1 in the last digit shown, but more than nothing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zahlenwert unbekannt oder geheim zu halten</source>
        <translation>value unknown or confidential</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angabe fällt später an</source>
        <translation>value not yet available</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keine Angabe, da Zahlenwert nicht sicher genug</source>
        <translation>no value, not reliable enough</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabellenfach gesperrt, weil Aussage nicht sinnvoll</source>
        <translation>cell blocked, not meaningful</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vorläufige Zahl</source>
        <translation>provisional figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>berichtigte Zahl</source>
        <translation>corrected figure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>geschätzte Zahl</source>
        <translation>estimated figure</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kennzeichen der Quelle</source>
        <translation>flag from the source</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../bildungsplaner/ui/import_check.py" line="+45"/>
        <source>Tabelle: {table}</source>
        <translation>Table: {table}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stand: {stand}</source>
        <translation>As of: {stand}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indikatoren: {codes}</source>
        <translation>Indicators: {codes}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ergänzte Schlüssel: {keys}</source>
        <translation>Completed keys: {keys}</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+90"/>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>Die Datei wird vollständig geprüft, ohne etwas zu speichern. Mit „Importieren“ übernehmen Sie die Daten in den Arbeitsbereich.</source>
        <translation>The file is checked completely without saving anything. “Import” takes the data into the workspace.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Importieren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unbekannte Gebiete – bitte einem Gebiet des Arbeitsbereichs zuordnen (Schlüssel eintippen oder Vorschlag wählen):</source>
        <translation>Unknown areas – please assign each to an area of the workspace (type a key or choose a suggestion):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>In der Datei</source>
        <translation>In the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeilen</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zuordnen zu</source>
        <translation>Assign to</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unbekannte Gebietsschlüssel als neue Gebiete &amp;anlegen</source>
        <translation>&amp;Create unknown area keys as new areas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Erneut prüfen</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Die Datei wird geprüft …</source>
        <translation>Checking the file …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Geprüft: {count} Gebiet(e) sind noch nicht zugeordnet.</source>
        <translation>Checked: {count} area(s) are not assigned yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Geprüft: Die Datei kann importiert werden.</source>
        <translation>Checked: the file can be imported.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Die Prüfung ist fehlgeschlagen; es wurde nichts geändert.</source>
        <translation>The check failed; nothing was changed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prüfung abgebrochen; es wurde nichts geändert.</source>
        <translation>Check cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(ohne Gebiet)</source>
        <translation>(no area)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>– offen –</source>
        <translation>– open –</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Zuordnung geändert: Bitte „Erneut prüfen“, bevor Sie importieren.</source>
        <translation>Assignment changed: please “Check again” before importing.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+26"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Die Daten werden in einem Schritt übernommen; bei einem Fehler oder Abbruch bleibt der Arbeitsbereich unverändert.</source>
        <translation>The data is taken over in one step; after an error or cancellation the workspace stays unchanged.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Die Daten werden importiert …</source>
        <translation>Importing the data …</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Import abgeschlossen.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Es wurde nichts importiert.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import abgebrochen; es wurde nichts geändert.</source>
        <translation>Import cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/import_mapping.py" line="+62"/>
        <source>Beobachtungen (Werte je Gebiet und Zeitraum)</source>
        <translation>Observations (values per area and period)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungen (Schulen, Kitas, …)</source>
        <translation>Facilities (schools, day-care centres, …)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiete (Stadtteile, Sozialräume, …)</source>
        <translation>Areas (districts, social areas, …)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(keine)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(bitte wählen)</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+468"/>
        <source>{name} (fehlt in der Tabelle)</source>
        <translation>{name} (missing from the table)</translation>
    </message>
    <message>
        <location line="-423"/>
        <source>Zuordnung</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sagen Sie, was die Spalten bedeuten. Der Vorschlag kommt aus den Spaltennamen; eine gespeicherte Vorlage können Sie laden und die Zuordnung als Vorlage speichern.</source>
        <translation>Say what the columns mean. The suggestion comes from the column names; you can load a saved template and save the mapping as a template.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Vorschlag aus den Spalten</source>
        <translation>Suggestion from the columns</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vorlage &amp;laden …</source>
        <translation>&amp;Load template …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vorlage &amp;speichern …</source>
        <translation>&amp;Save template …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Daten sind:</source>
        <translation>&amp;Data are:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vorlage:</source>
        <translation>&amp;Template:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name der Vorlage:</source>
        <translation>Template &amp;name:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gebiet jeder Zeile</source>
        <translation>Area of each row</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Gebietsschlüssel:</source>
        <translation>Area &amp;key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebietsna&amp;me:</source>
        <translation>Area na&amp;me:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>z. B. 31.12.2024 oder 2024</source>
        <translation>e.g. 31.12.2024 or 2024</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zeit&amp;raum-Spalte:</source>
        <translation>&amp;Period column:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>oder fest:</source>
        <translation>or fixed:</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>z. B. Grundschule</source>
        <translation>e.g. Grundschule</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>vor Ort (analog)</source>
        <translation>on site (analogue)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digital</source>
        <translation>digital</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>beides</source>
        <translation>both</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Einr&amp;ichtungsnummer:</source>
        <translation>Facility &amp;number:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bezeichn&amp;ung:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Art-Spalte:</source>
        <translation>&amp;Kind column:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Bildungsphase:</source>
        <translation>&amp;Education phase:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+34"/>
        <source>oder Spalte:</source>
        <translation>or column:</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Adr&amp;esse (Spalten):</source>
        <translation>Addr&amp;ess (columns):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angebots&amp;form:</source>
        <translation>&amp;Offering:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sonstiges Gebiet</source>
        <translation>other area</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sc&amp;hlüssel:</source>
        <translation>&amp;Key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ebene:</source>
        <translation>&amp;Level:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Übergeordnetes &amp;Gebiet (Schlüssel-Spalte):</source>
        <translation>Parent &amp;area (key column):</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+258"/>
        <source>Spalte</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="-257"/>
        <location line="+258"/>
        <source>Verwendung</source>
        <translation>Use</translation>
    </message>
    <message>
        <location line="-257"/>
        <location line="+258"/>
        <source>Indikatorcode</source>
        <translation>Indicator code</translation>
    </message>
    <message>
        <location line="-257"/>
        <location line="+260"/>
        <source>Indikatorname</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location line="-259"/>
        <location line="+260"/>
        <location filename="../../bildungsplaner/ui/import_wizard.py" line="+540"/>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>Spalten mi&amp;t Werten:</source>
        <translation>Columns wi&amp;th values:</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Vorlage für {name}</source>
        <translation>Template for {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+220"/>
        <source>Neue Importvorlage</source>
        <translation>New import template</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Importvorlage laden</source>
        <translation>Load import template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importvorlagen (*.toml);;Alle Dateien (*)</source>
        <translation>Import templates (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Importvorlage speichern</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importvorlagen (*.toml)</source>
        <translation>Import templates (*.toml)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Die Vorlage lässt sich nicht speichern: {error}</source>
        <translation>The template cannot be saved: {error}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vorlage gespeichert: {path}</source>
        <translation>Template saved: {path}</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+6"/>
        <location line="+3"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Messwert</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attribut</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Attributname</source>
        <translation>Attribute name</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/import_pages.py" line="+74"/>
        <source>Datei wählen</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wählen Sie die Datei, die Sie importieren möchten, oder ziehen Sie sie in dieses Fenster: amtliche Statistik (GENESIS, Regionaldatenbank, Kommunale Bildungsdatenbank, ffcsv) oder eine eigene Tabelle (xlsx, xls, ods, csv).</source>
        <translation>Choose the file you want to import or drag it into this window: official statistics (GENESIS, Regionaldatenbank, Kommunale Bildungsdatenbank, ffcsv) or a table of your own (xlsx, xls, ods, csv).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pfad der Datei</source>
        <translation>Path of the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Durch&amp;suchen …</source>
        <translation>Bro&amp;wse …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Datei:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Erkannt:</source>
        <translation>Detected:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Datei zum Importieren wählen</source>
        <translation>Choose a file to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tabellen und Statistiken (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Alle Dateien (*)</source>
        <translation>Tables and statistics (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Die Datei {name} gibt es nicht.</source>
        <translation>The file {name} does not exist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} ist keine Datei.</source>
        <translation>{name} is not a file.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Die Datei beschreibt ihren Aufbau selbst; eine Zuordnung der Spalten ist nicht nötig.</source>
        <translation>The file describes its own structure; no column mapping is needed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Im nächsten Schritt sehen Sie die ersten Zeilen, danach ordnen Sie die Spalten zu.</source>
        <translation>The next step shows the first rows; then you map the columns.</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../bildungsplaner/ui/import_wizard.py" line="-74"/>
        <location line="+21"/>
        <source>Vorschau</source>
        <extracomment>GENESIS/ffcsv: the whole file as read (for its metadata)</extracomment>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>So wird die Datei gelesen: die ersten Zeilen unter der Kopfzeile, mit den Spaltennamen, die die Zuordnung verwendet. Stimmt die Kopfzeile nicht, stellen Sie sie hier ein.</source>
        <translation>This is how the file is read: the first rows below the header, with the column names the mapping uses. If the header is wrong, set it here.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>automatisch</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Blatt:</source>
        <translation>&amp;Sheet:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kopfzeilen:</source>
        <translation>&amp;Header rows:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zeilen darüber über&amp;springen:</source>
        <translation>&amp;Skip rows above:</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Lesen abgebrochen.</source>
        <translation>Reading cancelled.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Blatt „{sheet}“: {error} Wählen Sie oben ein anderes Blatt oder stellen Sie die Kopfzeilen ein.</source>
        <translation>Sheet “{sheet}”: {error} Choose another sheet above or set the header rows.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Kopfzeile: Zeile {first}</source>
        <translation>Header: row {first}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kopfzeilen: Zeile {first} bis {last}</source>
        <translation>Header: rows {first} to {last}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{heading}; Daten ab Zeile {row}; {count} Spalten. Die Vorschau zeigt die ersten {rows} Datenzeilen.</source>
        <translation>{heading}; data from row {row}; {count} columns. The preview shows the first {rows} data rows.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{table}{stand}: {rows} Zeilen, {values} Werte. Die Vorschau zeigt die ersten Werte, wie sie importiert werden.</source>
        <translation>{table}{stand}: {rows} rows, {values} values. The preview shows the first values as they will be imported.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (Stand {stand})</source>
        <translation> (as of {stand})</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/import_wizard.py" line="-294"/>
        <location line="+205"/>
        <source>Abbrechen</source>
        <extracomment>Formats whose structure says what every cell is (no mapping page).</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="-135"/>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>GENESIS-Tabelle (CSV)</source>
        <extracomment>list of (text, data) a ComboDelegate offers for the cell the chosen data of a ComboDelegate cell</extracomment>
        <translation>GENESIS table (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GENESIS-Flatfile (ffcsv)</source>
        <translation>GENESIS flat file (ffcsv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text-Tabelle (CSV)</source>
        <translation>Text table (CSV)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel-Arbeitsmappe (xlsx)</source>
        <translation>Excel workbook (xlsx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel-Arbeitsmappe mit Makros (xlsm)</source>
        <translation>Excel workbook with macros (xlsm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel-Arbeitsmappe im alten Format (xls)</source>
        <translation>Excel workbook in the old format (xls)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenDocument-Tabelle (ods)</source>
        <translation>OpenDocument spreadsheet (ods)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kodierung {encoding}</source>
        <translation>Encoding {encoding}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blätter: {sheets}</source>
        <translation>Sheets: {sheets}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Daten importieren</source>
        <translation>Import data</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt; &amp;Zurück</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weiter &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fertig</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+21"/>
        <source>{name} wird gelesen …</source>
        <translation>Reading {name} …</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merkmal</source>
        <translation>Characteristic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gliederung</source>
        <translation>Breakdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeichen</source>
        <translation>Symbol</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bildungsplaner/ui/main_window.py" line="+52"/>
        <source>Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)</source>
        <translation>Bildungsplaner workspace (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Indikatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungen</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Daten</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planung</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Neuer Arbeitsbereich…</source>
        <translation>New Workspace…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Einen leeren Arbeitsbereich anlegen</source>
        <translation>Create an empty workspace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Öffnen…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen vorhandenen Arbeitsbereich öffnen</source>
        <translation>Open an existing workspace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Demo-Arbeitsbereich öffnen</source>
        <translation>Open Demo Workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den fiktiven Kreis Lindental öffnen (wird beim ersten Mal erzeugt)</source>
        <translation>Open the fictional district of Lindental (created the first time)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sicherung erstellen…</source>
        <translation>Create Backup…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine vollständige Kopie des Arbeitsbereichs schreiben</source>
        <translation>Write a complete copy of the workspace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importieren…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine Statistik oder Tabelle mit dem Import-Assistenten in den Arbeitsbereich übernehmen (oder die Datei ins Fenster ziehen)</source>
        <translation>Take statistics or a table into the workspace with the import assistant (or drag the file into the window)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beenden</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kopieren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markierte Zellen mit Überschriften für Excel kopieren</source>
        <translation>Copy the selected cells with headings for Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Suchen</source>
        <translation>Find</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Datentabelle filtern</source>
        <translation>Filter the data table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Über Bildungsplaner</source>
        <translation>About Bildungsplaner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zuletzt geöffnet</source>
        <translation>Recently Opened</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Kein Arbeitsbereich geöffnet</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arbeitsbereich: {path}</source>
        <translation>Workspace: {path}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Übersicht wird gelesen …</source>
        <translation>Reading the overview …</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+5"/>
        <location line="+48"/>
        <source>Arbeitsbereich öffnen</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>{name} wird geöffnet …</source>
        <translation>Opening {name} …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} geöffnet.</source>
        <translation>{name} opened.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Neuer Arbeitsbereich</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Die Datei {name} gibt es schon. Wählen Sie einen neuen Namen oder öffnen Sie sie mit „Öffnen…“.</source>
        <translation>The file {name} already exists. Choose a new name or open it with “Open…”.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>(keine)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+9"/>
        <location line="+4"/>
        <source>Sicherung erstellen</source>
        <translation>Create Backup</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Sicherung wird geschrieben …</source>
        <translation>Writing the backup …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sicherung geschrieben: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bitte öffnen Sie zuerst einen Arbeitsbereich; in ihn werden die Daten importiert.</source>
        <translation>Please open a workspace first; the data is imported into it.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{name} importiert.</source>
        <translation>{name} imported.</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../bildungsplaner/ui/models.py" line="+20"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+87"/>
        <location line="+93"/>
        <location line="+29"/>
        <location line="+51"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+171"/>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="-95"/>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Werte</source>
        <translation>Values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Einrichtung</source>
        <translation>Facility</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+26"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+24"/>
        <source>Nummer</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Merkmal</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+149"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bildungsphase</source>
        <translation>Phase of education</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angebot</source>
        <translation>Offering</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Anschrift</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Zeichen „{flag}“: {text}</source>
        <translation>Symbol “{flag}”: {text}</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../bildungsplaner/ui/panels.py" line="+70"/>
        <source>Gebiete</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Alle Arten ({count})</source>
        <translation>All kinds ({count})</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&lt;b&gt;In Vorbereitung&lt;/b&gt; – dieser Bereich folgt in einer der nächsten Versionen von {app}.</source>
        <translation>&lt;b&gt;In preparation&lt;/b&gt; – this area will follow in one of the next versions of {app}.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hier übernehmen Sie künftig amtliche Statistiken in den Arbeitsbereich: Tabellen aus GENESIS, der Regionaldatenbank und der Kommunalen Bildungsdatenbank (CSV, XLSX, ffcsv), Schul- und Kitalisten, Bevölkerungszahlen nach Stadtteilen und Tabellen aus dem Kollegium (xlsx, xls, ods, csv).</source>
        <translation>Here you will bring official statistics into the workspace: tables from GENESIS, the Regionaldatenbank and the Kommunale Bildungsdatenbank (CSV, XLSX, ffcsv), lists of schools and day-care centres, population by district and your colleagues’ spreadsheets (xlsx, xls, ods, csv).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jeder Import wird mit seiner Herkunft gespeichert (Datei, Tabellencode, Stand, Fußnoten); Zeichen wie „.“ oder „…“ bleiben als Kennzeichen erhalten, und ein Importbericht nennt jede Korrektur, etwa ergänzte führende Nullen in Gebietsschlüsseln.</source>
        <translation>Every import is stored with its provenance (file, table code, date, footnotes); symbols such as “.” or “…” are kept as flags, and an import report lists every correction, such as leading zeros added to area keys.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planung</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hier entstehen künftig Planungsszenarien: Bedarfsprognosen für Kita-Plätze, Schulplätze und den Ganztagsanspruch (GaFöG) im Vergleich zu den vorhandenen Kapazitäten.</source>
        <translation>Here you will build planning scenarios: demand forecasts for day-care places, school places and the all-day entitlement (GaFöG) compared with existing capacity.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dazu kommt die bedarfsgerechte Verteilung von Mitteln, Stellen oder Plätzen nach einem Bedarfsindex – mit Sockel- und Bedarfsanteil, Mindest- und Höchstwerten und den Verfahren Hare-Niemeyer, Sainte-Laguë/Schepers und D&apos;Hondt. Szenarien lassen sich benennen, vergleichen und rückgängig machen.</source>
        <translation>In addition: needs-based allocation of funds, positions or places by a need index – with base and need shares, minimum and maximum values and the Hare-Niemeyer, Sainte-Laguë/Schepers and D&apos;Hondt methods. Scenarios can be named, compared and undone.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hier erstellen Sie künftig ausschussfertige Excel-Planungstabellen mit Methode, Quellen und Zeichenerklärung.</source>
        <translation>Here you will create committee-ready Excel planning tables with method, sources and symbol legend.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kleine Fallzahlen werden dabei nach den Regeln der Geheimhaltung unterdrückt (primär unter 3, sekundär so, dass Summen sie nicht verraten) und als „.“ gekennzeichnet. Bis dahin können Sie Werte im Bereich „Daten“ markieren und mit Strg+C nach Excel kopieren.</source>
        <translation>Small counts are suppressed following the confidentiality rules (primary below 3, secondary so that totals do not reveal them) and marked “.”. Until then you can select values in the “Data” area and copy them to Excel with Ctrl+C.</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <location filename="../../bildungsplaner/ui/models.py" line="-333"/>
        <source>Bund</source>
        <translation>Federation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Land</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regierungsbezirk</source>
        <translation>Administrative region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kreis</source>
        <translation>District</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemeindeverband</source>
        <translation>Municipal association</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gemeinde</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stadtteil</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sozialraum</source>
        <translation>Social area</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schulbezirk</source>
        <translation>School catchment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../bildungsplaner/ui/tasks.py" line="+103"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
</context>
</TS>
