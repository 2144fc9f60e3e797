"""The index over the stored search keys: on SQLite an FTS5 trigram table kept by triggers, where the build has one."""

from __future__ import annotations

import sqlite3
import weakref

import peewee as pw

from rtw_planner.db.backends import is_server

TABLE = "case_search"
SERVER_INDEX = "case_search_key_trgm"  # PostgreSQL: pg_trgm over case.search_key (migration 0012)
SHORTEST = 3  # a trigram index finds nothing shorter: such searches read the keys themselves
_TRIGGERS = {
    "insert": f"AFTER INSERT ON \"case\" BEGIN INSERT INTO {TABLE}(rowid, search_key) "
              "VALUES (new.id, new.search_key); END",
    "delete": f"AFTER DELETE ON \"case\" BEGIN INSERT INTO {TABLE}({TABLE}, rowid, search_key) "
              "VALUES ('delete', old.id, old.search_key); END",
    "update": f"AFTER UPDATE OF search_key ON \"case\" BEGIN INSERT INTO {TABLE}({TABLE}, rowid, search_key) "
              f"VALUES ('delete', old.id, old.search_key); INSERT INTO {TABLE}(rowid, search_key) "
              "VALUES (new.id, new.search_key); END",
}
_IN_USE: weakref.WeakKeyDictionary[pw.Database, bool] = weakref.WeakKeyDictionary()


def trigram_available() -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (3.34 and later, when built with FTS5)."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(text, tokenize='trigram case_sensitive 1')")
        return True
    except sqlite3.Error:
        return False
    finally:
        probe.close()


def install(db: pw.Database) -> bool:
    """On SQLite with a trigram tokenizer: the FTS5 table over case.search_key (its text read from the case
    table, not copied), filled from the stored keys, and the triggers that keep it current; again after any
    migration that rebuilds the case table. Returns whether the index is there."""
    if is_server(db) or not trigram_available():
        return False
    db.execute_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(search_key, content='case', "
                   "content_rowid='id', tokenize='trigram case_sensitive 1')")
    for action, body in _TRIGGERS.items():
        db.execute_sql(f"DROP TRIGGER IF EXISTS {TABLE}_{action}")
        db.execute_sql(f"CREATE TRIGGER {TABLE}_{action} {body}")
    db.execute_sql(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    _IN_USE.pop(db, None)
    return True


def in_use(db: pw.Database) -> bool:
    """Whether searches of db go through the FTS5 table: it is there and its triggers keep it (looked up once per
    open database)."""
    known = _IN_USE.get(db)
    if known is None:
        known = not is_server(db) and bool(db.execute_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?", (f"{TABLE}_insert",)).fetchone())
        _IN_USE[db] = known
    return known


def follow_sqlite(db: pw.Database) -> None:
    """On opening a file: where its FTS5 table exists but this SQLite has no trigram tokenizer (the file was made
    by a newer one), drop the triggers, or every save would fail, and search by LIKE; where the tokenizer is
    back but the triggers are not, rebuild the table from the keys and keep it again."""
    if is_server(db) or not db.table_exists(TABLE):
        return
    if not trigram_available():
        for action in _TRIGGERS:
            db.execute_sql(f"DROP TRIGGER IF EXISTS {TABLE}_{action}")
        _IN_USE[db] = False
    elif not in_use(db):
        install(db)


def phrase(folded: str) -> str:
    """An FTS5 query finding folded anywhere in a key (the trigram tokenizer matches a phrase as a substring)."""
    return '"' + folded.replace('"', '""') + '"'
