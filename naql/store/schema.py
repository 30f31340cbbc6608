"""The corpus tables (SQLAlchemy Core). Migrations in ``migrations/`` create them.

Articles hold the extractor's document; attributions, mentions, sources and aliases are
that document flattened so a corpus can be queried by source. Attributions have stable ids
and carry their content, so claim clusters and stories can later be added as tables that
point at attributions and articles. The full-text index is dialect-specific (see search.py).
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer,
                        LargeBinary, MetaData, String, Table, Text, UniqueConstraint)

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
    # What its statements mean (provenance.meaning): float16 rows of 512, one per statement,
    # computed once, by naql claims or the Spark job; null until then.
    Column("vector", LargeBinary),
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

# Provenance (naql/provenance): claims across articles and stories. Every statement of an
# attribution of a processed article is in one claim, except carriers' (an attribution whose
# content is another attribution: وبحسب الصحيفة، فإن الوزير قال ...), whose source joins the
# chain of the attribution they carry instead. An article is processed once it has a story
# row.

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),  # the speaker, as fully as a member names it
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),  # a named speaker's
    Column("polarity", String(16), nullable=False),  # assert | deny: members agree on it
    Column("position", String(16), nullable=False),  # assert | deny | hedge (most members')
    Column("first_seen", DateTime, index=True),  # the earliest member's article
    Column("members", Integer, nullable=False),
    Column("articles", Integer, nullable=False, index=True),
    Column("anonymous_only", Boolean, nullable=False),  # every member rests on unnamed sources
)

claim_members = Table(
    "claim_members", metadata,
    Column("attribution_id", Integer, ForeignKey("attributions.id"), primary_key=True),
    # A content "A، وأن B" reports two statements: part 0 and part 1 (shingles.statements).
    Column("part", Integer, primary_key=True),
    Column("claim_id", Integer, ForeignKey("claims.id"), nullable=False, index=True),
    Column("position", String(16), nullable=False),
    # Who it rests on, outermost first, the speaker last: [{name, source, outlet, anonymous}]
    # (carriers, recipients that are outlets, the source, its vias), and the MinHash of its
    # statement: later reports are compared with it without reading its document again.
    Column("chain", JSON, nullable=False),
    Column("signature", LargeBinary, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),  # the earliest titled article's, else its most-reported claim
    Column("first_seen", DateTime, index=True),
    Column("last_seen", DateTime),
    Column("articles", Integer, nullable=False),
)

story_articles = Table(
    "story_articles", metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id"), nullable=False, index=True),
    Column("signature", LargeBinary, nullable=False),  # MinHash of the article's words
    Column("words", Integer, nullable=False),  # how many, to estimate overlaps from it
    Column("topic", LargeBinary),  # the mean of its reports' vectors; null without reports
)

# Names an outlet goes by (normalised, provenance.outlets.outlet_key) → articles.outlet, from
# stored outlets and the pages' own site names; known outlets' domains are a data file.
outlet_names = Table(
    "outlet_names", metadata,
    Column("key", Text, primary_key=True),
    Column("outlet", Text, primary_key=True),
)

# What the stored keys and signatures were computed with; another value means recompute.
provenance_state = Table(
    "provenance_state", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Text, nullable=False),
)
