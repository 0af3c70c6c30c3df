"""Live quizzes: a player the host removed (``live_players.removed_at``) stays in the table, so
that the guest's cookie cannot join that session again under a new nickname; the session
ends with the guests' tokens cleared (docs/live.md). One nullable column; nothing else changes.

Revision ID: 0010_live_player_removal
Revises: 0009_live_sessions
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_live_player_removal"
down_revision = "0009_live_sessions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("live_players", sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("live_players") as batch:
        batch.drop_column("removed_at")
