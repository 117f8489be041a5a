"""Scenario inputs collected from a real workspace file (the demo Kreis Lindental)."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import select

from bildungsplaner import UserInputError
from bildungsplaner.services.planning_data import (
    NeedSource,
    capacity_frame,
    period_year,
    population_frame,
    recipients_frame,
)
from bildungsplaner.store.database import open_workspace
from bildungsplaner.store.models import Facility, Region


@pytest.fixture
def demo(demo_file):
    with open_workspace(demo_file) as ws:
        yield ws


def test_facility_recipients_carry_attributes_and_their_regions_indicator(demo) -> None:
    frame = recipients_frame(demo, type="facility", facility_kinds=["Grundschule"],
                             sources=[NeedSource("attribute:schueler"), NeedSource("indicator:SGB2_U15")])
    with demo.session() as s:
        schools = s.scalars(select(Facility).where(Facility.kind == "Grundschule").order_by(Facility.key)).all()
        first = schools[0]
        region_key = s.get(Region, first.region_id).key
    assert frame["key"].tolist() == [f.key for f in schools]
    row = frame.iloc[0]
    assert row["attribute:schueler"] == first.attributes["schueler"] and row["region_key"] == region_key
    assert frame.attrs["periods"] == {"indicator:SGB2_U15": "2024-12-31"}
    assert not frame["indicator:SGB2_U15"].isna().any()


def test_within_limits_recipients_to_a_region_at_any_depth(demo) -> None:
    everything = recipients_frame(demo, type="facility", facility_kinds=["Kita"])
    one = recipients_frame(demo, type="facility", facility_kinds=["Kita"], within="05999001")
    assert 0 < len(one) < len(everything)
    assert all(key.startswith("05999001") for key in one["key"])


def test_region_recipients_with_a_missing_indicator_value_are_nan_not_zero(demo) -> None:
    frame = recipients_frame(demo, type="region", region_level="gemeinde", sources=[NeedSource("indicator:SGB2_U15")])
    assert len(frame) == 12 and frame["indicator:SGB2_U15"].map(math.isnan).all()  # only Sozialräume have it


def test_unknown_things_are_refused_in_words(demo) -> None:
    with pytest.raises(UserInputError, match="Indikator „NIX“"):
        recipients_frame(demo, type="region", region_level="gemeinde", sources=[NeedSource("indicator:NIX")])
    with pytest.raises(UserInputError, match="Gebiet „99999“"):
        recipients_frame(demo, type="region", region_level="gemeinde", within="99999")
    with pytest.raises(UserInputError, match="nur bei Einrichtungen"):
        recipients_frame(demo, type="region", region_level="gemeinde", sources=[NeedSource("attribute:x")])
    with pytest.raises(UserInputError, match="bitte „dimensions“ angeben"):
        recipients_frame(demo, type="region", region_level="gemeinde", sources=[NeedSource("indicator:BEV_ALTER")])


def test_population_by_single_year_and_capacity_summed_up_from_sozialraeume(demo) -> None:
    pop = population_frame(demo, indicator="BEV_ALTER", level="gemeinde", dimensions={"Geschlecht": "Insgesamt"})
    assert sorted(pop["year"].unique().tolist()) == [2020, 2021, 2022, 2023, 2024]
    assert pop.groupby(["region_key", "year", "age_label"]).size().max() == 1
    capacity = capacity_frame(demo, level="gemeinde", facility_kinds=["Kita"], attribute="plaetze_u3")
    with demo.session() as s:
        total = sum(f.attributes["plaetze_u3"] for f in s.scalars(select(Facility).where(Facility.kind == "Kita")))
    assert capacity["capacity"].sum() == total and len(capacity) == 12


@pytest.mark.parametrize(("period", "year"), [("2015-12-31", 2015), ("2024/25", 2024), ("2023", 2023), ("x", None)])
def test_period_year(period: str, year: int | None) -> None:
    assert period_year(period) == year
