"""Golden values: the catalogue's Kennzahlen recomputed from the real GENESIS tables, rounded half-up to one
decimal, equal the published Regionalatlas values (issue 12, „Done means“)."""

from __future__ import annotations

import pytest

from bildungsplaner.indicators.compute import round_half_up
from bildungsplaner.services import indicators

GOLDEN = [
    ("BQ_U3", "DG", 2016, 32.7), ("BQ_3_6", "DG", 2016, 93.6),
    ("BQ_U3", "01001", 2016, 36.0),
    ("BQ_U3", "05315", 2016, 29.6), ("BQ_3_6", "05315", 2016, 95.9),
    ("BQ_U3", "05958", 2016, 26.2),
    ("BQ_U3", "05112", 2016, 17.6), ("BQ_3_6", "05112", 2016, 87.6),
    ("JUGENDQUOTIENT", "DG", 2015, 30.3), ("ALTENQUOTIENT", "DG", 2015, 34.7),
    ("JUGENDQUOTIENT", "01001", 2015, 27.8), ("ALTENQUOTIENT", "01001", 2015, 32.9),
    ("AUSLAENDERANTEIL", "05315", 2015, 18.3), ("AUSLAENDERANTEIL", "05112", 2015, 17.8),
    ("ABG_OHNE_HSA", "DG", 2015, 5.6), ("ABG_AHR", "DG", 2015, 34.0),
    ("ABG_OHNE_HSA", "01001", 2015, 8.5), ("ABG_AHR", "01001", 2015, 44.2),
    # place basis: above 100 % is real and is not capped (Aachen, krfr. Stadt)
    ("BQ_3_6", "05334002", 2016, 100.3),
]


def _value(ws, code: str, key: str, year: int) -> float | None:
    rows = [r for r in indicators.compute(ws, code).rows if r.region_key == key and r.period.startswith(str(year))]
    assert len(rows) == 1, f"{code} {key} {year}: {rows}"
    return rows[0].value


@pytest.mark.parametrize(("code", "key", "year", "published"), GOLDEN)
def test_published_values(real_workspace, code: str, key: str, year: int, published: float) -> None:
    assert round_half_up(_value(real_workspace, code, key, year), 1) == published


def test_the_betreuungsquote_uses_the_deduplicated_total_not_kita_plus_tagespflege(real_workspace) -> None:
    """Germany U3 2016: 719,558 ohne Doppelzählungen → 32.70; Kita 614,600 + Tagespflege 106,764 would give 32.78."""
    value = _value(real_workspace, "BQ_U3", "DG", 2016)
    assert value == pytest.approx(32.70, abs=0.005)
    assert round(value, 2) != 32.78


def test_the_result_period_is_the_first_inputs_and_the_population_is_of_the_year_before(real_workspace) -> None:
    result = indicators.compute(real_workspace, "BQ_U3", level="bund")
    assert [(r.region_key, r.period) for r in result.rows] == [("DG", "2016-03-01")]
    # the day-care years without a population of 31.12. of the year before are listed, not invented
    assert any("2015" in p and "2014" in p for p in result.problems)


def test_values_are_stored_unrounded(real_workspace) -> None:
    value = _value(real_workspace, "BQ_U3", "DG", 2016)
    assert value != round(value, 1)


def test_scope_by_level_and_within(real_workspace) -> None:
    rows = indicators.compute(real_workspace, "AUSLAENDERANTEIL", level="kreis", within="05").rows
    assert rows and all(r.region_key.startswith("05") and len(r.region_key) == 5 for r in rows)
    assert "05315" in {r.region_key for r in rows}


NAIVE = """format = 1
kind = "indicator"
code = "BQ_U3_NAIV"
name = "Kita + Tagespflege (falsch: doppelt gezählt)"
unit = "%"
formula = "100 * (kita + pflege) / bev"
[inputs.kita]
table = "22543-01-02-4"
measure = "Betreute Kinder"
where = { "Art der Kindertagesbetreuung" = "Tageseinrichtung", Altersgruppe = "unter 3 Jahre" }
[inputs.pflege]
table = "22543-01-02-4"
measure = "Betreute Kinder"
where = { "Art der Kindertagesbetreuung" = "Tagespflege", Altersgruppe = "unter 3 Jahre" }
[inputs.bev]
table = "12411-04-02-4"
measure = "Bevölkerungsstand"
where = { Geschlecht = "Insgesamt" }
ages = "0-2"
year_offset = -1
"""


def test_the_naive_sum_would_double_count(real_workspace) -> None:
    """What the catalogue avoids: Kita 614,600 + Tagespflege 106,764 = 721,364 gives 32.78, not the published 32.7."""
    report = indicators.check_definition(real_workspace, NAIVE, keys={"DG"})
    assert report.ok and report.row_count > 500
    assert [(r.region_key, r.period) for r in report.rows] == [("DG", "2016-03-01")]
    assert round(report.rows[0].value, 2) == 32.78
