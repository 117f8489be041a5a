"""A PNG in an xlsx worksheet without Pillow (the frozen bundle has no room for it; issue 13, point 5).

openpyxl's :class:`openpyxl.drawing.image.Image` opens every picture with Pillow (``PIL.Image.open``) to read its
size and, on saving, its bytes. The writer itself needs only ``width``/``height`` (the anchor's extent in pixels),
``format``, ``path`` and ``_data()``. Rules:

* :class:`PngImage` is an ``Image`` that holds the PNG's bytes and never touches Pillow: the pixel size comes from
  the PNG's IHDR chunk, ``_data()`` returns the bytes unchanged (they land as ``xl/media/imageN.png``).
* Anything that is not a PNG (signature, IHDR) is refused with a ``ValueError`` — the bytes come from our own
  renderer, so this is a programming error, not a user's.
* :func:`add_png` places the picture with its top-left corner at a cell, shown at a size in pixels (default:
  the PNG's own size; with only a width, the height keeps the aspect).
* :func:`write_map_sheet` lays out a map sheet (:class:`MapImage`: title, subtitle, the PNG at a printable
  width, the source lines under it; one page) — the Kennzahlen-Tabelle's and the council workbook's.
* No Qt here: the PNG is drawn elsewhere (``ui/maps/render``) and passed in as bytes.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from bildungsplaner.exporting.safety import clean_text

__all__ = ["MAP_WIDTH", "PNG_SIGNATURE", "MapImage", "PngImage", "add_png", "png_size", "write_map_sheet"]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: the width in pixels at which a map is shown on its sheet (about 18 cm at 96 dpi, one printed page)
MAP_WIDTH = 680


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) in pixels from the IHDR chunk of a PNG; ``ValueError`` for anything else."""
    if len(data) < 24 or not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if width <= 0 or height <= 0:
        raise ValueError("PNG image without pixels")
    return int(width), int(height)


class PngImage(Image):
    """An openpyxl image from PNG bytes, without Pillow. ``width``/``height`` are the shown size in pixels."""

    def __init__(self, data: bytes) -> None:  # no super().__init__: that one imports Pillow
        self.ref = data
        self.pixel_size = png_size(data)
        self.width, self.height = self.pixel_size
        self.format = "png"

    def _data(self) -> bytes:
        return bytes(self.ref)


def add_png(ws: Worksheet, data: bytes, anchor: str = "A1", *, width: int | None = None,
            height: int | None = None) -> PngImage:
    """Place the PNG ``data`` at the cell ``anchor`` of ``ws``, ``width`` × ``height`` pixels on screen (default
    the image's own size; one of them given: the other by the aspect)."""
    image = PngImage(data)
    pw, ph = image.pixel_size
    if width is not None and height is None:
        height = max(1, round(ph * width / pw))
    elif height is not None and width is None:
        width = max(1, round(pw * height / ph))
    image.width, image.height = (width, height) if width is not None and height is not None else (pw, ph)
    ws.add_image(image, anchor)
    return image


@dataclass(frozen=True)
class MapImage:
    """A map drawn for a workbook: the PNG's bytes, its title lines and source lines."""

    png: bytes
    title: str
    subtitle: str = ""
    sources: tuple[str, ...] = ()


def write_map_sheet(ws: Worksheet, image: MapImage, *, width: int = MAP_WIDTH) -> None:
    """Title, subtitle, the map's PNG and under it its source lines on ``ws``; every text a string cell."""
    ws.cell(1, 1, clean_text(image.title)).font = Font(bold=True, size=12)
    row = 2
    if image.subtitle:
        ws.cell(row, 1, clean_text(image.subtitle))
        row += 1
    placed = add_png(ws, image.png, f"A{row + 1}", width=width)
    row += 1 + math.ceil(placed.height / 20) + 1  # default rows are 15 pt = 20 px
    for line in image.sources:
        ws.cell(row, 1, clean_text(line))
        row += 1
    for cells in ws.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # a title such as „=HYPERLINK(…)“ stays text
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
