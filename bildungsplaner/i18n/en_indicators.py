"""English texts of the core's messages raised in ``indicators`` (merged into :data:`bildungsplaner.i18n.en.MESSAGES`).

One file per area so that work on different areas does not collide; same rules as ``en.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # --- indicators/index*.py ---
    "Klasse {number}": "Class {number}",
    "Index {code}: die Werte von {indicator} für die Mindestgröße fehlen.":
        "Index {code}: the values of {indicator} for the minimum size are missing.",
    "{indicator} fehlt (nötig für die Mindestgröße {minimum})":
        "{indicator} missing (needed for the minimum size {minimum})",
    "{indicator} {value} liegt unter der Mindestgröße {minimum}":
        "{indicator} {value} is below the minimum size {minimum}",
    "Index {code}: {indicator} hat in allen {count} Regionen denselben Wert {value}; ein Merkmal ohne "
    "Streuung lässt sich nicht standardisieren. Bitte aus dem Index nehmen oder andere Regionen wählen.":
        "Index {code}: {indicator} has the same value {value} in all {count} regions; an indicator without "
        "spread cannot be standardized. Please remove it from the index or choose other regions.",
    "Index {code}: die Werte von {inputs} fehlen.": "Index {code}: the values of {inputs} are missing.",
    "Index {code}: die Region {key} steht mehrfach in den Werten.":
        "Index {code}: the region {key} occurs more than once in the values.",
    "Wert fehlt: {inputs}": "Value missing: {inputs}",
    "Index {code}: nur {count} Regionen haben alle Werte; ein Index vergleicht mindestens zwei.":
        "Index {code}: only {count} regions have all values; an index compares at least two.",
    "Index {code}: der Index ist in allen Regionen gleich (die Merkmale heben sich auf); er lässt sich nicht "
    "erneut standardisieren.":
        "Index {code}: the index is the same in all regions (the indicators cancel out); it cannot be "
        "standardized again.",
    "Indexdefinition": "Index definition",
    "eine Tabelle (z. B. { Geschlecht = \"Insgesamt\" })": "a table (e.g. { Geschlecht = \"Insgesamt\" })",
    "eine Liste von Zahlen (z. B. [-1.0, 1.0])": "a list of numbers (e.g. [-1.0, 1.0])",
    "1 oder -1": "1 or -1",
    "muss eines von {choices} sein, nicht {value}.": "must be one of {choices}, not {value}.",
    "muss {expected} sein, nicht {value}.": "must be {expected}, not {value}.",
    "darf nur Großbuchstaben, Ziffern und „_“ enthalten, nicht „{value}“.":
        "may contain only capital letters, digits and “_”, not “{value}”.",
    "gilt nicht bei method = \"{method}\".": "does not apply with method = \"{method}\".",
    "fehlt (bei method = \"{method}\").": "is missing (with method = \"{method}\").",
    "ist leer; mindestens eine Grenze ist nötig.": "is empty; at least one break is needed.",
    "muss aufsteigend sortiert sein, jede Grenze größer als die vorige.":
        "must be sorted ascending, each break greater than the one before.",
    "muss zwischen {low} und {high} liegen, nicht {value}.": "must be between {low} and {high}, not {value}.",
    "muss kleiner als 1 sein (ein Anteil wie 0.05), nicht {value}.":
        "must be less than 1 (a share such as 0.05), not {value}.",
    "muss {count} Bezeichnungen haben (eine je Klasse), nicht {given}.":
        "must have {count} labels (one per class), not {given}.",
    "nennt eine Bezeichnung zweimal.": "names a label twice.",
    "muss größer als 0 sein, nicht {value}.": "must be greater than 0, not {value}.",
    "muss 1 oder -1 sein, nicht {value}.": "must be 1 or -1, not {value}.",
    "mindestens ein Abschnitt [[input]] ist nötig.": "at least one [[input]] section is needed.",
    "„input[{number}].indicator“ „{indicator}“ steht schon in input[{first}]; jedes Merkmal nur einmal.":
        "“input[{number}].indicator” “{indicator}” is already in input[{first}]; each indicator only once.",
    # --- indicators/formula, ages, compute; services/indicators.py ---
    "„{what}“": "“{what}”",
    "ein Funktionsaufruf": "a function call",
    "ein Zugriff mit Punkt („{attr}“)": "an attribute access (“{attr}”)",
    "„**“ (Potenz)": "“**” (power)",
    "der Operator „{op}“": "the operator “{op}”",
    "ein Vergleich oder eine logische Verknüpfung": "a comparison or a logical operator",
    "der Wert {value}": "the value {value}",
    "Die Formel ist leer.": "The formula is empty.",
    "Die Formel ist zu lang (höchstens {count} Zeichen).": "The formula is too long (at most {count} characters).",
    "Die Formel „{formula}“ ist nicht lesbar (Stelle {column}): erlaubt sind + - * / ( ), Zahlen und die Namen der "
    "Eingaben.": "The formula “{formula}” cannot be read (position {column}): allowed are + - * / ( ), numbers and "
                 "the names of the inputs.",
    "Die Formel enthält eine unendliche Zahl.": "The formula contains an infinite number.",
    "Die Formel enthält {what}; erlaubt sind nur + - * / ( ), Zahlen und die Namen der Eingaben.":
        "The formula contains {what}; only + - * / ( ), numbers and the names of the inputs are allowed.",
    "Die Formel nennt „{name}“, aber es gibt keine Eingabe dieses Namens (Eingaben: {names}).":
        "The formula names “{name}”, but there is no input of that name (inputs: {names}).",
    "keine": "none",
    # indicators/ages.py
    "Die Altersgruppen der Tabelle ({dimension}: {present}) decken „{request}“ nicht ab.":
        "The age groups of the table ({dimension}: {present}) do not cover “{request}”.",
    "{lower} Jahre": "{lower} years",
    "{lower} bis {last} Jahre": "{lower} to {last} years",
    "„ages“ muss wie \"0-5\", \"65-\", \"-19\", \"5\" oder \"all\" geschrieben sein, nicht „{text}“.":
        "“ages” must be written like \"0-5\", \"65-\", \"-19\", \"5\" or \"all\", not “{text}”.",
    "„ages“: „{text}“ ist leer (das Ende liegt vor dem Anfang).":
        "“ages”: “{text}” is empty (the end lies before the start).",
    "Die Altersgruppe „{label}“ ({dimension}) reicht über die Grenze von „{request}“ hinaus; Altersgruppen werden "
    "nur ganz addiert, nie aufgeteilt. Bitte die Altersangabe an die Gruppen der Tabelle anpassen.":
        "The age group “{label}” ({dimension}) reaches across the boundary of “{request}”; age groups are only "
        "added whole, never split. Please fit the ages to the groups of the table.",
    "{lower} Jahre und älter": "{lower} years and older",
    "alle Altersjahre": "all ages",
    # indicators/compute.py
    "Eingabe „{name}“: „{dimension}“ hat keinen Wert „{value}“ (vorhanden: {present}).":
        "Input “{name}”: “{dimension}” has no value “{value}” (present: {present}).",
    "{count} Werte fehlen, weil eine Eingabe geheim oder unbekannt ist (Zeichen der Eingabe übernommen).":
        "{count} values are missing because an input is secret or unknown (the input's symbol is kept).",
    "{count} Werte sind nicht sinnvoll (Nenner 0, Zeichen „x“).":
        "{count} values are not meaningful (denominator 0, symbol “x”).",
    "Eingabe „{name}“: das Merkmal „{dimension}“ gibt es nicht (vorhanden: {present}).":
        "Input “{name}”: there is no dimension “{dimension}” (present: {present}).",
    "Eingabe „{name}“: „ages“ ist angegeben, aber die Werte haben kein Merkmal mit Altersangaben (vorhanden: "
    "{present}).": "Input “{name}”: “ages” is given, but the values have no dimension with ages (present: "
                   "{present}).",
    "Eingabe „{name}“ hat mehrere verschiedene Werte je Gebiet und Zeitraum ({examples}); bitte mit „where“ "
    "genauer angeben.": "Input “{name}” has several different values per region and period ({examples}); please "
                        "narrow it down with “where”.",
    "fehlt: {year} für {count} Gebiete – Eingabe „{name}“ hat keinen Wert für {input_year}.":
        "missing: {year} for {count} regions – input “{name}” has no value for {input_year}.",
    # services/indicators.py
    "ausgeschlossen: {region} – {reason}": "excluded: {region} – {reason}",
    "Tabelle {table}": "table {table}",
    "Indikator {code}": "indicator {code}",
    "Im Gebiet „{within}“ gibt es keine Gebiete der Ebene „{level}“.":
        "There are no regions of level “{level}” in “{within}”.",
    "Datensatz {number} enthält die berechnete Kennzahl {code}; er ist kein Import und folgt seinen Eingaben von "
    "selbst. Zum Entfernen: bildungsplaner indicator delete {code}.":
        "Dataset {number} holds the computed indicator {code}; it is no import and follows its inputs by itself. "
        "To remove it: bildungsplaner indicator delete {code}.",
    "Eine Kennzahl „{code}“ gibt es nicht (Liste: bildungsplaner indicator list).":
        "There is no indicator “{code}” (list: bildungsplaner indicator list).",
    "Die Kennzahl {code} gibt es schon (Version {version}); zum Ersetzen --replace angeben.":
        "The indicator {code} exists already (version {version}); give --replace to replace it.",
    "{code} ist eine Kennzahl des mitgelieferten Katalogs; eine eigene Definition ersetzt sie nur mit --replace.":
        "{code} is an indicator of the built-in catalogue; a definition of your own replaces it only with "
        "--replace.",
    "{code} ist ein importierter Indikator; eine Kennzahl braucht einen eigenen Code.":
        "{code} is an imported indicator; a computed indicator needs a code of its own.",
    "Die Kennzahlen-Tabelle (.xlsx) schreibt „bildungsplaner indicator export … --out DATEI.xlsx“ über das "
    "Export-Modul; hier nur .toml.": "The indicator table (.xlsx) is written by “bildungsplaner indicator export "
                                    "… --out FILE.xlsx” through the export module; here only .toml.",
    "--out: .toml oder .xlsx, nicht „{suffix}“.": "--out: .toml or .xlsx, not “{suffix}”.",
    "Eine Kennzahl oder einen Indikator „{code}“ gibt es nicht (Liste: bildungsplaner indicator list).":
        "There is no indicator “{code}” (list: bildungsplaner indicator list).",
    "{code} ist ein importierter Indikator, keine Kennzahl; seine Werte zeigt „bildungsplaner data pivot "
    "--indicator {code}“.": "{code} is an imported indicator, not a computed one; “bildungsplaner data pivot "
                            "--indicator {code}” shows its values.",
    "Die Kennzahl {code} lässt sich nicht berechnen: Quelle fehlt: {missing}.":
        "The indicator {code} cannot be computed: source missing: {missing}.",
    "Indexdefinitionen kann diese Programmversion noch nicht berechnen.":
        "This version of the program cannot compute index definitions yet.",
    "Die Kennzahlen lesen sich im Kreis: {path}.": "The indicators read each other in a circle: {path}.",
    "Das Gebiet „{key}“ (regions.within) gibt es im Arbeitsbereich nicht.":
        "The region “{key}” (regions.within) does not exist in the workspace.",
    "Den Indikator „{code}“ gibt es im Arbeitsbereich nicht (Liste: bildungsplaner indicator list).":
        "The indicator “{code}” does not exist in the workspace (list: bildungsplaner indicator list).",
    "Die Kennzahl {code} kann sich nicht selbst lesen.": "The indicator {code} cannot read itself.",
    "Eine eigene Kennzahl „{code}“ gibt es in diesem Arbeitsbereich nicht.":
        "There is no indicator “{code}” of this workspace's own.",
    "Die Kennzahl {code} wird von {readers} gelesen; bitte zuerst diese ändern oder löschen.":
        "The indicator {code} is read by {readers}; please change or delete those first.",
    "{code} ist eine Kennzahl des mitgelieferten Katalogs und lässt sich nicht löschen; sie wird berechnet, solange "
    "ihre Tabellen im Arbeitsbereich sind.": "{code} is an indicator of the built-in catalogue and cannot be "
                                             "deleted; it is computed as long as its tables are in the workspace.",
    "Quelle fehlt: {missing}.": "Source missing: {missing}.",
    "Interner Fehler beim Berechnen von {code}: {error_type}: {error}":
        "Internal error while computing {code}: {error_type}: {error}",
    # indicators/spec.py
    "Kennzahl-Definition": "Indicator definition",
    "muss aus Großbuchstaben, Ziffern und _ bestehen und mit einem Buchstaben beginnen (z. B. \"ANTEIL_U6\"), "
    "nicht „{value}“.": "must consist of capital letters, digits and _ and begin with a letter (e.g. "
                        "\"ANTEIL_U6\"), not “{value}”.",
    "muss ein Text sein (der Wert des Merkmals), nicht {value}.":
        "must be a text (the value of the characteristic), not {value}.",
    "„inputs.{name}“: der Name einer Eingabe besteht aus Buchstaben, Ziffern und _ (er steht so in der Formel).":
        "“inputs.{name}”: the name of an input consists of letters, digits and _ (it appears so in the formula).",
    "„inputs.{name}“ braucht genau eines von „indicator“ (Code eines Indikators) oder „table“ "
    "(GENESIS-Tabellencode mit „measure“).": "“inputs.{name}” needs exactly one of “indicator” (the code of an "
                                           "indicator) or “table” (a GENESIS table code with “measure”).",
    "fehlt (bei „table“: die Bezeichnung der Wertspalte, z. B. \"Betreute Kinder\").":
        "is missing (with “table”: the label of the value column, e.g. \"Betreute Kinder\").",
    "gilt nur zusammen mit „table“.": "applies only together with “table”.",
    "„inputs“ braucht mindestens eine Eingabe ([inputs.NAME]).": "“inputs” needs at least one input ([inputs.NAME]).",
    "die Datei ist kein gültiges TOML ({error}).": "the file is not valid TOML ({error}).",
    "„formula“: {error}": "“formula”: {error}",
    "„kind“ muss \"indicator\" oder \"index\" sein, nicht {value}.":
        "“kind” must be \"indicator\" or \"index\", not {value}.",
    # --- exporting/indicator_table.py, services/indicator_table.py ---
    "Die Kennzahl {code} hat für {region} und ihre Vergleichsgebiete keine Werte{span}.":
        "The indicator {code} has no values for {region} and its comparison regions{span}.",
    "Die Kennzahlen-Tabelle ist eine Excel-Arbeitsmappe (.xlsx), nicht „{suffix}“.":
        "The indicator table is an Excel workbook (.xlsx), not “{suffix}”.",
    "Für die Kennzahlen-Tabelle bitte mindestens eine Kennzahl angeben (Liste: bildungsplaner indicator list).":
        "Please name at least one indicator for the indicator table (list: bildungsplaner indicator list).",
    "Der Zeitraum {first}–{last} ist leer: das erste Jahr liegt nach dem letzten.":
        "The period {first}–{last} is empty: the first year lies after the last.",
    "Der Arbeitsbereich hat keine Heimatregion; bitte das Gebiet angeben, für das die Kennzahlen-Tabelle gelten "
    "soll (im Befehl: --region SCHLÜSSEL, z. B. 05315 für Köln).":
        "The workspace has no home region; please name the region the indicator table is for (on the command "
        "line: --region KEY, e.g. 05315 for Köln).",
    "Das Gebiet „{key}“ (Region der Kennzahlen-Tabelle) gibt es im Arbeitsbereich nicht.":
        "The region “{key}” (region of the indicator table) does not exist in the workspace.",
    "Kennzahl {code} wird zusammengestellt …": "Collecting indicator {code} …",
    "Kennzahlen-Tabelle wird geschrieben …": "Writing the indicator table …",
    "Kennzahlen-Tabelle geschrieben: {count} Kennzahl(en).": "Indicator table written: {count} indicator(s).",
    "--years: ein Jahr oder ein Zeitraum wie 2012-2016, nicht „{text}“.":
        "--years: a year or a period such as 2012-2016, not “{text}”.",
    # map sheets of the workbooks (services/indicator_table.py kennzahl_map, exporting/images.py)
    "Kreise in {land}": "Districts in {land}",
    "Gemeinden in {kreis}": "Municipalities in {kreis}",
    "Karte: {name}": "Map: {name}",
    # map sheets of the council workbook (services/scenario_maps.py)
    "Platzbilanz {line}": "Places minus demand: {line}",
    "Plätze − Bedarf {year} (negativ: es fehlen Plätze)": "Places − demand {year} (negative: places are missing)",
    "Verteilter Betrag je Gebiet": "Amount allocated per region",
}
