"""The standalone installer (issue 6): what can be checked here of the Windows scripts, the offline guarantee,
and the frozen one-folder application built for real on Linux and run through an import → plan → export cycle.
"""

from __future__ import annotations

import ast
import csv
import importlib.util
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import textwrap
import zipfile
from pathlib import Path
from types import ModuleType

import openpyxl
import pytest

from bildungsplaner import WORKSPACE_SUFFIX, __version__, selfcheck
from bildungsplaner.paths import PORTABLE_DATA_DIR, PORTABLE_MARKER

REPO = Path(__file__).resolve().parents[1]
INSTALLER = REPO / "installer"
ISS = INSTALLER / "bildungsplaner.iss"
SPEC = INSTALLER / "bildungsplaner.spec"
REAL_DATA = REPO.parent / "shared" / "real-data"
GENESIS = "genesis_12411-01-01-4.csv"  # 526 regions (Germany down to Kreise), 3 measures, 2015

TEMPLATE = textwrap.dedent("""\
    format = 1
    name = "Einwohner je Kreis"
    target = "observations"
    [regions]
    key = "AGS"
    name = "Kreis"
    [observations]
    period = "Stichtag"
    dimensions = ["Geschlecht"]
    [[observations.measures]]
    column = "Einwohner"
    indicator = "EW_TEST"
    name = "Einwohner (Test)"
    unit = "Anzahl"
""")


def load(name: str) -> ModuleType:
    """A module of installer/ (not a package) by file name."""
    spec = importlib.util.spec_from_file_location(f"installer_{name}", INSTALLER / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_file(name: str) -> Path:
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path


def population_xlsx(path: Path) -> Path:
    """A colleague's workbook: title row, blank row, header; one key without its leading zero (Excel)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Einwohner der kreisfreien Städte, Stand 31.12.2024"])
    sheet.append([])
    sheet.append(["AGS", "Kreis", "Stichtag", "Geschlecht", "Einwohner"])
    sheet.append([1001, "Flensburg", "31.12.2024", "Insgesamt", 92550])
    sheet.append(["01002", "Kiel", "31.12.2024", "Insgesamt", 248873])
    workbook.save(path)
    return path


def crashing_xlsx(path: Path) -> Path:
    """A valid workbook whose sheet claims A1:B2 but has a cell at XFD1048576: python-calamine aborts on it."""
    population_xlsx(path)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats'
             '.org/spreadsheetml/2006/main"><dimension ref="A1:B2"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
             '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = sheet.encode() if item.filename == "xl/worksheets/sheet1.xml" else src.read(item)
            dst.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


# ---------------------------------------------------------------------------------------------------------------
# (a) fast checks of the scripts
# ---------------------------------------------------------------------------------------------------------------

def iss_settings() -> dict[str, str]:
    settings = {}
    section = ""
    for line in ISS.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            section = line.strip()
        elif section == "[Setup]" and "=" in line and not line.startswith(";"):
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    return settings


def test_the_installer_asks_for_no_elevated_rights_and_installs_per_user() -> None:
    text = ISS.read_text(encoding="utf-8")
    setup = iss_settings()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert "admin" not in text.lower(), "no admin rights, not even as an option or a comment"
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert not re.search(r"\{(pf|pf32|pf64|commonpf|commonappdata|commonprograms|commondesktop)\}", text)
    assert not re.search(r"Root:\s*HK(LM|CU)\b", text), "registry only through HKA (per user unless chosen)"
    assert "{#WorkspaceSuffix}" in text and f'#define WorkspaceSuffix "{WORKSPACE_SUFFIX}"' in text


def test_the_installer_speaks_german_and_english_and_has_menu_desktop_and_association() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r'Name: "de"; MessagesFile: "compiler:Languages\\German.isl"', text)
    assert re.search(r'Name: "en"; MessagesFile: "compiler:Default.isl"', text)
    assert r'Name: "{group}\{#AppName}"' in text
    assert re.search(r'Name: "desktopicon";.*Flags: unchecked', text)
    assert r'"{autodesktop}\{#AppName}"' in text and "Tasks: desktopicon" in text
    assert r'--workspace ""%1""' in text and "ChangesAssociations=yes" in text
    for option in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/CURRENTUSER"):
        assert option in text and option in (INSTALLER / "README.md").read_text(encoding="utf-8")


def test_uninstalling_keeps_the_users_workspaces() -> None:
    text = ISS.read_text(encoding="utf-8")
    assert not re.search(r"^\[(Uninstall|Install)Delete\]", text, re.M), "no section that deletes files"
    assert not re.search(r"^\[UninstallRun\]", text, re.M)
    assert not re.search(r"DelTree|RemoveDir|DeleteFile", text), "the script deletes nothing by code"
    code = text.split("[Code]", 1)[1]
    assert "{localappdata}" in code and "MsgBox" in code  # it only tells where the data stayed


def spec_calls() -> dict[str, list[ast.Call]]:
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(ast.parse(SPEC.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    return calls


def keywords(call: ast.Call) -> dict[str, object]:
    return {k.arg: ast.literal_eval(k.value) for k in call.keywords
            if k.arg and isinstance(k.value, ast.Constant)}


def test_the_spec_builds_one_folder_without_upx_with_a_gui_and_a_console_executable() -> None:
    text = SPEC.read_text(encoding="utf-8")
    calls = spec_calls()
    assert len(calls["COLLECT"]) == 1 and keywords(calls["COLLECT"][0])["upx"] is False
    common = next(c for c in calls["dict"] if "exclude_binaries" in keywords(c))
    assert keywords(common).items() >= {"exclude_binaries": True, "upx": False, "strip": False}.items()
    exes = {keywords(c)["console"]: c for c in calls["EXE"]}
    assert set(exes) == {True, False}, "a windowed and a console executable"
    for call in exes.values():  # one-folder: no binaries or data inside the executables
        assert not any(isinstance(arg, ast.Attribute) and arg.attr in ("binaries", "datas") for arg in call.args)
    assert "upx=True" not in text and "upx=False" in text
    assert "from bildungsplaner import APP_NAME, __version__" in text  # name and version from the package
    for needed in ("PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtWebEngineCore",
                   "PySide6.Qt3DCore", "PySide6.QtMultimedia", "PySide6.QtCharts"):
        assert needed.split(".")[1] in text, needed
    for lib in ("tkinter", "matplotlib", "IPython", "pytest"):
        assert f'"{lib}"' in text
    assert "pyi_rth_bildungsplaner.py" in text and "bildungsplaner.selfcheck" in text


def test_version_info_is_generated_from_the_package_version() -> None:
    version_info = load("version_info")
    numbers = tuple(int(n) for n in __version__.split(".")[:3])
    assert version_info.version_tuple() == tuple([*numbers, 0, 0, 0, 0][:4])
    assert version_info.version_tuple("1.2.3rc1") == (1, 2, 3, 0)
    assert version_info.version_tuple("2.0") == (2, 0, 0, 0)
    text = version_info.render()
    assert f"filevers={version_info.version_tuple()}" in text
    assert f"StringStruct('FileVersion', '{__version__}')" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text

    def record(*args: object, **kwargs: object) -> tuple:
        return args, kwargs

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo",
             "VarStruct")
    tree = eval(text, dict.fromkeys(names, record))  # the format PyInstaller evaluates the same way
    assert tree[1]["ffi"][1]["filevers"] == version_info.version_tuple()


def test_the_application_icon_exists_as_svg_png_and_a_multi_size_ico() -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / "bildungsplaner.svg").is_file()
    assert (icons / "bildungsplaner.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    data = (icons / "bildungsplaner.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {data[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_selfcheck_finds_openpyxl_using_defusedxml_and_missing_bundle_files(tmp_path, monkeypatch) -> None:
    assert selfcheck.defusedxml_problems() == []
    assert selfcheck.problems() == []  # not frozen: only the defusedxml check applies
    selfcheck.verify()
    for name in selfcheck.BUNDLE_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    assert selfcheck.bundle_problems(tmp_path) == ["Im Programmordner fehlen die Migrationsskripte der Datenbank."]
    versions = tmp_path / "bildungsplaner" / "store" / "migrations" / "versions"
    versions.mkdir()
    (versions / "0001_initial_schema.py").write_text("")
    assert selfcheck.bundle_problems(tmp_path) == []
    (tmp_path / "PySide6/Qt/translations/qtbase_de.qm").unlink()
    assert selfcheck.bundle_problems(tmp_path) == ["Im Programmordner fehlt PySide6/Qt/translations/qtbase_de.qm."]
    (tmp_path / "PySide6/translations").mkdir()
    (tmp_path / "PySide6/translations/qtbase_de.qm").write_bytes(b"")  # where Windows wheels keep it
    assert selfcheck.bundle_problems(tmp_path) == []

    import openpyxl as module

    monkeypatch.setattr(module, "DEFUSEDXML", False)
    with pytest.raises(selfcheck.SelfCheckError, match="ohne defusedxml"):
        selfcheck.verify()


def test_the_licence_bundle_has_the_app_qt_lgpl_and_every_runtime_dependency(tmp_path) -> None:
    out = load("collect_licenses").collect(tmp_path / "LICENSES")
    readme = (out / "README.txt").read_text(encoding="utf-8")
    for name in ("PySide6_Essentials", "shiboken6", "pandas", "numpy", "openpyxl", "defusedxml", "SQLAlchemy",
                 "alembic", "pyqtgraph", "python-calamine", "platformdirs", "pyinstaller"):
        assert re.search(rf"^  {re.escape(name)}\s", readme, re.M | re.I), name
    for dev_tool in ("pytest", "ruff", "hypothesis", "import-linter", "xlwt"):
        assert not re.search(rf"^  {dev_tool}\s", readme, re.M | re.I), dev_tool
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "LGPL-3.0.txt").read_text(encoding="utf-8")
    assert "LGPL-3.0" in (out / "Qt-LGPL-Hinweis.txt").read_text(encoding="utf-8")
    assert (out / "Bildungsplaner-Lizenz.txt").is_file() and any(out.glob("Python-*.txt"))
    third = out / "Drittanbieter"
    assert any((third / d.name).glob("*") for d in third.iterdir() if d.name.startswith("numpy-"))
    assert "LGPL" in next(third.glob("PySide6_Essentials-*/LIZENZ-HINWEIS.txt")).read_text(encoding="utf-8")


def test_archives_keep_links_and_modes_and_the_portable_zip_carries_the_marker(tmp_path) -> None:
    package = load("package")
    app = tmp_path / "Bildungsplaner"
    (app / "_internal").mkdir(parents=True)
    (app / "_internal" / "libx.so.1").write_bytes(b"\x7fELF" + bytes(100))
    (app / "_internal" / "libx.so").symlink_to("libx.so.1")
    (app / "bildungsplaner-cli").write_text("#!/bin/sh\n")
    (app / "bildungsplaner-cli").chmod(0o755)
    made = package.make_archives(app, tmp_path / "out", tarball=True)
    with tarfile.open(made["archive"]) as archive:
        assert archive.getmember("Bildungsplaner/_internal/libx.so").issym()
    with zipfile.ZipFile(made["portable"]) as archive:
        marker = archive.read(f"Bildungsplaner/{PORTABLE_MARKER}").decode("utf-8-sig")
    assert PORTABLE_DATA_DIR in marker and "portable" in marker
    unpacked = package.extract_zip(made["portable"], tmp_path / "unpacked") / "Bildungsplaner"
    assert (unpacked / "_internal" / "libx.so").is_symlink()
    assert (unpacked / "_internal" / "libx.so").read_bytes().startswith(b"\x7fELF")
    assert os.access(unpacked / "bildungsplaner-cli", os.X_OK) and (unpacked / PORTABLE_MARKER).is_file()


def test_tasks_has_a_build_command_running_the_platform_script() -> None:
    text = (REPO / "tasks.py").read_text(encoding="utf-8")
    assert '"build": cmd_build' in text and "build_linux.sh" in text and "build_windows.ps1" in text
    assert os.access(INSTALLER / "build_linux.sh", os.X_OK)


# ---------------------------------------------------------------------------------------------------------------
# (b) the application opens no network connection
# ---------------------------------------------------------------------------------------------------------------

NET_GUARD = '''
"""Loaded into every Python process of the test (PYTHONPATH), the import sandbox's child included."""
import atexit, os, socket, sys

_LOG = os.environ["BP_NET_GUARD_LOG"]


def _note(text):
    with open(_LOG, "a", encoding="utf-8") as f:
        f.write(f"{os.getpid()} {text}\\n")


def _refuse(*args, **kwargs):
    _note(f"BLOCKED {args[:3]!r}")
    raise OSError("network access refused by the test")


socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.socket.sendto = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
_note("loaded")


@atexit.register
def _at_exit():
    if "PySide6.QtNetwork" in sys.modules:
        _note("IMPORTED PySide6.QtNetwork")
    _note("exit " + os.path.basename(sys.argv[0]))
'''


def test_the_whole_smoke_flow_runs_with_the_network_switched_off(tmp_path) -> None:
    genesis = real_file(GENESIS)
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NET_GUARD, encoding="utf-8")
    log = tmp_path / "net.log"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(guard), str(REPO)]), "BP_NET_GUARD_LOG": str(log),
           "BILDUNGSPLANER_HOME": str(tmp_path / "home"), "QT_QPA_PLATFORM": "offscreen"}

    def run(*args: str, code: int = 0) -> subprocess.CompletedProcess:
        result = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=tmp_path,
                                timeout=300)
        assert result.returncode == code, f"{args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
        return result

    # the guard works: a connection attempt fails and is recorded
    run("-c", "import socket; socket.create_connection(('127.0.0.1', 9), timeout=1)", code=1)
    assert "BLOCKED" in log.read_text(encoding="utf-8")
    log.unlink()

    ws = str(tmp_path / "arbeitsbereich.bpws")
    assert "Smoke-Test bestanden" in run("-m", "bildungsplaner", "--smoke-test").stdout
    run("-m", "bildungsplaner", "demo", "--out", ws)
    report = json.loads(run("-m", "bildungsplaner", "import", str(genesis), "-w", ws, "--json").stdout)
    assert report["observations"] == 1578 and report["format"] == "genesis"
    template = tmp_path / "vorlage.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    xlsx = population_xlsx(tmp_path / "einwohner.xlsx")
    report = json.loads(run("-m", "bildungsplaner", "import", str(xlsx), "--template", str(template), "-w", ws,
                            "--json").stdout)
    assert report["observations"] == 2 and report["repaired_keys"] == {"1001": "01001"}
    run("-m", "bildungsplaner", "data", "export", "--out", str(tmp_path / "daten.csv"), "-w", ws)
    scenario = json.loads(run("-m", "bildungsplaner", "plan", "list", "--json", "-w", ws).stdout)[0]["name"]
    run("-m", "bildungsplaner", "export", scenario, "--out", str(tmp_path / "plan.xlsx"), "-w", ws)
    run("-m", "bildungsplaner", "export", scenario, "--out", str(tmp_path / "plan.pdf"), "-w", ws)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")

    lines = log.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if "BLOCKED" in line or "IMPORTED" in line], lines
    loaded = {line.split()[0] for line in lines if line.endswith(" loaded")}
    assert len(loaded) >= 9, "the eight commands and at least one reader child process ran under the guard"
    assert any(line.endswith(" exit sandbox.py") for line in lines), "the import sandbox's child was guarded"


# ---------------------------------------------------------------------------------------------------------------
# (c) the frozen one-folder application, built here with PyInstaller
# ---------------------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder app into a temporary folder (about 30-60 s on two cores)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-app test builds on Linux; Windows builds are made with installer/build_windows.ps1")
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: it is a dev dependency in the lock file")
    base = tmp_path_factory.mktemp("pyinstaller")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(base / "dist"),
         "--workpath", str(base / "work"), str(SPEC)],
        capture_output=True, text=True, cwd=REPO, timeout=900,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    return base / "dist" / "Bildungsplaner"


def frozen_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "BILDUNGSPLANER_"))}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "BILDUNGSPLANER_HOME": str(home), "HOME": str(home)}


def run_frozen(app: Path, exe: str, *args: str, env: dict[str, str], cwd: Path,
               code: int = 0) -> subprocess.CompletedProcess:
    result = subprocess.run([str(app / exe), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
    assert result.returncode == code, f"{exe} {args}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.mark.slow
def test_the_frozen_folder_has_both_executables_and_only_what_it_needs(frozen_app: Path) -> None:
    assert (frozen_app / "Bildungsplaner").is_file() and (frozen_app / "bildungsplaner-cli").is_file()
    internal = frozen_app / "_internal"
    files = [p.relative_to(internal).as_posix() for p in internal.rglob("*")]
    for needed in ("resources/translations/bildungsplaner_en.qm", "PySide6/Qt/translations/qtbase_de.qm",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/platforms/libqxcb.so",
                   "PySide6/Qt/plugins/platforms/libqminimal.so", "LICENSES/README.txt", "LICENSES/LGPL-3.0.txt",
                   "bildungsplaner/store/migrations/env.py", "bildungsplaner/store/migrations/versions",
                   "bildungsplaner/store/schema/sqlite_head.sql",
                   "resources/icons/bildungsplaner.svg", "resources/help/hilfe.html"):
        assert needed in files, needed
    handbook = [p.relative_to(REPO).as_posix() for p in (REPO / "resources" / "help").rglob("*") if p.is_file()]
    assert [page for page in handbook if page not in files] == [], "every page of the handbook ships"
    assert any(f.startswith("defusedxml/") for f in files)
    qt_unused = re.compile(r"Qt6?(Network|Qml|Quick|WebEngine|3D|Multimedia|Charts)|libqgtk3|wayland", re.I)
    assert not [f for f in files if qt_unused.search(f.rsplit("/", 1)[-1])]
    unused = {"tkinter", "_tkinter", "matplotlib", "IPython", "pytest", "_pytest", "hypothesis", "PyInstaller",
              "setuptools", "pip"}  # ssl travels: psycopg needs it (team mode)
    assert not [f for f in files if f.split("/")[0].split(".")[0] in unused
                or f.rsplit("/", 1)[-1].split(".")[0] in unused]
    assert not [f for f in files if f.endswith(".ts")], "translation sources stay in the repository"
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "no dangling links"
    if sys.platform.startswith("linux"):  # one OpenSSL: Python's _ssl uses the copy psycopg brings (the spec)
        openssl = [p.name for p in internal.rglob("libcrypto*.so*") if p.is_file() and not p.is_symlink()]
        assert len(openssl) == 1, openssl
    size = sum(p.stat().st_size for p in frozen_app.rglob("*") if p.is_file() and not p.is_symlink())
    # 250 MB until the map stack (issue 13): shapely + GEOS add 7 MB, pyproj + PROJ + proj.db 32 MB (12 MB in the
    # tar.gz, which stays under its limit of 100 MB)
    assert size < 290e6, f"one-folder app {size / 1e6:.0f} MB"


@pytest.mark.slow
def test_the_frozen_app_starts_checks_itself_and_opens_its_window(frozen_app: Path, tmp_path: Path) -> None:
    env = frozen_env(tmp_path / "home")
    assert run_frozen(frozen_app, "bildungsplaner-cli", "--version", env=env, cwd=tmp_path).stdout.strip() == \
        f"Bildungsplaner {__version__}"
    out = run_frozen(frozen_app, "bildungsplaner-cli", "--smoke-test", env=env, cwd=tmp_path).stdout
    assert "Selbsttest der Installation bestanden" in out and "Smoke-Test bestanden" in out
    log = (tmp_path / "home" / "Protokolle" / "bildungsplaner.log").read_text(encoding="utf-8")
    assert "not found" not in log, "qtbase_de.qm is found in the bundle"
    ws = tmp_path / "demo.bpws"
    run_frozen(frozen_app, "bildungsplaner-cli", "demo", "--out", str(ws), env=env, cwd=tmp_path)
    out = run_frozen(frozen_app, "Bildungsplaner", "--workspace", str(ws), "--startup-probe", env=env,
                     cwd=tmp_path).stdout
    assert re.search(r"^shown \d+\.\d+$", out, re.M), "the windowed executable shows its window"
    if shutil.which("strace"):  # the frozen app makes no connect() to any internet address, not even a failed one
        trace = tmp_path / "strace.log"
        traced = subprocess.run(["strace", "-f", "-e", "trace=connect", "-o", str(trace),
                                 str(frozen_app / "bildungsplaner-cli"), "--smoke-test"],
                                capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
        if traced.returncode == 0 and trace.exists():
            calls = trace.read_text(encoding="utf-8", errors="replace")
            assert not re.search(r"connect\(\d+, \{sa_family=AF_INET6?\b", calls), calls


@pytest.mark.slow
def test_the_frozen_command_line_imports_plans_and_exports(frozen_app: Path, tmp_path: Path) -> None:
    genesis = real_file(GENESIS)
    env = frozen_env(tmp_path / "home")
    ws = str(tmp_path / "arbeitsbereich.bpws")

    def cli(*args: str, code: int = 0) -> subprocess.CompletedProcess:
        return run_frozen(frozen_app, "bildungsplaner-cli", *args, env=env, cwd=tmp_path, code=code)

    cli("demo", "--out", ws)
    report = json.loads(cli("import", str(genesis), "-w", ws, "--json").stdout)
    assert report["format"] == "genesis" and report["table_code"] == "12411-01-01-4"
    assert report["observations"] == 1578 and report["regions_created"] > 500
    # a workbook with an import template: read by python-calamine in the frozen app's sandbox child process
    template = tmp_path / "vorlage.toml"
    template.write_text(TEMPLATE, encoding="utf-8")
    xlsx = population_xlsx(tmp_path / "einwohner.xlsx")
    report = json.loads(cli("import", str(xlsx), "--template", str(template), "-w", ws, "--json").stdout)
    assert report["format"] == "xlsx" and report["observations"] == 2
    assert report["repaired_keys"] == {"1001": "01001"} and report["regions_created"] == 0
    dataset = report["dataset"]
    # a workbook that aborts the reader: the child dies, the frozen parent reports it and changes nothing
    before = Path(ws).read_bytes()
    err = cli("import", str(crashing_xlsx(tmp_path / "absturz.xlsx")), "--template", str(template), "-w", ws,
              code=2).stderr
    assert err.startswith("Fehler: ") and "zum Absturz gebracht" in err and "Traceback" not in err
    assert Path(ws).read_bytes() == before

    scenarios = json.loads(cli("plan", "list", "--json", "-w", ws).stdout)
    assert scenarios
    shown = json.loads(cli("plan", "show", scenarios[0]["name"], "--json", "-w", ws).stdout)
    assert shown["rows"]
    cli("export", scenarios[0]["name"], "--out", str(tmp_path / "plan.xlsx"), "-w", ws)
    workbook = openpyxl.load_workbook(tmp_path / "plan.xlsx", read_only=True)
    assert len(workbook.sheetnames) >= 2
    cli("export", scenarios[0]["name"], "--out", str(tmp_path / "plan.pdf"), "-w", ws)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")

    cli("data", "export", "--out", str(tmp_path / "daten.csv"), "--dataset", str(dataset), "-w", ws)
    rows = read_csv(tmp_path / "daten.csv")
    assert {(r["region_key"], r["period"], r["value"]) for r in rows} == {
        ("01001", "2024-12-31", "92550"), ("01002", "2024-12-31", "248873")}
    assert rows[0]["region_name"].startswith("Flensburg")
    cli("data", "export", "--out", str(tmp_path / "alle.csv"), "--indicator", "BEVOELKERUNGSSTAND", "-w", ws)
    assert len(read_csv(tmp_path / "alle.csv")) == 1578
    assert json.loads(cli("info", "--json", "-w", ws).stdout)["datasets"] >= 3


@pytest.mark.slow
def test_the_frozen_app_imports_boundaries_with_pyproj_s_database(frozen_app: Path, tmp_path: Path) -> None:
    """Gauss-Krüger → ETRS89 needs proj.db: it travels with the app, pyproj's Cython sources do not."""
    internal = frozen_app / "_internal"
    assert (internal / "pyproj" / "proj_dir" / "share" / "proj" / "proj.db").is_file()
    assert not [p for p in (internal / "pyproj").rglob("*") if p.suffix in (".c", ".pyx", ".pxd", ".pxi", ".pyi")]
    env = frozen_env(tmp_path / "home")
    ws = str(tmp_path / "karten.bpws")
    run_frozen(frozen_app, "bildungsplaner-cli", "new", ws, "--region", "05315", env=env, cwd=tmp_path)
    report = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "geo", "import",
                                   str(real_file("geo/kreise/VG5000_KRS.shp")), "-w", ws, "--json",
                                   env=env, cwd=tmp_path).stdout)
    assert report["features"] == 401 and report["matched"] == 1 and "Gauss-Kruger" in report["crs"]
    layers = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "geo", "list", "-w", ws, "--json", env=env,
                                   cwd=tmp_path).stdout)
    assert [layer["name"] for layer in layers] == ["VG5000_KRS"]


@pytest.mark.slow
def test_the_frozen_command_line_works_on_a_server_workspace(frozen_app: Path, tmp_path: Path) -> None:
    """Team mode in the frozen app: psycopg, its libpq (and the libraries libpq needs) and SQLAlchemy's psycopg
    dialect were collected. ``new`` creates a workspace on the test server (migrations), ``import`` writes through
    COPY, ``info`` reads it back over TCP with the password from a password file — libpq's own, at work in the
    bundle. Under BILDUNGSPLANER_STRICT (CI) a missing test server fails the test instead of skipping it."""
    from backends import Backend

    internal = frozen_app / "_internal"
    assert [p for p in internal.rglob("libpq*") if p.is_file()], "libpq travels with the app"
    server = Backend("postgresql", tmp_path)  # skips here, fails under STRICT, without a test server
    home = tmp_path / "home"
    home.mkdir()
    env = frozen_env(home)
    url = str(server.location)
    port = re.search(r"port=(\d+)", url)
    try:
        def cli(*args: str) -> subprocess.CompletedProcess:
            return run_frozen(frozen_app, "bildungsplaner-cli", *args, env=env, cwd=tmp_path)

        cli("new", url)
        template = tmp_path / "vorlage.toml"
        template.write_text(TEMPLATE, encoding="utf-8")
        xlsx = population_xlsx(tmp_path / "einwohner.xlsx")
        report = json.loads(cli("import", str(xlsx), "--template", str(template), "-w", url, "--all-regions",
                                "--json").stdout)
        assert report["committed"] and report["observations"] == 2 and report["regions_created"] == 2
        if port is not None:  # over TCP the test server asks for the password: libpq reads the password file
            pgpass = home / "pgpass.conf"
            pgpass.write_text(f"127.0.0.1:{port[1]}:*:bp_test:bp_test\n", encoding="utf-8")
            pgpass.chmod(0o600)
            env["PGPASSFILE"] = str(pgpass)
            url = re.sub(r"host=[^&]*", "host=127.0.0.1", url)
        info = json.loads(cli("info", "--workspace", url, "--json").stdout)
        assert info["regions"] == 2 and info["observations"] == 2 and info["datasets"] == 1
        assert info["schema_version"] == report_head(), "created through the migrations up to the newest"
        assert "password" not in json.dumps(info)
    finally:
        server.cleanup()


def report_head() -> str:
    """The newest migration the source tree has (what the frozen app migrated the new workspace to)."""
    from bildungsplaner.store.database import head_revision

    return head_revision()


@pytest.mark.slow
def test_the_frozen_app_draws_a_map_as_png_and_svg(frozen_app: Path, tmp_path: Path) -> None:
    """The map stack offline in the frozen app: a GENESIS table, the BKG Kreise, a choropleth of NRW."""
    env = frozen_env(tmp_path / "home")
    ws = str(tmp_path / "karte.bpws")
    run_frozen(frozen_app, "bildungsplaner-cli", "new", ws, "--region", "05315", env=env, cwd=tmp_path)
    run_frozen(frozen_app, "bildungsplaner-cli", "import", str(real_file("genesis_12411-04-02-4_00.csv")), "-w", ws,
               "--all-regions", env=env, cwd=tmp_path)
    report = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "geo", "import",
                                   str(real_file("geo/kreise/VG5000_KRS.shp")), "-w", ws, "--json",
                                   env=env, cwd=tmp_path).stdout)
    assert report["matched"] >= 390
    for suffix in ("png", "svg"):
        out = tmp_path / f"nrw.{suffix}"
        drawn = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "map", "export", "-w", ws, "--indicator",
                                      "BEVOELKERUNGSSTAND", "--level", "kreis", "--within", "05", "--out", str(out),
                                      "--json", env=env, cwd=tmp_path).stdout)
        assert sum(c["count"] for c in drawn["classes"]["classes"]) == 53 and drawn["classes"]["no_data"] == 0
        assert out.is_file() and out.stat().st_size > 10_000
    assert (tmp_path / "nrw.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in (tmp_path / "nrw.svg").read_text(encoding="utf-8")


@pytest.mark.slow
def test_the_frozen_app_builds_the_demo_report_as_docx_pdf_and_xlsx(frozen_app: Path, tmp_path: Path) -> None:
    """The Bildungsbericht offline in the frozen app: python-docx with its default template, lxml, the charts
    and maps drawn by Qt, the PDF through Qt's writer, the xlsx through openpyxl."""
    import zipfile

    env = frozen_env(tmp_path / "home")
    ws = str(tmp_path / "demo.bpws")
    run_frozen(frozen_app, "bildungsplaner-cli", "demo", "--out", ws, env=env, cwd=tmp_path)
    for suffix in ("docx", "pdf", "xlsx"):
        out = tmp_path / f"bericht.{suffix}"
        summary = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "report", "build",
                                        "Bildungsbericht Demokreis", "-w", ws, "--out", str(out), "--json",
                                        env=env, cwd=tmp_path).stdout)
        assert summary["modules_built"] >= 8 and out.is_file() and out.stat().st_size > 10_000
    with zipfile.ZipFile(tmp_path / "bericht.docx") as docx:
        names = docx.namelist()
        assert "word/document.xml" in names and any(n.startswith("word/media/") for n in names)
        assert "Bildungsbericht Demokreis" in docx.read("word/document.xml").decode("utf-8")
    assert (tmp_path / "bericht.pdf").read_bytes()[:5] == b"%PDF-"


@pytest.mark.slow
def test_the_frozen_app_with_the_portable_marker_keeps_its_data_beside_the_program(frozen_app: Path,
                                                                                     tmp_path: Path) -> None:
    env = frozen_env(tmp_path / "home")
    del env["BILDUNGSPLANER_HOME"]
    marker = frozen_app / PORTABLE_MARKER
    marker.write_text("portabel\n", encoding="utf-8")
    try:
        # no workspace yet: the message names where the user's workspace belongs (beside the program)
        missing = run_frozen(frozen_app, "bildungsplaner-cli", "info", "--json", env=env, cwd=tmp_path, code=2)
        default = frozen_app / PORTABLE_DATA_DIR / "Arbeitsbereich.bpws"
        assert f"bildungsplaner new {default}" in missing.stderr
        (frozen_app / PORTABLE_DATA_DIR).mkdir(exist_ok=True)
        run_frozen(frozen_app, "bildungsplaner-cli", "new", str(default), "--region", "05978", env=env, cwd=tmp_path)
        info = json.loads(run_frozen(frozen_app, "bildungsplaner-cli", "info", "--json", env=env,
                                     cwd=tmp_path).stdout)
    finally:
        marker.unlink()
        shutil.rmtree(frozen_app / PORTABLE_DATA_DIR, ignore_errors=True)
    assert Path(info["workspace"]).parent == frozen_app / PORTABLE_DATA_DIR
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").rglob("*.bpws"))
