#!/usr/bin/env bash
# Build Bildungsplaner for Linux: the one-folder application, a .tar.gz and the portable ZIP, with sizes.
#
#   bash installer/build_linux.sh            # or: python3 tasks.py build
#
# Result in dist/:
#   Bildungsplaner/                                   the one-folder app: Bildungsplaner (GUI), bildungsplaner-cli
#   Bildungsplaner-VERSION-linux-x86_64.tar.gz        the folder as an archive
#   Bildungsplaner-VERSION-linux-x86_64-portabel.zip  the same plus the portable marker (data next to the program)
# The build folder is build/pyinstaller/. The bundle takes its system libraries (libxcb, fontconfig, …) from this
# machine, so build on the oldest Linux you want to support.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [ ! -x .venv/bin/pyinstaller ]; then
  python3 -c 'import tasks; tasks.ensure_env()'   # .venv from the lock file (pyinstaller is a dev dependency)
fi
VERSION=$("$PY" -c 'import bildungsplaner; print(bildungsplaner.__version__)')
echo "Bildungsplaner $VERSION: building the one-folder application"

rm -rf dist/Bildungsplaner
SECONDS=0
QT_QPA_PLATFORM=offscreen "$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/bildungsplaner.spec
echo "build time: ${SECONDS} s"

# The xcb platform plug-in (real desktops) needs the X libraries of the build machine in the bundle; PyInstaller
# can only copy those that are installed here (Debian/Ubuntu: libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0
# libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0). Offscreen (tests, --smoke-test) does not need them.
missing=$(LD_LIBRARY_PATH=dist/Bildungsplaner/_internal:dist/Bildungsplaner/_internal/PySide6/Qt/lib \
  ldd dist/Bildungsplaner/_internal/PySide6/Qt/plugins/platforms/libqxcb.so 2>/dev/null | awk '/not found/ {print $1}' | sort -u || true)
if [ -n "$missing" ]; then
  echo "WARNING: the xcb plug-in lacks $(echo $missing | tr '\n' ' ')- install them and build again for desktop use" >&2
fi

# The frozen app must start before anything is packed.
dist/Bildungsplaner/bildungsplaner-cli --version
smoke_home=$(mktemp -d)
BILDUNGSPLANER_HOME="$smoke_home" QT_QPA_PLATFORM=offscreen dist/Bildungsplaner/bildungsplaner-cli --smoke-test
rm -rf "$smoke_home"

rm -f dist/Bildungsplaner-"$VERSION"-*.tar.gz dist/Bildungsplaner-"$VERSION"-*.zip
"$PY" installer/package.py dist/Bildungsplaner
du -sh dist/Bildungsplaner
