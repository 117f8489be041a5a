"""``plan backtest`` on the demo workspace: the forecast made as if in 2020 against the years 2021–2024 observed
since, every figure recomputed here from the raw observations (read with plain sqlite3, not the services)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bildungsplaner.__main__ import main

NAME = "Kita-Bedarf Prognose 2020"
LINES = {"U3": (1, 2), "Ü3": (3, 4, 5)}
SURVIVAL = 1.005  # as in the demo scenario


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def raw_population(path: Path) -> dict[tuple[str, int, int], float]:
    """(Gemeinde key, year, age) → persons of both sexes, straight from the observation table."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "select r.key, o.period, o.dimensions, o.value from observation o "
            "join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
            "join dataset d on d.id = o.dataset_id "
            "where i.code = 'BEV_ALTER' and r.level = 'gemeinde' and d.superseded_by_id is null").fetchall()
    values = {}
    for key, period, dims, value in rows:
        parts = dict(p.split("=", 1) for p in dims.split("|"))
        if parts.get("Geschlecht") == "Insgesamt":
            values[(key, int(period[:4]), int(parts["Alter"]))] = value
    return values


def expected(pop: dict[tuple[str, int, int], float]) -> dict[tuple[str, str, int], tuple[float, float, float]]:
    """(region, line, year) → (scenario forecast, naive forecast, actual), from base year 2020.

    Scenario: age a in 2020 + k is age a − k of 2020 times 1.005^k; a cohort born after 2020 is the age-0 count
    of 2020 („mean-3“ over the only observed year up to 2020) times 1.005 per year of age. Naive: the same with
    survival 1 (no migration)."""
    regions = sorted({k for k, _, _ in pop})
    out = {}
    for region in regions:
        for line, ages in LINES.items():
            for year in range(2021, 2025):
                k = year - 2020
                scenario = naive = actual = 0.0
                for age in ages:
                    born = age - k
                    if born >= 0:
                        scenario += pop[(region, 2020, born)] * SURVIVAL ** k
                        naive += pop[(region, 2020, born)]
                    else:
                        scenario += pop[(region, 2020, 0)] * SURVIVAL ** age
                        naive += pop[(region, 2020, 0)]
                    actual += pop[(region, year, age)]
                out[(region, line, year)] = (scenario, naive, actual)
    return out


def test_backtest_of_the_demo_forecast_from_2020(demo_file, capsys) -> None:
    code, out, err = run(capsys, "plan", "backtest", NAME, "--json", "--workspace", str(demo_file))
    assert code == 0, err
    data = json.loads(out)
    assert data["base_year"] == 2020 and data["years"] == [2021, 2022, 2023, 2024]
    want = expected(raw_population(demo_file))
    rows = data["rows"]
    assert len(rows) == len(want) == 12 * 2 * 4 and not data["skipped"]
    for row in rows:
        scenario, naive, actual = want[(row["region_key"], row["line"], row["year"])]
        assert row["forecast"] == pytest.approx(scenario)
        assert row["naive"] == pytest.approx(naive)
        assert row["actual"] == actual
        assert row["error"] == pytest.approx(scenario - actual)
        assert row["pct_error"] == pytest.approx((scenario - actual) / actual * 100)

    pct = [(s - a) / a * 100 for s, _, a in want.values()]
    naive_pct = [(n - a) / a * 100 for _, n, a in want.values()]
    overall = data["summary"][-1]
    assert overall["line"] is None and overall["count"] == 96
    assert overall["mape"] == pytest.approx(sum(map(abs, pct)) / 96)
    assert overall["bias"] == pytest.approx(sum(pct) / 96)
    assert overall["within_5"] == pytest.approx(100 * sum(abs(p) <= 5 for p in pct) / 96)
    assert overall["within_10"] == pytest.approx(100 * sum(abs(p) <= 10 for p in pct) / 96)
    assert overall["naive_mape"] == pytest.approx(sum(map(abs, naive_pct)) / 96)
    assert overall["naive_bias"] == pytest.approx(sum(naive_pct) / 96)
    # plausible: a five-year-old forecast of small Gemeinden misses by a few percent, not by half
    assert 0.5 < overall["mape"] < 15 and 0.5 < overall["naive_mape"] < 15
    # the errors grow with the distance from the base year
    by_year = {(r["line"], r["year"]): r["mape"] for r in data["by_year"]}
    assert by_year[("U3", 2024)] > by_year[("U3", 2021)] and by_year[("Ü3", 2024)] > by_year[("Ü3", 2021)]


def test_backtest_as_text(demo_file, capsys) -> None:
    code, out, _ = run(capsys, "plan", "backtest", NAME, "--workspace", str(demo_file))
    assert code == 0
    assert "Basisjahr 2020, beobachtet 2021–2024" in out
    assert "Zusammenfassung" in out and "MAPE %" in out and "naiv MAPE %" in out
    summary = out.split("Zusammenfassung", 1)[1]
    assert [line.split()[0] for line in summary.splitlines() if line[:2] in ("U3", "Ü3", "al")] == ["U3", "Ü3",
                                                                                                    "alle"]


@pytest.mark.parametrize(("name", "message"), [
    ("Kita- und Ganztagsbedarf 2025-2030", "Basisjahr in der Vergangenheit"),
    ("Schulsozialarbeit Grundschulen 2027", "kein Bedarfsszenario"),
    ("Gibt es nicht", "gibt es im Arbeitsbereich nicht"),
])
def test_backtest_refused_with_a_german_message(demo_file, capsys, name, message) -> None:
    code, out, err = run(capsys, "plan", "backtest", name, "--workspace", str(demo_file))
    assert code == 2 and message in err and "Traceback" not in err and not out


def test_base_year_in_the_last_observed_year_is_refused(demo_file, tmp_path, capsys) -> None:
    from bildungsplaner.demo.scenarios import DEMAND_2020

    scenario = tmp_path / "spaet.toml"
    scenario.write_text(DEMAND_2020.replace("base_year = 2020", "base_year = 2024")
                        .replace(NAME, "Spät"), encoding="utf-8")
    ws = ["--workspace", str(demo_file)]
    assert run(capsys, "plan", "run", str(scenario), "--save", *ws)[0] == 0
    code, _, err = run(capsys, "plan", "backtest", "Spät", *ws)
    assert code == 2 and "liegt nicht in der Vergangenheit" in err and "bis 2024" in err


def test_years_after_the_horizon_are_not_compared(demo_file, tmp_path, capsys) -> None:
    from bildungsplaner.demo.scenarios import DEMAND_2020

    scenario = tmp_path / "kurz.toml"
    scenario.write_text(DEMAND_2020.replace("horizon = 2025", "horizon = 2022").replace(NAME, "Kurz"),
                        encoding="utf-8")
    ws = ["--workspace", str(demo_file)]
    assert run(capsys, "plan", "run", str(scenario), "--save", *ws)[0] == 0
    code, out, _ = run(capsys, "plan", "backtest", "Kurz", "--json", *ws)
    data = json.loads(out)
    assert code == 0 and data["years"] == [2021, 2022] and not data["skipped"]
    assert {r["year"] for r in data["rows"]} == {2021, 2022}


def test_a_missing_observation_is_listed_not_counted(demo_file, capsys) -> None:
    with sqlite3.connect(demo_file) as db:
        changed = db.execute(
            "update observation set value = null where period like '2023%' and dimensions = "
            "'Alter=4|Geschlecht=Insgesamt' and region_id = (select id from region where key = '05999002') and "
            "indicator_id = (select id from indicator where code = 'BEV_ALTER')").rowcount
    assert changed == 1
    ws = ["--workspace", str(demo_file)]
    data = json.loads(run(capsys, "plan", "backtest", NAME, "--json", *ws)[1])
    assert [(s["region_key"], s["line"], s["year"], s["reason"]) for s in data["skipped"]] == [
        ("05999002", "Ü3", 2023, "no_actual")]
    assert data["summary"][-1]["count"] == 95
    row = next(r for r in data["rows"] if (r["region_key"], r["line"], r["year"]) == ("05999002", "Ü3", 2023))
    assert row["actual"] is None and row["pct_error"] is None and row["forecast"] > 0
    out = run(capsys, "plan", "backtest", NAME, *ws)[1]
    assert "Nicht verglichen, weil die Beobachtung fehlt oder 0 ist (1)" in out and "05999002 Bergheide Ü3 2023" in out


def test_the_service_reports_progress_and_can_be_cancelled(demo_workspace) -> None:
    from bildungsplaner.progress import Cancelled, RecordingProgress
    from bildungsplaner.services.backtest import backtest

    progress = RecordingProgress()
    outcome = backtest(demo_workspace, NAME, progress)
    assert outcome.years == (2021, 2022, 2023, 2024)
    assert [f for f, _ in progress.reports] == sorted(f for f, _ in progress.reports) and progress.reports[-1][0] == 1
    with pytest.raises(Cancelled):
        backtest(demo_workspace, NAME, RecordingProgress(cancel_after=1))
