"""Where a user's time zone came from, ``users.time_zone_source``: "browser" (taken from their
browser at a login, as they had none), "chosen" (on the account page: a zone, or the school's),
or NULL (never set: the school's, until a browser says its zone). Existing zones were all chosen.

Revision ID: 0008_time_zone_source
Revises: 0007_teacher_flow
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_time_zone_source"
down_revision = "0007_teacher_flow"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("time_zone_source", sa.String(length=10), nullable=True))
    op.execute("UPDATE users SET time_zone_source = 'chosen' WHERE time_zone IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("time_zone_source")
