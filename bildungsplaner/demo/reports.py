"""The demo workspace's report definition (TOML, ``format = 1``, ``kind = "report"``): a Bildungsbericht of the
invented Kreis Lindental over the demo's data — its population, its social indicators by Sozialraum (bars and
maps), a text block, the Prognose-Ist-Vergleich of the forecast made in 2020 and the Kita scenario. Saved by
``services/workspace.create_demo_workspace`` under :data:`NAME`."""

from __future__ import annotations

__all__ = ["NAME", "REPORTS"]

NAME = "Bildungsbericht Demokreis"

BILDUNGSBERICHT = """\
format = 1
kind = "report"
title = "Bildungsbericht Demokreis"
subtitle = "Kreis Lindental 2020–2024 (fiktive Beispieldaten)"
publisher = "Kreis Lindental, Bildungsbüro"
region = "05999"

[[chapter]]
title = "A Rahmenbedingungen"
intro = "Das Kapitel beschreibt die Bevölkerung und die soziale Lage, unter denen Bildung im Kreis stattfindet."

[[chapter.module]]
indicator = "BEV_ALTER"
title = "Bevölkerung unter 19 Jahren"
chart = "timeseries"

[[chapter.module]]
indicator = "SGB2_U15"
chart = "map"
level = "sozialraum"
note = "Die Sozialräume mit den höchsten Anteilen liegen in den Kernstädten."

[[chapter.module]]
indicator = "ALLEINERZ"
chart = "subregions"
level = "sozialraum"

[[chapter]]
title = "B Grundinformationen zur Bevölkerung"

[[chapter.module]]
indicator = "GEBURTEN"
chart = "timeseries"

[[chapter.module]]
indicator = "MIGR_U18"
chart = "map"
level = "sozialraum"

[[chapter]]
title = "C Frühkindliche Bildung"

[[chapter.module]]
title = "Zum Lesen dieses Kapitels"
text = \"\"\"Die Prognose des Kita-Bedarfs wurde 2020 erstellt. Der Prognose-Ist-Vergleich zeigt, wie gut sie die
Kinderzahlen der Jahre danach getroffen hat.

Alle Zahlen dieses Demo-Berichts sind erfunden.\"\"\"

[[chapter.module]]
backtest = "Kita-Bedarf Prognose 2020"

[[chapter]]
title = "D Allgemeinbildende Schulen"

[[chapter.module]]
scenario = "Schulsozialarbeit Grundschulen 2027"
"""

#: (name, TOML text) of every demo report
REPORTS = ((NAME, BILDUNGSBERICHT),)
