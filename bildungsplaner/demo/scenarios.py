"""The demo workspace's saved scenarios (scenario files, format version 1): an allocation, a demand forecast from
the latest year, and a demand forecast made as if in 2020 (``base_year = 2020``) whose years 2021–2024 have been
observed since — the Prognose-Ist-Vergleich (``plan backtest``) holds it against them.

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

#: a forecast as a planner would have made it in 2020, expecting a little net in-migration (survival 1.005 a year)
DEMAND_2020 = """\
format = 1
kind = "demand"
name = "Kita-Bedarf Prognose 2020"

[regions]
level = "gemeinde"

[population]
indicator = "BEV_ALTER"
dimensions = { Geschlecht = "Insgesamt" }
base_year = 2020
horizon = 2025
births = "mean-3"
survival = 1.005

[[demand]]
name = "U3"
ages = [1, 2]
rate = 0.40
capacity = { facility_kinds = ["Kita"], attribute = "plaetze_u3" }

[[demand]]
name = "Ü3"
ages = [3, 4, 5]
rate = 0.95
capacity = { facility_kinds = ["Kita"], attribute = "plaetze_ue3" }
"""

SCENARIOS = (ALLOCATION, DEMAND, DEMAND_2020)
