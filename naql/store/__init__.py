"""The corpus store: SQLite by default, PostgreSQL by URL, one schema and code path."""
from .db import StoreError, database_url, open_store
from .keys import source_key
from .writer import Article, Writer

__all__ = ["open_store", "database_url", "StoreError", "source_key", "Article", "Writer"]
