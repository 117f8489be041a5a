"""Kennzahlen: computed indicators (a formula over input series) and composite indices; Qt-free.

The definitions, the formula parser and the arithmetic live here, beside ``planning``: they know pandas and the
store's vocabulary, never the window. ``services/indicators.py`` reads the inputs from a workspace and writes
the results back.
"""
