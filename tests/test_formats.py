"""The one strict reader and writer behind every TOML format (bildungsplaner.formats)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from bildungsplaner import UserInputError
from bildungsplaner.formats import Field, Format, Table, write

FMT = Format("Testdatei")


def _positive(table: Table, value: float) -> float:
    if value <= 0:
        table.fail("size", "muss größer als 0 sein.")
    return value


@dataclass
class Thing:
    key: str
    size: float = 1.0
    tags: list[str] = field(default_factory=list)
    year: int | None = None
    flag: bool = False


FIELDS = (Field("key", required=True, always=True), Field("size", "number", default=1.0, check=_positive),
          Field("tags", "texts", default=[]), Field("year", "year"), Field("flag", "bool", default=False))


def read(data: Any, where: str = "thing") -> Thing:
    return Thing(**FMT.table(data, where, FIELDS).values)


@pytest.mark.parametrize(("data", "message"), [
    ({"key": "a", "colour": "red"}, "Testdatei: unbekannter Schlüssel „thing.colour“ (erlaubt: key, size, tags, "
                                    "year, flag)."),
    ({"size": 2}, "Testdatei: „thing.key“ fehlt."),
    ({"key": 5978}, "Testdatei: „thing.key“ muss ein Text sein, nicht 5978 (in Anführungszeichen, sonst gehen "
                    "führende Nullen verloren)."),
    ({"key": " "}, "Testdatei: „thing.key“ ist leer."),
    ({"key": "a", "size": "groß"}, "Testdatei: „thing.size“ muss eine Zahl sein, nicht 'groß'."),
    ({"key": "a", "size": True}, "„thing.size“ muss eine Zahl sein"),
    ({"key": "a", "size": float("nan")}, "„thing.size“ muss eine Zahl sein"),
    ({"key": "a", "size": 0}, "Testdatei: „thing.size“ muss größer als 0 sein."),
    ({"key": "a", "tags": "x"}, "„thing.tags“ muss eine Liste von Texten sein"),
    ({"key": "a", "year": "bald"}, "„thing.year“ muss eine Jahreszahl sein (z. B. 2026), nicht 'bald'."),
    ({"key": "a", "flag": "ja"}, "„thing.flag“ muss true oder false sein"),
    (["key"], "Testdatei: „thing“ muss ein Abschnitt sein"),
])
def test_one_message_convention_names_the_key(data: Any, message: str) -> None:
    with pytest.raises(UserInputError) as info:
        read(data)
    assert message in str(info.value)


def test_defaults_are_fresh_and_values_typed() -> None:
    one, two = read({"key": " a "}), read({"key": "b", "year": "2026", "size": 3})
    assert one == Thing("a") and two == Thing("b", 3.0, [], 2026)
    one.tags.append("x")
    assert read({"key": "c"}).tags == []


def test_write_round_trips_and_leaves_out_defaults() -> None:
    thing = read({"key": "a", "size": 2.5, "tags": ["x"], "flag": True})
    assert write(thing, FIELDS) == {"key": "a", "size": 2.5, "tags": ["x"], "flag": True}
    assert write(Thing("a"), FIELDS, head={"format": 1}) == {"format": 1, "key": "a"}
    assert read(write(thing, FIELDS)) == thing


def test_the_format_decides_prefix_error_class_and_stripping() -> None:
    class MyError(UserInputError):
        pass

    raw = Format("Vorlage", MyError, strip=False)
    assert raw.table({"key": " a "}, "", FIELDS)["key"] == " a "
    with pytest.raises(MyError, match=r"^Vorlage: unbekannter Schlüssel „x“"):
        raw.table({"x": 1}, "", FIELDS)


def test_every_format_explains_lost_leading_zeros() -> None:
    from bildungsplaner.importing.template import ImportTemplate, TemplateError
    from bildungsplaner.planning.allocation_spec import AllocationSpec

    with pytest.raises(TemplateError, match="führende Nullen"):
        ImportTemplate.loads('format = 1\nname = "x"\ntarget = "observations"\n[regions]\nkey = 5978\n')
    with pytest.raises(UserInputError, match="führende Nullen"):
        AllocationSpec.from_dict({"name": "x", "recipients": {"type": "region", "region_level": "gemeinde",
                                                              "within": 5978},
                                  "need": [{"source": "indicator:A", "weight": 1}], "amount": {"total": 1}})
