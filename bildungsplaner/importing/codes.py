"""The small domain rules every reader shares: indicator codes from measure labels, and the phase of life of a
GENESIS table from its statistic number.

Below every reader and the template modules (:mod:`~bildungsplaner.importing.readers`,
:mod:`~bildungsplaner.importing.ffcsv`, :mod:`~bildungsplaner.importing.template_apply`,
:mod:`~bildungsplaner.importing.template_suggest`), so none of them imports another for these rules.
"""

from __future__ import annotations

import re
import unicodedata

from bildungsplaner.store.models import Phase

__all__ = ["guess_phase", "indicator_code"]

#: GENESIS statistic numbers (first 3-5 digits of the table code) → phase of life.
_PHASE_BY_STATISTIC: tuple[tuple[str, Phase], ...] = (
    ("2254", Phase.FRUEHKINDLICH), ("2255", Phase.FRUEHKINDLICH),  # Kindertagesbetreuung
    ("211", Phase.SCHULE), ("212", Phase.BERUFLICH), ("213", Phase.HOCHSCHULE), ("214", Phase.HOCHSCHULE),
    ("215", Phase.WEITERBILDUNG), ("216", Phase.WEITERBILDUNG),
    ("225", Phase.NONFORMAL), ("124", Phase.KONTEXT), ("126", Phase.KONTEXT), ("127", Phase.KONTEXT),
)


def guess_phase(table_code: str | None) -> Phase:
    """The phase of life of a GENESIS table by its statistic number (``21111-01-03-4`` → Schule)."""
    code = (table_code or "").strip()
    for prefix, phase in _PHASE_BY_STATISTIC:
        if code.startswith(prefix):
            return phase
    return Phase.KONTEXT


_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS"})


def indicator_code(label: str, unit: str | None = None) -> str:
    """A stable, readable code from a measure label: ``"Schüler/-innen (Anzahl)"`` → ``SCHUELER_INNEN``.

    The same label gives the same code in every file, so the same measure from two tables is one indicator.
    ``unit`` is appended only when given (the service does so to keep two units of one label apart).
    """
    text = unicodedata.normalize("NFKD", label.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    code = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").upper()[:60] or "MERKMAL"
    if unit:
        code = f"{code}_{indicator_code(unit)}"[:80]
    return code
