"""The Flask-SQLAlchemy and Flask-Migrate extensions: the database's own, so they live in the one
layer that imports SQLAlchemy (the other extensions are in quizapp/extensions.py)."""

from typing import TYPE_CHECKING, ClassVar

from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

# Named constraints keep migrations portable between SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # SQLAlchemy types it as any FromClause (a class may map a join); each of ours maps a Table,
        # which the stores' Core statements (insert, update, delete) need.
        __table__: ClassVar[Table]


db = SQLAlchemy(model_class=Base)

# The models' base class. Flask-SQLAlchemy builds db.Model at runtime as a subclass of Base (adding
# its own mixins); it is an instance attribute, which mypy cannot take as a base class, so mypy is
# shown Base, whose columns and mapping are what the models are typed by.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

# batch mode: SQLite changes a table by copying it; types are compared so `db check` sees them
migrate = Migrate(render_as_batch=True, compare_type=True)
