"""Collect the licence texts the bundle must carry into one folder (run at build time by the spec).

    python installer/collect_licenses.py OUT_DIR

Writes ``OUT_DIR/README.txt`` (index: the application's licence, Qt's LGPL notice, every third-party
distribution with version and licence), the application's own licence, the committed texts of
``installer/LICENSES`` (Qt LGPL notice, LGPL-3.0, GPL-3.0), Python's licence, PyInstaller's bootloader
licence and, per run-time dependency, the licence files from its installed metadata (``*.dist-info``).
Only the run-time closure of ``bildungsplaner``'s requirements is collected, not the dev tools.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
STATIC = Path(__file__).resolve().parent / "LICENSES"
APP = "bildungsplaner"
#: Distributions bundled although not a requirement of the package (the freezer's bootloader).
EXTRA = ("pyinstaller",)
_LICENSE_NAME = re.compile(r"(licen[cs]e|copying|notice|authors)", re.I)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = APP) -> list[metadata.Distribution]:
    """``root`` and every distribution it needs at run time on this platform (markers evaluated, no extras)."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = _norm(todo.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for spec in dist.requires or []:
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted(seen.values(), key=lambda d: _norm(d.metadata["Name"]))


def licence_files(dist: metadata.Distribution) -> list[tuple[str, bytes]]:
    """``(relative name, content)`` of the licence files in a distribution's metadata folder."""
    found = []
    for file in dist.files or []:
        parts = Path(str(file)).parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if _LICENSE_NAME.search(Path(*parts[1:]).as_posix()) and parts[-1] != "RECORD":
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append(("/".join(parts[1:]), path.read_bytes()))
    return found


def licence_label(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    label = meta.get("License-Expression") or ""
    if not label:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        label = "; ".join(classifiers)
    if not label:
        text = (meta.get("License") or "").strip()
        label = text.splitlines()[0][:80] if text else "siehe Dateien / see files"
    return label


def collect(out: Path) -> Path:
    """Write the licence bundle into ``out`` (emptied first); returns ``out``."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "Drittanbieter").mkdir(parents=True)
    for text in sorted(STATIC.glob("*.txt")):
        shutil.copy2(text, out / text.name)

    app_licence = ROOT / "LICENSE"
    app_dist = metadata.distribution(APP)
    if app_licence.is_file():
        shutil.copy2(app_licence, out / "Bildungsplaner-Lizenz.txt")
    else:
        (out / "Bildungsplaner-Lizenz.txt").write_text(
            f"Bildungsplaner {app_dist.version}\n\nLizenz / licence: {app_dist.metadata.get('License') or '-'}\n\n"
            "Alle Rechte vorbehalten, soweit nicht in den Lizenzbedingungen Ihrer Verwaltung anders vereinbart.\n"
            "All rights reserved unless agreed otherwise in your administration's licence terms.\n"
            "Die mitgelieferten Bibliotheken Dritter stehen unter ihren eigenen Lizenzen (siehe README.txt).\n",
            encoding="utf-8")

    python_licence = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    lines = [
        "Bildungsplaner – Lizenzen / licences",
        "====================================",
        "",
        "Bildungsplaner-Lizenz.txt   Lizenz des Programms / the application's licence",
        "Qt-LGPL-Hinweis.txt         Qt und PySide6 unter LGPL-3.0 / Qt and PySide6 under LGPL-3.0",
        "LGPL-3.0.txt, GPL-3.0.txt   Lizenztexte / licence texts",
        "ColorBrewer-Apache-2.0.txt  Farbschemata der Karten / the maps' colour schemes (Apache-2.0)",
        f"Python-{sys.version.split()[0]}.txt       Python (PSF License)",
        "Drittanbieter/              Lizenzdateien je Bibliothek / licence files per library",
        "",
        "Enthaltene Bibliotheken / bundled libraries (Name, Version, Lizenz / name, version, licence):",
        "",
    ]
    if python_licence.is_file():
        shutil.copy2(python_licence, out / f"Python-{sys.version.split()[0]}.txt")
    dists = [d for d in runtime_closure() if _norm(d.metadata["Name"]) != APP]
    for name in EXTRA:
        with contextlib.suppress(metadata.PackageNotFoundError):
            dists.append(metadata.distribution(name))
    for dist in dists:
        name, version = dist.metadata["Name"], dist.version
        label = licence_label(dist)
        if _norm(name) == "pyinstaller":
            label += " (nur der Startlader / bootloader only: GPL with exception)"
        files = licence_files(dist)
        target = out / "Drittanbieter" / f"{name}-{version}"
        target.mkdir()
        for rel, content in files:
            dest = target / rel.replace("/", "_")
            dest.write_bytes(content)
        if not files:
            note = f"{name} {version}: {label}\n"
            if _norm(name) in ("pyside6-essentials", "shiboken6", "pyside6"):
                note += "Siehe / see ../Qt-LGPL-Hinweis.txt, ../LGPL-3.0.txt, ../GPL-3.0.txt\n"
            (target / "LIZENZ-HINWEIS.txt").write_text(note, encoding="utf-8")
        lines.append(f"  {name:<28} {version:<14} {label}")
    lines += ["", "Auf Linux enthält der Programmordner außerdem Systembibliotheken (z. B. libxcb, fontconfig) aus der",
              "Build-Umgebung; ihre Lizenzen liegen in /usr/share/doc/<Paket>/copyright der Distribution.", ""]
    (out / "README.txt").write_text("\n".join(lines), encoding="utf-8")
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(collect(Path(sys.argv[1])))
