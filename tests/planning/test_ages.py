"""Age labels: single years of age, bands, open-ended bands; band-only population tables are refused."""

from __future__ import annotations

import pandas as pd
import pytest

from bildungsplaner import UserInputError
from bildungsplaner.planning.ages import AgeRange, format_ages, parse_age, single_year, single_year_population


@pytest.mark.parametrize(("label", "expected"), [
    ("unter 1 Jahr", AgeRange(0, 1)),
    ("1 bis unter 2 Jahre", AgeRange(1, 2)),
    ("17 bis unter 18 Jahre", AgeRange(17, 18)),
    ("  5  bis unter  6 Jahre ", AgeRange(5, 6)),
    ("unter 3 Jahre", AgeRange(0, 3)),
    ("3 bis unter 6 Jahre", AgeRange(3, 6)),
    ("6 bis 9 Jahre", AgeRange(6, 10)),
    ("6-9 Jahre", AgeRange(6, 10)),
    ("65 Jahre und mehr", AgeRange(65, None)),
    ("75 Jahre und älter", AgeRange(75, None)),
    ("90 Jahre und mehr", AgeRange(90, None)),
    ("ab 65 Jahren", AgeRange(65, None)),
    ("65+", AgeRange(65, None)),
    ("5", AgeRange(5, 6)),
    ("05", AgeRange(5, 6)),
    ("5 Jahre", AgeRange(5, 6)),
    ("1 Jahr", AgeRange(1, 2)),
    ("5-Jährige", AgeRange(5, 6)),
    (7, AgeRange(7, 8)),
    (7.0, AgeRange(7, 8)),
])
def test_labels_are_understood(label: object, expected: AgeRange) -> None:
    assert parse_age(label) == expected


@pytest.mark.parametrize("label", ["Insgesamt", "Zusammen", "", None, True, 7.5, float("nan"), "200", "über 65",
                                   "unter 0 Jahre", "6 bis unter 3 Jahre", "männlich"])
def test_totals_and_non_ages_are_none(label: object) -> None:
    assert parse_age(label) is None


def test_single_year_only_for_exactly_one_year() -> None:
    assert [single_year(x) for x in ("unter 1 Jahr", "9 bis unter 10 Jahre", "unter 3 Jahre", "65 Jahre und mehr",
                                     "Insgesamt", "12")] == [0, 9, None, None, None, 12]
    assert str(AgeRange(3, 6)) == "3 bis unter 6 Jahre" and str(AgeRange(65, None)) == "65 Jahre und mehr"
    assert str(AgeRange(1, 2)) == "1 Jahr" and str(AgeRange(4, 5)) == "4 Jahre"


def test_format_ages_joins_runs() -> None:
    assert format_ages([9, 1, 2, 3, 6, 8]) == "1–3, 6, 8–9"
    assert format_ages([4]) == "4" and format_ages([]) == ""


def _frame(labels: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"region_key": "05978004", "region_name": "Aheim", "year": 2024, "age_label": labels,
                         "value": [float(i) for i in range(len(labels))]})


def test_single_year_population_keeps_single_years_and_drops_bands_and_totals() -> None:
    frame = _frame(["unter 1 Jahr", "1 bis unter 2 Jahre", "2 bis unter 3 Jahre", "unter 3 Jahre", "Insgesamt",
                    "90 Jahre und mehr"])
    out = single_year_population(frame, [0, 1, 2])
    assert list(out.columns) == ["region_key", "region_name", "year", "value", "age"]
    assert out["age"].tolist() == [0, 1, 2] and out["value"].tolist() == [0.0, 1.0, 2.0]
    assert out["age"].dtype == "int64"


def test_band_only_population_is_refused_saying_what_is_needed() -> None:
    frame = _frame(["unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 10 Jahre", "Insgesamt"])
    with pytest.raises(UserInputError) as info:
        single_year_population(frame, range(10))
    message = str(info.value)
    assert "nach einzelnen Altersjahren gebraucht (Alter 0–9)" in message
    assert "nur Altersgruppen (0 bis unter 3 Jahre, 3 bis unter 6 Jahre, 6 bis unter 10 Jahre)" in message
    assert "„nach Altersjahren“" in message


def test_partly_missing_single_years_are_named() -> None:
    frame = _frame(["unter 1 Jahr", "1 bis unter 2 Jahre", "3 bis unter 6 Jahre"])
    with pytest.raises(UserInputError, match=r"es fehlen die Altersjahre 2–3; vorhanden sind die Altersjahre 0–1"):
        single_year_population(frame, [0, 1, 2, 3])
