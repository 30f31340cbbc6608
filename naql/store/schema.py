"""The corpus tables (SQLAlchemy Core). Migrations in ``migrations/`` create them.

Articles hold the extractor's document; attributions, mentions, sources and aliases are
that document flattened so a corpus can be queried by source. Attributions have stable ids
and carry their content, so claim clusters and stories can later be added as tables that
point at attributions and articles. The full-text index is dialect-specific (see search.py).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer,
                        MetaData, String, Table, Text, UniqueConstraint)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, unique=True),
    # sha256 of the whitespace-normalised article text: the same story under another url.
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("outlet", Text, index=True),
    Column("published", DateTime, index=True),  # UTC
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("language", String(16)),
    # The SPEC document as extracted, its "text" left null (it is the text column).
    Column("document", JSON, nullable=False),
    Column("place", Text),  # where it was read: file, file:line, file:offset
)

sources = Table(
    "sources", metadata,
    Column("id", Integer, primary_key=True),
    # keys.source_key(name) for named sources; "~<article hash>:<key>" for anonymous ones,
    # which are never merged across articles.
    Column("key", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),  # as first seen
    Column("kind", String(32), nullable=False),
    Column("anonymous", Boolean, nullable=False),
)

aliases = Table(
    "aliases", metadata,
    Column("id", Integer, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False),
    Column("name", Text, nullable=False),  # a spelling as written in an article
    Column("key", Text, nullable=False, index=True),
    UniqueConstraint("source_id", "name"),
)

# Words of every alias key, so "بومبيو" finds "مايك بومبيو" through an index.
source_terms = Table(
    "source_terms", metadata,
    Column("term", Text, primary_key=True),
    Column("source_id", Integer, ForeignKey("sources.id"), primary_key=True),
)

attributions = Table(
    "attributions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),  # "a1" in the document
    Column("type", String(16), nullable=False),
    Column("polarity", String(16), nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id")),
    # Rests on an unnamed source: the source is anonymous or cites an anonymous one.
    Column("anonymous", Boolean, nullable=False),
    Column("cue", Text),
    Column("content", Text, nullable=False),
    Column("confidence", Float),
    Column("published", DateTime),  # the article's, for newest-first per source
    UniqueConstraint("article_id", "local_id"),
    Index("ix_attributions_source_id_published", "source_id", "published"),
)

# Every span naming a source: the attribution's own source and each source it cites (via).
mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False),
    Column("attribution_id", Integer, ForeignKey("attributions.id"), nullable=False, index=True),
    Column("source_id", Integer, ForeignKey("sources.id"), nullable=False, index=True),
    Column("role", String(8), nullable=False),  # source | via
    Column("text", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("resolved", Text, nullable=False),
)
