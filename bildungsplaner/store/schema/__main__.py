"""``python -m bildungsplaner.store.schema``: regenerate ``sqlite_head.sql`` after adding a migration."""

from bildungsplaner.store.schema import main

raise SystemExit(main())
