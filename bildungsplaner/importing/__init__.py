"""Reading files into observations, facilities and regions (pure where possible; no Qt)."""
