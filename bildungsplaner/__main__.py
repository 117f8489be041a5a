"""Entry point: ``bildungsplaner`` / ``python -m bildungsplaner``.

Without a command it starts the window (the only place outside ``ui`` that imports it); with a command it
hands over to the Qt-free :mod:`bildungsplaner.cli`. :func:`run` is the process's entry (console script,
``python -m``, the frozen launcher); :func:`main` does the work and is what tests call in their own process.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from bildungsplaner import cli
from bildungsplaner.i18n import tr


def smoke_test() -> int:
    """Self-check → temporary workspace → demo → read back → main window opened and closed offscreen."""
    from bildungsplaner import selfcheck

    selfcheck.verify()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bildungsplaner.services.workspace import create_demo_workspace, open_workspace, workspace_info
    from bildungsplaner.ui.app import create_application, smoke_window

    with tempfile.TemporaryDirectory(prefix="bildungsplaner-smoke-") as tmp:
        path = Path(tmp) / "smoke.bpws"
        create_demo_workspace(path)
        with open_workspace(path, create=False) as ws:
            info = workspace_info(ws)
            if not (info["regions"] and info["observations"] and info["facilities"]):
                raise RuntimeError(tr("Demo-Arbeitsbereich unvollständig: {info}", info=info))
            create_application([sys.argv[0]])
            smoke_window(ws)
    print(tr("Smoke-Test bestanden: {regions} Gebiete, {observations} Beobachtungen, {facilities} Einrichtungen; "
             "Fenster geöffnet und geschlossen.", regions=info["regions"], observations=info["observations"],
             facilities=info["facilities"]))

    return cli.EXIT_OK


def _export_map(*args: Any, **kwargs: Any) -> Any:
    """The map renderer of the command line (``ui/maps/render.export_map``): Qt is loaded only when a map is
    really drawn, not for every workbook export (most workspaces have no boundaries)."""
    from bildungsplaner.ui.maps.render import export_map

    return export_map(*args, **kwargs)


def _render_figure(*args: Any, **kwargs: Any) -> Any:
    """The report's figure renderer for the command line (``ui/report/figures.render_figure``): Qt is loaded only
    when a report with figures is built (a ``.docx`` or ``.pdf``; the xlsx annex has none)."""
    from bildungsplaner.ui.report.figures import render_figure

    return render_figure(*args, **kwargs)


def _render_report_pdf(*args: Any, **kwargs: Any) -> Any:
    """The PDF renderer for ``report build … .pdf`` (``ui/common/pdf.render_html_to_pdf``), loaded when used."""
    from bildungsplaner.ui.common.pdf import render_html_to_pdf

    return render_html_to_pdf(*args, **kwargs)


def main(argv: Sequence[str] | None = None) -> int:
    if (argv if argv is not None else sys.argv[1:])[:1] == ["--sandbox-child"]:  # frozen app: a reader child
        from bildungsplaner.importing.sandbox import child_main

        _started()
        return child_main()
    args = cli.parse(argv)
    _process.command = bool(args.command)
    _started()
    if args.command:
        from bildungsplaner.cli.export import output_format

        pdf_renderer = None
        if args.command == "export" and output_format(args) == "pdf":  # Qt only when a PDF is asked for
            from bildungsplaner.ui.common.pdf import render_html_to_pdf

            pdf_renderer = render_html_to_pdf
        map_renderer = None
        kennzahlen_tabelle = (args.command == "indicator" and args.action == "export"
                              and str(args.out).lower().endswith(".xlsx"))
        council_workbook = args.command == "export" and output_format(args) == "xlsx"
        if args.command == "map" or kennzahlen_tabelle or council_workbook:
            map_renderer = _export_map
        figure_renderer = None
        if args.command == "report" and args.action == "build":  # Qt only when the report is drawn
            figure_renderer = _render_figure
            pdf_renderer = _render_report_pdf
        return cli.run_command(args, pdf_renderer=pdf_renderer, map_renderer=map_renderer,
                               figure_renderer=figure_renderer)
    cli.setup_logging()
    if args.smoke_test:
        return cli.run_guarded(smoke_test)

    def gui() -> int:
        from bildungsplaner.ui.app import run_gui

        return run_gui(args.workspace, demo=args.demo, probe=args.startup_probe)

    return cli.run_guarded(gui)


@dataclass
class _ProcessState:
    """What :func:`run` needs to know of :func:`main`."""

    starting: bool = False  # the collector off while the process starts
    command: bool = False  # the last parsed arguments named a command (not the window)


_process = _ProcessState()


def _started() -> None:
    """The end of :func:`run`'s start: the objects loaded so far (SQLAlchemy, the store) stay for the whole
    process and are frozen, and the collector runs again as usual."""
    if _process.starting:
        _process.starting = False
        gc.freeze()
        gc.enable()


def run() -> NoReturn:
    """Run :func:`main` as the whole process and exit with its code, without the collector's passes over the
    modules' objects at the start and at the end.

    Python's cyclic garbage collector walks every container object alive, in passes triggered by allocation:
    loading pandas, SQLAlchemy and the store makes some 100,000 of them, none of them garbage, and at exit the
    interpreter collects again and again while it takes the modules apart. The collector is off until the
    arguments are parsed, then the objects so far are frozen (never walked again) and it runs as usual; after
    a command everything is frozen before exit. A command's files and its workspace are closed by then
    (``main`` has returned; logging and the standard streams are flushed at exit as before) — only cycles left
    behind are not taken apart one by one. Measured on the import of a GENESIS table of 1.5 million cells
    (``benchmarks/bench_genesis_import.py``): 0.2 s of 4.6 s; any command ~0.1–0.15 s. The window keeps the
    interpreter's usual exit (Qt's objects are torn down in order then)."""
    _process.starting = True
    gc.disable()
    try:
        code = main()
    finally:
        _started()  # also where the arguments were refused (argparse exits)
    if _process.command:
        gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
