#!/usr/bin/env python3
"""Set up and run Bildungsplaner from a source checkout with nothing but Python 3.11+.

    python3 tasks.py start    # first time: creates .venv from the lock file; then opens the demo workspace
    python3 tasks.py test     # same set-up, then ruff, import-linter, mypy and the whole pytest suite (Qt offscreen)

Maintainers: ``python3 tasks.py lock`` refreshes requirements/lock.txt (needs the network),
``python3 tasks.py screenshot`` renders docs/screenshot.png offscreen,
``python3 tasks.py build`` builds the one-folder application and its archives into dist/ (installer/README.md).
Extra arguments after the command go to the application or to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "lock.txt"
STAMP = VENV / "bildungsplaner-installed.sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def run(*cmd: object, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT, env=env)


def check(*cmd: object) -> None:
    code = run(*cmd)
    if code:
        sys.exit(code)


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (LOCK, ROOT / "pyproject.toml"):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def ensure_env() -> None:
    """Create .venv and install exactly the locked versions (with hashes); skipped when up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py runs under whatever python3 the machine has
        sys.exit(f"Bildungsplaner braucht Python 3.11 oder neuer (gefunden: {sys.version.split()[0]}).")
    if not PY.exists():
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except Exception as exc:  # e.g. Debian without python3-venv
            sys.exit(f"Virtuelle Umgebung konnte nicht angelegt werden ({exc}). "
                     "Unter Debian/Ubuntu: Paket python3-venv installieren.")
    fingerprint = _fingerprint()
    if STAMP.exists() and STAMP.read_text().strip() == fingerprint:
        return
    pip = [PY, "-m", "pip", "--disable-pip-version-check", "install", "--quiet"]
    check(*pip, "--require-hashes", "-r", LOCK)
    check(*pip, "--no-deps", "--no-build-isolation", "--editable", ROOT)
    STAMP.write_text(fingerprint)


def build_translations() -> None:
    """Compile resources/translations/*.ts to build/translations/*.qm (generated, never committed)."""
    out = ROOT / "build" / "translations"
    out.mkdir(parents=True, exist_ok=True)
    lrelease = BIN / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = out / ts.with_suffix(".qm").name
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            check(lrelease, "-silent", ts, "-qm", qm)


def cmd_start(args: list[str]) -> int:
    ensure_env()
    build_translations()
    return run(PY, "-m", "bildungsplaner", "--demo", *args)


def cmd_test(args: list[str]) -> int:
    ensure_env()
    build_translations()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}
    # mypy checks the Qt-free packages listed in pyproject.toml's [tool.mypy] files
    for step in ([PY, "-m", "ruff", "check", "."], [BIN / "lint-imports"], [PY, "-m", "mypy"]):
        code = run(*step, env=env)
        if code:
            return code
    # pytest's "no tests ran" (exit code 5) is non-zero and therefore fails like any other error.
    return run(PY, "-m", "pytest", *args, env=env)


def cmd_lock(args: list[str]) -> int:
    ensure_env()
    return run(PY, "-m", "uv", "pip", "compile", "pyproject.toml", "--extra", "dev", "--universal",
               "--python-version", "3.11", "--generate-hashes", "-o", LOCK, *args)


def cmd_screenshot(args: list[str]) -> int:
    ensure_env()
    build_translations()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return run(PY, ROOT / "scripts" / "screenshot.py", *args, env=env)


def cmd_build(args: list[str]) -> int:
    """The one-folder app (PyInstaller), the archives and, on Windows, the installer: installer/build_*."""
    ensure_env()
    build_translations()
    if os.name == "nt":
        return run("powershell", "-NoProfile", "-ExecutionPolicy", "Bypass", "-File",
                   ROOT / "installer" / "build_windows.ps1", *args)
    return run("bash", ROOT / "installer" / "build_linux.sh", *args)


COMMANDS = {"start": cmd_start, "test": cmd_test, "lock": cmd_lock, "screenshot": cmd_screenshot,
            "build": cmd_build}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(__doc__)
    sys.exit(COMMANDS[sys.argv[1]](sys.argv[2:]))
