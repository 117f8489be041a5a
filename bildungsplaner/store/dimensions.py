"""Canonical text form of an observation's dimensions: ``name=value`` pairs sorted by name, joined by ``|``.

``\\``, ``|`` and ``=`` inside names or values are escaped with a backslash, so every mapping of strings
round-trips exactly and equal mappings always give equal text (usable as an index and in exports).
"""

from __future__ import annotations

from collections.abc import Mapping


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("=", "\\=")


def encode(dimensions: Mapping[str, str]) -> str:
    return "|".join(f"{_escape(k)}={_escape(str(v))}" for k, v in sorted(dimensions.items()))


def decode(text: str) -> dict[str, str]:
    result: dict[str, str] = {}
    if not text:
        return result
    parts: list[str] = [""]
    key: str | None = None
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            parts[-1] += text[i + 1]
            i += 2
            continue
        if ch == "=" and key is None:
            key = parts[-1]
            parts[-1] = ""
        elif ch == "|":
            if key is None:
                raise ValueError(f"Dimension ohne '=': {text!r}")
            result[key] = parts[-1]
            key, parts[-1] = None, ""
        else:
            parts[-1] += ch
        i += 1
    if key is None:
        raise ValueError(f"Dimension ohne '=': {text!r}")
    result[key] = parts[-1]
    return result
