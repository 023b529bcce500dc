from __future__ import annotations

from alembic import context

from yolvarex.store.models import Base

config = context.config
engine = config.attributes["engine"]
sqlite = engine.dialect.name == "sqlite"

with engine.connect() as connection:
    if sqlite:
        # SQLite rebuilds a table to alter it (copy, drop, rename). With foreign keys on, dropping
        # the old `users` table would cascade and delete every athlete's rows; keep them off
        # while migrating (set outside the transaction, where SQLite honours it).
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=sqlite,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        connection.commit()
