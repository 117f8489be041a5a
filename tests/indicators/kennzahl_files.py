"""The real GENESIS tables the built-in catalogue reads, and importing them through the real import service."""

from __future__ import annotations

from realdata import real_file

#: The tables the built-in catalogue reads (../shared/real-data).
CATALOGUE_FILES = ("genesis_22543-01-02-4_00.csv", "genesis_12411-04-02-4_00.csv", "genesis_12411-03-03-4_00.csv",
                   "genesis_21111-02-06-4_00.csv")


def import_real(ws, *names: str) -> list:
    from bildungsplaner.services.importing import import_file

    return [import_file(ws, real_file(name), all_regions=True) for name in names]
