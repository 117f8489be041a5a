"""The demo workspace's two saved scenarios (scenario files, format version 1), one of each kind.

Kept as text: the demo package sits beside ``planning`` and does not import it; the workspace service parses
and saves them after building the demo data.
"""

from __future__ import annotations

__all__ = ["SCENARIOS"]

ALLOCATION = """\
format = 1
kind = "allocation"
name = "Schulsozialarbeit Grundschulen 2027"

[recipients]
type = "facility"
facility_kinds = ["Grundschule"]

[[need]]
source = "attribute:schueler"
weight = 0.6

[[need]]
source = "attribute:schueler"
times = "attribute:sozialindex"
weight = 0.4

[amount]
total = 24.0
unit = "VZÄ"
step = 0.5
method = "hare-niemeyer"
base = 0.0
minimum = 0.5
maximum = 2.0
"""

DEMAND = """\
format = 1
kind = "demand"
name = "Kita- und Ganztagsbedarf 2025-2030"

[regions]
level = "gemeinde"

[population]
indicator = "BEV_ALTER"
dimensions = { Geschlecht = "Insgesamt" }
horizon = 2030
births = "mean-3"
survival = 1.0

[[demand]]
name = "U3"
ages = [1, 2]
rate = { 2026 = 0.45, 2030 = 0.55 }
capacity = { facility_kinds = ["Kita"], attribute = "plaetze_u3" }

[[demand]]
name = "Ganztag Grundschule"
ganztag_entitlement = true
ages = [6, 7, 8, 9]
rate = 0.75
capacity = { facility_kinds = ["Grundschule"], attribute = "ogs_plaetze" }
"""

SCENARIOS = (ALLOCATION, DEMAND)
