"""Import templates with coordinates: ``[facilities] x``/``y``/``crs`` and ``[regions] fixed`` are read strictly,
with German messages, written back unchanged, and applied to a table (numbers per row, lon/lat with a dot)."""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.importing.template import DEFAULT_CRS, ImportTemplate, RegionMapping, TemplateError
from bildungsplaner.importing.template_apply import apply_template

TEXT = """
format = 1
name = "Grundschulen Köln mit Lage"
target = "facilities"
[facilities]
key = "Schulnummer"
name = "Name"
fixed_kind = "Grundschule"
phase = "Schule"
x = "Länge"
y = "Breite"
crs = "EPSG:4326"
"""


def template(**facilities: Any) -> ImportTemplate:
    base = ImportTemplate.loads(TEXT)
    assert base.facilities is not None
    return dataclasses.replace(base, facilities=dataclasses.replace(base.facilities, **facilities))


def test_coordinates_and_a_fixed_region_survive_the_round_trip() -> None:
    loaded = ImportTemplate.loads(TEXT)
    assert loaded.facilities is not None
    assert (loaded.facilities.x, loaded.facilities.y, loaded.facilities.crs) == ("Länge", "Breite", "EPSG:4326")
    assert ImportTemplate.from_dict(loaded.to_dict()) == loaded
    assert ImportTemplate.loads(loaded.dumps()) == loaded
    fixed = dataclasses.replace(loaded, regions=RegionMapping(fixed="05315000"))
    assert ImportTemplate.from_dict(fixed.to_dict()) == fixed
    assert fixed.to_dict()["regions"] == {"fixed": "05315000"}
    assert "Länge" in loaded.columns() and "Breite" in loaded.columns()


def test_the_default_crs_is_utm_32_and_is_not_written() -> None:
    utm = template(crs=DEFAULT_CRS)
    assert DEFAULT_CRS == "EPSG:25832"
    assert "crs" not in utm.to_dict()["facilities"]
    assert ImportTemplate.from_dict(utm.to_dict()).facilities.crs == "EPSG:25832"  # type: ignore[union-attr]


@pytest.mark.parametrize("crs", ["EPSG:999999", "UTM irgendwas", "Gauß-Krüger"])
def test_an_unknown_crs_is_refused_in_german_naming_the_key(crs: str) -> None:
    with pytest.raises(TemplateError) as info:
        template(crs=crs).validate()
    message = str(info.value)
    assert message.startswith("Importvorlage: „facilities.crs“ ist kein bekanntes Koordinatensystem")
    assert crs in message and "EPSG:4326" in message


def test_x_without_y_is_refused() -> None:
    with pytest.raises(TemplateError, match=r"„facilities\.x“ und „facilities\.y“.*beide angeben oder keine"):
        template(y=None).validate()


def test_a_fixed_region_excludes_region_columns_and_other_targets() -> None:
    with pytest.raises(TemplateError, match=r"schließt „regions\.key“ und „regions\.name“ aus"):
        dataclasses.replace(template(), regions=RegionMapping(key="AGS", fixed="05315000")).validate()
    with pytest.raises(TemplateError, match="gilt nur für Einrichtungen"):
        ImportTemplate.loads('format = 1\nname = "x"\ntarget = "observations"\n[regions]\nfixed = "05"\n'
                             '[observations]\nfixed_period = "2024"\n[[observations.measures]]\ncolumn = "Wert"\n')
    with pytest.raises(TemplateError, match="führende Nullen"):  # a key written as a number loses its zero
        ImportTemplate.loads(TEXT.replace('[facilities]', '[regions]\nfixed = 5315000\n[facilities]'))


def test_coordinates_are_read_per_row_lon_lat_with_a_dot_and_empty_cells_stay_empty() -> None:
    frame = pd.DataFrame({"Schulnummer": ["1", "2", "3"], "Name": ["Dom", "Hbf", "ohne"],
                          # three decimals: read German this would be 6958 and 50941
                          "Länge": ["6.958", "7.459", ""], "Breite": ["50.941", "51.518", ""]})
    batch = apply_template(template(), frame, format="csv")
    assert batch.meta["crs"] == "EPSG:4326"
    assert batch.rows["x"].tolist()[:2] == [6.958, 7.459] and batch.rows["y"].tolist()[:2] == [50.941, 51.518]
    assert np.isnan(batch.rows["x"].iat[2]) and np.isnan(batch.rows["y"].iat[2])
    # German decimal commas in the same columns
    german = frame.assign(Länge=["6,958", "7,459", ""], Breite=["50,941", "51,518", ""])
    assert apply_template(template(), german, format="csv").rows["x"].tolist()[:2] == [6.958, 7.459]


def test_utm_coordinates_with_german_grouping() -> None:
    frame = pd.DataFrame({"Schulnummer": ["1"], "Name": ["Dom"], "Länge": ["356.541,2"], "Breite": ["5.645.200"]})
    batch = apply_template(template(crs="EPSG:25832"), frame, format="csv")
    assert batch.rows["x"].tolist() == [356541.2] and batch.rows["y"].tolist() == [5645200.0]


def test_non_numeric_coordinates_are_an_error_naming_row_and_column() -> None:
    frame = pd.DataFrame({"Schulnummer": ["1", "2"], "Name": ["Dom", "Hbf"], "Länge": ["6.958", "sieben"],
                          "Breite": ["50.941", "51.518"]})
    with pytest.raises(UserInputError) as info:
        apply_template(template(), frame, format="csv")
    assert str(info.value) == "Spalte „Länge“, Zeile 3: „sieben“ ist keine Zahl."


def test_a_fixed_region_is_every_rows_region() -> None:
    fixed = dataclasses.replace(template(), regions=RegionMapping(fixed="05315000"))
    frame = pd.DataFrame({"Schulnummer": ["1", "2"], "Name": ["Dom", "Hbf"], "Länge": ["6.958", ""],
                          "Breite": ["50.941", ""]})
    assert apply_template(fixed, frame, format="csv").rows["region_key"].tolist() == ["05315000", "05315000"]


def test_a_template_without_coordinates_gives_a_batch_without_them() -> None:
    plain = template(x=None, y=None)
    frame = pd.DataFrame({"Schulnummer": ["1"], "Name": ["Dom"]})
    batch = apply_template(plain, frame, format="csv")
    assert "x" not in batch.rows.columns and "crs" not in batch.meta
