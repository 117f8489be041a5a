"""The export room: the panel that writes a saved scenario as a council-ready workbook, CSV or PDF."""
