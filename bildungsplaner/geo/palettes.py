"""Colours for choropleth maps (issue 13 points 2 and 5; ``DESIGN.md`` „Boundaries“); no Qt.

Rules:

- Only ColorBrewer schemes that ColorBrewer marks **colour-blind safe** for every class count offered here:
  sequential (light = low, dark = high) :data:`SEQUENTIAL` and diverging :data:`DIVERGING`. Greys is left
  out on purpose: „keine Daten“ is grey (:data:`NO_DATA`, drawn hatched with :data:`NO_DATA_HATCH`) and must
  never look like a class.
- The colours are ColorBrewer's published values for each class count (a 5-class palette is not the first
  five of the 7-class one), as hex strings ``"#rrggbb"``, lowest class first.
- 3 to 7 classes, as the map offers; a classification that found only 1 or 2 distinct values (see
  :mod:`bildungsplaner.geo.classify`) gets the ends (and middle) of the 3-class palette.
- Diverging palettes only around a midpoint: without ``diverging_midpoint_class`` ColorBrewer's symmetric
  palette (odd counts: the middle class neutral; even counts: the midpoint lies on the middle break). With
  it, class ``diverging_midpoint_class`` (0-based, as :meth:`Classes.class_of
  <bildungsplaner.geo.classify.Classes.class_of>` numbers them) gets the neutral colour and the classes on
  either side take the matching steps of the larger symmetric palette, so one colour step means the same
  distance from the midpoint on both sides (at most 5 steps a side: ColorBrewer's diverging schemes end at 11).
- Label text on a class colour is black or white, whichever contrasts more (WCAG 2 relative luminance);
  with either the contrast is at least 4.5:1 (the worst case, luminance ≈ 0.18, still gives 4.58:1).

Colour specifications and designs developed by Cynthia Brewer (ColorBrewer, colorbrewer2.org), Pennsylvania
State University; used under the Apache License, Version 2.0. The values below are ColorBrewer's unchanged.
"""

from __future__ import annotations

from bildungsplaner import UserInputError
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr

__all__ = ["DIVERGING", "NO_DATA", "NO_DATA_HATCH", "PALETTES", "SEQUENTIAL", "contrast_ratio", "palette",
           "relative_luminance", "text_colour"]

#: „keine Daten“: a light grey fill, hatched in a darker grey (never white, never a class colour).
NO_DATA = "#d9d9d9"
NO_DATA_HATCH = "#737373"  # 3.4:1 on NO_DATA (WCAG 1.4.11: graphical objects ≥ 3:1)

_SEQUENTIAL: dict[str, dict[int, tuple[str, ...]]] = {
    "Blues": {
        3: ("#deebf7", "#9ecae1", "#3182bd"),
        4: ("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5"),
        5: ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
        6: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"),
        7: ("#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#084594")},
    "Greens": {
        3: ("#e5f5e0", "#a1d99b", "#31a354"),
        4: ("#edf8e9", "#bae4b3", "#74c476", "#238b45"),
        5: ("#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"),
        6: ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#31a354", "#006d2c"),
        7: ("#edf8e9", "#c7e9c0", "#a1d99b", "#74c476", "#41ab5d", "#238b45", "#005a32")},
    "Oranges": {
        3: ("#fee6ce", "#fdae6b", "#e6550d"),
        4: ("#feedde", "#fdbe85", "#fd8d3c", "#d94701"),
        5: ("#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"),
        6: ("#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"),
        7: ("#feedde", "#fdd0a2", "#fdae6b", "#fd8d3c", "#f16913", "#d94801", "#8c2d04")},
    "Purples": {
        3: ("#efedf5", "#bcbddc", "#756bb1"),
        4: ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3"),
        5: ("#f2f0f7", "#cbc9e2", "#9e9ac8", "#756bb1", "#54278f"),
        6: ("#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#756bb1", "#54278f"),
        7: ("#f2f0f7", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#4a1486")},
    "Reds": {
        3: ("#fee0d2", "#fc9272", "#de2d26"),
        4: ("#fee5d9", "#fcae91", "#fb6a4a", "#cb181d"),
        5: ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15"),
        6: ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15"),
        7: ("#fee5d9", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#99000d")},
    "YlGnBu": {
        3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
        4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
        5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
        6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
        7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84")},
    "YlOrRd": {
        3: ("#ffeda0", "#feb24c", "#f03b20"),
        4: ("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
        5: ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
        6: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
        7: ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026")},
    "PuBu": {
        3: ("#ece7f2", "#a6bddb", "#2b8cbe"),
        4: ("#f1eef6", "#bdc9e1", "#74a9cf", "#0570b0"),
        5: ("#f1eef6", "#bdc9e1", "#74a9cf", "#2b8cbe", "#045a8d"),
        6: ("#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#2b8cbe", "#045a8d"),
        7: ("#f1eef6", "#d0d1e6", "#a6bddb", "#74a9cf", "#3690c0", "#0570b0", "#034e7b")},
}

_DIVERGING: dict[str, dict[int, tuple[str, ...]]] = {
    "RdBu": {
        3: ("#ef8a62", "#f7f7f7", "#67a9cf"),
        4: ("#ca0020", "#f4a582", "#92c5de", "#0571b0"),
        5: ("#ca0020", "#f4a582", "#f7f7f7", "#92c5de", "#0571b0"),
        6: ("#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"),
        7: ("#b2182b", "#ef8a62", "#fddbc7", "#f7f7f7", "#d1e5f0", "#67a9cf", "#2166ac"),
        9: ("#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"),
        11: ("#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3",
             "#2166ac", "#053061")},
    "PuOr": {
        3: ("#f1a340", "#f7f7f7", "#998ec3"),
        4: ("#e66101", "#fdb863", "#b2abd2", "#5e3c99"),
        5: ("#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99"),
        6: ("#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#998ec3", "#542788"),
        7: ("#b35806", "#f1a340", "#fee0b6", "#f7f7f7", "#d8daeb", "#998ec3", "#542788"),
        9: ("#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac", "#542788"),
        11: ("#7f3b08", "#b35806", "#e08214", "#fdb863", "#fee0b6", "#f7f7f7", "#d8daeb", "#b2abd2", "#8073ac",
             "#542788", "#2d004b")},
    "BrBG": {
        3: ("#d8b365", "#f5f5f5", "#5ab4ac"),
        4: ("#a6611a", "#dfc27d", "#80cdc1", "#018571"),
        5: ("#a6611a", "#dfc27d", "#f5f5f5", "#80cdc1", "#018571"),
        6: ("#8c510a", "#d8b365", "#f6e8c3", "#c7eae5", "#5ab4ac", "#01665e"),
        7: ("#8c510a", "#d8b365", "#f6e8c3", "#f5f5f5", "#c7eae5", "#5ab4ac", "#01665e"),
        9: ("#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1", "#35978f", "#01665e"),
        11: ("#543005", "#8c510a", "#bf812d", "#dfc27d", "#f6e8c3", "#f5f5f5", "#c7eae5", "#80cdc1", "#35978f",
             "#01665e", "#003c30")},
}

#: Names of the sequential and the diverging palettes, in the order a picker shows them.
SEQUENTIAL: tuple[str, ...] = tuple(_SEQUENTIAL)
DIVERGING: tuple[str, ...] = tuple(_DIVERGING)
PALETTES: tuple[str, ...] = SEQUENTIAL + DIVERGING

MIN_CLASSES, MAX_CLASSES = 3, 7
_MAX_SIDE = 5  # steps on one side of the neutral colour: ColorBrewer's diverging schemes end at 11 classes


def palette(name: str, count: int, *, diverging_midpoint_class: int | None = None) -> tuple[str, ...]:
    """``count`` colours (lowest class first) of palette ``name``; see the module's rules.

    Raises :class:`UserInputError` (German) for an unknown name, a count outside 1–7, a midpoint with a
    sequential palette, or a midpoint outside the classes or too near an end for the diverging scheme."""
    table = _SEQUENTIAL.get(name) or _DIVERGING.get(name)
    if table is None:
        raise UserInputError(tr("Unbekannte Farbpalette „{name}“; möglich sind: {names}.", name=name,
                                names=", ".join(PALETTES)))
    if not 1 <= count <= MAX_CLASSES:
        raise UserInputError(tr("Eine Karte hat 3 bis 7 Klassen, nicht {count}.", count=format_number(count)))
    if diverging_midpoint_class is None:
        if count < MIN_CLASSES:  # a classification that found only one or two distinct values
            three = table[MIN_CLASSES]
            return (three[1],) if count == 1 else (three[0], three[2])
        return table[count]
    if name not in _DIVERGING:
        raise UserInputError(tr("Die Palette {name} ist einseitig; eine Mitte gibt es nur bei den zweiseitigen "
                                "Paletten ({names}).", name=name, names=", ".join(DIVERGING)))
    if not 0 <= diverging_midpoint_class < count:
        raise UserInputError(tr("Die Mitte muss in einer der Klassen 1 bis {count} liegen, nicht in Klasse "
                                "{given}.", count=format_number(count),
                                given=format_number(diverging_midpoint_class + 1)))
    below, above = diverging_midpoint_class, count - 1 - diverging_midpoint_class
    side = max(below, above, 1)
    if side > _MAX_SIDE:
        raise UserInputError(tr("Die Mitte liegt zu nah am Rand: auf einer Seite lägen {steps} Klassen, eine "
                                "zweiseitige Palette hat höchstens {most} je Seite. Bitte eine Klasse weiter "
                                "innen wählen oder eine einseitige Palette.", steps=format_number(side),
                                most=format_number(_MAX_SIDE)))
    full = table[2 * side + 1]
    return full[side - below: side + above + 1]


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``"#rrggbb"`` (0 = black, 1 = white)."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    r, g, b = (_channel(int(text[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, 1 to 21."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: str) -> str:
    """``"#000000"`` or ``"#ffffff"``, whichever contrasts more with ``background`` (labels on the map)."""
    black, white = "#000000", "#ffffff"
    return black if contrast_ratio(background, black) >= contrast_ratio(background, white) else white
