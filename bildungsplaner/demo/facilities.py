"""Schools, Kitas and other education facilities of the demo Kreis, sized from the generated population.

Grundschule pupils come from the children of the school's catchment (its own Sozialraum plus neighbouring
Sozialräume without a school), secondary pupils from the Kreis' 10- to 15-year-olds split by school form,
Kita places from the under-sixes of the Sozialraum. The Sozialindex (1..9, as in NRW's schulscharfer
Sozialindex) follows the SGB II share of the school's catchment.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bildungsplaner.demo.geography import GEMEINDEN, KREIS, Area, split
from bildungsplaner.demo.population import AreaPopulation
from bildungsplaner.store.models import Offering, Phase

PLAN_YEAR = 2024

STREETS: tuple[str, ...] = (
    "Schulstraße", "Am Lindenhof", "Kirchweg", "Bahnhofstraße", "Gartenstraße", "Mühlenweg", "Birkenallee",
    "Hauptstraße", "Ringstraße", "Am Sportplatz", "Wiesenweg", "Feldstraße", "Lindenstraße", "Bergstraße",
    "Goethestraße", "Schillerstraße", "Parkstraße", "Eichendorffweg", "Am Markt", "Talstraße", "Ahornweg",
    "Kastanienallee", "Im Winkel", "Rosenstraße", "Auf der Heide", "Brückenstraße", "Sonnenweg",
)
KITA_CARRIERS: tuple[str, ...] = (
    "Städt. Kita", "Ev. Kita", "Kath. Kita", "AWO-Kita", "DRK-Kita", "Kita", "Elterninitiative",
    "Familienzentrum",
)
KITA_NAMES: tuple[str, ...] = (
    "Sonnenschein", "Regenbogen", "Pusteblume", "Kunterbunt", "Wirbelwind", "Sternschnuppe", "Löwenzahn",
    "Zwergenland", "Spatzennest", "Schatzkiste", "Wolkenburg", "Abenteuerland", "Mäuseburg", "Glühwürmchen",
    "Rasselbande", "Purzelbaum", "Sausewind", "Bärenhöhle", "Entdeckerland", "Kleine Strolche",
    "Villa Kunterbunt", "Farbklecks", "Waldwichtel", "Weltentdecker", "Lummerland", "Traumland",
)
#: Church carriers mostly name their Kitas after a saint or their parish.
CHURCH_NAMES: dict[str, tuple[str, ...]] = {
    "Kath. Kita": ("St. Marien", "St. Josef", "St. Martin", "St. Elisabeth", "St. Antonius", "St. Ludger"),
    "Ev. Kita": ("Friedenskirche", "Lutherkirche", "Johanneskirche", "Arche Noah", "Kreuzkirche", "Senfkorn"),
}

GS_NAMES: tuple[str, ...] = (
    "Grundschule {area}", "Gemeinschaftsgrundschule {area}", "Kath. Grundschule {area}",
    "Ev. Grundschule {area}",
)


@dataclass(frozen=True)
class FacilitySpec:
    key: str
    name: str
    kind: str
    phase: str
    region_key: str
    address: str
    attributes: dict[str, int | float] = field(default_factory=dict)
    offering: str = Offering.ANALOG.value


def sozialindex(sgb2_share: float, offset: float = 0.0) -> int:
    """Sozialindex level 1..9 from the SGB II share (percent) of a school's catchment."""
    return max(1, min(9, round(1.0 + (sgb2_share - 4.0) / 4.0 + offset)))


class _Addresses:
    """Invented street addresses "Straße Nr, PLZ Ort" in a Gemeinde."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def __call__(self, gemeinde_index: int) -> str:
        spec = GEMEINDEN[gemeinde_index]
        return f"{self._rng.choice(STREETS)} {self._rng.randint(1, 120)}, {spec.plz} {spec.name}"


def grundschulen(rng: random.Random, areas: list[Area], population: dict[str, AreaPopulation],
                 sgb2: dict[str, float], address: _Addresses) -> list[FacilitySpec]:
    year = PLAN_YEAR
    result: list[FacilitySpec] = []
    number = 1
    for gi, spec in enumerate(GEMEINDEN):
        own = [a for a in areas if a.gemeinde_index == gi]
        by_size = sorted(own, key=lambda a: (-population[a.key].total(year, range(6, 10)), a.key))
        # Host areas: the largest get a school each; extra schools go to the largest again.
        hosts = [by_size[i % len(by_size)] for i in range(spec.grundschulen)]
        # Catchment: each area's children go to the schools in it, or to a host area's school.
        schools_of: dict[str, list[int]] = {}
        for si, host in enumerate(hosts):
            schools_of.setdefault(host.key, []).append(si)
        host_keys = sorted(schools_of)
        for i, area in enumerate(a for a in by_size if a.key not in schools_of):
            schools_of[area.key] = schools_of[host_keys[i % len(host_keys)]]
        grades = [[0.0] * 4 for _ in hosts]
        weighted_sgb2 = [0.0] * len(hosts)
        weight = [0.0] * len(hosts)
        for area in own:
            shares = [rng.uniform(0.8, 1.2) for _ in schools_of[area.key]]
            for si, share in zip(schools_of[area.key], shares, strict=True):
                part = share / sum(shares)
                for k in range(4):
                    grades[si][k] += population[area.key].total(year, [5 + k + 1]) * part * 0.97
                children = population[area.key].total(year, range(6, 10)) * part
                weighted_sgb2[si] += sgb2[area.key] * children
                weight[si] += children
        used: set[str] = set()
        for si, host in enumerate(hosts):
            kl = [max(8, round(g * rng.gauss(1.0, 0.03))) for g in grades[si]]
            pupils = sum(kl)
            share = weighted_sgb2[si] / weight[si] if weight[si] else sgb2[host.key]
            ogs_rate = 0.45 + 0.25 * host.deprivation + rng.uniform(-0.08, 0.08)
            name = rng.choice(GS_NAMES).format(area=host.name)
            if name in used:
                name = f"{name} II"
            used.add(name)
            result.append(FacilitySpec(
                key=f"1990{number:02d}", name=name, kind="Grundschule", phase=Phase.SCHULE.value,
                region_key=host.key, address=address(gi),
                attributes={
                    "schueler": pupils,
                    **{f"schueler_kl{k + 1}": kl[k] for k in range(4)},
                    "sozialindex": sozialindex(share, rng.gauss(0.0, 0.35)),
                    "ogs_plaetze": 5 * round(pupils * ogs_rate / 5),
                    "zuege": max(1, round(kl[0] / 24)),
                },
            ))
            number += 1
    return result


#: Share of an age cohort attending each school form in the Kreis (the rest: Förderschulen, schools outside).
FORM_SHARES: dict[str, float] = {
    "Gymnasium": 0.38, "Gesamtschule": 0.31, "Realschule": 0.13, "Sekundarschule": 0.11, "Hauptschule": 0.03,
}
#: How much a school form's pupils deviate from its catchment's social situation (Sozialindex levels).
FORM_OFFSET: dict[str, float] = {
    "Gymnasium": -2.0, "Gesamtschule": 1.0, "Realschule": 0.0, "Sekundarschule": 0.0, "Hauptschule": 2.5,
}


def secondary_schools(rng: random.Random, areas: list[Area], kreis: AreaPopulation,
                      sgb2: dict[str, float], address: _Addresses) -> list[FacilitySpec]:
    by_name = {(a.gemeinde_index, a.name): a for a in areas}
    schools = [(gi, s) for gi, spec in enumerate(GEMEINDEN) for s in spec.secondary]
    weights = [rng.uniform(0.8, 1.2) * (1.0 + GEMEINDEN[gi].population / 60_000) for gi, _ in schools]
    result: list[FacilitySpec] = []
    for number, ((gi, school), w) in enumerate(zip(schools, weights, strict=True), start=1):
        same_form = sum(wt for (_, s), wt in zip(schools, weights, strict=True) if s.kind == school.kind)
        share = FORM_SHARES[school.kind] * w / same_form
        kl = [max(15, round(kreis.total(PLAN_YEAR, [grade + 5]) * share * rng.gauss(1.0, 0.04)))
              for grade in range(5, 11)]
        area = by_name[(gi, school.area)]
        result.append(FacilitySpec(
            key=f"1995{number:02d}", name=school.name, kind=school.kind, phase=Phase.SCHULE.value,
            region_key=area.key, address=address(gi),
            attributes={
                "schueler": sum(kl),
                **{f"schueler_kl{grade}": kl[grade - 5] for grade in range(5, 11)},
                "sozialindex": sozialindex(sgb2[area.key], FORM_OFFSET[school.kind] + rng.gauss(0.0, 0.3)),
                "zuege": max(2, round(kl[0] / 27)),
            },
        ))
    return result


def kitas(rng: random.Random, areas: list[Area], population: dict[str, AreaPopulation],
          address: _Addresses) -> list[FacilitySpec]:
    result: list[FacilitySpec] = []
    used: set[str] = set()
    counter: dict[int, int] = {}
    for area in areas:
        pop = population[area.key]
        u3_rate = 0.42 - 0.18 * area.deprivation + rng.gauss(0.0, 0.03)
        ue3_rate = 0.97 - 0.08 * area.deprivation + rng.gauss(0.0, 0.03)
        u3 = round(pop.total(PLAN_YEAR, range(3)) * u3_rate)
        ue3 = round(pop.total(PLAN_YEAR, range(3, 6)) * ue3_rate)
        n = max(1, round((u3 + ue3) / 80))
        weights = [rng.uniform(0.6, 1.4) for _ in range(n)]
        for places_u3, places_ue3 in zip(split(u3, weights), split(ue3, weights), strict=True):
            carrier = rng.choice(KITA_CARRIERS)
            church = CHURCH_NAMES.get(carrier, ())
            name = f"{carrier} {rng.choice(church if church and rng.random() < 0.7 else KITA_NAMES)}"
            if name in used:
                name = f"{name} {area.name}"
            while name in used:
                name = f"{name} II"
            used.add(name)
            number = counter[area.gemeinde_index] = counter.get(area.gemeinde_index, 0) + 1
            result.append(FacilitySpec(
                key=f"{area.gemeinde_key}-K{number:02d}", name=name, kind="Kita",
                phase=Phase.FRUEHKINDLICH.value, region_key=area.key,
                address=address(area.gemeinde_index),
                attributes={
                    "plaetze_u3": places_u3,
                    "plaetze_ue3": places_ue3,
                    "kinder_u3": min(places_u3, round(places_u3 * rng.uniform(0.9, 1.02))),
                    "kinder_ue3": round(places_ue3 * rng.uniform(0.93, 1.04)),
                },
            ))
    return result


def other_offerings(rng: random.Random, areas: list[Area], address: _Addresses) -> list[FacilitySpec]:
    centre = next(a for a in areas if a.gemeinde_index == 0 and a.name == "Altstadt")
    second = next(a for a in areas if a.gemeinde_index == 1 and a.name == "Bergheide-Mitte")
    return [
        FacilitySpec(
            key="VHS-01", name="Volkshochschule Kreis Lindental", kind="Volkshochschule",
            phase=Phase.WEITERBILDUNG.value, region_key=centre.key, address=address(0),
            attributes={
                "kurse": 640 + rng.randint(0, 80), "unterrichtsstunden": 23_800 + rng.randint(0, 2_000),
                "teilnehmende": 9_400 + rng.randint(0, 900), "standorte": 9,
                "anteil_online_kurse": round(rng.uniform(14.0, 20.0), 1),
            },
            offering=Offering.BOTH.value,
        ),
        FacilitySpec(
            key="BIB-01", name="Stadtbibliothek Lindental", kind="Bibliothek", phase=Phase.NONFORMAL.value,
            region_key=centre.key, address=address(0),
            attributes={
                "medien": 64_000 + rng.randint(0, 8_000), "entleihungen": 205_000 + rng.randint(0, 20_000),
                "aktive_nutzer": 5_100 + rng.randint(0, 600), "oeffnungsstunden_woche": 34,
            },
        ),
        FacilitySpec(
            key="BIB-02", name="Gemeindebücherei Bergheide", kind="Bibliothek", phase=Phase.NONFORMAL.value,
            region_key=second.key, address=address(1),
            attributes={
                "medien": 21_000 + rng.randint(0, 4_000), "entleihungen": 52_000 + rng.randint(0, 8_000),
                "aktive_nutzer": 1_600 + rng.randint(0, 300), "oeffnungsstunden_woche": 18,
            },
        ),
        FacilitySpec(
            key="DIG-01", name="Lernportal Kreis Lindental", kind="Digitales Lernangebot",
            phase=Phase.WEITERBILDUNG.value, region_key=KREIS[0], address="",
            attributes={"kurse": 48 + rng.randint(0, 12), "registrierte_nutzer": 3_000 + rng.randint(0, 500)},
            offering=Offering.DIGITAL.value,
        ),
    ]


def generate(rng: random.Random, areas: list[Area], population: dict[str, AreaPopulation],
             kreis: AreaPopulation, sgb2: dict[str, float]) -> list[FacilitySpec]:
    """All facilities; ``population`` by Sozialraum key, ``sgb2`` = SGB II share per Sozialraum in 2024."""
    address = _Addresses(rng)
    return (
        grundschulen(rng, areas, population, sgb2, address)
        + secondary_schools(rng, areas, kreis, sgb2, address)
        + kitas(rng, areas, population, address)
        + other_offerings(rng, areas, address)
    )
