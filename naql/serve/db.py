"""The server's store: read-only at the database, not only in the routes, unless the
server was started to write."""
from __future__ import annotations

from sqlalchemy import Engine, event

from naql.store import open_store

# Per connection, refuse every write: SQLite's query_only, PostgreSQL's read-only default.
_READ_ONLY = {"sqlite": "PRAGMA query_only = ON",
              "postgresql": "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"}


def open_for_serving(db: str | None, write: bool = False) -> Engine:
    """An engine on the store at ``db``. Without ``write`` the store must exist and every
    connection refuses writes; with it a missing SQLite store is created."""
    engine = open_store(db, create=write)
    if not write:
        engine.dispose()  # connections opened to migrate were made before the guard
        event.listen(engine, "connect", _read_only(engine.dialect.name))
    return engine


def _read_only(dialect: str):
    statement = _READ_ONLY[dialect]

    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        if dialect == "postgresql":
            dbapi_connection.commit()  # a SET rolled back with its transaction is undone

    return on_connect
