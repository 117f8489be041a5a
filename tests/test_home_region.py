"""A workspace of one's own: ``create_workspace`` with a home region, and what a nationwide import keeps."""

from __future__ import annotations

from pathlib import Path

import pytest

from bildungsplaner import UserInputError
from bildungsplaner.services import browse
from bildungsplaner.services.home import home_chain, home_region, keeps_region, kreise, workspace_name
from bildungsplaner.services.workspace import create_workspace
from bildungsplaner.store.database import open_workspace


def test_the_shipped_list_has_every_kreis_and_land() -> None:
    regions = kreise()
    assert sum(r.kind == "Land" for r in regions) == 16
    assert len(regions) - 16 == 401
    unna = next(r for r in regions if r.key == "05978")
    assert unna.name == "Unna, Kreis"
    assert all(len(r.key) in (2, 5) and r.key.isdigit() for r in regions)


def test_create_workspace_with_home_region(tmp_path: Path) -> None:
    path = create_workspace(tmp_path / "unna", region="05978", name="Bildungsbüro Unna")
    assert path == tmp_path / "unna.bpws"
    with open_workspace(path, create=False) as ws:
        assert home_region(ws) == "05978"
        assert workspace_name(ws) == "Bildungsbüro Unna"
        rows = {r.key: r for r in browse.list_regions(ws)}
        assert set(rows) == {"DG", "05", "05978"}
        assert rows["05978"].name == "Unna, Kreis" and rows["05978"].level == "kreis"
        assert rows["05978"].parent_id == rows["05"].id and rows["05"].parent_id == rows["DG"].id
    with pytest.raises(UserInputError, match="existiert bereits"):
        create_workspace(path)
    with pytest.raises(UserInputError, match="kein amtlicher Gebietsschlüssel"):
        create_workspace(tmp_path / "x.bpws", region="Unna")
    assert not (tmp_path / "x.bpws").exists()


def test_a_gemeinde_as_home_region_keeps_its_kreis_for_comparison() -> None:
    assert home_chain("05978004") == ["DG", "05", "05978"]
    assert keeps_region("05978004", "05978004") and keeps_region("059780004004", "05978004")
    assert keeps_region("05978", "05978004") and not keeps_region("05978008", "05978004")


@pytest.mark.parametrize(("key", "kept"), [
    ("05978", True), ("05978004", True), ("059780004004", True), ("05", True), ("DG", True),
    ("059", False), ("05974", False), ("05974040", False), ("09", False), ("SR-12", True), (None, True)])
def test_what_an_import_keeps_for_kreis_unna(key: str | None, kept: bool) -> None:
    assert keeps_region(key, "05978") is kept
    assert keeps_region(key, None) is True
