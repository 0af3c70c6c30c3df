"""Live classroom quizzes (docs/live.md): ``live_sessions`` (host, bank, questions, state and
PIN, unique among active sessions), ``live_players`` (students and guests who joined) and
``live_answers`` (one per player and question). New tables only; the earlier ones do not change.

Revision ID: 0009_live_sessions
Revises: 0008_time_zone_source
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_live_sessions"
down_revision = "0008_time_zone_source"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "live_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("pin", sa.String(length=6), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("host_id", sa.Integer(), nullable=False),
        sa.Column("bank_slug", sa.String(length=80), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("seconds_per_question", sa.Integer(), nullable=False),
        sa.Column("allow_guests", sa.Boolean(), nullable=False),
        sa.Column("phase", sa.String(length=10), nullable=False),
        sa.Column("current_index", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("deadline", UTC_DATETIME, nullable=True),
        sa.Column("paused_remaining_ms", sa.Integer(), nullable=True),
        sa.Column("skipped", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("ended_at", UTC_DATETIME, nullable=True),
        sa.Column("results_kept", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["host_id"], ["users.id"], name="fk_live_sessions_host_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_live_sessions"),
    )
    op.create_index("ix_live_sessions_host_id", "live_sessions", ["host_id"])
    op.create_index(
        "uq_live_sessions_active_pin",
        "live_sessions",
        ["pin"],
        unique=True,
        sqlite_where=sa.text("active"),
        postgresql_where=sa.text("active"),
    )
    op.create_table(
        "live_players",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("nickname", sa.String(length=40), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=True),
        sa.Column("joined_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name="fk_live_players_session_id_live_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_live_players_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_live_players"),
        sa.UniqueConstraint("session_id", "user_id", name="uq_live_players_session_id_user_id"),
        sa.UniqueConstraint("token", name="uq_live_players_token"),
    )
    op.create_index(
        "uq_live_players_guest_nickname",
        "live_players",
        ["session_id", "nickname"],
        unique=True,
        sqlite_where=sa.text("user_id IS NULL"),
        postgresql_where=sa.text("user_id IS NULL"),
    )
    op.create_table(
        "live_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("player_id", sa.Integer(), nullable=False),
        sa.Column("question_index", sa.Integer(), nullable=False),
        sa.Column("response", sa.JSON(), nullable=False),
        sa.Column("received_at", UTC_DATETIME, nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("correct", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["live_sessions.id"],
            name="fk_live_answers_session_id_live_sessions",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["player_id"],
            ["live_players.id"],
            name="fk_live_answers_player_id_live_players",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_live_answers"),
        sa.UniqueConstraint("player_id", "question_index", name="uq_live_answers_player_id_question_index"),
    )
    op.create_index("ix_live_answers_session_id", "live_answers", ["session_id"])


def downgrade() -> None:
    op.drop_table("live_answers")
    op.drop_table("live_players")
    op.drop_table("live_sessions")
