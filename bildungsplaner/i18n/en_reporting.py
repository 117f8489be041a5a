"""English texts of the core's messages raised in ``reporting`` (core: spec, content, text, highlights),
``services/reports.py`` and ``cli/report.py`` (the Bildungsbericht), to be merged into
:data:`bildungsplaner.i18n.en.MESSAGES`.

One file per area so that work on different areas does not collide; same rules as ``en.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # reporting/spec.py
    "Berichtsdefinition": "Report definition",
    "muss zwei Jahreszahlen nennen, das erste und das letzte Jahr (z. B. [2011, 2016]), nicht {value}.":
        "must name two years, the first and the last (e.g. [2011, 2016]), not {value}.",
    "nennt zuerst das letzte Jahr ({first} nach {last}).": "names the last year first ({first} after {last}).",
    "muss eines von {choices} sein, nicht „{value}“.": "must be one of {choices}, not “{value}”.",
    "„{where}“ nennt „{first}“ und „{second}“; ein Baustein ist genau eines: ein Kennzahl-Baustein (indicator), ein "
    "Szenario (scenario), ein Prognose-Ist-Vergleich (backtest) oder ein Text (text).":
        "“{where}” names “{first}” and “{second}”; a module is exactly one of: an indicator module (indicator), a "
        "scenario (scenario), a forecast check (backtest) or a text (text).",
    "„{where}“ sagt nicht, was der Baustein zeigt: „indicator“, „scenario“, „backtest“ oder „text“ fehlt.":
        "“{where}” does not say what the module shows: “indicator”, “scenario”, “backtest” or “text” is missing.",
    "der Text ist kein gültiges TOML ({error}).": "the text is not valid TOML ({error}).",
    # services/reports.py
    "Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht.": "There is no report “{name}” in the workspace.",
    "Einen Bericht „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).":
        "There is no report “{name}” in the workspace (available: {known}).",
    "Der Name des Berichts ist leer.": "The report's name is empty.",
    "Einen Bericht „{name}“ gibt es schon.": "A report “{name}” already exists.",
    # reporting/content.py: a module's warnings (shown in the window and in --json, not printed)
    "Quelle fehlt: {code}": "Source missing: {code}",
    "keine Werte für {region} ({key})": "no values for {region} ({key})",
    "keine Werte für {region} {years}": "no values for {region} {years}",
    "keine Werte der Teilgebiete für {year}": "no values of the sub-regions for {year}",
    "keine Karte für {code}: keine Grenzen oder keine Werte der Ebene":
        "no map for {code}: no boundaries or no values of the level",
    # services/reports.py: building
    "Bericht berechnet": "Report computed",
    "Die Region {key} des Berichts gibt es im Arbeitsbereich nicht.":
        "The report's region {key} does not exist in the workspace.",
    "Die Vergleichsregion {key} gibt es im Arbeitsbereich nicht.":
        "The comparison region {key} does not exist in the workspace.",
    "Baustein {number} von {total}": "Module {number} of {total}",
    "Die Kennzahl {code} gibt es im Arbeitsbereich nicht.": "The indicator {code} does not exist in the workspace.",
    "Quelle fehlt: {code} lässt sich nicht berechnen ({missing}).":
        "Source missing: {code} cannot be computed ({missing}).",
    "keine Karte für {code}: {problem}": "no map for {code}: {problem}",
    # services/reports.py: writing
    "Bericht wird geschrieben": "Writing the report",
    "Bericht geschrieben": "Report written",
    "Der Bericht wird als .docx, .pdf oder .xlsx geschrieben, nicht als „{suffix}“.":
        "The report is written as .docx, .pdf or .xlsx, not as “{suffix}”.",
    "Abbildungen und Karten kann nur das Programm selbst zeichnen (kein Zeichner übergeben).":
        "Only the program itself can draw figures and maps (no renderer given).",
    "Abbildung {number} von {total}": "Figure {number} of {total}",
    "Ein PDF kann nur das Programm selbst zeichnen (kein PDF-Zeichner übergeben).":
        "Only the program itself can draw a PDF (no PDF renderer given).",
    "keine Gebiete der Ebene „{level}“ in {region}": "no regions of the level “{level}” in {region}",
    "Der Bericht „{name}“ wurde inzwischen von {who} gespeichert ({when}); Ihre Änderungen sind nicht gespeichert. "
    "Bitte den Bericht neu öffnen oder unter einem anderen Namen speichern.":
        "The report “{name}” has been saved by {who} in the meantime ({when}); your changes are not saved. Please "
        "open the report again or save it under another name.",
    "Einen Bericht „{name}“ hat gerade ein Kollege angelegt; bitte neu laden oder einen anderen Namen wählen.":
        "A colleague has just created a report “{name}”; please reload or choose another name.",
}
