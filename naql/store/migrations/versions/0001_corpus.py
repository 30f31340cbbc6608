"""The corpus: articles, sources, aliases, attributions, mentions and the full-text index.

Revision ID: 0001
Revises:
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.DateTime),
        sa.Column("title", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("place", sa.Text),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("url", name="uq_articles_url"),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("key", name="uq_sources_key"),
    )
    op.create_table(
        "aliases",
        sa.Column("id", sa.Integer),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_aliases"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_aliases_source_id_sources"),
        sa.UniqueConstraint("source_id", "name", name="uq_aliases_source_id_name"),
    )
    op.create_index("ix_aliases_key", "aliases", ["key"])
    op.create_table(
        "source_terms",
        sa.Column("term", sa.Text),
        sa.Column("source_id", sa.Integer),
        sa.PrimaryKeyConstraint("term", "source_id", name="pk_source_terms"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"],
                                name="fk_source_terms_source_id_sources"),
    )

    op.create_table(
        "attributions",
        sa.Column("id", sa.Integer),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("local_id", sa.String(32), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("source_id", sa.Integer),
        sa.Column("anonymous", sa.Boolean, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float),
        sa.Column("published", sa.DateTime),
        sa.PrimaryKeyConstraint("id", name="pk_attributions"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_attributions_article_id_articles"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"],
                                name="fk_attributions_source_id_sources"),
        sa.UniqueConstraint("article_id", "local_id", name="uq_attributions_article_id_local_id"),
    )
    op.create_index("ix_attributions_article_id", "attributions", ["article_id"])
    op.create_index("ix_attributions_source_id_published", "attributions",
                    ["source_id", "published"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("attribution_id", sa.Integer, nullable=False),
        sa.Column("source_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("resolved", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentions"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_mentions_article_id_articles"),
        sa.ForeignKeyConstraint(["attribution_id"], ["attributions.id"],
                                name="fk_mentions_attribution_id_attributions"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_mentions_source_id_sources"),
    )
    op.create_index("ix_mentions_attribution_id", "mentions", ["attribution_id"])
    op.create_index("ix_mentions_source_id", "mentions", ["source_id"])

    # Full-text index over search terms (keys.search_terms), kept apart from the article text.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE article_search USING fts5("
                   "title, body, content='', tokenize='unicode61 remove_diacritics 0')")
    else:
        op.create_table(
            "article_search",
            sa.Column("article_id", sa.Integer),
            sa.Column("terms", postgresql.TSVECTOR, nullable=False),
            sa.PrimaryKeyConstraint("article_id", name="pk_article_search"),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                    name="fk_article_search_article_id_articles"),
        )
        op.execute("CREATE INDEX ix_article_search_terms ON article_search USING gin (terms)")


def downgrade() -> None:
    for table in ("article_search", "mentions", "attributions", "source_terms", "aliases",
                  "sources", "articles"):
        op.drop_table(table)
