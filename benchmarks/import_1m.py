#!/usr/bin/env python3
"""Importing a population table of 1,000,000 rows (region × age × sex × year) as xlsx and as csv.

    .venv/bin/python benchmarks/import_1m.py [--rows 1000000] [--fresh]

The table (``AGS;Gemeinde;Jahr;Alter;Geschlecht;Einwohner``, 500 Gemeinden × 100 ages × 2 sexes × 10 years
for a million rows) is generated once into ``benchmarks/out/`` (``--fresh`` rebuilds it): the csv German
style (``;``, UTF-8), the xlsx as Excel writes it (shared strings for the text columns). Every stage runs in
a fresh Python process, so each peak memory is its own:

(a) baseline: ``pandas.read_excel(engine="calamine")`` / ``pandas.read_csv(sep=";")`` of the same file;
(b) ``bildungsplaner.services.importing.import_file`` with an import template into a new workspace: sniffing
    and the limits, reading (xlsx: in the sandboxed child), the template, region matching (the 500 Gemeinden
    are created from their official keys), validation and the insert of 1,000,000 observations, committed.

Timed: the call alone (interpreter start, module imports and creating the empty workspace are outside the
timer, for both stages). Printed: seconds, observations per second, peak RSS of the process and (xlsx) of
the reader child, and the ratio of (b) to (a). Targets of issue 3: xlsx import within 2× of the bare
calamine read, csv import at 300,000 observations per second or more, peak memory under 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, POPULATION_TEMPLATE, REPO, git_revision, machine

#: The checkout whose ``bildungsplaner`` runs the stages (``--code``: an older revision, for before/after).
CODE = REPO

HEADER = ["AGS", "Gemeinde", "Jahr", "Alter", "Geschlecht", "Einwohner"]


def _rows(n: int):
    regions = max(1, n // 2000)
    count = 0
    for r in range(regions + 1):
        key, name = f"05{(r * 37) % 1000:03d}{r:03d}", f"Gemeinde {r:03d}"
        for year in range(2015, 2025):
            for age in range(100):
                for sex in ("männlich", "weiblich"):
                    if count == n:
                        return
                    yield key, name, year, age, sex, (r * 7919 + year * 31 + age * 17 + len(sex)) % 900 + 20
                    count += 1


def write_csv(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(";".join(HEADER) + "\r\n")
        f.writelines(f"{k};{g};{y};{a};{s};{v}\r\n" for k, g, y, a, s, v in _rows(n))


def write_xlsx(path: Path, n: int) -> None:
    """A plain xlsx as Excel writes it (shared strings for text), streamed: openpyxl would need minutes."""
    strings: dict[str, int] = {}

    def sst(text: str) -> int:
        return strings.setdefault(text, len(strings))

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main'
            '+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
                   f'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/'
                   f'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}">'
                   '<sheets><sheet name="Bevölkerung" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns='
                   f'"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type='
                   f'"{rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{rel}/'
                   f'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><dimension ref="A1:F{n + 1}"/>'
                    f"<sheetData>".encode())
            f.write(('<row r="1">' + "".join(f'<c r="{chr(65 + j)}1" t="s"><v>{sst(h)}</v></c>'
                                             for j, h in enumerate(HEADER)) + "</row>").encode())
            buffer = []
            for i, (k, g, y, a, s, v) in enumerate(_rows(n), start=2):
                buffer.append(f'<row r="{i}"><c r="A{i}" t="s"><v>{sst(k)}</v></c><c r="B{i}" t="s"><v>{sst(g)}'
                              f'</v></c><c r="C{i}"><v>{y}</v></c><c r="D{i}"><v>{a}</v></c><c r="E{i}" t="s"><v>'
                              f'{sst(s)}</v></c><c r="F{i}"><v>{v}</v></c></row>')
                if len(buffer) == 20_000:
                    f.write("".join(buffer).encode())
                    buffer.clear()
            f.write(("".join(buffer) + "</sheetData></worksheet>").encode())
        from xml.sax.saxutils import escape

        z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {ns} count="{len(strings)}" '
                   f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
                   + "</sst>")


STAGE = textwrap.dedent("""
    import json, resource, sys, time
    from pathlib import Path
    import pandas as pd
    kind, path, workspace, template = sys.argv[1:5]
    if kind == "read_excel":
        started = time.perf_counter()
        rows = len(pd.read_excel(path, engine="calamine"))
    elif kind == "read_csv":
        started = time.perf_counter()
        rows = len(pd.read_csv(path, sep=";"))
    else:
        from bildungsplaner.importing.template import ImportTemplate
        from bildungsplaner.services.importing import import_file
        from bildungsplaner.store.database import open_workspace
        with open_workspace(Path(workspace)) as ws:
            started = time.perf_counter()
            rows = import_file(ws, Path(path), template=ImportTemplate.load(Path(template))).observations
            seconds = time.perf_counter() - started
    seconds = time.perf_counter() - started if kind != "import" else seconds
    print(json.dumps({"seconds": seconds, "rows": rows,
                      "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "child_peak": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
""")


def stage(kind: str, path: Path, workspace: Path | None = None, template: Path | None = None) -> dict:
    if workspace is not None and workspace.exists():
        workspace.unlink()
    out = subprocess.run([sys.executable, "-c", STAGE, kind, str(path), str(workspace), str(template)],
                         cwd=CODE, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--code", type=Path, default=REPO,
                        help="run the bildungsplaner of this checkout (an older revision, for before/after)")
    parser.add_argument("--fresh", action="store_true")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = OUT / f"population_{args.rows}.csv", OUT / f"population_{args.rows}.xlsx"
    template = OUT / "population_template.toml"
    template.write_text(POPULATION_TEMPLATE, encoding="utf-8")
    if args.fresh or not csv_path.exists():
        write_csv(csv_path, args.rows)
    if args.fresh or not xlsx_path.exists():
        write_xlsx(xlsx_path, args.rows)
    workspace = OUT / "import_bench.bpws"
    print(f"# import of {args.rows:,} rows — {machine()} — revision {git_revision() if CODE == REPO else CODE}")
    print(f"csv {csv_path.stat().st_size / 1024**2:.0f} MiB, xlsx {xlsx_path.stat().st_size / 1024**2:.0f} MiB\n")
    print("| file | stage | time | observations/s | peak RSS (reader child) | ratio to (a) |")
    print("|---|---|---:|---:|---:|---:|")
    for label, path, baseline in (("xlsx", xlsx_path, "read_excel"), ("csv", csv_path, "read_csv")):
        base = stage(baseline, path)
        full = stage("import", path, workspace, template)
        assert full["rows"] == args.rows, full
        print(f"| {label} | (a) pandas.{baseline} | {base['seconds']:.2f} s | {base['rows'] / base['seconds']:,.0f} "
              f"| {base['peak']:,.0f} MiB | 1.00× |")
        child = f" ({full['child_peak']:,.0f} MiB)" if label == "xlsx" else ""
        print(f"| {label} | (b) import_file | {full['seconds']:.2f} s | {full['rows'] / full['seconds']:,.0f} "
              f"| {full['peak']:,.0f} MiB{child} | {full['seconds'] / base['seconds']:.2f}× |")
    workspace.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
