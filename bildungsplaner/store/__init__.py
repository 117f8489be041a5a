"""The workspace store: SQLAlchemy models, engine and sessions, Alembic migrations, backup.

Lowest layer: imports nothing else from the application except :mod:`bildungsplaner.paths`.
"""
