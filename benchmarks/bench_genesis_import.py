#!/usr/bin/env python3
"""Importing a GENESIS table of 1.5 million cells end to end, beside the flat csv of the same observations.

    .venv/bin/python benchmarks/bench_genesis_import.py [--gemeinden 500] [--years 10] [--fresh] [--repeat 1]

The table is the population of ``--gemeinden`` Gemeinden by 100 age years × 3 (Insgesamt, männlich,
weiblich) × ``--years`` years (1,500,000 cells by default), written in the statistics offices' format as
``genesis_12411-04-02-4`` shows it: the ``GENESIS-Tabelle:`` line, title lines, ``regionale Tiefe``, the
statistic and the unit line, a header row with the empty front cells, data rows ``period;key;indented
name;age;values`` with decimal commas where a value has one, symbols (``-``, ``.``, ``x``, ``...``, ``/``)
and quality suffixes (``p``, ``r``, ``s``), then ``__________``, a quoted multi-line footnote, the licence
and ``Stand``. Beside it the same observations as a flat csv (``AGS;Gemeinde;Jahr;Alter;Geschlecht;
Einwohner``, the layout of ``benchmarks/import_1m.py``) imported with its template — the baseline.

Each import is timed as the user runs it, as processes from start to exit: ``bildungsplaner new X`` and
``bildungsplaner -w X import FILE`` (interpreter start, module imports, sniffing, parsing, the totals check,
region matching and the insert, committed). Peak memory is the import process's ``ru_maxrss`` (from
``os.wait4``). The package's bytecode is written first, as a user's program has it. Printed: seconds,
observations per second (of ``new`` and ``import`` together and of the import process alone), peak memory, the
ratio of the GENESIS import to the flat csv (> 1.00× means the GENESIS import is faster), the CPU seconds of both
processes (user + system, less disturbed than the wall clock when other processes share the machine), and the
largest real GENESIS file in
``../shared/real-data`` the same way. Targets of issue 14: ≥ 350,000 observations/s, at least as fast as the
flat csv, peak memory ≤ 1 GiB.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import OUT, POPULATION_TEMPLATE, REPO, compile_bytecode, git_revision, machine

REAL_DATA = REPO.parent / "shared" / "real-data"
#: The checkout whose ``bildungsplaner`` runs (``--code``: e.g. an older revision unpacked by ``git archive``).
CODE = REPO
SEXES = ("Insgesamt", "männlich", "weiblich")


def _age(age: int) -> str:
    if age == 0:
        return "unter 1 Jahr"
    if age == 99:
        return "99 Jahre und mehr"
    return f"{age} bis unter {age + 1} Jahre"


def _cells(gemeinden: int, years: int):
    """(period, key, name, age label, [insgesamt, männlich, weiblich] as GENESIS text)."""
    for year in range(2024 - years + 1, 2025):
        for g in range(gemeinden):
            key, name = f"05{(g % 50) + 1:03d}{g:03d}", f"Gemeinde {g:03d}, Stadt"
            for age in range(100):
                seed = g * 7919 + year * 31 + age * 17
                male, female = seed % 400 + 20, (seed // 3) % 400 + 20
                texts = [str(male + female), str(male), str(female)]
                pick = seed % 997
                if pick == 0:
                    texts = ["-", "-", "-"]  # nobody of this age: exactly zero
                elif pick == 1:
                    texts = [".", ".", "."]  # secret
                elif pick == 2:
                    texts = [f"{male + female}p", f"{male}p", f"{female}p"]  # provisional
                elif pick == 3:
                    texts = ["x", "...", "/"]
                elif pick == 4:
                    texts = [f"{male + female}r", f"{male}s", f"{female}r"]
                yield f"31.12.{year}", key, name, _age(age), texts


def write_genesis(path: Path, gemeinden: int, years: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("GENESIS-Tabelle: 12411-04-02-5\r\n"
                "Bevölkerungsstand: Bevölkerung nach Geschlecht;;;;;;\r\n"
                "und Altersjahren (100) - Stichtag 31.12. -;;;;;;\r\n"
                "regionale Tiefe: Gemeinden;;;;;;\r\n"
                "Fortschreibung des Bevölkerungsstandes;;;;;;\r\n"
                "Bevölkerungsstand (Anzahl);;;;;;\r\n"
                ";;;;Insgesamt;männlich;weiblich\r\n")
        buffer = []
        for period, key, name, age, texts in _cells(gemeinden, years):
            buffer.append(f"{period};{key};        {name};{age};{';'.join(texts)}\r\n")
            if len(buffer) == 50_000:
                f.writelines(buffer)
                buffer.clear()
        f.writelines(buffer)
        f.write('__________\r\n"zu ""gesamter Tabelle"":\r\nBerichtsjahr ab 2011: Ergebnisse auf Grundlage des '
                'Zensus\r\n2011"\r\n"© Statistische Ämter des Bundes und der Länder, Deutschland, 2026.\r\n'
                'Dieses Werk ist lizensiert unter der Datenlizenz Deutschland\r\n- Namensnennung - Version 2.0."\r\n'
                "Stand: 03.12.2026 / 12:00:00\r\n")


def write_flat(path: Path, gemeinden: int, years: int) -> None:
    """The same observations, one per row (symbols and suffixes as in the table)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("AGS;Gemeinde;Jahr;Alter;Geschlecht;Einwohner\r\n")
        buffer = []
        for period, key, name, age, texts in _cells(gemeinden, years):
            buffer.extend(f"{key};{name};{period[-4:]};{age};{sex};{text}\r\n"
                          for sex, text in zip(SEXES, texts, strict=True))
            if len(buffer) >= 50_000:
                f.writelines(buffer)
                buffer.clear()
        f.writelines(buffer)


def run(args: list[str]) -> tuple[float, float, str, float]:
    """Seconds from start to exit, peak RSS (MiB) of ``python -m bildungsplaner ARGS``, its output and its CPU
    seconds (user + system)."""
    log = OUT / "bench_genesis_import.log"
    with log.open("w") as out:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "bildungsplaner", *args], cwd=CODE, stdout=out,
                                stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = log.read_text()
    if proc.returncode != 0:
        raise SystemExit(f"bildungsplaner {' '.join(args)} failed ({proc.returncode}):\n{text}")
    return seconds, usage.ru_maxrss / 1024, text, usage.ru_utime + usage.ru_stime


def end_to_end(path: Path, template: Path | None = None) -> tuple[float, float, float, float]:
    """``new`` + ``import``: total seconds, seconds of the import process, its peak RSS in MiB, CPU seconds of
    both processes (best of the repeats, by total seconds)."""
    workspace = OUT / "genesis_bench.bpws"
    for leftover in OUT.glob("genesis_bench.bpws*"):
        leftover.unlink()
    new_seconds, _, _, new_cpu = run(["new", str(workspace)])
    extra = ["--template", str(template)] if template else []
    import_seconds, peak, _, import_cpu = run(["import", "-w", str(workspace), "--all-regions", *extra, str(path)])
    for leftover in OUT.glob("genesis_bench.bpws*"):
        leftover.unlink()
    return new_seconds + import_seconds, import_seconds, peak, new_cpu + import_cpu


def observations(path: Path) -> int:
    from bildungsplaner.importing.genesis import parse_genesis_table

    return len(parse_genesis_table(path.read_bytes(), path.name).cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gemeinden", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=1, help="runs per file; the best is printed")
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--code", type=Path, default=REPO,
                        help="run the bildungsplaner of this checkout (an older revision, for before/after)")
    args = parser.parse_args()
    global CODE
    CODE = args.code.resolve()
    compile_bytecode(CODE)  # as a user's program runs (see _common.compile_bytecode)
    OUT.mkdir(parents=True, exist_ok=True)
    n = args.gemeinden * args.years * 100 * 3
    genesis = OUT / f"genesis_population_{n}.csv"
    flat = OUT / f"genesis_population_{n}_flat.csv"
    template = OUT / "genesis_population_template.toml"
    template.write_text(POPULATION_TEMPLATE, encoding="utf-8")
    if args.fresh or not genesis.exists():
        write_genesis(genesis, args.gemeinden, args.years)
    if args.fresh or not flat.exists():
        write_flat(flat, args.gemeinden, args.years)
    real = max(REAL_DATA.glob("genesis_*.csv"), key=lambda p: p.stat().st_size, default=None)

    revision = git_revision() if CODE == REPO else str(CODE)
    print(f"# GENESIS table import, {n:,} cells — {machine()} — code {revision}")
    print(f"GENESIS {genesis.stat().st_size / 1024**2:.0f} MiB, flat csv {flat.stat().st_size / 1024**2:.0f} MiB\n")
    print("| file | observations | new + import | import process | observations/s (new + import) "
          "| observations/s (import process) | peak RSS | ratio to flat csv | CPU s (new + import) "
          "| observations per CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    runs = [("flat csv + template (baseline)", flat, template, n), ("GENESIS table", genesis, None, n)]
    if real is not None:
        runs.append((f"real: {real.name}", real, None, observations(real)))
    baseline = None
    for label, path, tmpl, count in runs:
        best = min((end_to_end(path, tmpl) for _ in range(args.repeat)), key=lambda r: r[0])
        rate = count / best[0]
        baseline = baseline or rate
        print(f"| {label} | {count:,} | {best[0]:.2f} s | {best[1]:.2f} s | {rate:,.0f} | {count / best[1]:,.0f} "
              f"| {best[2]:,.0f} MiB "
              f"| {rate / baseline:.2f}× | {best[3]:.2f} s | {count / best[3]:,.0f} |", flush=True)


if __name__ == "__main__":
    main()
