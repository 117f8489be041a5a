"""Decode text files of unknown encoding without producing mojibake.

Official statistics arrive as UTF-8 (with or without BOM), ISO-8859-1/Windows-1252 or, from Excel's "Unicode
text", UTF-16. ``latin-1`` never fails to decode and therefore silently turns UTF-8 umlauts into ``Ã¼``; the
order used here is: byte order mark, strict UTF-8, strict cp1252, and only then cp1252 with replacement
characters (reported, never silent).

cp1252 is used instead of ISO-8859-1 because it agrees with ISO-8859-1 on every printable character and
additionally maps 0x80-0x9F to the characters Windows programs put there (``€``, ``„``, ``–``); an
ISO-8859-1 file therefore decodes to the same text.
"""

from __future__ import annotations

import codecs
import warnings
from dataclasses import dataclass

from bildungsplaner.i18n import tr

__all__ = ["DecodedText", "LossyDecodingWarning", "decode_bytes", "decode_text"]

#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class LossyDecodingWarning(UserWarning):
    """The bytes were neither UTF-8 nor cp1252; undecodable bytes became U+FFFD."""


@dataclass(frozen=True)
class DecodedText:
    """Result of :func:`decode_text`.

    ``encoding`` is a Python codec name: ``utf-8-sig``, ``utf-16-le``, ``utf-16-be``, ``utf-32-le``,
    ``utf-32-be``, ``utf-8`` or ``cp1252``. ``lossy`` is true when some bytes could not be decoded and
    were replaced by U+FFFD (only possible for ``cp1252`` and for a broken file with a BOM).
    """

    text: str
    encoding: str
    lossy: bool = False


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM has a zero byte in every other position for Latin text."""
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.9 * half and even_zeros == 0:
        return "utf-16-le"
    if even_zeros > 0.9 * half and odd_zeros == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> DecodedText:
    """Decode ``data``: BOM, then strict UTF-8, then strict cp1252, then cp1252 with replacements."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            codec = "utf-8" if encoding == "utf-8-sig" else encoding
            try:
                return DecodedText(body.decode(codec), encoding)
            except UnicodeDecodeError:
                return DecodedText(body.decode(codec, errors="replace"), encoding, lossy=True)
    utf16 = _guess_utf16_without_bom(data)
    if utf16 is not None:
        try:
            return DecodedText(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return DecodedText(data.decode("cp1252", errors="replace"), "cp1252", lossy=True)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``; warns with :class:`LossyDecodingWarning` if bytes had to be replaced.

    Callers that need the lossy flag as data (for an import report) use :func:`decode_text`.
    """
    decoded = decode_text(data)
    if decoded.lossy:
        warnings.warn(
            tr("Die Datei ist weder UTF-8 noch Windows-1252; nicht lesbare Bytes wurden durch Ersatzzeichen ersetzt "
               "(Kodierung {encoding}).", encoding=decoded.encoding),

            LossyDecodingWarning,
            stacklevel=2,
        )
    return decoded.text, decoded.encoding
