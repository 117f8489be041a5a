"""English texts of the core's messages raised in ``geo`` and ``services/geo.py`` (boundaries), to be merged into
:data:`bildungsplaner.i18n.en.MESSAGES`.

One file per area so that work on different areas does not collide; same rules as ``en.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # geo/readers.py
    "{name} ist keine GeoPackage-Datei.": "{name} is not a GeoPackage file.",
    "{name}: die crs-Angabe {crs} ist nicht lesbar.": "{name}: the crs member {crs} cannot be read.",
    "{name} ist mit {size} MB größer als die erlaubten {maximum} MB für GeoJSON; bitte als GeoPackage oder Shapefile "
    "speichern.": "At {size} MB, {name} is larger than the {maximum} MB permitted for GeoJSON; please save it as a "
                  "GeoPackage or Shapefile.",
    "{name}: die zugehörige .dbf-Datei fehlt (sie enthält die Schlüssel und Namen der Gebiete); bitte .shp, .dbf, "
    ".shx und .prj zusammen auswählen.":
        "{name}: the matching .dbf file is missing (it holds the keys and names of the areas); please select .shp, "
        ".dbf, .shx and .prj together.",
    "{name} ist kein lesbares Shapefile ({problem}).": "{name} is not a readable Shapefile ({problem}).",
    "{name}: .shp und .dbf passen nicht zusammen ({shapes} Formen, {records} Datensätze).":
        "{name}: .shp and .dbf do not match ({shapes} shapes, {records} records).",
    "{name} ist eine SQLite-Datenbank, aber keine GeoPackage-Datei (es fehlen die gpkg-Tabellen).":
        "{name} is an SQLite database but not a GeoPackage file (the gpkg tables are missing).",
    "{name} ist keine lesbare GeoJSON-Datei: {problem}": "{name} is not a readable GeoJSON file: {problem}",
    "{name} ist keine GeoJSON-FeatureCollection.": "{name} is not a GeoJSON FeatureCollection.",
    "{name}: Objekt {number} ist kein GeoJSON-Feature.": "{name}: object {number} is not a GeoJSON feature.",
    "die Texte sind weder als {encodings} lesbar": "the texts can be read neither as {encodings}",
    "{name}: das GeoPackage enthält keine Flächen-Ebene.": "{name}: the GeoPackage contains no feature layer.",
    "{name}: das GeoPackage ist nicht lesbar ({problem}).": "{name}: the GeoPackage cannot be read ({problem}).",
    "{name}: eine Geometrie der Ebene „{layer}“ ist nicht lesbar ({problem}).":
        "{name}: a geometry of the layer “{layer}” cannot be read ({problem}).",
    "{name}: unbekanntes Format für Gebietsgrenzen; gelesen werden GeoJSON (.geojson), Shapefile (.shp mit .dbf) und "
    "GeoPackage (.gpkg).": "{name}: unknown format for boundaries; GeoJSON (.geojson), Shapefile (.shp with .dbf) "
                           "and GeoPackage (.gpkg) can be read.",
    "{name}: die Geometrie von Objekt {number} ist nicht lesbar ({problem}).":
        "{name}: the geometry of object {number} cannot be read ({problem}).",
    "{name} enthält mehrere Ebenen; bitte eine wählen: {layers}.":
        "{name} contains several layers; please choose one: {layers}.",
    "{name} hat keine Ebene „{layer}“; vorhanden: {layers}.": "{name} has no layer “{layer}”; available: {layers}.",
    # geo/crs.py
    "ohne Angabe in der Datei, aus den Koordinaten geschlossen":
        "not stated in the file, inferred from the coordinates",
    "ohne Angabe in der Datei, aus den Koordinaten geschlossen; Daten in UTM-Zone 33 (z. B. aus Brandenburg oder "
    "Sachsen) bitte mit --crs EPSG:25833 angeben":
        "not stated in the file, inferred from the coordinates; for data in UTM zone 33 (e.g. from Brandenburg or "
        "Saxony) please give --crs EPSG:25833",
    "{name} nennt kein Koordinatensystem und die Koordinaten ({bounds}) passen zu keinem bekannten; bitte mit --crs "
    "EPSG:N angeben.": "{name} names no coordinate reference system and the coordinates ({bounds}) fit none known; "
                       "please give it with --crs EPSG:N.",
    "vom Benutzer angegeben": "given by the user",
    "der .prj-Datei zu {name}": "the .prj file of {name}",
    "aus der .prj-Datei": "from the .prj file",
    "aus dem GeoPackage": "from the GeoPackage",
    "aus der crs-Angabe der GeoJSON-Datei": "from the crs member of the GeoJSON file",
    "bei {lon}° O, {lat}° N": "at {lon}° E, {lat}° N",
    "an keinem gültigen Ort": "at no valid location",
    "{name}: mit dem Koordinatensystem „{crs}“ ({how}) lägen die Grenzen {where}, nicht in Deutschland (5,5–15,5° O, "
    "47–55,5° N). Bitte das Koordinatensystem prüfen und mit --crs EPSG:N angeben.":
        "{name}: with the coordinate reference system “{crs}” ({how}) the boundaries would lie {where}, not in "
        "Germany (5.5–15.5° E, 47–55.5° N). Please check the coordinate reference system and give it with "
        "--crs EPSG:N.",
    "Das Koordinatensystem in {where} ist nicht lesbar: {text}":
        "The coordinate reference system in {where} cannot be read: {text}",
    "der Angabe --crs": "the --crs option",
    # geo/keys.py
    "{name}: {count} Schlüssel im Feld „{field}“ kommen mehrfach vor: {keys}{more}. Je Gebiet ist ein Objekt erlaubt "
    "(mehrteilige Gebiete als ein Multipolygon); anderes Schlüsselfeld mit --key-field wählen.":
        "{name}: {count} keys in the field “{field}” occur more than once: {keys}{more}. One object per area is "
        "allowed (areas in several parts as one multipolygon); choose another key field with --key-field.",
    "{name} hat kein Feld „{field}“; vorhanden: {fields}.": "{name} has no field “{field}”; available: {fields}.",
    "{name}: kein Schlüsselfeld erkannt (gesucht: {wanted}); bitte mit --key-field angeben. Felder: {fields}.":
        "{name}: no key field recognised (looked for: {wanted}); please give it with --key-field. Fields: {fields}.",
    "{name}: Objekt {number} hat im Schlüsselfeld „{field}“ keinen Wert.":
        "{name}: object {number} has no value in the key field “{field}”.",
    # services/geo.py
    "Grenzen lesen …": "Reading boundaries …",
    "Koordinaten umrechnen …": "Transforming coordinates …",
    "Geometrien prüfen …": "Checking geometries …",
    "Gebiete zuordnen …": "Matching areas …",
    "Fertig.": "Done.",
    "Speichern …": "Saving …",
    "Ebene „{layer}“ aus {file}: {features} Gebiete, {matched} zugeordnet, {created} neu angelegt, {unmatched} ohne "
    "passendes Gebiet.": "Layer “{layer}” from {file}: {features} areas, {matched} matched, {created} created, "
                         "{unmatched} without a matching area.",
    "Koordinatensystem: {crs} ({how}); Schlüsselfeld „{key}“.":
        "Coordinate reference system: {crs} ({how}); key field “{key}”.",
    " … und {count} weitere": " … and {count} more",
    "Unbekannte Ebene „{level}“; möglich sind: {levels}.": "Unknown level “{level}”; possible are: {levels}.",
    "Mit --create-under bitte auch die Ebene der neuen Gebiete angeben (--level, z. B. sozialraum oder stadtteil).":
        "With --create-under please also give the level of the new areas (--level, e.g. sozialraum or stadtteil).",
    "{name} enthält keine Gebiete.": "{name} contains no areas.",
    "{name} enthält keine Flächen, sondern Punkte oder Linien (z. B. {items}); Gebietsgrenzen müssen Polygone sein.":
        "{name} contains no areas but points or lines (e.g. {items}); boundaries must be polygons.",
    "{name}: kein Gebiet hat eine Geometrie.": "{name}: no area has a geometry.",
    "{name}: die Geometrie von {items} ist nicht zu reparieren (keine Fläche übrig).":
        "{name}: the geometry of {items} cannot be repaired (no area left).",
    "{name}: mehrere Objekte gehören zu demselben Gebiet (z. B. AGS und ARS desselben Orts): {items}.":
        "{name}: several objects belong to the same area (e.g. AGS and ARS of the same place): {items}.",
    "{count} Schlüssel waren als Zahlen gespeichert und wurden als Text gelesen (führende Null ergänzt, wo "
    "eindeutig).": "{count} keys were stored as numbers and were read as text (leading zero added where "
                   "unambiguous).",
    "Ohne passendes Gebiet (nicht übernommen): {items}": "Without a matching area (not taken over): {items}",
    "Gebiete ohne Grenze in dieser Ebene: {items}": "Areas without a boundary in this layer: {items}",
    "Ungültige Geometrie repariert: {name} ({key}): {reason}": "Invalid geometry repaired: {name} ({key}): {reason}",
    "{name} ({key}) wird von den Gebieten dieser Ebene zu {covered} % abgedeckt (Lücken {gap} km², außerhalb "
    "{outside} km², Überlappungen {overlap} km²).":
        "{name} ({key}) is covered {covered} % by the areas of this layer (gaps {gap} km², outside {outside} km², "
        "overlaps {overlap} km²).",
    "Ohne Geometrie (nicht übernommen): {items}": "Without geometry (not taken over): {items}",
    "Die Zeichenfassung einiger Gebiete wurde einzeln vereinfacht (ihre gemeinsamen Grenzen können um Bruchteile "
    "eines Bildpunkts abweichen).":
        "The drawing version of some areas was simplified on its own (their shared borders may differ by fractions "
        "of a pixel).",
    "Die bisherige Ebene gleichen Namens wurde ersetzt.": "The previous layer of the same name was replaced.",
    "Probelauf: nichts gespeichert.": "Dry run: nothing saved.",
    "Das Gebiet {key} (--create-under) gibt es im Arbeitsbereich nicht.":
        "The area {key} (--create-under) does not exist in the workspace.",
    "Schlüssel länger als {count} Zeichen: {items}.": "Keys longer than {count} characters: {items}.",
    # --- geo/classify.py, geo/palettes.py ---
    "Unbekanntes Klassifizierungsverfahren „{method}“; möglich sind: {methods}.":
        "Unknown classification method “{method}”; possible are: {methods}.",
    "Eine Karte hat 3 bis 7 Klassen, nicht {count}.": "A map has 3 to 7 classes, not {count}.",
    "Natürliche Unterbrechungen: nur {classes} statt {wanted} Klassen (viele gleiche Werte).":
        "Natural breaks: only {classes} instead of {wanted} classes (many equal values).",
    "Für eigene Klassengrenzen bitte die Grenzen angeben (z. B. 2,0; 4,4; 10,0).":
        "For manual classes please give the breaks (e.g. 2.0, 4.4, 10.0).",
    "Die Klassengrenzen müssen Zahlen sein.": "The class breaks must be numbers.",
    "Die Grenzen wurden aufsteigend sortiert.": "The breaks were sorted in ascending order.",
    "Grenzen auf die angezeigte Genauigkeit ({step}) gerundet: {changes}.":
        "Breaks rounded to the displayed precision ({step}): {changes}.",
    "Die Klassengrenze {value} kommt zweimal vor (auf {step} genau gerundet); jede Grenze muss größer sein als "
    "die vorige.": "The class break {value} occurs twice (rounded to {step}); each break must be greater than "
                   "the one before.",
    "Die Klassen des Index fehlen oder sind nicht aufsteigend; bitte den Index neu berechnen.":
        "The classes of the index are missing or not ascending; please compute the index again.",
    "Zwei Klassengrenzen des Index fallen auf {step} genau gerundet zusammen; bitte mit mehr Nachkommastellen "
    "anzeigen.": "Two class breaks of the index coincide when rounded to {step}; please display more decimals.",
    "{count} Gebiete liegen, auf {step} genau gerundet, in einer anderen Klasse als in der Indextabelle; mit mehr "
    "Nachkommastellen stimmen sie überein.":
        "{count} areas, rounded to {step}, fall in another class than in the index table; with more decimals "
        "they agree.",
    "Nur {distinct} verschiedene Werte: {classes} statt {wanted} Klassen, eine je Wert.":
        "Only {distinct} distinct values: {classes} instead of {wanted} classes, one per value.",
    "Keine Werte: alle Gebiete ohne Daten.": "No values: no data for any area.",
    "keine Daten": "no data",
    "alle Werte": "all values",
    "unter {value}": "under {value}",
    "{low} bis unter {high}": "{low} to under {high}",
    "{value} und mehr": "{value} and more",
    "bis {value}": "up to {value}",
    "über {low} bis {high}": "over {low} up to {high}",
    "über {value}": "over {value}",
    "{name} ({rule})": "{name} ({rule})",
    "Unbekannte Farbpalette „{name}“; möglich sind: {names}.":
        "Unknown colour palette “{name}”; possible are: {names}.",
    "Die Palette {name} ist einseitig; eine Mitte gibt es nur bei den zweiseitigen Paletten ({names}).":
        "The palette {name} is sequential; only the diverging palettes ({names}) have a midpoint.",
    "Die Mitte muss in einer der Klassen 1 bis {count} liegen, nicht in Klasse {given}.":
        "The midpoint must lie in one of the classes 1 to {count}, not in class {given}.",
    "Die Mitte liegt zu nah am Rand: auf einer Seite lägen {steps} Klassen, eine zweiseitige Palette hat "
    "höchstens {most} je Seite. Bitte eine Klasse weiter innen wählen oder eine einseitige Palette.":
        "The midpoint is too close to the edge: one side would have {steps} classes, a diverging palette has at "
        "most {most} per side. Please choose a class further inside or a sequential palette.",

    # --- geo/readers.read_points, geo/points.py, services/facility_places.py, services/facility_layers.py ---
    "{name} ist keine Punkt-Ebene: Objekt {number} ist ein {kind}; als Einrichtungen lassen sich nur Punkte "
    "importieren.":
        "{name} is not a point layer: feature {number} is a {kind}; only points can be imported as facilities.",
    "Einrichtungen zuordnen …": "Placing facilities …",
    "Neue Gebiete speichern …": "Saving the new areas …",
    "Einrichtungen je Gebiet zählen …": "Counting facilities per area …",
    "{count} Einrichtungen haben Koordinaten außerhalb Deutschlands (Koordinatensystem {crs}; z. B. Zeile {row}, "
    "{key} {name}: {x}, {y}); sie wurden ohne Koordinaten übernommen. Bitte Spalten und Koordinatensystem prüfen "
    "(crs in der Importvorlage).":
        "{count} facilities have coordinates outside Germany (coordinate reference system {crs}; e.g. row {row}, "
        "{key} {name}: {x}, {y}); they were imported without coordinates. Please check the columns and the "
        "coordinate reference system (crs in the import template).",
    "Ebene {level}: {facilities} Einrichtungen mit Koordinaten, {moved} neu zugeordnet, {unchanged} unverändert, "
    "{outside} nicht zugeordnet; {without} ohne Koordinaten.":
        "Level {level}: {facilities} facilities with coordinates, {moved} moved, {unchanged} unchanged, "
        "{outside} not placed; {without} without coordinates.",
    "Für die Ebene {level} gibt es im Arbeitsbereich keine Grenzen; bitte zuerst eine Grenzdatei dieser Ebene "
    "importieren (bildungsplaner geo import DATEI --level {level}).":
        "The workspace has no boundaries for the level {level}; please import a boundary file of this level first "
        "(bildungsplaner geo import FILE --level {level}).",
    "{count} Einrichtungen ohne Gebietsangabe liegen in keinem Gebiet mit importierter Grenze (z. B. Zeile {row}, "
    "{key} {name}); sie wurden ohne Gebiet übernommen.":
        "{count} facilities without an area lie in no area with imported boundaries (e.g. row {row}, {key} "
        "{name}); they were imported without an area.",
    "Nicht zugeordnet (in keinem Gebiet der Ebene; Gebiet unverändert): {items}":
        "Not placed (in no area of the level; area unchanged): {items}",
    "Kennzahl {code} „{name}“: {total} Einrichtungen in {regions} Gebieten.":
        "Indicator {code} „{name}“: {total} facilities in {regions} areas.",
    "Gespeichert als Datensatz {dataset}; zurücknehmen mit bildungsplaner data delete {dataset}.":
        "Saved as dataset {dataset}; take it back with bildungsplaner data delete {dataset}.",

    # --- services/maps.py, cli/maps.py ---
    "Gebietsgrenzen: {layer}": "Boundaries: {layer}",
    "{source}, Stand der Grenzen {stand}": "{source}, boundaries as of {stand}",
    "Der Arbeitsbereich hat noch keine Gebietsgrenzen; bitte zuerst eine Grenzdatei importieren (bildungsplaner "
    "geo import DATEI).":
        "The workspace has no boundaries yet; please import a boundary file first (bildungsplaner geo import FILE).",
    "Die Grenzebene „{layer}“ hat keine Gebiete{level}{within}.": "The boundary layer “{layer}” has no areas{level}"
                                                                   "{within}.",
    " der Ebene „{level}“": " of the level “{level}”",
    "„{code}“ ist kein Index; die Klassen des Index gibt es nur für einen Sozialindex. Bitte ein anderes Verfahren "
    "wählen (quantile, equal, jenks, manual).":
        "“{code}” is not an index; the index's own classes exist only for a social index. Please choose another "
        "method (quantile, equal, jenks, manual).",
    "Der Index {code} hat keine Werte.": "The index {code} has no values.",
    "Die Grenzebene „{layer}“ gibt es im Arbeitsbereich nicht (vorhanden: {present}).":
        "The workspace has no boundary layer “{layer}” (present: {present}).",
    "Für die Ebene „{level}“ gibt es keine Gebietsgrenzen (vorhanden: {present}).":
        "There are no boundaries for the level “{level}” (present: {present}).",
    "{label} ({count})": "{label} ({count})",
    "Für „{indicator}“ gibt es den Zeitraum „{period}“ nicht (vorhanden: {present}).":
        "“{indicator}” has no period “{period}” (present: {present}).",
    "Karte geschrieben: {out} ({regions} Gebiete, davon {missing} ohne Daten)":
        "Map written: {out} ({regions} areas, {missing} of them without data)",
    "Kartenformat „{suffix}“ unbekannt; möglich sind .png, .svg und .pdf.":
        "Unknown map format “{suffix}”; possible are .png, .svg and .pdf.",
    "Karten zeichnet nur das Programm mit seiner Oberfläche (Qt); sie ist hier nicht verfügbar.":
        "Maps are drawn only by the program with its user interface (Qt), which is not available here.",
    "Hinweis: {note}": "Note: {note}",
    "--breaks erwartet Zahlen, z. B. 2,4.4,10 oder 2;4,4;10, nicht „{text}“.":
        "--breaks expects numbers, e.g. 2,4.4,10 or 2;4,4;10, not “{text}”.",
    # facilities on the map (services/maps.py, cli/maps.py)
    "Einrichtungen der Art „{kind}“ gibt es im Arbeitsbereich nicht (vorhanden: {present}).":
        "The workspace has no facilities of the kind “{kind}” (present: {present}).",
    "  Einrichtungen „{kind}“: {count}": "  Facilities “{kind}”: {count}",
}
