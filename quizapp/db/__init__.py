"""The database layer: the only package that imports SQLAlchemy (models, migrations, one
store module per aggregate, the write-lock rule)."""
