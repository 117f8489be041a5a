"""Kennzahlen in a workspace: materialised as observations, recomputed inside the transaction that changes
their inputs or their definition (never stale), versioned definitions, computed datasets are no imports."""

from __future__ import annotations

import csv

import pytest
from kennzahl_files import import_real
from realdata import OWN_KENNZAHL as OWN
from realdata import real_file
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.indicators.compute import round_half_up
from bildungsplaner.services import indicators
from bildungsplaner.services.browse import list_datasets
from bildungsplaner.services.data_export import export_observations_csv
from bildungsplaner.services.importing import delete_import, import_file
from bildungsplaner.services.planning_data import NeedSource, recipients_frame
from bildungsplaner.store.models import AuditEntry, IndicatorDefinitionVersion

ABG = "genesis_21111-02-06-4_00.csv"



def _value(ws, code: str, key: str, year: int) -> float | None:
    rows = [r for r in indicators.compute(ws, code).rows if r.region_key == key and r.period.startswith(str(year))]
    assert len(rows) == 1
    return rows[0].value


def _entry(ws, code: str) -> indicators.IndicatorEntry:
    return next(e for e in indicators.list_indicators(ws) if e.code == code)


def test_catalogue_entries_follow_their_tables_import_and_delete(workspace) -> None:
    assert _entry(workspace, "ABG_AHR").available is False
    assert _entry(workspace, "ABG_AHR").missing_sources == ["Tabelle 21111-02-06-4"]
    with pytest.raises(UserInputError, match="Quelle fehlt: Tabelle 21111-02-06-4"):
        indicators.compute(workspace, "ABG_AHR")
    (report,) = import_real(workspace, ABG)
    entry = _entry(workspace, "ABG_AHR")
    assert entry.available and entry.kind == "katalog" and entry.observations > 0
    assert round_half_up(_value(workspace, "ABG_AHR", "DG", 2015)) == 34.0
    gone = delete_import(workspace, report.dataset)
    assert _entry(workspace, "ABG_AHR").available is False
    assert "ABG_AHR" not in {e.code for e in indicators.list_indicators(workspace) if e.kind == "importiert"}
    assert not _kennzahl_datasets(workspace)
    assert gone.observations > 0


def _kennzahl_datasets(ws) -> list:
    from bildungsplaner.store.models import Dataset

    with ws.session() as s:
        return list(s.scalars(select(Dataset).where(Dataset.format == indicators.KENNZAHL_FORMAT)))


def test_computed_datasets_are_not_listed_as_imports(workspace) -> None:
    (report,) = import_real(workspace, ABG)
    assert _kennzahl_datasets(workspace)  # the Kennzahlen of the table are there …
    assert [d.id for d in list_datasets(workspace)] == [report.dataset]  # … but the import history shows the import


def test_a_newer_import_of_the_same_table_is_used_and_its_deletion_brings_the_older_back(workspace) -> None:
    (first,) = import_real(workspace, ABG)
    kennzahl = next(d for d in _kennzahl_datasets(workspace) if d.title and "Hochschulreife" in d.title)
    with workspace.session() as s:
        from bildungsplaner.store.models import Dataset

        meta = s.get(Dataset, kennzahl.id).meta
    assert [d["id"] for i in meta["lineage"] for d in i["datasets"]] == [first.dataset, first.dataset]
    # the same file with other options: a new import that supersedes the first
    second = import_file(workspace, real_file(ABG), home="05315")  # Köln, NRW and Germany only
    assert second.supersedes == first.dataset
    with workspace.session() as s:
        meta = s.get(Dataset, kennzahl.id).meta
    assert {d["id"] for i in meta["lineage"] for d in i["datasets"]} == {second.dataset}
    keys = {r.region_key for r in indicators.compute(workspace, "ABG_AHR").rows}
    assert "05315" in keys and "01001" not in keys  # only what the newer import holds
    delete_import(workspace, second.dataset)
    keys = {r.region_key for r in indicators.compute(workspace, "ABG_AHR").rows}
    assert "01001" in keys  # the older import is current again, and so are its Kennzahlen


def test_define_replace_delete_with_versions(workspace) -> None:
    import_real(workspace, ABG)
    entry = indicators.define(workspace, OWN)
    assert entry.kind == "berechnet" and entry.available and entry.observations > 0
    first = _value(workspace, "ABG_FRAUEN_AHR", "DG", 2015)
    assert first == pytest.approx(100 * 156747 / 287862)
    with pytest.raises(UserInputError, match=r"gibt es schon.*--replace"):
        indicators.define(workspace, OWN)
    changed = OWN.replace('Geschlecht = "weiblich" }\n[inputs.alle]', 'Geschlecht = "weiblich" }\n[inputs.alle]')
    changed = changed.replace('formula = "100 * frauen / alle"', 'formula = "1000 * frauen / alle"')
    indicators.define(workspace, changed, replace=True)
    assert _value(workspace, "ABG_FRAUEN_AHR", "DG", 2015) == pytest.approx(10 * first)
    assert indicators.definition_text(workspace, "ABG_FRAUEN_AHR") == changed
    details = indicators.show(workspace, "ABG_FRAUEN_AHR")
    assert details.version == 2 and [h[:2] for h in details.history] == [(1, "define"), (2, "replace")]
    assert details.sources and details.sources[0].licence and "Datenlizenz" in details.sources[0].licence
    indicators.delete(workspace, "ABG_FRAUEN_AHR")
    assert "ABG_FRAUEN_AHR" not in {e.code for e in indicators.list_indicators(workspace)}
    with workspace.session() as s:
        assert [v.action for v in s.scalars(select(IndicatorDefinitionVersion)
                                            .order_by(IndicatorDefinitionVersion.version))] == \
            ["define", "replace", "delete"]
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "indicator")) is not None


def test_a_definition_that_cannot_be_computed_is_refused_and_nothing_changes(workspace) -> None:
    import_real(workspace, ABG)
    wrong = OWN.replace('Geschlecht = "weiblich"', 'Geschlecht = "divers"')
    with pytest.raises(UserInputError, match="„Geschlecht“ hat keinen Wert „divers“"):
        indicators.define(workspace, wrong)
    assert "ABG_FRAUEN_AHR" not in {e.code for e in indicators.list_indicators(workspace)}
    report = indicators.check_definition(workspace, wrong)
    assert not report.ok and "divers" in report.errors[0]
    report = indicators.check_definition(workspace, OWN)
    assert report.ok and report.row_count == 2 * 526 and len(report.rows) == indicators.PREVIEW_ROWS
    with pytest.raises(UserInputError, match=r"Katalogs.*--replace"):
        indicators.define(workspace, OWN.replace("ABG_FRAUEN_AHR", "ABG_AHR"))
    with pytest.raises(UserInputError, match="importierter Indikator"):
        indicators.define(workspace, OWN.replace("ABG_FRAUEN_AHR", "ABSOLVENTEN_ABGAENGER"))
    with pytest.raises(UserInputError, match="keine Eingabe dieses Namens"):
        indicators.define(workspace, OWN.replace("100 * frauen", "100 * maenner"))


def test_a_computed_dataset_is_no_import_and_cannot_be_deleted_as_one(workspace) -> None:
    import_real(workspace, ABG)
    computed = _kennzahl_datasets(workspace)
    assert computed and all("berechnet" in d.file_name for d in computed)
    assert not {d.id for d in computed} & {d.id for d in list_datasets(workspace)}
    with pytest.raises(UserInputError, match=r"berechnete Kennzahl.*indicator delete"):
        delete_import(workspace, computed[0].id)


def test_computed_values_are_usable_everywhere_an_indicator_is(workspace, tmp_path) -> None:
    import_real(workspace, ABG)
    frame = recipients_frame(workspace, type="region", region_level="kreis", within="05",
                             sources=[NeedSource("indicator:ABG_OHNE_HSA", period="2015")])
    assert round_half_up(frame.set_index("region_key").loc["05112", "indicator:ABG_OHNE_HSA"]) == 6.4
    out = tmp_path / "daten.csv"
    export_observations_csv(workspace, out, indicator="ABG_AHR")
    with open(out, encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    assert rows and all(r["dataset"] == "" and r["indicator"] == "ABG_AHR" for r in rows)
    dg = [r for r in rows if r["region_key"] == "DG" and r["period"] == "2015"]
    assert round_half_up(float(dg[0]["value"])) == 34.0


def test_a_kennzahl_that_fails_never_blocks_the_import(workspace, monkeypatch) -> None:
    import bildungsplaner.services.indicators as service

    real = service.compute_indicator

    def broken(spec, inputs):
        if spec.code == "ABG_AHR":
            raise RuntimeError("kaputt")
        return real(spec, inputs)

    monkeypatch.setattr(service, "compute_indicator", broken)
    (report,) = import_real(workspace, ABG)
    assert report.committed
    entry = _entry(workspace, "ABG_AHR")
    assert entry.available and entry.observations == 0 and "Interner Fehler" in (entry.problem or "")
    with pytest.raises(UserInputError, match="kaputt"):
        indicators.compute(workspace, "ABG_AHR")
    assert round_half_up(_value(workspace, "ABG_OHNE_HSA", "DG", 2015)) == 5.6  # the others are there
    monkeypatch.setattr(service, "compute_indicator", real)
    with workspace.transaction() as s:  # the next change computes it again
        indicators.refresh(s)
    entry = _entry(workspace, "ABG_AHR")  # an internal error is tried again at the next change
    assert entry.problem is None and entry.observations > 0


def test_a_workspace_from_before_kennzahlen_catches_up_when_asked(workspace) -> None:
    import_real(workspace, ABG)
    with workspace.transaction() as s:  # as if imported by a version without Kennzahlen
        from sqlalchemy import delete

        from bildungsplaner.store.models import Dataset, Observation

        ids = list(s.scalars(select(Dataset.id).where(Dataset.format == indicators.KENNZAHL_FORMAT)))
        s.execute(delete(Observation).where(Observation.dataset_id.in_(ids)))
        s.execute(delete(Dataset).where(Dataset.id.in_(ids)))
    assert round_half_up(_value(workspace, "ABG_AHR", "DG", 2015)) == 34.0
    assert indicators.ensure_current(workspace).computed == []  # nothing left to do: nothing written
