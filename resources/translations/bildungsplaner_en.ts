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
    <name>MainWindow</name>
    <message>
        <location filename="../../bildungsplaner/ui/main_window.py" line="+49"/>
        <source>Bildungsplaner-Arbeitsbereich (*{suffix});;Alle Dateien (*)</source>
        <translation>Bildungsplaner workspace (*{suffix});;All files (*)</translation>
    </message>
    <message>
        <location line="+27"/>
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
        <location line="+1"/>
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
        <location line="+8"/>
        <source>&amp;Bearbeiten</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+28"/>
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
