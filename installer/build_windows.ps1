<#
.SYNOPSIS
  Build Bildungsplaner for Windows: the one-folder application, the ZIP, the portable ZIP and the
  per-user installer (Inno Setup).

.DESCRIPTION
  Windows builds can only be made on Windows (PyInstaller does not cross-compile). This script could not be
  run where it was written (a Linux machine); it mirrors installer/build_linux.sh, which is tested in CI.

  Needs: Python 3.11 (x64) as "py -3.11" or "python", Inno Setup 6.3 or newer (ISCC.exe on PATH or in its
  default folder). Everything else comes from the lock file.

      powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1      # or: py tasks.py build

  Result in dist\:
    Bildungsplaner\                                   Bildungsplaner.exe (GUI), bildungsplaner-cli.exe (console)
    Bildungsplaner-VERSION-windows-x64.zip            the folder as a ZIP
    Bildungsplaner-VERSION-windows-x64-portabel.zip   the same plus bildungsplaner-portable.txt
    Bildungsplaner-VERSION-Setup.exe                  installer: per user, no elevated rights needed

  Sign the executables and the installer with your code-signing certificate before handing them out
  (signtool sign /fd SHA256 ...): AppLocker publisher rules and antivirus reputation rely on it.
#>
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

$py = ".venv\Scripts\python.exe"
if (-not (Test-Path ".venv\Scripts\pyinstaller.exe")) {
    # .venv from the lock file, exactly as tasks.py does it (pyinstaller is a dev dependency)
    & py -3.11 -c "import tasks; tasks.ensure_env()"
    if ($LASTEXITCODE) { throw "setting up .venv failed" }
}
$version = (& $py -c "import bildungsplaner; print(bildungsplaner.__version__)").Trim()
Write-Host "Bildungsplaner ${version}: building the one-folder application"

if (Test-Path "dist\Bildungsplaner") { Remove-Item -Recurse -Force "dist\Bildungsplaner" }
$watch = [Diagnostics.Stopwatch]::StartNew()
& $py -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller `
    installer\bildungsplaner.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }
Write-Host ("build time: {0:N0} s" -f $watch.Elapsed.TotalSeconds)

# The frozen app must start before anything is packed (the console executable, offscreen).
& dist\Bildungsplaner\bildungsplaner-cli.exe --version
if ($LASTEXITCODE) { throw "--version failed" }
$env:QT_QPA_PLATFORM = "offscreen"
$env:BILDUNGSPLANER_HOME = Join-Path $env:TEMP ("bildungsplaner-smoke-" + [guid]::NewGuid())
& dist\Bildungsplaner\bildungsplaner-cli.exe --smoke-test
$smoke = $LASTEXITCODE
Remove-Item -Recurse -Force $env:BILDUNGSPLANER_HOME -ErrorAction SilentlyContinue
Remove-Item Env:\QT_QPA_PLATFORM, Env:\BILDUNGSPLANER_HOME
if ($smoke) { throw "--smoke-test failed" }

# ZIP and portable ZIP
Get-ChildItem dist -Filter "Bildungsplaner-$version-*.zip" | Remove-Item
& $py installer\package.py dist\Bildungsplaner
if ($LASTEXITCODE) { throw "packing failed" }

# Installer (Inno Setup); the version is passed from the package, never typed twice.
$iscc = (Get-Command ISCC.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
    foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6",
                      "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
        if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
    }
}
if (-not $iscc) {
    Write-Warning "Inno Setup (ISCC.exe) not found: installer skipped. https://jrsoftware.org/isinfo.php"
} else {
    & $iscc "/DAppVersion=$version" installer\bildungsplaner.iss
    if ($LASTEXITCODE) { throw "Inno Setup failed" }
}
Get-ChildItem dist -File | Where-Object Name -like "Bildungsplaner-$version*" |
    ForEach-Object { "{0,-50} {1,8:N1} MB" -f $_.Name, ($_.Length / 1e6) }
