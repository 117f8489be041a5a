"""The import speaks the interface's language: an English window gets the import report, its warnings, its
progress texts and the refusals of a broken GENESIS table or a wrong import template in English; German stays
the default (``bildungsplaner.i18n``, catalogue ``bildungsplaner/i18n/en_importing.py``)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.i18n import set_language
from bildungsplaner.importing.template import ImportTemplate, TemplateError
from bildungsplaner.progress import RecordingProgress
from bildungsplaner.services.importing import import_file

KITA = "genesis_22543-01-02-4_00.csv"  # Kindertagesbetreuung by Kreis, 2011 on: totals that do not add up

POPULATION = textwrap.dedent("""
    format = 1
    name = "Einwohner"
    target = "observations"
    [regions]
    key = "AGS"
    [observations]
    fixed_period = "2024"
    [[observations.measures]]
    column = "Einwohner"
    indicator = "BEV"
""")


@pytest.fixture(autouse=True)
def _german_afterwards():
    yield
    set_language("de")


def _truncated_genesis(tmp_path: Path) -> Path:
    """The real table cut off before its footer line „__________“, as an interrupted download leaves it."""
    lines = real_file(KITA).read_bytes().splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.startswith(b"___"))
    target = tmp_path / "Kita, abgebrochen.csv"
    target.write_bytes(b"".join(lines[:cut - 3]))
    return target


def test_an_english_import_reports_its_warnings_and_progress_in_english(workspace):
    set_language("en")
    progress = RecordingProgress()
    report = import_file(workspace, real_file(KITA), progress=progress)
    summary = report.summary()

    first = summary.splitlines()[0]
    assert re.fullmatch(r"genesis_22543-01-02-4_00\.csv: \d+ rows read, \d+ observations imported \(data set 1\)\.",
                        first), first
    assert "Areas: 0 matched, " in summary and " not matched." in summary
    assert re.search(r"^Symbols: “-” \d+×, “\.” \d+×$", summary, re.MULTILINE)

    assert summary.count("\nWarning: Row ") == len(report.warnings) > 0
    regional = [w for w in report.warnings if "≠ sum of the 16 sub-areas" in w]
    assert regional, report.warnings
    # numbers stay formatted as numbers (German grouping, house rule), only the words change
    assert re.search(r"^Row \d+: Deutschland \(DG\), .+: [\d.]+ ≠ sum of the 16 sub-areas [\d.]+\.$", regional[0])
    assert any("≠ sum of the parts" in w for w in report.warnings)
    words = " ".join([*report.warnings, summary])
    assert not re.search(r"\b(Zeile|Summe|Teilgebiete|Warnung|Gebiete|Beobachtungen|Datensatz)\b", words)

    messages = [m for _, m in progress.reports]
    assert messages[0] == "Reading the GENESIS table …" and messages[-1] == "Import finished."
    assert "Checking the totals …" in messages
    assert any(re.fullmatch(r"[\d.]+ of [\d.]+ values written …", m) for m in messages)


def test_german_stays_the_default(workspace):
    report = import_file(workspace, real_file(KITA), dry_run=True)
    assert any("≠ Summe der 16 Teilgebiete" in w for w in report.warnings)
    assert "Beobachtungen würden importiert" in report.summary().splitlines()[0]


def test_a_truncated_genesis_table_is_refused_in_english(workspace, tmp_path):
    broken = _truncated_genesis(tmp_path)
    set_language("en")
    with pytest.raises(UserInputError) as refused:
        import_file(workspace, broken)
    assert str(refused.value) == ("The GENESIS table ends without the separator line “__________” before the footer; "
                                  "the file is probably incomplete.")
    set_language("de")
    with pytest.raises(UserInputError, match=r"^Die GENESIS-Tabelle endet ohne die Trennlinie"):
        import_file(workspace, broken)


def test_a_genesis_table_with_a_bad_region_key_names_the_line_in_english(workspace, tmp_path):
    lines = real_file(KITA).read_bytes().splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith(b"01.03.2011;05978;"))
    lines[row] = lines[row].replace(b";05978;", b";Unna;", 1)
    target = tmp_path / "kita.csv"
    target.write_bytes(b"".join(lines))
    set_language("en")
    with pytest.raises(UserInputError, match=rf"^Line {row + 1} contains “Unna”, which is not an official "
                                             r"region key\.$"):
        import_file(workspace, target)


def test_a_template_with_an_unknown_key_is_refused_in_english(tmp_path):
    path = tmp_path / "Einwohner.toml"
    path.write_text(POPULATION.replace("[regions]", "[regions]\nschluessel = \"AGS\""), encoding="utf-8")
    set_language("en")
    with pytest.raises(TemplateError) as refused:
        ImportTemplate.load(path)
    assert str(refused.value) == ("Import template: unknown key “regions.schluessel” (allowed: key, name, assign, "
                                  "create_unmatched, fixed).")


def test_a_template_of_another_format_and_a_wrong_value_are_refused_in_english():
    set_language("en")
    with pytest.raises(TemplateError, match=r"^The import template has format 2; this version of Bildungsplaner "
                                            r"only knows format 1\.$"):
        ImportTemplate.loads(POPULATION.replace("format = 1", "format = 2"))
    with pytest.raises(TemplateError, match=r"^Import template: “read\.header_rows” must be a whole number, "
                                            r"not 'zwei'\.$"):
        ImportTemplate.loads(POPULATION + '[read]\nheader_rows = "zwei"\n')
    with pytest.raises(TemplateError, match=r"^Import template: “regions\.key” must be a text, not 5978 \(in "
                                            r"quotation marks, or leading zeros get lost\)\.$"):
        ImportTemplate.loads(POPULATION.replace('key = "AGS"', "key = 5978"))


def test_a_template_that_names_a_missing_column_is_refused_in_english(workspace, tmp_path):
    table = tmp_path / "Einwohner, Kreis Unna.csv"
    table.write_text("Schlüssel;Einwohner\n05978;392000\n05978004;48000\n", encoding="utf-8")
    set_language("en")
    with pytest.raises(UserInputError, match=r"^The table has no column “AGS” \(present: “Schlüssel”, "
                                             r"“Einwohner”\)\.$"):
        import_file(workspace, table, template=ImportTemplate.loads(POPULATION))


def test_the_reader_child_process_speaks_the_parents_language():
    from bildungsplaner.importing.numbers import parse_german_number
    from bildungsplaner.importing.sandbox import ChildError, run_limited

    set_language("en")
    with pytest.raises(ChildError, match=r"^'zwölf' is not a number in German notation\.$"):
        run_limited(parse_german_number, "zwölf")
