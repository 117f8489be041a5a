"""``bildungsplaner report …``: build with --json, list/show/import/export/rename/delete, one-line German errors and
exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from bildungsplaner import cli
from bildungsplaner.__main__ import main

from .conftest import png
from .test_service import DEMO


def _run(argv: list[str], **renderers) -> int:
    return cli.run_command(cli.parse(argv), **renderers)


def test_report_commands(demo_file: Path, tmp_path: Path, capsys) -> None:
    ws = str(demo_file)
    definition = tmp_path / "bericht.toml"
    definition.write_text(DEMO, encoding="utf-8")
    drawn: list[str] = []

    def render(figure, dpi):
        drawn.append(figure.id)
        return png()

    assert _run(["report", "build", str(definition), "--out", str(tmp_path / "b.docx"), "--json", "--workspace", ws],
                figure_renderer=render) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["modules_built"] == 5 and data["figures"] == 3 == len(drawn) and data["format"] == "docx"
    assert any("GIBTESNICHT" in w for w in data["warnings"])
    assert (tmp_path / "b.docx").is_file()

    assert main(["report", "import", str(definition), "--name", "Demo 2026", "--workspace", ws]) == 0
    assert "Bericht „Demo 2026“ gespeichert." in capsys.readouterr().out
    assert main(["report", "list", "--json", "--workspace", ws]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["title"]) for r in listed] == [("Bildungsbericht Demokreis", "Bildungsbericht Demokreis"),
                                                         ("Demo 2026", "Bildungsbericht Demokreis")]
    assert main(["report", "show", "Demo 2026", "--workspace", ws]) == 0
    assert capsys.readouterr().out == DEMO
    assert _run(["report", "build", "Demo 2026", "--out", str(tmp_path / "c.docx"), "--workspace", ws],
                figure_renderer=render) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Bericht geschrieben: {tmp_path / 'c.docx'} (5 Bausteine, 3 Abbildungen, 3 Tabellen).")
    assert "Hinweis: GIBTESNICHT: Die Kennzahl GIBTESNICHT gibt es im Arbeitsbereich nicht." in out
    assert main(["report", "export", "Demo 2026", "--out", str(tmp_path / "e.toml"), "--workspace", ws]) == 0
    assert (tmp_path / "e.toml").read_text(encoding="utf-8") == DEMO
    assert main(["report", "rename", "Demo 2026", "Demo 2027", "--workspace", ws]) == 0
    assert main(["report", "delete", "Demo 2027", "--workspace", ws]) == 0
    capsys.readouterr()

    assert main(["report", "show", "Demo 2027", "--workspace", ws]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("Fehler: Einen Bericht „Demo 2027“ gibt es im Arbeitsbereich nicht") and "\n" not in err
    broken = tmp_path / "kaputt.toml"
    broken.write_text(DEMO.replace('chart = "map"', 'chart = "torte"'), encoding="utf-8")
    assert main(["report", "build", str(broken), "--out", str(tmp_path / "d.docx"), "--workspace", ws]) == 2
    assert "„chapter[1].module[2].chart“ muss eines von timeseries, subregions, map, none sein, nicht „torte“." in \
        capsys.readouterr().err
    assert main(["report", "build", str(definition), "--out", str(tmp_path / "d.odt"), "--workspace", ws]) == 2
    assert "nicht als „.odt“" in capsys.readouterr().err
    assert not (tmp_path / "d.docx").exists()
