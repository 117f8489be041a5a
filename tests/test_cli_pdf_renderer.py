"""The command line gets the PDF renderer passed in (``cli.run_command(args, pdf_renderer=…)``), never through
a module global: without one a PDF is refused with a message, with one it draws the report's HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from bildungsplaner import cli
from bildungsplaner.cli import export

DEMAND = Path(__file__).resolve().parent / "planning" / "demand_demo.toml"


def test_no_module_global_holds_the_renderer() -> None:
    assert not hasattr(export, "PDF_RENDERER")


def test_the_renderer_is_handed_to_the_export(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                              ) -> None:
    drawn: list[tuple[str, Path]] = []

    def fake_renderer(html: str, target: Path) -> None:
        drawn.append((html, target))
        Path(target).write_bytes(b"%PDF-1.4 fake")

    out = tmp_path / "bedarf.pdf"
    args = cli.parse(["export", str(DEMAND), "--out", str(out), "--workspace", str(demo_file)])
    assert cli.run_command(args, pdf_renderer=fake_renderer) == cli.EXIT_OK
    assert len(drawn) == 1 and "Kita- und Ganztagsbedarf 2025-2030" in drawn[0][0]
    assert out.read_bytes() == b"%PDF-1.4 fake"
    assert f"Export geschrieben: {out}" in capsys.readouterr().out


def test_without_a_renderer_a_pdf_is_refused(demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                            ) -> None:
    out = tmp_path / "bedarf.pdf"
    args = cli.parse(["export", str(DEMAND), "--out", str(out), "--workspace", str(demo_file)])
    assert cli.run_command(args) == cli.EXIT_REJECTED
    assert "PDF-Export ist nur im Fenster" in capsys.readouterr().err and not out.exists()
