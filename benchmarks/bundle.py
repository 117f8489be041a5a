#!/usr/bin/env python3
"""The frozen one-folder application: build time, size on disk, archive sizes, start-up against the source tree.

    .venv/bin/python benchmarks/bundle.py [--runs 7] [--dist DIR] [--markdown FILE]

Builds ``installer/bildungsplaner.spec`` with PyInstaller into a temporary folder (or uses an existing build with
``--dist dist/Bildungsplaner``, then without build time), packs it with ``installer/package.py`` (``.tar.gz`` and
the portable ZIP) and measures the time from launching a process to its first shown main window
(``--startup-probe`` prints ``shown <epoch>``, as in ``benchmarks/startup.py``), for the frozen GUI executable and
for ``python -m bildungsplaner`` on the same demo workspace, both offscreen, and for the bare Qt window of
``startup.py`` interleaved with them. Ratios = frozen / unfrozen and each / the bare Qt window.
Targets (issue 6): archive < 100 MB, folder < 250 MB, ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, git_revision, machine
from startup import BARE_QT, launch

SPEC = REPO / "installer" / "bildungsplaner.spec"


def load_package_module():
    spec = importlib.util.spec_from_file_location("installer_package", REPO / "installer" / "package.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(base: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(base / "dist"), "--workpath", str(base / "work"), str(SPEC)],
                   check=True, cwd=REPO, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    return base / "dist" / "Bildungsplaner", time.perf_counter() - started


def disk_usage(folder: Path) -> int:
    """Allocated bytes (what ``du`` reports), links counted once."""
    return sum(p.lstat().st_blocks * 512 for p in folder.rglob("*") if not p.is_symlink())


def mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--dist", type=Path, help="an existing one-folder build (skips the build)")
    parser.add_argument("--markdown", type=Path, help="also write the figures as Markdown to this file")
    args = parser.parse_args()
    package = load_package_module()
    with tempfile.TemporaryDirectory(prefix="bundle-bench-") as tmp:
        base = Path(tmp)
        if args.dist:
            app, build_s = args.dist.resolve(), None
        else:
            app, build_s = build(base)
        files = package.folder_size(app)
        on_disk = disk_usage(app)
        count = sum(1 for p in app.rglob("*") if p.is_file())
        started = time.perf_counter()
        archives = package.make_archives(app, base / "archives")
        pack_s = time.perf_counter() - started
        sizes = {kind: path.stat().st_size for kind, path in archives.items()}
        names = {kind: path.name for kind, path in archives.items()}

        home = base / "home"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BILDUNGSPLANER_HOME": str(home)}
        workspace = base / "demo.bpws"
        subprocess.run([str(app / "bildungsplaner-cli"), "demo", "--out", str(workspace)], env=env, check=True,
                       capture_output=True)
        frozen_cmd = [str(app / "Bildungsplaner"), "--workspace", str(workspace), "--startup-probe"]
        source_cmd = [sys.executable, "-m", "bildungsplaner", "--workspace", str(workspace), "--startup-probe"]
        bare_cmd = [sys.executable, "-c", BARE_QT]
        launch(frozen_cmd, env)  # warm the file cache once for all three
        launch(source_cmd, env)
        launch(bare_cmd, env)
        frozen, source, bare = [], [], []
        for _ in range(args.runs):  # interleaved, so drift hits all alike
            frozen.append(launch(frozen_cmd, env))
            source.append(launch(source_cmd, env))
            bare.append(launch(bare_cmd, env))
    f, s, b = statistics.median(frozen), statistics.median(source), statistics.median(bare)

    def span(values: list[float]) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"

    lines = [
        f"machine: {machine()}; revision {git_revision()}",
        f"build time (PyInstaller, --clean):       {f'{build_s:.0f} s' if build_s is not None else 'not measured'}",
        f"one-folder app, file sizes:              {mb(files)} in {count} files (target < 250 MB)",
        f"one-folder app, allocated on disk:       {mb(on_disk)}",
        f"archive {names['archive']}: {mb(sizes['archive'])} (target < 100 MB)",
        f"portable {names['portable']}: {mb(sizes['portable'])}",
        f"packing both archives:                   {pack_s:.0f} s",
        f"start to first window, frozen:           {span(frozen)}",
        f"start to first window, python -m:        {span(source)}",
        f"ratio frozen / python -m ({args.runs} runs, median): {f / s:.2f}x (target <= 1.5x)",
        f"bare Qt window (startup.py's baseline):  {span(bare)}",
        f"ratio to the bare Qt window: frozen {f / b:.2f}x, python -m {s / b:.2f}x (issue 14: <= 6x)",
    ]
    print("\n".join(lines))
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        table = "\n".join([
            "| measure | value | target |",
            "|---|---:|---:|",
            f"| build time (PyInstaller `--clean`, 2 cores) | {f'{build_s:.0f} s' if build_s is not None else '–'} | |",
            f"| one-folder app, file sizes ({count} files) | {mb(files)} | < 250 MB |",
            f"| one-folder app, allocated on disk | {mb(on_disk)} | |",
            f"| `{names['archive']}` | {mb(sizes['archive'])} | < 100 MB |",
            f"| `{names['portable']}` | {mb(sizes['portable'])} | |",
            f"| start → first window, frozen `Bildungsplaner` | {span(frozen)} | |",
            f"| start → first window, `python -m bildungsplaner` | {span(source)} | |",
            f"| ratio frozen / unfrozen | {f / s:.2f}× | ≤ 1.5× |",
            f"| bare Qt window (baseline of `startup.py`) | {span(bare)} | |",
            f"| ratio frozen / bare Qt window | {f / b:.2f}× | ≤ 6× |",
        ])
        args.markdown.write_text(
            f"## Frozen application: `benchmarks/bundle.py`\n\n    .venv/bin/python benchmarks/bundle.py --runs "
            f"{args.runs}\n\nMachine: {machine()}; revision `{git_revision()}`. Start-up: median (min-max) of "
            f"{args.runs} interleaved runs after one warm-up each, demo workspace, offscreen.\n\n{table}\n",
            encoding="utf-8")


if __name__ == "__main__":
    main()
