#!/usr/bin/env python3
"""The Bildungsbericht: a report of 36 modules with 30 charts and 6 maps built to DOCX (and PDF, xlsx).

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/report.py [--runs 3] [--no-pdf]

The demo workspace (built once into a temporary folder) with a generated report definition: eight chapters
(A–H), 30 indicator modules with a chart — time series of the Kreis (population, births) and bars by Sozialraum
(SGB-II share, single parents, migration background) — each with its table, generated sentences and method box,
and 6 map modules by Sozialraum or Gemeinde. Timed (median of ``--runs``) per stage, as ``services.reports.build``
runs them:

* **document**: ``services.reports.build_document`` (indicator values, tables, sentences, highlights);
* **figures**: every chart and map drawn at 300 dpi (``ui/report/figures.render_figure``);
* **writing**: ``reporting.docx.write_docx`` (python-docx, the PNGs embedded);
* **total DOCX** = the three. Target ≤ 10 s.
* Also: the PDF (``reporting.html.report_html`` + ``ui/common/pdf.render_html_to_pdf``, from the same document and
  PNGs; its whole build is document + figures + PDF) and the xlsx annex (``reporting.xlsx.write_xlsx``).

Baseline in the same run: the same tables written with openpyxl alone (plain cells, no formats, one sheet per
table) — what writing the numbers costs at the least.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, git_revision, machine

sys.path.insert(0, str(REPO))

CHAPTERS = ("A Rahmenbedingungen", "B Grundinformationen", "C Frühkindliche Bildung", "D Allgemeinbildende Schulen",
            "E Berufliche Bildung", "F Hochschule", "G Weiterbildung", "H Non-formale Bildung")
TIMESERIES = ("BEV_ALTER", "GEBURTEN")
SUBREGIONS = ("SGB2_U15", "ALLEINERZ", "MIGR_U18")
MAPS = (("SGB2_U15", "sozialraum"), ("ALLEINERZ", "sozialraum"), ("MIGR_U18", "sozialraum"),
        ("BEV_ALTER", "gemeinde"), ("SGB2_U15", "sozialraum"), ("MIGR_U18", "sozialraum"))


def definition(charts: int = 30) -> str:
    """The report's TOML: ``charts`` chart modules and the six maps spread over eight chapters."""
    modules: list[str] = []
    for i in range(charts):
        if i % 2 == 0:
            code = TIMESERIES[(i // 2) % len(TIMESERIES)]
            modules.append(f'indicator = "{code}"\nchart = "timeseries"\ntitle = "Zeitreihe {i + 1}: {code}"')
        else:
            code = SUBREGIONS[(i // 2) % len(SUBREGIONS)]
            modules.append(f'indicator = "{code}"\nchart = "subregions"\nlevel = "sozialraum"\n'
                           f'title = "Sozialräume {i + 1}: {code}"')
    for k, (code, level) in enumerate(MAPS):
        modules.insert(5 * k + 4, f'indicator = "{code}"\nchart = "map"\nlevel = "{level}"\n'
                                  f'title = "Karte {k + 1}: {code}"')
    parts = ['format = 1\nkind = "report"\ntitle = "Bildungsbericht Benchmark"\nregion = "05999"\n'
             'publisher = "Kreis Lindental, Bildungsbüro"\n']
    per_chapter = -(-len(modules) // len(CHAPTERS))
    for c, title in enumerate(CHAPTERS):
        parts.append(f'\n[[chapter]]\ntitle = "{title}"\n')
        for module in modules[c * per_chapter:(c + 1) * per_chapter]:
            parts.append(f"\n[[chapter.module]]\n{module}\n")
    return "".join(parts)


def openpyxl_baseline(tables: list, out: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    for i, table in enumerate(tables, start=1):
        ws = book.create_sheet(f"T{i}")
        ws.append([str(c) for c in table.frame.columns])
        for row in table.frame.itertuples(index=False):
            ws.append([None if v != v else v for v in row])  # NaN → empty
    book.save(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()

    from bildungsplaner.reporting.docx import write_docx
    from bildungsplaner.reporting.html import report_html
    from bildungsplaner.reporting.spec import parse_report
    from bildungsplaner.reporting.xlsx import write_xlsx
    from bildungsplaner.services.reports import build_document
    from bildungsplaner.services.workspace import create_demo_workspace, open_workspace
    from bildungsplaner.ui.common.pdf import render_html_to_pdf
    from bildungsplaner.ui.report.figures import render_figure

    spec = parse_report(definition())
    print(f"Bildungsbericht benchmark — {machine()}, revision {git_revision()}")
    with tempfile.TemporaryDirectory(prefix="bp-report-bench-") as tmp:
        folder = Path(tmp)
        path = folder / "demo.bpws"
        start = time.perf_counter()
        create_demo_workspace(path)
        print(f"demo workspace built in {time.perf_counter() - start:.1f} s (not timed below)")
        stages: dict[str, list[float]] = {k: [] for k in ("document", "figures", "writing", "total",
                                                           "pdf", "xlsx", "baseline")}
        with open_workspace(path) as ws:
            for run in range(args.runs):
                t0 = time.perf_counter()
                document = build_document(ws, spec)
                t1 = time.perf_counter()
                images = {figure.id: render_figure(figure, 300) for figure in document.figures()}
                t2 = time.perf_counter()
                write_docx(document, images, folder / "bericht.docx")
                t3 = time.perf_counter()
                stages["document"].append(t1 - t0)
                stages["figures"].append(t2 - t1)
                stages["writing"].append(t3 - t2)
                stages["total"].append(t3 - t0)
                if not args.no_pdf:
                    t4 = time.perf_counter()
                    render_html_to_pdf(report_html(document, images), folder / "bericht.pdf", images=images)
                    stages["pdf"].append(time.perf_counter() - t4)
                t5 = time.perf_counter()
                write_xlsx(document, folder / "anhang.xlsx")
                stages["xlsx"].append(time.perf_counter() - t5)
                t6 = time.perf_counter()
                openpyxl_baseline(document.tables(), folder / "baseline.xlsx")
                stages["baseline"].append(time.perf_counter() - t6)
                if run == 0:
                    figures = document.figures()
                    charts = sum(1 for f in figures if f.__class__.__name__ == "ChartFigure")
                    print(f"report: {len(list(document.modules()))} modules, {charts} charts, "
                          f"{len(figures) - charts} maps, {len(document.tables())} tables, "
                          f"{sum(len(b) for b in images.values()) / 1e6:.1f} MB of PNG; "
                          f"DOCX {(folder / 'bericht.docx').stat().st_size / 1e6:.1f} MB"
                          + ("" if args.no_pdf else f", PDF {(folder / 'bericht.pdf').stat().st_size / 1e6:.1f} MB"))
        labels = {"document": "document (build_document)", "figures": "figures (300 dpi PNG)",
                  "writing": "writing DOCX (python-docx)", "total": "total DOCX (target ≤ 10 s)",
                  "pdf": "PDF from the same document and PNGs", "xlsx": "xlsx annex (write_xlsx)",
                  "baseline": "baseline: the same tables, openpyxl alone"}
        for key, label in labels.items():
            if stages[key]:
                print(f"  {label:<44} median {statistics.median(stages[key]):6.2f} s  "
                      f"(runs: {', '.join(f'{v:.2f}' for v in stages[key])})")
        total = statistics.median(stages["total"])
        print(f"DOCX build {'within' if total <= 10 else 'OVER'} the 10 s target: {total:.2f} s")
        if stages["pdf"]:
            pdf_totals = [d + f + p for d, f, p in zip(stages["document"], stages["figures"], stages["pdf"],
                                                       strict=True)]
            pdf_total = statistics.median(pdf_totals)
            print(f"PDF build (document + figures + PDF) {'within' if pdf_total <= 10 else 'OVER'} the 10 s target: "
                  f"{pdf_total:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
