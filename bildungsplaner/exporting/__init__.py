"""Writing planning tables and data to Excel, CSV and PDF (no Qt)."""
