"""Rate limits counted in the database: login limits hold across workers and servers without Redis.

Revision ID: 0003_rate_limit_counters
Revises: 0002_credentials_version
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_rate_limit_counters"
down_revision = "0002_credentials_version"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rate_limit_counters",
        sa.Column("key", sa.String(length=500), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("expires_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_rate_limit_counters")),
    )


def downgrade():
    op.drop_table("rate_limit_counters")
