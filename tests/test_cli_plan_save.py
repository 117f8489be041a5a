"""``plan run --save`` never replaces a saved scenario silently, ``plan run … | head`` ends quietly, and the
kinds of scenario are named in German."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bildungsplaner.__main__ import main
from bildungsplaner.services.scenarios import get_scenario
from bildungsplaner.store.database import open_workspace

REPO = Path(__file__).resolve().parents[1]
DEMAND = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"
NAME = "Kita- und Ganztagsbedarf 2025-2030"  # also saved in the demo workspace


def saved_text(path: Path) -> str:
    with open_workspace(path) as ws:
        return get_scenario(ws, NAME).text


def test_save_refuses_to_replace_a_saved_scenario_without_replace(demo_file, tmp_path, capsys) -> None:
    changed = tmp_path / "changed.toml"
    changed.write_text(DEMAND.read_text(encoding="utf-8").replace("rate = 0.75", "rate = 0.85"), encoding="utf-8")
    before = saved_text(demo_file)
    code = main(["plan", "run", str(changed), "--save", "--workspace", str(demo_file)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert f"Ein Szenario „{NAME}“ ist schon gespeichert; es bleibt unverändert. Mit --replace" in err
    assert saved_text(demo_file) == before
    code = main(["plan", "run", str(changed), "--save", "--replace", "--workspace", str(demo_file)])
    out, _ = capsys.readouterr()
    assert code == 0 and f"Gespeichert als „{NAME}“." in out
    assert "rate = 0.85" in saved_text(demo_file) and "rate = 0.85" not in before


def test_replace_without_save_is_refused(demo_file, capsys) -> None:
    assert main(["plan", "run", str(DEMAND), "--replace", "--workspace", str(demo_file)]) == 2
    assert "--replace gilt nur zusammen mit --save." in capsys.readouterr().err


def test_a_reader_that_closes_the_pipe_early_ends_the_command_quietly(demo_file) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "bildungsplaner", "plan", "run", str(DEMAND),
                             "--workspace", str(demo_file)],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head -0`: the reader is gone before the table is written
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 141
    assert err == ""  # no „Interner Fehler: BrokenPipeError“, no „Exception ignored …“


def test_scenarios_of_different_kinds_are_named_in_german(demo_file, capsys) -> None:
    code = main(["plan", "compare", "Schulsozialarbeit Grundschulen 2027", NAME, "--workspace", str(demo_file)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"„Schulsozialarbeit Grundschulen 2027“ (Verteilung) und „{NAME}“ (Bedarf) sind verschiedene Arten" in err
    assert "allocation" not in err and "demand" not in err
