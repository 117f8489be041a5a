"""The Kennzahlen room of the window: the definition editor, the index editor and the details panel."""
