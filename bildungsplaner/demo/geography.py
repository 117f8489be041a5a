"""The fictional Kreis Lindental: its Gemeinden, their Sozialräume, and the schools each Gemeinde hosts.

Everything here is invented. The Kreis key ``05999`` does not exist in the Gemeindeverzeichnis, and neither do
the names below; they only sound like a Kreis in the south-east of Nordrhein-Westfalen. The tables are plain
data so that the generated workspace stays the same from run to run and is easy to read and extend.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from bildungsplaner.store.models import RegionLevel

LAND = ("05", "Nordrhein-Westfalen")
REGIERUNGSBEZIRK = ("059", "Arnsberg")
KREIS = ("05999", "Kreis Lindental")

#: Level of the areas below a Gemeinde. All of them are "sozialraum", so that features working on
#: Sozialräume see every part of the Kreis (the Kreisstadt's Stadtteile included).
AREA_LEVEL = RegionLevel.SOZIALRAUM


@dataclass(frozen=True)
class SecondarySpec:
    kind: str
    name: str
    #: Name of the Sozialraum the school stands in.
    area: str


@dataclass(frozen=True)
class GemeindeSpec:
    name: str
    population: int
    plz: str
    #: Names of the Sozialräume, in key order (S01, S02, …).
    areas: tuple[str, ...]
    grundschulen: int
    secondary: tuple[SecondarySpec, ...] = ()


def _sec(kind: str, name: str, area: str) -> SecondarySpec:
    return SecondarySpec(kind, name, area)


GEMEINDEN: tuple[GemeindeSpec, ...] = (
    GemeindeSpec(
        "Lindental", 58_400, "59980",
        ("Altstadt", "Lindental-Nord", "Lindental-Süd", "Weststadt", "Oststadt", "Am Mühlenbach"), 7,
        (
            _sec("Gymnasium", "Ratsgymnasium Lindental", "Altstadt"),
            _sec("Gymnasium", "Gymnasium Am Lindenhof", "Lindental-Süd"),
            _sec("Gesamtschule", "Gesamtschule Lindental-Nord", "Lindental-Nord"),
            _sec("Gesamtschule", "Anne-Frank-Gesamtschule", "Oststadt"),
            _sec("Realschule", "Realschule Lindental", "Am Mühlenbach"),
            _sec("Hauptschule", "Hauptschule Weststadt", "Weststadt"),
        ),
    ),
    GemeindeSpec(
        "Bergheide", 34_100, "59981",
        ("Bergheide-Mitte", "Bergheide-Ost", "Heidhof", "Bergheide-West", "Kleinenbruch"), 5,
        (
            _sec("Gymnasium", "Gymnasium Bergheide", "Bergheide-Mitte"),
            _sec("Gesamtschule", "Gesamtschule Bergheide", "Bergheide-Ost"),
            _sec("Realschule", "Realschule Heidhof", "Heidhof"),
        ),
    ),
    GemeindeSpec(
        "Osterfeld", 26_800, "59982",
        ("Osterfeld-Mitte", "Osterfeld-Süd", "Nordholz", "Kapellenberg", "Am Bahnhof"), 4,
        (
            _sec("Gymnasium", "Gymnasium Osterfeld", "Osterfeld-Mitte"),
            _sec("Gesamtschule", "Gesamtschule Osterfeld", "Osterfeld-Süd"),
        ),
    ),
    GemeindeSpec(
        "Wiesenbrück", 21_500, "59983",
        ("Wiesenbrück-Mitte", "Auenviertel", "Brückenfeld", "Oberwiesen"), 3,
        (
            _sec("Gymnasium", "Gymnasium Wiesenbrück", "Wiesenbrück-Mitte"),
            _sec("Realschule", "Realschule Wiesenbrück", "Brückenfeld"),
        ),
    ),
    GemeindeSpec(
        "Rodenbeck", 17_200, "59984",
        ("Rodenbeck-Mitte", "Beckhausen", "Rodenbeck-Süd", "Eichholz"), 3,
        (_sec("Sekundarschule", "Sekundarschule Rodenbeck", "Rodenbeck-Mitte"),),
    ),
    GemeindeSpec(
        "Altenbrügge", 14_300, "59985",
        ("Altenbrügge-Mitte", "Neubrügge", "Holtkamp", "Sandfort"), 3,
        (_sec("Sekundarschule", "Sekundarschule Altenbrügge", "Altenbrügge-Mitte"),),
    ),
    GemeindeSpec(
        "Brunnhagen", 11_900, "59986", ("Brunnhagen-Mitte", "Quellental", "Hagenbruch"), 2,
        (_sec("Sekundarschule", "Sekundarschule Brunnhagen-Sommerloh", "Brunnhagen-Mitte"),),
    ),
    GemeindeSpec("Sommerloh", 9_600, "59987", ("Sommerloh", "Lohfeld", "Sonnenhang"), 2),
    GemeindeSpec("Haselmühle", 8_300, "59988", ("Haselmühle", "Nussbaum", "Mühlengrund"), 2),
    GemeindeSpec("Kaltensiepen", 6_900, "59989", ("Kaltensiepen", "Siepenbach", "Hohe Warte"), 2),
    GemeindeSpec("Buchenhorst", 5_800, "59990", ("Buchenhorst", "Horstfeld", "Am Buchenwald"), 1),
    GemeindeSpec("Falkenried", 5_100, "59991", ("Falkenried", "Riedhausen", "Falkenhöhe"), 1),
)

#: Clearly disadvantaged Sozialräume (latent deprivation 0..1; the others are drawn at random, mostly low).
DISADVANTAGED: dict[str, float] = {
    "Lindental-Nord": 0.93,
    "Weststadt": 0.80,
    "Bergheide-Ost": 0.86,
    "Osterfeld-Süd": 0.72,
    "Am Bahnhof": 0.66,
    "Auenviertel": 0.58,
}


@dataclass(frozen=True)
class Area:
    """A Sozialraum with the invisible parameters the rest of the data is derived from."""

    key: str
    name: str
    gemeinde_key: str
    gemeinde_index: int
    population: int
    #: Latent deprivation 0 (well-off) .. 1 (strongly disadvantaged); drives SGB II share and Sozialindex.
    deprivation: float


def gemeinde_key(index: int) -> str:
    """8-digit AGS of the ``index``-th Gemeinde (0-based): ``05999001`` …"""
    return f"{KREIS[0]}{index + 1:03d}"


def area_key(gemeinde_index: int, area_index: int) -> str:
    return f"{gemeinde_key(gemeinde_index)}-S{area_index + 1:02d}"


def split(total: int, weights: list[float]) -> list[int]:
    """``total`` split in proportion to ``weights`` into integers (largest remainder, ties by position)."""
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    parts = [int(x) for x in exact]
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - parts[i]), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


def make_areas(rng: random.Random) -> list[Area]:
    """All Sozialräume in key order, with population and deprivation drawn from ``rng``."""
    areas: list[Area] = []
    for gi, spec in enumerate(GEMEINDEN):
        weights = [rng.uniform(0.6, 1.4) for _ in spec.areas]
        populations = split(spec.population, weights)
        # Larger towns have somewhat more deprivation on average.
        urban = spec.population / GEMEINDEN[0].population
        for ai, (name, population) in enumerate(zip(spec.areas, populations, strict=True)):
            drawn = min(0.55, rng.betavariate(2.0, 7.0) + 0.12 * urban)
            deprivation = DISADVANTAGED.get(name, drawn)
            key = area_key(gi, ai)
            areas.append(Area(key, name, gemeinde_key(gi), gi, population, round(deprivation, 3)))
    return areas
