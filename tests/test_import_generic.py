"""Generic tables through import templates into a real workspace: facilities, observations, regions."""

from __future__ import annotations

import textwrap
from pathlib import Path

import openpyxl
import pytest
from realdata import POPULATION_TEMPLATE
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.importing import UnmatchedRegionsError, import_file
from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation, Region

REAL_DATA = Path(__file__).resolve().parents[2] / "shared" / "real-data"

SCHOOLS = ImportTemplate.loads(textwrap.dedent("""
    format = 1
    name = "NRW Schulliste mit Sozialindex"
    target = "facilities"
    [regions]
    key = "Amtlicher Gemeindeschlüssel"
    [facilities]
    key = "Schulnummer"
    name = "Amtliche Bezeichnung 1"
    kind = "Schulform"
    phase = "Schule"
    address = ["Straße und Hausnummer", "Postleitzahl", "Ort"]
    attributes = { schueler = "Anzahl", sozialindex = "Sozialindex" }
"""))

POPULATION = ImportTemplate.loads(POPULATION_TEMPLATE)


def population_xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Einwohner der Gemeinden, Stand 31.12.2024"])
    sheet.append([])
    sheet.append(["AGS", "Gemeinde", "Stichtag", "Geschlecht", "Einwohner"])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def test_the_nrw_school_list_imports_as_facilities_with_pupils_and_sozialindex(workspace) -> None:
    path = REAL_DATA / "nrw_schulverzeichnis_2024_25_sozialindex.csv"
    if not path.exists():
        pytest.skip("real data not available")
    report = import_file(workspace, path, template=SCHOOLS)
    assert report.facilities == 5407 and report.rows_read == 5407
    with workspace.session() as s:
        school = s.scalars(select(Facility).where(Facility.key == "100020")).one()
        assert school.kind == "Grundschule" and school.name == "Städt. Kath. Grundschule"
        assert school.attributes == {"schueler": 220, "sozialindex": 5}
        assert school.address == "Unterrather Str. 76, 40468, Düsseldorf"
        assert school.region.key == "05111000" and school.region.level == "gemeinde"


def test_xlsx_keys_without_leading_zero_are_repaired_and_reported(workspace, tmp_path) -> None:
    path = population_xlsx(tmp_path / "ew.xlsx", [
        [5978004, "Bergkamen", "31.12.2024", "Insgesamt", 48018],
        [5978004, "Bergkamen", "31.12.2024", "männlich", 23660],
        ["05978008", "Bönen", "31.12.2024", "Insgesamt", 18170],
    ])
    report = import_file(workspace, path, template=POPULATION, create_unmatched=True)
    assert report.observations == 3
    assert report.repaired_keys == {"5978004": "05978004"}
    with workspace.session() as s:
        rows = s.execute(select(Region.key, Observation.period, Observation.dimensions, Observation.value)
                         .join(Region, Region.id == Observation.region_id)
                         .join(Indicator, Indicator.id == Observation.indicator_id)
                         .where(Indicator.code == "BEV").order_by(Region.key, Observation.value)).all()
    assert [(k, p, v) for k, p, _, v in rows] == [("05978004", "2024-12-31", 23660.0),
                                                  ("05978004", "2024-12-31", 48018.0),
                                                  ("05978008", "2024-12-31", 18170.0)]


def test_names_without_keys_match_or_get_suggestions_and_nothing_is_dropped(demo_file, tmp_path) -> None:
    from bildungsplaner.store.database import open_workspace

    template = ImportTemplate.loads(POPULATION.dumps().replace('key = "AGS"\n', ""))
    with open_workspace(demo_file) as ws:
        with ws.session() as s:
            known = s.scalars(select(Region).where(Region.level == "gemeinde").order_by(Region.key)).first()
        misspelt = known.name[:-1] + ("x" if known.name[-1] != "x" else "y")
        path = population_xlsx(tmp_path / "namen.xlsx", [
            ["", known.name, "31.12.2024", "Insgesamt", 1000],
            ["", misspelt, "31.12.2024", "Insgesamt", 2000],
        ])
        with pytest.raises(UnmatchedRegionsError) as raised:
            import_file(ws, path, template=template)
        unmatched = raised.value.report.regions_unmatched
        assert [u.name for u in unmatched] == [misspelt]
        assert known.key in str(raised.value) or known.name in str(raised.value)  # the suggestion is shown
        report = import_file(ws, path, template=template, assignments={misspelt: known.key})
        assert report.observations == 2 and report.regions_matched >= 1


def test_a_region_list_creates_sozialraeume_under_their_gemeinde(workspace, tmp_path) -> None:
    path = tmp_path / "sozialraeume.csv"
    path.write_text("Nr;Sozialraum;Gemeinde-AGS\r\nSR01;Mitte;05978004\r\nSR02;Weddinghofen;05978004\r\n",
                    encoding="cp1252")
    parent = tmp_path / "gemeinde.csv"
    parent.write_text("Nr;Name;Ebene\r\n05978004;Bergkamen;gemeinde\r\n", encoding="utf-8")
    gemeinden = ImportTemplate.loads('format = 1\nname = "G"\ntarget = "regions"\n[regionlist]\nkey = "Nr"\n'
                                     'name = "Name"\nlevel_column = "Ebene"\n')
    raeume = ImportTemplate.loads('format = 1\nname = "S"\ntarget = "regions"\n[regionlist]\nkey = "Nr"\n'
                                  'name = "Sozialraum"\nlevel = "sozialraum"\nparent = "Gemeinde-AGS"\n')
    import_file(workspace, parent, template=gemeinden)
    import_file(workspace, path, template=raeume)
    with workspace.session() as s:
        regions = {r.key: r for r in s.scalars(select(Region))}
    assert regions["SR02"].name == "Weddinghofen" and regions["SR02"].level == "sozialraum"
    assert regions["SR02"].parent_id == regions["05978004"].id


def test_a_template_that_does_not_fit_the_table_is_refused_before_anything_is_written(workspace, tmp_path) -> None:
    path = population_xlsx(tmp_path / "ew.xlsx", [["05978004", "Bergkamen", "31.12.2024", "Insgesamt", "viele"]])
    with pytest.raises(UserInputError, match="„viele“ ist keine Zahl"):
        import_file(workspace, path, template=POPULATION, create_unmatched=True)
    with workspace.session() as s:
        assert s.scalars(select(Observation)).first() is None


def test_cancel_reaches_the_spreadsheet_reader_and_the_file_is_sniffed_once(workspace, tmp_path,
                                                                            monkeypatch) -> None:
    """Cancel must stop the reader in its child process, not only after it has read the whole sheet."""
    from bildungsplaner.importing import sniff as sniff_module
    from bildungsplaner.importing import tables
    from bildungsplaner.progress import Cancelled, RecordingProgress

    path = population_xlsx(tmp_path / "ew.xlsx", [["05978004", "Bergkamen", "31.12.2024", "Insgesamt", 48018]])
    sniffed, reads = [], []
    real_sniff, real_read = sniff_module.sniff, tables.read_table
    monkeypatch.setattr(sniff_module, "sniff", lambda p: sniffed.append(p) or real_sniff(p))
    monkeypatch.setattr(tables, "read_table", lambda p, **kw: reads.append(kw) or real_read(p, **kw))
    progress = RecordingProgress()
    progress.cancelled = True
    with pytest.raises(Cancelled):
        import_file(workspace, path, template=POPULATION, progress=progress)
    assert sniffed == [path]  # the import's own sniffing, not again in the reader
    assert reads[0]["kind"] == "xlsx" and reads[0]["progress"] is progress


MESSY_SCHOOLS = ImportTemplate.loads(textwrap.dedent("""
    format = 1
    name = "Schulen Kreis Unna"
    target = "facilities"
    [facilities]
    key = "Schulnummer"
    name = "Name"
    fixed_kind = "Schule"
    phase = "Schule"
    attributes = { schueler = "Schüler", traeger = "Träger" }
"""))


@pytest.mark.parametrize("kind", ["xlsx", "csv", "ods"])
def test_a_school_list_with_a_merged_title_totals_and_notes_imports_without_them(workspace, tmp_path, kind) -> None:
    import json

    import messy_lists

    writer = {"xlsx": messy_lists.messy_xlsx, "csv": messy_lists.messy_csv, "ods": messy_lists.messy_ods}[kind]
    path = writer(tmp_path / f"schulen.{kind}")
    dry = import_file(workspace, path, template=MESSY_SCHOOLS, dry_run=True)
    assert dry.facilities == 20 and dry.rows_read == 20
    # every row left out is named with its number and why, in the check report and its JSON
    skipped = [w for w in dry.warnings if "nicht importiert" in w]
    assert skipped[0].startswith("Zeile 24 nicht importiert (Summenzeile): „Summe")
    assert skipped[1:] == ["Zeile 26 nicht importiert (Anmerkung unter der Tabelle): „Quelle: Schulamt, Stand "
                           "1.8.2025“", "Zeile 27 nicht importiert (Anmerkung unter der Tabelle): „* vorläufige "
                           "Zahlen“"]
    assert "Warnung: Zeile 26 nicht importiert" in dry.summary()
    assert skipped == [w for w in json.loads(json.dumps(dry.to_dict()))["warnings"] if "nicht importiert" in w]

    report = import_file(workspace, path, template=MESSY_SCHOOLS)
    assert report.committed and report.facilities == 20
    with workspace.session() as s:
        schools = {f.key: f for f in s.scalars(select(Facility))}
        assert len(schools) == 20 and "Summe" not in {f.name for f in schools.values()}
        church = schools[messy_lists.SCHOOLS[4][0]]
        assert church.attributes == {"schueler": 208, "traeger": "Ev. Kirchengemeinde Kamen"}
        dataset = s.get(Dataset, church.dataset_id)
        assert [r["row"] for r in dataset.meta["skipped_rows"]] == [24, 26, 27]


def test_the_template_can_switch_the_footer_recognition_off_or_name_it(workspace, tmp_path) -> None:
    import messy_lists

    path = messy_lists.messy_xlsx(tmp_path / "schulen.xlsx")
    none = ImportTemplate.loads(MESSY_SCHOOLS.dumps() + "[read]\nfooter_rows = 0\n")
    with pytest.raises(UserInputError, match="Zeile 24: Spalte „Schulnummer“ ist leer"):
        import_file(workspace, path, template=none, dry_run=True)
    stop = ImportTemplate.loads(MESSY_SCHOOLS.dumps() + '[read]\nstop_at = "first empty row"\nfooter_rows = 1\n')
    report = import_file(workspace, path, template=stop, dry_run=True)
    assert report.facilities == 20
    assert [w.split(" nicht")[0] for w in report.warnings if "nicht importiert" in w] == [
        "Zeile 24", "Zeile 26", "Zeile 27"]
    assert "Vorlage: footer_rows = 1" in report.warnings[0]
