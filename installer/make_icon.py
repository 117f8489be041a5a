"""Render the application icon from ``resources/icons/bildungsplaner.svg`` (the source of truth).

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icon.py

Writes ``resources/icons/bildungsplaner.ico`` (Windows executables, installer, file association; sizes 16-256,
PNG-compressed entries, readable by Windows Vista and later) and ``resources/icons/bildungsplaner.png``
(256 px, Linux desktop entry). Run again after changing the SVG; ``tests/test_installer.py`` checks the files.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def _png(renderer: object, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)  # type: ignore[attr-defined]
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO container holding PNG images (ICONDIR, one ICONDIRENTRY per size, then the PNG data)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - painting needs the application object
    renderer = QSvgRenderer(str(ICONS / "bildungsplaner.svg"))
    if not renderer.isValid():
        sys.exit("SVG icon could not be read")
    pngs = {size: _png(renderer, size) for size in SIZES}
    (ICONS / "bildungsplaner.ico").write_bytes(ico_bytes(pngs))
    (ICONS / "bildungsplaner.png").write_bytes(pngs[256])
    print(f"wrote {ICONS / 'bildungsplaner.ico'} and {ICONS / 'bildungsplaner.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
