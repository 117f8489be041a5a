"""What an export says about its sources: the datasets behind a scenario and the words for its columns.

* :func:`indicator_sources` — the current datasets behind indicator codes (table code or file name, sheet,
  title, Stand, import date, licence line);
* :func:`facility_sources` — the user's own lists behind facilities of some kinds (school or Kita lists:
  file name, sheet, Stand, import date, how many facilities, which attributes and from which column);
* :func:`attribute_labels` — the label of a facility attribute: the column header of the source file as the
  import template named it (kept as ``Dataset.meta["attribute_columns"]``), else a known German label, else
  the key itself.

Nothing here prints a local path or a login name: exports go to council members and the public.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import func, select

from bildungsplaner.store.database import Workspace
from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation

__all__ = ["KNOWN_ATTRIBUTE_LABELS", "attribute_labels", "facility_sources", "indicator_names",
           "indicator_sources"]

#: Labels for attribute keys that lists and the demo commonly use, where the source gave no header of its own.
KNOWN_ATTRIBUTE_LABELS = {
    "schueler": "Schülerzahl", "schueler_innen": "Schülerzahl", "sozialindex": "Sozialindexstufe",
    "ogs_plaetze": "OGS-Plätze", "plaetze_u3": "Plätze U3", "plaetze_ue3": "Plätze Ü3", "plaetze": "Plätze",
    "kinder_u3": "Kinder U3", "kinder_ue3": "Kinder Ü3", "zuege": "Züge", "klassen": "Klassen",
    "teilnehmende": "Teilnehmende", "unterrichtsstunden": "Unterrichtsstunden", "kurse": "Kurse",
    "medien": "Medien", "entleihungen": "Entleihungen", "standorte": "Standorte",
    "registrierte_nutzer": "registrierte Nutzer", "aktive_nutzer": "aktive Nutzer",
    "oeffnungsstunden_woche": "Öffnungsstunden je Woche", "anteil_online_kurse": "Anteil Online-Kurse",
}


def _meta(dataset_meta: Any) -> dict[str, Any]:
    return dataset_meta if isinstance(dataset_meta, dict) else {}


def _date(value: Any) -> str:
    return f"{value:%d.%m.%Y}" if value is not None else ""


def _file_text(file_name: str, meta: dict[str, Any]) -> str:
    sheet = meta.get("sheet")
    return f"{file_name}, Blatt „{sheet}“" if sheet else file_name


def indicator_sources(ws: Workspace, indicator_codes: Iterable[str]) -> list[tuple[str, str]]:
    """Method lines (label, text) for the current datasets behind ``indicator_codes``."""
    codes = sorted(set(indicator_codes))
    if not codes:
        return []
    # the distinct (dataset, indicator) pairs first, the datasets' columns joined to them: PostgreSQL cannot
    # DISTINCT over the JSON column ``meta`` (no equality operator for json), SQLite can
    pairs = (select(Observation.dataset_id, Indicator.code)
             .join(Indicator, Indicator.id == Observation.indicator_id)
             .where(Indicator.code.in_(codes)).distinct().subquery())
    with ws.session() as s:
        rows = s.execute(
            select(Dataset.id, Dataset.file_name, Dataset.table_code, Dataset.title, Dataset.stand, Dataset.source,
                   Dataset.imported_at, Dataset.meta, pairs.c.code)
            .join(pairs, pairs.c.dataset_id == Dataset.id)
            .where(Dataset.superseded_by_id.is_(None))
            .order_by(Dataset.id, pairs.c.code)).all()
    lines = []
    for _, file_name, code, title, stand, source, imported_at, meta, indicator in rows:
        what = f"Tabelle {code} ({_file_text(file_name, _meta(meta))})" if code else _file_text(file_name,
                                                                                              _meta(meta))
        text = " – ".join(p for p in (what, title or "", f"Stand: {stand}" if stand else "Stand: nicht angegeben",
                                      f"importiert am {_date(imported_at)}") if p)
        lines.append((indicator, text))
        if source:
            lines.append(("", source))
    return lines


def indicator_names(ws: Workspace, codes: Iterable[str]) -> dict[str, str]:
    """``code → name`` of the indicators (codes without an indicator are left out)."""
    wanted = sorted(set(codes))
    if not wanted:
        return {}
    with ws.session() as s:
        return dict(s.execute(select(Indicator.code, Indicator.name).where(Indicator.code.in_(wanted))).all())


def _facility_datasets(ws: Workspace, kinds: Sequence[str]) -> list[tuple[Any, ...]]:
    with ws.session() as s:
        stmt = (select(Dataset.id, Dataset.file_name, Dataset.title, Dataset.stand, Dataset.source,
                       Dataset.imported_at, Dataset.meta, func.count(Facility.id))
                .join(Facility, Facility.dataset_id == Dataset.id)
                .group_by(Dataset.id).order_by(Dataset.id))
        if kinds:
            stmt = stmt.where(Facility.kind.in_(list(kinds)))
        return list(s.execute(stmt).all())


def attribute_labels(ws: Workspace, kinds: Sequence[str] = ()) -> dict[str, str]:
    """``attribute key → label``: the source's column header where the import kept it (see module doc)."""
    labels: dict[str, str] = {}
    for *_, meta, _count in _facility_datasets(ws, kinds):
        for key, column in (_meta(meta).get("attribute_columns") or {}).items():
            if isinstance(column, str) and column.strip():
                labels.setdefault(str(key), column.strip())
    return labels


def attribute_label(key: str, labels: dict[str, str]) -> str:
    """The label for ``key`` (see :func:`attribute_labels`; then a known label, then the key)."""
    return labels.get(key) or KNOWN_ATTRIBUTE_LABELS.get(key.lower()) or key


def facility_sources(ws: Workspace, kinds: Sequence[str], attributes: Sequence[str],
                     labels: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Method lines for the lists the facilities of ``kinds`` came from, naming the ``attributes`` used."""
    labels = labels if labels is not None else attribute_labels(ws, kinds)
    lines = []
    kinds_text = ", ".join(kinds) or "alle Arten"
    for _, file_name, title, stand, source, imported_at, meta, count in _facility_datasets(ws, kinds):
        meta = _meta(meta)
        columns = meta.get("attribute_columns") or {}
        used = []
        for key in attributes:
            label = attribute_label(key, labels)
            column = columns.get(key)
            used.append(f"„{label}“" + (f" (Merkmal {key}, Spalte „{column}“)" if column and column != label
                                        else f" (Merkmal {key})" if label != key else ""))
        parts = [_file_text(file_name, meta), title if title and title != file_name else "",
                 f"Stand: {stand}" if stand else "Stand: nicht angegeben", f"importiert am {_date(imported_at)}",
                 f"{count} Einrichtungen ({kinds_text})", "Merkmale " + ", ".join(used) if used else ""]
        lines.append(("Einrichtungsliste", " – ".join(p for p in parts if p)))
        if source:
            lines.append(("", source))
    return lines
