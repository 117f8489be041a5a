"""GENESIS table parsing: every real download, spot values, and hand-made broken inputs."""

from __future__ import annotations

import csv
import json
import math
import time
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.importing.encoding import decode_bytes
from bildungsplaner.importing.genesis import (
    CELL_COLUMNS,
    GenesisFormatError,
    GenesisTable,
    dimensions_of,
    parse_genesis_table,
)
from bildungsplaner.importing.numbers import parse_cell
from bildungsplaner.importing.regionkeys import ancestor_keys, is_region_key

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"
LICENCE = "© Statistische Ämter des Bundes und der Länder, Deutschland, 2017."

# file -> (table code, cells, Stand, dimension names)
EXPECTED = {
    "genesis_12411-01-01-4.csv": ("12411-01-01-4", 1578, "14.12.2017 / 15:51:18", ["Geschlecht"]),
    "genesis_12411-01-01-5_00.csv": ("12411-01-01-5", 347_832, "10.10.2017 / 11:01:03", ["Geschlecht"]),
    "genesis_12411-04-02-4_00.csv": (
        "12411-04-02-4", 126_240, "10.10.2017 / 15:05:29", ["Altersgruppe", "Geschlecht"]),
    "genesis_12612-01-01-4_00.csv": ("12612-01-01-4", 33_138, "10.10.2017 / 12:03:08", ["Geschlecht"]),
    "genesis_21111-01-03-4.csv": ("21111-01-03-4", 37_872, "13.12.2017 / 11:01:40", [
        "Schulart", "Geschlecht", "Nationalität", "Klassenstufe / Jahrgangsstufe / Schulbesuchsjahr"]),
    "genesis_21111-01-03-4_00.csv": ("21111-01-03-4", 37_872, "10.10.2017 / 17:34:22", [
        "Schulart", "Geschlecht", "Nationalität", "Klassenstufe / Jahrgangsstufe / Schulbesuchsjahr"]),
    "genesis_22541-01-04-4_00.csv": ("22541-01-04-4", 68_380, "10.10.2017 / 10:46:26", [
        "Altersgruppe", "Tätige Personen in Tageseinrichtungen für Kinder"]),
    "genesis_22543-01-01-4_00.csv": (
        "22543-01-01-4", 37_872, "10.10.2017 / 18:21:55", ["Art der Kindertagesbetreuung", "Altersgruppe"]),
}


@cache
def real(name: str) -> GenesisTable:
    """Parsed once per session; tests must not modify the result."""
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return parse_genesis_table(path.read_bytes(), file_name=name)


def cell(table: GenesisTable, key: str, **conditions: str) -> pd.Series:
    frame = table.cells[table.cells.region_key == key]
    for column, wanted in conditions.items():
        if column in CELL_COLUMNS:
            frame = frame[frame[column] == wanted]
        else:
            frame = frame[frame.dimensions.map(lambda d, c=column, w=wanted: dimensions_of(d).get(c) == w)]
    assert len(frame) == 1, frame
    return frame.iloc[0]


# --- every real file ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_file_metadata_and_shape(name: str) -> None:
    table = real(name)
    code, n_cells, stand, dimension_names = EXPECTED[name]
    assert table.file_name == name
    assert table.table_code == code
    assert table.stand == stand
    assert table.stand_iso == f"{stand[6:10]}-{stand[3:5]}-{stand[:2]}T{stand[-8:]}"
    assert table.licence.startswith(LICENCE)
    assert "Datenlizenz Deutschland - Namensnennung - Version 2.0" in table.licence
    assert table.title and table.title == " ".join(table.title_lines)
    assert table.regional_depth in ("Kreise und krfr. Städte", "Gemeinden, Samt-/Verbandsgemeinden")
    assert table.footnotes and all(note.startswith("zu ") for note in table.footnotes)
    assert 1 <= len(table.header_rows) <= 4
    assert table.dimension_names == dimension_names
    assert table.warnings == []
    cells = table.cells
    assert tuple(cells.columns) == CELL_COLUMNS
    assert len(cells) == n_cells
    assert cells.region_key.map(is_region_key).all()
    assert cells.measure.notna().all() and (cells.unit == "Anzahl").all()
    assert cells.period.notna().all() and cells.period_iso.notna().all()
    for column in ("region_name", "measure", "dimensions"):
        assert not cells[column].str.contains("Ã|\ufffd").any()
    assert cells.source_row.is_monotonic_increasing


def test_every_genesis_file_in_the_folder_parses() -> None:
    files = sorted(REAL_DATA.glob("genesis_*.csv")) if REAL_DATA.exists() else []
    if not files:
        pytest.skip("real data not available")
    for path in files:
        assert len(real(path.name).cells) > 0


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_source_positions_point_at_the_cell_text(name: str) -> None:
    """Each cell's (source_row, source_column) leads back to the text it was parsed from."""
    table = real(name)
    text, _ = decode_bytes((REAL_DATA / name).read_bytes())
    lines = text.split("\n")
    sample = table.cells.sample(n=min(300, len(table.cells)), random_state=1)
    for row in sample.itertuples():
        fields = next(csv.reader([lines[row.source_row - 1]], delimiter=";"))
        parsed = parse_cell(fields[row.source_column - 1])
        assert fields[0].strip() == row.region_key or fields[1].strip() == row.region_key
        if parsed.value is None:
            assert math.isnan(row.value)
        else:
            assert parsed.value == row.value
        assert (parsed.flag or None) == (None if pd.isna(row.flag) else row.flag)


# --- spot values --------------------------------------------------------------------------------------


def test_bergkamen_population_2015() -> None:
    table = real("genesis_12411-01-01-5_00.csv")
    total = cell(table, "05978004", period="31.12.2015", Geschlecht="Insgesamt")
    male = cell(table, "05978004", period="31.12.2015", Geschlecht="männlich")
    assert total.region_name == "Bergkamen"
    assert total.value == 47_803 and male.value == 23_562
    assert total.period_iso == "2015-12-31"
    assert total.measure == "Bevölkerungsstand" and total.unit == "Anzahl"
    assert pd.isna(total.flag)
    assert total.region_depth == 4


def test_keys_keep_leading_zeros_and_mix_lengths() -> None:
    table = real("genesis_12411-01-01-5_00.csv")
    keys = set(table.cells.region_key)
    assert {"DG", "01", "031", "01001", "01051001", "05978004", "0713101", "0713101001"} <= keys
    assert "03151401002" in keys
    assert table.cells.region_key.dtype == object or pd.api.types.is_string_dtype(table.cells.region_key)
    # every key has an ancestor in the same file (Länder -> DG), found by key prefix
    assert all(any(a in keys for a in ancestor_keys(k)) for k in keys if k != "DG")


def test_regions_that_did_not_exist_are_dash() -> None:
    table = real("genesis_12411-01-01-5_00.csv")
    saara = table.cells[(table.cells.region_key == "16077056") & (table.cells.period == "31.12.2015")]
    assert (saara.flag == "-").all() and (saara.value == 0).all()


def test_iso_8859_1_and_utf8_downloads_give_identical_cells() -> None:
    latin = real("genesis_21111-01-03-4.csv")
    utf8 = real("genesis_21111-01-03-4_00.csv")
    assert (latin.encoding, utf8.encoding) == ("cp1252", "utf-8")
    pd.testing.assert_frame_equal(latin.cells, utf8.cells)
    assert latin.footnotes == utf8.footnotes and latin.columns == utf8.columns


def test_symbols_in_school_table() -> None:
    cells = real("genesis_21111-01-03-4_00.csv").cells
    assert cells.flag.value_counts().to_dict() == {"-": 6888, "x": 5455, ".": 24}
    assert (cells.value[cells.flag == "-"] == 0).all()
    assert cells.value[cells.flag.isin(["x", "."])].isna().all()
    assert cells.value[cells.flag.isna()].notna().all()


def test_school_table_dimensions_and_table_period() -> None:
    table = real("genesis_21111-01-03-4_00.csv")
    assert table.table_period == "2015" and set(table.cells.period) == {"2015"}
    assert len(table.header_rows) == 4
    schools = cell(table, "DG", measure="Allgemein bildende Schulen", Schulart="Grundschulen")
    assert schools.value == 15_421 and dimensions_of(schools.dimensions) == {"Schulart": "Grundschulen"}
    girls = cell(table, "DG", Schulart="Grundschulen", Geschlecht="weiblich")
    assert girls.value == 1_332_689 and girls.measure == "Schüler(innen) an allgemein bildenden Schulen"
    schularten = {dimensions_of(d)["Schulart"] for d in table.cells.dimensions.unique()}
    assert {"Gymnasien", "Grundschulen", "Insgesamt", "Sonderschulen/Förderschulen"} <= schularten
    assert len(schularten) == 12


def test_period_as_first_column_and_age_dimension() -> None:
    table = real("genesis_12411-04-02-4_00.csv")
    cells = table.cells
    assert set(cells.period) == {"31.12.2015"}
    ages = [dimensions_of(d)["Altersgruppe"] for d in cells.dimensions.unique()]
    ages = list(dict.fromkeys(ages))
    assert ages[:3] == ["unter 1 Jahr", "1 bis unter 2 Jahre", "2 bis unter 3 Jahre"]
    assert ages[-2:] == ["90 Jahre und mehr", "Insgesamt"] and len(ages) == 80
    germany = cells[(cells.region_key == "DG") & cells.dimensions.str.contains('"Geschlecht": "Insgesamt"')]
    by_age = {dimensions_of(d)["Altersgruppe"]: v
              for d, v in zip(germany.dimensions, germany.value, strict=True)}
    assert by_age["unter 1 Jahr"] == 744_721
    assert sum(v for age, v in by_age.items() if age != "Insgesamt") == by_age["Insgesamt"]


def test_year_periods() -> None:
    cells = real("genesis_12612-01-01-4_00.csv").cells
    assert sorted(set(cells.period)) == [str(year) for year in range(1995, 2016)]
    assert (cells.period == cells.period_iso).all()
    births = cell(real("genesis_12612-01-01-4_00.csv"), "DG", period="2015", Geschlecht="Insgesamt")
    assert births.value == 737_575


def test_kita_table_with_four_header_rows() -> None:
    table = real("genesis_22541-01-04-4_00.csv")
    assert [c.measure for c in table.columns][:2] == ["Tageseinrichtungen für Kinder"] * 2
    assert table.columns[0].dimensions == {"Altersgruppe": "Insgesamt"}  # the empty total column is the total
    assert table.columns[1].dimensions == {"Altersgruppe": "unter 3 Jahre"}
    assert table.columns[6].measure == "Genehmigte Plätze" and table.columns[6].dimensions == {}
    places = cell(table, "DG", period="01.03.2016", measure="Genehmigte Plätze")
    assert places.value == 3_749_827 and places.period_iso == "2016-03-01"
    staff = cell(table, "DG", period="01.03.2016", measure="Tätige Personen",
                 **{"Tätige Personen in Tageseinrichtungen für Kinder": "pädagogisches Personal (bis 2010)"})
    assert staff.flag == "-" and staff.value == 0


def test_misspelt_regional_depth_and_row_dimension_named_from_title() -> None:
    table = real("genesis_22543-01-01-4_00.csv")
    assert table.regional_depth == "Kreise und krfr. Städte"
    kinds = {dimensions_of(d)["Art der Kindertagesbetreuung"] for d in table.cells.dimensions.unique()}
    assert kinds == {"Tageseinrichtung", "Tagespflege", "Insgesamt"}
    assert table.columns[1].dimensions == {"Altersgruppe": "unter 3 Jahre"}


def test_iter_cells_gives_plain_python_values() -> None:
    first = next(real("genesis_21111-01-03-4_00.csv").iter_cells())
    assert first.region_key == "DG" and first.value == 1269.0 and first.flag is None
    assert first.dimensions == {"Schulart": "Vorschulbereich"}
    assert type(first.region_depth) is int and type(first.source_row) is int
    symbol = next(c for c in real("genesis_21111-01-03-4_00.csv").iter_cells() if c.flag == "x")
    assert symbol.value is None


def test_large_file_parses_quickly() -> None:
    path = REAL_DATA / "genesis_12411-04-02-4_00.csv"
    if not path.exists():
        pytest.skip("real data not available")
    data = path.read_bytes()
    start = time.perf_counter()
    parse_genesis_table(data)
    assert time.perf_counter() - start < 5  # about 0.3 s on the development machine


# --- hand-made input ----------------------------------------------------------------------------------

HEAD = [
    "GENESIS-Tabelle: 99999-01-01-4",
    "Testtabelle: Schüler nach Schulform - Stichtag -;;;;",
    "regionale Tiefe: Kreise und krfr. Städte;;;;",
    "Teststatistik;;;;",
    "Schüler (Anzahl);;;;",
]
FOOT = ["__________", '"zu ""gesamter Tabelle"":', 'Testfußnote"', '"© Test, Datenlizenz Deutschland"',
        "Stand: 01.02.2024 / 10:11:12"]


def make(*lines: str, head: list[str] = HEAD, foot: list[str] = FOOT, encoding: str = "utf-8",
         newline: str = "\n") -> bytes:
    return newline.join([*head, *lines, *foot, ""]).encode(encoding)


def parse(*lines: str, **kwargs: object) -> GenesisTable:
    return parse_genesis_table(make(*lines, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "leer"),
        (b"  \n\n", "leer"),
        (b"a;b;c\n1;2;3\n", "keine GENESIS-Tabelle"),
        ("Name;Wert\nMüller;1\n".encode("cp1252"), "keine GENESIS-Tabelle"),
        (b"\x00\x01\x02garbage\xff", "keine GENESIS-Tabelle"),
        (make(";;Insgesamt", '"' + "x" * 200_000 + '"'), "ab Zeile 7 keine lesbare CSV-Datei"),
        (make(";;Insgesamt;männlich"), "keine Datenzeilen"),
        (make(), "keine Kopfzeilen"),
        (make(";;Insgesamt;männlich", "DG;Deutschland;5;3", foot=[]), "unvollständig"),
        (make(";;Insgesamt;männlich", "DG;Deutschland;5;3", foot=["Stand: 01.02.2024"]), "unvollständig"),
        (make(";;Insgesamt;männlich", "Deutschland;DG;5;3"), "keine Spalte mit Regionalschlüsseln"),
        (make(";;Insgesamt;männlich", "DG;Deutschland;5;3", "123456;Irgendwo;1;1"), "Zeile 8"),
        (make(";;Insgesamt;männlich", "DG;Deutschland;5;3", "01;  Land;1.5;1"), "Zeile 8, Spalte 3"),
        (make(";;Insgesamt;männlich", "DG;Deutschland;5;3;7"), "mehr Werte"),
        (make("Insgesamt;männlich;weiblich", "DG;Deutschland;5;3;2"), "keine Kopfzeilen"),
    ],
)
def test_broken_input_is_refused_with_one_german_sentence(data: bytes, message: str) -> None:
    with pytest.raises(GenesisFormatError) as info:
        parse_genesis_table(data)
    text = str(info.value)
    assert message in text
    assert "\n" not in text and text.endswith(".")
    assert isinstance(info.value, UserInputError)


def test_minimal_table_and_footer() -> None:
    table = parse(";;Insgesamt;männlich;weiblich", "DG;Deutschland;10;4;6", "05;  Nordrhein-Westfalen;5;2;3")
    assert table.table_code == "99999-01-01-4"
    assert table.title == "Testtabelle: Schüler nach Schulform - Stichtag -"
    assert table.statistic == "Teststatistik" and table.unit_line == "Schüler (Anzahl)"
    assert table.stand == "01.02.2024 / 10:11:12" and table.licence == "© Test, Datenlizenz Deutschland"
    assert table.footnotes == ['zu "gesamter Tabelle":\nTestfußnote']
    assert table.cells.value.tolist() == [10, 4, 6, 5, 2, 3]
    assert table.cells.region_depth.tolist() == [0, 0, 0, 1, 1, 1]
    assert set(table.cells.measure) == {"Schüler"} and table.cells.period.isna().all()
    assert table.cells.source_row.tolist() == [7, 7, 7, 8, 8, 8]


def test_crlf_and_utf16_give_the_same_cells() -> None:
    lines = (";;31.12.2015;31.12.2015", ";;Insgesamt;weiblich", "DG;Deutschland;1.234;5p", "01;  SH;-;x")
    reference = parse_genesis_table(make(*lines)).cells
    for encoding, newline in (("utf-16", "\r\n"), ("cp1252", "\r\n"), ("utf-8-sig", "\n")):
        table = parse_genesis_table(make(*lines, encoding=encoding, newline=newline))
        pd.testing.assert_frame_equal(table.cells, reference)
    assert reference.value.tolist()[:2] == [1234.0, 5.0] and reference.flag.tolist()[1] == "p"


def test_blank_header_cells_inherit_from_the_left() -> None:
    table = parse(";;31.12.2015;;;31.12.2014;;", ";;Insgesamt;männlich;weiblich;Insgesamt;männlich;weiblich",
                  "DG;Deutschland;1;2;3;4;5;6")
    assert [c.period for c in table.columns] == ["31.12.2015"] * 3 + ["31.12.2014"] * 3
    assert [c.dimensions["Geschlecht"] for c in table.columns] == ["Insgesamt", "männlich", "weiblich"] * 2


def test_total_column_beside_a_dimension_block_does_not_inherit() -> None:
    head = [*HEAD[:4]]  # no unit line: measure row, dimension name and value rows, unit row
    table = parse(";;Kinder;Kinder;Kinder", ";;Altersgruppe;Altersgruppe;",
                  ";;unter 3 Jahre;3 bis unter 6 Jahre;", ";;Anzahl;Anzahl;Anzahl", "DG;Deutschland;3;1;2",
                  head=head)
    assert [c.dimensions for c in table.columns] == [
        {"Altersgruppe": "unter 3 Jahre"}, {"Altersgruppe": "3 bis unter 6 Jahre"}, {"Altersgruppe": "Insgesamt"}]
    assert {c.measure for c in table.columns} == {"Kinder"} and {c.unit for c in table.columns} == {"Anzahl"}


def test_period_lines_inside_the_data_switch_the_period() -> None:
    head = [*HEAD[:4], "2014;;;"]
    table = parse(";;;Insgesamt", "DG;Deutschland;A;1", "2015;;;", "DG;Deutschland;A;2", head=head)
    assert table.table_period == "2014"
    assert table.cells.period.tolist() == ["2014", "2015"]
    assert table.cells.source_row.tolist() == [7, 9]


def test_dimension_names_from_title_or_generic() -> None:
    rows = (";;;Anzahl", "DG;Deutschland;Gymnasium;5", "DG;Deutschland;Realschule;3")
    named = parse(*rows, head=[*HEAD[:4]])
    assert named.dimension_names == ["Schulform"]
    generic = parse(*rows, head=["GENESIS-Tabelle: 1", "Test;", "regionale Tiefe: Kreise;", "Statistik;"])
    assert generic.dimension_names == ["Merkmal 1"]
    assert json.loads(generic.cells.dimensions[0]) == {"Merkmal 1": "Gymnasium"}


def test_excel_stripped_keys_are_repaired_and_reported() -> None:
    table = parse(";;Insgesamt", "DG;Deutschland;10", "5;  Nordrhein-Westfalen;5", "5978;      Unna;1",
                  "5978004;        Bergkamen;1")
    assert table.cells.region_key.tolist() == ["DG", "05", "05978", "05978004"]
    assert len(table.warnings) == 1 and "3 Regionalschlüsseln" in table.warnings[0]


NO_PERIOD_ABOVE = """GENESIS-Tabelle: 99999-01-01-4
Testtabelle: Einwohner nach Geschlecht
regionale Tiefe: Kreise und krfr. Städte
Testfortschreibung
Einwohner (Anzahl)
;;Insgesamt;männlich;weiblich
05978;Unna, Kreis;405;200;205
2024;;;;
05978004;  Bergkamen;200;100;100
__________
"© Testdaten"
Stand: 01.02.2025 / 10:00:00
"""


def test_values_without_a_period_are_refused_at_their_first_row() -> None:
    """Rows above the first period line have no period: the batch names the first of them; below it, rows are
    dated by the line."""
    from bildungsplaner.importing.readers import genesis_batch

    with pytest.raises(UserInputError, match=r"^Zeile 7: Die GENESIS-Tabelle nennt für diese Werte keinen Zeitpunkt"):
        genesis_batch(parse_genesis_table(NO_PERIOD_ABOVE.encode("utf-8"), "t.csv"))
    dated = NO_PERIOD_ABOVE.replace("05978;Unna, Kreis;405;200;205\n", "")
    rows = genesis_batch(parse_genesis_table(dated.encode("utf-8"), "t.csv")).rows
    assert rows["period_iso"].tolist() == ["2024"] * 3


def _sample_as_csv_splits(block: str) -> list[list[str]]:
    """What the sample was before it was read from the block's beginning only: every line of the whole block."""
    import io

    from bildungsplaner.importing.genesis import _SAMPLE, _blank

    sample: list[list[str]] = []
    for line in io.StringIO(block, newline=""):
        if len(sample) == _SAMPLE:
            break
        row = line.rstrip("\r\n").split(";")
        if not _blank(row):
            sample.append(row)
    return sample


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.tuples(st.sampled_from(["", "2020;05111000;Düsseldorf;1", ";;;", "x" * 700, "2021;1;2"]),
                                st.integers(1, 40), st.sampled_from(["\n", "\r\n", "\r"])), min_size=1, max_size=40))
def test_the_sample_of_a_block_is_its_first_rows_however_long(lines: list[tuple[str, int, str]]) -> None:
    """Rows of up to 28 KB and blank rows, each ending in \\n, \\r\\n or \\r: the first 200 non-blank rows, as
    the csv module splits the whole block, also where they reach beyond the first 64 KiB or a line end
    (\\r\\n) is cut in two there."""
    from bildungsplaner.importing.genesis import _sample_rows

    block = "".join((text * repeat if text.startswith("x") else text) + end for text, repeat, end in lines) * 6
    assert _sample_rows(block) == _sample_as_csv_splits(block)


def test_a_row_cut_off_at_the_end_of_the_first_64_kib_is_read_whole() -> None:
    from bildungsplaner.importing.genesis import _sample_rows

    block = "2020;1\r\n" * 199 + "y" * 70_000 + "\r\n" + "2021;2\r\n"
    sample = _sample_rows(block)
    assert len(sample) == 200 and sample[-1] == ["y" * 70_000]
    assert sample == _sample_as_csv_splits(block)
