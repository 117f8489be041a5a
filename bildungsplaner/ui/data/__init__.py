"""The data room: the observation browser with its table, chart and pivot, and the side panels (regions,
indicators, facilities)."""
