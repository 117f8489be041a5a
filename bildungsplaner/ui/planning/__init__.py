"""The planning room: the scenario editor, its allocation and demand editors, result models, charts and
undo commands."""
