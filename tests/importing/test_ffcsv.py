"""GENESIS flat files (ffcsv) in the new and the old layout, checked against the real GENESIS table."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from bildungsplaner import UserInputError
from bildungsplaner.importing.batch import OBSERVATION_COLUMNS
from bildungsplaner.importing.ffcsv import FlatFileError, parse_ffcsv
from bildungsplaner.importing.ffcsv_header import is_ffcsv_header
from bildungsplaner.importing.genesis import dimensions_of, parse_genesis_table
from bildungsplaner.store import dimensions as dims

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"

# Population by sex on 31.12.2015 (values from genesis_12411-01-01-4.csv), as GENESIS-Online's new ffcsv
# would write it: one value per line, Germany as DINSG, the total over sex as an attribute without code.
NEW_HEAD = ("statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
            "1_variable_attribute_code;1_variable_attribute_label;2_variable_code;2_variable_label;"
            "2_variable_attribute_code;2_variable_attribute_label;value;value_unit;value_variable_code;"
            "value_variable_label;value_q")
NEW_REGIONS = [
    ("DINSG", "Deutschland insgesamt", "DG", "Deutschland", (82175684, 40514123, 41661561)),
    ("DLAND", "Bundesländer", "05", "Nordrhein-Westfalen", (17865516, 8768019, 9097497)),
    ("REGBEZ", "Regierungsbezirke", "059", "Arnsberg, Regierungsbezirk", (3597297, 1769398, 1827899)),
    ("KREISE", "Kreise und krfr. Städte", "05911", "Bochum, Kreisfreie Stadt", (364742, 177427, 187315)),
    ("KREISE", "Kreise und krfr. Städte", "05913", "Dortmund, Kreisfreie Stadt", (586181, 287846, 298335)),
    ("KREISE", "Kreise und krfr. Städte", "05915", "Hamm, Kreisfreie Stadt", (179397, 88166, 91231)),
    ("KREISE", "Kreise und krfr. Städte", "05978", "Unna, Kreis", (396035, 193438, 202597)),
]
SEXES = [("", "Insgesamt"), ("GESM", "männlich"), ("GESW", "weiblich")]


def new_layout_text() -> str:
    lines = [NEW_HEAD]
    for var, var_label, key, name, values in NEW_REGIONS:
        for (code, label), value in zip(SEXES, values, strict=True):
            lines.append(f"12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;2015-12-31;{var};{var_label};"
                         f"{key};{name};GES;Geschlecht;{code};{label};{value};Anzahl;BEVSTD;Bevölkerungsstand;e")
    # a Kreis that no longer existed on that day: GENESIS shows "-"
    for code, label in SEXES:
        lines.append("12411;Fortschreibung des Bevölkerungsstandes;STAG;Stichtag;2015-12-31;KREISE;"
                     f"Kreise und krfr. Städte;03159;Göttingen, Landkreis;GES;Geschlecht;{code};{label};-;Anzahl;"
                     "BEVSTD;Bevölkerungsstand;")
    return "\n".join(lines) + "\n"


def old_layout_text() -> str:
    """The older Flat-File: quoted, Windows line ends, sex first, region second, totals left empty."""
    lines = ['"Statistik_Code";"Statistik_Label";"Zeit_Code";"Zeit_Label";"Zeit";"1_Merkmal_Code";'
             '"1_Merkmal_Label";"1_Auspraegung_Code";"1_Auspraegung_Label";"2_Merkmal_Code";"2_Merkmal_Label";'
             '"2_Auspraegung_Code";"2_Auspraegung_Label";"BEVSTD__Bevoelkerungsstand__Anzahl";'
             '"BEVSTD__Bevoelkerungsstand__q"']
    regions = [*NEW_REGIONS, ("KREISE", "Kreise und krfr. Städte", "03159", "Göttingen, Landkreis", ("-",) * 3)]
    for var, var_label, key, name, values in regions:
        for (code, label), value in zip(SEXES, values, strict=True):
            sex = f'"GES";"Geschlecht";"{code}";"{label}"' if code else '"GES";"Geschlecht";"";""'
            lines.append(f'"12411";"Fortschreibung des Bevölkerungsstandes";"STAG";"Stichtag";"31.12.2015";{sex};'
                         f'"{var}";"{var_label}";"{key}";"{name}";"{value}";"e"')
    return "\r\n".join(lines) + "\r\n"


def cell_set(rows) -> set[tuple]:
    """(region, period, dimensions, value, flag) of every observation, comparable across readers."""
    return {(r.region_key, r.period_iso, dims.encode(dims.decode(r.dimensions)),
             None if math.isnan(r.value) else r.value, r.flag) for r in rows.itertuples()}


def test_new_layout() -> None:
    batch = parse_ffcsv(new_layout_text().encode("utf-8"), "12411-01-01-4_flat.csv")
    rows = batch.rows
    assert tuple(rows.columns) == OBSERVATION_COLUMNS
    assert batch.target == "observations" and batch.format == "genesis-ffcsv"
    assert len(rows) == batch.rows_read == 24
    assert batch.table_code == "12411-01-01-4"
    assert batch.title == "Fortschreibung des Bevölkerungsstandes"
    assert batch.meta["layout"] == "new" and batch.meta["statistic_code"] == "12411"
    assert batch.meta["dimensions"] == ["Geschlecht"]
    assert batch.meta["region_variables"] == ["DINSG", "DLAND", "KREISE", "REGBEZ"]
    assert batch.warnings == []
    unna = rows[(rows.region_key == "05978") & (rows.dimensions == "Geschlecht=männlich")].iloc[0]
    assert unna.region_name == "Unna, Kreis" and unna.value == 193438.0 and unna.flag is None
    assert (unna.indicator, unna.indicator_code, unna.unit) == ("Bevölkerungsstand", "BEVSTD", "Anzahl")
    assert (unna.period, unna.period_iso, unna.source_row) == ("2015-12-31", "2015-12-31", 21)
    assert set(rows.dimensions) == {"Geschlecht=Insgesamt", "Geschlecht=männlich", "Geschlecht=weiblich"}
    goettingen = rows[rows.region_key == "03159"]
    assert goettingen.value.tolist() == [0.0] * 3 and goettingen.flag.tolist() == ["-"] * 3
    assert rows.loc[rows.region_key == "DG", "value"].tolist() == [82175684.0, 40514123.0, 41661561.0]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig"])
def test_old_layout_in_both_encodings(encoding: str) -> None:
    batch = parse_ffcsv(old_layout_text().encode(encoding), "flat.csv")
    rows = batch.rows
    assert batch.meta["layout"] == "old" and batch.table_code is None and batch.meta["statistic_code"] == "12411"
    assert len(rows) == 24
    unna = rows[(rows.region_key == "05978") & (rows.dimensions == "Geschlecht=weiblich")].iloc[0]
    assert (unna.region_name, unna.value, unna.period, unna.period_iso) == (
        "Unna, Kreis", 202597.0, "31.12.2015", "2015-12-31")
    assert (unna.indicator, unna.indicator_code, unna.unit) == ("Bevoelkerungsstand", "BEVSTD", "Anzahl")
    assert unna.source_row == 22
    assert "Göttingen, Landkreis" in set(rows.region_name)
    assert cell_set(rows) == cell_set(parse_ffcsv(new_layout_text().encode("utf-8")).rows)


@pytest.mark.parametrize("layout", ["new", "old"])
def test_flat_file_and_genesis_table_agree(layout: str) -> None:
    path = REAL_DATA / "genesis_12411-01-01-4.csv"
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    table = parse_genesis_table(path.read_bytes(), path.name)
    text = new_layout_text() if layout == "new" else old_layout_text()
    flat = parse_ffcsv(text.encode("cp1252" if layout == "old" else "utf-8")).rows
    keys = set(flat.region_key)
    cells = table.cells[table.cells.region_key.isin(keys)]
    expected = {(c.region_key, c.period_iso, dims.encode(dimensions_of(c.dimensions)),
                 None if math.isnan(c.value) else c.value, c.flag if isinstance(c.flag, str) else None)
                for c in cells.itertuples()}
    assert len(expected) == len(cells) == 24
    assert cell_set(flat) == expected
    # names agree too (the table indents them)
    names = dict(zip(cells.region_key, cells.region_name, strict=False))
    assert dict(zip(flat.region_key, flat.region_name, strict=False)) == names


def new_line(value: str, q: str = "", *, key: str = "05978", time: str = "2015") -> str:
    return (f"12411;Bevölkerung;JAHR;Jahr;{time};KREISE;Kreise;{key};Unna, Kreis;GES;Geschlecht;GESM;männlich;"
            f"{value};Anzahl;BEVSTD;Bevölkerungsstand;{q}")


def parse_lines(*lines: str, file_name: str = "") -> object:
    return parse_ffcsv(("\n".join([NEW_HEAD, *lines]) + "\n").encode("utf-8"), file_name)


def test_symbols_and_quality_flags() -> None:
    batch = parse_lines(new_line("."), new_line("..."), new_line("/"), new_line("x"), new_line("-"),
                        new_line("123p"), new_line("5", "p"), new_line("6", "r"), new_line("7", "s"),
                        new_line("8", "e"), new_line("", "."), new_line("", "-"), new_line(".", "p"),
                        new_line("9", "k"), new_line("10", "..."))
    got = [(None if math.isnan(v) else v, f) for v, f in zip(batch.rows.value, batch.rows.flag, strict=True)]
    assert got == [(None, "."), (None, "..."), (None, "/"), (None, "x"), (0.0, "-"), (123.0, "p"), (5.0, "p"),
                   (6.0, "r"), (7.0, "s"), (8.0, None), (None, "."), (0.0, "-"), (None, "."), (9.0, None),
                   (None, "...")]
    assert any("„k“ (Zeile 15)" in w for w in batch.warnings)
    assert any(w.startswith("Zeile 16:") and "„...“" in w for w in batch.warnings)


def test_decimal_notation_of_flat_files() -> None:
    german = parse_lines(new_line("12,5"), new_line("1234"))
    assert german.rows.value.tolist() == [12.5, 1234.0]
    english = parse_lines(new_line("12.5"), new_line("1.234"), new_line("7"))
    assert english.rows.value.tolist() == [12.5, 1.234, 7.0]  # GENESIS never groups thousands


def test_several_measures_in_the_old_layout() -> None:
    text = ("Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;"
            "1_Auspraegung_Code;1_Auspraegung_Label;BEV001__Bevoelkerung__Anzahl;BEV001__Bevoelkerung__q;"
            "FLC006__Flaeche__qkm;\n"
            "11111;Gebiet;JAHR;Jahr;2015;GEMEIN;Gemeinden;05978004;Bergkamen, Stadt;49556;p;44,84;\n"
            "11111;Gebiet;JAHR;Jahr;2015;GEMEIN;Gemeinden;05978008;Bönen;18000;;...;\n")
    rows = parse_ffcsv(text.encode("cp1252")).rows
    assert rows.indicator.tolist() == ["Bevoelkerung", "Bevoelkerung", "Flaeche", "Flaeche"]
    assert rows.unit.tolist() == ["Anzahl", "Anzahl", "qkm", "qkm"]
    assert rows.value.tolist()[:3] == [49556.0, 18000.0, 44.84] and math.isnan(rows.value.iloc[3])
    assert rows.flag.tolist() == ["p", None, None, "..."]
    assert rows.dimensions.tolist() == [""] * 4
    assert rows.source_row.tolist() == [2, 3, 2, 3]
    assert rows.region_name.tolist()[1] == "Bönen"


def test_region_recognised_by_its_keys_and_leading_zero_repaired() -> None:
    line = ("12411;Bevölkerung;JAHR;Jahr;2015;GES;Geschlecht;GESM;männlich;XKREIS;Gebiete;{key};Unna;5;Anzahl;"
            "BEVSTD;Bevölkerungsstand;")
    batch = parse_lines(line.format(key="05978"), line.format(key="5913"))
    assert batch.rows.region_key.tolist() == ["05978", "05913"]
    assert batch.rows.dimensions.tolist() == ["Geschlecht=männlich"] * 2
    assert any("5913 → 05913" in w for w in batch.warnings)


@pytest.mark.parametrize(
    "line",
    [
        "statistics_code;statistics_label;time_code;time_label;time;1_variable_code;1_variable_label;"
        "1_variable_attribute_code;1_variable_attribute_label;value;value_unit;value_variable_code;"
        "value_variable_label;value_q",
        '\ufeff"Statistik_Code";"Statistik_Label";"Zeit_Code";"Zeit_Label";"Zeit";"1_Merkmal_Code"',
        "STATISTIK_CODE;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;x\r\n",
    ],
)
def test_is_ffcsv_header(line: str) -> None:
    assert is_ffcsv_header(line)


@pytest.mark.parametrize("line", ["GENESIS-Tabelle: 12411-01-01-4", "statistics_code;value", "", "a;b;c;d;e;f;g",
                                  "Schuljahr,Schulform,Amtlicher Gemeindeschlüssel"])
def test_is_not_ffcsv_header(line: str) -> None:
    assert not is_ffcsv_header(line)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Die Datei ist leer."),
        ("GENESIS-Tabelle: 12411-01-01-4\n;;\n", "keine GENESIS-Flatfile-Datei"),
        (NEW_HEAD + "\n", "enthält keine Datenzeilen"),
        (NEW_HEAD.replace(";value;", ";wert;") + "\n" + new_line("1") + "\n", "fehlt die Spalte „value“"),
        (NEW_HEAD.replace(";2_variable_attribute_label", ";zweites_label") + "\n" + new_line("1") + "\n",
         "fehlt die Spalte „2_variable_attribute_label“"),
        (NEW_HEAD.replace("time;", "zeitpunkt;", 1) + "\n", "fehlt die Spalte „time“"),
        ("Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;"
         "1_Auspraegung_Code;1_Auspraegung_Label;Wert\n1;2;3;4;2015;KREISE;K;05978;Unna;5\n",
         "keine Wertspalte"),
        ("Statistik_Code;Statistik_Label;Zeit_Code;Zeit_Label;Zeit;1_Merkmal_Code;1_Merkmal_Label;"
         "1_Auspraegung_Code;1_Auspraegung_Label;BEV__Bev__Anzahl\n1;2;3;4;2015;KREISE;K;05978;Unna;5\n"
         "1;2;3;4;2015;GEMEIN;K;05978004;Bergkamen\n", "Zeile 3 hat 9 Felder, die Kopfzeile aber 10."),
        (NEW_HEAD + "\n" + new_line("1") + "\n" + new_line("2") + ";x;y\n",
         "Zeile 3 hat 20 Felder, die Kopfzeile aber 18."),
        (NEW_HEAD + "\n" + new_line("1") + "\n" + new_line("zwei") + "\n",
         "Zeile 3, Spalte „value“: „zwei“ ist keine Zahl."),
        (NEW_HEAD + "\n" + new_line("1") + "\n" + new_line("1", key="Unna") + "\n",
         "Zeile 3: „Unna“ ist kein amtlicher Regionalschlüssel."),
        (NEW_HEAD + "\n" + new_line("1", key="") + "\n", "Zeile 2: Die Zeile nennt keinen Regionalschlüssel."),
        (NEW_HEAD + "\n" + new_line("1") + "\n" + new_line("1", time="") + "\n",
         "Zeile 3: Die Zeile nennt keine Zeit."),
        (NEW_HEAD + "\n" + new_line("1").replace("KREISE;Kreise;05978;Unna, Kreis", "ALT;Alter;A1;unter 1") + "\n",
         "kein regionales Merkmal"),
        (NEW_HEAD + '\n"abc\n', "Zeile 2 hat 1 Felder, die Kopfzeile aber 18."),  # unclosed quote
        (NEW_HEAD + "\n" + new_line("1") + "\n" + new_line("x" * 200_000) + "\n", "Zeile 3, Spalte „value“: „xxx"),
        (NEW_HEAD + "\n" + new_line("1").replace("Unna", '"' + "x" * 200_000 + '"') + "\n" + '"a\nb";' + "\n",
         "ab Zeile 2 keine lesbare CSV-Datei"),  # a field beyond the csv module's limit (reference reader)
    ],
)
def test_malformed_files(text: str, message: str) -> None:
    with pytest.raises(FlatFileError) as info:
        parse_ffcsv(text.encode("utf-8"))
    assert isinstance(info.value, UserInputError)
    assert message in str(info.value)


def test_line_numbers_count_quoted_line_breaks() -> None:
    text = NEW_HEAD + "\n" + new_line("1").replace("Unna, Kreis", '"Unna,\nKreis"') + "\n" + new_line("x1") + "\n"
    with pytest.raises(FlatFileError, match=r"^Zeile 4, Spalte"):
        parse_ffcsv(text.encode("utf-8"))


def test_lossy_bytes_are_reported() -> None:
    data = (NEW_HEAD + "\n" + new_line("1") + "\n").encode("utf-8").replace(b"Unna", b"Unna\x81")
    batch = parse_ffcsv(data)
    assert len(batch.rows) == 1 and any("Ersatzzeichen" in w for w in batch.warnings)
