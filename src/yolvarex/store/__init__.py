"""The database: SQLAlchemy models, the engine, migrations and the ownership check."""
