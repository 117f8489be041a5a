"""Colours from the application's palette: contrast fixes for the default theme, the system's high-contrast and
dark themes followed by charts and maps (issue 17; arithmetic in :mod:`bildungsplaner.ui.common.contrast`).

Rules:

* The window takes the platform's palette and style (on Windows the ``windows11``/``windowsvista`` style brings
  the high-contrast themes); :func:`accessible_palette` changes only roles whose text would stay below 4.5:1
  (Fusion's selection blue under white text: 3.7:1; its visited-link magenta: 3.1:1), darkening them just
  enough, and changes nothing while the system asks for high contrast (:func:`high_contrast`).
* Charts draw on the palette's ``Base`` with its ``Text`` for axes and titles (:func:`chart_colours`): in the
  default light theme that is white and black as before; in a dark or high-contrast theme the chart follows it.
  Our series colours are kept where each reaches 3:1 against the background (WCAG 1.4.11), otherwise the
  palette's own text, link and highlight colours are used — series differ by line style and marker too.
* The map on screen takes background, text and outlines from the palette (:func:`map_colours`); the class
  colours stay (they carry the classes; their legend and value labels do not depend on them). Exports (PNG,
  SVG, PDF) always print on white.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from bildungsplaner.ui.common.contrast import GRAPHICS, TEXT, adjust_for_contrast, contrast_ratio, relative_luminance

__all__ = ["ERROR", "OK", "PRINT", "TEXT_PAIRS", "ChartColours", "MapColours", "accessible_palette",
           "chart_colours", "colour_of", "dark", "error_colour", "high_contrast", "map_colours", "status_colour"]

#: (text role, background role) pairs that carry text, checked and fixed by :func:`accessible_palette`
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
    (QPalette.ColorRole.LinkVisited, QPalette.ColorRole.Base),
)
#: the pairs whose *background* is darkened (a selection colour), not the text
_FIX_BACKGROUND = {QPalette.ColorRole.Highlight}
#: a dark theme: the window's luminance below this (black text would have less than 4.5:1 on it)
_DARK = 0.18


def colour_of(palette: QPalette, role: QPalette.ColorRole,
              group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> str:
    """``"#aarrggbb"`` of a role (alpha kept: Qt's placeholder text is translucent)."""
    return palette.color(group, role).name(QColor.NameFormat.HexArgb)


def high_contrast(palette: QPalette | None = None) -> bool:
    """Whether the system asks for high contrast (Qt 6.10+: ``QStyleHints.accessibility().contrastPreference``),
    or ``palette`` (default: the application's) looks like a high-contrast theme: a dark window with text at
    least 15:1 on it (Windows' „Nachthimmel“, „Wüste“ is caught by the preference)."""
    if palette is None and QGuiApplication.instance() is not None:
        hints = QGuiApplication.styleHints()
        accessibility = getattr(hints, "accessibility", None)
        if accessibility is not None:
            preference = accessibility().contrastPreference()
            if preference == Qt.ContrastPreference.HighContrast:
                return True
    palette = palette if palette is not None else QGuiApplication.palette()
    window = colour_of(palette, QPalette.ColorRole.Window)
    text = colour_of(palette, QPalette.ColorRole.WindowText)
    return relative_luminance(window) < 0.05 and contrast_ratio(text, window) >= 15


def dark(palette: QPalette | None = None) -> bool:
    palette = palette if palette is not None else QGuiApplication.palette()
    return relative_luminance(colour_of(palette, QPalette.ColorRole.Base)) < _DARK


def accessible_palette(palette: QPalette) -> QPalette:
    """``palette`` with every :data:`TEXT_PAIRS` text at least 4.5:1 (active and inactive groups); unchanged
    in high contrast. Only failing roles are set, so the rest keeps following the system."""
    result = QPalette(palette)
    if high_contrast(palette):
        return result
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for fg, bg in TEXT_PAIRS:
            text, back = colour_of(result, fg, group), colour_of(result, bg, group)
            if contrast_ratio(text, back) >= TEXT:
                continue
            if bg in _FIX_BACKGROUND:
                result.setColor(group, bg, QColor(adjust_for_contrast(back, text, TEXT)))
            else:
                result.setColor(group, fg, QColor(adjust_for_contrast(text, back, TEXT)))
    return result


#: our colours for error and success texts (stylesheets ``color: …``, list items); 7.3:1 and 7.9:1 on white
ERROR = "#b00020"
OK = "#1b5e20"


def status_colour(colour: str, palette: QPalette | None = None) -> str:
    """``colour`` for a status text (an error in red, a success in green) where it reaches 4.5:1 on the window
    and base colours outside high contrast; otherwise the palette's window text (on black our red has 2.9:1).
    Use as ``label.setStyleSheet(f"color: {status_colour(ERROR)}")`` — the words carry the status, not the
    colour alone."""
    contrast = high_contrast(palette)  # without a palette: the system's preference too
    palette = palette if palette is not None else QGuiApplication.palette()
    backgrounds = (colour_of(palette, QPalette.ColorRole.Window), colour_of(palette, QPalette.ColorRole.Base))
    if contrast or any(contrast_ratio(colour, back) < TEXT for back in backgrounds):
        return _opaque(colour_of(palette, QPalette.ColorRole.WindowText))
    return colour


def error_colour(palette: QPalette | None = None) -> str:
    """The colour for error text: :data:`ERROR`, or the palette's text in high contrast (:func:`status_colour`)."""
    return status_colour(ERROR, palette)


@dataclass(frozen=True)
class ChartColours:
    background: str
    foreground: str  #: axis lines, tick labels, titles, legend text
    series: tuple[str, ...]
    #: the palette's colours replaced ours (high contrast or a dark theme)
    from_palette: bool


def _opaque(colour: str) -> str:
    return "#" + colour[-6:]


def chart_colours(series: tuple[str, ...], palette: QPalette | None = None) -> ChartColours:
    """Background and foreground from the palette's Base and Text; ``series`` kept where all of them reach 3:1
    on that background outside high contrast, else the palette's text, link, highlight and visited-link
    colours that do (at least the text colour)."""
    contrast = high_contrast(palette)
    palette = palette if palette is not None else QGuiApplication.palette()
    background = _opaque(colour_of(palette, QPalette.ColorRole.Base))
    foreground = _opaque(colour_of(palette, QPalette.ColorRole.Text))
    if not contrast and all(contrast_ratio(c, background) >= GRAPHICS for c in series):
        return ChartColours(background, foreground, series, False)
    own = [_opaque(colour_of(palette, role)) for role in (
        QPalette.ColorRole.Text, QPalette.ColorRole.Link, QPalette.ColorRole.Highlight,
        QPalette.ColorRole.LinkVisited, QPalette.ColorRole.BrightText)]
    usable = list(dict.fromkeys(c for c in own if contrast_ratio(c, background) >= GRAPHICS)) or [foreground]
    return ChartColours(background, foreground, tuple(usable), True)


@dataclass(frozen=True)
class MapColours:
    background: str
    text: str  #: title, legend, scale bar, north arrow
    secondary: str  #: the source lines
    outline: str  #: legend swatches and „keine Daten“ regions
    scale_fill: str  #: the scale bar's empty half


#: the printed map (exports; the default light theme looks the same)
PRINT = MapColours(background="#ffffff", text="#1a1a1a", secondary="#555555", outline="#7a7a7a",
                   scale_fill="#ffffff")


def map_colours(palette: QPalette | None = None) -> MapColours:
    """:data:`PRINT` in a light theme; the palette's Base and Text in a high-contrast or dark one."""
    contrast = high_contrast(palette)
    palette = palette if palette is not None else QGuiApplication.palette()
    if not (contrast or dark(palette)):
        return PRINT
    background = _opaque(colour_of(palette, QPalette.ColorRole.Base))
    text = _opaque(colour_of(palette, QPalette.ColorRole.Text))
    return MapColours(background=background, text=text, secondary=text, outline=text, scale_fill=background)
