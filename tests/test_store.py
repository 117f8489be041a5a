"""The store on a real SQLite file: pragmas take effect, references are enforced, dimensions round-trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from bildungsplaner.store import dimensions
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region


def test_pragmas_are_in_effect_on_every_connection(workspace) -> None:
    with workspace.session() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "delete"


def test_a_reference_to_a_missing_region_raises(workspace) -> None:
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        s.add(Region(key="05999001", name="Lindental", level="gemeinde", parent_id=4711))


def test_an_observation_needs_existing_dataset_indicator_and_region(workspace) -> None:
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        s.add(Observation(dataset_id=1, indicator_id=1, region_id=1, period="2024"))


def test_a_region_with_observations_cannot_be_deleted(workspace) -> None:
    with workspace.transaction() as s:
        region = Region(key="05", name="Nordrhein-Westfalen", level="land")
        ind = Indicator(code="BEV", name="Bevölkerung")
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        s.add_all([region, ind, ds])
        s.flush()
        s.add(Observation(dataset_id=ds.id, indicator_id=ind.id, region_id=region.id, period="2024", value=1.0))
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        s.execute(text("DELETE FROM region"))


def test_region_keys_keep_leading_zeros_and_unknown_levels_are_refused(workspace) -> None:
    with workspace.transaction() as s:
        s.add(Region(key="05978004", name="Bergkamen", level="gemeinde"))
    with workspace.session() as s:
        assert s.execute(text("SELECT key FROM region")).scalar() == "05978004"
    with pytest.raises(IntegrityError), workspace.transaction() as s:
        s.add(Region(key="1", name="x", level="planet"))


def test_dimensions_have_one_canonical_text() -> None:
    assert dimensions.encode({"Geschlecht": "weiblich", "Alter": "5"}) == "Alter=5|Geschlecht=weiblich"
    assert dimensions.encode({}) == "" and dimensions.decode("") == {}


@given(st.dictionaries(st.text(min_size=1), st.text()))
def test_dimensions_round_trip_whatever_the_text(mapping: dict[str, str]) -> None:
    encoded = dimensions.encode(mapping)
    assert dimensions.decode(encoded) == mapping
    assert dimensions.encode(dict(reversed(list(mapping.items())))) == encoded
