"""The command line: every command, its exit codes, and one clear line instead of a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from realdata import real_file

from bildungsplaner import __version__
from bildungsplaner.__main__ import main

REPO = Path(__file__).resolve().parents[1]
INFO_KEYS = {"workspace", "schema_version", "regions", "datasets", "indicators", "observations", "facilities",
             "scenarios"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "bildungsplaner", *args], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)


def test_version_in_a_real_process() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Bildungsplaner {__version__}"


def test_info_json_describes_the_workspace(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--json", "--workspace", str(demo_file)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info.keys() >= INFO_KEYS
    assert info["workspace"] == str(demo_file)
    assert info["regions"] >= 50 and info["observations"] > 10_000 and info["facilities"] >= 80


@pytest.mark.parametrize("place", ["before", "after", "nested"])
def test_the_workspace_option_counts_before_and_after_the_command(
        place: str, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("BILDUNGSPLANER_HOME", str(home))
    option = ["--workspace", str(demo_file)]
    argv = {"before": [*option, "info", "--json"], "after": ["info", "--json", *option],
            "nested": [*option, "plan", "list", "--json"]}[place]
    assert main(argv) == 0
    out = capsys.readouterr().out
    if place == "nested":
        assert {s["name"] for s in json.loads(out)} >= {"Schulsozialarbeit Grundschulen 2027"}
    else:
        assert json.loads(out)["workspace"] == str(demo_file)
    assert not home.exists() or not any(home.rglob("*.bpws"))  # the default workspace was not touched


def test_data_list_shows_the_import_history(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "list", "--json", "--workspace", str(demo_file)]) == 0
    [demo] = json.loads(capsys.readouterr().out)
    assert demo["file_name"] == "Demo-Daten (erzeugt)" and demo["observations"] == 17_570
    assert demo["facilities"] >= 80 and demo["superseded_by"] is None and demo["imported_at"].endswith("+00:00")
    assert main(["data", "list", "--workspace", str(demo_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["Nr.", "Datei", "Tabelle"] and "17.570" in lines[2] and "aktuell" in lines[2]


def test_data_delete_takes_an_import_back_and_refuses_what_it_cannot(
        demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = REPO.parent / "shared" / "real-data" / "genesis_12411-01-01-4.csv"
    if not real.exists():
        pytest.skip("real data not beside the project")
    assert main(["import", str(real), "--json", "--workspace", str(demo_file)]) == 0
    dataset = json.loads(capsys.readouterr().out)["dataset"]
    assert main(["--workspace", str(demo_file), "data", "delete", str(dataset)]) == 0
    out = capsys.readouterr().out
    assert (f"Import Nr. {dataset} (genesis_12411-01-01-4.csv) gelöscht: 1.578 Werte entfernt; 524 neu angelegte, "
            "sonst nicht genutzte Gebiete entfernt.") in out
    assert "Indikatoren ohne Werte entfernt: BEVOELKERUNGSSTAND." in out
    assert main(["data", "delete", "1", "--workspace", str(demo_file)]) == 2  # the demo brought facilities
    assert "nicht einzeln löschen" in capsys.readouterr().err
    assert main(["data", "delete", str(dataset), "--workspace", str(demo_file)]) == 2
    assert f"Nr. {dataset} gibt es" in capsys.readouterr().err


def test_info_in_words_uses_german_labels(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", "--workspace", str(demo_file)]) == 0
    out = capsys.readouterr().out
    assert "Beobachtungen" in out and "Schemastand" in out


def test_without_a_workspace_the_command_line_says_how_to_make_one_and_never_builds_the_demo(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", "--json"]) == 2
    err = capsys.readouterr().err
    assert "bildungsplaner new" in err and "--region" in err and "Traceback" not in err
    assert not any(isolated_home.glob("*.bpws"))  # no demo made behind the user's back
    assert main(["info", "-w", str(isolated_home / "neu.bpws")]) == 2
    assert "bildungsplaner new" in capsys.readouterr().err


def test_new_workspace_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "unna.bpws"
    assert main(["new", str(target), "--region", "05978", "--name", "Bildungsbüro Unna"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == str(target)
    assert main(["info", "--json", "-w", str(target)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["home_region"] == "05978" and info["name"] == "Bildungsbüro Unna" and info["regions"] == 3
    assert main(["new", str(target)]) == 2  # never overwrites
    assert "existiert bereits" in capsys.readouterr().err
    assert main(["new", str(tmp_path / "leer")]) == 0  # without a region, suffix added
    assert (tmp_path / "leer.bpws").is_file()


def test_the_command_line_uses_the_workspace_the_window_used_last_and_names_it(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from bildungsplaner.settings import Settings

    Settings().set("last_workspace", str(demo_file))
    assert main(["info", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["workspace"] == str(demo_file)
    assert captured.err == ""  # reading names nothing
    assert main(["plan", "delete", "Schulsozialarbeit Grundschulen 2027"]) == 0
    assert f"Arbeitsbereich: {demo_file}" in capsys.readouterr().err


def test_a_nationwide_table_keeps_the_home_chain_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from bildungsplaner.services import browse
    from bildungsplaner.store.database import open_workspace

    path = real_file("genesis_12411-01-01-5_00.csv")
    target = tmp_path / "unna.bpws"
    assert main(["new", str(target), "--region", "05978"]) == 0
    assert main(["import", str(path), "-w", str(target)]) == 0
    captured = capsys.readouterr()
    assert "Außerhalb der Heimatregion 05978 übergangen" in captured.out
    assert f"Arbeitsbereich: {target}" in captured.err
    with open_workspace(target, create=False) as ws:
        keys = sorted(r.key for r in browse.list_regions(ws))
    gemeinden = [k for k in keys if len(k) == 8]
    assert keys == ["05", "05978", *gemeinden, "DG"] and len(gemeinden) == 10
    assert all(k.startswith("05978") for k in gemeinden)
    other = tmp_path / "alles.bpws"
    assert main(["new", str(other), "--region", "05978"]) == 0
    capsys.readouterr()
    assert main(["import", str(path), "-w", str(other), "--all-regions", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows_outside_home"] == 0 and report["regions_created"] > 14000


def test_check_passes_on_a_sound_workspace_and_fails_on_a_damaged_one(
    demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--workspace", str(demo_file)]) == 0
    assert "bestanden" in capsys.readouterr().out

    conn = sqlite3.connect(demo_file)  # a reference to a region that does not exist
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute("UPDATE observation SET region_id = 999999 WHERE id = 1")
    conn.commit()
    conn.close()
    assert main(["check", "--workspace", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert "Fremdschlüssel" in err and "fehlgeschlagen" in err


def test_check_finds_a_corrupted_file(tmp_path: Path, demo_file: Path) -> None:
    data = bytearray(demo_file.read_bytes())
    data[8192:12288] = b"\x07" * 4096  # overwrite pages in the middle
    broken = tmp_path / "kaputt.bpws"
    broken.write_bytes(bytes(data))
    result = run_cli("check", "--workspace", str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_backup_writes_a_workspace_that_passes_the_check(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "sicherung.bpws"
    assert main(["backup", "--workspace", str(demo_file), "--out", str(target)]) == 0
    assert main(["check", "--workspace", str(target)]) == 0


def test_demo_command_writes_a_new_workspace_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "demo.bpws"
    assert main(["demo", "--out", str(target)]) == 0
    assert "Demo-Arbeitsbereich geschrieben" in capsys.readouterr().out
    before = target.read_bytes()
    assert main(["demo", "--out", str(target)]) == 2
    assert "existiert bereits" in capsys.readouterr().err
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["info", "--workspace", "/nirgendwo/fehlt.bpws"], "existiert nicht"),
        (["backup", "--out", "/nirgendwo/ordner/x.bpws"], "existiert nicht"),
        (["gibtsnicht"], "invalid choice"),
        (["backup"], "--out"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3  # argparse adds its usage line


def test_a_workspace_from_a_newer_version_is_refused_with_exit_2(demo_file: Path) -> None:
    conn = sqlite3.connect(demo_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    result = run_cli("info", "--workspace", str(demo_file))
    assert result.returncode == 2
    assert "neueren Version" in result.stderr and "Traceback" not in result.stderr


def test_an_internal_error_is_one_line_exit_1_and_logged(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], isolated_home: Path
) -> None:
    import bildungsplaner.services.workspace as services

    def boom(ws):
        raise ZeroDivisionError("absichtlich")

    monkeypatch.setattr(services, "workspace_info", boom)
    assert main(["info", "--workspace", str(demo_file)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Interner Fehler: ZeroDivisionError: absichtlich")
    assert "Traceback" not in err
    log = (isolated_home / "Protokolle" / "bildungsplaner.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "absichtlich" in log


@pytest.mark.slow
def test_smoke_test_in_a_real_process() -> None:
    result = run_cli("--smoke-test")
    assert result.returncode == 0, result.stderr
    assert "Smoke-Test bestanden" in result.stdout
