"""Messages raised below the window, in the interface's language; no Qt.

The core (``store``, ``importing``, ``planning``, ``exporting``, ``services``, ``cli``) cannot use
``QCoreApplication.translate``, yet its error messages reach the window. They go through :func:`tr`::

    raise UserInputError(tr("{name} hat {count} Spalten.", name=path.name, count=format_number(width)))

German is the source text and the default. :func:`tr` looks the template up in the catalogue of the language chosen
by :func:`set_language` (``bildungsplaner/i18n/en.py`` for English) and fills in the fields with :meth:`str.format`;
a template without an entry stays German. The template must be a literal string, so that ``tests/test_i18n.py`` can
find every one with :mod:`ast` and check that the catalogue has it, with the same fields (as the lupdate test does
for the window's ``.ts`` file). Texts chosen before the language is known (module-level tables) are written
``marked("…")`` and looked up where they are used, with :func:`translated`. Numbers are formatted by the caller
(:func:`~bildungsplaner.formatting.format_number`) and passed as fields, never formatted into the template.

The window calls :func:`set_language` once at start, from the ``language`` setting, before any work runs; the
command line speaks German and never calls it. The language is process-wide (messages are built on worker
threads too), which is why it is set once and not switched while work runs.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "catalogue", "language", "marked", "set_language", "tr", "translated"]

#: The interface languages; the first is the source language and the default.
LANGUAGES = ("de", "en")

_language = "de"
_catalogue: Mapping[str, str] = {}


def catalogue(language: str) -> Mapping[str, str]:
    """German template → text in ``language`` (empty for German and for unknown languages)."""
    if language == "en":
        from bildungsplaner.i18n.en import MESSAGES

        return MESSAGES
    return {}


def set_language(language: str) -> None:
    """Speak ``language`` (``"de"`` or ``"en"``) from now on; anything else means German."""
    global _language, _catalogue
    _language = language if language in LANGUAGES else LANGUAGES[0]
    _catalogue = catalogue(_language)


def language() -> str:
    """The language messages are produced in."""
    return _language


def tr(template: str, /, **fields: object) -> str:
    """``template`` (German, a literal) in the current language, its ``{fields}`` filled in.

    Without fields the text is returned as it is (braces need no doubling); with fields, literal braces in the
    template are written ``{{`` and ``}}`` as for :meth:`str.format`.
    """
    text = _catalogue.get(template, template)
    return text.format(**fields) if fields else text


def marked(text: str, /) -> str:
    """``text`` unchanged: marks a literal for the catalogue, to be looked up later with :func:`translated`."""
    return text


def translated(text: str, /) -> str:
    """A :func:`marked` text (not a literal here) in the current language."""
    return _catalogue.get(text, text)
