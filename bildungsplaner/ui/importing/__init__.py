"""The import room: the import assistant (wizard and its pages) and the import history page.

Inside: ``wizard`` imports its pages (``pages``, ``mapping``, ``check``); the pages share only ``widgets``
and never import the wizard."""
