"""The Word report in a second office suite: LibreOffice opens it without complaint and prints it to PDF with the
headings, numbered captions, table numbers and images (``.ci/run`` installs LibreOffice Writer; elsewhere the test
skips without it, and under ``BILDUNGSPLANER_STRICT`` a skip fails)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from bildungsplaner.reporting.docx import png_size, write_docx
from bildungsplaner.reporting.numbering import format_table, number_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = [pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed"), pytest.mark.slow]


def to_pdf(path: Path, out: Path) -> Path:
    profile = out / "profile"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    pdf = out / (path.stem + ".pdf")
    assert pdf.exists(), result.stderr.decode(errors="replace")
    return pdf


def test_libreoffice_prints_the_report_with_headings_captions_tables_and_images(document, images,
                                                                                  tmp_path: Path) -> None:
    path = write_docx(document, images, tmp_path / "bericht.docx")
    out = tmp_path / "out"
    out.mkdir()
    reader = pypdf.PdfReader(to_pdf(path, out))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    whole = " ".join(pages)
    assert len(pages) >= 5
    assert "Bildungsbericht Kreis Unna" in pages[0] and "Seite" not in pages[0]  # the title page, no number
    assert all(f"Seite {i} von {len(pages)}" in page for i, page in enumerate(pages[1:], start=2))
    numbering = number_document(document)
    for chapter in document.chapters:
        assert chapter.title in whole
    for figure in document.figures():
        assert numbering.figure_caption(figure) in whole
    for table in document.tables():
        assert numbering.table_caption(table) in whole
        for row in format_table(table).rows:  # every cell text as printed
            assert " ".join(c.text for c in row[1:]) in whole
    assert "Wichtigste Ergebnisse" in whole and "Inhaltsverzeichnis" in whole
    assert sorted(drawn_images(reader)) == sorted(png_size(data) for data in images.values())


def drawn_images(reader: pypdf.PdfReader) -> list[tuple[int, int]]:
    """Pixel sizes of the image XObjects that the pages really draw (``/Im… Do``), each image once (LibreOffice
    lists every image in every page's resources)."""
    found: dict[int, tuple[int, int]] = {}
    for page in reader.pages:
        content = page.get_contents().get_data().decode("latin-1")
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            continue
        for name, ref in xobjects.get_object().items():
            image = ref.get_object()
            if image.get("/Subtype") == "/Image" and re.search(re.escape(name) + r"\s+Do\b", content):
                found[ref.idnum] = (int(image["/Width"]), int(image["/Height"]))
    return list(found.values())
