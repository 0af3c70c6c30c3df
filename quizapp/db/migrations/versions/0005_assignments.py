"""Assignments: banks given to classes as tests, with windows, limits and accommodations.

Also: a bank can be hidden or open to everyone for practice, a class archived, a user's time
zone chosen, and an attempt records its assignment and whether it started late.

Before this, every student saw every bank and could take its test at any time, any number of
times. So that an upgraded database keeps serving its students as before, every bank in it is
assigned to every class in it with no dates, unlimited attempts, the bank's own time limit and
study on; each earlier test counts for the assignment of its student's (first) class. Teachers
then narrow these as they like. A student in no class sees no bank until a teacher assigns one
or marks one as open practice (docs/assignments.md).

Revision ID: 0005_assignments
Revises: 0004_attempt_feeds_memory
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_assignments"
down_revision = "0004_attempt_feeds_memory"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)


def upgrade():
    with op.batch_alter_table("banks") as batch:
        batch.add_column(sa.Column("published", sa.Boolean(), server_default=sa.true(), nullable=False))
        batch.add_column(sa.Column("open_practice", sa.Boolean(), server_default=sa.false(), nullable=False))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("time_zone", sa.String(length=64), nullable=True))
    with op.batch_alter_table("classes") as batch:
        batch.add_column(sa.Column("archived_at", UTC_DATETIME, nullable=True))
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=False),
        sa.Column("class_id", sa.Integer(), nullable=False),
        sa.Column("opens_at", UTC_DATETIME, nullable=True),
        sa.Column("due_at", UTC_DATETIME, nullable=True),
        sa.Column("time_limit_minutes", sa.Integer(), nullable=True),
        sa.Column("max_attempts", sa.Integer(), nullable=True),
        sa.Column("counted", sa.String(length=5), nullable=False),
        sa.Column("accept_late", sa.Boolean(), nullable=False),
        sa.Column("ends_at_close", sa.Boolean(), nullable=False),
        sa.Column("show_answers", sa.String(length=20), nullable=True),
        sa.Column("study", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(["bank_id"], ["banks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["class_id"], ["classes.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_assignments_bank_id", "assignments", ["bank_id"])
    op.create_index("ix_assignments_class_id", "assignments", ["class_id"])
    op.create_table(
        "accommodations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.Column("student_id", sa.Integer(), nullable=False),
        sa.Column("extra_time_percent", sa.Integer(), nullable=False),
        sa.Column("extra_time_minutes", sa.Integer(), nullable=False),
        sa.Column("extra_attempts", sa.Integer(), nullable=False),
        sa.Column("opens_at", UTC_DATETIME, nullable=True),
        sa.Column("due_at", UTC_DATETIME, nullable=True),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["student_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("assignment_id", "student_id"),
    )
    op.create_index("ix_accommodations_student_id", "accommodations", ["student_id"])
    with op.batch_alter_table("attempts") as batch:
        batch.add_column(sa.Column("assignment_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("late", sa.Boolean(), server_default=sa.false(), nullable=False))
        batch.add_column(sa.Column("kept_show_answers", sa.String(length=20), nullable=True))
        batch.create_index("ix_attempts_assignment_id", ["assignment_id"])
        batch.create_foreign_key(
            "fk_attempts_assignment_id", "assignments", ["assignment_id"], ["id"], ondelete="SET NULL"
        )
    _assign_every_bank_to_every_class()


def _assign_every_bank_to_every_class() -> None:
    """Keep serving as before (the module's docstring): one assignment per bank and class."""
    op.execute(
        "INSERT INTO assignments (bank_id, class_id, counted, accept_late, ends_at_close, study, created_at) "
        "SELECT banks.id, classes.id, 'best', false, false, true, CURRENT_TIMESTAMP "
        "FROM banks CROSS JOIN classes WHERE banks.active ORDER BY classes.id, banks.id"
    )
    op.execute(
        "UPDATE attempts SET assignment_id = ("
        " SELECT min(assignments.id) FROM assignments"
        " JOIN enrollments ON enrollments.class_id = assignments.class_id"
        " WHERE enrollments.student_id = attempts.user_id AND assignments.bank_id = attempts.bank_id"
        ") WHERE mode = 'test'"
    )


def downgrade():
    with op.batch_alter_table("attempts") as batch:
        batch.drop_constraint("fk_attempts_assignment_id", type_="foreignkey")
        batch.drop_index("ix_attempts_assignment_id")
        batch.drop_column("kept_show_answers")
        batch.drop_column("late")
        batch.drop_column("assignment_id")
    op.drop_index("ix_accommodations_student_id", table_name="accommodations")
    op.drop_table("accommodations")
    op.drop_index("ix_assignments_class_id", table_name="assignments")
    op.drop_index("ix_assignments_bank_id", table_name="assignments")
    op.drop_table("assignments")
    with op.batch_alter_table("classes") as batch:
        batch.drop_column("archived_at")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("time_zone")
    with op.batch_alter_table("banks") as batch:
        batch.drop_column("open_practice")
        batch.drop_column("published")
