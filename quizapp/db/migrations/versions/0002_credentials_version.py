"""Logging out ends every website session; only a password change ends API tokens.

users.credentials_version is bumped with each password change; API tokens are tied to it
instead of to the session version, which logging out now bumps.

Revision ID: 0002_credentials_version
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_credentials_version"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("credentials_version", sa.Integer(), server_default="1", nullable=False)
        )
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column("session_version", new_column_name="credentials_version")
    op.execute("UPDATE api_tokens SET credentials_version = 1")  # the users' new version: tokens stay valid


def downgrade():
    with op.batch_alter_table("api_tokens", schema=None) as batch_op:
        batch_op.alter_column("credentials_version", new_column_name="session_version")
    op.execute(
        "UPDATE api_tokens SET session_version = "
        "(SELECT session_version FROM users WHERE users.id = api_tokens.user_id)"
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("credentials_version")
