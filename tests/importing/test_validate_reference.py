"""The vectorised „Insgesamt ≠ Summe der Teile“ check gives the warnings of the pandas-groupby version it
replaced (issue 14), on every real GENESIS file and on tables made to disagree.

``reference_part_whole_warnings`` is the former implementation, kept here only as the reference.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from bildungsplaner.formatting import format_amount as _fmt
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
    _part_whole_warnings,
    _rank,
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


# --- the comparison -----------------------------------------------------------------------------------------

def assert_same_warnings(rows: pd.DataFrame, home: str | None = None) -> Ranked:
    codes_of = partial(column_codes, rows)
    measures = _measure_frame(rows, codes_of)
    expected = reference_part_whole_warnings(rows, codes_of, measures, home)
    found = _part_whole_warnings(rows, codes_of, measures, home)
    assert found == expected
    return found


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
