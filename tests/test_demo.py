"""The demo workspace (fictional Kreis Lindental): complete, consistent, plausible and the same every time.

The demo is built once per module into a real workspace file; the tests only read it.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Connection, func, select, text

from bildungsplaner import BildungsplanerError
from bildungsplaner.demo import DemoSummary, build_demo
from bildungsplaner.progress import Cancelled, RecordingProgress
from bildungsplaner.store.database import Workspace, open_workspace
from bildungsplaner.store.dimensions import decode
from bildungsplaner.store.models import (
    AuditEntry,
    Dataset,
    Facility,
    Indicator,
    Observation,
    Region,
)

YEARS = [2020, 2021, 2022, 2023, 2024]
SCHOOL_FORMS = {"Gymnasium", "Gesamtschule", "Realschule", "Hauptschule", "Sekundarschule"}


@dataclass
class Built:
    ws: Workspace
    summary: DemoSummary
    progress: RecordingProgress
    seconds: float


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "demo.bpws")
    progress = RecordingProgress()
    start = time.perf_counter()
    with ws.transaction() as s:
        summary = build_demo(s, progress)
    built = Built(ws, summary, progress, time.perf_counter() - start)
    yield built
    ws.close()


def frame(conn: Connection, sql: str) -> pd.DataFrame:
    return pd.read_sql_query(text(sql), conn)


OBSERVATIONS_SQL = """
    SELECT i.code, r.key AS region, r.level, p.key AS parent, o.period, o.dimensions, o.value, o.flag
    FROM observation o
    JOIN indicator i ON i.id = o.indicator_id
    JOIN region r ON r.id = o.region_id
    LEFT JOIN region p ON p.id = r.parent_id
"""


def observations(conn: Connection, code: str) -> pd.DataFrame:
    return frame(conn, OBSERVATIONS_SQL + f" WHERE i.code = '{code}'")


def facilities(conn: Connection) -> pd.DataFrame:
    df = frame(conn, """
        SELECT f.key, f.name, f.kind, f.phase, f.offering, f.address, f.attributes, f.dataset_id,
               r.key AS region, r.level AS region_level
        FROM facility f LEFT JOIN region r ON r.id = f.region_id
    """)
    df["attributes"] = df["attributes"].map(json.loads)
    return df


def test_build_is_fast_and_reports_progress_monotonically(demo: Built) -> None:
    assert demo.seconds < 5.0
    fractions = [fraction for fraction, _ in demo.progress.reports]
    assert len(fractions) >= 3
    assert all(0.0 <= f <= 1.0 for f in fractions)
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert all(message for _, message in demo.progress.reports)


def test_summary_counts_match_the_workspace(demo: Built) -> None:
    s = demo.summary
    assert s.gemeinden == 12
    assert s.sozialraeume >= 40
    assert s.regions == 3 + s.gemeinden + s.sozialraeume
    assert s.indicators == 5
    assert s.observations > 15_000
    with demo.ws.session() as session:
        assert session.scalar(select(func.count()).select_from(Region)) == s.regions
        assert session.scalar(select(func.count()).select_from(Observation)) == s.observations
        assert session.scalar(select(func.count()).select_from(Facility)) == s.facilities
        assert session.scalar(select(func.count()).select_from(Indicator)) == s.indicators


def test_region_hierarchy(demo: Built) -> None:
    with demo.ws.session() as session:
        regions = {r.key: r for r in session.scalars(select(Region))}
        land = regions["05"]
        assert (land.name, land.level, land.parent) == ("Nordrhein-Westfalen", "land", None)
        assert regions["059"].parent is regions["05"] and regions["059"].level == "regierungsbezirk"
        kreis = regions["05999"]
        assert (kreis.name, kreis.level, kreis.parent) == ("Kreis Lindental", "kreis", regions["059"])

        gemeinden = sorted(k for k, r in regions.items() if r.level == "gemeinde")
        assert gemeinden == [f"05999{n:03d}" for n in range(1, 13)]
        assert all(regions[k].parent is kreis for k in gemeinden)
        assert len({regions[k].name for k in gemeinden}) == 12
        assert regions["05999001"].name == "Lindental"

        parts = [r for r in regions.values() if r.level in ("sozialraum", "stadtteil")]
        assert len(parts) >= 40
        for part in parts:
            assert part.parent is not None and part.parent.level == "gemeinde"
            assert re.fullmatch(rf"{part.parent.key}-S\d\d", part.key)
        per_gemeinde = pd.Series([p.parent.key for p in parts]).value_counts()
        assert per_gemeinde.between(3, 6).all() and len(per_gemeinde) == 12


def test_population_sums_exactly_up_the_hierarchy(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = observations(conn, "BEV_ALTER")
    assert df["flag"].isna().all() and df["value"].notna().all()
    assert (df["value"] == df["value"].round()).all() and (df["value"] >= 0).all()
    assert set(df["period"]) == {f"{y}-12-31" for y in YEARS}
    keys = ["period", "dimensions"]
    for child_levels, parent_level in ((("sozialraum", "stadtteil"), "gemeinde"), (("gemeinde",), "kreis")):
        sums = (df[df["level"].isin(child_levels)].groupby(["parent", *keys])["value"].sum()
                .rename_axis(["region", *keys]))
        own = df[df["level"] == parent_level].set_index(["region", *keys])["value"]
        assert len(own) == len(sums)
        pd.testing.assert_series_equal(sums.sort_index(), own.sort_index(), check_names=False)
    # 19 age years x 3 sexes x 5 years for every region with a population
    assert (df.groupby("region").size() == 19 * 3 * 5).all()
    assert df["region"].nunique() == demo.summary.regions - 2  # not for Land and Regierungsbezirk


def test_population_total_is_male_plus_female_and_plausible(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = observations(conn, "BEV_ALTER")
    dims = {d: decode(d) for d in df["dimensions"].unique()}
    df["age"] = df["dimensions"].map(lambda d: int(dims[d]["Alter"]))
    df["sex"] = df["dimensions"].map(lambda d: dims[d]["Geschlecht"])
    assert sorted(df["age"].unique()) == list(range(19))
    wide = df.pivot_table(index=["region", "period", "age"], columns="sex", values="value", aggfunc="sum")
    assert (wide["Insgesamt"] == wide["männlich"] + wide["weiblich"]).all()

    kreis = wide.loc["05999"]["Insgesamt"]
    assert kreis.between(1_500, 3_000).all()
    # Cohorts age: next year's age a+1 is this year's age a, give or take a little migration.
    for year in YEARS[:-1]:
        for age in range(18):
            before = kreis[(f"{year}-12-31", age)]
            after = kreis[(f"{year + 1}-12-31", age + 1)]
            assert abs(after / before - 1) < 0.06
    # Boys are a little more numerous than girls, but not absurdly.
    share = wide["männlich"].sum() / wide["Insgesamt"].sum()
    assert 0.50 < share < 0.53


def test_births_match_age_zero(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        births = observations(conn, "GEBURTEN")
        age0 = frame(conn, OBSERVATIONS_SQL + " WHERE i.code = 'BEV_ALTER' AND o.dimensions = "
                     "'Alter=0|Geschlecht=Insgesamt'")
    assert set(births["level"]) == {"gemeinde", "kreis"}
    assert len(births) == 13 * 5
    merged = births.merge(age0, on=["region", "period"], suffixes=("_births", "_age0"))
    assert len(merged) == len(births)
    ratio = merged["value_births"] / merged["value_age0"]
    assert ratio.between(0.98, 1.1).all()


def test_social_indicators_per_sozialraum(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = frame(conn, OBSERVATIONS_SQL + " WHERE i.code IN ('SGB2_U15', 'ALLEINERZ', 'MIGR_U18')")
    assert set(df["level"]) <= {"sozialraum", "stadtteil"}
    assert len(df) == 3 * 5 * demo.summary.sozialraeume
    assert df["value"].between(0, 100).all()
    assert (df["value"] == df["value"].round(1)).all()
    sgb2 = df[df["code"] == "SGB2_U15"].groupby("region")["value"].mean()
    assert sgb2.max() > 25 and sgb2.min() < 8
    assert (sgb2 > 20).sum() >= 3  # a few clearly disadvantaged Sozialräume
    assert (sgb2 > 20).sum() <= 10
    # the social indicators point the same way
    by_code = df[df["period"] == "2024-12-31"].pivot(index="region", columns="code", values="value")
    ranks = by_code.rank()
    assert ranks["SGB2_U15"].corr(ranks["MIGR_U18"]) > 0.5
    assert ranks["SGB2_U15"].corr(ranks["ALLEINERZ"]) > 0.5


def test_indicators_and_dataset_provenance(demo: Built) -> None:
    with demo.ws.session() as session:
        indicators = {i.code: i for i in session.scalars(select(Indicator))}
        assert set(indicators) == {"BEV_ALTER", "SGB2_U15", "ALLEINERZ", "MIGR_U18", "GEBURTEN"}
        assert indicators["BEV_ALTER"].unit == "Personen" and indicators["SGB2_U15"].unit == "%"
        assert all(i.phase == "Bevölkerung/Kontext" for i in indicators.values())

        (dataset,) = session.scalars(select(Dataset)).all()
        assert dataset.file_name == "Demo-Daten (erzeugt)" and dataset.format == "demo"
        assert dataset.source == "Fiktive Beispieldaten, erzeugt von Bildungsplaner"
        assert re.fullmatch(r"[0-9a-f]{64}", dataset.sha256)
        assert dataset.row_count == demo.summary.observations
        other = select(func.count()).select_from(Observation).where(Observation.dataset_id != dataset.id)
        assert session.scalar(other) == 0
        assert session.scalar(select(func.count()).select_from(Facility).where(
            Facility.dataset_id.is_(None) | (Facility.dataset_id != dataset.id))) == 0

        demo_entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "demo")).all()
        assert len(demo_entries) == 1
        assert json.loads(demo_entries[0].details)["observations"] == demo.summary.observations


def test_facility_kinds_and_attributes(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = facilities(conn)
    kinds = df["kind"].value_counts()
    assert kinds["Grundschule"] >= 28
    assert kinds[list(SCHOOL_FORMS)].sum() >= 9 and set(kinds.index) >= SCHOOL_FORMS
    assert kinds["Kita"] >= 45
    assert kinds["Volkshochschule"] == 1 and kinds["Bibliothek"] == 2
    assert (df["offering"] == "digital").sum() == 1
    assert df.loc[df["kind"] == "Volkshochschule", "offering"].tolist() == ["both"]
    assert df["attributes"].map(
        lambda a: all(type(v) in (int, float) for v in a.values()) and bool(a)
    ).all()
    assert not df.duplicated(["kind", "key"]).any()
    assert df["region"].notna().all()

    schools = df[df["kind"].isin(SCHOOL_FORMS | {"Grundschule"})]
    assert schools["key"].str.fullmatch(r"\d{6}").all() and schools["key"].is_unique
    assert schools["phase"].eq("Schule").all()
    assert schools["region_level"].isin(["sozialraum", "stadtteil"]).all()
    assert schools["address"].str.fullmatch(r".+ \d+, \d{5} .+").all()
    for _, school in schools.iterrows():
        a = school["attributes"]
        grades = range(1, 5) if school["kind"] == "Grundschule" else range(5, 11)
        assert a["schueler"] == sum(a[f"schueler_kl{g}"] for g in grades), school["name"]
        assert all(a[f"schueler_kl{g}"] > 0 for g in grades)
        assert 1 <= a["sozialindex"] <= 9 and isinstance(a["sozialindex"], int)
        assert a["zuege"] >= 1
    gs = schools[schools["kind"] == "Grundschule"]
    assert gs["attributes"].map(lambda a: 0 < a["ogs_plaetze"] <= a["schueler"]).all()

    kitas = df[df["kind"] == "Kita"]
    assert kitas["phase"].eq("frühkindliche Bildung").all()
    kita_attributes = {"plaetze_u3", "plaetze_ue3", "kinder_u3", "kinder_ue3"}
    assert kitas["attributes"].map(lambda a: set(a) == kita_attributes).all()
    assert df.loc[df["kind"] == "Bibliothek", "phase"].eq("non-formale Bildung").all()


def test_sozialindex_follows_the_sgb2_share(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = facilities(conn)
        sgb2 = observations(conn, "SGB2_U15")
    share = sgb2[sgb2["period"] == "2024-12-31"].set_index("region")["value"]
    gs = df[df["kind"] == "Grundschule"].copy()
    gs["sozialindex"] = gs["attributes"].map(lambda a: a["sozialindex"])
    gs["sgb2"] = gs["region"].map(share)
    assert gs["sozialindex"].rank().corr(gs["sgb2"].rank()) > 0.7
    assert gs["sozialindex"].max() >= 8 and gs["sozialindex"].min() <= 2


def test_kita_and_school_sizes_fit_the_children(demo: Built) -> None:
    with demo.ws.engine.connect() as conn:
        df = facilities(conn)
        pop = frame(conn, OBSERVATIONS_SQL + " WHERE i.code = 'BEV_ALTER' AND r.key = '05999' AND "
                    "o.period = '2024-12-31' AND o.dimensions LIKE '%Geschlecht=Insgesamt'")
    by_age = pop.set_index(pop["dimensions"].map(lambda d: int(decode(d)["Alter"])))["value"].sort_index()
    total = df.groupby("kind")["attributes"].apply(lambda s: pd.DataFrame(list(s)).sum())
    places_u3, places_ue3 = total[("Kita", "plaetze_u3")], total[("Kita", "plaetze_ue3")]
    assert 0.25 < places_u3 / by_age.loc[0:2].sum() < 0.5
    assert 0.8 < places_ue3 / by_age.loc[3:5].sum() < 1.05
    pupils = total[("Grundschule", "schueler")]
    assert 0.85 < pupils / by_age.loc[6:9].sum() < 1.02


def test_two_builds_are_identical(demo: Built, tmp_path: Path) -> None:
    with open_workspace(tmp_path / "again.bpws") as ws:
        with ws.transaction() as s:
            summary = build_demo(s)
        assert summary == demo.summary
        with ws.engine.connect() as conn:
            second = _content(conn)
    with demo.ws.engine.connect() as conn:
        first = _content(conn)
    for table in first:
        assert first[table] == second[table], table


def _content(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    obs = conn.execute(text("""
        SELECT i.code, r.key, o.period, o.dimensions, o.value, o.flag FROM observation o
        JOIN indicator i ON i.id = o.indicator_id JOIN region r ON r.id = o.region_id
    """)).all()
    fac = conn.execute(text("""
        SELECT f.kind, f.key, f.name, f.phase, f.offering, f.address, f.attributes, r.key FROM facility f
        LEFT JOIN region r ON r.id = f.region_id
    """)).all()
    regions = conn.execute(text(
        "SELECT r.key, r.name, r.level, p.key FROM region r LEFT JOIN region p ON p.id = r.parent_id"
    )).all()
    indicators = conn.execute(text("SELECT code, name, unit, description, phase FROM indicator")).all()
    datasets = conn.execute(text(
        "SELECT file_name, sha256, format, title, stand, source, row_count FROM dataset"
    ))
    return {
        "observations": sorted(tuple(r) for r in obs),
        "facilities": sorted((*r[:6], json.dumps(json.loads(r[6]), sort_keys=True), r[7]) for r in fac),
        "regions": sorted(tuple(r) for r in regions),
        "indicators": sorted(tuple(r) for r in indicators),
        "datasets": sorted(tuple(r) for r in datasets.all()),
    }


def test_cancel_leaves_nothing_behind(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "cancelled.bpws") as ws:
        progress = RecordingProgress(cancel_after=2)
        with pytest.raises(Cancelled), ws.transaction() as s:
            build_demo(s, progress)
        assert len(progress.reports) == 2
        with ws.session() as session:
            for model in (Region, Dataset, Indicator, Observation, Facility):
                assert session.scalar(select(func.count()).select_from(model)) == 0, model.__name__
            assert session.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "demo")
            ) == 0
        # The workspace is still empty and usable: the demo can be built into it afterwards.
        with ws.transaction() as s:
            assert build_demo(s).facilities > 0


def test_refuses_a_workspace_that_already_has_regions(demo: Built) -> None:
    with pytest.raises(BildungsplanerError), demo.ws.transaction() as s:
        build_demo(s)
    with demo.ws.session() as session:
        assert session.scalar(select(func.count()).select_from(Region)) == demo.summary.regions


def test_the_demo_workspace_has_boundaries_and_its_map_draws(demo_workspace) -> None:
    """The built-in demo shows the map without any import: invented Gemeinden and Sozialräume in the Sauerland."""
    from bildungsplaner.services.geo import list_layers
    from bildungsplaner.services.maps import map_data

    layers = {layer.level: layer for layer in list_layers(demo_workspace)}
    assert set(layers) == {"gemeinde", "sozialraum"}
    assert "Erfundene Grenzen" in (layers["gemeinde"].source or "")
    gemeinden = map_data(demo_workspace, "BEV_ALTER", level="gemeinde")
    assert len(gemeinden.positions) == 12 and gemeinden.classes.no_data_count == 0
    lindental = map_data(demo_workspace, "SGB2_U15", level="sozialraum", within="05999001")
    assert 1 < len(lindental.positions) < 12 and lindental.classes.no_data_count == 0
