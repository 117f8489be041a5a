"""The workspace store: SQLAlchemy models, engine and sessions, Alembic migrations, backup.

Lowest layer: imports nothing else from the application except :mod:`bildungsplaner.paths`.

The models live in ``models.py`` and, for boundaries, in ``geo.py``; both share one ``Base``. ``geo`` is imported
here so that ``Base.metadata`` always holds its tables (migrations, the models = migrations test).
"""

from bildungsplaner.store import geo as _geo  # noqa: F401  (registers the boundary tables on Base.metadata)
from bildungsplaner.store import limits as _limits  # noqa: F401  (text lengths checked before PostgreSQL refuses them)
