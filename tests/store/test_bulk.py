"""The fast insert every import and computation writes through (:mod:`bildungsplaner.store.bulk`).

On SQLite it sends 100 rows per statement with their values flattened, on PostgreSQL it streams COPY; whatever
the number of rows, every row arrives once, in its order, with its values as given (texts, None, floats,
integers), and the ids follow the order of the rows - the import history and the browse window rely on both.
"""

from __future__ import annotations

import gc
import math
import os
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bildungsplaner import UserInputError
from bildungsplaner.services.importing import import_file
from bildungsplaner.store import bulk
from bildungsplaner.store.models import Dataset, Indicator, Observation, Region

COLUMNS = ("dataset_id", "indicator_id", "region_id", "period", "dimensions", "value", "flag")

values = st.one_of(st.none(), st.floats(allow_nan=False, width=64), st.integers(-2**53, 2**53).map(float))
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pool=st.lists(st.tuples(st.integers(0, 2), texts, texts, values, st.none() | st.sampled_from(".-xp")),
                     min_size=1, max_size=20),
       n=st.integers(0, 450), chunk_rows=st.sampled_from([7, 100, 250, 50_000]), as_array=st.booleans(),
       null_value=st.booleans())
def test_every_row_arrives_once_in_its_order_with_its_values(backend_workspace, pool, n, chunk_rows,
                                                             as_array, null_value) -> None:
    """As tuples and as an object array (``object_rows``, what the import passes); on SQLite in statements of
    100 rows, on PostgreSQL through COPY. A NULL given as ``None`` or as what ``null_value`` names for the
    database (NaN on SQLite) is stored as NULL."""
    workspace = backend_workspace
    # up to 450 rows (statements of 100 and a rest), each told apart by its number in the dimensions
    rows = [(r, period, f"{dims}#{i}", value, flag) for i, (r, period, dims, value, flag)
            in ((i, pool[i % len(pool)]) for i in range(n))]
    with workspace.transaction() as s:
        regions = [Region(key=f"0599900{i}", name=f"Ort {i}", level="gemeinde") for i in range(3)]
        ind, ds = Indicator(code="BEV", name="Bevölkerung"), Dataset(file_name="a.csv", sha256="1" * 64,
                                                                    format="csv", imported_by="t")
        s.add_all([*regions, ind, ds])
        s.flush()
        given_rows = [(ds.id, ind.id, regions[r].id, period[:20], dims, value, flag)
                      for r, period, dims, value, flag in rows]
        chunks: list[int] = []
        null = bulk.null_value(s) if null_value else None
        sent = [row[:5] + tuple(null if v is None else v for v in row[5:]) for row in given_rows]
        data = (bulk.object_rows(len(sent), [ds.id, ind.id, np.array([regions[r].id for r, *_ in rows]),
                                             *([row[i] for row in sent] for i in range(3, 7))])
                if as_array else iter(sent))
        assert bulk.insert_rows(s, Observation.__table__, COLUMNS, data, chunk_rows=chunk_rows,
                                after_chunk=chunks.append) == len(rows)
        stored = s.execute(select(Observation.id, *(getattr(Observation, c) for c in COLUMNS))
                           .where(Observation.dataset_id == ds.id).order_by(Observation.id)).all()
        s.rollback()
    assert [tuple(row[1:]) for row in stored] == given_rows
    ids = [row[0] for row in stored]
    assert ids == sorted(ids)
    assert chunks == [min(len(rows), k) for k in range(chunk_rows, len(rows) + chunk_rows, chunk_rows)]


def test_null_is_nan_on_sqlite_bound_as_null_and_none_elsewhere(backend_workspace) -> None:
    """What ``null_value`` names binds as a real NULL (``IS NULL``, no number, no text 'NaN'), in a number and in
    a text column."""
    with backend_workspace.transaction() as s:
        null = bulk.null_value(s)
        if s.get_bind().dialect.name == "sqlite":
            assert isinstance(null, float) and math.isnan(null)
        else:
            assert null is None
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        ind, region = Indicator(code="BEV", name="Bevölkerung"), Region(key="05999001", name="Ort", level="gemeinde")
        s.add_all([ds, ind, region])
        s.flush()
        rows = [(ds.id, ind.id, region.id, "2024", f"Alter={i}", null if i % 2 else 1.5, null) for i in range(250)]
        bulk.insert_rows(s, Observation.__table__, COLUMNS, bulk.object_rows(len(rows), list(zip(*rows, strict=True))))
        nulls = s.execute(select(func.count()).where(Observation.dataset_id == ds.id, Observation.value.is_(None),
                                                     Observation.flag.is_(None))).scalar_one()
        numbers = s.execute(select(func.count()).where(Observation.value == 1.5)).scalar_one()
        s.rollback()
    assert (nulls, numbers) == (125, 125)


def test_rows_of_a_table_whose_statement_cannot_take_100_rows_go_in_smaller_statements(workspace) -> None:
    """A wide table: 100 rows would pass the 999 values an older SQLite takes per statement."""
    assert bulk._MAX_PARAMETERS // len(COLUMNS) >= bulk.ROWS_PER_STATEMENT
    with workspace.transaction() as s:
        ds = Dataset(file_name="a.csv", sha256="1" * 64, format="csv", imported_by="t")
        ind = Indicator(code="BEV", name="Bevölkerung")
        region = Region(key="05999001", name="Lindental", level="gemeinde")
        s.add_all([ds, ind, region])
        s.flush()
        rows = [(ds.id, ind.id, region.id, "2024", f"Alter={i}", math.pi * i, None) for i in range(1_234)]
        old = bulk._MAX_PARAMETERS
        bulk._MAX_PARAMETERS = 7 * 30  # 30 rows per statement
        try:
            bulk.insert_rows(s, Observation.__table__, COLUMNS, rows)
        finally:
            bulk._MAX_PARAMETERS = old
    with workspace.session() as s:
        assert s.execute(select(*(getattr(Observation, c) for c in COLUMNS)).order_by(Observation.id)).all() == rows


def test_the_collector_pause_nests_across_threads_and_restores_what_was_before() -> None:
    assert gc.isenabled()
    inner_started, outer_may_end = threading.Event(), threading.Event()
    seen: list[bool] = []

    def inner() -> None:
        with bulk.bulk_job():
            inner_started.set()
            outer_may_end.wait(5)
        seen.append(gc.isenabled())

    with bulk.bulk_job():
        assert not gc.isenabled()
        worker = threading.Thread(target=inner)
        worker.start()
        inner_started.wait(5)
    assert not gc.isenabled()  # the other thread's bulk job still runs
    outer_may_end.set()
    worker.join(5)
    assert seen == [True] and gc.isenabled()
    gc.disable()
    try:
        with bulk.bulk_job():
            pass
        assert not gc.isenabled()  # whoever turned it off keeps it off
    finally:
        gc.enable()


def test_an_import_leaves_the_collector_on_even_when_it_fails(workspace, tmp_path) -> None:
    bad = tmp_path / "leer.csv"
    bad.write_text("", encoding="utf-8")
    with pytest.raises(UserInputError):
        import_file(workspace, bad)
    assert gc.isenabled()


def _resident_mib() -> float:
    return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


@pytest.mark.skipif(bulk._glibc() is None, reason="the heap is only kept with the GNU C library (Linux)")
def test_a_bulk_job_keeps_freed_memory_for_the_next_array_and_returns_it_afterwards() -> None:
    """Inside a bulk job, freed arrays stay with the process (the next one needs no fresh pages from the
    kernel); when the job ends, the memory goes back to the system."""
    with bulk.bulk_job():
        arrays = [np.ones(4_000_000) for _ in range(5)]  # 5 × 30 MiB, each touched
        before_free = _resident_mib()
        del arrays
        kept = _resident_mib()
        assert kept > before_free - 20  # nothing of the 150 MiB went back
    after = _resident_mib()
    assert after < kept - 100  # returned at the end of the job


@given(st.lists(st.one_of(st.integers(-3, 3).map(float), st.just(math.nan), st.floats(allow_nan=False, width=32)),
                max_size=60))
def test_shared_objects_are_the_numbers_with_none_for_nan_and_one_object_per_value(values: list[float]) -> None:
    shared = bulk.shared_objects(np.asarray(values, dtype="float64"))
    assert shared.dtype == object and len(shared) == len(values)
    assert [None if math.isnan(v) else v for v in values] == shared.tolist()
    assert all(type(v) in (float, type(None)) for v in shared.tolist())
    first: dict[float, object] = {}
    for obj in shared.tolist():
        if obj is not None:
            assert first.setdefault(obj, obj) is obj  # equal numbers: the same object
    ids = bulk.shared_objects(np.asarray([7, 300, 7, 300], dtype=np.int64)).tolist()
    assert ids == [7, 300, 7, 300] and type(ids[1]) is int and ids[1] is ids[3]
