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
}
