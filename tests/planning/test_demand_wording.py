"""The wording of a demand forecast's note when fewer birth years are observed than the rule asks for."""

from __future__ import annotations

from planning.test_demand import column, forecast, make_spec, population


def test_a_single_observed_birth_year_is_named_in_the_singular() -> None:
    spec = make_spec({"horizon": 2025, "births": "mean-3"}, {"name": "U1", "ages": [0], "rate": 1.0})
    result = forecast(spec, population({("A", 2024): [20]}), None)
    assert column(result, "population") == [20.0, 20.0]
    assert result.warnings == ["Für „births = mean-3“ gibt es nur ein beobachtetes Jahr (2024); dessen Zahl wird "
                               "übernommen."]
