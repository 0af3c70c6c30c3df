"""What a teacher must not lose: bank drafts, one-time password slips, removals to undo.

``bank_drafts``: the editor's last unsaved text per teacher and bank file (a closed tab loses
nothing). ``password_slips``: one-time passwords kept for ten minutes, for printable slips and a
CSV from the class page. ``removed_enrollments``: a student taken out of a class, with the
accommodations the removal deleted, for ten minutes of undo. Nothing in the earlier tables
changes; the new ones start empty.

Revision ID: 0007_teacher_flow
Revises: 0006_titles_standing
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_teacher_flow"
down_revision = "0006_titles_standing"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)


def _kept_for_a_while(table: str, *columns: sa.Column[object]) -> None:
    """A table of rows about one student of one class, deleted when ``expires_at`` has passed."""
    op.create_table(
        table,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        *columns,
        sa.Column("expires_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["class_id"], ["classes.id"], name=f"fk_{table}_class_id_classes", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["student_id"], ["users.id"], name=f"fk_{table}_student_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("class_id", "student_id", name=f"uq_{table}_class_id_student_id"),
    )
    op.create_index(f"ix_{table}_expires_at", table, ["expires_at"])
    op.create_index(f"ix_{table}_student_id", table, ["student_id"])


def upgrade():
    op.create_table(
        "bank_drafts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("teacher_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("base_version", sa.String(length=64), nullable=False),
        sa.Column("saved_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["teacher_id"], ["users.id"], name="fk_bank_drafts_teacher_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_bank_drafts"),
        sa.UniqueConstraint("teacher_id", "file_name", name="uq_bank_drafts_teacher_id_file_name"),
    )
    _kept_for_a_while(
        "password_slips",
        sa.Column("password", sa.String(length=100), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
    )
    _kept_for_a_while(
        "removed_enrollments",
        sa.Column("kept", sa.JSON(), nullable=False),
        sa.Column("removed_at", UTC_DATETIME, nullable=False),
    )


def downgrade():
    for table in ("removed_enrollments", "password_slips"):
        op.drop_index(f"ix_{table}_student_id", table_name=table)
        op.drop_index(f"ix_{table}_expires_at", table_name=table)
        op.drop_table(table)
    op.drop_table("bank_drafts")
