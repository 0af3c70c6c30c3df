"""Alembic's environment for quizapp (run by Flask-Migrate: ``flask --app quizapp db ...``).

``quizapp.db.database.prepare_schema`` passes in a connection that already holds the schema lock,
so several workers starting at once upgrade one after another; the commands take the same lock
(and on SQLite the write lock) themselves.
"""

import logging
from logging.config import fileConfig

from alembic import context
from flask import current_app
from sqlalchemy import DateTime

from quizapp.db.database import exclusive, foreign_keys_off
from quizapp.db.models import UTCDateTime

config = context.config
if config.config_file_name and not config.attributes.get("connection"):
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

database = current_app.extensions["migrate"].db
config.set_main_option(
    "sqlalchemy.url", database.engine.url.render_as_string(hide_password=False).replace("%", "%%")
)


def render_item(kind, item, autogen_context):
    """Write our UTC column type as the plain type it stores, so migrations import nothing of ours."""
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def compare_type(context_, inspected_column, metadata_column, inspected_type, metadata_type):
    if isinstance(metadata_type, UTCDateTime):
        return not isinstance(inspected_type, DateTime)
    return None  # the default comparison


def process_revision_directives(context_, revision, directives):
    """No empty migration files: `db migrate` with nothing to change writes nothing."""
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []
        logger.info("No changes in schema detected.")


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=database.metadata,
        literal_binds=True,
        render_item=render_item,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    options = dict(current_app.extensions["migrate"].configure_args)
    options.setdefault("process_revision_directives", process_revision_directives)
    options.update(render_item=render_item, compare_type=compare_type)
    given = config.attributes.get("connection")
    if given is not None:
        context.configure(connection=given, target_metadata=database.metadata, **options)
        with context.begin_transaction():
            context.run_migrations()
        return
    with (
        database.engine.connect() as connection,
        foreign_keys_off(connection),
        exclusive(connection) as locked,
    ):
        context.configure(connection=locked, target_metadata=database.metadata, **options)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
