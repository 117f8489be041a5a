"""The demo workspace: a fictional but realistic Kreis ("Kreis Lindental", key 05999) to try the app with.

:func:`build_demo` fills an empty workspace with regions (Land → Regierungsbezirk → Kreis → 12 Gemeinden →
Sozialräume), five years of population by single year of age and sex, births, social indicators per
Sozialraum and the Kreis' schools, Kitas and other education facilities. All of it is drawn from
:class:`random.Random` with fixed seeds, so every build gives the same content; nothing is real data.

The caller owns the transaction (``with ws.transaction() as s: build_demo(s)``); on :class:`Cancelled` or any
other error it rolls back and no row is left behind.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from bildungsplaner import BildungsplanerError
from bildungsplaner.demo import facilities as facility_gen
from bildungsplaner.demo.geography import (
    AREA_LEVEL,
    GEMEINDEN,
    KREIS,
    LAND,
    REGIERUNGSBEZIRK,
    Area,
    gemeinde_key,
    make_areas,
)
from bildungsplaner.demo.population import (
    AGES,
    FEMALE,
    MALE,
    SOCIAL_CODES,
    TOTAL,
    YEARS,
    AreaPopulation,
    aggregate,
    generate_area,
    social_indicators,
)
from bildungsplaner.i18n import tr
from bildungsplaner.progress import NullProgress, Progress
from bildungsplaner.store.audit import current_user, record
from bildungsplaner.store.dimensions import encode
from bildungsplaner.store.models import (
    AuditAction,
    Dataset,
    Facility,
    Indicator,
    Observation,
    Phase,
    Region,
    RegionLevel,
)

__all__ = ["SEED", "DemoSummary", "build_demo"]

SEED = 20240531
GENERATOR_VERSION = 1

#: (code, name, unit, description, phase) — the codes are used by other features, keep them stable.
INDICATORS: tuple[tuple[str, str, str, str, Phase], ...] = (
    ("BEV_ALTER", "Bevölkerung nach Einzelaltersjahren", "Personen",
     "Einwohnerinnen und Einwohner am 31.12. nach Alter (0 bis 18 Jahre) und Geschlecht.", Phase.KONTEXT),
    ("SGB2_U15", "Anteil Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften", "%",
     "Kinder unter 15 Jahren in Bedarfsgemeinschaften nach SGB II je 100 Kinder unter 15 Jahren.",
     Phase.KONTEXT),
    ("ALLEINERZ", "Anteil Alleinerziehenden-Haushalte", "%",
     "Haushalte von Alleinerziehenden je 100 Haushalte mit minderjährigen Kindern.", Phase.KONTEXT),
    ("MIGR_U18", "Anteil Minderjährige mit Einwanderungsgeschichte", "%",
     "Minderjährige mit Einwanderungsgeschichte je 100 Minderjährige.", Phase.KONTEXT),
    ("GEBURTEN", "Lebendgeborene", "Personen", "Lebendgeborene im Kalenderjahr (Wohnort der Mutter).",
     Phase.KONTEXT),
)


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` wrote."""

    regions: int
    gemeinden: int
    sozialraeume: int
    observations: int
    facilities: int
    indicators: int


def _period(year: int) -> str:
    return f"{year}-12-31"


def build_demo(session: Session, progress: Progress | None = None) -> DemoSummary:
    """Fill the empty workspace behind ``session`` with the demo Kreis; does not commit.

    Raises :class:`~bildungsplaner.progress.Cancelled` when ``progress`` is cancelled, and
    :class:`~bildungsplaner.BildungsplanerError` when the workspace already holds regions.
    """
    progress = progress or NullProgress()
    progress.report(0.0, tr("Gebiete des Kreises Lindental anlegen …"))
    progress.check()
    if session.scalar(select(func.count()).select_from(Region)):
        raise BildungsplanerError(tr("Die Demo-Daten können nur in einen leeren Arbeitsbereich geschrieben werden."))

    areas = make_areas(random.Random(f"{SEED}:areas"))
    region_ids = _add_regions(session, areas)
    dataset = Dataset(
        file_name="Demo-Daten (erzeugt)",
        sha256=hashlib.sha256(f"bildungsplaner-demo:{GENERATOR_VERSION}:{SEED}".encode()).hexdigest(),
        format="demo",
        title="Demo-Daten Kreis Lindental: Bevölkerung 0–18 Jahre, Geburten, Sozialindikatoren und "
              "Bildungseinrichtungen 2020–2024",
        stand="31.12.2024",
        source="Fiktive Beispieldaten, erzeugt von Bildungsplaner",
        footnotes="Alle Zahlen, Namen, Anschriften und Schlüssel sind frei erfunden. "
                  "Den Kreisschlüssel 05999 gibt es nicht.",
        imported_by=current_user(),
        meta={"generator": "bildungsplaner.demo", "version": GENERATOR_VERSION, "seed": SEED},
    )
    indicators = {code: Indicator(code=code, name=name, unit=unit, description=description, phase=phase.value)
                  for code, name, unit, description, phase in INDICATORS}
    session.add(dataset)
    session.add_all(indicators.values())
    session.flush()
    indicator_ids = {code: ind.id for code, ind in indicators.items()}

    progress.report(0.15, tr("Bevölkerung nach Alter und Geschlecht erzeugen …"))
    progress.check()
    rng = random.Random(f"{SEED}:population")
    by_area = {area.key: generate_area(rng, area) for area in areas}
    gemeinden = [
        aggregate(gemeinde_key(gi), [by_area[a.key] for a in areas if a.gemeinde_index == gi])
        for gi in range(len(GEMEINDEN))
    ]
    kreis = aggregate(KREIS[0], gemeinden)

    progress.report(0.3, tr("Bevölkerung und Geburten speichern …"))
    progress.check()
    common = {"dataset_id": dataset.id, "flag": None}
    rows: list[dict[str, Any]] = []
    bev, births = indicator_ids["BEV_ALTER"], indicator_ids["GEBURTEN"]
    for pop in [kreis, *gemeinden, *(by_area[a.key] for a in areas)]:
        rows.extend(_population_rows(pop, region_ids[pop.key], bev, common))
    for pop in [kreis, *gemeinden]:
        rows.extend(
            {**common, "indicator_id": births, "region_id": region_ids[pop.key], "period": _period(year),
             "dimensions": "", "value": float(pop.births[yi])}
            for yi, year in enumerate(YEARS)
        )
    session.execute(insert(Observation), rows)
    count = len(rows)

    progress.report(0.6, tr("Sozialindikatoren der Sozialräume erzeugen …"))
    progress.check()
    rng = random.Random(f"{SEED}:social")
    social = {area.key: social_indicators(rng, area) for area in areas}
    rows = [
        {**common, "indicator_id": indicator_ids[code], "region_id": region_ids[area.key],
         "period": _period(year), "dimensions": "", "value": social[area.key][code][year]}
        for area in areas for code in SOCIAL_CODES for year in YEARS
    ]
    session.execute(insert(Observation), rows)
    count += len(rows)

    progress.report(0.75, tr("Schulen, Kitas und weitere Einrichtungen anlegen …"))
    progress.check()
    sgb2 = {key: values["SGB2_U15"][YEARS[-1]] for key, values in social.items()}
    specs = facility_gen.generate(random.Random(f"{SEED}:facilities"), areas, by_area, kreis, sgb2)
    session.execute(insert(Facility), [
        {"key": f.key, "name": f.name, "kind": f.kind, "phase": f.phase,
         "region_id": region_ids[f.region_key], "address": f.address, "attributes": f.attributes,
         "offering": f.offering, "dataset_id": dataset.id}
        for f in specs
    ])

    progress.report(0.95, tr("Herkunftsangaben und Protokoll schreiben …"))
    progress.check()
    dataset.row_count = count
    dataset.meta = {**dataset.meta, "observations": count, "facilities": len(specs)}
    summary = DemoSummary(
        regions=len(region_ids), gemeinden=len(GEMEINDEN), sozialraeume=len(areas), observations=count,
        facilities=len(specs), indicators=len(indicators),
    )
    record(session, AuditAction.DEMO, {
        "kreis": f"{KREIS[1]} ({KREIS[0]})", "seed": SEED, "version": GENERATOR_VERSION,
        "regions": summary.regions, "observations": summary.observations, "facilities": summary.facilities,
    })
    session.flush()
    progress.report(1.0, tr("Demo-Arbeitsbereich erstellt."))
    return summary


def _add_regions(session: Session, areas: list[Area]) -> dict[str, int]:
    """Land → Regierungsbezirk → Kreis → Gemeinden → Sozialräume; returns the ids by key."""
    land = Region(key=LAND[0], name=LAND[1], level=RegionLevel.LAND.value)
    bezirk = Region(key=REGIERUNGSBEZIRK[0], name=REGIERUNGSBEZIRK[1],
                    level=RegionLevel.REGIERUNGSBEZIRK.value, parent=land)
    kreis = Region(key=KREIS[0], name=KREIS[1], level=RegionLevel.KREIS.value, parent=bezirk)
    regions = [land, bezirk, kreis]
    gemeinden = [Region(key=gemeinde_key(gi), name=spec.name, level=RegionLevel.GEMEINDE.value, parent=kreis)
                 for gi, spec in enumerate(GEMEINDEN)]
    regions += gemeinden
    regions += [Region(key=a.key, name=a.name, level=AREA_LEVEL.value, parent=gemeinden[a.gemeinde_index])
                for a in areas]
    session.add_all(regions)
    session.flush()
    return {r.key: r.id for r in regions}


def _population_rows(pop: AreaPopulation, region_id: int, indicator_id: int,
                     common: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for yi, year in enumerate(YEARS):
        period = _period(year)
        for age in AGES:
            male, female = pop.counts[yi][age]
            for sex, value in ((MALE, male), (FEMALE, female), (TOTAL, male + female)):
                rows.append({**common, "indicator_id": indicator_id, "region_id": region_id, "period": period,
                             "dimensions": _DIMENSIONS[age, sex], "value": float(value)})
    return rows


_DIMENSIONS: dict[tuple[int, str], str] = {
    (age, sex): encode({"Alter": str(age), "Geschlecht": sex})
    for age in AGES
    for sex in (MALE, FEMALE, TOTAL)
}
