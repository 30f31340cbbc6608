"""Opening a store: the URL, the engine and its settings, and migrating to the latest schema."""
from __future__ import annotations

import json
import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

DEFAULT_DB = "naql.db"
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(Exception):
    """A store that cannot be opened; the message says why."""


def database_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``: a URL, or a file path for SQLite; default $NAQL_DB or
    naql.db in the working directory. ``postgresql://`` uses the psycopg 3 driver."""
    db = db or os.environ.get("NAQL_DB") or DEFAULT_DB
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    for scheme in ("postgresql://", "postgres://"):
        if db.startswith(scheme):
            return "postgresql+psycopg://" + db[len(scheme):]
    return db


def open_store(db: str | None = None, *, create: bool = True) -> Engine:
    """An engine on an up-to-date store. With ``create=False`` a missing SQLite file is an
    error rather than a new empty store (queries should not invent a database)."""
    url = make_url(database_url(db))
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database)
        if not create and not path.exists():
            raise StoreError(f"no store at {path}; run 'naql ingest' first")
        path.parent.mkdir(parents=True, exist_ok=True)
        if not os.access(path.parent, os.W_OK):  # SQLite says only "unable to open database file"
            raise StoreError(f"{path.parent} is read-only: a SQLite store writes its journal "
                             "beside the file")
    engine = create_engine(url, json_serializer=_dumps)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    migrate(engine)
    return engine


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _configure_sqlite(engine: Engine) -> None:
    """WAL so readers never block the writer, a busy timeout instead of 'database is locked',
    enforced foreign keys, and real transactions (pysqlite's own handling skips BEGIN before
    DDL); a connection with execution option ``immediate`` takes the write lock at BEGIN."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        for pragma in ("journal_mode=WAL", "busy_timeout=60000", "foreign_keys=ON",
                       "synchronous=NORMAL"):
            dbapi_connection.execute(f"PRAGMA {pragma}")

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("immediate")
                             else "BEGIN")


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest revision; a no-op read when it already is. Concurrent
    openers serialise on a lock so only one of them migrates."""
    config = _alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
    with engine.connect().execution_options(immediate=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7270717)"))  # any fixed number
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
