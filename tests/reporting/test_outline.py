"""The outline's edit operations: each returns its inverse, so undo restores the report exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bildungsplaner import UserInputError
from bildungsplaner.reporting.outline import (
    AddChapter,
    AddModule,
    EditChapter,
    EditModule,
    EditReport,
    MoveChapter,
    MoveModule,
    Operation,
    RemoveChapter,
    RemoveModule,
    apply_all,
    checked,
    focus,
    move_chapter_by,
    move_module_by,
)
from bildungsplaner.reporting.spec import (
    BacktestModule,
    Chapter,
    IndicatorModule,
    ReportSpec,
    ScenarioModule,
    TextModule,
    parse_report,
)

words = st.text(alphabet="abcdeÄöü ", min_size=1, max_size=8)
modules = st.one_of(
    st.builds(IndicatorModule, indicator=st.sampled_from(["BQ_U3", "BQ_3_6", "JUGENDQUOTIENT"]),
              chart=st.sampled_from(["timeseries", "subregions", "map", "none"]), table=st.booleans(),
              text=st.sampled_from(["auto", "Eigener Text."]), note=st.sampled_from(["", "Hinweis"])),
    st.builds(ScenarioModule, scenario=words),
    st.builds(BacktestModule, backtest=words),
    st.builds(TextModule, text=words, title=st.none() | words),
)
chapters = st.builds(Chapter, title=words, modules=st.lists(modules, max_size=3).map(tuple),
                     intro=st.sampled_from(["", "Einleitung"]))
specs = st.builds(ReportSpec, title=words, region=st.sampled_from(["05978", "05974"]),
                  compare=st.sampled_from([(), ("05",), ("05", "DG")]),
                  years=st.none() | st.just((2011, 2016)), chapters=st.lists(chapters, max_size=4).map(tuple))


def _operation(draw: st.DrawFn, spec: ReportSpec) -> Operation:
    """One operation that is valid on ``spec``."""
    n = len(spec.chapters)
    filled = [c for c in range(n) if spec.chapters[c].modules]
    kinds = ["add_chapter", "report"]
    if n:
        kinds += ["remove_chapter", "move_chapter", "edit_chapter", "add_module"]
    if filled:
        kinds += ["remove_module", "move_module", "edit_module"]
    kind = draw(st.sampled_from(kinds))
    if kind == "add_chapter":
        return AddChapter(draw(st.integers(0, n)), draw(chapters))
    if kind == "report":
        return EditReport(draw(st.sampled_from([(("title", "Neu"),), (("years", (2015, 2020)),),
                                                (("compare", ("DG",)), ("region", "05974"))])))
    if kind == "remove_chapter":
        return RemoveChapter(draw(st.integers(0, n - 1)))
    if kind == "move_chapter":
        return MoveChapter(draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1)))
    if kind == "edit_chapter":
        return EditChapter(draw(st.integers(0, n - 1)), (("title", draw(words)), ("intro", "Neu")))
    if kind == "add_module":
        c = draw(st.integers(0, n - 1))
        return AddModule(c, draw(st.integers(0, len(spec.chapters[c].modules))), draw(modules))
    c = draw(st.sampled_from(filled))
    i = draw(st.integers(0, len(spec.chapters[c].modules) - 1))
    if kind == "remove_module":
        return RemoveModule(c, i)
    if kind == "move_module":
        to = draw(st.integers(0, n - 1))
        size = len(spec.chapters[to].modules) - (1 if to == c else 0)
        return MoveModule(c, i, to, draw(st.integers(0, size)))
    module = spec.chapters[c].modules[i]
    if draw(st.booleans()):
        return EditModule(c, i, replace=draw(modules))
    field = "text" if not isinstance(module, IndicatorModule) else draw(st.sampled_from(["chart", "note", "text"]))
    value = {"chart": "map", "note": "Neue Notiz", "text": "Vom Autor."}[field]
    return EditModule(c, i, ((field, value),))


@settings(max_examples=300, deadline=None)
@given(st.data(), specs)
def test_any_sequence_undone_in_reverse_gives_back_the_original(data: st.DataObject, original: ReportSpec) -> None:
    spec = original
    done: list[Operation] = []
    states = [spec]
    for _ in range(data.draw(st.integers(1, 12))):
        operation = _operation(data.draw, spec)
        spec, inverse = operation.apply(spec)
        done.append(inverse)
        states.append(spec)
    for inverse, before, after in zip(reversed(done), reversed(states[:-1]), reversed(states[1:]), strict=True):
        assert spec == after
        spec, redo = inverse.apply(spec)
        assert spec == before
        assert redo.apply(spec)[0] == after  # the inverse of the inverse redoes the step
    assert spec == original


@settings(max_examples=200, deadline=None)
@given(st.data(), specs)
def test_redo_of_an_undone_step_gives_the_same_state(data: st.DataObject, original: ReportSpec) -> None:
    operation = _operation(data.draw, original)
    after, inverse = operation.apply(original)
    back, redo = inverse.apply(after)
    assert back == original
    assert redo.apply(back)[0] == after


@given(st.data(), specs)
def test_apply_all_returns_the_inverses_in_undo_order(data: st.DataObject, original: ReportSpec) -> None:
    spec, operations = original, []
    for _ in range(data.draw(st.integers(0, 6))):
        operation = _operation(data.draw, spec)
        spec = operation.apply(spec)[0]
        operations.append(operation)
    after, inverses = apply_all(original, operations)
    assert after == spec
    assert apply_all(after, inverses)[0] == original


SPEC = parse_report("""
format = 1
kind = "report"
title = "Bildungsbericht Kreis Unna"
region = "05978"
compare = ["05", "DG"]
years = [2011, 2016]
[[chapter]]
title = "C Frühkindliche Bildung"
[[chapter.module]]
indicator = "BQ_U3"
[[chapter.module]]
indicator = "BQ_3_6"
chart = "map"
[[chapter]]
title = "D Allgemeinbildende Schulen"
[[chapter.module]]
text = "Die Schulen im Überblick."
""")


def codes(spec: ReportSpec) -> list[list[str]]:
    return [[getattr(m, "indicator", None) or getattr(m, "text", "") for m in c.modules] for c in spec.chapters]


def test_a_module_moves_past_the_chapter_edge_into_the_neighbour() -> None:
    down = move_module_by(SPEC, 0, 1, +1)
    assert down == MoveModule(0, 1, 1, 0)
    after, inverse = down.apply(SPEC)
    assert codes(after) == [["BQ_U3"], ["BQ_3_6", "Die Schulen im Überblick."]]
    assert focus(down, after) == (1, 0)
    assert inverse.apply(after)[0] == SPEC
    up = move_module_by(after, 1, 0, -1)
    assert up.apply(after)[0] == SPEC
    assert move_module_by(SPEC, 0, 0, -1) is None  # the first module of the first chapter
    assert move_module_by(SPEC, 1, 0, +1) is None
    assert move_module_by(SPEC, 0, 0, +1) == MoveModule(0, 0, 0, 1)


def test_chapters_move_and_stop_at_the_edges() -> None:
    op = move_chapter_by(SPEC, 1, -1)
    after, _ = op.apply(SPEC)
    assert [c.title for c in after.chapters] == ["D Allgemeinbildende Schulen", "C Frühkindliche Bildung"]
    assert focus(op, after) == (0, None)
    assert move_chapter_by(SPEC, 0, -1) is None and move_chapter_by(SPEC, 1, +1) is None


def test_removal_selects_the_neighbour_and_keeps_the_removed_item_for_undo() -> None:
    op = RemoveModule(0, 1)
    after, inverse = op.apply(SPEC)
    assert focus(op, after) == (0, 0)
    assert inverse == AddModule(0, 1, SPEC.chapters[0].modules[1])
    only = RemoveModule(1, 0)
    after, _ = only.apply(SPEC)
    assert focus(only, after) == (1, None)
    gone = RemoveChapter(1)
    after, inverse = gone.apply(SPEC)
    assert focus(gone, after) == (0, None)
    assert inverse.apply(after)[0] == SPEC


def test_editing_settings_replaces_only_the_named_fields() -> None:
    op = EditModule(0, 0, (("chart", "subregions"), ("note", "Die Quote stieg.")))
    after, inverse = op.apply(SPEC)
    module = after.chapters[0].modules[0]
    assert (module.chart, module.note, module.table, module.indicator) == ("subregions", "Die Quote stieg.", True,
                                                                           "BQ_U3")
    assert inverse == EditModule(0, 0, (("chart", "timeseries"), ("note", "")))
    with pytest.raises(ValueError):
        EditModule(1, 0, (("chart", "map"),)).apply(SPEC)  # a text block has no chart
    with pytest.raises(ValueError):
        EditChapter(0, (("modules", ()),)).apply(SPEC)
    with pytest.raises(ValueError):
        EditReport((("chapters", ()),)).apply(SPEC)
    with pytest.raises(IndexError):
        RemoveModule(0, 5).apply(SPEC)


def test_checked_refuses_what_the_reader_would_refuse() -> None:
    assert checked(SPEC) == SPEC
    after, _ = EditReport((("years", (2016, 2011)),)).apply(SPEC)
    with pytest.raises(UserInputError, match="2016"):
        checked(after)
    after, _ = EditChapter(0, (("title", ""),)).apply(SPEC)
    with pytest.raises(UserInputError):
        checked(after)


def test_module_spec_is_the_report_with_one_module() -> None:
    from bildungsplaner.reporting.outline import module_spec

    one = module_spec(SPEC, 0, 1)
    assert (one.region, one.compare, one.years, one.title) == (SPEC.region, SPEC.compare, SPEC.years, SPEC.title)
    assert [c.title for c in one.chapters] == ["C Frühkindliche Bildung"]
    assert one.chapters[0].modules == (SPEC.chapters[0].modules[1],)
    assert not one.highlights
