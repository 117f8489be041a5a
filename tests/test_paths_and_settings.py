"""Where data lives (environment override, portable mode, per-user folder) and the settings file."""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs
import pytest

from bildungsplaner import paths
from bildungsplaner.settings import MAX_RECENT, Settings


def test_environment_variable_overrides_the_data_folder(tmp_path: Path) -> None:
    home = tmp_path / "eigener Ordner"
    assert paths.data_dir(env={"BILDUNGSPLANER_HOME": str(home)}) == home
    assert home.is_dir()
    assert paths.default_workspace(env={"BILDUNGSPLANER_HOME": str(home)}).parent == home


def test_portable_marker_next_to_the_program_puts_data_beside_it(tmp_path: Path) -> None:
    exe_dir = tmp_path / "Bildungsplaner"
    exe_dir.mkdir()
    assert not paths.is_portable(exe_dir)
    (exe_dir / paths.PORTABLE_MARKER).write_text("portabel", encoding="utf-8")
    assert paths.is_portable(exe_dir)
    assert paths.data_dir(exe_dir, env={}) == exe_dir / paths.PORTABLE_DATA_DIR
    assert paths.default_workspace(exe_dir, env={}).is_relative_to(exe_dir)


def test_without_override_the_per_user_data_folder_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))  # keep the test away from the real home
    expected = Path(platformdirs.user_data_dir("Bildungsplaner", appauthor=False, roaming=False))
    assert paths.data_dir(tmp_path, env={}) == expected
    assert expected.is_relative_to(tmp_path / "xdg")


def test_the_environment_beats_portable_mode(tmp_path: Path) -> None:
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir(tmp_path, env={"BILDUNGSPLANER_HOME": str(tmp_path / "h")}) == tmp_path / "h"


def test_settings_have_defaults_persist_and_survive_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "einstellungen.json"
    settings = Settings(path)
    assert settings.get("language") == "de"
    assert settings.get("recent_workspaces") == []
    settings.set("language", "en")
    assert Settings(path).get("language") == "en"

    path.write_text("{kaputt", encoding="utf-8")
    assert Settings(path).get("language") == "de"
    assert path.with_suffix(".json.defekt").exists()

    path.write_text(json.dumps({"language": 42}), encoding="utf-8")
    assert Settings(path).get("language") == "de"  # wrong type: the default
    with pytest.raises(TypeError):
        Settings(path).set("language", 3)


def test_recent_workspaces_are_newest_first_without_duplicates_and_bounded(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.json")
    for i in range(MAX_RECENT + 3):
        settings.add_recent_workspace(tmp_path / f"ws{i}.bpws")
    recent = settings.add_recent_workspace(tmp_path / "ws4.bpws")
    assert len(recent) == MAX_RECENT
    assert recent[0].endswith("ws4.bpws")
    assert len(set(recent)) == len(recent)


def test_drafts_are_per_workspace_in_the_data_folder_and_survive_a_restart(tmp_path: Path,
                                                                           isolated_home: Path) -> None:
    from bildungsplaner import drafts

    first, second = tmp_path / "a.bpws", tmp_path / "sub" / ".." / "b.bpws"
    drafts.write_draft(first, "Verteilung A", "format = 1\n")
    drafts.write_draft(second, None, "format = 1\nname = 'B'\n")
    assert drafts.draft_file(first).parent == isolated_home / "Entwürfe"
    assert drafts.draft_file(first) != drafts.draft_file(second)
    a, b = drafts.read_draft(first), drafts.read_draft(tmp_path / "b.bpws")  # the same file by another path
    assert a is not None and a.stored_name == "Verteilung A" and a.text == "format = 1\n"
    assert b is not None and b.stored_name is None and "name = 'B'" in b.text
    assert not list((isolated_home / "Entwürfe").glob("*.tmp"))  # written through a temporary file
    drafts.discard_draft(first)
    assert drafts.read_draft(first) is None and drafts.read_draft(second) is not None
