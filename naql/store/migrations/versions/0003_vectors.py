"""Vectors of meaning: each attribution's statements encoded once (provenance.meaning).

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


def downgrade() -> None:
    with op.batch_alter_table("attributions") as batch:
        batch.drop_column("vector")
