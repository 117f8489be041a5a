"""Every hostile or broken file of the corpus, imported from the command line into a real workspace:
one German line on stderr, exit code 2, and the workspace file byte-for-byte as before."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
import time
from pathlib import Path

import pytest

from bildungsplaner.__main__ import main

CORPUS_MODULE = Path(__file__).resolve().parent / "importing" / "hostile_corpus.py"


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("hostile_corpus", CORPUS_MODULE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list:
    return load_corpus_module().build_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.mark.slow
def test_every_hostile_file_is_refused_by_the_cli_and_changes_nothing(demo_file: Path, corpus: list, capsys) -> None:
    assert len(corpus) >= 25
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    messages: list[str] = []
    for case in corpus:
        started = time.monotonic()
        code = main(["import", str(case.path), *case.args, "--workspace", str(demo_file)])
        err = capsys.readouterr().err
        assert code == 2, f"{case.name}: exit {code}, {err!r}"
        assert err.startswith("Fehler: ") and err.count("\n") == 1, f"{case.name}: {err!r}"
        assert case.message in err, f"{case.name}: expected {case.message!r} in {err!r}"
        assert "Traceback" not in err
        assert time.monotonic() - started < 30, case.name
        assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before, case.name
        messages.append(err)
    assert len(set(messages)) == len(corpus), "every case deserves its own message"
