"""Labels the rooms share: the Zeichenerklärung of a flag, the name of a region level, the kind of a scenario."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

__all__ = ["flag_description", "kind_label", "level_label"]


def flag_description(flag: str) -> str:
    """The Zeichenerklärung text for a flag (tooltips, legends)."""
    texts = {
        "-": QCoreApplication.translate("Flags", "genau null"),
        "0": QCoreApplication.translate("Flags", "weniger als die Hälfte von 1 in der letzten besetzten Stelle, "
                                                 "jedoch mehr als nichts"),
        ".": QCoreApplication.translate("Flags", "Zahlenwert unbekannt oder geheim zu halten"),
        "...": QCoreApplication.translate("Flags", "Angabe fällt später an"),
        "/": QCoreApplication.translate("Flags", "keine Angabe, da Zahlenwert nicht sicher genug"),
        "x": QCoreApplication.translate("Flags", "Tabellenfach gesperrt, weil Aussage nicht sinnvoll"),
        "p": QCoreApplication.translate("Flags", "vorläufige Zahl"),
        "r": QCoreApplication.translate("Flags", "berichtigte Zahl"),
        "s": QCoreApplication.translate("Flags", "geschätzte Zahl"),
    }
    return texts.get(flag, QCoreApplication.translate("Flags", "Kennzeichen der Quelle"))


def level_label(level: str) -> str:
    labels = {
        "bund": QCoreApplication.translate("Regions", "Bund"),
        "land": QCoreApplication.translate("Regions", "Land"),
        "regierungsbezirk": QCoreApplication.translate("Regions", "Regierungsbezirk"),
        "kreis": QCoreApplication.translate("Regions", "Kreis"),
        "gemeindeverband": QCoreApplication.translate("Regions", "Gemeindeverband"),
        "gemeinde": QCoreApplication.translate("Regions", "Gemeinde"),
        "stadtteil": QCoreApplication.translate("Regions", "Stadtteil"),
        "sozialraum": QCoreApplication.translate("Regions", "Sozialraum"),
        "schulbezirk": QCoreApplication.translate("Regions", "Schulbezirk"),
    }
    return labels.get(level, QCoreApplication.translate("Regions", "Gebiet"))


def kind_label(kind: str) -> str:
    """The kind of a saved scenario in words (the kind's record names it: ``services/kinds.py``)."""
    from bildungsplaner.services.scenarios import kind_label as label  # not at start-up: it imports pandas

    return label(kind)
