"""The desktop user interface (PySide6, pyqtgraph): the only layer that imports Qt.

Start it with :func:`bildungsplaner.ui.app.run_gui`; :func:`bildungsplaner.ui.app.smoke_window` opens and
closes the main window for the self-test.
"""
