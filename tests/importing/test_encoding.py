"""Decoding without mojibake: BOM, strict UTF-8, cp1252, reported replacement."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bildungsplaner.importing.encoding import LossyDecodingWarning, decode_bytes, decode_text

REAL_DATA = Path(__file__).resolve().parents[3] / "shared" / "real-data"


def real_bytes(name: str) -> bytes:
    path = REAL_DATA / name
    if not path.exists():
        pytest.skip(f"real data not available: {path}")
    return path.read_bytes()


def test_utf8_without_bom() -> None:
    assert decode_bytes("Müller;Straße".encode()) == ("Müller;Straße", "utf-8")


def test_utf8_with_bom_strips_the_bom() -> None:
    text, encoding = decode_bytes(codecs.BOM_UTF8 + "Müller".encode())
    assert (text, encoding) == ("Müller", "utf-8-sig")


def test_plain_ascii_is_utf8() -> None:
    assert decode_bytes(b"GENESIS-Tabelle: 12411-01-01-4") == ("GENESIS-Tabelle: 12411-01-01-4", "utf-8")


def test_empty_bytes() -> None:
    assert decode_bytes(b"") == ("", "utf-8")


def test_cp1252_umlauts_and_windows_characters() -> None:
    assert decode_bytes("Müller".encode("cp1252")) == ("Müller", "cp1252")
    assert decode_bytes("„Schüler“ – 5 €".encode("cp1252")) == ("„Schüler“ – 5 €", "cp1252")


def test_iso_8859_1_decodes_to_the_same_text() -> None:
    assert decode_bytes("Bevölkerung; Größe; Ärzte".encode("latin-1"))[0] == "Bevölkerung; Größe; Ärzte"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF16_LE + "Müller;Straße".encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + "Müller;Straße".encode("utf-16-be"), "utf-16-be"),
        ("Müller;Straße".encode("utf-16"), "utf-16-le"),  # Python writes a BOM, native little endian
        ("Müller;Straße".encode("utf-16-le"), "utf-16-le"),  # no BOM: zero high bytes give it away
        (codecs.BOM_UTF32_LE + "Müller;Straße".encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_utf16_and_utf32(data: bytes, encoding: str) -> None:
    assert decode_bytes(data) == ("Müller;Straße", encoding)


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    data = b"M\x81ller"  # invalid UTF-8 and undefined in cp1252
    decoded = decode_text(data)
    assert decoded == decoded.__class__("M\ufffdller", "cp1252", lossy=True)
    with pytest.warns(LossyDecodingWarning):
        assert decode_bytes(data) == ("M\ufffdller", "cp1252")


def test_utf8_text_is_never_read_as_latin1() -> None:
    text, encoding = decode_bytes("Baden-Württemberg".encode())
    assert encoding == "utf-8"
    assert "Ã" not in text


def test_real_iso_8859_1_file_has_real_umlauts() -> None:
    text, encoding = decode_bytes(real_bytes("genesis_12411-01-01-4.csv"))
    assert encoding == "cp1252"
    assert "Baden-Württemberg" in text
    assert "Bevölkerungsstand" in text
    assert "© Statistische Ämter des Bundes und der Länder" in text
    assert "Ã" not in text and "\ufffd" not in text


def test_real_utf8_file_has_real_umlauts() -> None:
    text, encoding = decode_bytes(real_bytes("genesis_21111-01-03-4_00.csv"))
    assert encoding == "utf-8"
    assert "Schüler(innen)" in text and "Thüringen" in text
    assert "Ã" not in text


def test_real_files_in_both_encodings_decode_alike() -> None:
    latin, _ = decode_bytes(real_bytes("genesis_21111-01-03-4.csv"))
    utf8, _ = decode_bytes(real_bytes("genesis_21111-01-03-4_00.csv"))
    # the two downloads differ only in the "Stand" line at the very end
    assert latin.splitlines()[:-1] == utf8.splitlines()[:-1]
