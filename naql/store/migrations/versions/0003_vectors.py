"""Vectors of meaning: each attribution's statements encoded once (provenance.meaning), and
each article's topic (the mean of its reports' vectors) for stories.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("attributions", sa.Column("vector", sa.LargeBinary))
    op.add_column("story_articles", sa.Column("topic", sa.LargeBinary))


def downgrade() -> None:
    for table, column in (("story_articles", "topic"), ("attributions", "vector")):
        with op.batch_alter_table(table) as batch:
            batch.drop_column(column)
