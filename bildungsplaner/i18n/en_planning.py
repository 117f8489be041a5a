"""English texts of the core's messages raised in ``planning`` (merged into :data:`bildungsplaner.i18n.en.MESSAGES`).

One file per area so that work on different areas does not collide; same rules as ``en.py``. Also the planning
use cases in ``services`` (kinds, planning, scenarios, export) and the ``plan``, ``export`` and ``data`` commands.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- planning/scenario.py ---
    "Szenariodatei: „format = {format}“ fehlt oder ist eine unbekannte Version ({found}).":
        "Scenario file: “format = {format}” is missing or an unknown version ({found}).",
    "Szenariodatei: „kind“ muss {kinds} sein, nicht „{kind}“.":
        "Scenario file: “kind” must be {kinds}, not “{kind}”.",
    " oder ": " or ",
    "Szenariodatei: „name“ fehlt.": "Scenario file: “name” is missing.",
    "{source} ist kein gültiges TOML: {error}.": "{source} is not valid TOML: {error}.",
    "Die Szenariodatei {path} gibt es nicht.": "The scenario file {path} does not exist.",
    "{name} ist keine UTF-8-Textdatei.": "{name} is not a UTF-8 text file.",
    # --- services/kinds.py ---
    "Verteilung": "Allocation",
    "Bedarf": "Demand",
    "Verteilung wird berechnet …": "Computing the allocation …",
    "Bedarf wird berechnet …": "Computing the demand …",
    "Einrichtungen der Art {kinds}": "facilities of the kind {kinds}",
    "Einrichtungen": "facilities",
    "Gebiete der Ebene „{level}“": "regions of the level “{level}”",
    " in {within}": " in {within}",
    "Szenario „{name}“: keine Empfänger gefunden ({recipients}).":
        "Scenario “{name}”: no recipients found ({recipients}).",
    "Fehlende Werte ersetzt: „{line}“: das Merkmal „{attribute}“ (Plätze) fehlt für {facilities}; als 0 Plätze "
    "gezählt.":
        "Missing values replaced: “{line}”: the attribute “{attribute}” (places) is missing for {facilities}; "
        "counted as 0 places.",
    # --- services/planning.py, services/planning_inputs.py ---
    "Daten werden zusammengestellt …": "Collecting the data …",
    "„{name_a}“ ({kind_a}) und „{name_b}“ ({kind_b}) sind verschiedene Arten von Szenarien und lassen sich nicht "
    "vergleichen.":
        "“{name_a}” ({kind_a}) and “{name_b}” ({kind_b}) are different kinds of scenario and cannot be compared.",
    "{only_a} Zeile(n) nur in „{name_a}“, {only_b} nur in „{name_b}“.":
        "{only_a} row(s) only in “{name_a}”, {only_b} only in “{name_b}”.",
    "keine (die Empfänger haben keine übergeordneten Gebiete)": "none (the recipients have no regions above them)",
    "Nach „{level}“ lässt sich nicht gruppieren: keiner der Empfänger liegt in einem Gebiet dieser Ebene. Möglich "
    "sind: {offered}.":
        "Cannot group by “{level}”: none of the recipients lies in a region of this level. Possible: {offered}.",
    "Das Ergebnis kennt die Gebiete der Empfänger nicht; so lässt es sich nicht gruppieren.":
        "The result does not know the recipients' regions, so it cannot be grouped.",
    "Gruppieren nach Gebieten gibt es nur für Verteilungsszenarien; ein Bedarfsszenario rechnet schon je Gebiet der "
    "gewählten Ebene.":
        "Grouping by regions exists only for allocation scenarios; a demand scenario already computes per region "
        "of the chosen level.",
    "Gruppieren nach Gebieten gibt es nur für den Vergleich von Verteilungsszenarien.":
        "Grouping by regions exists only for comparing allocation scenarios.",
    # --- services/scenarios.py ---
    "Szenario „{name}“": "Scenario “{name}”",
    "Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht (vorhanden: {known}).":
        "There is no scenario “{name}” in the workspace (present: {known}).",
    "Ein Szenario „{name}“ gibt es im Arbeitsbereich nicht.": "There is no scenario “{name}” in the workspace.",
    "Ein Szenario „{name}“ gibt es schon.": "A scenario “{name}” already exists.",
    "„{name}“ ist ein Szenario der Art „{old}“, nicht „{new}“.":
        "“{name}” is a scenario of the kind “{old}”, not “{new}”.",
    "Der neue Name ist leer.": "The new name is empty.",
    "{name} (Kopie)": "{name} (copy)",
    "{name} (Kopie {number})": "{name} (copy {number})",
}
