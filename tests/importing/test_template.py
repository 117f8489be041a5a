"""Import templates: TOML schema and validation, applying them to tables, suggestions; the real NRW school list."""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.importing import template as template_module
from bildungsplaner.importing.batch import COLUMNS
from bildungsplaner.importing.template import (
    FacilityMapping,
    ImportTemplate,
    Measure,
    ObservationMapping,
    ReadHints,
    RegionListMapping,
    RegionMapping,
    TemplateError,
)
from bildungsplaner.importing.template_apply import apply_template
from bildungsplaner.importing.template_suggest import suggest_template

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"
NRW = "nrw_schulverzeichnis_2024_25_sozialindex.csv"

OBSERVATIONS = '''
format = 1
name = "Einwohner nach Geschlecht"
target = "observations"
[read]
sheet = "Tabelle1"
decimal = ","
[regions]
key = "AGS"
name = "Gemeinde"
[regions.assign]
"Bergkamen, Stadt" = "05978004"
[observations]
period = "Jahr"
dimensions = ["Geschlecht"]
fixed_dimensions = { Quelle = "Melderegister" }
[[observations.measures]]
column = "Einwohner"
indicator = "BEV"
name = "Bevölkerung"
unit = "Anzahl"
phase = "Bevölkerung/Kontext"
[[observations.measures]]
column = "Anteil"
unit = "Prozent"
'''


def frame(**columns: list) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()})


def load_nrw() -> pd.DataFrame:
    path = REAL_DATA / NRW
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return pd.read_csv(path, dtype=str, sep=",")


# --- schema ------------------------------------------------------------------------------------------------

def full_templates() -> list[ImportTemplate]:
    return [
        ImportTemplate.loads(OBSERVATIONS),
        ImportTemplate(
            name="Schulen", target="facilities", description="Schulliste des Landes",
            read=ReadHints(header_rows=2, skip_rows=3, footer_rows=3, stop_at="first empty row"),
            regions=RegionMapping(key="AGS", create_unmatched=True),
            facilities=FacilityMapping(key="Nr", name="Name", fixed_kind="Grundschule", phase="Schule",
                                       address=["Straße", "PLZ", "Ort"], offering="both",
                                       attributes={"schueler": "Anzahl", "sozialindex": "Stufe"})),
        ImportTemplate(name="Sozialräume", target="regions",
                       regionlist=RegionListMapping(key="Nr", name="Sozialraum", level="sozialraum",
                                                    parent="Gemeinde-AGS")),
        ImportTemplate(name="Gebiete", target="regions",
                       regionlist=RegionListMapping(key="Nr", name="Name", level_column="Ebene")),
        ImportTemplate(name="Kitas", target="facilities",
                       facilities=FacilityMapping(key="Nr", name="Name", kind="Art", phase_column="Phase")),
        ImportTemplate(name="fest", target="observations", regions=RegionMapping(name="Gemeinde"),
                       observations=ObservationMapping([Measure("Wert")], fixed_period="31.12.2024")),
    ]


@pytest.mark.parametrize("template", full_templates(), ids=lambda t: t.name)
def test_round_trip(template: ImportTemplate, tmp_path: Path) -> None:
    assert ImportTemplate.loads(template.dumps()) == template
    assert template.validate() == template
    path = tmp_path / "vorlage.toml"
    template.save(path)
    assert ImportTemplate.load(path) == template


def test_loaded_values() -> None:
    template = ImportTemplate.loads(OBSERVATIONS)
    assert template.read == ReadHints(sheet="Tabelle1", decimal=",")
    assert template.assignments == {"Bergkamen, Stadt": "05978004"} and not template.create_unmatched
    assert template.observations is not None
    assert template.observations.measures[0] == Measure("Einwohner", "BEV", "Bevölkerung", "Anzahl",
                                                        "Bevölkerung/Kontext")
    assert template.observations.fixed_dimensions == {"Quelle": "Melderegister"}
    assert template.columns() == ["AGS", "Gemeinde", "Jahr", "Geschlecht", "Einwohner", "Anteil"]


def documented_examples() -> list[str]:
    """The example templates of the module docstring, as a user would copy them."""
    blocks = re.findall(r"::\n\n((?:    .*\n|\n)+)", template_module.__doc__ or "")
    return ["\n".join(line[4:] for line in block.splitlines()) for block in blocks]


def test_the_documented_examples_are_valid() -> None:
    examples = documented_examples()
    assert len(examples) == 3
    assert [ImportTemplate.loads(text).target for text in examples] == ["observations", "facilities", "regions"]


def test_phase_and_level_names_are_normalised() -> None:
    text = ('format = 1\nname = "x"\ntarget = "facilities"\n[facilities]\nkey = "a"\nname = "b"\n'
            'fixed_kind = "Kita"\nphase = "FRUEHKINDLICH"\n')
    assert ImportTemplate.loads(text).facilities.phase == "frühkindliche Bildung"  # type: ignore[union-attr]
    text = 'format = 1\nname = "x"\ntarget = "regions"\n[regionlist]\nkey = "a"\nname = "b"\nlevel = "Sozialraum"\n'
    assert ImportTemplate.loads(text).regionlist.level == "sozialraum"  # type: ignore[union-attr]


HEAD = 'format = 1\nname = "x"\ntarget = "observations"\n[regions]\nkey = "AGS"\n'
MEASURE = '[[observations.measures]]\ncolumn = "Wert"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('name = "x"\ntarget = "observations"\n', "„format“ fehlt"),
        ('format = 2\nname = "x"\ntarget = "observations"\n', "hat das Format 2"),
        ('format = "1"\nname = "x"\ntarget = "observations"\n', "„format“ muss eine ganze Zahl sein"),
        ('format = 1\ntarget = "observations"\n', "„name“ fehlt"),
        ('format = 1\nname = " "\ntarget = "observations"\n', "„name“ ist leer"),
        ('format = 1\nname = "x"\ntarget = "schools"\n', "„target“ muss „observations“, „facilities“ oder "
                                                           "„regions“ sein, nicht „schools“"),
        ('format = 1\nname = "x"\ntarget = "observations"\nfarbe = "blau"\n', "unbekannter Schlüssel „farbe“"),
        (HEAD, "Abschnitt [observations] fehlt"),
        (HEAD + '[observations]\nperiod = "Jahr"\n', "„observations.measures“ fehlt"),
        (HEAD + '[observations]\nperiod = "Jahr"\nmeasures = []\n', "nennt keine Wertspalte"),
        (HEAD + '[observations]\n' + MEASURE, "braucht entweder „period“ (Spalte) oder „fixed_period“"),
        (HEAD + '[observations]\nperiod = "Jahr"\nfixed_period = "2024"\n' + MEASURE, "nicht beides"),
        (HEAD + '[observations]\nperiod = "Jahr"\n' + MEASURE + 'colum = "x"\n',
         "unbekannter Schlüssel „observations.measures[1].colum“"),
        (HEAD + '[observations]\nperiod = "Jahr"\n[[observations.measures]]\nunit = "Anzahl"\n',
         "„observations.measures[1].column“ fehlt"),
        (HEAD + '[observations]\nperiod = "Jahr"\ndimensions = "Geschlecht"\n' + MEASURE,
         "„observations.dimensions“ muss eine Liste von Texten sein"),
        (HEAD + '[observations]\nperiod = 2024\n' + MEASURE, "„observations.period“ muss ein Text sein"),
        (HEAD + '[observations]\nperiod = "Jahr"\n' + MEASURE + 'phase = "Kindergarten"\n',
         "Bildungsphase „Kindergarten“ ist unbekannt"),
        ('format = 1\nname = "x"\ntarget = "observations"\n[observations]\nperiod = "Jahr"\n' + MEASURE,
         "„regions.key“ oder „regions.name“ fehlt"),
        (HEAD + '[read]\ndecimal = ";"\n[observations]\nperiod = "J"\n' + MEASURE, "„read.decimal“ muss"),
        (HEAD + '[read]\nskip_rows = -1\n[observations]\nperiod = "J"\n' + MEASURE, "nicht negativ"),
        (HEAD + '[read]\nfooter_rows = -2\n[observations]\nperiod = "J"\n' + MEASURE, "nicht negativ"),
        (HEAD + '[read]\nfooter_rows = "2"\n[observations]\nperiod = "J"\n' + MEASURE,
         "„read.footer_rows“ muss eine ganze Zahl sein"),
        (HEAD + '[read]\nstop_at = "Summe"\n[observations]\nperiod = "J"\n' + MEASURE,
         "„read.stop_at“ kennt nur „first empty row“ (bei der ersten leeren Zeile aufhören), nicht „Summe“"),
        (HEAD + '[read]\nstop = "first empty row"\n[observations]\nperiod = "J"\n' + MEASURE,
         "unbekannter Schlüssel „read.stop“"),
        (HEAD + '[regions.assign]\nUnna = 5978\n[observations]\nperiod = "J"\n' + MEASURE,
         "„regions.assign“ muss eine Zuordnung von Texten sein"),
        (HEAD + '[observations]\nperiod = "J"\n' + MEASURE + '[facilities]\nkey = "a"\n',
         "Abschnitt [facilities] passt nicht zu target = „observations“"),
        ('format = 1\nname = "x"\ntarget = "facilities"\n[facilities]\nkey = "a"\nname = "b"\nkind = "c"\n',
         "„facilities“ braucht entweder „phase_column“ (Spalte) oder „phase“"),
        ('format = 1\nname = "x"\ntarget = "facilities"\n[facilities]\nkey = "a"\nname = "b"\nkind = "c"\n'
         'phase = "Schule"\noffering = "online"\n', "„facilities.offering“ muss analog, digital oder both sein"),
        ('format = 1\nname = "x"\ntarget = "regions"\n[regionlist]\nkey = "a"\nname = "b"\nlevel = "Dorf"\n',
         "Ebene „Dorf“ ist unbekannt"),
        ('format = 1\nname = "x"\ntarget = "regions"\nregionlist = 5\n', "„regionlist“ muss ein Abschnitt sein"),
        ('format = 1\nname = "x\n', "keine gültige TOML-Datei (Zeile 2"),
    ],
)
def test_validation_messages_name_the_key(text: str, message: str) -> None:
    with pytest.raises(TemplateError) as info:
        ImportTemplate.loads(text)
    assert message in str(info.value)
    assert isinstance(info.value, UserInputError)


def test_load_errors(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="lässt sich nicht lesen"):
        ImportTemplate.load(tmp_path / "fehlt.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes('format = 1\nname = "Schüler"\n'.encode("latin-1"))
    with pytest.raises(TemplateError, match="nicht in UTF-8"):
        ImportTemplate.load(path)


# --- apply -------------------------------------------------------------------------------------------------

def test_observations_are_melted_one_per_row_and_measure() -> None:
    template = ImportTemplate.loads(OBSERVATIONS)
    table = frame(
        AGS=["05978004", "05978004", None, "05978008", None],
        Gemeinde=["Bergkamen, Stadt", "Bergkamen, Stadt", None, "Bönen", "Kamen"],
        Jahr=["2024", "2024", None, "31.12.2024", "2024"],
        Geschlecht=["männlich", "weiblich", None, "männlich", "weiblich"],
        Einwohner=["24.512", "25.044", None, "-", "."],
        Anteil=["49,5", "50,5", None, "", "12,5 p"],
    )
    batch = apply_template(template, table, format="xlsx", first_data_row=5)
    rows = batch.rows
    assert tuple(rows.columns) == COLUMNS["observations"] and batch.target == "observations"
    assert batch.format == "xlsx" and batch.rows_read == 5 and batch.title == "Einwohner nach Geschlecht"
    assert batch.meta == {"template": "Einwohner nach Geschlecht", "indicator_phases": {"BEV": "Bevölkerung/Kontext"},
                          "dimensions": ["Geschlecht", "Quelle"]}
    assert "1 leere Zeile wurde übersprungen (z. B. Zeile 7)." in batch.warnings
    assert "1 leere Wertzelle wurde nicht übernommen." in batch.warnings
    assert rows.source_row.tolist() == [5, 5, 6, 6, 8, 9, 9]
    assert rows.indicator.tolist() == ["Bevölkerung", "Anteil"] * 2 + ["Bevölkerung", "Bevölkerung", "Anteil"]
    assert rows.indicator_code.tolist() == ["BEV", None] * 2 + ["BEV", "BEV", None]
    assert rows.unit.tolist() == ["Anzahl", "Prozent"] * 2 + ["Anzahl", "Anzahl", "Prozent"]
    values = [None if math.isnan(v) else v for v in rows.value]
    assert values == [24512.0, 49.5, 25044.0, 50.5, 0.0, None, 12.5]
    assert rows.flag.tolist() == [None, None, None, None, "-", ".", "p"]
    assert rows.dimensions.iloc[0] == "Geschlecht=männlich|Quelle=Melderegister"
    assert rows.period.tolist()[4:] == ["31.12.2024", "2024", "2024"]
    assert rows.period_iso.tolist()[4:] == ["2024-12-31", "2024", "2024"]
    assert rows.region_key.tolist()[-1] is None and rows.region_name.tolist()[-1] == "Kamen"
    # the codes the batch hands on (region matching, indicators, checks) say exactly what the rows say
    assert set(batch.coded) == {"region_key", "region_name", "indicator", "indicator_code", "unit", "period",
                                "period_iso", "dimensions"}
    for column, (codes, uniques) in batch.coded.items():
        assert len(set(uniques.tolist())) == len(uniques), column
        assert [None if c < 0 else uniques[c] for c in codes.tolist()] == rows[column].tolist(), column


def test_spreadsheet_cells_fixed_period_and_loose_column_names() -> None:
    template = ImportTemplate(name="x", target="observations", regions=RegionMapping(key="ags"),
                              observations=ObservationMapping([Measure("Wert")], period="Stichtag"))
    table = pd.DataFrame({" AGS ": [5978004.0, 5978008.0],
                          "Stichtag": [datetime(2024, 12, 31), datetime(2023, 12, 31)],
                          "Wert": [1.5, 2]})
    rows = apply_template(template, table, format="xlsx").rows
    assert rows.region_key.tolist() == ["5978004", "5978008"]  # the service repairs the leading zero
    assert rows.period.tolist() == ["2024-12-31", "2023-12-31"] == rows.period_iso.tolist()
    assert rows.value.tolist() == [1.5, 2.0] and rows.dimensions.tolist() == ["", ""]
    template.observations = ObservationMapping([Measure("Wert")], fixed_period="31.12.2024")  # type: ignore[union-attr]
    rows = apply_template(template, table, format="xlsx").rows
    assert rows.period.tolist() == ["31.12.2024"] * 2 and rows.period_iso.tolist() == ["2024-12-31"] * 2


def test_missing_columns_are_listed_with_the_available_ones() -> None:
    template = ImportTemplate.loads(OBSERVATIONS)
    table = frame(AGS=["05978004"], Jahr=["2024"], Einwohner=["1"])
    with pytest.raises(UserInputError) as info:
        apply_template(template, table, format="csv")
    assert str(info.value) == ("Die Tabelle hat keine Spalten „Gemeinde“, „Geschlecht“, „Anteil“ "
                               "(vorhanden: „AGS“, „Jahr“, „Einwohner“).")
    table = frame(AGS=["1"], Gemeinde=["a"], Jahr=["2024"], Geschlecht=["m"], Einwohner=["1"])
    with pytest.raises(UserInputError, match=r"^Die Tabelle hat keine Spalte „Anteil“ "):
        apply_template(template, table, format="csv")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"Einwohner": ["12", "zwölf"]}, "Spalte „Einwohner“, Zeile 11: „zwölf“ ist keine Zahl."),
        ({"Jahr": ["2024", None]}, "Zeile 11: Spalte „Jahr“ ist leer."),
        ({"Geschlecht": ["m", " "]}, "Zeile 11: Spalte „Geschlecht“ ist leer."),
        ({"AGS": ["05978004", None], "Gemeinde": ["a", None]}, "Zeile 11: In „AGS“ oder „Gemeinde“ steht kein Gebiet."),
    ],
)
def test_bad_values_name_row_and_column(change: dict, message: str) -> None:
    columns = {"AGS": ["05978004", "05978008"], "Gemeinde": ["a", "b"], "Jahr": ["2024", "2024"],
               "Geschlecht": ["m", "w"], "Einwohner": ["1", "2"], "Anteil": ["1", "2"]}
    with pytest.raises(UserInputError) as info:
        apply_template(ImportTemplate.loads(OBSERVATIONS), frame(**{**columns, **change}), format="csv",
                       first_data_row=10)
    assert str(info.value) == message


def test_facilities_on_a_small_table() -> None:
    template = ImportTemplate(
        name="Kitas", target="facilities", regions=RegionMapping(name="Gemeinde"),
        facilities=FacilityMapping(key="Nr", name="Name", fixed_kind="Kita", phase_column="Bereich",
                                   address=["Straße", "PLZ", "Ort"], attributes={"plaetze": "Plätze"}))
    table = frame(Nr=[101.0, "102", None], Name=["Kita Sonnenschein", "Kita Regenbogen", None],
                  Bereich=["frühkindliche Bildung", "FRUEHKINDLICH", None], Gemeinde=["Bergkamen", "Bönen", None],
                  Straße=["Am Markt 1", None, None], PLZ=[59192.0, "59199", None], Ort=["Bergkamen", "Bönen", None],
                  Plätze=["75", ".", None])
    batch = apply_template(template, table, format="xlsx")
    rows = batch.rows
    assert tuple(rows.columns) == COLUMNS["facilities"] and len(rows) == 2
    assert rows.key.tolist() == ["101", "102"] and rows.kind.tolist() == ["Kita", "Kita"]
    assert rows.phase.tolist() == ["frühkindliche Bildung"] * 2
    assert rows.address.tolist() == ["Am Markt 1, 59192, Bergkamen", "59199, Bönen"]
    assert rows.attributes.tolist() == [{"plaetze": 75.0}, {"plaetze": None}]
    assert rows.offering.tolist() == ["analog"] * 2 and rows.region_key.tolist() == [None, None]
    assert rows.region_name.tolist() == ["Bergkamen", "Bönen"] and rows.source_row.tolist() == [2, 3]
    table.loc[1, "Bereich"] = "Krippe"
    with pytest.raises(UserInputError, match=r"^Zeile 3: Bildungsphase „Krippe“ ist unbekannt"):
        apply_template(template, table, format="xlsx")


def test_facility_attributes_keep_text_as_text_and_numbers_as_numbers() -> None:
    template = ImportTemplate(
        name="Schulen", target="facilities",
        facilities=FacilityMapping(key="Nr", name="Name", fixed_kind="Grundschule", phase="Schule",
                                   attributes={"traeger": "Träger", "adresse": "Anschrift", "schueler": "Schüler",
                                               "zuegig": "Zügigkeit"}))
    table = frame(Nr=["1", "2", "3"], Name=["GS Nord", "GS Süd", "GS West"],
                  Träger=["Stadt Unna", " Ev. Kirchengemeinde Kamen ", None],
                  Anschrift=["Rathausplatz 1, 59423 Unna", None, "Markt 2"],
                  Schüler=[212.0, "1.204", "."],
                  Zügigkeit=[2.0, "k. A.", "3"])  # a column mixing numbers and text stays text
    attributes = apply_template(template, table, format="xlsx").rows.attributes.tolist()
    assert attributes == [
        {"traeger": "Stadt Unna", "adresse": "Rathausplatz 1, 59423 Unna", "schueler": 212.0, "zuegig": "2"},
        {"traeger": "Ev. Kirchengemeinde Kamen", "adresse": None, "schueler": 1204.0, "zuegig": "k. A."},
        {"traeger": None, "adresse": "Markt 2", "schueler": None, "zuegig": "3"},
    ]


def test_regions_on_a_small_table() -> None:
    template = ImportTemplate(name="SR", target="regions",
                              regionlist=RegionListMapping(key="Nr", name="Sozialraum", level_column="Ebene",
                                                           parent="AGS"))
    table = frame(Nr=["SR01", "SR02"], Sozialraum=["Mitte", "Nord"], Ebene=["Sozialraum", "stadtteil"],
                  AGS=["05978004", None])
    rows = apply_template(template, table, format="csv").rows
    assert tuple(rows.columns) == COLUMNS["regions"]
    assert rows.to_dict("list") == {"key": ["SR01", "SR02"], "name": ["Mitte", "Nord"],
                                    "level": ["sozialraum", "stadtteil"], "parent_key": ["05978004", None],
                                    "source_row": [2, 3]}
    table.loc[0, "Ebene"] = "Quartier"
    with pytest.raises(UserInputError, match=r"^Zeile 2: Ebene „Quartier“ ist unbekannt"):
        apply_template(template, table, format="csv")


def test_real_nrw_school_list_as_facilities() -> None:
    table = load_nrw()
    template = ImportTemplate.loads(documented_examples()[1])  # the documented example works on the real list
    batch = apply_template(template, table, format="csv")
    rows = batch.rows
    assert len(rows) == batch.rows_read == 5407 and batch.warnings == []
    assert batch.meta["template"] == "NRW Schulliste mit Sozialindex"
    first = rows.iloc[0]
    assert (first["key"], first["name"], first["kind"], first["region_key"]) == (
        "100020", "Städt. Kath. Grundschule", "Grundschule", "05111000")
    assert first.address == "Unterrather Str. 76, 40468, Düsseldorf"
    assert first.attributes == {"schueler": 220.0, "sozialindex": 5.0}
    assert rows.region_key.str.len().eq(8).all() and rows.region_key.str.startswith("05").all()
    pupils = np.array([a["schueler"] for a in rows.attributes], dtype=float)
    index = np.array([np.nan if a["sozialindex"] is None else a["sozialindex"] for a in rows.attributes])
    assert not np.isnan(pupils).any() and pupils.sum() > 2_000_000
    assert np.isnan(index).sum() == 1265 and set(index[~np.isnan(index)]) == set(range(1, 10))
    assert rows.key.is_unique and rows.source_row.tolist() == list(range(2, 5409))


# --- suggestions -------------------------------------------------------------------------------------------

def test_suggest_facilities_for_the_nrw_school_list() -> None:
    table = load_nrw()
    template = suggest_template(table, "facilities")
    assert template.regions.key == "Amtlicher Gemeindeschlüssel" and template.regions.name is None
    assert template.facilities == FacilityMapping(
        key="Schulnummer", name="Amtliche Bezeichnung 1", kind="Schulform", phase="Schule",
        address=["Straße und Hausnummer", "Postleitzahl", "Ort"],
        attributes={"anzahl": "Anzahl", "sozialindex": "Sozialindex"})
    batch = apply_template(template.validate(), table, format="csv")
    assert len(batch.rows) == 5407


def test_suggest_facilities_keeps_the_traeger_of_a_school_list_as_a_text_attribute(tmp_path: Path) -> None:
    from messy_lists import messy_xlsx

    from bildungsplaner.importing.tables import read_table

    table = read_table(messy_xlsx(tmp_path / "schulen.xlsx")).frame
    template = suggest_template(table, "facilities")
    assert template.facilities is not None and template.facilities.key == "Schulnummer"
    assert template.facilities.attributes == {"schueler": "Schüler", "traeger": "Träger"}
    template.facilities.fixed_kind = "Grundschule"
    attributes = apply_template(template.validate(), table, format="xlsx").rows.attributes.tolist()
    assert attributes[0] == {"schueler": 180.0, "traeger": "Stadt Bergkamen"}


def test_suggest_observations_and_regions() -> None:
    table = frame(Gemeindeschlüssel=["05978004", "05978008"], Gemeinde=["Bergkamen", "Bönen"],
                  Jahr=["2024", "2024"], Geschlecht=["m", "w"], Einwohner=["48.000", "18.000"],
                  Telefonnummer=["02307 123", "02383 456"], PLZ=["59192", "59199"])
    template = suggest_template(table, "observations", name="Einwohner")
    assert template.name == "Einwohner" and template.target == "observations"
    assert template.regions == RegionMapping(key="Gemeindeschlüssel", name="Gemeinde")
    assert template.observations == ObservationMapping([Measure("Einwohner")], period="Jahr",
                                                       dimensions=["Geschlecht"])
    assert apply_template(template.validate(), table, format="csv").rows.value.tolist() == [48000.0, 18000.0]

    regions = suggest_template(frame(**{"Sozialraum-Nr": ["1", "2"], "Sozialraum": ["Mitte", "Nord"],
                                        "Gemeinde-AGS": ["05978004", "05978004"]}), "regions")
    assert regions.regionlist == RegionListMapping(key="Sozialraum-Nr", name="Sozialraum", level="sozialraum",
                                                   parent="Gemeinde-AGS")
    official = suggest_template(frame(AGS=["05978004"], Name=["Bergkamen"]), "regions")
    assert official.regionlist == RegionListMapping(key="AGS", name="Name", level="gemeinde")


def test_an_incomplete_suggestion_says_what_is_missing() -> None:
    template = suggest_template(frame(Bemerkung=["a", "b"]), "facilities")
    with pytest.raises(TemplateError, match=r"„facilities\.key“ ist leer"):
        template.validate()
