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
    # the key columns of a comparison (services/kinds.py)
    "Schlüssel": "Key",
    "Name": "Name",
    "Gebiet": "Area",
    "Jahr": "Year",
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
    # a save over a version a colleague stored meanwhile (team mode)
    "Das Szenario „{name}“ wurde inzwischen von {who} gespeichert ({when}). Neu laden oder als Kopie speichern.":
        "The scenario “{name}” has been saved by {who} in the meantime ({when}). Reload it or save as a copy.",
    "Das Szenario „{name}“ wurde inzwischen von {who} in „{new}“ umbenannt ({when}). Neu laden oder als Kopie "
    "speichern.":
        "The scenario “{name}” has been renamed to “{new}” by {who} in the meantime ({when}). Reload it or save "
        "as a copy.",
    "Das Szenario „{name}“ wurde inzwischen von einem Kollegen gelöscht. Als Kopie speichern, um Ihre Änderungen "
    "zu behalten.":
        "The scenario “{name}” has been deleted by a colleague in the meantime. Save as a copy to keep your "
        "changes.",
    "einem Kollegen": "a colleague",
    "heute {time}": "today {time}",
    "gestern {time}": "yesterday {time}",
    # --- planning/allocation.py ---
    " und {count} weitere": " and {count} more",
    "Für „{source}“ fehlen die Werte der Empfänger.": "The recipients' values of “{source}” are missing.",
    "„{source}“ fehlt für {recipients}; bitte Daten ergänzen oder im Term missing = \"zero\" setzen.":
        "“{source}” is missing for {recipients}; please add the data or set missing = \"zero\" in the term.",
    "„{source}“ ist negativ für {recipients}.": "“{source}” is negative for {recipients}.",
    "„{source}“ ist unendlich für {recipients}.": "“{source}” is infinite for {recipients}.",
    "Der Bedarfsterm „{term}“ ist für alle Empfänger 0; so lässt sich nichts nach Bedarf verteilen.":
        "The need term “{term}” is 0 for all recipients, so nothing can be allocated by need.",
    "Fehlende Werte ersetzt: „{column}“ fehlt für {recipients}; als 0 gerechnet (missing = \"zero\").":
        "Missing values replaced: “{column}” is missing for {recipients}; counted as 0 (missing = \"zero\").",
    "Szenario „{name}“: keine Empfänger.": "Scenario “{name}”: no recipients.",
    "Szenario „{name}“: Empfänger-Schlüssel doppelt: {keys}.": "Scenario “{name}”: recipient keys twice: {keys}.",
    "Der feste Betrag für „{key}“ (amount.locked) passt zu keinem Empfänger.":
        "The fixed amount for “{key}” (amount.locked) matches no recipient.",
    "Die festen Beträge ({fixed}) übersteigen die Summe ({total}).":
        "The fixed amounts ({fixed}) exceed the total ({total}).",
    "Die Mindestbeträge ({count} × {each} = {product}) übersteigen die zu verteilende Summe {remaining}.":
        "The minimum amounts ({count} × {each} = {product}) exceed the total to allocate, {remaining}.",
    "Die Sockelbeträge ({count} × {each} = {product}) übersteigen die zu verteilende Summe {remaining}.":
        "The base amounts ({count} × {each} = {product}) exceed the total to allocate, {remaining}.",
    "Auch mit dem Höchstbetrag für alle ({count} × {each}) wird die Summe {remaining} nicht erreicht.":
        "Even with the maximum for everyone ({count} × {each}) the total {remaining} is not reached.",
    "Alle Empfänger haben feste Beträge, deren Summe nicht der Gesamtsumme entspricht.":
        "All recipients have fixed amounts whose sum differs from the total.",
    "Die Summe lässt sich nicht nach Bedarf verteilen: alle Empfänger mit Bedarf erreichen den Höchstbetrag "
    "{maximum}, {left} blieben übrig (Höchstbetrag erhöhen oder Summe senken).":
        "The total cannot be allocated by need: all recipients with need reach the maximum {maximum}, {left} would "
        "be left over (raise the maximum or lower the total).",
    "Die zu verteilende Summe {remaining} ist kein Vielfaches der Schrittweite {step}.":
        "The total to allocate, {remaining}, is not a multiple of the step {step}.",
    "Mindest- und Höchstbeträge lassen sich in ganzen Schritten von {step} nicht mit der Summe vereinbaren.":
        "Minimum and maximum amounts cannot be reconciled with the total in whole steps of {step}.",
    "Gleichstand um die letzte Einheit zwischen {keys}: entschieden nach dem größeren exakten Anteil, dann nach dem "
    "Schlüssel.":
        "Tie for the last unit between {keys}: decided by the larger exact share, then by the key.",
    "Alabama-Paradoxon des Hare-Niemeyer-Verfahrens": "Alabama paradox of the Hare–Niemeyer method",
    "Sockelbetrag und Grenzen verschieben die Anteile": "base amount and bounds shift the shares",
    "Mit {step} {unit} mehr Gesamtsumme bekäme {keys} eine Einheit weniger ({why}).":
        "With {step} {unit} more in total, {keys} would get one unit less ({why}).",
    "D’Hondt begünstigt große Empfänger": "D’Hondt favours large recipients",
    "Quotenbedingung verletzt: {keys} weichen um mindestens einen Schritt vom exakten Anteil ab ({why}).":
        "Quota rule violated: {keys} deviate from the exact share by at least one step ({why}).",
    "Quotenbedingung verletzt: {keys} weicht um mindestens einen Schritt vom exakten Anteil ab ({why}).":
        "Quota rule violated: {keys} deviates from the exact share by at least one step ({why}).",
    # --- planning/demand.py ---
    "Die Bevölkerung („{indicator}“)": "The population (“{indicator}”)",
    "Für „{indicator}“ gibt es keine Bevölkerungswerte.": "There are no population values for “{indicator}”.",
    "Die Bevölkerung hat mehrere Werte für Gebiet {region}, Jahr {year}, Alter {age} ({count} doppelte Zeilen); "
    "bitte die Merkmale („population.dimensions“) genauer festlegen.":
        "The population has several values for region {region}, year {year}, age {age} ({count} duplicate rows); "
        "please fix the characteristics (“population.dimensions”) more precisely.",
    "{region} (Alter {ages})": "{region} (age {ages})",
    " und {count} weitere Gebiete": " and {count} more regions",
    "Der Prognosehorizont {horizon} liegt vor dem Basisjahr {base_year}.":
        "The forecast horizon {horizon} lies before the base year {base_year}.",
    "Für das Basisjahr {base_year} oder davor gibt es keine Bevölkerungswerte (beobachtet sind {first}–{last}).":
        "There are no population values for the base year {base_year} or before (observed: {first}–{last}).",
    "Für das Basisjahr {base_year} gibt es keine Bevölkerungswerte; fortgeschrieben wird ab {start}, dem letzten "
    "beobachteten Jahr.":
        "There are no population values for the base year {base_year}; the projection starts from {start}, the "
        "latest observed year.",
    "Beobachtete Werte nach dem Basisjahr ({years}) werden nicht verwendet; die Jahre ab dem Basisjahr sind "
    "fortgeschrieben.":
        "Observed values after the base year ({years}) are not used; the years from the base year on are projected.",
    "Der Prognosehorizont {horizon} liegt mehr als 100 Jahre nach {start}.":
        "The forecast horizon {horizon} lies more than 100 years after {start}.",
    "Im Jahr {year} fehlen Bevölkerungswerte, die die Prognose braucht: {missing}.":
        "In {year}, population values the forecast needs are missing: {missing}.",
    "Die Geburtenzahl kann nicht auf die Gebiete verteilt werden: im Jahr {year} gibt es in keinem Gebiet Kinder im "
    "Alter 0.":
        "The number of births cannot be shared among the regions: in {year} no region has children aged 0.",
    "„{line}“: für die Klassen noch ohne Rechtsanspruch gilt dieselbe Teilnahmequote wie mit Rechtsanspruch "
    "(rate_before_entitlement nicht angegeben).":
        "“{line}”: the grades not yet entitled have the same participation rate as the entitled ones "
        "(rate_before_entitlement not given).",
    "Für „births = {rule}“ gibt es nur ein beobachtetes Jahr ({years}); dessen Zahl wird übernommen.":
        "For “births = {rule}” there is only one observed year ({years}); its number is used.",
    "Für „births = {rule}“ gibt es nur {count} beobachtete Jahre ({years}); gemittelt wird über diese.":
        "For “births = {rule}” there are only {count} observed years ({years}); the mean is taken over these.",
    "Fehlende Werte ersetzt: Alter 0 fehlt für {regions}; die Geburten („births = {rule}“) dieser Gebiete sind das "
    "Mittel der übrigen Jahre.":
        "Missing values replaced: age 0 is missing for {regions}; the births (“births = {rule}”) of these regions "
        "are the mean of the other years.",
    "Fehlende Werte ersetzt: „{line}“: die Zahl der Plätze fehlt für {regions}; als 0 Plätze gezählt.":
        "Missing values replaced: “{line}”: the number of places is missing for {regions}; counted as 0 places.",
    "„{line}“: Plätze in Gebieten ohne Bevölkerungswerte ({regions}) sind nicht berücksichtigt.":
        "“{line}”: places in regions without population values ({regions}) are not taken into account.",
    "„{line}“: keine Kapazität geliefert; Lücke und Deckung bleiben leer.":
        "“{line}”: no capacity given; gap and coverage stay empty.",
    # --- services/planning_data.py ---
    "Das Gebiet „{within}“ (within) gibt es im Arbeitsbereich nicht.":
        "The region “{within}” (within) does not exist in the workspace.",
    "Den Indikator „{code}“ gibt es im Arbeitsbereich nicht.":
        "The indicator “{code}” does not exist in the workspace.",
    "Der Indikator „{code}“ hat für {period} keine Gesamtzahl über alle Merkmale ({examples} …); bitte "
    "„dimensions“ angeben.":
        "The indicator “{code}” has no total over all characteristics for {period} ({examples} …); please give "
        "“dimensions”.",
    "Der Indikator „{code}“ hat für {period} mehrere Werte je Gebiet ({examples}); bitte „dimensions“ genauer "
    "angeben.":
        "The indicator “{code}” has several values per region for {period} ({examples}); please give "
        "“dimensions” more precisely.",
    "recipients.type muss „facility“ oder „region“ sein, nicht „{type}“.":
        "recipients.type must be “facility” or “region”, not “{type}”.",
    "„{source}“: Attribute gibt es nur bei Einrichtungen.": "“{source}”: only facilities have attributes.",
    "Die Quelle „{source}“ muss mit „attribute:“ oder „indicator:“ beginnen.":
        "The source “{source}” must start with “attribute:” or “indicator:”.",
    "Im Arbeitsbereich gibt es keine Gebiete der Ebene „{level}“ in {within}.":
        "The workspace has no regions of the level “{level}” in {within}.",
    "Im Arbeitsbereich gibt es keine Gebiete der Ebene „{level}“.":
        "The workspace has no regions of the level “{level}”.",
    "Für „{indicator}“ gibt es keine Werte der Gebiete der Ebene „{level}“.":
        "There are no values of “{indicator}” for the regions of the level “{level}”.",
    "Für „{indicator}“ passen keine Werte zu den Merkmalen {wanted}; vorhanden sind die Merkmale {present} (ein "
    "Merkmal „Alter…“ ist nötig, die übrigen müssen in „dimensions“ festgelegt werden).":
        "No values of “{indicator}” match the characteristics {wanted}; present are the characteristics {present} "
        "(a characteristic “Alter…” is needed, the others must be fixed in “dimensions”).",
    "Für „{indicator}“ passen keine Werte zu den Merkmalen {wanted}; vorhanden sind die Merkmale keine (ein Merkmal "
    "„Alter…“ ist nötig, die übrigen müssen in „dimensions“ festgelegt werden).":
        "No values of “{indicator}” match the characteristics {wanted}; there are no characteristics (a "
        "characteristic “Alter…” is needed, the others must be fixed in “dimensions”).",
    # --- services/aggregate.py ---
    "alle (Summe)": "all (sum)",
    "alle ({total})": "all ({total})",
    "{total}, sonst Summe der Teile": "{total}, else sum of the parts",
    "Summe der Teile": "sum of the parts",
    "{dimension}: ohne „Insgesamt“ und nicht summierbar ({unit}); wählen Sie einen Wert.":
        "{dimension}: no “Insgesamt” (total) and not additive ({unit}); choose a value.",
    "{region} {period}: {total} statt {parts}": "{region} {period}: {total} instead of {parts}",
    "{dimension}: „{total}“ weicht bei {count} von {compared} Werten von der Summe der Teile ab (Teile können sich "
    "überschneiden); gezeigt wird die Gesamtzahl, nicht die Summe ({examples}{more}).":
        "{dimension}: “{total}” differs from the sum of the parts in {count} of {compared} values (parts may "
        "overlap); the total is shown, not the sum ({examples}{more}).",
    "Indikator „{indicator}“ gibt es im Arbeitsbereich nicht (vorhanden: keine).":
        "There is no indicator “{indicator}” in the workspace (present: none).",
    "Indikator „{indicator}“ gibt es im Arbeitsbereich nicht (vorhanden: {present}).":
        "There is no indicator “{indicator}” in the workspace (present: {present}).",
    "Gebiet „{region}“ gibt es im Arbeitsbereich nicht.": "There is no region “{region}” in the workspace.",
    "„{indicator}“ hat kein Merkmal „{dimension}“ (vorhanden: keine).":
        "“{indicator}” has no characteristic “{dimension}” (present: none).",
    "„{indicator}“ hat kein Merkmal „{dimension}“ (vorhanden: {present}).":
        "“{indicator}” has no characteristic “{dimension}” (present: {present}).",
    "Merkmal „{dimension}“ hat keinen Wert „{value}“ (vorhanden: {present}).":
        "The characteristic “{dimension}” has no value “{value}” (present: {present}).",
    "Merkmal „{dimension}“ hat keine Gesamtzahl und „{unit}“ lässt sich nicht addieren: bitte mit --where "
    "„{dimension}=…“ einen Wert wählen ({values}).":
        "The characteristic “{dimension}” has no total and “{unit}” cannot be added up: please choose a value with "
        "--where “{dimension}=…” ({values}).",
    # --- services/workspace.py ---
    "{path} ist keine SQLite-Datenbank.": "{path} is not an SQLite database.",
    "Integritätsprüfung: {problem}": "Integrity check: {problem}",
    "Fremdschlüssel: {problem}": "Foreign keys: {problem}",
    "Die Datei ist beschädigt: {problem}": "The file is damaged: {problem}",
    "Kein Schemastand gefunden: keine Bildungsplaner-Arbeitsbereichsdatei.":
        "No schema revision found: not a Bildungsplaner workspace file.",
    "Schemastand {revision} stammt aus einer neueren Programmversion.":
        "Schema revision {revision} comes from a newer version of the program.",
    "Die Sicherung kann nicht die Arbeitsbereichsdatei selbst überschreiben.":
        "The backup cannot overwrite the workspace file itself.",
    "Die Sicherung {name} ist nicht verwendbar: {problem}": "The backup {name} cannot be used: {problem}",
    "{name} wird gerade benutzt oder wurde nicht sauber geschlossen.":
        "{name} is in use or was not closed properly.",
    "{path} existiert bereits; {what}": "{path} already exists; {what}",
    "bitte einen anderen Namen wählen.": "please choose another name.",
    "ein neuer Arbeitsbereich überschreibt nichts.": "a new workspace overwrites nothing.",
    # --- planning/allocation_spec.py (after „Szenariodatei: „<key>“ …“) ---
    "eine Tabelle (z. B. { \"190500\" = 2.0 })": "a table (e.g. { \"190500\" = 2.0 })",
    "ein Text wie \"2024\"": "a text like \"2024\"",
    "muss „attribute:NAME“ oder „indicator:CODE“ sein, nicht „{text}“.":
        "must be “attribute:NAME” or “indicator:CODE”, not “{text}”.",
    "muss {choices} sein, nicht „{value}“.": "must be {choices}, not “{value}”.",
    "muss ein Text wie \"2024\" sein.": "must be a text like \"2024\".",
    "fehlt (bei type = \"region\").": "is missing (with type = \"region\").",
    "gilt nur bei type = \"facility\".": "applies only with type = \"facility\".",
    "muss eine Zahl ≥ 0 sein.": "must be a number ≥ 0.",
    "muss eines von {methods} sein, nicht „{value}“.": "must be one of {methods}, not “{value}”.",
    "muss größer als 0 sein.": "must be greater than 0.",
    "ist kleiner als „amount.minimum“.": "is less than “amount.minimum”.",
    "ist größer als „amount.maximum“.": "is greater than “amount.maximum”.",
    "muss 1 sein, nicht {value}.": "must be 1, not {value}.",
    "muss „allocation“ sein, nicht {value}.": "must be “allocation”, not {value}.",
    "mindestens ein Abschnitt [[need]] ist nötig.": "at least one section [[need]] is needed.",
    "die Gewichte der [[need]]-Terme sind alle 0.": "the weights of the [[need]] terms are all 0.",
    "„attribute:…“ gibt es nur bei Einrichtungen (type = \"facility\").":
        "“attribute:…” exists only for facilities (type = \"facility\").",
    # --- planning/demand_spec.py ---
    "ist eine leere Tabelle.": "is an empty table.",
    "{where} (Jahr {year})": "{where} (year {year})",
    "{where} für {year}": "{where} for {year}",
    "nennt ein Jahr zweimal.": "names a year twice.",
    "muss eine Liste von Altersjahren sein (z. B. [1, 2]), nicht {value}.":
        "must be a list of single years of age (e.g. [1, 2]), not {value}.",
    "nennt ein Alter zweimal.": "names an age twice.",
    "muss „mean-3“, „last“, eine Zahl oder eine Tabelle Jahr = Zahl sein, nicht „{value}“.":
        "must be “mean-3”, “last”, a number or a table year = number, not “{value}”.",
    "eine Tabelle Merkmal = \"Wert\" (z. B. { Geschlecht = \"Insgesamt\" })":
        "a table characteristic = \"value\" (e.g. { Geschlecht = \"Insgesamt\" })",
    "muss eine Tabelle Merkmal = \"Wert\" sein (z. B. {{ Geschlecht = \"Insgesamt\" }}), nicht {value}.":
        "must be a table characteristic = \"value\" (e.g. {{ Geschlecht = \"Insgesamt\" }}), not {value}.",
    "(die Teilnahmequote der Klassen noch ohne Rechtsanspruch) gilt nur zusammen mit „ganztag_entitlement = true“.":
        "(the participation rate of the grades not yet entitled) applies only together with "
        "“ganztag_entitlement = true”.",
    "fehlt.": "is missing.",
    "„{name}“: der Ganztagsanspruch gilt für die Klassen 1–4, also die Alter 6–9, nicht {ages}.":
        "“{name}”: the all-day entitlement applies to grades 1–4, that is ages 6–9, not {ages}.",
    "muss {format} sein, nicht {value}.": "must be {format}, not {value}.",
    "muss „demand“ sein, nicht {value}.": "must be “demand”, not {value}.",
    "({horizon}) liegt vor „population.base_year“ ({base_year}).":
        "({horizon}) lies before “population.base_year” ({base_year}).",
    "mindestens ein [[demand]]-Block ist nötig.": "at least one [[demand]] block is needed.",
    "zwei [[demand]]-Blöcke heißen „{name}“ (demand.name).": "two [[demand]] blocks are called “{name}” (demand.name).",
    # --- planning/ages.py ---
    "{lower} Jahre und mehr": "{lower} years and over",
    "1 Jahr": "1 year",
    "{age} Jahre": "{age} years",
    "{lower} bis unter {upper} Jahre": "{lower} to under {upper} years",
    "Die Bevölkerung": "The population",
    "; vorhanden sind nur Altersgruppen ({bands})": "; only age groups are present ({bands})",
    "; vorhanden sind die Altersjahre {ages}": "; the single years of age {ages} are present",
    "{what} wird nach einzelnen Altersjahren gebraucht (Alter {needed}), es fehlen die Altersjahre {missing}{have}. "
    "Bitte eine Tabelle „nach Altersjahren“ importieren (z. B. GENESIS 12411-04-02-4 „Bevölkerung nach Geschlecht "
    "und Altersjahren“).":
        "{what} is needed by single years of age (ages {needed}); the ages {missing} are missing{have}. Please import "
        "a table “nach Altersjahren” (by single years of age, e.g. GENESIS 12411-04-02-4 “Bevölkerung nach "
        "Geschlecht und Altersjahren”).",
    # --- services/browse.py ---
    "Werte werden gezählt …": "Counting the values …",
    "{done} von {total} Werten gelesen …": "{done} of {total} values read …",
    "Tabelle wird aufgebaut …": "Building the table …",
    "{count} Werte geladen.": "{count} values loaded.",
    # --- services/scenario_export.py ---
    "Unbekanntes Format „{format}“ (möglich: {formats}).": "Unknown format “{format}” (possible: {formats}).",
    "--suppress-below braucht eine Zahl ab 1.": "--suppress-below needs a number from 1.",
    "Geheimhaltung (--suppress-below) gibt es nur für die Excel-Arbeitsmappe, nicht für {format}; die Datei würde die "
    "kleinen Fallzahlen offen zeigen.":
        "Disclosure control (--suppress-below) exists only for the Excel workbook, not for {format}; the file would "
        "show the small counts openly.",
    "Ein Vergleich (--compare) passt nicht in eine CSV-Datei, die nur die Planungstabelle enthält; bitte als "
    "Excel-Arbeitsmappe oder PDF exportieren.":
        "A comparison (--compare) does not fit into a CSV file, which holds only the planning table; please export "
        "as an Excel workbook or PDF.",
    "PDF-Export ist nur im Fenster oder über das Programm bildungsplaner möglich.":
        "PDF export is possible only in the window or through the bildungsplaner program.",
    "Datei wird geschrieben …": "Writing the file …",
    "Export abgeschlossen.": "Export finished.",
    # --- demo/__init__.py ---
    "Gebiete des Kreises Lindental anlegen …": "Creating the regions of the Kreis Lindental …",
    "Die Demo-Daten können nur in einen leeren Arbeitsbereich geschrieben werden.":
        "The demo data can only be written into an empty workspace.",
    "Bevölkerung nach Alter und Geschlecht erzeugen …": "Generating the population by age and sex …",
    "Bevölkerung und Geburten speichern …": "Saving population and births …",
    "Sozialindikatoren der Sozialräume erzeugen …": "Generating the social indicators of the social areas …",
    "Schulen, Kitas und weitere Einrichtungen anlegen …": "Creating schools, day-care centres and other facilities …",
    "Herkunftsangaben und Protokoll schreiben …": "Writing the provenance and the log …",
    "Demo-Arbeitsbereich erstellt.": "Demo workspace created.",
    # --- cli/plan.py, cli/data.py ---
    "--replace gilt nur zusammen mit --save.": "--replace applies only together with --save.",
    "Ein Szenario „{name}“ ist schon gespeichert; es bleibt unverändert. Mit --replace wird es ersetzt, oder geben "
    "Sie dem Szenario in der Datei einen anderen Namen.":
        "A scenario “{name}” is already saved; it stays unchanged. --replace replaces it, or give the scenario in the "
        "file another name.",
    "Unbekannte Aktion {action}.": "Unknown action {action}.",
    "--where erwartet MERKMAL=WERT, nicht „{item}“.": "--where expects CHARACTERISTIC=VALUE, not “{item}”.",
    "--out: nur .xlsx ist möglich, nicht „{suffix}“.": "--out: only .xlsx is possible, not “{suffix}”.",
    # --- services/data_export.py ---
    "Datensatz {dataset} gibt es im Arbeitsbereich nicht.": "There is no dataset {dataset} in the workspace.",
    "Indikator {indicator} gibt es im Arbeitsbereich nicht.": "There is no indicator {indicator} in the workspace.",
    "{count} Werte geschrieben …": "{count} values written …",
    "{count} Einrichtungen werden geschrieben …": "Writing {count} facilities …",
    # --- services/backtest.py (Prognose-Ist-Vergleich) ---
    "„{name}“ ist kein Bedarfsszenario; einen Prognose-Ist-Vergleich gibt es nur für Bedarfsszenarien.":
        "“{name}” is not a demand scenario; a forecast check against observations exists only for demand scenarios.",
    "„{name}“ schreibt vom letzten beobachteten Jahr ({last}) aus fort; für einen Prognose-Ist-Vergleich braucht das "
    "Szenario ein Basisjahr in der Vergangenheit („base_year“ im Abschnitt [population], z. B. base_year = "
    "{example}).":
        "“{name}” projects from the latest observed year ({last}); a forecast check against observations needs a "
        "base year in the past (“base_year” in the [population] section, e.g. base_year = {example}).",
    "Das Basisjahr {base_year} von „{name}“ liegt nicht in der Vergangenheit: beobachtet ist die Bevölkerung bis "
    "{last}, danach gibt es nichts zu vergleichen.":
        "The base year {base_year} of “{name}” is not in the past: the population is observed up to {last}, there "
        "is nothing after it to compare with.",
    "Für das Basisjahr {base_year} von „{name}“ oder davor gibt es keine Bevölkerungswerte (beobachtet sind "
    "{first}–{last}).":
        "There are no population values for the base year {base_year} of “{name}” or before (observed: "
        "{first}–{last}).",
    "Prognose und Beobachtung werden verglichen …": "Comparing forecast and observations …",
    "Für „{name}“ gibt es seit dem Basisjahr {base_year} keine beobachteten Werte der Altersjahre seiner "
    "Bedarfslinien.":
        "For “{name}” there are no observed values of its demand lines’ ages since the base year {base_year}.",
    "Die naive Prognose nimmt für jeden ungeborenen Jahrgang das Mittel der Kinder im Alter 0 der letzten drei "
    "beobachteten Jahre bis zum Basisjahr; beobachtet ist davon nur {years}.":
        "The naive forecast takes for every unborn cohort the mean of the children aged 0 in the last three "
        "observed years up to the base year; of these only {years} is observed.",
    "Nicht verglichen, weil die Beobachtung fehlt oder 0 ist ({count}): {examples}.":
        "Not compared because the observation is missing or 0 ({count}): {examples}.",
}
