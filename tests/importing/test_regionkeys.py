"""Region keys stay text; levels, parents, AGS from ARS, leading-zero repair."""

from __future__ import annotations

import pytest

from bildungsplaner.importing.regionkeys import (
    ags_for_key,
    ags_from_ars,
    ancestor_keys,
    is_region_key,
    key_level,
    parent_key,
    repair_leading_zero,
)


@pytest.mark.parametrize(
    ("key", "level"),
    [
        ("DG", "bund"),
        ("05", "land"),
        ("059", "regierungsbezirk"),
        ("05978", "kreis"),
        ("0713101", "gemeindeverband"),
        ("05978004", "gemeinde"),
        ("059780004", "gemeindeverband"),
        ("0713101001", "gemeinde"),
        ("03151401002", "gemeinde"),
        ("059780004004", "gemeinde"),
    ],
)
def test_key_level(key: str, level: str) -> None:
    assert key_level(key) == level


def test_levels_are_region_levels_of_the_store() -> None:
    from bildungsplaner.store.models import RegionLevel

    for key in ("DG", "05", "059", "05978", "0713101", "05978004", "059780004", "059780004004"):
        assert RegionLevel(key_level(key))


@pytest.mark.parametrize(
    "key",
    ["", "5", "5978", "597800", "5978004", "59780004004", "0597800400400", "DE", "05 978", "O5978", "٠٥"],
)
def test_not_a_key(key: str) -> None:
    assert not is_region_key(key)
    with pytest.raises(ValueError):
        key_level(key)
    with pytest.raises(ValueError):
        parent_key(key)


@pytest.mark.parametrize(
    ("key", "parent"),
    [
        ("DG", None),
        ("05", "DG"),
        ("059", "05"),
        ("05978", "059"),
        ("01001", "01"),  # Schleswig-Holstein has no Regierungsbezirke
        ("11001", "11"),  # Berlin's Bezirke
        ("0713101", "07131"),
        ("05978004", "05978"),
        ("059780004", "05978"),
        ("0713101001", "0713101"),
        ("03151401002", "03151401"),
        ("059780004004", "059780004"),
    ],
)
def test_parent_key(key: str, parent: str | None) -> None:
    assert parent_key(key) == parent


def test_ancestor_keys() -> None:
    assert ancestor_keys("05978004") == ["05978", "059", "05", "DG"]
    assert ancestor_keys("059780004004") == ["059780004", "05978", "059", "05", "DG"]
    assert ancestor_keys("DG") == []


def test_ags_from_ars() -> None:
    assert ags_from_ars("059780004004") == "05978004"
    with pytest.raises(ValueError):
        ags_from_ars("05978004")


@pytest.mark.parametrize(
    ("key", "ags"),
    [
        ("05978004", "05978004"),
        ("0713101001", "07131001"),
        ("0713100007", "07131007"),
        ("03151401002", "03151002"),
        ("059780004004", "05978004"),
        ("05978", None),
        ("0713101", None),
        ("DG", None),
    ],
)
def test_ags_for_key(key: str, ags: str | None) -> None:
    assert ags_for_key(key) == ags


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("5978004", ("05978004", True)),  # 7 -> 8
        ("5978", ("05978", True)),  # 4 -> 5
        ("5", ("05", True)),  # 1 -> 2
        ("59780004004", ("059780004004", True)),  # 11 -> 12
        ("0713101", ("0713101", False)),  # a real 7-digit Verbandsgemeinde key
        ("03151401002", ("03151401002", False)),  # a real 11-digit key (Lower Saxony)
        ("0", ("0", False)),
        ("31", ("31", False)),  # Land or stripped Regierungsbezirk: ambiguous
        ("713100007", ("713100007", False)),  # 9 digits: ambiguous
        ("05978004", ("05978004", False)),
        ("DG", ("DG", False)),
        ("", ("", False)),
        ("Bergkamen", ("Bergkamen", False)),
    ],
)
def test_repair_leading_zero(key: str, expected: tuple[str, bool]) -> None:
    assert repair_leading_zero(key) == expected


def test_repaired_keys_are_keys_of_the_right_level() -> None:
    assert key_level(repair_leading_zero("5978004")[0]) == "gemeinde"
    assert key_level(repair_leading_zero("5978")[0]) == "kreis"
    assert key_level(repair_leading_zero("5")[0]) == "land"
