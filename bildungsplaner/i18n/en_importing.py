"""English texts of the core's messages raised in ``importing`` (merged into :data:`bildungsplaner.i18n.en.MESSAGES`).

One file per area so that work on different areas does not collide; same rules as ``en.py``.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
}
