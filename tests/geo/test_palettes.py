"""Map colours (bildungsplaner/geo/palettes.py): ColorBrewer's published colour-blind-safe schemes, diverging
only around a chosen midpoint, „keine Daten“ grey apart from every class, readable label text."""

from __future__ import annotations

import re

import pytest

from bildungsplaner import UserInputError
from bildungsplaner.geo import palettes
from bildungsplaner.geo.palettes import (
    DIVERGING,
    NO_DATA,
    PALETTES,
    SEQUENTIAL,
    contrast_ratio,
    palette,
    relative_luminance,
    text_colour,
)

HEX = re.compile(r"^#[0-9a-f]{6}$")


def test_the_offered_palettes_are_colour_blind_safe_colorbrewer_schemes():
    assert {"Blues", "Greens", "Oranges", "Purples", "YlGnBu", "YlOrRd"} <= set(SEQUENTIAL)
    assert set(DIVERGING) == {"RdBu", "PuOr", "BrBG"}
    # ColorBrewer marks these not colour-blind safe; Greys would look like „keine Daten“
    assert not {"RdYlGn", "Spectral", "RdGy", "Set1", "Paired", "Greys"} & set(PALETTES)


def test_colorbrewer_published_values_spot_checks():
    assert palette("Blues", 5) == ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
    assert palette("YlOrRd", 3) == ("#ffeda0", "#feb24c", "#f03b20")
    assert palette("RdBu", 5) == ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0")
    assert palette("BrBG", 7)[3] == "#f5f5f5"


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("count", range(3, 8))
def test_every_palette_has_count_distinct_hex_colours_and_none_is_the_no_data_grey(name, count):
    colours = palette(name, count)
    assert len(colours) == count == len(set(colours))
    assert all(HEX.match(c) for c in colours)
    assert NO_DATA not in colours


@pytest.mark.parametrize("name", SEQUENTIAL)
@pytest.mark.parametrize("count", range(3, 8))
def test_sequential_palettes_run_from_light_to_dark(name, count):
    lum = [relative_luminance(c) for c in palette(name, count)]
    assert lum == sorted(lum, reverse=True)


@pytest.mark.parametrize("name", PALETTES)
@pytest.mark.parametrize("count", range(3, 8))
def test_label_text_on_every_class_colour_reaches_4_5_to_1(name, count):
    for colour in palette(name, count):
        text = text_colour(colour)
        assert text in ("#000000", "#ffffff")
        assert contrast_ratio(colour, text) >= 4.5, (name, count, colour, text)
    assert contrast_ratio(NO_DATA, text_colour(NO_DATA)) >= 4.5


def test_text_colour_picks_white_on_dark_and_black_on_light():
    assert text_colour("#08519c") == "#ffffff"
    assert text_colour("#eff3ff") == "#000000"
    assert text_colour("#000000") == "#ffffff"
    assert round(contrast_ratio("#000000", "#ffffff"), 6) == 21.0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)


def test_a_diverging_palette_without_midpoint_is_colorbrewers_symmetric_one():
    assert palette("PuOr", 6) == palettes._DIVERGING["PuOr"][6]


@pytest.mark.parametrize("name", DIVERGING)
@pytest.mark.parametrize("count", range(3, 8))
def test_the_midpoint_class_is_neutral_and_steps_are_symmetric(name, count):
    neutral = palettes._DIVERGING[name][3][1]
    for middle in range(count):
        if max(middle, count - 1 - middle) > 5:
            continue
        colours = palette(name, count, diverging_midpoint_class=middle)
        assert len(colours) == count == len(set(colours))
        assert colours[middle] == neutral
        side = max(middle, count - 1 - middle, 1)
        full = palettes._DIVERGING[name][2 * side + 1]
        for offset in range(1, side + 1):  # one step from the midpoint is the same step on both sides
            if middle - offset >= 0:
                assert colours[middle - offset] == full[side - offset]
            if middle + offset < count:
                assert colours[middle + offset] == full[side + offset]


def test_midpoint_refusals_are_german():
    with pytest.raises(UserInputError, match="Blues ist einseitig"):
        palette("Blues", 5, diverging_midpoint_class=2)
    with pytest.raises(UserInputError, match="Klassen 1 bis 5 liegen, nicht in Klasse 6"):
        palette("RdBu", 5, diverging_midpoint_class=5)
    with pytest.raises(UserInputError, match="zu nah am Rand"):
        palette("RdBu", 7, diverging_midpoint_class=0)


def test_unknown_names_and_counts_are_refused():
    with pytest.raises(UserInputError, match="Unbekannte Farbpalette „Jet“"):
        palette("Jet", 5)
    with pytest.raises(UserInputError, match="3 bis 7 Klassen, nicht 8"):
        palette("Blues", 8)


def test_one_or_two_classes_take_colours_of_the_three_class_palette():
    three = palette("Greens", 3)
    assert palette("Greens", 1) == (three[1],)
    assert palette("Greens", 2) == (three[0], three[2])


def test_the_module_credits_colorbrewer():
    assert "Cynthia Brewer" in (palettes.__doc__ or "") and "Apache License" in (palettes.__doc__ or "")
