<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="de_DE">
<context>
    <name></name>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/area.py" line="+514"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="+105"/>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="+49"/>
        <location filename="../../bildungsplaner/ui/data/pivot.py" line="+198"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="+0"/>
        <source>CSV-Datei (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-2"/>
        <source>Als &amp;Word-Datei…</source>
        <extracomment>the reason of the ``data_changed`` this area announces after a report was saved, renamed or deleted the preview is built this long after the last change of a setting (typing builds once, not per key) the chapters a new report starts with (the life course of the Bildungsberichte); Entf removes one</extracomment>
        <translation>As &amp;Word file…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word-Dokument (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="+1"/>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Als &amp;PDF…</source>
        <translation>As PD&amp;F…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabellen als E&amp;xcel…</source>
        <translation>Tables as E&amp;xcel…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Berichtsdefinition (*.toml);;Alle Dateien (*)</source>
        <translation>Report definition (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>Gespeicherte Berichte</source>
        <extracomment>(code, name) of the Kennzahlen and indicators with values (name, kind) of the saved scenarios (key, name) of the regions a report can be about or compare with (Bund, Länder, Kreise, Gemeinden) the saved reports as just read (``list[SavedReport]``) the path of a file an export wrote the saved scenarios as the window hands them over (None: the area reads them itself) the open report, the name it is stored under, the stored version (None: not stored yet) when the stored version was saved (a save over a colleague&apos;s later one is refused: services.reports)</extracomment>
        <translation>Saved reports</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Be&amp;richte:</source>
        <translation>&amp;Reports:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Neu</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen neuen Bericht mit den Kapiteln des Lebenslaufs anlegen</source>
        <translation>Create a new report with the chapters along the life course</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U&amp;mbenennen…</source>
        <translation>Rena&amp;me…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den gewählten Bericht umbenennen</source>
        <translation>Rename the selected report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Den gewählten Bericht löschen</source>
        <translation>Delete the selected report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datei &amp;öffnen…</source>
        <translation>&amp;Open file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine Berichtsdefinition (TOML) öffnen; „Speichern“ legt sie im Arbeitsbereich ab</source>
        <translation>Open a report definition (TOML); “Save” stores it in the workspace</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Die Definition des offenen Berichts als TOML-Datei schreiben (für die Kommandozeile oder einen anderen Arbeitsbereich)</source>
        <translation>Write the definition of the open report as a TOML file (for the command line or another workspace)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Gliederung des Berichts</source>
        <translation>Outline of the report</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Gliederung:</source>
        <translation>Out&amp;line:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kapitel hinzufügen</source>
        <translation>Add &amp;chapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ein Kapitel nach dem gewählten einfügen</source>
        <translation>Insert a chapter after the selected one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kennzahl</source>
        <translation>&amp;Indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen Kennzahl-Baustein einfügen (Diagramm, Tabelle, Text)</source>
        <translation>Insert an indicator module (chart, table, text)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen freien Textbaustein einfügen</source>
        <translation>Insert a free text module</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Szenario</source>
        <translation>&amp;Scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabelle und Diagramm eines gespeicherten Szenarios einfügen</source>
        <translation>Insert the table and chart of a saved scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prognose-Ist-Vergleich</source>
        <translation>&amp;Forecast check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Prognose eines gespeicherten Bedarfsszenarios mit den seither beobachteten Werten vergleichen</source>
        <translation>Compare the forecast of a saved demand scenario with the values observed since</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nach &amp;oben</source>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den gewählten Eintrag nach oben verschieben</source>
        <translation>Move the selected item up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nach &amp;unten</source>
        <translation>Mo&amp;ve down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den gewählten Eintrag nach unten verschieben</source>
        <translation>Move the selected item down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ent&amp;fernen</source>
        <translation>R&amp;emove</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den gewählten Baustein oder das Kapitel entfernen (rückgängig zu machen)</source>
        <translation>Remove the selected module or chapter (can be undone)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Baustein hinzufügen</source>
        <translation>&amp;Add module</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+506"/>
        <source>Baustein hinzufügen</source>
        <translation>Add module</translation>
    </message>
    <message>
        <location line="-505"/>
        <source>Einen Baustein nach dem gewählten einfügen: Kennzahl, Text, Szenario, Prognose-Ist-Vergleich</source>
        <translation>Insert a module after the selected one: indicator, text, scenario, forecast check</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Den Bericht im Arbeitsbereich speichern (Strg+S)</source>
        <translation>Save the report in the workspace (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Den ganzen Bericht als Word-Datei schreiben (in Word und LibreOffice bearbeitbar)</source>
        <translation>Write the whole report as a Word file (editable in Word and LibreOffice)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den ganzen Bericht als PDF schreiben</source>
        <translation>Write the whole report as a PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alle Tabellen des Berichts als eine Excel-Arbeitsmappe schreiben (Tabellenanhang)</source>
        <translation>Write all tables of the report to one Excel workbook (table appendix)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../bildungsplaner/ui/workspace/server.py" line="+153"/>
        <source>Öffnen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geschriebene Datei öffnen</source>
        <translation>Open written file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die zuletzt geschriebene Datei mit ihrem Standardprogramm öffnen</source>
        <translation>Open the most recently written file with its default program</translation>
    </message>
    <message>
        <location line="+113"/>
        <location line="+3"/>
        <source>Berichte lesen</source>
        <translation>Reading reports</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Bericht öffnen</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Bildungsbericht {region}</source>
        <translation>Education report {region}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bildungsbericht</source>
        <translation>Education report</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+6"/>
        <source>Bericht umbenennen</source>
        <translation>Rename report</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+7"/>
        <source>Bericht löschen</source>
        <translation>Delete report</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Den Bericht „{name}“ endgültig löschen? Die Daten bleiben.</source>
        <translation>Delete the report “{name}” permanently? The data remain.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Berichtsdefinition öffnen</source>
        <translation>Open report definition</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Berichtsdefinition speichern</source>
        <translation>Save report definition</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Bericht ändern</source>
        <translation>Change report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kapitel ändern</source>
        <translation>Change chapter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baustein ändern</source>
        <translation>Change module</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Neues Kapitel</source>
        <translation>New chapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kapitel hinzufügen</source>
        <translation>Add chapter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Der Arbeitsbereich hat keine Kennzahl mit Werten. Importieren Sie zuerst die Tabellen einer Kennzahl (siehe Bereich Kennzahlen).</source>
        <translation>The workspace has no indicator with values. First import the tables of an indicator (see the Indicators area).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Der Arbeitsbereich hat noch kein gespeichertes Szenario (Bereich Planung).</source>
        <translation>The workspace has no saved scenario yet (Planning area).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Der Arbeitsbereich hat kein gespeichertes Bedarfsszenario; der Prognose-Ist-Vergleich prüft die Prognose eines Bedarfsszenarios.</source>
        <translation>The workspace has no saved demand scenario; the forecast check tests the forecast of a demand scenario.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ihr Text.</source>
        <translation>Your text.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Legen Sie zuerst ein Kapitel an („Kapitel hinzufügen“).</source>
        <translation>Add a chapter first (“Add chapter”).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Nach oben verschieben</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nach unten verschieben</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kapitel entfernen</source>
        <translation>Remove chapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baustein entfernen</source>
        <translation>Remove module</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Der Bericht „{name}“ hat ungespeicherte Änderungen. Sollen sie gespeichert werden?</source>
        <translation>The report “{name}” has unsaved changes. Do you want to save them?</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+8"/>
        <location line="+2"/>
        <source>Bericht speichern</source>
        <translation>Save report</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Einen Bericht „{name}“ gibt es schon im Arbeitsbereich. Ersetzen?</source>
        <translation>A report “{name}” already exists in the workspace. Replace it?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Gespeichert: „{name}“.</source>
        <translation>Saved: “{name}”.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Die Vorschau zeigt den gewählten Baustein so, wie er gedruckt wird.</source>
        <translation>The preview shows the selected module as it will be printed.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Die Vorschau wird erstellt …</source>
        <translation>Creating the preview …</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Der Baustein lässt sich so nicht bauen.</source>
        <translation>The module cannot be built like this.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+38"/>
        <location line="+9"/>
        <location line="+13"/>
        <source>Bericht exportieren</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>{count} Hinweise: {first}</source>
        <translation>{count} notes: {first}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export abgebrochen; es wurde keine Datei geschrieben.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Der Bericht wird geschrieben …</source>
        <translation>Writing the report …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>„{name}“ wird als {suffix} geschrieben …</source>
        <translation>Writing “{name}” as {suffix} …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{path} ließ sich nicht öffnen: für diese Dateiart ist kein Standardprogramm eingerichtet. Die Datei ist gespeichert.</source>
        <translation>{path} could not be opened: no default program is set up for this file type. The file has been saved.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="+39"/>
        <source>&amp;Geheimhaltung: Fallzahlen unter N unterdrücken</source>
        <translation>&amp;Confidentiality: suppress counts below N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zahlen unter N werden als „.“ gezeigt, dazu so viele weitere, dass Summen sie nicht verraten (nur in der Excel-Arbeitsmappe)</source>
        <translation>Numbers below N are shown as “.”, plus as many others as needed so that totals do not reveal them (Excel workbook only)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fallzahlen unterdrücken unter N</source>
        <translation>Suppress counts below N</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>leer: kein Name in der Datei</source>
        <translation>empty: no name in the file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ihr Name erscheint nur, wenn Sie ihn hier eintragen (Methodik-Blatt und Dokumenteigenschaften); Anmeldename und Dateipfad stehen nie in der Datei.</source>
        <translation>Your name appears only if you enter it here (method sheet and document properties); the login name and file path are never in the file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zieldatei wählen …</source>
        <translation>Choose the target file …</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/workspace/server.py" line="-26"/>
        <source>&amp;Durchsuchen…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Exportieren</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Szenario:</source>
        <translation>&amp;Scenario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Vergleich mit:</source>
        <translation>&amp;Compare with:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verfasst von:</source>
        <translation>&amp;Author:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Zieldatei:</source>
        <translation>&amp;Target file:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ein gespeichertes Szenario als ausschussfertige Tabelle mit Methode, Quellen und Zeichenerklärung ausgeben – auf Wunsch mit einem zweiten Szenario im Vergleich.</source>
        <translation>Export a saved scenario as a committee-ready table with method, sources and symbol legend – optionally compared with a second scenario.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(kein Vergleich)</source>
        <translation>(no comparison)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Eine CSV-Datei hält nur eine Tabelle; für den Vergleich Excel oder PDF wählen</source>
        <translation>A CSV file holds only one table; choose Excel or PDF for the comparison</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export speichern unter</source>
        <translation>Save export as</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-421"/>
        <location line="+388"/>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="+19"/>
        <source>Geschrieben: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/exporting/panel.py" line="-106"/>
        <source>&amp;Öffnen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Die exportierte Datei mit dem Standardprogramm öffnen</source>
        <translation>Open the exported file with the default program</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>{path} ließ sich nicht öffnen: für diese Dateiart ist kein Standardprogramm eingerichtet, oder es startete nicht. Die Datei ist gespeichert.</source>
        <translation>{path} could not be opened: no default program is set up for this kind of file, or it did not start. The file has been saved.</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+5"/>
        <location line="+9"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>„{name}“ wird exportiert …</source>
        <translation>Exporting “{name}” …</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="+57"/>
        <source>Hare-Niemeyer (größter Rest)</source>
        <translation>Hare-Niemeyer (largest remainder)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sainte-Laguë/Schepers</source>
        <translation>Sainte-Laguë/Schepers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&apos;Hondt</source>
        <translation>D&apos;Hondt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>exakt (ohne Runden)</source>
        <translation>exact (no rounding)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Gewicht des Terms (die Gewichte werden auf die Summe 1 normiert)</source>
        <translation>Weight of the term (the weights are normalised to sum to 1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>neuester</source>
        <translation>latest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zeitraum des Indikators, z. B. 2024-12-31; leer: der neueste</source>
        <translation>Period of the indicator, e.g. 2024-12-31; empty: the latest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fehler</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>als 0</source>
        <translation>as 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fehlende Werte: die Berechnung ablehnen oder als 0 zählen</source>
        <translation>Missing values: refuse the calculation or count them as 0</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+326"/>
        <source>Term entfernen</source>
        <translation>Remove term</translation>
    </message>
    <message>
        <location line="-324"/>
        <source>Term {number}: Quelle</source>
        <translation>Term {number}: source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Term {number}: mal</source>
        <translation>Term {number}: times</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term {number}: Gewicht</source>
        <translation>Term {number}: weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term {number}: Gewicht (Schieberegler)</source>
        <translation>Term {number}: weight (slider)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term {number}: Zeitraum</source>
        <translation>Term {number}: period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term {number}: fehlende Werte</source>
        <translation>Term {number}: missing values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Term {number} entfernen</source>
        <translation>Remove term {number}</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Einrichtungen</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiete</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alle Arten; mehrere mit Komma trennen</source>
        <translation>all kinds; separate several with commas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Schlüssel oder Name eines Gebiets; leer: alle</source>
        <translation>Key or name of a region; empty: all</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Empfänger</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungs&amp;arten:</source>
        <translation>Facility &amp;kinds:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="+188"/>
        <location line="+173"/>
        <source>Gebiets&amp;ebene:</source>
        <translation>Area &amp;level:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Innerhalb von:</source>
        <translation>&amp;Within:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Empfänger eingrenzen</source>
        <translation>Restrict recipients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bedarfsterme</source>
        <translation>Need terms</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+391"/>
        <source>Quelle</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mal</source>
        <translation>times</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gewicht</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+278"/>
        <source>gerundete Beträge</source>
        <translation>rounded amounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Zahlen stehen in der Tabelle „Zuteilung je Empfänger“ daneben.</source>
        <translation>The numbers are in the table “Allocation per recipient” alongside.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/pivot.py" line="-108"/>
        <source>Zeichen „{flag}“: {text}</source>
        <translation>Symbol “{flag}”: {text}</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="-279"/>
        <location filename="../../bildungsplaner/ui/indicators/models.py" line="+250"/>
        <location filename="../../bildungsplaner/ui/data/pivot.py" line="+11"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/pivot.py" line="+29"/>
        <source>Gebiete in Zeilen</source>
        <translation>Regions in rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeiträume in Zeilen</source>
        <translation>Periods in rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeilen der Pivot-Tabelle</source>
        <translation>Rows of the pivot table</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kopieren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die ganze Tabelle (oder die Auswahl) für Excel kopieren (Strg+C)</source>
        <translation>Copy the whole table (or the selection) for Excel (Ctrl+C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Als Excel speichern …</source>
        <translation>Save as Excel …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pivot-Tabelle</source>
        <translation>Pivot table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiete × Zeiträume mit den Merkmalen, wie im Diagramm gewählt; Strg+C kopiert die markierten Zellen</source>
        <translation>Areas × periods with the characteristics as chosen for the chart; Ctrl+C copies the selected cells</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Pivot-Tabelle speichern unter</source>
        <translation>Save pivot table as</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="+1"/>
        <source>Fehlende Werte</source>
        <translation>Missing values</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Term &amp;hinzufügen</source>
        <translation>&amp;Add term</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>ohne</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Summe:</source>
        <translation>&amp;Total:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ein&amp;heit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sc&amp;hrittweite:</source>
        <translation>S&amp;tep:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Verfahren:</source>
        <translation>&amp;Method:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ockel je Empfänger:</source>
        <translation>&amp;Base per recipient:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mi&amp;ndestens:</source>
        <translation>Mi&amp;nimum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hö&amp;chstens:</source>
        <translation>Ma&amp;ximum:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Summe ändern</source>
        <translation>Change total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Schrittweite</source>
        <translation>Step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sockel</source>
        <translation>Base</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-219"/>
        <location line="+147"/>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verfahren</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Das Ergebnis des Szenarios: je Empfänger der exakte Anteil und der gerundete Betrag; dieselben Zahlen wie im Diagramm. Die Leertaste in der Spalte „fest“ hält einen Empfänger fest.</source>
        <translation>The result of the scenario: the exact share and the rounded amount per recipient; the same numbers as in the chart. Space in the “locked” column locks a recipient.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+191"/>
        <source>Diagramm: Zuteilung je Empfänger</source>
        <translation>Chart: allocation per recipient</translation>
    </message>
    <message>
        <location line="-146"/>
        <source>Vorhandene Arten: {kinds}</source>
        <translation>Existing kinds: {kinds}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Art der Empfänger</source>
        <translation>Type of recipients</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Einrichtungsarten</source>
        <translation>Facility kinds</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="-191"/>
        <location line="+180"/>
        <source>Gebietsebene</source>
        <translation>Area level</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gewicht ändern</source>
        <translation>Change weight</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bedarfsterm ändern</source>
        <translation>Change need term</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Term hinzufügen</source>
        <translation>Add term</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Empfänger festlegen</source>
        <translation>Lock recipient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Festlegung aufheben</source>
        <translation>Unlock recipient</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{count} Empfänger, verteilt: {sum} {unit} ({method})</source>
        <translation>{count} recipients, allocated: {sum} {unit} ({method})</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/compare.py" line="+62"/>
        <source>&amp;Vergleichen</source>
        <translation>&amp;Compare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Szenario &amp;A:</source>
        <translation>Scenario &amp;A:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Szenario &amp;B:</source>
        <translation>Scenario &amp;B:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verglichen werden die gespeicherten Fassungen; Differenz = B − A.</source>
        <translation>The saved versions are compared; difference = B − A.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Vergleich der Szenarien</source>
        <translation>Comparison of the scenarios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Je Empfänger oder Gebiet die Werte von A und B und die Differenz B − A</source>
        <translation>Per recipient or area, the values of A and B and the difference B − A</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hinweise zum Vergleich</source>
        <translation>Notes on the comparison</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="-171"/>
        <source>Nach übergeordnetem Gebiet gruppieren</source>
        <translation>Group by parent area</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Szenarien vergleichen</source>
        <translation>Compare scenarios</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/demand.py" line="+67"/>
        <source>„{text}“ ist keine Zahl.</source>
        <translation>“{text}” is not a number.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>„{part}“: erwartet „Jahr: Wert“, z. B. 2026: 0,45.</source>
        <translation>“{part}”: expected “year: value”, e.g. 2026: 0.45.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>„{part}“ ist kein Alter (z. B. 1, 2 oder 6-9).</source>
        <translation>“{part}” is not an age (e.g. 1, 2 or 6-9).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bitte mindestens ein Alter angeben.</source>
        <translation>Please give at least one age.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>neuestes beobachtetes</source>
        <translation>latest observed</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>„mean-3“: Mittel der letzten 3 Jahre je Gebiet; „last“: das Startjahr; eine Zahl für das ganze Gebiet; oder „2026: 1200; 2030: 1100“</source>
        <translation>“mean-3”: mean of the last 3 years per area; “last”: the start year; a number for the whole area; or “2026: 1200; 2030: 1100”</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Prognosehorizont</source>
        <translation>Forecast horizon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basisjahr</source>
        <translation>Base year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verbleibequote</source>
        <translation>Survival rate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bevölkerung</source>
        <translation>Population</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indikator, Gebiete:</source>
        <translation>Indicator, areas:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Basisjahr:</source>
        <translation>&amp;Base year:</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/new_demand.py" line="+76"/>
        <location filename="../../bildungsplaner/ui/planning/demand.py" line="+1"/>
        <source>Prognose&amp;horizont:</source>
        <translation>Forecast &amp;horizon:</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/demand.py" line="+1"/>
        <source>&amp;Geburten:</source>
        <translation>Bir&amp;ths:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verbleibequote je Jahr:</source>
        <translation>&amp;Survival rate per year:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Eine Zeile je Bedarf: Alter, Quote, Ganztag und die Plätze; Pfeiltasten wählen eine Zelle, F2 oder Tippen bearbeitet sie</source>
        <translation>One row per demand line: age, rate, all-day and the places; arrow keys select a cell, F2 or typing edits it</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="+280"/>
        <source>Bedarf</source>
        <translation>Demand</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+156"/>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="+1"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+12"/>
        <source>Alter</source>
        <translation>Ages</translation>
    </message>
    <message>
        <location line="-156"/>
        <location line="+158"/>
        <source>Quote</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>Ganztag (GaFöG)</source>
        <translation>All-day (GaFöG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plätze: Attribut</source>
        <translation>Places: attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plätze: Einrichtungsarten</source>
        <translation>Places: facility kinds</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Quote als Anteil (0,45) oder je Jahr: „2026: 0,45; 2030: 0,55“</source>
        <translation>Rate as a share (0.45) or per year: “2026: 0.45; 2030: 0.55”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bedarfszeilen</source>
        <translation>Demand lines</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Text ü&amp;bernehmen</source>
        <translation>A&amp;pply text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Den Text prüfen und als neue Fassung übernehmen (rückgängig machbar)</source>
        <translation>Check the text and apply it as the new version (can be undone)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Formular</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TOML-Text</source>
        <translation>TOML text</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bedarf je Gebiet und Jahr</source>
        <translation>Demand per area and year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Das Ergebnis des Bedarfsszenarios je Gebiet, Jahr und Bedarfszeile: Bedarf, Plätze und Differenz</source>
        <translation>The result of the demand scenario per area, year and demand line: demand, places and difference</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="-1"/>
        <source>Hinweise zur Berechnung</source>
        <translation>Notes on the calculation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Szenario als TOML-Text</source>
        <translation>Scenario as TOML text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+165"/>
        <source>Diagramm: Bedarf und Plätze je Jahr</source>
        <translation>Chart: demand and places per year</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Den Namen ändern Sie im TOML-Text.</source>
        <translation>Change the name in the TOML text.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Geburten</source>
        <translation>Births</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ganztagsanspruch</source>
        <translation>All-day entitlement</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="+13"/>
        <source>Plätze</source>
        <translation>Places</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Der Text</source>
        <translation>The text</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Der Text beschreibt kein Bedarfsszenario (kind = &quot;demand&quot;).</source>
        <translation>The text does not describe a demand scenario (kind = &quot;demand&quot;).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Den Namen ändern Sie mit „Umbenennen“ in der Szenarioliste.</source>
        <translation>Change the name with “Rename” in the scenario list.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text übernehmen</source>
        <translation>Apply text</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{line}: Bedarf {first_year} {first}, {last_year} {last}</source>
        <translation>{line}: demand {first_year} {first}, {last_year} {last}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Liniendiagramm Bedarf und Plätze je Jahr (alle Gebiete). {lines}. Die Zahlen stehen in der Tabelle „Bedarf je Gebiet und Jahr“ daneben.</source>
        <translation>Line chart of demand and places per year (all areas). {lines}. The numbers are in the table “Demand per area and year” alongside.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/editor.py" line="+164"/>
        <source>Szenarien</source>
        <extracomment>the editor of each kind of scenario: a spec&apos;s type → its editor widget&apos;s class (see the module docstring) the scenario list&apos;s width at the start (the editor takes the rest; 1280 pixels wide screens are common) the saved scenarios as just read (list of SavedScenario), after opening, saving, renaming, deleting the stored scenario&apos;s id and version the open one was loaded from (saves go only over that version)</extracomment>
        <translation>Scenarios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Die gespeicherten Szenarien; die Pfeiltasten wählen und öffnen, F2 benennt um, Entf löscht, Strg+D dupliziert</source>
        <translation>The saved scenarios; arrow keys select and open, F2 renames, Del deletes, Ctrl+D duplicates</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Neu</source>
        <translation>New</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Szenario-Befehle</source>
        <translation>Scenario commands</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weitere Szenario-Befehle</source>
        <translation>More scenario commands</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Speichern und Rückgängig</source>
        <translation>Save and undo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wählen Sie links ein Szenario oder legen Sie mit „Neu“ eines an.</source>
        <extracomment>how a new scenario of each kind starts (None: the user cancelled); same keys as EDITORS</extracomment>
        <translation>Choose a scenario on the left or create one with “New”.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="+66"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="+42"/>
        <source>Szenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vergleich</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Weitere Befehle: {toolbar}</source>
        <translation>More commands: {toolbar}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Verteilungsszenario</source>
        <translation>Allocation scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ein neues Verteilungsszenario anlegen</source>
        <translation>Create a new allocation scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bedarfsszenario</source>
        <translation>Demand scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ein neues Bedarfsszenario anlegen</source>
        <translation>Create a new demand scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplizieren</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine Kopie des gewählten Szenarios anlegen</source>
        <translation>Create a copy of the selected scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Umbenennen…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Das gewählte Szenario umbenennen</source>
        <translation>Rename the selected scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Löschen…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das gewählte Szenario löschen</source>
        <translation>Delete the selected scenario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datei öffnen…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine Szenariodatei (*.toml) öffnen</source>
        <translation>Open a scenario file (*.toml)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/indicators/index_editor.py" line="+183"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-43"/>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Szenario im Arbeitsbereich speichern (Strg+S)</source>
        <translation>Save the scenario in the workspace (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-802"/>
        <source>Als TOML-Datei…</source>
        <translation>As TOML file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Szenario als Szenariodatei (TOML) speichern</source>
        <translation>Save the scenario as a scenario file (TOML)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-11"/>
        <location line="+1"/>
        <location line="+22"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="+58"/>
        <location line="+21"/>
        <source>Rückgängig</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-21"/>
        <location line="+1"/>
        <location line="+23"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-19"/>
        <location line="+20"/>
        <source>Wiederholen</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>Szenario öffnen</source>
        <translation>Open scenario</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Daten zusammenstellen</source>
        <translation>Collecting data</translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="+570"/>
        <source> – ungespeicherte Änderungen</source>
        <translation> – unsaved changes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> – inzwischen von {who} gespeichert</source>
        <translation> – saved by {who} in the meantime</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(noch nicht gespeichert)</source>
        <translation>(not saved yet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>Ungespeicherte Änderungen wiederherstellen</source>
        <translation>Restore unsaved changes</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Das Programm wurde beendet, bevor die Änderungen am Szenario „{name}“ gespeichert waren (Stand {time}). Sollen sie wiederhergestellt werden? Sie können sie danach speichern oder verwerfen.</source>
        <translation>The program ended before the changes to the scenario “{name}” were saved (as of {time}). Restore them? You can then save or discard them.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Entwurf</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+23"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="+14"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Szenario „{name}“ hat ungespeicherte Änderungen. Sollen sie gespeichert werden?</source>
        <translation>The scenario “{name}” has unsaved changes. Do you want to save them?</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+9"/>
        <location line="+4"/>
        <location line="+16"/>
        <source>Szenario speichern</source>
        <translation>Save scenario</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Ein Szenario „{name}“ gibt es schon im Arbeitsbereich. Ersetzen?</source>
        <translation>A scenario “{name}” already exists in the workspace. Replace it?</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+18"/>
        <source>Neu laden</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+35"/>
        <location line="+10"/>
        <location line="+2"/>
        <source>Als Kopie speichern</source>
        <translation>Save as Copy</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Ihre Änderungen am Szenario „{name}“ verwerfen und die von {who} gespeicherte Fassung laden?</source>
        <translation>Discard your changes to the scenario “{name}” and load the version saved by {who}?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name der Kopie:</source>
        <translation>Name of the copy:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} (Kopie)</source>
        <translation>{name} (copy)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Im Arbeitsbereich gibt es keine Bevölkerung nach Alter (einen Indikator mit einem Merkmal „Alter…“, z. B. die GENESIS-Tabelle 12411-04-02). Bitte importieren Sie sie zuerst.</source>
        <translation>The workspace has no population by age (an indicator with a characteristic “Alter…”, e.g. the GENESIS table 12411-04-02). Please import it first.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neuer Bedarf</source>
        <translation>New demand</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Szenario duplizieren</source>
        <translation>Duplicate scenario</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>Szenario umbenennen</source>
        <translation>Rename scenario</translation>
    </message>
    <message>
        <location line="-12"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-319"/>
        <source>Neuer Name:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <location line="+3"/>
        <source>Szenario löschen</source>
        <translation>Delete scenario</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Das Szenario „{name}“ endgültig löschen?</source>
        <translation>Delete the scenario “{name}” permanently?</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+12"/>
        <source>Szenariodatei öffnen</source>
        <translation>Open scenario file</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Szenariodatei (*.toml);;Alle Dateien (*)</source>
        <translation>Scenario file (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Als Szenariodatei speichern</source>
        <translation>Save as scenario file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Szenariodatei (*.toml)</source>
        <translation>Scenario file (*.toml)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="-236"/>
        <source>ja</source>
        <extracomment>shown for a missing (NaN) number</extracomment>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+103"/>
        <location filename="../../bildungsplaner/ui/indicators/models.py" line="-1"/>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="-103"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-132"/>
        <location line="+147"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bedarfsindex</source>
        <translation>Need index</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bedarfsanteil × Zahl der Empfänger: 1 = durchschnittlicher Bedarf</source>
        <translation>Need share × number of recipients: 1 = average need</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Bedarfsanteil</source>
        <translation>Need share</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Exakt</source>
        <translation>Exact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Der exakte Anteil vor dem Runden</source>
        <translation>The exact share before rounding</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Zuteilung</source>
        <translation>Allocation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Differenz</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zuteilung − exakter Anteil</source>
        <translation>Allocation − exact share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grenze</source>
        <translation>Bound</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minimum, Maximum oder fest</source>
        <translation>Minimum, maximum or locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fest</source>
        <translation>locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ankreuzen: dieser Empfänger behält seine Zuteilung fest</source>
        <translation>Tick: this recipient keeps its allocation fixed</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/widgets.py" line="+118"/>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="+96"/>
        <location filename="../../bildungsplaner/ui/indicators/models.py" line="-1"/>
        <location line="+29"/>
        <location filename="../../bildungsplaner/ui/data/pivot.py" line="-96"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="-216"/>
        <source>Summe {name} ({count})</source>
        <extracomment>background of a subtotal or grand total row GENESIS symbols (Zeichenerklärung) shown instead of a number</extracomment>
        <translation>Total {name} ({count})</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+217"/>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>beobachtet</source>
        <translation>observed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ja: Bevölkerung beobachtet; sonst fortgeschrieben</source>
        <translation>yes: population observed; otherwise projected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kinder</source>
        <translation>Children</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bedarf (Plätze)</source>
        <translation>Demand (places)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lücke</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plätze − Bedarf; negativ: es fehlen Plätze</source>
        <translation>Places − demand; negative: places are missing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deckung</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plätze / Bedarf</source>
        <translation>Places / demand</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Differenz (B − A)</source>
        <translation>Difference (B − A)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../bildungsplaner/ui/indicators/models.py" line="-171"/>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Geändert am {date}</source>
        <translation>Changed on {date}</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/common/completers.py" line="+85"/>
        <source>alle Gebiete</source>
        <translation>all regions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kein Gebiet mit diesem Schlüssel – aus der Liste wählen</source>
        <translation>no region with this key – pick one from the list</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/widgets.py" line="-21"/>
        <source>Die Empfänger nach dem übergeordneten Gebiet zusammenfassen, mit Zwischensummen</source>
        <extracomment>the exact share: light, hatched and outlined in the amount&apos;s colour (the outline reaches 3:1 on white, and the two bars differ by pattern, not by colour alone) every series colour reaches 3:1 on white (WCAG 1.4.11); demand lines are solid with a marker per line, capacity lines dashed the open scenario the last result (None: none yet or failed)</extracomment>
        <translation>Group the recipients by the region above them, with subtotals</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/compare.py" line="-67"/>
        <location filename="../../bildungsplaner/ui/planning/widgets.py" line="+3"/>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="+2"/>
        <source>Ebene der Gruppen</source>
        <translation>Level of the groups</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/widgets.py" line="+17"/>
        <source>nach {level} gruppieren</source>
        <translation>group by {level}</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Fehler: {message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keine Hinweise.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Kein Ergebnis</source>
        <extracomment>the colours of the last drawing (from the palette, see ``ui/common/theme``) our series colours (replaced by the palette&apos;s in high contrast)</extracomment>
        <translation>No result</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+2"/>
        <source>exakt</source>
        <translation>exact</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>gerundet</source>
        <translation>rounded</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../bildungsplaner/ui/planning/allocation.py" line="-8"/>
        <source>Zuteilung je Empfänger</source>
        <translation>Allocation per recipient</translation>
    </message>
    <message>
        <location line="+43"/>
        <location line="+9"/>
        <source> (Lücke: kein Wert)</source>
        <translation> (gap: no value)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>{line}: Bedarf</source>
        <translation>{line}: demand</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{line}: Plätze</source>
        <translation>{line}: places</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bedarf und Plätze je Jahr (alle Gebiete)</source>
        <translation>Demand and places per year (all areas)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/common/help.py" line="+92"/>
        <source>{app} – Handbuch</source>
        <extracomment>The handbook&apos;s topics (anchors of ``hilfe.html``) that the program opens it at.</extracomment>
        <translation>{app} – Handbook</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handbuch</source>
        <translation>Handbook (German)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Das Handbuch fehlt in dieser Installation ({path}).</source>
        <translation>The handbook is missing from this installation ({path}).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Im Handbuch suchen (Strg+F; Eingabe/F3: weiter, Umschalt+F3: zurück)</source>
        <translation>Search the handbook (Ctrl+F; Enter/F3: next, Shift+F3: previous)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Im Handbuch suchen</source>
        <translation>Search the handbook</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>vom Anfang an gesucht</source>
        <translation>searched from the beginning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vom Ende an gesucht</source>
        <translation>searched from the end</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nicht gefunden</source>
        <translation>not found</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{app} – Lizenzen</source>
        <translation>{app} – Licences</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Lizenzdateien</source>
        <translation>Licence files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lizenztext</source>
        <translation>Licence text</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Keine Lizenztexte gefunden in {folder}.</source>
        <translation>No licence texts found in {folder}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{file} ist nicht lesbar: {error}</source>
        <translation>{file} cannot be read: {error}</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/demand.py" line="-221"/>
        <location line="+167"/>
        <source>Quote ohne Rechtsanspruch</source>
        <translation>Rate without entitlement</translation>
    </message>
    <message>
        <location line="-164"/>
        <source>Ganztag: Teilnahmequote der Klassen, die noch keinen Rechtsanspruch haben (0,6 oder je Jahr „2026: 0,5; 2028: 0,6“); leer: dieselbe Quote wie mit Rechtsanspruch</source>
        <translation>All-day school: participation rate of the grades not yet entitled (0.6 or per year “2026: 0.5; 2028: 0.6”); empty: the same rate as with entitlement</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Nur für eine Ganztagszeile (GaFöG).</source>
        <translation>Only for an all-day school line (GaFöG).</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/models.py" line="-108"/>
        <source>„.“: der Wert fehlt; im Bedarf als 0 gerechnet (missing = &quot;zero&quot;), siehe Hinweise</source>
        <translation>“.”: the value is missing; counted as 0 in the need (missing = &quot;zero&quot;), see the notes</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>„x“: diese Bedarfszeile hat keinen Ganztagsanspruch</source>
        <translation>“x”: this demand line has no all-day school entitlement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alter mit Rechtsanspruch</source>
        <translation>Ages with entitlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ganztag (GaFöG): die Alter der Klassen mit Rechtsanspruch in diesem Schuljahr</source>
        <translation>All-day school (GaFöG): the ages of the grades entitled in this school year</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>davon mit Rechtsanspruch</source>
        <translation>of which entitled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kinder der Klassen mit Rechtsanspruch auf Ganztag; </source>
        <translation>Children of the grades entitled to all-day school; </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ganztag: Kinder mit Rechtsanspruch × Quote + übrige Kinder × Quote vor dem Rechtsanspruch</source>
        <translation>All-day school: entitled children × rate + other children × rate before the entitlement</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bedarf mit Rechtsanspruch</source>
        <translation>Demand with entitlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>davon: Bedarf der Klassen mit Rechtsanspruch; </source>
        <translation>of which: demand of the entitled grades; </translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/workspace/home.py" line="+40"/>
        <source>Willkommen bei Bildungsplaner</source>
        <translation>Welcome to Bildungsplaner</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Neuer Arbeitsbereich</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Für welchen Kreis oder welche kreisfreie Stadt arbeiten Sie? Bildungsplaner legt Ihren Arbeitsbereich dafür an: Importe bundesweiter Tabellen behalten dann Ihren Kreis, seine Gemeinden und zum Vergleich Land und Bund.</source>
        <translation>Which district (Kreis or kreisfreie Stadt) do you work for? Bildungsplaner creates your workspace for it: imports of nationwide tables then keep your district, its municipalities and, for comparison, the state and Germany.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heimatregion des neuen Arbeitsbereichs (Kreis oder kreisfreie Stadt):</source>
        <translation>Home region of the new workspace (Kreis or kreisfreie Stadt):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name oder Schlüssel, z. B. Unna oder 05978</source>
        <translation>Name or key, e.g. Unna or 05978</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../bildungsplaner/ui/common/help.py" line="-136"/>
        <source>&amp;Suchen:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Kreise und kreisfreie Städte</source>
        <translation>Districts and district-free cities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pfeiltasten wählen, Eingabe legt den Arbeitsbereich für das gewählte Gebiet an</source>
        <translation>Arrow keys select, Enter creates the workspace for the selected area</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Arbeitsbereich anlegen</source>
        <translation>Create workspace</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo öffnen</source>
        <translation>Open demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den fiktiven Kreis Lindental ansehen (eine eigene Datei)</source>
        <translation>Look at the fictional Kreis Lindental (a file of its own)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/new_demand.py" line="-30"/>
        <source>Neues Bedarfsszenario</source>
        <translation>New demand scenario</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-147"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bevölkerung:</source>
        <translation>&amp;Population:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alter aus:</source>
        <translation>Age from:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Gebiete:</source>
        <translation>&amp;Regions:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Die Bedarfszeilen U3 und Ü3 (ohne Plätze) ergänzen Sie danach im Editor. Gespeichert wird das Szenario, sobald es sich rechnen lässt.</source>
        <translation>Add the demand lines U3 and Ü3 (without places) afterwards in the editor. The scenario is saved as soon as it can be computed.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{level} ({count} Gebiete mit Werten)</source>
        <translation>{level} ({count} regions with values)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Bitte eine Bevölkerung wählen.</source>
        <translation>Please choose a population.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bitte einen Namen angeben.</source>
        <translation>Please enter a name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ein Szenario „{name}“ gibt es schon.</source>
        <translation>A scenario “{name}” already exists.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/common/sidebar.py" line="+47"/>
        <source>&amp;Seitenleiste</source>
        <extracomment>the areas on which the side panel is hidden unless the user shows it</extracomment>
        <translation>&amp;Sidebar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gebiete und Indikatoren links ein- oder ausblenden (Strg+B); auf Planung und Export ist die Seitenleiste zunächst ausgeblendet</source>
        <translation>Show or hide the regions and indicators on the left (Ctrl+B); on Planning and Export the sidebar starts hidden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seitenleiste ein- oder ausblenden (Strg+B)</source>
        <translation>Show or hide the sidebar (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/index_editor.py" line="-55"/>
        <location line="+156"/>
        <source>Index bearbeiten</source>
        <translation>Edit index</translation>
    </message>
    <message>
        <location line="-156"/>
        <source>Neuer Index</source>
        <translation>New index</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Indexdefinition (TOML)</source>
        <translation>Index definition (TOML)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Definition (TOML):</source>
        <translation>&amp;Definition (TOML):</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Vorschau des Index</source>
        <translation>Preview of the index</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verteilung auf die Klassen</source>
        <translation>Distribution across the classes</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <source>Eingaben je Gebiet</source>
        <translation>Inputs per area</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Der Index je Gebiet mit seiner Klasse, aus der geprüften Definition</source>
        <translation>The index per area with its class, from the checked definition</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+87"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="+401"/>
        <source>Vorschau</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+25"/>
        <source>Als TOML e&amp;xportieren…</source>
        <translation>E&amp;xport as TOML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+77"/>
        <location line="+8"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+1"/>
        <location line="+304"/>
        <location line="+8"/>
        <source>Als TOML exportieren</source>
        <translation>Export as TOML</translation>
    </message>
    <message>
        <location line="-81"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-309"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-622"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+29"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+241"/>
        <source>Definition prüfen</source>
        <translation>Check definition</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Die Definition ist in Ordnung: {count} Gebiete.</source>
        <translation>The definition is valid: {count} areas.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} ausgeschlossen.</source>
        <translation>{count} excluded.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Index berechnen</source>
        <translation>Compute index</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Gebiete je Klasse</source>
        <translation>Areas per class</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Verteilung auf die Klassen:</source>
        <translation>Distribution across the classes:</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Indexdefinition (*.toml);;Alle Dateien (*)</source>
        <translation>Index definition (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+69"/>
        <source>Die Datei lässt sich nicht schreiben: {error}</source>
        <translation>The file cannot be written: {error}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>Index speichern</source>
        <translation>Save index</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Der Index wurde nicht gespeichert.</source>
        <translation>The index was not saved.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/widgets.py" line="+118"/>
        <source>Noch keine Werte</source>
        <extracomment>bars shown at most (the chart is a preview; the table holds every row) the colours of the last drawing (see ``theme.chart_colours``)</extracomment>
        <translation>No values yet</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-511"/>
        <source>Kennzahl-Definition (*.toml);;Alle Dateien (*)</source>
        <extracomment>milliseconds of quiet typing before the live check runs</extracomment>
        <translation>Indicator definition (*.toml);;All files (*)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Neue Kennzahl</source>
        <extracomment>the :class:`IndicatorEntry` of the saved definition</extracomment>
        <translation>New indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kennzahl {code} bearbeiten</source>
        <translation>Edit indicator {code}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>z. B. ANTEIL_U6</source>
        <translation>e.g. ANTEIL_U6</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>z. B. %</source>
        <translation>e.g. %</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>z. B. 100 * kinder / bev</source>
        <translation>e.g. 100 * kinder / bev</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erlaubt: + − * / ( ), Zahlen und die Namen der Eingaben</source>
        <translation>Allowed: + − * / ( ), numbers and the names of the inputs</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prüfergebnis</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Code:</source>
        <translation>&amp;Code:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+147"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>&amp;Einheit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nach&amp;kommastellen:</source>
        <translation>&amp;Decimals:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+148"/>
        <source>Nachkommastellen</source>
        <translation>Decimals</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>&amp;Formel:</source>
        <translation>&amp;Formula:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+149"/>
        <source>Formel</source>
        <translation>Formula</translation>
    </message>
    <message>
        <location line="-144"/>
        <source>Eingaben</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eingabe &amp;hinzufügen</source>
        <translation>&amp;Add input</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+184"/>
        <source>Eingabe hinzufügen</source>
        <translation>Add input</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Eingabe &amp;entfernen</source>
        <translation>&amp;Remove input</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+189"/>
        <source>Eingabe entfernen</source>
        <translation>Remove input</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>E&amp;ingaben:</source>
        <translation>&amp;Inputs:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>So steht die Eingabe in der Formel</source>
        <translation>The name of the input in the formula</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>z. B. 0-2, 3-5, 65- oder all</source>
        <translation>e.g. 0-2, 3-5, 65- or all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summe der Altersgruppen in diesem Bereich; eine Gruppe, die über die Grenze reicht, wird abgelehnt</source>
        <translation>Sum of the age groups within this range; a group that crosses the boundary is refused</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>−1: für das Ergebnisjahr t den Wert des Jahres t−1 verwenden</source>
        <translation>−1: use the value of year t−1 for the result year t</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>N&amp;ame in der Formel:</source>
        <translation>N&amp;ame in the formula:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+116"/>
        <source>Name der Eingabe</source>
        <translation>Name of the input</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>&amp;Quelle:</source>
        <translation>&amp;Source:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quelle der Eingabe</source>
        <translation>Source of the input</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter (Merkmal = Wert):</source>
        <translation>Filter (characteristic = value):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;lter:</source>
        <translation>A&amp;ges:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Altersbereich</source>
        <translation>Age range</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Jahresversatz:</source>
        <translation>&amp;Year offset:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+117"/>
        <source>Jahresversatz</source>
        <translation>Year offset</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Ausgewählte Eingabe</source>
        <translation>Selected input</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Zweck:</source>
        <translation>&amp;Purpose:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zweck</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formel in &amp;Worten:</source>
        <translation>Formula in &amp;words:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Formel in Worten</source>
        <translation>Formula in words</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tichtag:</source>
        <translation>Reference &amp;date:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stichtag</source>
        <translation>Reference date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hinweise:</source>
        <translation>&amp;Notes:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hinweise</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+6"/>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Formel und Eingaben</source>
        <translation>Formula and inputs</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Diagramm der Vorschau</source>
        <translation>Chart of the preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/report/preview.py" line="+122"/>
        <source>&amp;Vorschau:</source>
        <translation>&amp;Preview:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>TOML &amp;importieren…</source>
        <translation>&amp;Import TOML…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+283"/>
        <location line="+10"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>TOML importieren</source>
        <translation>Import TOML</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/planning/editor.py" line="-177"/>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="-294"/>
        <location filename="../../bildungsplaner/ui/workspace/transfer.py" line="+74"/>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="+16"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/editor.py" line="+105"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(ohne Namen)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location line="+28"/>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="-123"/>
        <source>(bitte wählen)</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tabelle {table}: {measure}</source>
        <translation>Table {table}: {measure}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>(keine Merkmale)</source>
        <translation>(no characteristics)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nicht gefiltert (Gesamtwert)</source>
        <translation>not filtered (total)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{value} (nicht in den Daten)</source>
        <translation>{value} (not in the data)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Altersgruppen lassen sich auch mit „Alter“ zusammenfassen</source>
        <translation>Age groups can also be combined with “Ages”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter {dimension}</source>
        <translation>Filter {dimension}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Wird geprüft …</source>
        <translation>Checking …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Die Definition lässt sich so nicht speichern.</source>
        <translation>The definition cannot be saved like this.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Die Definition ist in Ordnung.</source>
        <translation>The definition is valid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{count} Werte berechnet; die Vorschau zeigt {shown}.</source>
        <translation>{count} values computed; the preview shows {shown}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Vorschau {year}</source>
        <translation>Preview {year}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… und {count} weitere</source>
        <translation>… and {count} more</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Diese Datei ist eine Indexdefinition; bitte mit „Neuer Index…“ öffnen.</source>
        <translation>This file is an index definition; please open it with “New index…”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../bildungsplaner/ui/indicators/area.py" line="+39"/>
        <source>Die Datei lässt sich nicht lesen: {error}</source>
        <translation>The file cannot be read: {error}</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../bildungsplaner/ui/indicators/area.py" line="-13"/>
        <source>Die Datei lässt sich nicht öffnen: {error}</source>
        <translation>The file cannot be opened: {error}</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+4"/>
        <source>Kennzahl speichern</source>
        <translation>Save indicator</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{code} wird gespeichert und berechnet …</source>
        <translation>Saving and computing {code} …</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/models.py" line="-59"/>
        <source>importiert</source>
        <extracomment>the :class:`IndicatorEntry` behind a row (``None`` on a group row)</extracomment>
        <translation>imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>berechnet (eigene)</source>
        <translation>computed (own)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+231"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Katalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Quelle fehlt: {sources}</source>
        <translation>Source missing: {sources}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nicht berechenbar</source>
        <translation>cannot be computed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verfügbar</source>
        <translation>available</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Eigene Kennzahlen</source>
        <translation>Own indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Indizes</source>
        <translation>Indices</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importierte Indikatoren</source>
        <translation>Imported indicators</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="-2"/>
        <source>Kennzahl</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verfügbarkeit</source>
        <translation>Availability</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{count} Einträge</source>
        <translation>{count} entries</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stufe: {tier}</source>
        <translation>Tier: {tier}</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Klasse</source>
        <translation>Class</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{code} (Wert)</source>
        <translation>{code} (value)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{code} (standardisiert)</source>
        <translation>{code} (standardised)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/indicators/area.py" line="-436"/>
        <source>Ein importierter Indikator; seine Werte zeigt der Bereich Daten.</source>
        <extracomment>the reason of the ``data_changed`` this area announces after a definition was saved or deleted the „fehlt“ lines shown at most in the details why there are no values (a missing source, a message of the computation)</extracomment>
        <translation>An imported indicator; the Data area shows its values.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Code: {code} · Einheit: {unit} · {kind}</source>
        <translation>Code: {code} · Unit: {unit} · {kind}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · Bereich {area} ({name})</source>
        <translation> · Area {area} ({name})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · Stufe: {tier}</source>
        <translation> · Tier: {tier}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importieren Sie die fehlenden Tabellen; die Kennzahl wird dann von selbst berechnet.</source>
        <translation>Import the missing tables; the indicator is then computed by itself.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Zweck:</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formel in Worten:</source>
        <translation>Formula in words:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stichtag:</source>
        <translation>Reference date:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hinweise:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quelltabellen:</source>
        <translation>Source tables:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Eingabe</source>
        <translation>Input</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Datensatz</source>
        <translation>Dataset</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="+30"/>
        <location line="+7"/>
        <source>Tabelle</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stand</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lizenz</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+3"/>
        <source>Definition:</source>
        <translation>Definition:</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Version {version}, geändert von {who} am {when}</source>
        <translation>Version {version}, changed by {who} on {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mitgelieferter Katalog (unverändert)</source>
        <translation>built-in catalogue (unchanged)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Kennzahlen</source>
        <extracomment>the loaded list (``list[IndicatorEntry]``), after every reload</extracomment>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Kennzahlen nach Bereich A bis I mit Art und Verfügbarkeit; die Einzelheiten und Werte der gewählten stehen rechts</source>
        <translation>The indicators by area A to I with kind and availability; the details and values of the selected one are on the right</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Filtern: Name, Code, Art</source>
        <translation>Filter: name, code, kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kennzahlen filtern</source>
        <translation>Filter indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kennzahlen:</source>
        <translation>&amp;Indicators:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Neue &amp;Kennzahl…</source>
        <translation>New &amp;indicator…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Eine eigene Kennzahl aus den Indikatoren des Arbeitsbereichs definieren</source>
        <translation>Define an own indicator from the workspace&apos;s indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neuer &amp;Index…</source>
        <translation>New in&amp;dex…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen Sozialindex aus mehreren Kennzahlen definieren</source>
        <translation>Define a social index from several indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+200"/>
        <source>&amp;Bearbeiten…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Die ausgewählte eigene Kennzahl ändern, oder eine Kennzahl des Katalogs als eigene kopieren</source>
        <translation>Change the selected own indicator, or copy a catalogue indicator as an own one</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../bildungsplaner/ui/report/area.py" line="-129"/>
        <source>&amp;Löschen…</source>
        <translation>&amp;Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die ausgewählte eigene Kennzahl und ihre Werte entfernen</source>
        <translation>Remove the selected own indicator and its values</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Definition &amp;importieren…</source>
        <translation>&amp;Import definition…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eine Kennzahl- oder Indexdefinition (TOML) öffnen und prüfen</source>
        <translation>Open and check an indicator or index definition (TOML)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kennzahlen-&amp;Tabelle exportieren…</source>
        <translation>Export indicator &amp;table…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die ausgewählte Kennzahl als Excel-Tabelle für den Ausschuss: Heimatregion, Land und Bund, Differenz, Rang, Diagramm, Karte und Methodik</source>
        <translation>The selected indicator as an Excel table for the council: home region, Land and Germany, difference, rank, chart, map and method</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Einzelheiten der Kennzahl</source>
        <translation>Details of the indicator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Werte</source>
        <translation>Values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Werte der gewählten Kennzahl je Gebiet und Jahr</source>
        <translation>The values of the selected indicator per area and year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Werte:</source>
        <translation>&amp;Values:</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+2"/>
        <source>Kennzahlen lesen</source>
        <translation>Reading indicators</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{count} Kennzahlen, {ready} berechnet</source>
        <translation>{count} indicators, {ready} computed</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Kennzahl berechnen</source>
        <translation>Compute indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Werte von {code} werden gelesen …</source>
        <translation>Reading the values of {code} …</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Abgebrochen; Eingabetaste oder Doppelklick auf die Kennzahl liest die Werte erneut.</source>
        <translation>Cancelled; Enter or a double click on the indicator reads the values again.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Die Kennzahl {code} lässt sich nicht anzeigen.</source>
        <translation>The indicator {code} cannot be shown.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kennzahl anzeigen</source>
        <translation>Show indicator</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{count} Werte · gerundet auf {decimals} Nachkommastellen</source>
        <translation>{count} values · rounded to {decimals} decimals</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keine Werte.</source>
        <translation>No values.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Als eigene &amp;kopieren…</source>
        <translation>&amp;Copy as own…</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+7"/>
        <source>Kennzahl löschen</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Die Kennzahl {name} ({code}) und ihre berechneten Werte löschen? Ihre früheren Versionen bleiben im Verlauf.</source>
        <translation>Delete the indicator {name} ({code}) and its computed values? Its earlier versions stay in the history.</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>Kennzahlen-Tabelle exportieren</source>
        <translation>Export indicator table</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Definition importieren</source>
        <translation>Import definition</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/map.py" line="+88"/>
        <source>„{text}“ ist keine Klassengrenze; bitte Zahlen wie „2; 4,4; 10“ eingeben.</source>
        <extracomment>indicator, period, dimension choices, level, within, method, classes, facility kinds what a map is read for: indicator, period, fixed dimensions, level, within, then the options of the controls (method, classes, facility kinds, manual breaks, palette, middle class of a diverging palette) the palettes offered (ColorBrewer&apos;s, bildungsplaner/geo/palettes.py); diverging ones need a middle class</extracomment>
        <translation>“{text}” is not a class bound; please enter numbers like “2; 4,4; 10”.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Quantile</source>
        <extracomment>what the shown map was read for, without the period (another period: no new reading) the selection to draw (indicator, period, fixed dimensions, level, within); the options come from the controls whenever the map is drawn</extracomment>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gleiche Breite</source>
        <translation>Equal intervals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Natürliche Brüche</source>
        <translation>Natural breaks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eigene Grenzen</source>
        <translation>Own bounds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klassen des Index</source>
        <translation>Classes of the index</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klassenbildung</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grenzen, z. B. 2; 4,4; 10</source>
        <translation>Bounds, e.g. 2; 4,4; 10</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eigene Klassengrenzen</source>
        <translation>Own class bounds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Grenzen zwischen den Klassen; eine Klasse reicht von ihrer Grenze bis unter die nächste</source>
        <translation>The bounds between the classes; a class reaches from its bound to below the next</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Farben</source>
        <translation>Colours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Farbreihe (ColorBrewer, auch bei Farbsehschwäche unterscheidbar); RdBu, PuOr und BrBG laufen von einer Mitte aus nach beiden Seiten</source>
        <translation>Colour scheme (ColorBrewer, distinguishable with colour vision deficiency too); RdBu, PuOr and BrBG run from a middle to both sides</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mitte: Klasse </source>
        <translation>Middle: class </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mittlere Klasse der zweiseitigen Farbreihe</source>
        <translation>Middle class of the diverging colour scheme</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Anzahl der Klassen</source>
        <translation>Number of classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Klassen festhalten</source>
        <translation>Keep classes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dieselben Klassengrenzen für jeden Zeitraum (Vergleich über die Jahre)</source>
        <translation>The same class bounds for every period (comparison across years)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Werte beschriften</source>
        <translation>Label values</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Einrichtungen auf der Karte</source>
        <translation>Facilities on the map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungen mit Koordinaten als Symbole auf die Karte zeichnen</source>
        <translation>Draw facilities with coordinates as symbols on the map</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Klassen:</source>
        <translation>&amp;Classes:</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{kind} ({count})</source>
        <translation>{kind} ({count})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>keine Einrichtungen mit Koordinaten</source>
        <translation>no facilities with coordinates</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Einrichtungen: {kinds}</source>
        <translation>Facilities: {kinds}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keine</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Karte ohne Werte.</source>
        <translation>Map without values.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Klassen (Gebiete je Klasse): {classes}.</source>
        <translation>Classes (areas per class): {classes}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Höchster Wert: {high} {high_value}{unit}; niedrigster: {low} {low_value}{unit}.</source>
        <translation>Highest value: {high} {high_value}{unit}; lowest: {low} {low_value}{unit}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Die Zahlen stehen in der Werte-Tabelle (Strg+Umschalt+T).</source>
        <translation>The numbers are in the value table (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/report/models.py" line="-43"/>
        <source>Zeitreihe mit Vergleichsregionen</source>
        <extracomment>the :data:`~bildungsplaner.reporting.outline.Location` of an outline row</extracomment>
        <translation>Time series with comparison regions</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Balken nach Teilgebieten</source>
        <translation>Bars by subarea</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/data/map.py" line="-107"/>
        <location line="+62"/>
        <source>Karte</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kein Diagramm</source>
        <translation>no chart</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Prognose-Ist-Vergleich: {name}</source>
        <translation>Forecast check: {name}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Diagramm</source>
        <translation>Chart</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>Bericht · {count} Kapitel</source>
        <extracomment>indicator code → name (module titles)</extracomment>
        <translation>Report · {count} chapters</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kapitel · 1 Baustein</source>
        <translation>Chapter · 1 module</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kapitel · {count} Bausteine</source>
        <translation>Chapter · {count} modules</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gliederung</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inhalt</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Geändert</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/map.py" line="-40"/>
        <source>Wählen Sie einen Indikator und Gebiete.</source>
        <translation>Choose an indicator and areas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Bitte die Klassengrenzen eingeben, z. B. 2; 4,4; 10.</source>
        <translation>Please enter the class bounds, e.g. 2; 4,4; 10.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Karte wird gezeichnet …</source>
        <translation>Drawing the map …</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{count} Gebiete ohne Wert („keine Daten“).</source>
        <translation>{count} areas without a value (“no data”).</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="-122"/>
        <source>Alle Flächen ohne passendes Gebiet (Schlüssel, Name):</source>
        <translation>All features without a matching area (key, name):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alle Gebiete ohne Grenze in dieser Ebene (Schlüssel, Name):</source>
        <translation>All areas without a boundary in this layer (key, name):</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/report/settings.py" line="+122"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="-1"/>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="+17"/>
        <source>Bericht</source>
        <extracomment>the sub-region levels offered for bars, maps and the highest/lowest sentence</extracomment>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>&amp;Titel:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Titel des Berichts</source>
        <translation>Title of the report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untert&amp;itel:</source>
        <translation>Su&amp;btitle:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Untertitel des Berichts</source>
        <translation>Subtitle of the report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Her&amp;ausgeber:</source>
        <translation>Publis&amp;her:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Herausgeber auf dem Titelblatt</source>
        <translation>Publisher on the title page</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Heimatregion:</source>
        <translation>Home re&amp;gion:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Region des Berichts</source>
        <translation>Region of the report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verglei&amp;ch:</source>
        <translation>Compar&amp;ison:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vergleichsregionen, Schlüssel durch Komma getrennt</source>
        <translation>Comparison regions, keys separated by commas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>z. B. 05, DG (Land, Deutschland)</source>
        <translation>e.g. 05, DG (state, Germany)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Schlüssel der Vergleichsregionen in der gezeigten Reihenfolge, durch Komma getrennt: das Land (z. B. 05), Deutschland (DG), Vergleichskreise</source>
        <translation>The keys of the comparison regions in the order shown, separated by commas: the state (e.g. 05), Germany (DG), comparison districts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Jahre festlegen</source>
        <translation>Set &amp;years</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jahre festlegen (sonst die letzten fünf Jahre mit Daten)</source>
        <translation>Set years (otherwise the last five years with data)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Erstes Jahr</source>
        <translation>First year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Letztes Jahr</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>bis</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Zusammenfassung „Wichtigste Ergebnisse“ voranstellen</source>
        <translation>Start with a “&amp;Key findings” summary</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wichtigste Ergebnisse voranstellen</source>
        <translation>Start with key findings</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{key} (nicht im Arbeitsbereich)</source>
        <translation>{key} (not in the workspace)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Kapitel</source>
        <translation>Chapter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Titel des Kapitels</source>
        <translation>Title of the chapter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;inleitung:</source>
        <translation>&amp;Introduction:</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>Einleitung des Kapitels</source>
        <translation>Introduction of the chapter</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>automatisch erzeugen</source>
        <translation>generate automatically</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="-134"/>
        <source>eigener Text</source>
        <translation>own text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+141"/>
        <source>&amp;Text:</source>
        <translation>&amp;Text:</translation>
    </message>
    <message>
        <location line="-141"/>
        <source>Text des Bausteins: automatisch oder eigener Text</source>
        <translation>Text of the module: automatic or own text</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Eigener Text</source>
        <translation>Own text</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Ihr Text; er wird so gedruckt, wie er hier steht.</source>
        <translation>Your text; it is printed exactly as written here.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;igener Text:</source>
        <translation>Own te&amp;xt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>Anmerkung nach dem erzeugten Text</source>
        <translation>Note after the generated text</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Eigene Sätze nach dem erzeugten Text (bleiben beim Neuerzeugen erhalten)</source>
        <translation>Your own sentences after the generated text (kept when the text is regenerated)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;nmerkung:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Eigener Text.</source>
        <extracomment>the text put into „eigener Text“ when the author switches from the generated one (the preview&apos;s)</extracomment>
        <translation>Own text.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Kennzahl-Baustein</source>
        <translation>Indicator module</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kenn&amp;zahl:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kennzahl des Bausteins</source>
        <translation>Indicator of the module</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+53"/>
        <location line="+30"/>
        <source>Übersc&amp;hrift:</source>
        <translation>Headin&amp;g:</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+53"/>
        <source>Überschrift des Bausteins</source>
        <translation>Heading of the module</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>der Name der Kennzahl</source>
        <translation>the name of the indicator</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Diagramm:</source>
        <translation>C&amp;hart:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Art des Diagramms</source>
        <translation>Type of chart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>automatisch (die Ebene unter der Region)</source>
        <translation>automatic (the level below the region)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Ebene der Teilgebiete:</source>
        <translation>&amp;Level of subareas:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ebene der Teilgebiete</source>
        <translation>Level of subareas</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>T&amp;abelle</source>
        <translation>Ta&amp;ble</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
        <source>Tabelle zeigen</source>
        <translation>Show table</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Methodenkasten (Definition und &amp;Quelle)</source>
        <translation>Method box (definition and &amp;source)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Methodenkasten zeigen</source>
        <translation>Show method box</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{code} (nicht im Arbeitsbereich)</source>
        <translation>{code} (not in the workspace)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location filename="../../bildungsplaner/ui/report/models.py" line="-28"/>
        <source>Prognose-Ist-Vergleich</source>
        <translation>Forecast check</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Szenario-Baustein</source>
        <translation>Scenario module</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sz&amp;enario:</source>
        <translation>Scenar&amp;io:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bedarfsszenario des Vergleichs</source>
        <translation>Demand scenario to check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Szenario des Bausteins</source>
        <translation>Scenario of the module</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>der Name des Szenarios</source>
        <translation>the name of the scenario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Diagramm</source>
        <translation>C&amp;hart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diagramm zeigen</source>
        <translation>Show chart</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{name} (nicht gespeichert)</source>
        <translation>{name} (not saved)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Textbaustein</source>
        <translation>Text module</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Überschrift des Textbausteins</source>
        <translation>Heading of the text module</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>keine Überschrift</source>
        <translation>no heading</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Text des Textbausteins</source>
        <translation>Text of the text module</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Einstellungen des gewählten Eintrags</source>
        <translation>Settings of the selected item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wählen Sie links einen Bericht oder legen Sie mit „Neu“ einen an.</source>
        <translation>Select a report on the left or create one with “New”.</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/boundaries.py" line="+16"/>
        <source>Gebietsgrenzen importieren</source>
        <extracomment>the BoundaryReport of a finished import</extracomment>
        <translation>Import boundaries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Datei enthält Flächen. Wählen Sie das Schlüsselfeld und die Ebene, prüfen Sie die Zuordnung und importieren Sie dann die Grenzen.</source>
        <translation>The file contains areas. Choose the key field and the level, check the matching and then import the boundaries.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ebene der Datei</source>
        <translation>Layer of the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schlüsselfeld</source>
        <translation>Key field</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namensfeld</source>
        <translation>Name field</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(nicht festgelegt)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unbekannte Flächen als Gebiete anlegen unter</source>
        <translation>Create unknown features as areas below</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schlüssel des übergeordneten Gebiets, z. B. 05315000 (optional)</source>
        <translation>Key of the parent area, e.g. 05315000 (optional)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Koordinatensystem</source>
        <translation>Coordinate system</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>aus der Datei, z. B. EPSG:25832 (optional)</source>
        <translation>from the file, e.g. EPSG:25832 (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;bene der Datei:</source>
        <translation>La&amp;yer of the file:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Schlüsselfeld:</source>
        <translation>&amp;Key field:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Namensfeld:</source>
        <translation>&amp;Name field:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unbekannte Flächen als Gebiete &amp;anlegen unter:</source>
        <translation>Cre&amp;ate unknown features as areas below:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Koordinatensystem:</source>
        <translation>&amp;Coordinate system:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Prüfen</source>
        <translation>C&amp;heck</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Importieren</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>(keines: der Schlüssel)</source>
        <translation>(none: the key)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Prüfung abgeschlossen; es wurde nichts gespeichert.</source>
        <translation>Check finished; nothing was saved.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import abgeschlossen.</source>
        <translation>Import finished.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Es wurde nichts importiert.</source>
        <translation>Nothing was imported.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+104"/>
        <source>Abgebrochen; es wurde nichts geändert.</source>
        <translation>Cancelled; nothing was changed.</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Gebietsgrenzen</source>
        <translation>Boundaries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Grenzen werden geprüft …</source>
        <translation>Checking the boundaries …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Grenzen werden importiert …</source>
        <translation>Importing the boundaries …</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Einrichtungen den Gebieten zuordnen</source>
        <extracomment>the AssignReport of the assignment done</extracomment>
        <translation>Assign facilities to areas</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Jede Einrichtung mit Koordinaten kommt in das Gebiet der gewählten Ebene, in dem sie liegt. Die Vorschau zeigt, was sich ändert; mit OK wird es gespeichert.</source>
        <translation>Every facility with coordinates goes into the area of the chosen level in which it lies. The preview shows what changes; OK saves it.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Es gibt noch keine Gebietsgrenzen mit Ebene; importieren Sie zuerst Grenzen (Datei → Importieren).</source>
        <translation>There are no boundaries with a level yet; import boundaries first (File → Import).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Einrichtungen zuordnen</source>
        <translation>Assign facilities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Einrichtungen werden zugeordnet …</source>
        <translation>Assigning the facilities …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Neu zugeordnet:</source>
        <translation>Newly assigned:</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/report/preview.py" line="-29"/>
        <source>Region:</source>
        <extracomment>resolution of the preview&apos;s figures (the exports draw at 300 dpi); the pane scales them to its width PNG bytes by the name the HTML refers to them with the module&apos;s generated sentences (offered as the start of an author&apos;s own text)</extracomment>
        <translation>Region:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vergleich:</source>
        <translation>Comparison:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>keiner</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/report/settings.py" line="-236"/>
        <source>Jahre:</source>
        <translation>Years:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>die letzten fünf Jahre mit Daten</source>
        <translation>the last five years with data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Herausgeber:</source>
        <translation>Publisher:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Vorschau der Seite</source>
        <translation>Page preview</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/workspace/server.py" line="-78"/>
        <source>Verschlüsselt, Zertifikat und Servername geprüft (verify-full, empfohlen)</source>
        <extracomment>what :class:`ServerDialog` asks for</extracomment>
        <translation>Encrypted, certificate and server name checked (verify-full, recommended)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verschlüsselt, Zertifikat geprüft (verify-ca)</source>
        <translation>Encrypted, certificate checked (verify-ca)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verschlüsselt, ohne Prüfung des Zertifikats (require)</source>
        <translation>Encrypted, certificate not checked (require)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verschlüsselt, wenn der Server es anbietet (prefer)</source>
        <translation>Encrypted if the server offers it (prefer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unverschlüsselt (disable)</source>
        <translation>Unencrypted (disable)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Neuer Server-Arbeitsbereich</source>
        <extracomment>OPEN an existing workspace, or name a NEW one (Datei › „Neuer Server-Arbeitsbereich…“) or the NEW one a file is transferred into (TRANSFER): then the name is asked for, and a recent address gives only the server part</extracomment>
        <translation>New server workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen neuen, leeren Arbeitsbereich auf dem PostgreSQL-Server des Kreises anlegen. Geben Sie den Server an (vollständige Adresse, Dienstname oder Server, Datenbank und Benutzer) und einen neuen Namen für den Arbeitsbereich; einen vorhandenen ersetzt Bildungsplaner nicht. Kennwörter werden hier nie gespeichert.</source>
        <translation>Create a new, empty workspace on the district&apos;s PostgreSQL server. Enter the server (full address, service name, or server, database and user) and a new name for the workspace; Bildungsplaner never replaces an existing one. Passwords are never stored here.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Den geöffneten Arbeitsbereich als NEUEN Arbeitsbereich auf den PostgreSQL-Server des Kreises kopieren, damit das Team damit arbeiten kann. Die Datei bleibt unverändert. Geben Sie den Server an und einen neuen Namen; einen vorhandenen Arbeitsbereich ersetzt Bildungsplaner nicht. Kennwörter werden hier nie gespeichert.</source>
        <translation>Copy the open workspace as a NEW workspace to the district&apos;s PostgreSQL server so that the team can work with it. The file stays unchanged. Enter the server and a new name; Bildungsplaner never replaces an existing workspace. Passwords are never stored here.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Server-Arbeitsbereich öffnen</source>
        <translation>Open Server Workspace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen Arbeitsbereich auf dem PostgreSQL-Server des Kreises öffnen. Geben Sie die vollständige Adresse ein oder den Dienstnamen, den die IT Ihnen genannt hat, oder Server, Datenbank und Benutzer. Kennwörter werden hier nie gespeichert.</source>
        <translation>Open a workspace on the district&apos;s PostgreSQL server. Enter the full address, or the service name IT gave you, or server, database and user. Passwords are never stored here.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zuletzt geöffnete Server-Arbeitsbereiche</source>
        <translation>Recently opened server workspaces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bekannte Server</source>
        <translation>Known servers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pfeiltasten wählen eine Adresse, Eingabe öffnet sie</source>
        <translation>Arrow keys choose an address, Enter opens it</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Zuletzt geöffnet:</source>
        <translation>&amp;Recently opened:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Bekannte Server:</source>
        <translation>&amp;Known servers:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Vollständige Adresse</source>
        <translation>Full address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dienst (pg_service)</source>
        <translation>Service (pg_service)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>z. B. bildung</source>
        <translation>e.g. bildung</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>z. B. pg.kreis.local</source>
        <translation>e.g. pg.kreis.local</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benutzer</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ihre Anmeldung am Server</source>
        <translation>Your login on the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arbeitsbereich</source>
        <translation>Workspace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>z. B. schulentwicklung</source>
        <translation>e.g. schulentwicklung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verschlüsselung (TLS)</source>
        <translation>Encryption (TLS)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+79"/>
        <source>CA-Datei des Kreises</source>
        <translation>The district&apos;s CA file</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Zertifikat der Zertifizierungsstelle (.pem, .crt)</source>
        <translation>Certificate of the certificate authority (.pem, .crt)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA-Datei auswählen</source>
        <translation>Choose CA file</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Adresse (URL):</source>
        <translation>&amp;Address (URL):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>D&amp;ienst (pg_service):</source>
        <translation>S&amp;ervice (pg_service):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date&amp;nbank:</source>
        <translation>Data&amp;base:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Benutzer:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Arbeitsbereich:</source>
        <translation>&amp;Workspace:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verschlüsselung:</source>
        <translation>E&amp;ncryption:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;CA-Datei:</source>
        <translation>&amp;CA file:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Anlegen</source>
        <translation>Create</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Übertragen</source>
        <translation>Transfer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Der Name des neuen Arbeitsbereichs auf dem Server</source>
        <translation>The name of the new workspace on the server</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Bitte geben Sie einen Namen für den neuen Arbeitsbereich ein.</source>
        <translation>Please enter a name for the new workspace.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Kennwort für den Server</source>
        <translation>Password for the server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Kennwort wurde nicht angenommen. Bitte geben Sie es erneut ein für:</source>
        <translation>The password was not accepted. Please enter it again for:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Der Server verlangt ein Kennwort für:</source>
        <translation>The server asks for a password for:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kennwort</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kennwort:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Im Kennwortspeicher (pgpass) ablegen</source>
        <translation>Keep in the password file (pgpass)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Kennwort in der Kennwortdatei von PostgreSQL auf diesem PC speichern (nur für Sie lesbar); Sie werden vorher gefragt</source>
        <translation>Store the password in PostgreSQL&apos;s password file on this PC (readable only by you); you are asked first</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Kennwort speichern</source>
        <translation>Store password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Kennwort wird unverschlüsselt in der Kennwortdatei {path} gespeichert, die nur Ihr Benutzerkonto lesen darf. Bildungsplaner und andere PostgreSQL-Programme melden sich damit künftig ohne Nachfrage an. Speichern?</source>
        <translation>The password is stored unencrypted in the password file {path}, which only your user account may read. Bildungsplaner and other PostgreSQL programs will then log in without asking. Store it?</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/workspace/transfer.py" line="-11"/>
        <source>Arbeitsbereich aktualisieren?</source>
        <translation>Update workspace?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Der Arbeitsbereich „{name}“ auf dem Server muss für diese Programmversion aktualisiert werden (Schemastand {revision} → {head}).</source>
        <translation>The workspace “{name}” on the server must be updated for this program version (schema revision {revision} → {head}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nach der Aktualisierung können Kolleginnen und Kollegen mit älteren Programmversionen diesen Arbeitsbereich nicht mehr öffnen, bis sie Bildungsplaner aktualisiert haben. Sprechen Sie sich am besten vorher im Team ab.

Abbrechen: Es wird nichts geändert und der Arbeitsbereich nicht geöffnet.</source>
        <translation>After the update, colleagues with older program versions can no longer open this workspace until they have updated Bildungsplaner. Best agree on it in the team beforehand.

Cancel: nothing is changed and the workspace is not opened.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aktualisieren</source>
        <translation>Update</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+11"/>
        <location line="+8"/>
        <source>Als Datei sichern</source>
        <translation>Save as file</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)</source>
        <translation>Bildungsplaner workspace (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} wird als Datei gesichert …</source>
        <translation>Saving {name} as a file …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sichern abgebrochen; es wurde keine Datei geschrieben.</source>
        <translation>Saving cancelled; no file was written.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Der Arbeitsbereich {name} ist als Datei gesichert: {path}

Die Datei lässt sich mit „Öffnen…“ öffnen, ohne Server.</source>
        <translation>The workspace {name} is saved as a file: {path}

The file opens with “Open…”, without the server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Als Datei gesichert: {path}</source>
        <translation>Saved as file: {path}</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+15"/>
        <location filename="../../bildungsplaner/ui/workspace/server.py" line="-215"/>
        <source>Auf den Server übertragen</source>
        <translation>Transfer to the server</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>{name} wird auf den Server übertragen …</source>
        <translation>Transferring {name} to the server …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Übertragen abgebrochen; auf dem Server wurde nichts angelegt.</source>
        <translation>Transfer cancelled; nothing was created on the server.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Übertragen: {name}</source>
        <translation>Transferred: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file} ist jetzt als Arbeitsbereich {name} auf dem Server; die Datei ist unverändert. Ab jetzt sollte das Team mit dem Arbeitsbereich auf dem Server arbeiten, nicht mehr mit der Datei.

Den Arbeitsbereich auf dem Server jetzt öffnen?</source>
        <translation>{file} is now the workspace {name} on the server; the file is unchanged. From now on the team should work with the workspace on the server, not with the file.

Open the workspace on the server now?</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../bildungsplaner/ui/common/accessibility.py" line="+260"/>
        <source>Diagramm ohne Werte.</source>
        <extracomment>classes a user operates (and so a screen reader must be able to name); headers and scroll bars are parts of their view, not widgets of their own parts of a composite widget that the composite names (a combo box&apos;s line edit and list, a spin box&apos;s line edit, a tab bar&apos;s scroll buttons, a calendar&apos;s navigation) classes whose name Qt may take from their value (Linux), not from a label</extracomment>
        <translation>Chart without values.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Liniendiagramm</source>
        <translation>Line chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Balkendiagramm</source>
        <translation>Bar chart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{kind} mit {count} Werten</source>
        <translation>{kind} with {count} values</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>: höchster Wert {high_label} {high}{unit}, niedrigster {low_label} {low}{unit}</source>
        <translation>: highest value {high_label} {high}{unit}, lowest {low_label} {low}{unit}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{count} ohne Wert.</source>
        <translation>{count} without a value.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Aufsteigend nach dieser Spalte sortieren</source>
        <extracomment>a plot view (pyqtgraph draws no focus of its own): a frame in the palette&apos;s highlight colour while it has the focus</extracomment>
        <translation>Sort ascending by this column</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Absteigend nach dieser Spalte sortieren</source>
        <translation>Sort descending by this column</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../bildungsplaner/ui/app.py" line="+173"/>
        <source>Arbeitsbereich anlegen</source>
        <translation>Create workspace</translation>
    </message>
</context>
<context>
    <name>Browser</name>
    <message>
        <location filename="../../bildungsplaner/ui/data/browser.py" line="+106"/>
        <source>Untergeordnete Gebiete einbeziehen</source>
        <extracomment>a region clicked on the map (its key)</extracomment>
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
        <location line="+3"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeigt nur die Zeilen der Werte-Tabelle, die den Text enthalten (Strg+F)</source>
        <translation>Shows only the rows of the value table that contain the text (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Werte-Tabelle</source>
        <translation>Value table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Werte des gewählten Indikators in den gewählten Gebieten, eine Zeile je Gebiet, Zeitraum und Merkmal; dieselben Zahlen wie im Diagramm. Strg+C kopiert die markierten Zellen.</source>
        <translation>The values of the selected indicator in the selected areas, one row per area, period and characteristic; the same numbers as in the chart. Ctrl+C copies the selected cells.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Werte</source>
        <translation>Values</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pivot</source>
        <translation>Pivot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiete × Zeiträume; die Merkmale wie im Diagramm gewählt</source>
        <translation>Regions × periods; characteristics as chosen for the chart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Karte</source>
        <translation>Map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Der Indikator auf der Karte der Gebiete; Zeitraum und Merkmale wie im Diagramm gewählt</source>
        <translation>The indicator on the map of the areas; period and characteristics as chosen for the chart</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ansichten der Werte</source>
        <translation>Views of the values</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Werte werden geladen …</source>
        <translation>Loading values …</translation>
    </message>
    <message>
        <location line="+11"/>
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
        <location line="+35"/>
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
    <message>
        <location line="+35"/>
        <source>Diagramm: {name}</source>
        <translation>Chart: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeitraum des Diagramms</source>
        <translation>Period of the chart</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Die Zahlen stehen in der Werte-Tabelle (Strg+Umschalt+T).</source>
        <translation>The numbers are in the value table (Ctrl+Shift+T).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagramm {title}</source>
        <translation>Chart {title}</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../bildungsplaner/ui/data/chart.py" line="+115"/>
        <source>Zeitraum für das Balkendiagramm, wenn mehrere Gebiete gewählt sind</source>
        <extracomment>the values (float array; an empty tuple for the empty chart, so that it needs no numpy) Per dimension what is shown (a value, the total „Insgesamt“, or „Summe der Teile“). Totals that differ from their parts and similar remarks (German sentences). After every redraw (new data or another dimension choice): the pivot follows the chart&apos;s choices. the colours of the last drawing (background, foreground, series: from the palette, see ``theme``)</extracomment>
        <translation>Period for the bar chart when several areas are selected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zeitraum:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Diagramm:</source>
        <translation>Chart:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>alle (Summe)</source>
        <translation>all (sum)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Daten haben keine Gesamtzahl: die Werte aller Ausprägungen werden addiert.</source>
        <translation>The data have no total: the values of all categories are added.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>alle ({total})</source>
        <translation>all ({total})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Gesamtzahl der Quelle, nicht die Summe der Teile (Teile können sich überschneiden).</source>
        <translation>The source’s total, not the sum of the parts (parts may overlap).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Ohne Wert (Lücke im Diagramm): {labels}</source>
        <translation>No value (gap in the chart): {labels}</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Keine Werte für das Diagramm</source>
        <translation>No values for the chart</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>negativer Wert (schraffiert, mit −)</source>
        <translation>negative value (hatched, with −)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keine Angabe</source>
        <translation>not available</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lücke: kein Wert</source>
        <translation>Gap: no value</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Achse beginnt nicht bei 0</source>
        <translation>axis does not start at 0</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../bildungsplaner/ui/common/dialogs.py" line="+29"/>
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
        <location filename="../../bildungsplaner/ui/common/labels.py" line="+13"/>
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
        <location filename="../../bildungsplaner/ui/importing/check.py" line="+56"/>
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
        <location line="+10"/>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+105"/>
        <source>Prüfung</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="-103"/>
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
        <location line="+13"/>
        <source>Unbekannte Gebietsschlüssel als neue Gebiete &amp;anlegen</source>
        <translation>&amp;Create unknown area keys as new areas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;alles behalten</source>
        <translation>keep &amp;everything</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alle Gebiete der Datei übernehmen. Sonst behält ein bundesweiter Import nur die Heimatregion des Arbeitsbereichs, was darunter liegt, und zum Vergleich Land und Bund.</source>
        <translation>Take every region of the file. Otherwise a nationwide import keeps only the workspace’s home region, what lies below it, and for comparison the state and Germany.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Erneut prüfen</source>
        <translation>Check &amp;again</translation>
    </message>
    <message>
        <location line="+58"/>
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
        <location line="+52"/>
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
        <location filename="../../bildungsplaner/ui/importing/mapping.py" line="+95"/>
        <source>Beobachtungen (Werte je Gebiet und Zeitraum)</source>
        <extracomment>the section of the template that belongs to each target, and an empty one</extracomment>
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
        <location line="+41"/>
        <source>(keine)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(bitte wählen)</source>
        <translation>(please choose)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/columns_model.py" line="+195"/>
        <location filename="../../bildungsplaner/ui/importing/mapping.py" line="+15"/>
        <source>{name} (fehlt in der Tabelle)</source>
        <extracomment>the template after an edit in a cell (the page makes it its state) the columns of the table, in its order the table&apos;s columns, then those of the template it lacks</extracomment>
        <translation>{name} (missing from the table)</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/mapping.py" line="+12"/>
        <source>EPSG:25832 – UTM Zone 32N (ETRS89)</source>
        <translation>EPSG:25832 – UTM zone 32N (ETRS89)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPSG:4326 – Längen-/Breitengrad (WGS 84)</source>
        <translation>EPSG:4326 – longitude/latitude (WGS 84)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPSG:25833 – UTM Zone 33N (ETRS89)</source>
        <translation>EPSG:25833 – UTM zone 33N (ETRS89)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>EPSG:31467 – Gauß-Krüger Zone 3 (DHDN)</source>
        <translation>EPSG:31467 – Gauss-Krüger zone 3 (DHDN)</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Zuordnung</source>
        <translation>Mapping</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sagen Sie, was die Spalten bedeuten. Der Vorschlag kommt aus den Spaltennamen; eine gespeicherte Vorlage können Sie laden und die Zuordnung als Vorlage speichern.</source>
        <translation>Say what the columns mean. The suggestion comes from the column names; you can load a saved template and save the mapping as a template.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Vorschlag aus den Spalten</source>
        <extracomment>the page&apos;s template (see the module docstring) the file whose columns the page shows the columns of the table read in the preview</extracomment>
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
        <location line="+9"/>
        <source>Gebietsschlüssel, z. B. 05978004</source>
        <translation>Area key, e.g. 05978004</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alle Einrichtungen der Datei liegen in diesem Gebiet (statt der Gebietsspalten). Mit Koordinaten und ohne Gebiet kommt jede Einrichtung in das kleinste Gebiet, das sie enthält.</source>
        <translation>All facilities of the file lie in this area (instead of the area columns). With coordinates and without an area, each facility goes into the smallest area that contains it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gebiet jeder Zeile</source>
        <translation>Area of each row</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Gebietsschlüssel:</source>
        <translation>Area &amp;key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebietsna&amp;me:</source>
        <translation>Area na&amp;me:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>oder alle Zeilen in Gebie&amp;t:</source>
        <translation>or all rows in are&amp;a:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Fester Zeitraum</source>
        <translation>Fixed period</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="+42"/>
        <source>oder fest:</source>
        <translation>or fixed:</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Feste Art</source>
        <translation>Fixed kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>z. B. Grundschule</source>
        <translation>e.g. Grundschule</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spalte der Bildungsphase</source>
        <translation>Education phase column</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Adresse, Spalte {number}</source>
        <translation>Address, column {number}</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location line="+5"/>
        <source>x-Spalte</source>
        <translation>x column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y-Spalte</source>
        <translation>y column</translation>
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
        <location line="+40"/>
        <source>oder Spalte:</source>
        <translation>or column:</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Adr&amp;esse (Spalten):</source>
        <translation>Addr&amp;ess (columns):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Angebots&amp;form:</source>
        <translation>&amp;Offering:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lage: &amp;x-Spalte:</source>
        <translation>Location: &amp;x column:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y-Spalte:</source>
        <translation>y column:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Koordinaten&amp;system:</source>
        <translation>Coordinate s&amp;ystem:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>sonstiges Gebiet</source>
        <translation>other area</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Spalte der Ebene</source>
        <translation>Level column</translation>
    </message>
    <message>
        <location line="+5"/>
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
        <location line="+18"/>
        <source>Eine Zeile je Spalte der Datei mit ihrer Rolle (Wert, Merkmal, Attribut oder nicht übernehmen); F2 oder Tippen ändert die Rolle</source>
        <translation>One row per column of the file with its role (value, characteristic, attribute or not imported); F2 or typing changes the role</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/columns_model.py" line="+45"/>
        <source>Spalte</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verwendung</source>
        <translation>Use</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Indikatorcode</source>
        <translation>Indicator code</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Indikatorname</source>
        <translation>Indicator name</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/importing/wizard.py" line="+297"/>
        <source>Einheit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/mapping.py" line="+5"/>
        <source>Spalten mi&amp;t Werten:</source>
        <translation>Columns wi&amp;th values:</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Vorlage für {name}</source>
        <translation>Template for {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+87"/>
        <source>Neue Importvorlage</source>
        <translation>New import template</translation>
    </message>
    <message>
        <location line="-52"/>
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
        <location filename="../../bildungsplaner/ui/importing/columns_model.py" line="-199"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messwert</source>
        <translation>Measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attribut</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>Attributname</source>
        <translation>Attribute name</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/pages.py" line="+65"/>
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
        <source>Tabellen und Statistiken (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Gebietsgrenzen und Punkte (*.shp *.geojson *.json *.gpkg);;Alle Dateien (*)</source>
        <translation>Tables and statistics (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Boundaries and points (*.shp *.geojson *.json *.gpkg);;All files (*)</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <source>Die Datei enthält Gebietsgrenzen (Flächen); im nächsten Schritt wählen Sie Schlüsselfeld und Ebene.</source>
        <translation>The file contains boundaries (areas); in the next step you choose the key field and the level.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Die Datei beschreibt ihren Aufbau selbst; eine Zuordnung der Spalten ist nicht nötig.</source>
        <translation>The file describes its own structure; no column mapping is needed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Im nächsten Schritt sehen Sie die ersten Zeilen, danach ordnen Sie die Spalten zu.</source>
        <translation>The next step shows the first rows; then you map the columns.</translation>
    </message>
    <message>
        <location line="+60"/>
        <location line="+15"/>
        <source>Wird nicht importiert: {reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>leere Zeile unter den Daten</source>
        <translation>empty row below the data</translation>
    </message>
    <message>
        <location line="+24"/>
        <location filename="../../bildungsplaner/ui/importing/wizard.py" line="-111"/>
        <location line="+9"/>
        <location line="+22"/>
        <source>Vorschau</source>
        <extracomment>GENESIS/ffcsv: the whole file as read (for its metadata) (modification time, size) of the file when ``preview_batch`` was read: while they hold, the check and the import use that batch instead of parsing the file again (a large table: seconds each) where the data end: the last N non-empty rows are no data / stop at the first empty row (None: found)</extracomment>
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
        <location line="+6"/>
        <source>automatisch</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>So viele nicht leere Zeilen am Ende der Tabelle (Summe, Quelle, Fußnoten) werden nicht importiert. „automatisch“: Summenzeilen und Anmerkungen unter der Tabelle werden erkannt; 0: keine.</source>
        <translation>This many non-empty rows at the end of the table (total, source, footnotes) are not imported. “automatic”: total rows and notes below the table are recognised; 0: none.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bei der ersten &amp;leeren Zeile aufhören</source>
        <translation>Stop at the first &amp;empty row</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alles ab der ersten leeren Zeile unter den Daten wird nicht importiert.</source>
        <translation>Everything from the first empty row below the data is not imported.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Vorschau der Datei</source>
        <translation>File preview</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die ersten Zeilen der Datei so, wie sie gelesen werden, mit den erkannten Spalten</source>
        <translation>The first rows of the file as they are read, with the recognised columns</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+2"/>
        <source>&amp;Fußzeilen am Ende:</source>
        <translation>&amp;Footer rows at the end:</translation>
    </message>
    <message>
        <location line="+85"/>
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
        <location line="+12"/>
        <source>Nicht importiert (grau durchgestrichen, der Grund steht im Tooltip): {rows}.</source>
        <translation>Not imported (grey and struck through, the reason is in the tooltip): {rows}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zeile {row} ({reason})</source>
        <translation>Row {row} ({reason})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Summen und Anmerkungen am Ende der Datei liegen außerhalb der Vorschau; der Import erkennt sie (oder nimmt die eingestellten Fußzeilen) und nennt sie in der Prüfung.</source>
        <translation>Totals and notes at the end of the file lie outside the preview; the import recognises them (or takes the footer rows set) and names them in the check.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{table}{stand}: {rows} Zeilen, {values} Werte. Die Vorschau zeigt die ersten Werte, wie sie importiert werden.</source>
        <translation>{table}{stand}: {rows} rows, {values} values. The preview shows the first values as they will be imported.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (Stand {stand})</source>
        <translation> (as of {stand})</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/wizard.py" line="-126"/>
        <location filename="../../bildungsplaner/ui/importing/widgets.py" line="+240"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/widgets.py" line="+70"/>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
    <message>
        <location line="+85"/>
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
        <location line="+1"/>
        <source>Shapefile (shp)</source>
        <translation>Shapefile (shp)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoJSON</source>
        <translation>GeoJSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GeoPackage (gpkg)</source>
        <translation>GeoPackage (gpkg)</translation>
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
        <location filename="../../bildungsplaner/ui/importing/wizard.py" line="-7"/>
        <source>Daten importieren</source>
        <extracomment>Formats whose structure says what every cell is (no mapping page). point layers (facilities with coordinates): their properties are the table (``services/facility_layers``) the BoundaryReport of a finished boundary import (the boundary page&apos;s)</extracomment>
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
        <location line="+97"/>
        <location line="+9"/>
        <location line="+22"/>
        <source>{name} wird gelesen …</source>
        <translation>Reading {name} …</translation>
    </message>
    <message>
        <location line="+76"/>
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
        <location filename="../../bildungsplaner/ui/main_window.py" line="+83"/>
        <source>Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)</source>
        <translation>Bildungsplaner workspace (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Indikatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungen</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Daten</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Import</source>
        <extracomment>the one „data changed“ signal: imports, deletions, scenario writes, other processes</extracomment>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Weitere Benutzer</source>
        <translation>Other users</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Planung</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kennzahlen</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bericht</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Werte als Tabelle zeigen</source>
        <translation>Show values as table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Zahlen des Diagramms und der Karte in der Werte-Tabelle zeigen, mit dem Tastaturfokus darin</source>
        <translation>Show the numbers of the chart and the map in the value table, with the keyboard focus in it</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Bereich</source>
        <translation>&amp;Area</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bereiche</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seitenleiste</source>
        <translation>Sidebar</translation>
    </message>
    <message>
        <location line="+15"/>
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
        <source>Server-Arbeitsbereich öffnen…</source>
        <translation>Open Server Workspace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen Arbeitsbereich auf dem PostgreSQL-Server des Kreises öffnen (Teamarbeit)</source>
        <translation>Open a workspace on the district&apos;s PostgreSQL server (team work)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neuer Server-Arbeitsbereich…</source>
        <translation>New server workspace…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einen leeren Arbeitsbereich auf dem PostgreSQL-Server des Kreises anlegen (Teamarbeit)</source>
        <translation>Create an empty workspace on the district&apos;s PostgreSQL server (team work)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Als Datei sichern…</source>
        <translation>Save as file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den Server-Arbeitsbereich, wie er in diesem Moment ist, als Arbeitsbereichsdatei speichern</source>
        <translation>Save the server workspace as it is at this moment as a workspace file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Auf den Server übertragen…</source>
        <translation>Transfer to the server…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Den geöffneten Arbeitsbereich als neuen Arbeitsbereich auf den PostgreSQL-Server des Kreises kopieren (Teamarbeit)</source>
        <translation>Copy the open workspace to the district&apos;s PostgreSQL server as a new workspace (team work)</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <source>Handbuch</source>
        <translation>Handbook (German)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das Handbuch öffnen (liegt dem Programm bei)</source>
        <translation>Open the handbook (ships with the program; in German)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lizenzen</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Die Lizenzen des Programms und der mitgelieferten Bibliotheken anzeigen</source>
        <translation>Show the licences of the program and of the libraries it ships with</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Zuletzt geöffnet</source>
        <translation>Recently Opened</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Kennzahlen anzeigen</source>
        <translation>Show indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Berechnete Kennzahlen, den Katalog und Indizes anzeigen</source>
        <translation>Show computed indicators, the catalogue and indices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kennzahlen</source>
        <translation>&amp;Indicators</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Planung</source>
        <extracomment>the planning area&apos;s commands (its toolbar buttons take no keyboard focus), filled by build_areas</extracomment>
        <translation>&amp;Planning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beric&amp;ht</source>
        <extracomment>the Bericht area&apos;s commands, filled by build_areas</extracomment>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Einrichtungen den Gebieten zuordnen …</source>
        <translation>Assign facilities to areas …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Jede Einrichtung mit Koordinaten in das Gebiet einer Ebene legen, in dem sie liegt</source>
        <translation>Put every facility with coordinates into the area of a level in which it lies</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Kein Arbeitsbereich geöffnet</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arbeitsbereich: {path}</source>
        <translation>Workspace: {path}</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Der Arbeitsbereich wurde von außen geändert; die Ansicht ist aktualisiert.</source>
        <translation>The workspace was changed from outside; the view has been refreshed.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Nicht aktualisiert und nicht geöffnet; auf dem Server ist nichts geändert.</source>
        <translation>Not updated and not opened; nothing was changed on the server.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Übersicht wird gelesen …</source>
        <translation>Reading the overview …</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+39"/>
        <location line="+71"/>
        <source>Arbeitsbereich öffnen</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>{name} wird geöffnet …</source>
        <translation>Opening {name} …</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>{name} geöffnet.</source>
        <translation>{name} opened.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{name} wird angelegt …</source>
        <translation>Creating {name} …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} wird aktualisiert …</source>
        <translation>Updating {name} …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Kennwort speichern</source>
        <translation>Store password</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kennwort in {path} gespeichert.</source>
        <translation>Password stored in {path}.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Neuer Arbeitsbereich</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Die Datei {name} gibt es schon. Wählen Sie einen neuen Namen oder öffnen Sie sie mit „Öffnen…“.</source>
        <translation>The file {name} already exists. Choose a new name or open it with “Open…”.</translation>
    </message>
    <message>
        <location line="+70"/>
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
        <location line="+31"/>
        <source>{name} importiert.</source>
        <translation>{name} imported.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Gebietsgrenzen „{layer}“ importiert.</source>
        <translation>Boundaries “{layer}” imported.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bitte öffnen Sie zuerst einen Arbeitsbereich.</source>
        <translation>Please open a workspace first.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Import Nr. {id} ({file}) löschen?</source>
        <translation>Delete import no. {id} ({file})?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seine {count} Werte werden aus dem Arbeitsbereich entfernt.</source>
        <translation>Its {count} values are removed from the workspace.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Die {count} Einrichtungen, die er geliefert hat, bekommen ihren Stand vor dem Import zurück; die er neu angelegt hat, werden entfernt.</source>
        <translation>The {count} facilities it delivered get back their state before the import; those it created are removed.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Gebiete, die er angelegt hat und die nichts anderes nutzt, werden entfernt. Rückgängig machen lässt sich das Löschen nur mit einer Sicherung.</source>
        <translation>Regions it created that nothing else uses are removed. Only a backup can undo the deletion.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Einrichtungen: {removed} entfernt, {restored} auf den Stand davor zurückgesetzt.</source>
        <translation>Facilities: {removed} removed, {restored} set back to their previous state.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Der ältere Stand derselben Tabelle (Nr. {ids}) gilt dann wieder.</source>
        <translation>The older version of the same table (no. {ids}) becomes current again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+9"/>
        <source>Import löschen</source>
        <translation>Delete import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Nr. {id} gelöscht, {count} Werte entfernt.</source>
        <translation>Import no. {id} deleted, {count} values removed.</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <location filename="../../bildungsplaner/ui/maps/render.py" line="+622"/>
        <source>Diese Programmversion kann keine SVG-Dateien schreiben (das Qt-Modul QtSvg fehlt); bitte PNG oder PDF wählen.</source>
        <extracomment>facility symbols: their shapes by kind (in the order the kinds were asked for), size, fill and outline device pixels per metre, and the world point at the map rectangle&apos;s centre (text, colour, swatch rectangle) per legend entry, „keine Daten“ last the legend block „Einrichtungen“: its heading and (text, symbol shape, symbol rectangle) per kind facility symbols drawn (all kinds) background, text and outline colours the sheet was drawn in the legend block „Einrichtungen“: (text, symbol shape) per kind</extracomment>
        <translation>This version of the program cannot write SVG files (the Qt module QtSvg is missing); please choose PNG or PDF.</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../bildungsplaner/ui/common/models.py" line="+34"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/models.py" line="+132"/>
        <location line="+40"/>
        <location line="+29"/>
        <location line="+58"/>
        <source>Gebiet</source>
        <translation>Area</translation>
    </message>
    <message>
        <location line="-126"/>
        <location line="+126"/>
        <source>Schlüssel</source>
        <translation>Key</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../bildungsplaner/ui/importing/history.py" line="+59"/>
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
        <location filename="../../bildungsplaner/ui/importing/history.py" line="-21"/>
        <source>Stand: {stand}</source>
        <translation>As of: {stand}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>aktuell</source>
        <translation>current</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ersetzt durch Nr. {id}</source>
        <translation>replaced by no. {id}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tabelle</source>
        <translation>Table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stand</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Einrichtungen</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Importiert</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>von</source>
        <translation>by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/data/models.py" line="-14"/>
        <source>Merkmal</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+170"/>
        <source>Wert</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="-159"/>
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
        <location line="+58"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Zeichen „{flag}“: {text}</source>
        <translation>Symbol “{flag}”: {text}</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <location filename="../../bildungsplaner/ui/data/panels.py" line="+53"/>
        <source>Gebiete</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baum der Gebiete (Kreis, Gemeinden, Sozialräume); mit Strg oder Umschalt mehrere wählen</source>
        <translation>Tree of areas (district, municipalities, social areas); select several with Ctrl or Shift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Suchen: Name oder Schlüssel</source>
        <translation>Search: name or key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gebiet suchen</source>
        <translation>Find region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Das erste passende Gebiet wird gewählt; Eingabetaste: das nächste</source>
        <translation>The first matching region is selected; Enter: the next one</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Gebiete</source>
        <translation>&amp;Regions</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Indikatoren</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liste der Indikatoren mit der Zahl ihrer Werte; der gewählte wird in der Werte-Tabelle gezeigt</source>
        <translation>List of indicators with the number of their values; the selected one is shown in the value table</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{name} (berechnet)</source>
        <translation>{name} (computed)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Berechnete Kennzahl (Bereich Kennzahlen)</source>
        <translation>Computed indicator (Indicators area)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Art der Einrichtung</source>
        <translation>Facility type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Einrichtungen</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liste der Einrichtungen der gewählten Art; die Merkmale der gewählten stehen darunter</source>
        <translation>List of facilities of the selected type; the characteristics of the selected one are shown below</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Merkmale der Einrichtung</source>
        <translation>Characteristics of the facility</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Alle Arten ({count})</source>
        <translation>All kinds ({count})</translation>
    </message>
    <message>
        <location filename="../../bildungsplaner/ui/importing/history.py" line="+23"/>
        <source>Übernehmen Sie amtliche Statistiken in den Arbeitsbereich: Tabellen aus GENESIS, der Regionaldatenbank und der Kommunalen Bildungsdatenbank (CSV, Flatfile), Schul- und Kitalisten, Bevölkerungszahlen nach Stadtteilen und Tabellen aus dem Kollegium (xlsx, xlsm, xls, ods, csv). Sie können eine Datei auch einfach auf das Fenster ziehen.</source>
        <translation>Bring official statistics into the workspace: tables from GENESIS, the Regionaldatenbank and the Kommunale Bildungsdatenbank (CSV, flat file), lists of schools and day-care centres, population by district and your colleagues’ spreadsheets (xlsx, xlsm, xls, ods, csv). You can also simply drag a file onto the window.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jeder Import wird mit seiner Herkunft gespeichert (Datei, Tabellencode, Stand, Fußnoten); Zeichen wie „.“ oder „…“ bleiben als Kennzeichen erhalten, und ein Prüfbericht nennt vor dem Import jede Korrektur, etwa ergänzte führende Nullen in Gebietsschlüsseln, und jede Summe, die nicht aufgeht.</source>
        <translation>Every import is stored with its provenance (file, table code, date, footnotes); symbols such as “.” or “…” are kept as flags, and a check report lists every correction before the import, such as leading zeros added to area keys, and every total that does not add up.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bisherige Importe (neueste zuerst):</source>
        <translation>Imports so far (newest first):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import löschen…</source>
        <translation>Delete import…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Den gewählten Import zurücknehmen: seine Werte entfernen, Einrichtungen und Gebiete auf den Stand davor zurücksetzen; ein älterer Stand derselben Tabelle gilt wieder</source>
        <translation>Take the selected import back: remove its values, set facilities and regions back to their previous state; an older version of the same table becomes current again</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bisherige Importe</source>
        <translation>Previous imports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liste der Importe, neueste zuerst; Entf nimmt den gewählten zurück</source>
        <translation>List of imports, newest first; Del takes back the selected one</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quelle und Fußnoten des Imports</source>
        <translation>Source and footnotes of the import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wählen Sie einen Import, um Quelle und Fußnoten zu sehen.</source>
        <translation>Select an import to see its source and footnotes.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Nr. {id}: {file} ({format}), {rows} Zeilen gelesen</source>
        <translation>No. {id}: {file} ({format}), {rows} rows read</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quelle: {source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hinweise der Prüfung beim Import:</source>
        <translation>Findings of the check at import time:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fußnoten: {notes}</source>
        <translation>Footnotes: {notes}</translation>
    </message>
</context>
<context>
    <name>PlanningEditor</name>
    <message>
        <location filename="../../bildungsplaner/ui/planning/templates.py" line="+38"/>
        <source>Neue Verteilung</source>
        <translation>New allocation</translation>
    </message>
</context>
<context>
    <name>Regions</name>
    <message>
        <location filename="../../bildungsplaner/ui/common/labels.py" line="+5"/>
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
        <location filename="../../bildungsplaner/ui/common/tasks.py" line="+108"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Wird abgebrochen …</source>
        <translation>Cancelling …</translation>
    </message>
</context>
<context>
    <name>WorkspaceWatcher</name>
    <message>
        <location filename="../../bildungsplaner/ui/workspace/watch.py" line="+236"/>
        <source>Auch geöffnet von: {names}</source>
        <extracomment>How often the workspace is asked (milliseconds). How often a server workspace is asked (milliseconds): one query to the server each time. How often the server is asked who else has the workspace open (milliseconds). the answer of a question that failed (a slow, locked or vanished server): the last answer stays questions started so far (tests count them) the next answer is the state the window has seen (after :meth:`sync`), not news</extracomment>
        <translation>Also open by: {names}</translation>
    </message>
</context>
</TS>
