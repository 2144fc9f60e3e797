"""Search in one frame: a stored search key per case, back-filled here, with an index for substring search."""

from __future__ import annotations

import logging
from typing import Any

import peewee as pw

log = logging.getLogger("rtw_planner.db.migrations")
BATCH = 500
# A date of birth is looked up exactly; a short text as the beginning of a key; a common one along the list's order.
INDEXES = (("date_of_birth",), ("search_key",), ("archived_on", "updated_at", "clinician_id", "search_key"))
OLD_SERVER_INDEX = "case_search_trgm"  # migration 0008's, over rtw_fold() of the three columns


def _backfill(db: Any) -> None:
    """Every case's key, folded in Python as every save folds it (db/folding.py), on either backend."""
    from rtw_planner.db.folding import search_key

    rows = db.execute_sql('SELECT id, patient_name, job_title, employer FROM "case"').fetchall()
    keys = [(search_key(name or "", job or "", employer or ""), case_id) for case_id, name, job, employer in rows]
    cursor = db.cursor()
    statement = f'UPDATE "case" SET search_key = {db.param} WHERE id = {db.param}'
    for start in range(0, len(keys), BATCH):
        cursor.executemany(statement, keys[start:start + BATCH])


def _server_index(db: Any) -> None:
    """pg_trgm over the key, in place of 0008's over three folded columns; reception may read the key (it holds
    only the name, the job title and the employer, which reception sees)."""
    from rtw_planner.db.search_index import SERVER_INDEX

    trigram = db.execute_sql("SELECT quote_ident(extnamespace::regnamespace::text) FROM pg_extension "
                             "WHERE extname = 'pg_trgm'").fetchone()
    if trigram:
        db.execute_sql(f"DROP INDEX IF EXISTS {OLD_SERVER_INDEX}")
        db.execute_sql(f'CREATE INDEX {SERVER_INDEX} ON "case" USING gin (search_key {trigram[0]}.gin_trgm_ops)')
    else:
        log.warning("pg_trgm not available: the case search reads every key")
    if db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = 'rtw_reception'").fetchone():
        db.execute_sql('GRANT SELECT (search_key) ON "case" TO rtw_reception')


def up(migrator: Any, db: Any) -> None:
    """The key column (NOT NULL DEFAULT '', so rows written without it stay valid), its values, the index over
    it, and an index on the date of birth, which the search looks up exactly. SQLite without FTS5's trigram
    tokenizer gets no index: searches then read the keys (search_index.py)."""
    from playhouse.migrate import migrate

    from rtw_planner.db import search_index

    # Raw SQL: peewee's add_column would add NOT NULL by rebuilding the table on SQLite, losing its triggers.
    db.execute_sql('ALTER TABLE "case" ADD COLUMN search_key TEXT NOT NULL DEFAULT \'\'')
    _backfill(db)
    server = isinstance(db, pw.PostgresqlDatabase)
    for columns in INDEXES:
        if server and columns == ("search_key",):  # LIKE 'ab%' uses it in any collation
            db.execute_sql('CREATE INDEX case_search_key ON "case" (search_key text_pattern_ops)')
        else:
            migrate(migrator.add_index("case", columns, False))
    if server:
        _server_index(db)
    elif not search_index.install(db):
        log.warning("this SQLite has no FTS5 trigram tokenizer: the case search reads every key")


def down(migrator: Any, db: Any) -> None:
    """Drop the index, the triggers and the column (0008's server index is not rebuilt)."""
    from playhouse.migrate import migrate

    from rtw_planner.db import search_index

    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(f"DROP INDEX IF EXISTS {search_index.SERVER_INDEX}")
    else:
        for action in ("insert", "delete", "update"):
            db.execute_sql(f"DROP TRIGGER IF EXISTS {search_index.TABLE}_{action}")
        db.execute_sql(f"DROP TABLE IF EXISTS {search_index.TABLE}")
    migrate(*(migrator.drop_index("case", "_".join(("case", *columns))) for columns in INDEXES),
            migrator.drop_column("case", "search_key"))
