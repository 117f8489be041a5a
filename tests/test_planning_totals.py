"""Planning inputs follow the totals rule: a dimension not given is its total, never the sum of its parts
(real Kita table 22543-01-02 with „Insgesamt (ohne Doppelzählungen)“ beside Kita and Tagespflege)."""

from __future__ import annotations

from typing import Any

import pytest
from realdata import real_file

from bildungsplaner import UserInputError
from bildungsplaner.services.importing import import_file
from bildungsplaner.services.planning_data import NeedSource, recipients_frame


@pytest.fixture
def kita(workspace: Any) -> Any:
    import_file(workspace, real_file("genesis_22543-01-02-4_00.csv"))
    return workspace


def unna(ws: Any, source: NeedSource) -> float:
    frame = recipients_frame(ws, type="region", region_level="kreis", within="05", sources=[source])
    return float(frame.loc[frame["region_key"] == "05978", source.column].iloc[0])


def test_a_need_term_without_dimensions_takes_the_de_duplicated_total(kita: Any) -> None:
    # Unna, 01.03.2016: Kita + Tagespflege would be more; the published total without double counts is 12.687
    assert unna(kita, NeedSource("indicator:BETREUTE_KINDER", period="2016-03-01")) == 12687


def test_a_fixed_dimension_and_the_total_of_the_other(kita: Any) -> None:
    source = NeedSource("indicator:BETREUTE_KINDER", period="2016-03-01",
                        dimensions={"Altersgruppe": "unter 3 Jahre"})
    u3 = unna(kita, source)
    parts = [unna(kita, NeedSource("indicator:BETREUTE_KINDER", period="2016-03-01", name=art,
                                   dimensions={"Altersgruppe": "unter 3 Jahre", "Art der Kindertagesbetreuung": art}))
             for art in ("Tageseinrichtung", "Tagespflege")]
    assert u3 < sum(parts)  # the total, not the sum of the overlapping parts


def test_the_age_total_row_and_a_fixed_sex(workspace: Any) -> None:
    import_file(workspace, real_file("genesis_12411-04-02-4_00.csv"))
    source = NeedSource("indicator:BEVOELKERUNGSSTAND", dimensions={"Geschlecht": "männlich"})
    assert unna(workspace, source) == 193438  # the „Insgesamt“ age row, not the sum of the age bands


def test_without_a_total_the_choice_is_refused_with_the_dimensions(demo_workspace: Any) -> None:
    # the demo's population by single age has no „Insgesamt“ age: a sum is never formed for a planning input
    with pytest.raises(UserInputError, match="keine Gesamtzahl"):
        recipients_frame(demo_workspace, type="region", region_level="gemeinde",
                         sources=[NeedSource("indicator:BEV_ALTER", dimensions={"Geschlecht": "Insgesamt"})])
