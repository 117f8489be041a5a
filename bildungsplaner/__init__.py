"""Bildungsplaner: offline planning for municipal education offices.

The package is layered (see ``docs/ARCHITECTURE.md``): ``ui`` on top, then ``cli``, ``services``, the work
itself (``importing``, ``exporting``, ``planning``, ``demo``) and the ``store`` at the bottom. Nothing
outside ``ui`` imports Qt.
"""

from __future__ import annotations

__version__ = "0.1.0"
APP_NAME = "Bildungsplaner"
#: Suffix of a workspace file ("Arbeitsbereich").
WORKSPACE_SUFFIX = ".bpws"


class BildungsplanerError(Exception):
    """An error with a message meant for the user (German, one line, no traceback)."""


class UserInputError(BildungsplanerError):
    """Rejected input (a file, a parameter); the CLI exits with code 2."""
