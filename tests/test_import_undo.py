"""Mistakes that can be undone: a corrected re-import replaces the earlier one, a duplicate is refused, facility
and region imports are taken back to the state before them — against a real SQLite workspace file."""

from __future__ import annotations

import hashlib
import textwrap
from pathlib import Path

import openpyxl
import pytest
import school_lists
from realdata import real_file
from sqlalchemy import func, select

from bildungsplaner import UserInputError
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.browse import list_datasets
from bildungsplaner.services.importing import delete_import, import_file
from bildungsplaner.services.workspace import check_workspace
from bildungsplaner.store.models import (
    Dataset,
    Facility,
    FacilityVersion,
    Indicator,
    Observation,
    Region,
    RegionVersion,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def schools_template(attributes: str = 'schueler = "Schüler", sozialindex = "Sozialindex"') -> ImportTemplate:
    return school_lists.schools_template(attributes)


def school_list(folder: Path, rows: list[str], name: str = "schulen.csv") -> Path:
    return school_lists.school_list(folder / name, rows, "Schulnummer;Name;AGS;Schüler;Sozialindex;Zügigkeit")


LIST_A = ["100001;GS Am Markt;05978004;210;3;2", "100002;GS Bönen;05978008;180;5;2"]
#: the colleague's corrected list: 100001's Sozialindex 3 → 4, 100002 as before, 100003 new (a new Gemeinde)
LIST_B = ["100001;GS Am Markt;05978004;210;4;2", "100002;GS Bönen;05978008;180;5;2",
          "100003;GS Fröndenberg;05978012;150;6;1"]


def facilities(ws) -> dict[str, tuple[str, dict, str | None, int | None]]:
    with ws.session() as s:
        return {f.key: (f.name, f.attributes, f.region.key if f.region else None, f.dataset_id)
                for f in s.scalars(select(Facility))}


def region_keys(ws) -> set[str]:
    with ws.session() as s:
        return set(s.scalars(select(Region.key)))


def count(ws, model) -> int:
    with ws.session() as s:
        return int(s.scalar(select(func.count()).select_from(model)))


# --- facility imports: counts and taking back ---------------------------------------------------------------

def test_a_facility_import_counts_new_updated_and_unchanged(workspace, tmp_path) -> None:
    template = schools_template()
    a = import_file(workspace, school_list(tmp_path / "a", LIST_A), template=template)
    assert (a.facilities, a.facilities_new, a.facilities_updated, a.facilities_unchanged) == (2, 2, 0, 0)
    b = import_file(workspace, school_list(tmp_path / "b", LIST_B), template=template)
    assert (b.facilities, b.facilities_new, b.facilities_updated, b.facilities_unchanged) == (3, 1, 1, 1)
    assert "Einrichtungen: 1 neu, 1 geändert, 1 unverändert." in b.summary()
    data = b.to_dict()
    assert (data["facilities_new"], data["facilities_updated"], data["facilities_unchanged"]) == (1, 1, 1)
    # a dry run counts the same and writes nothing
    again = import_file(workspace, school_list(tmp_path / "c", LIST_B[:2]), template=template, dry_run=True)
    assert (again.facilities_new, again.facilities_updated, again.facilities_unchanged) == (0, 0, 2)


def test_taking_back_a_facility_import_restores_the_attributes_before_it(workspace, tmp_path) -> None:
    template = schools_template()
    a = import_file(workspace, school_list(tmp_path / "a", LIST_A), template=template)
    after_a = facilities(workspace)
    regions_after_a = region_keys(workspace)
    b = import_file(workspace, school_list(tmp_path / "b", LIST_B), template=template)
    assert b.supersedes == a.dataset  # the colleague's list of the same name, updated
    assert facilities(workspace)["100001"][1] == {"schueler": 210, "sozialindex": 4}
    assert "05978012" in region_keys(workspace)

    gone = delete_import(workspace, b.dataset)
    assert (gone.facilities_removed, gone.facilities_restored) == (1, 2)
    assert gone.current_again == [a.dataset] and gone.regions_removed == 1  # Fröndenberg: only B's school used it
    assert facilities(workspace) == after_a  # Sozialindex 3 again, 100003 gone, A's schools from A as before
    assert region_keys(workspace) == regions_after_a
    assert [(d.id, d.superseded_by) for d in list_datasets(workspace)] == [(a.dataset, None)]
    assert count(workspace, FacilityVersion) == 2  # A's history stays: A can be taken back too

    gone = delete_import(workspace, a.dataset)
    assert (gone.facilities_removed, gone.facilities_restored) == (2, 0)
    assert facilities(workspace) == {} and list_datasets(workspace) == []
    assert region_keys(workspace) == set()  # the regions A created go with it: nothing uses them any more
    assert count(workspace, FacilityVersion) == count(workspace, RegionVersion) == 0
    assert check_workspace(workspace.path) == []


def test_the_earlier_import_is_refused_while_a_later_one_listed_the_same_facilities(workspace, tmp_path) -> None:
    template = schools_template()
    a = import_file(workspace, school_list(tmp_path, LIST_A, "liste_2024.csv"), template=template)
    b = import_file(workspace, school_list(tmp_path, LIST_B, "liste_2025.csv"), template=template)
    assert b.supersedes is None  # another file: both current
    workspace.close()
    before = digest(workspace.path)
    from bildungsplaner.store.database import open_workspace

    refusal = rf"Nr\. {b.dataset} .*zuerst Import Nr\. {b.dataset} zurück"
    with open_workspace(workspace.path) as ws, pytest.raises(UserInputError, match=refusal):
        delete_import(ws, a.dataset)  # restoring A's state under B would mix two stands
    assert digest(workspace.path) == before  # nothing changed
    with open_workspace(workspace.path) as ws:
        delete_import(ws, b.dataset)
        delete_import(ws, a.dataset)  # in the right order both go
        assert facilities(ws) == {}


def test_an_import_from_before_the_history_is_refused_with_a_pointer_to_the_backups(workspace, tmp_path) -> None:
    report = import_file(workspace, school_list(tmp_path, LIST_A), template=schools_template())
    with workspace.transaction() as s:  # as an import of an earlier version of the program left it
        dataset = s.get(Dataset, report.dataset)
        dataset.meta = {k: v for k, v in dataset.meta.items() if k != "history"}
    with pytest.raises(UserInputError, match=r"lassen sich nicht einzeln löschen.*restore"):
        delete_import(workspace, report.dataset)
    assert len(facilities(workspace)) == 2


# --- regions -------------------------------------------------------------------------------------------------

def test_regions_created_by_a_taken_back_import_go_only_when_nothing_uses_them(workspace, tmp_path) -> None:
    from test_import_service import write_genesis

    schools = import_file(workspace, school_list(tmp_path, LIST_A), template=schools_template())
    assert {"05978004", "05978008"} <= region_keys(workspace)
    values = import_file(workspace, write_genesis(tmp_path / "ew.csv"))  # uses 05978004 and 05978008 too
    delete_import(workspace, schools.dataset)
    assert {"05978004", "05978008"} <= region_keys(workspace)  # the values refer to them: they stay
    gone = delete_import(workspace, values.dataset)
    assert gone.regions_removed == 1 and "05978" not in region_keys(workspace)  # the Kreis this one created
    assert {"05978004", "05978008"} <= region_keys(workspace)  # created by the import taken back before


REGION_LIST = ImportTemplate.loads(textwrap.dedent("""
    format = 1
    name = "Sozialräume"
    target = "regions"
    [regionlist]
    key = "Schlüssel"
    name = "Name"
    level_column = "Ebene"
    parent = "Übergeordnet"
"""))


def test_a_region_import_is_taken_back_names_restored_and_new_regions_gone(workspace, tmp_path) -> None:
    from test_import_service import write_genesis

    values = import_file(workspace, write_genesis(tmp_path / "ew.csv"))
    names = {k: n for k, n in _names(workspace).items()}
    table = tmp_path / "sozialraeume.csv"
    table.write_text("Schlüssel;Name;Ebene;Übergeordnet\n05978004;Bergkamen, Stadt;gemeinde;05978\n"
                     "05978004-01;Bergkamen-Mitte;sozialraum;05978004\n05978004-02;Oberaden;sozialraum;05978004\n",
                     encoding="utf-8")
    report = import_file(workspace, table, template=REGION_LIST)
    assert report.regions_created == 2 and report.regions_matched == 1
    assert _names(workspace)["05978004"] == "Bergkamen, Stadt"
    gone = delete_import(workspace, report.dataset)
    assert (gone.regions_removed, gone.regions_restored) == (2, 1)
    assert _names(workspace) == names  # Bergkamen's name as before, the Sozialräume gone
    assert values.dataset in {d.id for d in list_datasets(workspace)}


def _names(ws) -> dict[str, str]:
    with ws.session() as s:
        return dict(s.execute(select(Region.key, Region.name)).all())


# --- a corrected re-import and the duplicate -----------------------------------------------------------------

POPULATION = """
    format = 1
    name = "Einwohner"
    target = "observations"
    [regions]
    key = "AGS"
    [observations]
    fixed_period = "2024"
    [[observations.measures]]
    column = "{column}"
    indicator = "BEV"
    name = "Bevölkerung"
    unit = "Anzahl"
"""


def population_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Daten"
    sheet.append(["AGS", "Gemeinde", "Einwohner 2023", "Einwohner 2024"])
    sheet.append(["05978004", "Bergkamen", 48018, 47900])
    sheet.append(["05978008", "Bönen", 18002, 18100])
    workbook.save(path)
    return path


def current_values(ws) -> dict[str, float]:
    with ws.session() as s:
        return dict(s.execute(select(Region.key, Observation.value)
                              .join(Region, Region.id == Observation.region_id)
                              .join(Dataset, Dataset.id == Observation.dataset_id)
                              .where(Dataset.superseded_by_id.is_(None))).all())


def test_the_same_xlsx_with_a_corrected_template_replaces_the_earlier_import(workspace, tmp_path) -> None:
    path = population_xlsx(tmp_path / "einwohner.xlsx")
    wrong = ImportTemplate.loads(textwrap.dedent(POPULATION.format(column="Einwohner 2023")))  # the wrong column
    right = ImportTemplate.loads(textwrap.dedent(POPULATION.format(column="Einwohner 2024")))
    first = import_file(workspace, path, template=wrong)
    assert current_values(workspace) == {"05978004": 48018, "05978008": 18002}
    second = import_file(workspace, path, template=right)
    assert second.committed and second.duplicate_of is None and second.dataset != first.dataset
    assert second.supersedes == first.dataset and "Ersetzt den älteren Stand" in second.summary()
    assert [(d.id, d.superseded_by) for d in list_datasets(workspace)] == [(second.dataset, None),
                                                                           (first.dataset, second.dataset)]
    assert current_values(workspace) == {"05978004": 47900, "05978008": 18100}  # the new mapping's values
    with workspace.session() as s:
        mapping = s.get(Dataset, second.dataset).meta["template_mapping"]
    assert mapping["observations"]["measures"][0]["column"] == "Einwohner 2024"  # which mapping made them

    # the byte-identical file with the identical template: a duplicate, explained, nothing changed
    workspace.close()
    before = digest(workspace.path)
    from bildungsplaner.store.database import open_workspace

    with open_workspace(workspace.path) as ws:
        again = import_file(ws, path, template=ImportTemplate.loads(right.dumps()))
        assert again.duplicate_of == second.dataset and not again.committed and again.duplicate_replaced_by is None
        assert "bereits importiert" in again.summary() and "derselben Vorlage" in again.summary()
        # the first mapping again: also a duplicate, of the replaced import — the message says how to get it back
        old = import_file(ws, path, template=wrong)
        assert old.duplicate_of == first.dataset and old.duplicate_replaced_by == second.dataset
        assert f"data delete {second.dataset}" in old.summary()
    assert digest(workspace.path) == before


def test_another_sheet_or_option_is_a_new_import_too(workspace, tmp_path) -> None:
    path = population_xlsx(tmp_path / "einwohner.xlsx")
    template = ImportTemplate.loads(textwrap.dedent(POPULATION.format(column="Einwohner 2024")))
    first = import_file(workspace, path, template=template)
    second = import_file(workspace, path, template=template, assignments={"05978008": "05978008"})
    assert second.duplicate_of is None and second.supersedes == first.dataset
    third = import_file(workspace, path, template=template, sheet="Daten")  # named instead of "the first"
    assert third.duplicate_of is None and third.supersedes == second.dataset
    with workspace.session() as s:
        assert s.scalar(select(func.count()).select_from(Indicator)) == 1


def test_the_same_school_list_with_one_more_attribute_updates_every_school(workspace, tmp_path) -> None:
    path = school_list(tmp_path, LIST_B)
    first = import_file(workspace, path, template=schools_template())
    more = schools_template('schueler = "Schüler", sozialindex = "Sozialindex", zuege = "Zügigkeit"')
    second = import_file(workspace, path, template=more)
    assert second.duplicate_of is None and second.supersedes == first.dataset
    assert (second.facilities_new, second.facilities_updated, second.facilities_unchanged) == (0, 3, 0)
    assert facilities(workspace)["100001"][1] == {"schueler": 210, "sozialindex": 4, "zuege": 2}
    delete_import(workspace, second.dataset)  # and back
    assert facilities(workspace)["100001"][1] == {"schueler": 210, "sozialindex": 4}


def test_the_real_nrw_school_list_is_counted_and_taken_back(workspace) -> None:
    path = real_file("nrw_schulverzeichnis_2024_25_sozialindex.csv")
    template = ImportTemplate.loads(textwrap.dedent("""
        format = 1
        name = "NRW Schulliste"
        target = "facilities"
        [regions]
        key = "Amtlicher Gemeindeschlüssel"
        [facilities]
        key = "Schulnummer"
        name = "Amtliche Bezeichnung 1"
        kind = "Schulform"
        phase = "Schule"
        attributes = { schueler = "Anzahl" }
    """))
    first = import_file(workspace, path, template=template, all_regions=True)
    assert first.facilities_new == first.facilities == 5407
    with_index = ImportTemplate.from_dict({**template.to_dict(), "facilities": {
        **template.to_dict()["facilities"], "attributes": {"schueler": "Anzahl", "sozialindex": "Sozialindex"}}})
    second = import_file(workspace, path, template=with_index, all_regions=True)
    assert second.facilities_new == 0 and second.facilities_updated + second.facilities_unchanged == 5407
    assert second.facilities_updated > 5000  # every school with a Sozialindex got it
    with workspace.session() as s:
        school = s.scalars(select(Facility).where(Facility.key == "100020")).one()
        assert school.attributes == {"schueler": 220, "sozialindex": 5}
    delete_import(workspace, second.dataset)
    with workspace.session() as s:
        school = s.scalars(select(Facility).where(Facility.key == "100020")).one()
        assert school.attributes == {"schueler": 220} and school.dataset_id == first.dataset
    delete_import(workspace, first.dataset)
    assert count(workspace, Facility) == count(workspace, Region) == 0
