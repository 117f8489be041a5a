"""The totals check on the real GENESIS tables: the false warnings of a GENESIS import are gone (parallel
subdivisions of Sachsen and Sachsen-Anhalt, regions that did not exist yet, rounded full-time equivalents,
„darunter“ columns, totals „ohne Doppelzählungen“), a real inconsistency is still reported, and the user's
own region comes first."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from realdata import real_file

from bildungsplaner.importing.readers import read_batch
from bildungsplaner.importing.sniff import sniff
from bildungsplaner.importing.validate import check_totals


def warnings_for(path: Path, home: str | None = None) -> list[str]:
    batch = read_batch(path, sniff(path))
    return check_totals(batch.rows, codes=batch.codes, home=home)


def edited_copy(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of a real file with one line changed (the file's own encoding kept)."""
    data = real_file(name).read_bytes()
    assert data.count(old.encode()) == 1
    path = tmp_path / name
    path.write_bytes(data.replace(old.encode(), new.encode()))
    return path


def test_parallel_subdivisions_of_sachsen_and_sachsen_anhalt_are_not_added_together() -> None:
    # births 1995-2015: Sachsen lists its old Regierungsbezirke 141-143 and today's 145-147 with numbers for
    # the same years, Sachsen-Anhalt its Stat. Regionen 151-153 beside today's Kreise
    text = "\n".join(warnings_for(real_file("genesis_12612-01-01-4_00.csv")))
    assert "Sachsen (14)" not in text and "Sachsen-Anhalt (15)" not in text
    # Köln's Regierungsbezirk before the Städteregion Aachen existed (2009): its row shows „-“
    assert "Köln, Regierungsbezirk (053)" not in text
    # what remains is real: Germany's published total differs from its Länder in 1995-1997
    assert "Deutschland (DG), Lebendgeborene, 1995, Geschlecht=Insgesamt: 765.213 ≠ Summe der 16 Teilgebiete " \
           "765.221." in text


def test_gemeinden_that_did_not_exist_yet_do_not_make_their_kreis_wrong() -> None:
    warnings = warnings_for(real_file("genesis_12411-01-01-5_00.csv"))
    text = "\n".join(warnings)
    # Hannover (Landeshauptstadt), Saarbrücken and the Aachen Gemeinden show „-“ for 2008, the
    # Städteregion Aachen did not exist then; Hohensaaten moved from Barnim in 2009
    for name in ("Region Hannover", "Saarbrücken", "Städteregion Aachen", "Barnim"):
        assert name not in text
    # real: Märkisch-Oderland's 2008 total holds Hohensaaten, which the file lists under Barnim
    assert len(warnings) == 3 and all(w.startswith("Zeile 9871: Märkisch-Oderland") for w in warnings)


def test_rounded_full_time_equivalents_may_differ_by_half_a_position_per_summand() -> None:
    text = "\n".join(warnings_for(real_file("genesis_22541-01-04-4_00.csv")))
    # 01.03.2016 Dresden: 10.587 vs 10.588 over 5 Kreise; Germany: 433.233 vs 433.232 over 16 Länder
    assert "Dresden, NUTS 2-Region (146)" not in text and "01.03.2016" not in text
    # real: in 2010 the three Stat. Regionen of Rheinland-Pfalz carry each other's numbers
    assert "Koblenz, Stat. Region (071), Tätige Personen, 01.03.2010" in text
    assert "1.011 ≠ Summe der 11 Teilgebiete 12.447" in text


def test_darunter_columns_and_deduplicated_totals_are_no_parts() -> None:
    # „dar. schulischer Teil der Fachhochschulreife“ is part of „mit Mittlerem Abschluss“, not beside it
    text = "\n".join(warnings_for(real_file("genesis_21111-02-06-4_00.csv")))
    assert "Schleswig-Holstein" not in text and "Flensburg" not in text
    # real: the Saarland's totals hold leavers that no qualification column shows
    assert "Saarbrücken, Landeshauptstadt, Absolventen/Abgänger, 2015, Geschlecht=Insgesamt: Schulabschluss " \
           "„Insgesamt“ 1.899 ≠ Summe der Teile 1.860." in text
    # Kita + Tagespflege count some children twice: the total „ohne Doppelzählungen“ is smaller by design
    text = "\n".join(warnings_for(real_file("genesis_22543-01-02-4_00.csv")))
    assert "„Insgesamt (ohne Doppelzählungen)“" not in text


def test_no_warning_where_the_real_data_add_up() -> None:
    for name in ("genesis_12411-01-01-4.csv", "genesis_12411-03-03-4_00.csv", "genesis_12411-04-02-4_00.csv"):
        assert warnings_for(real_file(name)) == [], name


def test_an_inconsistency_put_into_a_real_file_is_reported(tmp_path) -> None:
    # Dresden (Stadt) 2006 one hundred births too many: today's Direktionsbezirk Dresden no longer adds up
    path = edited_copy(tmp_path, "genesis_12612-01-01-4_00.csv", "2006;14612;      Dresden, Stadt;4862;",
                       "2006;14612;      Dresden, Stadt;4962;")
    text = "\n".join(warnings_for(path))
    assert "Dresden, NUTS 2-Region (146), Lebendgeborene, 2006, Geschlecht=Insgesamt: 13.248 ≠ Summe der 5 " \
           "Teilgebiete 13.348." in text
    # Sachsen itself against either of its subdivisions: 100 too many is found in both
    path = edited_copy(tmp_path, "genesis_12612-01-01-4_00.csv", "2006;14;  Sachsen;32556;",
                       "2006;14;  Sachsen;32656;")
    text = "\n".join(warnings_for(path))
    assert "Sachsen (14), Lebendgeborene, 2006, Geschlecht=Insgesamt: 32.656 ≠ Summe der 3 Teilgebiete 32.556." \
        in text
    # full-time equivalents ten positions off in one Kreis are more than rounding
    path = edited_copy(tmp_path, "genesis_22541-01-04-4_00.csv", ";-;-;1623\n", ";-;-;1633\n")
    text = "\n".join(warnings_for(path))
    assert "Arnsberg, Regierungsbezirk (059), Rechn.Zahl d.Vollzeitstellen i.pädagogisch.Bereich, 01.03.2016: " \
           "15.266 ≠ Summe der 12 Teilgebiete 15.277." in text


def test_the_home_region_comes_first(tmp_path) -> None:
    path = edited_copy(tmp_path, "genesis_21111-02-06-4_00.csv", "2015;05978;      Unna, Kreis;4984;",
                       "2015;05978;      Unna, Kreis;4994;")
    general = warnings_for(path)
    assert general[0].startswith("Zeile 370: Saarbrücken, Landeshauptstadt")  # the most specific key first
    assert any(w.startswith("Zeile 144: Unna, Kreis") for w in general)
    home = warnings_for(path, home="05978")
    assert home[0] == ("Zeile 144: Unna, Kreis, Absolventen/Abgänger, 2015, Geschlecht=Insgesamt: Schulabschluss "
                       "„Insgesamt“ 4.994 ≠ Summe der Teile 4.984.")
    # then the regions above Unna: Regierungsbezirk Arnsberg no longer adds up, then Germany
    assert home[1].startswith("Zeile 132: Arnsberg, Regierungsbezirk (059)")
    assert sorted(home) == sorted(general)


def test_rates_are_not_summed() -> None:
    rows = pd.DataFrame({
        "region_key": ["05978", "05978", "05978"], "region_name": ["Unna"] * 3,
        "indicator": ["Betreuungsquote"] * 3, "indicator_code": [None] * 3, "unit": ["%"] * 3,
        "period": ["2024"] * 3, "period_iso": ["2024"] * 3,
        "dimensions": ["Geschlecht=Insgesamt", "Geschlecht=männlich", "Geschlecht=weiblich"],
        "value": [30.0, 29.0, 31.0], "flag": [None] * 3, "source_row": [2, 3, 4]})
    assert check_totals(rows) == []
    assert check_totals(rows.assign(indicator="Betreute Kinder", unit="Anzahl")) != []  # a count: 30 ≠ 60
