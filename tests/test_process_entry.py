"""The process entry (``bildungsplaner.__main__.run``: console script, ``python -m``, the frozen launcher).

It runs ``main`` with the cyclic garbage collector off while the modules load, freezes what they made, and after
a command freezes everything before the interpreter exits (no collector passes while it takes the modules
apart). What a user relies on: the command's exit code and output are those of ``main``, and the collector is
on while the command works (a long command must not grow without bound).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# A child process: run() with run_command replaced by a probe that records what the command sees, and an atexit
# hook (it runs after run's sys.exit) that records the frozen objects at the end.
PROBE = """
import atexit, gc, json, sys
import bildungsplaner.cli as cli
import bildungsplaner.__main__ as entry

seen = {}
made = []

def probe(args, **kwargs):
    seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(), command=args.command)
    made.extend([i] for i in range(5_000))  # what the command made and still holds (lists: tracked)
    print("Befehl ausgeführt")
    return 3

cli.run_command = probe
atexit.register(lambda: print(json.dumps({**seen, "enabled_at_exit": gc.isenabled(),
                                          "frozen_at_exit": gc.get_freeze_count()})))
sys.argv = ["bildungsplaner", *sys.argv[1:]]
entry.run()
"""


def _run(*argv: str) -> tuple[int, str, dict]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], cwd=REPO, capture_output=True, text=True,
                          timeout=120)
    lines = proc.stdout.strip().splitlines()
    return proc.returncode, proc.stdout + proc.stderr, json.loads(lines[-1])


def test_a_command_runs_with_the_collector_on_and_everything_is_frozen_before_exit() -> None:
    code, output, seen = _run("data", "list")
    assert code == 3  # main's exit code
    assert "Befehl ausgeführt" in output
    assert seen["command"] == "data"
    assert seen["enabled"] is True  # the collector runs while the command works
    assert seen["frozen"] > 10_000  # the modules loaded at the start (SQLAlchemy, the store)
    assert seen["frozen_at_exit"] >= seen["frozen"] + 4_000  # and after the command, what it made


@pytest.mark.parametrize("argv", [["--gibt-es-nicht"], ["import"]])
def test_refused_arguments_exit_as_before_with_the_collector_back_on(argv: list[str]) -> None:
    code, output, seen = _run(*argv)
    assert code == 2  # argparse's exit code and message
    assert "Fehler:" in output  # argparse's message, as before
    assert seen == {"enabled_at_exit": True, "frozen_at_exit": seen["frozen_at_exit"]}
