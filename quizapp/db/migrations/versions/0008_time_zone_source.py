"""Where a user's time zone came from, ``users.time_zone_source``: "browser" (taken from their
browser at a login, as they had none), "chosen" (on the account page: a zone, or the school's),
or NULL (never set: the school's, until a browser says its zone). Existing zones were all chosen.
And ``users.password_set_at``: when the password was written, so that a one-time password
stops working after ``core.accounts.ONE_TIME_PASSWORD_LIFETIME``.

Revision ID: 0008_time_zone_source
Revises: 0007_teacher_flow
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0008_time_zone_source"
down_revision = "0007_teacher_flow"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("time_zone_source", sa.String(length=10), nullable=True))
        batch.add_column(sa.Column("password_set_at", sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE users SET time_zone_source = 'chosen' WHERE time_zone IS NOT NULL")
    # the passwords already there count from the upgrade: a one-time password handed out before
    # it has its week from now (SQLite keeps UTC without its zone, as the app's UTCDateTime does)
    upgraded = datetime.now(UTC)
    users = sa.table("users", sa.column("password_set_at", sa.DateTime(timezone=True)))
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute(users.update().values(password_set_at=upgraded.replace(tzinfo=None) if sqlite else upgraded))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("password_set_at")
        batch.drop_column("time_zone_source")
