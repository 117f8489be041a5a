"""Official German region keys (AGS, ARS and the keys GENESIS tables use) as text.

Keys are never numbers: ``"05978004"`` and ``"5978004"`` are different strings, and only
:func:`repair_leading_zero` may turn one into the other.

Key lengths seen in GENESIS / Regionaldatenbank tables and what they are:

====  ====================  ==========================================================================
len   level                 structure
====  ====================  ==========================================================================
DG    bund                  Deutschland
2     land                  Land
3     regierungsbezirk      Land + Regierungsbezirk (also "Statistische Region")
5     kreis                 Land + RB + Kreis (the Berlin Bezirke 11001-11012 also have 5 digits)
7     gemeindeverband       Kreis + 2-digit Verbandsgemeinde (Rheinland-Pfalz: ``0713101`` Adenau)
8     gemeinde              AGS: Kreis + 3-digit Gemeinde. Lower Saxony's Samtgemeinden also have 8-digit
                            keys (``03151401`` Boldecker Land); the length cannot tell them apart.
9     gemeindeverband       ARS prefix: Kreis + 4-digit Gemeindeverband
10    gemeinde              Kreis + Verbandsgemeinde (2) + Gemeinde (3), Rheinland-Pfalz
                            (``0713101001`` Adenau; AGS = digits 1-5 + 8-10)
11    gemeinde              Kreis + Samtgemeinde (3) + Gemeinde (3), Lower Saxony
                            (``03151401002`` Barwedel; AGS = digits 1-5 + 9-11)
12    gemeinde              ARS: Kreis + Gemeindeverband (4) + Gemeinde (3); AGS = digits 1-5 + 10-12
====  ====================  ==========================================================================

The level names are the values of ``bildungsplaner.store.models.RegionLevel`` (plain strings here, so this
module stays free of the database layer).
"""

from __future__ import annotations

from bildungsplaner.i18n import tr

__all__ = [
    "ags_for_key",
    "ags_from_ars",
    "ancestor_keys",
    "is_region_key",
    "key_level",
    "parent_key",
    "repair_leading_zero",
]

GERMANY = "DG"

_LEVEL_BY_LENGTH: dict[int, str] = {
    2: "land",
    3: "regierungsbezirk",
    5: "kreis",
    7: "gemeindeverband",
    8: "gemeinde",
    9: "gemeindeverband",
    10: "gemeinde",
    11: "gemeinde",
    12: "gemeinde",
}

#: Length of the parent's key for each key length (``DG`` for Länder); see :func:`parent_key`.
_PARENT_LENGTH: dict[int, int] = {3: 2, 5: 3, 7: 5, 8: 5, 9: 5, 10: 7, 11: 8, 12: 9}

#: Lengths that Excel's stripping of one leading zero produces from 2-, 5-, 8- and 12-digit keys.
_REPAIRABLE_LENGTHS: frozenset[int] = frozenset({1, 4, 7, 11})


def is_region_key(key: str) -> bool:
    """True for ``DG`` and for ASCII digit strings of a known key length (2, 3, 5, 7-12).

    7- and 11-digit keys must start with ``0``: without it they are AGS/ARS that lost their leading zero
    (see :func:`repair_leading_zero`).
    """
    if key == GERMANY:
        return True
    if not (key.isascii() and key.isdigit() and len(key) in _LEVEL_BY_LENGTH):
        return False
    return key.startswith("0") or len(key) not in _REPAIRABLE_LENGTHS


def _check(key: str) -> None:
    if not is_region_key(key):
        raise ValueError(tr("{key} ist kein amtlicher Regionalschlüssel.", key=repr(key)))


def key_level(key: str) -> str:
    """The region level (a ``RegionLevel`` value) that a key of this length denotes; see the module table.

    Raises :class:`ValueError` for anything :func:`is_region_key` rejects (lengths 1, 4, 6 and over 12,
    7 or 11 digits without a leading zero, names, blanks).
    """
    if key == GERMANY:
        return "bund"
    _check(key)
    return _LEVEL_BY_LENGTH[len(key)]


def parent_key(key: str) -> str | None:
    """The key of the enclosing region, by prefix; ``None`` for ``DG``.

    * 2 -> ``DG``; 3 -> 2.
    * 5 -> 3, except where digit 3 is ``0`` (Länder without Regierungsbezirke: ``01001`` -> ``01``,
      ``11001`` -> ``11``); no Regierungsbezirk key ends in 0.
    * 7 (Verbandsgemeinde) -> 5; 8 (Gemeinde or Samtgemeinde) -> 5; 9 (Gemeindeverband) -> 5.
    * 10 (Gemeinde in a Verbandsgemeinde) -> its 7-digit Verbandsgemeinde, 11 (Gemeinde in a
      Samtgemeinde) -> its 8-digit Samtgemeinde, 12 (ARS) -> its 9-digit Gemeindeverband.

    The parent of an ARS is the Gemeindeverband, not the Kreis, so that the chain is complete; use
    :func:`ancestor_keys` to find the nearest ancestor a data set actually contains (e.g. the Kreis).
    """
    if key == GERMANY:
        return None
    _check(key)
    if len(key) == 2:
        return GERMANY
    parent = key[: _PARENT_LENGTH[len(key)]]
    if len(parent) == 3 and parent[2] == "0":
        return parent[:2]
    return parent


def ancestor_keys(key: str) -> list[str]:
    """All enclosing keys, parent first, up to ``DG``: ``"05978004"`` -> ``["05978", "059", "05", "DG"]``."""
    chain: list[str] = []
    parent = parent_key(key)
    while parent is not None:
        chain.append(parent)
        parent = parent_key(parent)
    return chain


def ags_from_ars(ars12: str) -> str:
    """The 8-digit AGS of a 12-digit ARS: digits 1-5 and 10-12 (``059780004004`` -> ``05978004``)."""
    if len(ars12) != 12 or not (ars12.isascii() and ars12.isdigit()):
        raise ValueError(tr("{key} ist kein 12-stelliger Regionalschlüssel (ARS).", key=repr(ars12)))

    return ars12[:5] + ars12[9:]


def ags_for_key(key: str) -> str | None:
    """The 8-digit AGS of a Gemeinde-level key (length 8, 10, 11 or 12); ``None`` for other levels.

    Length 10 (Rheinland-Pfalz) drops the Verbandsgemeinde digits 6-7, length 11 (Lower Saxony) the
    Samtgemeinde digits 6-8, length 12 (ARS) the Gemeindeverband digits 6-9.
    """
    if key == GERMANY:
        return None
    _check(key)
    if len(key) in (8, 10, 11, 12):
        return key[:5] + key[-3:]
    return None


def repair_leading_zero(key: str) -> tuple[str, bool]:
    """Put back the leading zero Excel dropped; returns ``(key, repaired)``.

    Only lengths one short of a standard key are repaired: 1 -> 2 (Land), 4 -> 5 (Kreis), 7 -> 8 (AGS) and
    11 -> 12 (ARS), and only when the key does not already start with ``0`` (Excel removes *all* leading
    zeros, so a stripped key never starts with one).

    * 1 and 4 are unambiguous: no official key has 1 or 4 digits.
    * 7 and 11 are unambiguous under that first-digit rule: GENESIS's own 7-digit keys (Verbandsgemeinden
      in Rheinland-Pfalz, Land 07) and 11-digit keys (Gemeinden in Lower Saxony's Samtgemeinden, Land 03)
      always start with ``0``, while a stripped AGS/ARS of Länder 01-09 starts with 1-9.
    * Not repaired because ambiguous: 2 (Land 10-16 or a stripped Regierungsbezirk?), 9 (Gemeindeverband
      of Länder 10-16 or a stripped 10-digit key?), 10, and lengths 3, 5, 6, 8, 12.

    Anything that is not a digit string is returned unchanged (``DG``, names, empty text).
    """
    if (
        key.isascii()
        and key.isdigit()
        and len(key) in _REPAIRABLE_LENGTHS
        and not key.startswith("0")
    ):
        return "0" + key, True
    return key, False
