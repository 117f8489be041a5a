"""Scenarios carry a version and who saved it (team mode, issue 15 point 4): a save over a version a colleague
stored meanwhile is refused with a message naming the colleague, never last-save-wins.

Every test runs on both back ends (a SQLite file, a schema on the test PostgreSQL server) with two real
connections: two workspaces opened on the same file or schema, as two colleagues' programs would.
"""

from __future__ import annotations

import getpass
import shutil
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from backends import Backend
from sqlalchemy import text

from bildungsplaner import UserInputError
from bildungsplaner.paths import migrations_dir
from bildungsplaner.planning import scenario as scenario_files
from bildungsplaner.services import scenarios
from bildungsplaner.services.scenarios import StaleScenarioError
from bildungsplaner.store.audit import current_user

NAME = "Kita 2026"


def spec(name: str = NAME, total: float = 10.0) -> Any:
    return scenario_files.parse_dict({
        "format": 1, "kind": "allocation", "name": name,
        "recipients": {"type": "region", "region_level": "gemeinde"},
        "need": [{"source": "indicator:BEV_ALTER", "weight": 1.0}],
        "amount": {"total": total, "unit": "Stellen", "step": 1.0, "method": "hare-niemeyer"}})


@pytest.fixture
def colleagues(backend: Backend) -> tuple[Any, Any]:
    """Two colleagues' programs on the same workspace (two engines, two connections)."""
    anna = backend.open()
    ben = backend.open()
    return anna, ben


def as_user(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """On a file the OS user saves (the audit log's name); on a server it is the login (session_user)."""
    monkeypatch.setattr(getpass, "getuser", lambda: name)


def who_saves(backend: Backend, os_user: str) -> str:
    return str(backend.sql("SELECT session_user")[0][0]) if backend.is_server else os_user


def test_a_stale_save_is_refused_names_the_colleague_and_loses_nothing(
        backend: Backend, colleagues: tuple[Any, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    anna, ben = colleagues
    as_user(monkeypatch, "anna")
    first = scenarios.save_scenario(anna, spec(total=10.0))
    assert (first.version, first.changed_by) == (1, who_saves(backend, "anna"))
    loaded_by_anna = scenarios.get_scenario(anna, NAME)
    loaded_by_ben = scenarios.get_scenario(ben, NAME)
    assert loaded_by_anna.version == loaded_by_ben.version == 1

    saved = scenarios.save_scenario(anna, spec(total=12.0), expected=loaded_by_anna.expected)
    assert saved.version == 2 and saved.changed_by == who_saves(backend, "anna")

    as_user(monkeypatch, "ben")
    with pytest.raises(StaleScenarioError) as refused:
        scenarios.save_scenario(ben, spec(total=30.0), expected=loaded_by_ben.expected)
    message = str(refused.value)
    assert message.startswith(f"Das Szenario „{NAME}“ wurde inzwischen von {who_saves(backend, 'anna')} "
                              "gespeichert (heute ")
    assert message.endswith("). Neu laden oder als Kopie speichern.")
    assert isinstance(refused.value, UserInputError) and refused.value.version == 2

    # nothing of Anna's is lost: Ben reads her version
    now = scenarios.get_scenario(ben, NAME)
    assert (now.spec.amount.total, now.version) == (12.0, 2)
    # Ben keeps his work as a copy
    copy = scenarios.save_scenario(ben, spec(f"{NAME} (Ben)", total=30.0), replace=False)
    assert copy.version == 1 and copy.changed_by == who_saves(backend, "ben")
    assert {s.name: s.spec.amount.total for s in scenarios.list_scenarios(anna)} == {NAME: 12.0,
                                                                                  f"{NAME} (Ben)": 30.0}
    # after reloading, Ben's save goes through
    assert scenarios.save_scenario(ben, spec(total=31.0), expected=now.expected).version == 3


def test_a_scenario_deleted_meanwhile_has_its_own_message(colleagues: tuple[Any, Any]) -> None:
    anna, ben = colleagues
    scenarios.save_scenario(anna, spec())
    loaded = scenarios.get_scenario(ben, NAME)
    scenarios.delete_scenario(anna, NAME, expected=scenarios.get_scenario(anna, NAME).expected)
    with pytest.raises(StaleScenarioError, match=r"inzwischen von einem Kollegen gelöscht\. Als Kopie speichern"):
        scenarios.save_scenario(ben, spec(total=11.0), expected=loaded.expected)
    assert scenarios.list_scenarios(ben) == []  # not brought back by the refused save


def test_rename_and_delete_check_the_version(colleagues: tuple[Any, Any]) -> None:
    anna, ben = colleagues
    scenarios.save_scenario(anna, spec())
    stale = scenarios.get_scenario(ben, NAME).expected
    scenarios.save_scenario(anna, spec(total=15.0), expected=scenarios.get_scenario(anna, NAME).expected)
    with pytest.raises(StaleScenarioError, match="gespeichert"):
        scenarios.rename_scenario(ben, NAME, "Umbenannt", expected=stale)
    with pytest.raises(StaleScenarioError, match="gespeichert"):
        scenarios.delete_scenario(ben, NAME, expected=stale)
    assert scenarios.get_scenario(ben, NAME).spec.amount.total == 15.0  # neither renamed nor deleted

    # a rename is a new version too: a save over the old one names the new name
    current = scenarios.get_scenario(ben, NAME)
    renamed = scenarios.rename_scenario(anna, NAME, "Kita 2027", expected=scenarios.get_scenario(anna, NAME).expected)
    assert renamed.version == current.version + 1
    with pytest.raises(StaleScenarioError, match="in „Kita 2027“ umbenannt"):
        scenarios.save_scenario(ben, spec(total=99.0), expected=current.expected)
    assert scenarios.get_scenario(ben, "Kita 2027").spec.amount.total == 15.0


def test_replacing_on_purpose_records_a_new_version(colleagues: tuple[Any, Any]) -> None:
    """The command line's ``plan run --save --replace`` overwrites by name on purpose; an editor holding the
    version before is refused afterwards."""
    anna, ben = colleagues
    scenarios.save_scenario(anna, spec())
    held = scenarios.get_scenario(anna, NAME).expected
    replaced = scenarios.save_scenario(ben, spec(total=20.0), replace=True)
    assert replaced.version == 2
    with pytest.raises(StaleScenarioError):
        scenarios.save_scenario(anna, spec(total=5.0), expected=held)
    with pytest.raises(UserInputError, match="gibt es schon"):
        scenarios.save_scenario(anna, spec(total=5.0), replace=False)
    assert scenarios.get_scenario(anna, NAME).spec.amount.total == 20.0


def at_once(backend: Backend, write: Any, programs: int = 4) -> tuple[list[int], dict[int, object]]:
    """``write(workspace, i)`` by ``programs`` colleagues at the same moment (threads, a connection each);
    returns the winners and every outcome (the result or the exception)."""
    opened = [backend.open() for _ in range(programs)]
    start = threading.Barrier(programs)
    outcome: dict[int, object] = {}

    def run(i: int) -> None:
        start.wait()
        try:
            outcome[i] = write(opened[i], i)
        except Exception as exc:  # every outcome is looked at by the test
            outcome[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(programs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(outcome) == programs, "a save hung"
    return [i for i, o in outcome.items() if not isinstance(o, Exception)], outcome


def test_concurrent_saves_have_exactly_one_winner(backend: Backend) -> None:
    """Four colleagues save over the same version at the same moment: the compare-and-set lets exactly one
    through; the others are refused (not „database is locked“) and the stored text is the winner's."""
    setup = backend.open()
    scenarios.save_scenario(setup, spec())
    expected = scenarios.get_scenario(setup, NAME).expected
    winners, outcome = at_once(backend, lambda ws, i: scenarios.save_scenario(ws, spec(total=100.0 + i),
                                                                              expected=expected))
    assert len(winners) == 1, outcome
    assert all(isinstance(o, StaleScenarioError) for i, o in outcome.items() if i not in winners), outcome
    stored = scenarios.get_scenario(setup, NAME)
    assert (stored.version, stored.spec.amount.total) == (2, 100.0 + winners[0])


def test_concurrent_new_scenarios_of_one_name_have_one_winner(backend: Backend) -> None:
    setup = backend.open()
    winners, outcome = at_once(backend, lambda ws, i: scenarios.save_scenario(ws, spec(total=100.0 + i),
                                                                              replace=False))
    assert len(winners) == 1, outcome
    assert all(isinstance(o, UserInputError) and "gibt es schon" in str(o)
               for i, o in outcome.items() if i not in winners), outcome
    assert [(s.name, s.version, s.spec.amount.total) for s in scenarios.list_scenarios(setup)] == [
        (NAME, 1, 100.0 + winners[0])]


def test_concurrent_renames_have_one_winner(backend: Backend) -> None:
    setup = backend.open()
    expected = scenarios.save_scenario(setup, spec()).expected
    winners, outcome = at_once(backend, lambda ws, i: scenarios.rename_scenario(ws, NAME, f"Neu {i}",
                                                                                expected=expected))
    assert len(winners) == 1, outcome
    assert all(isinstance(o, StaleScenarioError) for i, o in outcome.items() if i not in winners), outcome
    [stored] = scenarios.list_scenarios(setup)
    assert (stored.name, stored.spec.name, stored.version) == (f"Neu {winners[0]}", f"Neu {winners[0]}", 2)


def test_a_0013_workspace_keeps_its_scenarios_at_version_1(backend: Backend, tmp_path: Path) -> None:
    scripts = tmp_path / "migrations_0013"
    shutil.copytree(migrations_dir(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    for script in (scripts / "versions").glob("*.py"):
        if script.name[:4] > "0013":  # 0014 and what came after it
            script.unlink()
    old = backend.open(script_location=scripts)
    assert old.schema_version == "0013"
    written = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    with old.transaction() as s:
        for name in ("Alt 1", "Alt 2"):
            s.execute(text("INSERT INTO scenario (name, kind, parameters, notes, created_at, changed_at) "
                           "VALUES (:name, 'allocation', :text, '', :at, :at)"),
                      {"name": name, "text": scenario_files.dumps(spec(name)), "at": written})
        s.execute(text('INSERT INTO audit_entry (at, "user", action, details) VALUES (:at, \'carla\', '
                       '\'scenario\', :details)'),
                  {"at": written, "details": '{"action": "angelegt", "result": false, "scenario": "Alt 1"}'})
    old.close()

    ws = backend.open()
    assert ws.schema_version >= "0014"
    saved = {s.name: s for s in scenarios.list_scenarios(ws)}
    assert {n: (s.version, s.changed_by, s.spec.name) for n, s in saved.items()} == {
        "Alt 1": (1, "carla", "Alt 1"), "Alt 2": (1, "unbekannt", "Alt 2")}
    assert saved["Alt 1"].changed_at == written
    assert scenarios.save_scenario(ws, spec("Alt 1", 3.0), expected=saved["Alt 1"].expected).version == 2


def test_the_time_in_the_message_reads_like_a_person_would_say_it() -> None:
    now = datetime(2026, 12, 4, 15, 0, tzinfo=UTC).astimezone()
    earlier = now.replace(hour=14, minute=2)
    assert scenarios.describe_time(earlier, now) == "heute 14:02"
    assert scenarios.describe_time(earlier - timedelta(days=1), now) == "gestern 14:02"
    assert scenarios.describe_time(earlier - timedelta(days=5), now) == f"{earlier - timedelta(days=5):%d.%m.%Y} 14:02"


def test_a_file_names_the_os_user_as_the_audit_log_does(tmp_path: Path) -> None:
    from bildungsplaner.store.database import open_workspace

    with open_workspace(tmp_path / "w.bpws") as ws:
        assert scenarios.save_scenario(ws, spec()).changed_by == current_user()


# --- drafts stay local per user -------------------------------------------------------------------------------

def test_server_drafts_are_keyed_by_the_address_without_secrets(isolated_home: Path) -> None:
    from bildungsplaner import drafts

    base = "postgresql://anna{secret}@pg.kreis.local:5432/bildung?workspace=schule&sslmode=verify-full"
    plain = base.format(secret="")
    with_password = base.format(secret=":geheim") + "&sslpassword=schluessel"
    assert drafts.draft_key(with_password) == drafts.draft_key(plain)
    key = drafts.draft_key(with_password)
    assert "geheim" not in key and "schluessel" not in key and "workspace=schule" in key
    assert "pg.kreis.local" in key and "anna" in key

    target = drafts.write_draft(with_password, NAME, "format = 1\n", stored_id=7, stored_version=3)
    assert target.parent == isolated_home / "Entwürfe"  # the user's data folder, never the server
    content = target.read_text(encoding="utf-8")
    assert "geheim" not in content and "schluessel" not in content
    draft = drafts.read_draft(plain)
    assert draft is not None and (draft.stored_name, draft.stored_id, draft.stored_version) == (NAME, 7, 3)
    # another workspace on the same server, or the same name on another server, has its own draft
    assert drafts.draft_file(plain.replace("workspace=schule", "workspace=jugend")) != target
    assert drafts.draft_file(plain.replace("pg.kreis.local", "pg.land.local")) != target
    drafts.discard_draft(with_password)
    assert drafts.read_draft(plain) is None


def test_an_opened_workspace_keys_its_drafts_by_where_it_lives(backend: Backend, isolated_home: Path) -> None:
    from bildungsplaner import drafts

    ws = backend.open()
    where = drafts.location_of(ws)
    if backend.is_server:
        assert where == drafts.draft_key(ws.location) and "workspace=" in str(where)
    else:
        assert where == ws.path
    drafts.write_draft(where, None, "format = 1\n")
    assert [p.parent for p in (isolated_home / "Entwürfe").iterdir()] == [isolated_home / "Entwürfe"]
    other = backend.open()  # the same workspace opened again finds the draft
    assert drafts.read_draft(drafts.location_of(other)) is not None


# --- the command line ---------------------------------------------------------------------------------------

def test_plan_run_save_replace_records_a_new_version_and_who(demo_file: Path, capsys: Any) -> None:
    """``plan run --save --replace`` overwrites by name on purpose; ``plan list`` shows version and who saved."""
    import json

    from bildungsplaner.__main__ import main

    demand = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"
    name = "Kita- und Ganztagsbedarf 2025-2030"
    ws = ["--workspace", str(demo_file)]
    assert main(["plan", "list", "--json", *ws]) == 0
    before = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert before[name]["version"] == 1
    assert main(["plan", "run", str(demand), "--save", "--replace", *ws]) == 0
    capsys.readouterr()
    assert main(["plan", "list", "--json", *ws]) == 0
    after = {s["name"]: s for s in json.loads(capsys.readouterr().out)}
    assert (after[name]["version"], after[name]["changed_by"]) == (2, current_user())
    assert main(["plan", "list", *ws]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].split() == ["Name", "Art", "Version", "geändert", "von"]
