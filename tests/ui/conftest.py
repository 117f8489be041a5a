"""UI test fixtures: synchronous tasks, non-blocking message boxes, a small hand-made workspace."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

pytest.importorskip("PySide6")


@pytest.fixture(autouse=True)
def synchronous_tasks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tasks run inline (no worker thread, no progress dialog), so tests see results at once: every runner
    created without an executor gets an :class:`~bildungsplaner.ui.common.tasks.InlineExecutor` (a test that
    needs the worker thread passes ``executor=tasks.ThreadExecutor()``)."""
    from bildungsplaner.ui.common import tasks

    monkeypatch.setattr(tasks.TaskRunner, "default_executor", tasks.InlineExecutor)


@dataclass
class MessageBoxes:
    """Calls of the static QMessageBox functions, recorded instead of shown (they would block offscreen)."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.calls]

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, _, text in self.calls if kind is None or k == kind]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    from PySide6.QtWidgets import QMessageBox

    boxes = MessageBoxes()

    def recorder(kind: str, answer: Any) -> Any:
        def record(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            boxes.calls.append((kind, title, text))
            return answer

        return staticmethod(record)

    for kind, answer in (("information", QMessageBox.StandardButton.Ok),
                         ("warning", QMessageBox.StandardButton.Ok),
                         ("critical", QMessageBox.StandardButton.Ok),
                         ("question", QMessageBox.StandardButton.Yes),
                         ("about", None)):
        monkeypatch.setattr(QMessageBox, kind, recorder(kind, answer))
    return boxes


@dataclass
class HomeRegionChoice:
    """What the home-region dialog answers in tests (it is modal and would block offscreen)."""

    key: str | None = "05978"
    demo: bool = False
    asked: int = 0


@pytest.fixture(autouse=True)
def home_region_choice(monkeypatch: pytest.MonkeyPatch) -> HomeRegionChoice:
    """The home-region dialog answers Kreis Unna unless a test sets ``key`` (``None``: cancel) or ``demo``."""
    from bildungsplaner.ui.workspace.home import HomeRegionDialog

    choice = HomeRegionChoice()

    def answer(dialog: HomeRegionDialog) -> int:
        choice.asked += 1
        if choice.demo and dialog.demo_button is not None:
            dialog.demo_button.click()
            return HomeRegionDialog.DialogCode.Accepted
        if choice.key is None or not dialog.select_key(choice.key):
            return HomeRegionDialog.DialogCode.Rejected
        dialog.accept()
        return HomeRegionDialog.DialogCode.Accepted

    monkeypatch.setattr(HomeRegionDialog, "exec", answer)
    return choice


@pytest.fixture
def small_workspace(workspace: Any) -> Iterator[Any]:
    """Kreis 09999 → Gemeinden A, B → two Sozialräume each; indicator QUOTE with dimensions and flags.

    Observations of QUOTE (unit %): for every region, periods 2022-12-31 and 2023-12-31, dimension
    Geschlecht (männlich/weiblich/Insgesamt) × Alter (2, 10); value = region index + age / 10; the Kreis
    has "." (unknown, no value) for Alter 10 männlich 2023 and "p" for Alter 2 weiblich 2023. A superseded
    dataset holds an outdated value that must not show. One facility with nested attributes.
    """
    from bildungsplaner.store.dimensions import encode
    from bildungsplaner.store.models import Dataset, Facility, Indicator, Observation, Region

    with workspace.transaction() as s:
        kreis = Region(key="09999", name="Kreis Test", level="kreis")
        gem_a = Region(key="09999001", name="Astadt", level="gemeinde", parent=kreis)
        gem_b = Region(key="09999002", name="Bedorf", level="gemeinde", parent=kreis)
        areas = [Region(key=f"{g.key}-S0{i}", name=f"{g.name} {i}", level="sozialraum", parent=g)
                 for g in (gem_a, gem_b) for i in (1, 2)]
        old = Dataset(file_name="alt.csv", sha256="0" * 64, format="test", imported_by="test")
        new = Dataset(file_name="neu.csv", sha256="1" * 64, format="test", imported_by="test")
        quote = Indicator(code="QUOTE", name="Testquote", unit="%", description="Nur für Tests")
        empty = Indicator(code="LEER", name="Ohne Werte", unit="")
        s.add_all([kreis, gem_a, gem_b, *areas, old, new, quote, empty])
        s.flush()
        old.superseded_by_id = new.id
        regions = [kreis, gem_a, gem_b, *areas]
        rows = []
        for ri, region in enumerate(regions):
            for period in ("2022-12-31", "2023-12-31"):
                for age in (2, 10):
                    for sex in ("männlich", "weiblich", "Insgesamt"):
                        value: float | None = ri + age / 10
                        flag = None
                        if region is kreis and period == "2023-12-31":
                            if age == 10 and sex == "männlich":
                                value, flag = None, "."
                            elif age == 2 and sex == "weiblich":
                                flag = "p"
                        rows.append(Observation(dataset_id=new.id, indicator_id=quote.id, region_id=region.id,
                                                period=period, value=value, flag=flag,
                                                dimensions=encode({"Alter": str(age), "Geschlecht": sex})))
        rows.append(Observation(dataset_id=old.id, indicator_id=quote.id, region_id=kreis.id, period="2023-12-31",
                                value=999.0, dimensions=encode({"Alter": "2", "Geschlecht": "Insgesamt"})))
        s.add_all(rows)
        s.add(Facility(key="100001", name="Grundschule Astadt", kind="Grundschule", phase="Schule",
                       region_id=areas[0].id, address="Hauptstraße 1, 99999 Astadt",
                       attributes={"schueler": 212, "sozialindex": 4, "plaetze": {"ogs": 120, "u3": 0.5}}))
        s.add(Facility(key="K-1", name="Kita Sonnenschein", kind="Kita", phase="frühkindliche Bildung",
                       region_id=gem_b.id, attributes={}))
    yield workspace
