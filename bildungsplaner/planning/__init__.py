"""Planning arithmetic: allocation and demand scenarios (pure functions over loaded data; no Qt)."""
