"""The one place that decides where files live.

Order of precedence for the data folder (workspaces, settings, logs, backups):

1. the environment variable ``BILDUNGSPLANER_HOME`` (tests, IT-managed setups);
2. portable mode: a marker file ``bildungsplaner-portable.txt`` next to the executable switches to a
   ``Daten`` folder beside the program (USB stick, PCs where even per-user installers are blocked);
3. the per-user data folder from platformdirs (Windows: ``%LOCALAPPDATA%\\Bildungsplaner``, Linux:
   ``~/.local/share/bildungsplaner``).

``--workspace PATH`` on the command line overrides only the workspace file, not the data folder.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from bildungsplaner import APP_NAME, WORKSPACE_SUFFIX

HOME_ENV = "BILDUNGSPLANER_HOME"
PORTABLE_MARKER = "bildungsplaner-portable.txt"
PORTABLE_DATA_DIR = "Daten"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def executable_dir() -> Path:
    """Folder of the running program: the bundle's folder when frozen, the source tree's root otherwise."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent


def is_portable(exe_dir: Path | None = None) -> bool:
    return ((exe_dir or executable_dir()) / PORTABLE_MARKER).is_file()


def data_dir(exe_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    """The data folder, created if missing (see module docstring for the precedence)."""
    env = os.environ if env is None else env
    override = env.get(HOME_ENV, "").strip()
    if override:
        path = Path(override).expanduser()
    elif is_portable(exe_dir):
        path = (exe_dir or executable_dir()) / PORTABLE_DATA_DIR
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_workspace(exe_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    return data_dir(exe_dir, env) / f"Arbeitsbereich{WORKSPACE_SUFFIX}"


def demo_workspace(exe_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    return data_dir(exe_dir, env) / f"Demo-Landkreis{WORKSPACE_SUFFIX}"


def backups_dir(exe_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    path = data_dir(exe_dir, env) / "Sicherungen"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(exe_dir: Path | None = None, env: Mapping[str, str] | None = None) -> Path:
    path = data_dir(exe_dir, env) / "Protokolle"
    path.mkdir(parents=True, exist_ok=True)
    return path


def bundle_dir() -> Path:
    """Where a PyInstaller bundle keeps its data files (``sys._MEIPASS``; the program folder as fallback)."""
    return Path(getattr(sys, "_MEIPASS", executable_dir()))


def resources_dir() -> Path:
    """Read-only resources (icons, translations, licence texts) of the source tree or the bundle."""
    if is_frozen():
        return bundle_dir() / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def help_file() -> Path:
    """The offline handbook (one HTML page, no external resources)."""
    return resources_dir() / "help" / "hilfe.html"


def licenses_dir() -> Path:
    """Licence texts of the application and everything it bundles.

    Frozen: ``LICENSES/`` of the bundle, collected at build time (``installer/collect_licenses.py``: an index,
    every bundled distribution's licence, Qt's LGPL notice). From the source tree: the committed texts in
    ``installer/LICENSES`` (Qt's LGPL notice and the licences it refers to).
    """
    if is_frozen():
        return bundle_dir() / "LICENSES"
    return Path(__file__).resolve().parent.parent / "installer" / "LICENSES"


def translations_dir() -> Path:
    """Compiled ``.qm`` files: built from ``resources/translations/*.ts``, never committed."""
    if is_frozen():
        return resources_dir() / "translations"
    return Path(__file__).resolve().parent.parent / "build" / "translations"


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "store" / "migrations"
