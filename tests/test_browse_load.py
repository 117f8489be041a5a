"""``services.browse.load_observations`` on both back ends: the codes it builds chunk by chunk name the same
rows a plain SQL query returns, in natural order; empty selections and regions with empty names."""

from __future__ import annotations

import math
import random
import sqlite3
import sys
from typing import Any

import numpy as np
import pandas as pd
import pytest
from backends import Backend
from sqlalchemy import text

from bildungsplaner.services import browse
from bildungsplaner.services.browse import natural_key
from bildungsplaner.store.dimensions import encode
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region

PERIODS = ["2009", "2010", "2023-12-31", "2024-06-30", "2024-12-31"]
FLAGS = [None, None, None, "p", "r", ".", "s"]


def _fill(ws: Any) -> dict[str, int]:
    """A Kreis, 11 Gemeinden (one with an empty name) and two indicators; ~350 observations of BEV inserted in
    random order, so that the first fetched chunks do not hold every period, dimension or flag."""
    rng = random.Random(14)
    with ws.transaction() as s:
        kreis = Region(key="09999", name="Kreis Test", level="kreis")
        gemeinden = [Region(key=f"09999{i:03d}", name="" if i == 7 else f"Gemeinde {i}", level="gemeinde",
                            parent=kreis) for i in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)]
        dataset = Dataset(file_name="bev.csv", sha256="2" * 64, format="test", imported_by="test")
        bev = Indicator(code="BEV", name="Bevölkerung", unit="Personen")
        leer = Indicator(code="LEER", name="Ohne Werte", unit="")
        s.add_all([kreis, *gemeinden, dataset, bev, leer])
        s.flush()
        rows = []
        for region in [kreis, *gemeinden]:
            for period in PERIODS:
                for age in (2, 10, 65):
                    for sex in ("männlich", "weiblich", "Insgesamt"):
                        if rng.random() < 0.15 or (age == 65 and sex != "Insgesamt"):
                            continue  # gaps: not every region has every combination; 65 without Geschlecht
                        flag = rng.choice(FLAGS)
                        value = None if flag == "." else float(rng.randint(0, 5000))
                        dims = encode({"Alter": str(age), "Geschlecht": sex}) if age != 65 else encode({"Alter": "65"})
                        rows.append(dict(dataset_id=dataset.id, indicator_id=bev.id, region_id=region.id,
                                         period=period, dimensions=dims, value=value, flag=flag))
        rng.shuffle(rows)
        s.add_all([Observation(**row) for row in rows])
    return {"BEV": bev.id, "LEER": leer.id, "kreis": kreis.id, **{r.key: r.id for r in [kreis, *gemeinden]}}


def _plain_rows(backend: Backend, ws: Any, indicator_id: int) -> list[tuple]:
    """The same rows by a plain query with the names joined per row: sqlite3 on the file, SQL on the server."""
    sql = ("SELECT r.key, r.name, o.period, o.dimensions, o.value, o.flag FROM observation o "
           "JOIN region r ON r.id = o.region_id WHERE o.indicator_id = {p}")
    if backend.is_server:
        with ws.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql.format(p=":i")), {"i": indicator_id})]
    conn = sqlite3.connect(f"file:{backend.location}?mode=ro", uri=True)
    try:
        return conn.execute(sql.format(p="?"), (indicator_id,)).fetchall()
    finally:
        conn.close()


def _as_tuples(frame: pd.DataFrame) -> list[tuple]:
    def text_or_none(value: Any) -> Any:
        return None if value is None or (isinstance(value, float) and math.isnan(value)) else value

    return [(k, n, p, d, None if math.isnan(v) else v, text_or_none(f)) for k, n, p, d, v, f in zip(
        frame["region_key"], frame["region_name"], frame["period"], frame["dimensions"], frame["value"],
        frame["flag"].astype(object), strict=True)]


@pytest.mark.parametrize("fetch_chunk", [7, 100_000])
def test_the_loaded_codes_name_the_rows_of_a_plain_query(backend: Backend, monkeypatch: pytest.MonkeyPatch,
                                                         fetch_chunk: int) -> None:
    monkeypatch.setattr(browse, "FETCH_CHUNK", fetch_chunk)  # 7: ~50 chunks whose codes must be merged
    ws = backend.open()
    ids = _fill(ws)
    region_ids = [ids["kreis"], *(ids[f"09999{i:03d}"] for i in range(1, 12))]
    frame = browse.load_observations(ws, ids["BEV"], region_ids)

    expected = _plain_rows(backend, ws, ids["BEV"])
    assert len(frame) == len(expected) > 300
    assert sorted(_as_tuples(frame), key=repr) == sorted(expected, key=repr)
    # the region id of each row is the id of its key
    key_of = {v: k for k, v in ids.items() if k.startswith("09999")}
    assert [key_of[i] for i in frame["region_id"]] == list(frame["region_key"])
    # natural order: region key, period, dimensions (Alter 2 before Alter 10 before Alter 65)
    order = [(natural_key(k), natural_key(p), natural_key(d)) for k, p, d in
             zip(frame["region_key"], frame["period"], frame["dimensions"], strict=True)]
    assert order == sorted(order)
    assert list(frame["dimensions"].array.categories[:3]) == ["Alter=2|Geschlecht=Insgesamt",
                                                              "Alter=2|Geschlecht=männlich",
                                                              "Alter=2|Geschlecht=weiblich"]
    # columns and dtypes as the window and the pivot expect them
    assert tuple(frame.columns) == browse.OBSERVATION_COLUMNS
    assert frame["region_id"].dtype == np.int64 and frame["value"].dtype == np.float64
    for column in ("region_key", "region_name", "period", "dimensions", "flag"):
        assert isinstance(frame[column].dtype, pd.CategoricalDtype), column
    assert list(frame["flag"].array.categories) == [".", "p", "r", "s"]
    assert frame["value"].isna().sum() == (frame["flag"] == ".").sum() > 0
    # the Gemeinde with an empty name keeps it (an empty text, not a missing value)
    nameless = frame[frame["region_key"] == "09999007"]
    assert len(nameless) and set(nameless["region_name"]) == {""}


def test_empty_selections(backend_workspace: Any) -> None:
    ids = _fill(backend_workspace)
    empty = [browse.load_observations(backend_workspace, ids["BEV"], []),
             browse.load_observations(backend_workspace, ids["LEER"], [ids["kreis"], ids["09999001"]]),
             browse.load_observations(backend_workspace, ids["BEV"], [ids["kreis"]], periods=["1999"])]
    for frame in empty:
        assert frame.empty and tuple(frame.columns) == browse.OBSERVATION_COLUMNS
        assert isinstance(frame["period"].dtype, pd.CategoricalDtype) and frame["value"].dtype == np.float64
    only_2009 = browse.load_observations(backend_workspace, ids["BEV"], [ids["kreis"]], periods=["2009"])
    assert len(only_2009) and set(only_2009["period"]) == {"2009"}
    assert list(only_2009["period"].array.categories) == ["2009"]


@pytest.mark.parametrize("dimension_count", [700, 40_000])
def test_natural_order_is_a_stable_lexsort(dimension_count: int) -> None:
    """The radix path (codes within 16 bits) and the fallback (more dimensions) order like np.lexsort."""
    rng = np.random.default_rng(3)
    n = 50_000
    region = rng.integers(0, 60, n)
    period = rng.integers(-1, 25, n)  # -1: a missing code sorts first
    dimensions = rng.integers(-1, dimension_count, n)
    expected = np.lexsort((dimensions, period, region))
    assert np.array_equal(browse._natural_order(region, period, dimensions), expected)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="malloc_trim is glibc's")
def test_freed_memory_can_be_returned_on_linux() -> None:
    assert browse.release_free_memory() is True


def test_separator_characters_inside_the_texts_load_as_they_are(backend_workspace: Any,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Period, dimensions and flag are fetched as one text split at control characters; texts that contain
    those characters themselves (or an empty flag) still load exactly, through the three-column fetch."""
    ws = backend_workspace
    ids = _fill(ws)
    with ws.transaction() as s:
        dataset = s.get(Dataset, 1)
        assert dataset is not None
        strange = [("2030\x1f", encode({"Art": "a\x1fb"}), 1.0, None), ("2031", encode({"Art": "c\x1e"}), 2.0, ""),
                   ("2032", encode({"Art": "d"}), None, "\x1fx")]
        s.add_all([Observation(dataset_id=dataset.id, indicator_id=ids["LEER"], region_id=ids["09999001"],
                               period=p, dimensions=d, value=v, flag=f) for p, d, v, f in strange])
    calls: list[bool] = []
    load = browse._load

    def spy(*args: Any, combined: bool) -> pd.DataFrame:
        calls.append(combined)
        return load(*args, combined=combined)

    monkeypatch.setattr(browse, "_load", spy)
    frame = browse.load_observations(ws, ids["LEER"], [ids["09999001"]])
    assert calls == [True, False]  # the combined texts were ambiguous: fetched again as three columns
    assert list(frame["period"]) == ["2030\x1f", "2031", "2032"]
    assert list(frame["dimensions"]) == [encode({"Art": "a\x1fb"}), encode({"Art": "c\x1e"}), encode({"Art": "d"})]
    assert list(frame["flag"].astype(object).where(frame["flag"].notna(), None)) == [None, "", "\x1fx"]
    calls.clear()
    assert len(browse.load_observations(ws, ids["BEV"], [ids["09999001"]])) > 20
    assert calls == [True]  # ordinary texts: one fetch
