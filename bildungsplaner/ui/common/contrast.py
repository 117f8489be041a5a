"""WCAG 2.1 contrast arithmetic, without Qt (issue 17: text ≥ 4.5:1, graphical objects ≥ 3:1).

Colours are hex strings ``"#rgb"``, ``"#rrggbb"`` or ``"#aarrggbb"`` (Qt's ``QColor.name(HexArgb)``); a colour
with transparency is first composed over its background (:func:`compose`), as the screen shows it.
The luminance and ratio formulas are WCAG 2.1's („relative luminance“, „contrast ratio“); the map's label
colours use the same ones (:mod:`bildungsplaner.geo.palettes`).
"""

from __future__ import annotations

from bildungsplaner.geo import palettes

__all__ = ["GRAPHICS", "TEXT", "adjust_for_contrast", "compose", "contrast_ratio", "normalise", "relative_luminance"]

#: WCAG 2.1 AA minimum ratios: 1.4.3 text (normal size) and 1.4.11 graphical objects and interface parts
TEXT = 4.5
GRAPHICS = 3.0


def _parts(colour: str) -> tuple[int, int, int, int]:
    """(alpha, red, green, blue), 0–255, of a hex colour."""
    text = colour.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) == 6:
        text = "ff" + text
    if len(text) != 8:
        raise ValueError(f"not a hex colour: {colour!r}")
    value = int(text, 16)
    return (value >> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(v))):02x}" for v in (r, g, b))


def normalise(colour: str) -> str:
    """``"#rrggbb"`` of an opaque colour (``"#abc"`` → ``"#aabbcc"``, ``"#ff123456"`` → ``"#123456"``)."""
    _a, r, g, b = _parts(colour)
    return _hex(r, g, b)


def compose(colour: str, background: str) -> str:
    """``colour`` (possibly translucent, ``#aarrggbb``) painted over the opaque ``background``."""
    a, r, g, b = _parts(colour)
    _, br, bg, bb = _parts(background)
    k = a / 255
    return _hex(r * k + br * (1 - k), g * k + bg * (1 - k), b * k + bb * (1 - k))


def relative_luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance, 0 (black) to 1 (white)."""
    return palettes.relative_luminance(normalise(colour))


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio, 1 to 21 (black on white); symmetric. A translucent ``first`` is composed over
    ``second``."""
    return palettes.contrast_ratio(compose(first, second), normalise(second))


def adjust_for_contrast(colour: str, background: str, minimum: float = TEXT) -> str:
    """``colour`` itself when it reaches ``minimum`` against ``background``, else the least change of it towards
    black or white (whichever the background allows more of) that does — the hue stays recognisable."""
    colour = compose(colour, background)
    if contrast_ratio(colour, background) >= minimum:
        return colour
    _, r, g, b = _parts(colour)
    target = 0 if contrast_ratio("#000000", background) >= contrast_ratio("#ffffff", background) else 255
    for step in range(1, 101):
        k = step / 100
        candidate = _hex(r + (target - r) * k, g + (target - g) * k, b + (target - b) * k)
        if contrast_ratio(candidate, background) >= minimum:
            return candidate
    return _hex(target, target, target)
