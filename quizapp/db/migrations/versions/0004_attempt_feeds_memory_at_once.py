"""An attempt says when its answers feed the flashcard memory: as they are given, or at the close.

Decided when a practice round starts (the bank shows practice correctness at once, or not) and
kept, so that a bank edited mid-round feeds no answer twice and none never. Practice rounds made
before this fed every answer at once, so they say so.

Revision ID: 0004_attempt_feeds_memory
Revises: 0003_rate_limit_counters
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_attempt_feeds_memory"
down_revision = "0003_rate_limit_counters"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(
            sa.Column("feeds_memory_at_once", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
    op.execute("UPDATE attempts SET feeds_memory_at_once = true WHERE mode = 'practice'")


def downgrade():
    with op.batch_alter_table("attempts") as batch:
        batch.drop_column("feeds_memory_at_once")
