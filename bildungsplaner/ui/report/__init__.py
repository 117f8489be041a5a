"""The „Bericht“ room: the report's outline (chapters and modules), a page preview and the exports."""
