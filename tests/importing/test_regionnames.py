"""Region names as people write them: the normal forms and the matching rules, without a workspace."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bildungsplaner.importing.regionnames import Place, RegionNameIndex, fold, name_forms, normalize_name

# names as letters, umlauts, ß, blanks and hyphens (what a Gemeinde name is made of)
LETTERS = "abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
names = st.text(alphabet=LETTERS + " -", min_size=1, max_size=30).filter(lambda s: any(c.isalpha() for c in s))
UMLAUT_SPELLING = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.text(max_size=40), st.text(alphabet=LETTERS + " -/,.()", max_size=40)))
def test_normalising_twice_changes_nothing(text: str) -> None:
    full = normalize_name(text)
    assert normalize_name(full) == full
    core = name_forms(text).core
    assert name_forms(core).core == core and fold(fold(text)) == fold(text)


@settings(max_examples=300, deadline=None)
@given(names)
def test_case_and_umlaut_spelling_do_not_change_the_name(name: str) -> None:
    assert normalize_name(name.upper()) == normalize_name(name) == normalize_name(name.lower())
    assert normalize_name(name.translate(UMLAUT_SPELLING)) == normalize_name(name)
    assert normalize_name(f"  {name}  ") == normalize_name(name)


@settings(max_examples=300, deadline=None)
@given(names)
def test_the_kind_of_town_before_or_after_the_name_does_not_change_it(name: str) -> None:
    assume(name.strip(" -"))
    plain = normalize_name(name)
    assert normalize_name(f"{name}, Stadt") == plain
    assert normalize_name(f"Stadt {name}") == plain
    assert normalize_name(f"Kreisstadt {name}") == plain
    assert normalize_name(f"Hansestadt {name}") == plain


@settings(max_examples=200, deadline=None)
@given(names)
def test_hyphens_and_blanks_between_words_do_not_count(name: str) -> None:
    assert normalize_name(name.replace(" ", "-")) == normalize_name(name.replace("-", " "))


@pytest.mark.parametrize(("written", "official"), [
    ("Boenen", "Bönen"), ("BÖNEN", "Bönen"), ("Stadt Unna", "Unna, Stadt"), ("Kreisstadt Unna", "Unna, Stadt"),
    ("Kreis Unna", "Unna, Kreis"), ("Landkreis Unna", "Unna, Kreis"), ("Froendenberg/Ruhr", "Fröndenberg/Ruhr"),
    ("Fröndenberg (Ruhr)", "Fröndenberg/Ruhr, Stadt"), ("Werne an der Lippe", "Werne a.d. Lippe"),
    ("Neustadt an der Donau", "Neustadt a.d.Donau, St"), ("Sankt Ingbert", "St. Ingbert"),
    ("Halle (Saale)", "Halle (Saale), Kreisfreie Stadt"), ("Osterfeld", "Osterfeld, Stadt (ab 21.10.2009)"),
])
def test_spellings_of_one_name_share_the_full_form(written: str, official: str) -> None:
    assert normalize_name(written) == normalize_name(official)


def test_a_kreis_is_not_its_town_and_an_addition_is_kept_apart_from_the_name() -> None:
    assert normalize_name("Kreis Unna") != normalize_name("Unna")
    assert normalize_name("Schwerte (Ruhr)") != normalize_name("Schwerte")
    assert name_forms("Schwerte (Ruhr)").core == name_forms("Schwerte").core
    assert name_forms("Am Mellensee").core == "ammellensee"  # a name may start with a preposition


def place(rid: int, key: str, name: str) -> Place:
    kreis = key[:5] if len(key) >= 5 else None
    within = frozenset({key[:n] for n in (2, 3, 5) if len(key) >= n} | {key})
    return Place(rid, key, name, kreis, within)


INDEX = RegionNameIndex.of([
    place(1, "05978", "Unna, Kreis"), place(2, "05978036", "Unna, Stadt"), place(3, "05978008", "Bönen"),
    place(4, "05978028", "Schwerte"), place(5, "05954036", "Wetter (Ruhr), Stadt"),
    place(6, "03152004", "Bovenden"), place(7, "01055", "Ostholstein, Kreis"),
    place(8, "01055032", "Neustadt in Holstein"), place(9, "09473", "Coburg, Landkreis"),
    place(10, "09473151", "Neustadt b.Coburg, GKSt"), place(11, "16061073", "Neustadt"),
    place(12, "05978020", "Kamen"),
])


def test_a_unique_spelling_is_taken_and_says_so() -> None:
    assert INDEX.match("Boenen").place.key == "05978008" and INDEX.match("Boenen").how == "spelling"
    assert INDEX.match("Bönen").how == "exact"
    assert INDEX.match("Schwerte (Ruhr)").place.key == "05978028"  # never Wetter (Ruhr)
    assert INDEX.match("Kreis Unna").place.key == "05978" and INDEX.match("Stadt Unna").place.key == "05978036"
    assert INDEX.match("Nordviertel").how == "none"


def test_an_ambiguous_name_is_offered_unless_the_files_kreis_or_the_home_region_decides() -> None:
    found = INDEX.match("Neustadt")
    assert found.place is None and found.how == "ambiguous"
    assert [p.key for p in found.candidates] == ["01055032", "09473151", "16061073"]
    in_coburg = INDEX.match("Neustadt", kreise={"09473"})
    assert in_coburg.place.key == "09473151" and in_coburg.how == "kreis"
    assert INDEX.match("Neustadt", kreise={"05978"}).how == "ambiguous"  # no Neustadt in Kreis Unna
    at_home = INDEX.match("Neustadt", kreise={"05978"}, home="01")
    assert at_home.place.key == "01055032" and at_home.how == "home"
    assert [p.key for p in INDEX.match("Neustadt", kreise={"16061"}).candidates] == []  # taken, nothing offered
    offered = INDEX.match("Neustadt", kreise={"05978", "09473", "16061"})
    assert offered.how == "ambiguous" and [p.key for p in offered.candidates][:2] == ["09473151", "16061073"]


def test_suggestions_come_from_the_files_kreis_first() -> None:
    assert [p.name for p in INDEX.suggest("Bönnen", kreise={"05978"})][:1] == ["Bönen"]
    assert "Bovenden" not in [p.name for p in INDEX.suggest("Bönnen", kreise={"05978"})]
    assert [p.name for p in INDEX.suggest("Kamn", kreise={"05978"})] == ["Kamen"]
