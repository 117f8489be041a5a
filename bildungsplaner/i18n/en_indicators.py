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
}
