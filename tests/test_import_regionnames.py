"""A Bildungsbüro's own lists with Gemeinde names as people write them, into the real Gemeinde table (issue 11).

The workspace holds the real GENESIS Gemeinde table (12411-01-01-5: ~14,500 regions of all Germany, Kreis Unna
05978 with „Unna, Stadt“, „Fröndenberg/Ruhr“, „Bönen“ …); the lists are small CSVs mapped by name only.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from realdata import real_file
from sqlalchemy import select

from bildungsplaner.__main__ import main
from bildungsplaner.importing.template import ImportTemplate
from bildungsplaner.services.importing import UnmatchedRegionsError, import_file
from bildungsplaner.store.database import Workspace, open_workspace
from bildungsplaner.store.models import Observation, Region

TEMPLATE = textwrap.dedent("""
    format = 1
    name = "Schulen nach Gemeinde"
    target = "observations"
    [regions]
    name = "Name"
    [observations]
    fixed_period = "2024"
    [[observations.measures]]
    column = "Schüler"
    indicator = "SCHUELER"
    unit = "Anzahl"
""")

UNNA = {"Bergkamen": "05978004", "Bönen": "05978008", "Fröndenberg/Ruhr": "05978012", "Holzwickede": "05978016",
        "Kamen": "05978020", "Lünen": "05978024", "Schwerte": "05978028", "Selm": "05978032",
        "Unna, Stadt": "05978036", "Werne": "05978040"}

#: the spellings of the issue, each with the Gemeinde it must find
SPELLINGS = [
    ("Boenen", "05978008"), ("Bönen", "05978008"), ("BÖNEN", "05978008"), ("Stadt Unna", "05978036"),
    ("Kreisstadt Unna", "05978036"), ("Unna", "05978036"), ("Schwerte (Ruhr)", "05978028"),
    ("Schwerte/Ruhr", "05978028"), ("Stadt Schwerte", "05978028"), ("Fröndenberg", "05978012"),
    ("Froendenberg/Ruhr", "05978012"), ("Fröndenberg (Ruhr)", "05978012"), ("Luenen", "05978024"),
    ("Lünen, Stadt", "05978024"), ("Stadt Lünen", "05978024"), ("Werne a.d. Lippe", "05978040"),
    ("Werne an der Lippe", "05978040"), ("Holzwickede", "05978016"), ("Berg-Kamen", "05978004"),
    ("Selm", "05978032"), ("Kamen", "05978020"),
]


@pytest.fixture(scope="module")
def gemeinden_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the real Gemeinde table, built once per module (closed: copy it before writing)."""
    table = real_file("genesis_12411-01-01-5_00.csv")
    folder = tmp_path_factory.mktemp("gemeinden")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BILDUNGSPLANER_HOME", str(folder / "home"))
        ws = open_workspace(folder / "gemeinden.bpws")
        try:
            import_file(ws, table)
        finally:
            ws.close()
    return folder / "gemeinden.bpws"


@pytest.fixture
def gemeinden(gemeinden_file: Path, tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "gemeinden.bpws"
    shutil.copyfile(gemeinden_file, path)
    ws = open_workspace(path)
    yield ws
    ws.close()


def school_list(tmp_path: Path, *names: str) -> Path:
    path = tmp_path / "schulen.csv"
    path.write_text("Name;Schüler\n" + "".join(f"{name};{i + 1}\n" for i, name in enumerate(names)),
                    encoding="utf-8")
    return path


def test_the_real_table_names_the_gemeinden_of_kreis_unna_as_assumed(gemeinden: Workspace) -> None:
    with gemeinden.session() as s:
        names = dict(s.execute(select(Region.name, Region.key).where(Region.key.like("05978___"))).all())
    assert names == UNNA


@pytest.mark.parametrize(("written", "key"), SPELLINGS, ids=[w for w, _ in SPELLINGS])
def test_a_spelling_of_an_unna_gemeinde_finds_it_and_the_report_says_so(gemeinden: Workspace, tmp_path: Path,
                                                                         written: str, key: str) -> None:
    report = import_file(gemeinden, school_list(tmp_path, written), template=ImportTemplate.loads(TEMPLATE),
                         dry_run=True)
    assert report.regions_unmatched == [] and report.observations == 1
    official = next(name for name, k in UNNA.items() if k == key)
    expected = [] if written == official else [(written, key, official)]
    assert [(m.name, m.key, m.region) for m in report.regions_matched_by_name] == expected
    if expected:
        assert f"„{written}“ → {official} ({key})" in report.summary()


def test_a_list_of_all_spellings_imports_each_row_into_its_gemeinde(gemeinden: Workspace, tmp_path: Path) -> None:
    names = [w for w, _ in SPELLINGS]
    report = import_file(gemeinden, school_list(tmp_path, *names), template=ImportTemplate.loads(TEMPLATE))
    assert report.committed and report.observations == len(SPELLINGS)
    with gemeinden.session() as s:
        rows = s.execute(select(Observation.value, Region.key).join(Region, Region.id == Observation.region_id)
                         .where(Observation.dataset_id == report.dataset)).all()
    assert sorted((int(value), key) for value, key in rows) == [(i + 1, k) for i, (_, k) in enumerate(SPELLINGS)]


def test_a_name_found_all_over_germany_is_offered_with_its_kreise_not_taken(gemeinden: Workspace,
                                                                             tmp_path: Path) -> None:
    with pytest.raises(UnmatchedRegionsError) as raised:
        import_file(gemeinden, school_list(tmp_path, "Boenen", "Neustadt"), template=ImportTemplate.loads(TEMPLATE))
    [neustadt] = raised.value.report.regions_unmatched
    assert neustadt.name == "Neustadt" and neustadt.ambiguous
    offered = dict(neustadt.suggestions)
    assert len(offered) >= 15 and offered["01055032"] == "Neustadt in Holstein"
    assert offered["09473151"] == "Neustadt b.Coburg, GKSt" and offered["16061073"] == "Neustadt"
    assert neustadt.kreise["01055032"] == "Ostholstein, Landkreis" and neustadt.kreise["09473151"] == \
        "Coburg, Landkreis"
    assert "mehrdeutig" in str(raised.value) and "Neustadt in Holstein (01055032, Ostholstein, Landkreis)" in \
        str(raised.value)


@pytest.mark.parametrize(("neighbours", "key", "kreis"), [
    (["Eutin, Stadt", "Malente"], "01055032", "Ostholstein, Landkreis"),
    (["Rödental", "Sonnefeld"], "09473151", "Coburg, Landkreis"),
])
def test_the_kreis_of_the_other_rows_decides_between_namesakes(gemeinden: Workspace, tmp_path: Path,
                                                               neighbours: list[str], key: str, kreis: str) -> None:
    report = import_file(gemeinden, school_list(tmp_path, *neighbours, "Neustadt"),
                         template=ImportTemplate.loads(TEMPLATE), dry_run=True)
    assert report.regions_unmatched == []
    [chosen] = [m for m in report.regions_matched_by_name if m.name == "Neustadt"]
    assert (chosen.name, chosen.key, chosen.how, chosen.kreis) == ("Neustadt", key, "kreis", kreis)
    assert "im Kreis der übrigen Zeilen" in report.summary()


def test_the_home_region_decides_when_the_file_does_not(gemeinden: Workspace, tmp_path: Path) -> None:
    path = school_list(tmp_path, "Neustadt")
    template = ImportTemplate.loads(TEMPLATE)
    assert import_file(gemeinden, path, template=template, dry_run=True).regions_unmatched[0].ambiguous
    report = import_file(gemeinden, path, template=template, dry_run=True, home="09473")
    assert [(m.key, m.how) for m in report.regions_matched_by_name] == [("09473151", "home")]


def test_suggestions_for_a_typo_come_from_the_kreis_of_the_other_rows(gemeinden: Workspace, tmp_path: Path) -> None:
    # alone, „Bonen“ is nearer to Bonn and Bornsen, „Lünnen“ to Lünne (Emsland): the Kreis of the other rows wins
    report = import_file(gemeinden, school_list(tmp_path, "Unna", "Bonen", "Lünnen", "Schwärte"),
                         template=ImportTemplate.loads(TEMPLATE), dry_run=True)
    suggestions = {u.name: [name for _, name in u.suggestions] for u in report.regions_unmatched}
    assert suggestions["Bonen"][0] == "Bönen" and "Bonn" not in suggestions["Bonen"]
    assert suggestions["Lünnen"][0] == "Lünen"  # Lünne may follow
    assert suggestions["Schwärte"][0] == "Schwerte" and not any("Wetter" in n for n in suggestions["Schwärte"])


UNMATCHED = ["Neustadt", "Bergkamn", "Nordviertel", "Unna-Königsborn", "Halle", "Kamenn", "Sonnenschein"]


def test_the_dry_run_lists_every_unmatched_name_with_suggestions_in_text_and_json(
        gemeinden_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    workspace = tmp_path / "gemeinden.bpws"
    shutil.copyfile(gemeinden_file, workspace)
    template = tmp_path / "schulen.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    path = school_list(tmp_path, "Boenen", "Stadt Unna", *UNMATCHED)
    command = ["import", str(path), "--template", str(template), "--workspace", str(workspace), "--dry-run"]

    assert main(command) == 0
    text = capsys.readouterr().out
    assert "„Boenen“ → Bönen (05978008)" in text and "„Stadt Unna“ → Unna, Stadt (05978036)" in text
    assert f"{len(UNMATCHED)} nicht zugeordnet" in text
    lines = {name: next(line for line in text.splitlines() if f"„{name}“" in line) for name in UNMATCHED}
    assert "Bergkamen (05978004, Unna, Kreis)" in lines["Bergkamn"]
    assert "Kamen (05978020, Unna, Kreis)" in lines["Kamenn"]
    assert "mehrdeutig" in lines["Neustadt"] and "Neustadt in Holstein (01055032, Ostholstein, Landkreis)" in \
        lines["Neustadt"]
    assert "Halle (Westf.) (05754012, Gütersloh, Kreis)" in lines["Halle"]

    assert main([*command, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [u["name"] for u in data["regions_unmatched"]] == UNMATCHED  # every one, in the order of the file
    by_name = {u["name"]: u for u in data["regions_unmatched"]}
    assert by_name["Bergkamn"]["suggestions"][0] == {"key": "05978004", "name": "Bergkamen", "kreis": "Unna, Kreis"}
    assert by_name["Neustadt"]["ambiguous"] and not by_name["Bergkamn"]["ambiguous"]
    assert len(by_name["Neustadt"]["suggestions"]) >= 15
    assert data["regions_matched_by_name"][0] == {"name": "Boenen", "key": "05978008", "region": "Bönen",
                                                  "rows": [2], "how": "spelling", "kreis": "Unna, Kreis"}
