"""Provenance: claims and their members, stories, outlet names.

Revision ID: 0002
Revises: 0001
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("source_id", sa.Integer),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("position", sa.String(16), nullable=False),
        sa.Column("first_seen", sa.DateTime),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("anonymous_only", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(["source_id"], ["sources.id"], name="fk_claims_source_id_sources"),
    )
    op.create_index("ix_claims_source_id", "claims", ["source_id"])
    op.create_index("ix_claims_first_seen", "claims", ["first_seen"])
    op.create_index("ix_claims_articles", "claims", ["articles"])

    op.create_table(
        "claim_members",
        sa.Column("attribution_id", sa.Integer),
        sa.Column("part", sa.Integer),
        sa.Column("claim_id", sa.Integer, nullable=False),
        sa.Column("position", sa.String(16), nullable=False),
        sa.Column("chain", sa.JSON, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("attribution_id", "part", name="pk_claim_members"),
        sa.ForeignKeyConstraint(["attribution_id"], ["attributions.id"],
                                name="fk_claim_members_attribution_id_attributions"),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"],
                                name="fk_claim_members_claim_id_claims"),
    )
    op.create_index("ix_claim_members_claim_id", "claim_members", ["claim_id"])

    op.create_table(
        "stories",
        sa.Column("id", sa.Integer),
        sa.Column("title", sa.Text),
        sa.Column("first_seen", sa.DateTime),
        sa.Column("last_seen", sa.DateTime),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_index("ix_stories_first_seen", "stories", ["first_seen"])

    op.create_table(
        "story_articles",
        sa.Column("article_id", sa.Integer),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=False),
        sa.Column("words", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("article_id", name="pk_story_articles"),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"],
                                name="fk_story_articles_article_id_articles"),
        sa.ForeignKeyConstraint(["story_id"], ["stories.id"],
                                name="fk_story_articles_story_id_stories"),
    )
    op.create_index("ix_story_articles_story_id", "story_articles", ["story_id"])

    op.create_table(
        "outlet_names",
        sa.Column("key", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.PrimaryKeyConstraint("key", "outlet", name="pk_outlet_names"),
    )
    op.create_table(
        "provenance_state",
        sa.Column("name", sa.String(32)),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_provenance_state"),
    )


def downgrade() -> None:
    for table in ("provenance_state", "outlet_names", "story_articles", "stories",
                  "claim_members", "claims"):
        op.drop_table(table)
