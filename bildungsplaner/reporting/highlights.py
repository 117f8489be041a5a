"""„Wichtigste Ergebnisse“: the few sentences in front of the report, drawn from the modules' findings.

Each indicator module offers findings (``ModuleResult.findings``): its change over the period and its gap to the
Land in the last year, each a complete sentence with its facts and a weight — the change in Prozentpunkten as
printed (for other units the change relative to the first year, in percent) or the gap as printed, so a change
that rounds to zero is none. The highlights take the largest changes and the largest gaps alternately — at most
one finding of each kind per module and :data:`MAXIMUM` sentences in all, findings of weight zero left out — in
the order the modules appear, so the list reads along the report.
"""

from __future__ import annotations

from collections.abc import Iterable

from bildungsplaner.reporting.document import ModuleResult, Sentence

__all__ = ["MAXIMUM", "highlights"]

MAXIMUM = 5
_KINDS = ("change", "gap")


def highlights(modules: Iterable[ModuleResult], maximum: int = MAXIMUM) -> list[Sentence]:
    """The largest changes and the largest gaps to the Land, at most ``maximum``, in report order."""
    found: dict[str, list[tuple[float, int, Sentence]]] = {kind: [] for kind in _KINDS}
    for position, module in enumerate(modules):
        for finding in module.findings:
            kind, weight, sentence = finding.get("kind"), float(finding.get("weight") or 0), finding.get("sentence")
            if kind in found and weight > 0 and isinstance(sentence, Sentence):
                found[kind].append((weight, position, sentence))
    ranked = {kind: sorted(items, key=lambda item: (-item[0], item[1])) for kind, items in found.items()}
    chosen: list[tuple[int, int, Sentence]] = []
    for i in range(maximum):
        for order, kind in enumerate(_KINDS):
            if i < len(ranked[kind]) and len(chosen) < maximum:
                weight, position, sentence = ranked[kind][i]
                chosen.append((position, order, sentence))
    return [sentence for _, _, sentence in sorted(chosen, key=lambda item: (item[0], item[1]))]

