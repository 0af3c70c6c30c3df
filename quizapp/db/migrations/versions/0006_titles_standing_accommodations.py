"""An assignment may have a title; a student may have a standing accommodation in a class.

A teacher who gives the same bank to a class twice (a first test and a retake) needs to tell the
two apart: ``assignments.title`` (None: the bank's title). A student with an IEP or 504 plan has
the same extra time on every test of the class: ``enrollments.extra_time_percent``,
``extra_time_minutes`` and ``extra_attempts`` apply to each assignment of that class for which
the teacher has not set the student an accommodation of its own (``core.assignments.applying``).

Revision ID: 0006_titles_standing
Revises: 0005_assignments
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_titles_standing"
down_revision = "0005_assignments"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("assignments") as batch:
        batch.add_column(sa.Column("title", sa.String(length=120), nullable=True))
    with op.batch_alter_table("enrollments") as batch:
        for column in ("extra_time_percent", "extra_time_minutes", "extra_attempts"):
            batch.add_column(sa.Column(column, sa.Integer(), server_default="0", nullable=False))


def downgrade():
    with op.batch_alter_table("enrollments") as batch:
        for column in ("extra_attempts", "extra_time_minutes", "extra_time_percent"):
            batch.drop_column(column)
    with op.batch_alter_table("assignments") as batch:
        batch.drop_column("title")
