"""Pack a built one-folder application into the archives users receive; prints the sizes.

    python installer/package.py [DIST_DIR]      # default: dist/Bildungsplaner

Writes next to the folder (``dist/``):

* Linux: ``Bildungsplaner-VERSION-linux-x86_64.tar.gz`` (the folder as is);
* Windows: ``Bildungsplaner-VERSION-windows-x64.zip``;
* both: ``Bildungsplaner-VERSION-PLATFORM-portabel.zip`` — the same folder plus the portable marker
  ``bildungsplaner-portable.txt`` beside the executables, so workspaces, settings and logs stay in a
  ``Daten`` folder next to the program (USB stick, PCs where even per-user installers are blocked; see
  :mod:`bildungsplaner.paths`).

The Windows installer (``installer/bildungsplaner.iss``) is made by Inno Setup, not here.
"""

from __future__ import annotations

import os
import platform
import stat
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bildungsplaner import APP_NAME, __version__  # noqa: E402 - after the path set-up above
from bildungsplaner.paths import PORTABLE_DATA_DIR, PORTABLE_MARKER  # noqa: E402

MARKER_TEXT = f"""Portabler Modus / portable mode
================================

Diese Datei schaltet den portablen Modus von {APP_NAME} ein: Arbeitsbereiche, Einstellungen, Protokolle und
Sicherungen liegen im Ordner „{PORTABLE_DATA_DIR}“ neben dem Programm, nicht im Benutzerprofil. Der Ordner muss
beschreibbar sein (z. B. USB-Stick oder eigenes Laufwerk). Löschen Sie diese Datei, um wieder den Datenordner
des Benutzers (%LOCALAPPDATA%\\{APP_NAME}) zu verwenden.

This file switches {APP_NAME} to portable mode: workspaces, settings, logs and backups are kept in the
"{PORTABLE_DATA_DIR}" folder next to the program. Delete it to use the per-user data folder again.
"""


def platform_tag() -> str:
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "windows-x64" if machine in ("amd64", "x86_64") else f"windows-{machine}"
    return f"{sys.platform}-{machine}"


def _zip(folder: Path, out: Path, marker: bool) -> Path:
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            name = (Path(folder.name) / path.relative_to(folder)).as_posix()
            if path.is_symlink():  # Linux builds link libraries into _internal/; keep them links (unzip does)
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                archive.writestr(info, os.readlink(path))
            elif path.is_file():
                archive.write(path, name)  # keeps the mode bits
        if marker:
            info = zipfile.ZipInfo(f"{folder.name}/{PORTABLE_MARKER}", date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, MARKER_TEXT.replace("\n", "\r\n").encode("utf-8-sig"))
    return out


def make_archives(folder: Path, out_dir: Path | None = None, *, tarball: bool | None = None,
                  portable: bool = True) -> dict[str, Path]:
    """Archives of ``folder`` (``{"archive": …, "portable": …}``); ``tarball`` defaults to "not Windows"."""
    folder = Path(folder)
    out_dir = Path(out_dir or folder.parent)
    out_dir.mkdir(parents=True, exist_ok=True)
    if (folder / PORTABLE_MARKER).exists():
        raise SystemExit(f"{folder} contains {PORTABLE_MARKER}; build again before packing")
    stem = f"{APP_NAME}-{__version__}-{platform_tag()}"
    tarball = (sys.platform != "win32") if tarball is None else tarball
    made: dict[str, Path] = {}
    if tarball:
        made["archive"] = out_dir / f"{stem}.tar.gz"
        with tarfile.open(made["archive"], "w:gz", compresslevel=9) as archive:
            archive.add(folder, arcname=folder.name)
    else:
        made["archive"] = _zip(folder, out_dir / f"{stem}.zip", marker=False)
    if portable:
        made["portable"] = _zip(folder, out_dir / f"{stem}-portabel.zip", marker=True)
    return made


def extract_zip(archive: Path, dest: Path) -> Path:
    """Unpack a ZIP made here with mode bits and symbolic links (what ``unzip`` does; Python's zipfile not)."""
    dest = Path(dest)
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = dest / info.filename
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(zf.read(info).decode())
            elif not info.is_dir():
                zf.extract(info, dest)
                if mode & 0o777:
                    target.chmod(mode & 0o777)
    return dest


def folder_size(folder: Path) -> int:
    """Bytes on disk of all files (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in Path(folder).rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "dist" / APP_NAME
    if not folder.is_dir():
        sys.exit(f"{folder} not found: build first (python3 tasks.py build)")
    print(f"{folder}: {folder_size(folder) / 1e6:8.1f} MB (one-folder application)")
    for kind, path in make_archives(folder).items():
        print(f"{path}: {os.path.getsize(path) / 1e6:8.1f} MB ({kind})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
