"""The vectorised totals checks („Insgesamt ≠ Summe der Teile“, „Gebiet ≠ Summe der Teilgebiete“) give the
warnings of the pandas-groupby versions they replaced (issue 14), on every real GENESIS file and on tables made
to disagree.

``reference_part_whole_warnings`` and ``reference_region_sum_warnings`` are the former implementations, kept
here only as the reference.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bildungsplaner.formatting import format_amount as _fmt
from bildungsplaner.formatting import format_number
from bildungsplaner.i18n import tr
from bildungsplaner.importing.batch import column_codes
from bildungsplaner.importing.readers import read_batch
from bildungsplaner.importing.sniff import sniff
from bildungsplaner.importing.validate import (
    _DEDUPLICATED,
    _SUBSET,
    MIN_COMPARISONS,
    Codes,
    Ranked,
    _measure_frame,
    _mismatch,
    _nearest_present_parent,
    _part_whole_warnings,
    _rank,
    _region_sum_warnings,
)
from bildungsplaner.store import dimensions as dims

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"
REAL_FILES = sorted(REAL_DATA.glob("genesis_*.csv")) if REAL_DATA.exists() else []


# --- the former implementation (reference) ------------------------------------------------------------------

def _reference_split_dimensions(rows: pd.DataFrame, codes_of: Codes) -> pd.DataFrame | None:
    """One column per dimension name (``None`` where a row lacks it); each distinct text decoded once.

    ``None`` when no dimension has a total value (``Insgesamt`` …): then there is nothing to check.
    """
    codes, uniques = codes_of("dimensions")
    decoded = [dims.decode(t) if isinstance(t, str) else {} for t in uniques.tolist()] + [{}]  # [-1]: missing
    if not any(dims.is_total_label(value) for d in decoded for value in d.values()):
        return None
    names = sorted({name for d in decoded for name in d})
    return pd.DataFrame({name: np.asarray([d.get(name) for d in decoded], dtype=object)[codes] for name in names},
                        index=rows.index)


def reference_part_whole_warnings(rows: pd.DataFrame, codes_of: Codes, measures: pd.DataFrame,
                                   home: str | None) -> Ranked:
    warnings: Ranked = []
    split = _reference_split_dimensions(rows, codes_of)
    if split is None:
        return []
    base = rows[["region_key", "region_name", "indicator", "period", "value", "source_row"]].assign(
        _missing=rows["value"].isna(), _step=measures["_step"])[measures["_additive"]]
    for name in split.columns:
        column = split.loc[base.index, name]
        labels = pd.unique(column.dropna())
        totals_of = {label: dims.is_total_label(label) for label in labels}
        is_total = column.map(totals_of).fillna(False).astype(bool)
        if not is_total.any():
            continue
        subset = column.map({label: _SUBSET.match(label) is not None for label in labels}).fillna(False).astype(bool)
        others = [c for c in split.columns if c != name]
        frame = base.assign(_total=is_total, total_label=column)
        frame = frame[column.notna() & ~(subset & ~is_total)]
        group_cols = ["region_key", "indicator", "period", *[f"_d{i}" for i in range(len(others))]]
        for i, other in enumerate(others):
            frame[f"_d{i}"] = split.loc[frame.index, other].fillna("\x00")
        frame["region_key"] = frame["region_key"].fillna(frame["region_name"])
        parts = frame[~frame["_total"]]
        totals = frame[frame["_total"] & ~frame["total_label"].str.contains(_DEDUPLICATED)]
        if parts.empty or totals.empty:
            continue
        agg = parts.groupby(group_cols, sort=False, dropna=False).agg(
            parts_sum=("value", "sum"), parts_n=("value", "size"), parts_missing=("_missing", "sum"))
        joined = totals.join(agg, on=group_cols, how="inner")
        joined = joined[(joined["parts_missing"] == 0) & (joined["parts_n"] > 1) & joined["value"].notna()]
        bad = _mismatch(joined["value"].to_numpy(float), joined["parts_sum"].to_numpy(float),
                        joined["parts_n"].to_numpy(float), joined["_step"].to_numpy(float))
        # parts that are no breakdown of the total: the total rarely matches them, so a difference means nothing
        share_ok = pd.Series(~bad, index=joined.index).groupby(joined["indicator"]).agg(["mean", "size"])
        breakdown = share_ok.index[(share_ok["size"] < MIN_COMPARISONS) | (share_ok["mean"] >= 0.5)]
        bad &= joined["indicator"].isin(breakdown).to_numpy()
        for index, row in zip(joined.index[bad], joined[bad].itertuples(index=False), strict=True):
            rest = ", ".join(f"{o}={split.at[index, o]}" for o in others if pd.notna(split.at[index, o]))
            text = tr("Zeile {row}: {region}, {indicator}, {period}{rest}: {dimension} „{total}“ {value} ≠ Summe der "
                      "Teile {parts}.", row=row.source_row, region=row.region_name or row.region_key,
                      indicator=row.indicator, period=row.period, rest=", " + rest if rest else "", dimension=name,
                      total=row.total_label, value=_fmt(row.value), parts=_fmt(row.parts_sum))
            warnings.append(((*_rank(row.region_key, home), int(row.source_row or 0)), text))
    return warnings


def reference_region_sum_warnings(rows: pd.DataFrame, codes_of: Codes, measures: pd.DataFrame,
                                   home: str | None) -> Ranked:
    all_keys = [k for k in codes_of("region_key")[1].tolist() if isinstance(k, str)]
    present_keys = set(all_keys)
    if not any(_nearest_present_parent(k, present_keys) for k in all_keys):
        return []  # no region of the file lies below another of the file: nothing to add up (fast path)
    wanted = measures["_additive"] & measures["_countlike"] & rows["region_key"].notna()
    counts = rows[wanted].assign(_step=measures.loc[wanted, "_step"])
    if counts.empty:
        return []
    keys = pd.unique(counts["region_key"])
    present = set(keys)
    parents = {key: parent for key in keys if (parent := _nearest_present_parent(key, present))}
    if not parents:
        return []
    # a region exists in a period where it shows at least one number other than 0 („-“)
    nonzero = rows["value"].fillna(0).ne(0) & rows["region_key"].notna()
    existing = set(zip(rows.loc[nonzero, "region_key"], rows.loc[nonzero, "period"], strict=True))
    periods = rows[["period", "period_iso"]].dropna().drop_duplicates()
    latest = periods.sort_values("period_iso")["period"].iloc[-1] if not periods.empty else None
    frame = counts.assign(
        _parent=counts["region_key"].map(parents),
        _exists=[(k, p) in existing for k, p in zip(counts["region_key"], counts["period"], strict=True)])
    frame = frame.assign(_today=frame["region_key"].map(lambda k: (k, latest) in existing).astype(bool))
    frame = frame.assign(_missing=frame["value"].isna() & frame["_exists"], _v=frame["value"].fillna(0))
    children = frame[frame["_parent"].notna()]
    today = children["_today"]
    former = ~today & children["_exists"]
    children = children.assign(
        _t_v=children["_v"].where(today, 0), _t_n=today, _t_missing=children["_missing"] & today,
        _t_gap=today & ~children["_exists"],
        _e_n=children["_exists"],
        _f_v=children["_v"].where(former, 0), _f_n=former, _f_missing=children["_missing"] & former)
    group_cols = ["_parent", "indicator", "period", "dimensions"]
    agg = children.groupby(group_cols, sort=False).agg(
        exist_sum=("_v", "sum"), exist_n=("_e_n", "sum"), exist_missing=("_missing", "sum"),
        today_sum=("_t_v", "sum"), today_n=("_t_n", "sum"), today_missing=("_t_missing", "sum"),
        today_gaps=("_t_gap", "sum"), former_sum=("_f_v", "sum"), former_n=("_f_n", "sum"),
        former_missing=("_f_missing", "sum"))
    agg.index = agg.index.set_names(["region_key", "indicator", "period", "dimensions"])
    joined = frame[frame["_exists"] & frame["value"].notna()].join(
        agg, on=["region_key", "indicator", "period", "dimensions"], how="inner")
    # a single sub-region is usually a city listed beside its Kreis (Hannover, Aachen), not a breakdown
    joined = joined[(joined["today_n"] >= 2) & (joined["today_missing"] == 0) & (joined["today_gaps"] == 0)]
    value, step = joined["value"].to_numpy(float), joined["_step"].to_numpy(float)
    bad = _mismatch(value, joined["today_sum"].to_numpy(float), joined["today_n"].to_numpy(float), step)
    for kind in ("exist", "former"):  # the other subdivision of the period, on its own
        n = joined[f"{kind}_n"].to_numpy(float)
        usable = (n >= 2) & (joined[f"{kind}_missing"].to_numpy() == 0)
        bad &= ~(usable & ~_mismatch(value, joined[f"{kind}_sum"].to_numpy(float), n, step))
    return [
        ((*_rank(row.region_key, home), int(row.source_row or 0)),
         tr("Zeile {row}: {region} ({key}), {indicator}, {period}{dimensions}: {value} ≠ Summe der {count} "
            "Teilgebiete {parts}.", row=row.source_row, region=row.region_name or row.region_key, key=row.region_key,
            indicator=row.indicator, period=row.period, dimensions=", " + row.dimensions if row.dimensions else "",
            value=_fmt(row.value), count=format_number(int(row.today_n)), parts=_fmt(row.today_sum)))
        for row in joined[bad].itertuples(index=False)
    ]


# --- the comparison -----------------------------------------------------------------------------------------

def assert_same_warnings(rows: pd.DataFrame, home: str | None = None) -> Ranked:
    codes_of = partial(column_codes, rows)
    measures = _measure_frame(rows, codes_of)
    expected = reference_part_whole_warnings(rows, codes_of, measures, home)
    found = _part_whole_warnings(rows, codes_of, measures, home)
    assert found == expected
    regions = _region_sum_warnings(rows, codes_of, measures, home)
    assert regions == reference_region_sum_warnings(rows, codes_of, measures, home)
    return found + regions


@pytest.mark.parametrize("path", REAL_FILES, ids=[p.name for p in REAL_FILES])
@pytest.mark.parametrize("home", [None, "05978"])
def test_every_real_file_gives_the_same_warnings(path: Path, home: str | None) -> None:
    assert_same_warnings(read_batch(path, sniff(path)).rows, home)


def test_disagreeing_totals_give_the_same_warnings() -> None:
    """Totals off by one in some places, missing parts, „darunter“ parts, a total without double counting,
    rounded measures, a region without key: the same warnings in the same order."""
    rng = np.random.default_rng(14)
    records = []
    for r in range(60):
        key = None if r == 59 else f"05978{r:03d}"
        for period in ("2015-12-31", "2016-12-31"):
            for indicator in ("Schüler", "Vollzeitstellen"):
                for age in ("unter 3 Jahre", "3 bis 6 Jahre", "Insgesamt"):
                    parts = rng.integers(0, 100, 2).astype(float)
                    if rng.random() < 0.05:
                        parts[0] = np.nan
                    total = np.nansum(parts) + (1 if rng.random() < 0.2 else 0)
                    for sex, value in (("männlich", parts[0]), ("weiblich", parts[1]), ("Insgesamt", total),
                                       ("dar. ausländisch", 3.0)):
                        records.append({"region_key": key, "region_name": f"Gemeinde {r}", "indicator": indicator,
                                        "indicator_code": None, "unit": "Anzahl", "period": period,
                                        "period_iso": period, "dimensions": dims.encode({
                                            "Altersgruppe": age, "Geschlecht": sex}),
                                        "value": value, "flag": None, "source_row": len(records) + 1})
                records.append({"region_key": key, "region_name": f"Gemeinde {r}", "indicator": indicator,
                                "indicator_code": None, "unit": "Anzahl", "period": period, "period_iso": period,
                                "dimensions": dims.encode({"Art": "Insgesamt (ohne Doppelzählungen)"}),
                                "value": 1.0, "flag": None, "source_row": len(records) + 1})
    found = assert_same_warnings(pd.DataFrame(records))
    assert len(found) > 20
    assert_same_warnings(pd.DataFrame(records), home="05978001")


def test_regions_that_do_not_add_up_give_the_same_warnings() -> None:
    """A Land, two Kreise with Gemeinden (one Gemeinde new in the latest year, one Kreis off by a few), a city
    beside its Kreis, secret values and a missing dimension: the same warnings in the same order."""
    rng = np.random.default_rng(7)
    records: list[dict[str, object]] = []

    def add(key: str, period: str, sex: str, value: float) -> None:
        records.append({"region_key": key, "region_name": f"Gebiet {key}", "indicator": "Einwohner",
                        "indicator_code": None, "unit": "Anzahl", "period": period, "period_iso": period,
                        "dimensions": dims.encode({"Geschlecht": sex}) if sex else "", "value": value,
                        "flag": None, "source_row": len(records) + 1})

    for period in ("2014-12-31", "2015-12-31", "2016-12-31"):
        for sex in ("männlich", "weiblich", ""):
            land = 0.0
            for kreis in ("05978", "05974", "05913"):
                gemeinden = [f"{kreis}{g:03d}" for g in range(4, 40, 4)]
                if period != "2016-12-31":
                    gemeinden = gemeinden[:-1]  # one Gemeinde exists only in the latest year
                values = rng.integers(100, 5000, len(gemeinden)).astype(float)
                if kreis == "05913":
                    gemeinden = gemeinden[:1]  # a city listed beside its Kreis
                    values = values[:1]
                for key, value in zip(gemeinden, values, strict=True):
                    add(key, period, sex, np.nan if rng.random() < 0.03 else value)
                off = 3.0 if kreis == "05974" and rng.random() < 0.7 else 0.0
                add(kreis, period, sex, float(values.sum()) + off)
                land += float(values.sum())
            add("05", period, sex, land + (1.0 if period == "2015-12-31" else 0.0))
    rows = pd.DataFrame(records)
    found = assert_same_warnings(rows)
    assert any("Teilgebiete" in text for _, text in found)
    assert_same_warnings(rows, home="05974")
