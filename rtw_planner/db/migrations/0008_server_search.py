"""Search on the server: the pg_trgm and unaccent extensions where they can be created, rtw_fold() as
lower(unaccent()), and a trigram GIN index over the folded name, job title and employer. SQLite folds with a Python
function (database.py registers it) and needs nothing here."""

from __future__ import annotations

import logging
from typing import Any

import peewee as pw

log = logging.getLogger("rtw_planner.db.migrations")
INDEX = "case_search_trgm"
COLUMNS = ("patient_name", "job_title", "employer")


def _extension_schema(db: Any, name: str) -> str | None:
    """The quoted schema of an installed extension, or None."""
    row = db.execute_sql("SELECT quote_ident(extnamespace::regnamespace::text) FROM pg_extension "
                         "WHERE extname = %s", (name,)).fetchone()
    return row[0] if row else None


def _create_extension(db: Any, name: str) -> str | None:
    """Create the extension unless it exists (both are trusted: a database owner may); its schema, or None when
    the server lacks it or refuses, after which search works without what it adds."""
    try:
        with db.atomic():  # a savepoint: a refusal must not abort the migration's transaction
            db.execute_sql(f"CREATE EXTENSION IF NOT EXISTS {name}")
    except pw.DatabaseError as exc:
        log.warning("extension %s not available (%s): search works without it", name, str(exc).splitlines()[0])
    return _extension_schema(db, name)


def up(migrator: Any, db: Any) -> None:
    """On PostgreSQL: extensions, the folding function and the index. Names are schema-qualified, so a restore
    with an empty search_path (pg_dump's) rebuilds the index."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    trigram, unaccent = _create_extension(db, "pg_trgm"), _create_extension(db, "unaccent")
    here = db.execute_sql("SELECT quote_ident(current_schema())").fetchone()[0]
    body = f"lower({unaccent}.unaccent('{unaccent}.unaccent'::regdictionary, $1))" if unaccent else "lower($1)"
    # IMMUTABLE (unaccent itself is only STABLE, as its dictionary could change) so an index may use it.
    db.execute_sql(f"CREATE OR REPLACE FUNCTION {here}.rtw_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
                   f"PARALLEL SAFE AS $$ SELECT {body} $$")
    if trigram:
        columns = ", ".join(f"{here}.rtw_fold({column}) {trigram}.gin_trgm_ops" for column in COLUMNS)
        db.execute_sql(f'CREATE INDEX {INDEX} ON "case" USING gin ({columns})')


def down(migrator: Any, db: Any) -> None:
    """Drop the index and the function; the extensions stay, as other databases' objects may use them."""
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql(f"DROP INDEX IF EXISTS {INDEX}")
        db.execute_sql("DROP FUNCTION IF EXISTS rtw_fold(text)")
