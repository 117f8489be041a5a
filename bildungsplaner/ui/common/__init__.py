"""Shared pieces every room of the window uses: error dialogs, the task runner, generic table models and
labels, completers, list views, the PDF renderer, help and the sidebar. Imports no room."""
