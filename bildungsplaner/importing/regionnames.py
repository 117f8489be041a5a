"""Region names as people write them: „Boenen“, „BÖNEN“, „Stadt Unna“, „Schwerte (Ruhr)“, „Werne a.d. Lippe“.

Official names (GENESIS, Regionaldatenbank) look like „Unna, Stadt“, „Fröndenberg/Ruhr“, „Neustadt a.d.Donau,
St“ or „Halle (Saale), Kreisfreie Stadt“; colleagues write „Stadt Unna“, „Froendenberg“, „Neustadt an der
Donau“. :func:`name_forms` reduces a name to two forms:

* **full** — case, umlauts and ß (ö = oe, ß = ss), other accents, hyphens, spaces and punctuation do not count;
  the kind of municipality before or after the name („Stadt X“, „X, Stadt“, „Kreisstadt X“, „Hansestadt X“,
  „X, St“, „X, M“, „X, Kreisfreie Stadt“) is dropped; additions in brackets, after a slash, after a comma or
  after a preposition („(Ruhr)“, „/Ruhr“, „a.d. Lippe“ = „an der Lippe“, „i. Sa.“, „b. Coburg“) are kept,
  in any order. A Kreis stays a Kreis: „Kreis Unna“, „Unna, Kreis“ and „Landkreis Unna“ are one form, but
  not the form of „Unna, Stadt“ (likewise Verbandsgemeinden/Samtgemeinden and Regierungsbezirke).
* **core** — the full form without the additions: „Schwerte (Ruhr)“, „Schwerte/Ruhr“ and „Schwerte“ share it.

:class:`RegionNameIndex` matches a name against a workspace's regions (:meth:`RegionNameIndex.match`): a
name with an addition that equals an official one's full form matches that; otherwise all regions with the
same core are candidates. One candidate is taken. Among several, the ones inside the Kreise where the file's
other rows lie are preferred, then the ones inside the home region; if that leaves one, it is taken, else the
name is ambiguous and the candidates are offered, never guessed („Neustadt“ names some twenty Gemeinden).
Suggestions for a name without any candidate come from difflib on the core forms, those inside the file's
Kreise and the home region first (:meth:`RegionNameIndex.suggest`).

Normal forms are cached per distinct name (a Gemeinde table brings ~14,000); the index is built only when a
file names regions without keys.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

__all__ = ["NameForms", "NameMatch", "Place", "RegionNameIndex", "fold", "name_forms", "normalize_name"]

_LETTERS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe"})
_WORD = re.compile(r"[^\W_]+")
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]?")

#: Kinds of municipality, dropped before the name („Stadt Unna“) or as a part after a comma („Unna, Stadt“).
_KIND_PREFIXES: tuple[tuple[str, ...], ...] = (
    ("grosse", "kreisstadt"), ("kreisfreie", "stadt"), ("stadt",), ("kreisstadt",), ("hansestadt",),
    ("landeshauptstadt",), ("universitaetsstadt",), ("gemeinde",), ("einheitsgemeinde",),
)
_KIND_WORDS = frozenset({
    "stadt", "st", "kreisstadt", "grosse", "gkst", "hansestadt", "landeshauptstadt", "kreisfreie", "krsfr",
    "krfr", "kreisfr", "stadtkreis", "universitaetsstadt", "gemeinde", "gem", "markt", "m", "flecken", "kurort",
    "bergstadt", "verbandsfr", "verbandsfreie", "amtsfreie", "amtsfr", "einheitsgemeinde", "ab",
})
#: Words that say which kind of region it is beyond a municipality; they distinguish „Unna, Kreis“ from
#: „Unna, Stadt“ and are kept as a marker.
_MARKERS: dict[tuple[str, ...], str] = {
    ("kreis",): "kreis", ("landkreis",): "kreis", ("lk",): "kreis", ("lkr",): "kreis",
    ("verbandsgemeinde",): "verbandsgemeinde", ("verbandsgem",): "verbandsgemeinde", ("vg",): "verbandsgemeinde",
    ("samtgemeinde",): "verbandsgemeinde", ("sg",): "verbandsgemeinde",
    ("verwaltungsgemeinschaft",): "verbandsgemeinde", ("regierungsbezirk",): "regierungsbezirk",
    ("reg", "bez"): "regierungsbezirk", ("rb",): "regierungsbezirk", ("stat", "region"): "regierungsbezirk",
}
#: Prepositions that start an addition after the name („a.d. Lippe“, „am Main“, „i. Sa.“, „b. Coburg“,
#: „ob der Tauber“, „v.d. Höhe“), and the articles that follow them.
_PREPOSITIONS = frozenset({"a", "am", "an", "b", "bei", "i", "im", "in", "o", "ob", "v", "vor"})
_ARTICLES = frozenset({"d", "der", "den", "dem", "des"})


def fold(text: str) -> str:
    """Lower case without umlauts, ß and accents: „BÖNEN“, „Bönen“ and „Boenen“ all give ``boenen``."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LETTERS)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class NameForms(NamedTuple):
    """The two normal forms of a name (see the module docstring)."""

    full: str
    core: str
    has_addition: bool


def _strip_prefixes(words: list[str], markers: set[str]) -> list[str]:
    """Drop leading kinds („Stadt“, „Kreisstadt“) and take leading markers („Kreis“), as long as a word is left."""
    changed = True
    while changed:
        changed = False
        for prefix in (*_KIND_PREFIXES, *_MARKERS):
            n = len(prefix)
            if len(words) > n and tuple(words[:n]) == prefix:
                if prefix in _MARKERS:
                    markers.add(_MARKERS[prefix])
                words = words[n:]
                changed = True
                break
    return words


def _split_preposition(words: list[str]) -> tuple[list[str], list[str]]:
    """„werne a d lippe“ → (``[werne]``, ``[lippe]``); a name never starts with its addition."""
    for i in range(1, len(words)):
        if words[i] in _PREPOSITIONS:
            rest = [w for w in words[i + 1:] if w not in _PREPOSITIONS and w not in _ARTICLES]
            if rest:
                return words[:i], rest
    return words, []


@lru_cache(maxsize=1 << 16)
def name_forms(name: str) -> NameForms:
    """The full and core form of a region name; cached per distinct name."""
    text = fold(name)
    additions: list[str] = []
    for inner in _BRACKETS.findall(text):
        words = _WORD.findall(inner)
        if not (any(w.isdigit() for w in words) and all(w in _KIND_WORDS or w.isdigit() for w in words)):
            # „(ab 21.10.2009)“ is a note, not an addition
            additions += [w for w in words if w not in _PREPOSITIONS and w not in _ARTICLES]
    text = _BRACKETS.sub(" ", text)
    head, *tails = text.split(",")
    markers: set[str] = set()
    for tail in tails:
        words = _WORD.findall(tail)
        if not words or all(w in _KIND_WORDS or w.isdigit() for w in words):
            continue
        if tuple(words) in _MARKERS:
            markers.add(_MARKERS[tuple(words)])
        else:
            additions += [w for w in words if w not in _PREPOSITIONS and w not in _ARTICLES]
    head, *slashed = head.split("/")
    for part in slashed:
        additions += _WORD.findall(part)
    words = _WORD.findall(head)
    if not words:  # nothing but additions or kinds: keep what there is
        words, additions = additions or _WORD.findall(text), []
    words = _strip_prefixes(words, markers)
    if words and words[0] == "st" and len(words) > 1:
        words[0] = "sankt"
    words, addition_words = _split_preposition(words)
    additions += addition_words
    core = " ".join([*sorted(markers), "".join(words)])
    full = core + ("/" + " ".join(sorted(additions)) if additions else "")
    return NameForms(full, core, bool(additions))


def normalize_name(name: str) -> str:
    """The full normal form (equal for „Unna, Stadt“, „Stadt Unna“ and „UNNA“)."""
    return name_forms(name).full


@dataclass(frozen=True)
class Place:
    """A region of the workspace as far as matching names is concerned."""

    id: int
    key: str
    name: str
    #: Key of the Kreis (or kreisfreie Stadt) it lies in — its own key for a Kreis; ``None`` above that level.
    kreis: str | None = None
    #: Keys of all regions that contain it, its own included (``home`` is tested against these).
    within: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NameMatch:
    """The result of :meth:`RegionNameIndex.match`.

    ``how``: ``exact`` (the very name), ``spelling`` (the one region of that normal form), ``kreis`` (the one
    candidate in the Kreise of the file's other rows), ``home`` (the one in the home region), ``ambiguous``
    (``candidates`` offered, nothing taken) or ``none``.
    """

    place: Place | None
    how: str
    candidates: tuple[Place, ...] = ()


@dataclass
class RegionNameIndex:
    """The regions of a workspace by the normal forms of their names."""

    places: dict[int, Place] = field(default_factory=dict)
    by_key: dict[str, Place] = field(default_factory=dict)
    by_full: dict[str, list[int]] = field(default_factory=dict)
    by_core: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, places: Iterable[Place]) -> RegionNameIndex:
        index = cls()
        for place in places:
            index.add(place)
        return index

    def add(self, place: Place) -> None:
        forms = name_forms(place.name)
        self.places[place.id] = place
        self.by_key[place.key] = place
        self.by_full.setdefault(forms.full, []).append(place.id)
        self.by_core.setdefault(forms.core, []).append(place.id)

    def kreis_name(self, place: Place) -> str | None:
        """The name of the Kreis ``place`` lies in (``None`` for a Kreis itself and above)."""
        if place.kreis is None or place.kreis == place.key:
            return None
        kreis = self.by_key.get(place.kreis)
        return kreis.name if kreis is not None else None

    def candidates(self, name: str) -> list[Place]:
        """All regions the name may mean by its normal forms (see the module docstring)."""
        forms = name_forms(name)
        ids = self.by_full.get(forms.full, []) if forms.has_addition else []
        if not ids:
            ids = self.by_core.get(forms.core, [])
        return [self.places[i] for i in ids]

    def match(self, name: str, *, kreise: Collection[str] = (), home: str | None = None) -> NameMatch:
        """Match ``name``; ``kreise`` are the Kreis keys of the file's other rows, ``home`` a region key."""
        candidates = self.candidates(name)
        if not candidates:
            return NameMatch(None, "none")
        if len(candidates) == 1:
            place = candidates[0]
            return NameMatch(place, "exact" if place.name == name.strip() else "spelling")
        pool = candidates
        if kreise:
            pool = [p for p in pool if p.kreis in kreise] or pool
            if len(pool) == 1:
                return NameMatch(pool[0], "kreis")
        if home:
            pool = [p for p in pool if home in p.within]
            if len(pool) == 1:
                return NameMatch(pool[0], "home")
        return NameMatch(None, "ambiguous", tuple(self._nearest_first(candidates, kreise, home)))

    @staticmethod
    def _nearest_first(places: Iterable[Place], kreise: Collection[str], home: str | None) -> list[Place]:
        """Places in the file's Kreise first, then in the home region, then the rest, each by key."""
        return sorted(places, key=lambda p: (p.kreis not in kreise, not (home and home in p.within), p.key))

    def suggest(self, text: str, *, kreise: Collection[str] = (), home: str | None = None,
                limit: int = 5) -> list[Place]:
        """Close names (difflib on the core forms): those in the file's Kreise or home region first.

        Nearby names need less likeness (0.6) than names from elsewhere (0.75, or 0.85 once a nearby one was
        found): a typo of a Gemeinde of one's own Kreis should not bring five look-alikes from all of Germany.
        """
        core = name_forms(text).core
        near: dict[str, list[int]] = {}
        if kreise or home:
            for place in self.places.values():
                if place.kreis in kreise or (home and home in place.within):
                    near.setdefault(name_forms(place.name).core, []).append(place.id)
        found: list[Place] = []
        for cores, cutoff in ((near, 0.6), (self.by_core, 0.75)):
            cutoff = 0.85 if found else cutoff
            for close in difflib.get_close_matches(core, list(cores), n=limit, cutoff=cutoff):
                places = [self.places[i] for i in cores[close]]
                found += [p for p in self._nearest_first(places, kreise, home) if p not in found]
        return found[:limit]
