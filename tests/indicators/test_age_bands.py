"""Age bands: whole bands inside the range are summed, a straddling band is refused with its name, "all" is
the total, never an interpolation."""

from __future__ import annotations

import pytest

from bildungsplaner.indicators.ages import AgeBand, AgeError, age_request, band_of, bands_for

KITA = ["unter 3 Jahre", "3 bis unter 6 Jahre", "6 bis unter 14 Jahre", "Insgesamt"]
SINGLE = ["unter 1 Jahr", *(f"{a} bis unter {a + 1} Jahre" for a in range(1, 75)), "75 bis unter 80 Jahre",
          "80 bis unter 85 Jahre", "85 bis unter 90 Jahre", "90 Jahre und mehr", "Insgesamt"]


@pytest.mark.parametrize(("label", "band"), [
    ("unter 1 Jahr", AgeBand(0, 1)), ("1 bis unter 2 Jahre", AgeBand(1, 2)), ("3 bis unter 6 Jahre", AgeBand(3, 6)),
    ("65 Jahre und mehr", AgeBand(65, None)), ("unter 3 Jahre", AgeBand(0, 3)), ("Insgesamt", None),
    ("5 Jahre", AgeBand(5, 6)), ("Männer", None)])
def test_labels(label: str, band: AgeBand | None) -> None:
    assert band_of(label) == band


@pytest.mark.parametrize(("text", "band"), [
    ("0-5", AgeBand(0, 6)), ("3-5", AgeBand(3, 6)), ("65-", AgeBand(65, None)), ("-19", AgeBand(0, 20)),
    ("5", AgeBand(5, 6)), ("all", AgeBand(0, None))])
def test_requests(text: str, band: AgeBand) -> None:
    assert age_request(text) == band


@pytest.mark.parametrize("text", ["5-3", "drei", "0-5-7", ""])
def test_bad_requests_are_refused(text: str) -> None:
    with pytest.raises(AgeError, match="ages"):
        age_request(text)


def test_whole_bands_inside_the_range() -> None:
    assert bands_for(age_request("0-2"), KITA) == ["unter 3 Jahre"]
    assert bands_for(age_request("0-5"), KITA) == ["unter 3 Jahre", "3 bis unter 6 Jahre"]
    assert bands_for(age_request("0-2"), SINGLE) == ["unter 1 Jahr", "1 bis unter 2 Jahre", "2 bis unter 3 Jahre"]
    assert bands_for(age_request("65-"), SINGLE)[-1] == "90 Jahre und mehr"
    assert len(bands_for(age_request("65-"), SINGLE)) == 10 + 4


def test_a_straddling_band_is_refused_with_its_name() -> None:
    with pytest.raises(AgeError, match=r"„3 bis unter 6 Jahre“.*reicht über die Grenze"):
        bands_for(age_request("0-4"), KITA)
    with pytest.raises(AgeError, match="„75 bis unter 80 Jahre“"):
        bands_for(age_request("20-77"), SINGLE)


def test_all_is_the_total_not_a_sum() -> None:
    assert bands_for(age_request("all"), KITA) == ["Insgesamt"]
    assert bands_for(age_request("all"), ["unter 3 Jahre", "3 Jahre und mehr"]) == ["unter 3 Jahre",
                                                                                   "3 Jahre und mehr"]


def test_a_gap_is_refused() -> None:
    with pytest.raises(AgeError, match="decken"):
        bands_for(age_request("0-5"), ["unter 3 Jahre", "4 bis unter 6 Jahre"])


def test_overlapping_bands_still_tile_quickly() -> None:
    labels = [f"{a} bis unter {b} Jahre" for a in range(0, 90) for b in range(a + 1, min(a + 6, 91))]
    assert bands_for(age_request("0-89"), labels)[0] == "0 bis unter 5 Jahre"
    with pytest.raises(AgeError):
        bands_for(age_request("0-95"), [*labels, "92 Jahre und mehr"])
