"""What the case search finds, through indexes: a folded key holding the text, a case number or a date of birth."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import peewee as pw

from rtw_planner.db import search_index
from rtw_planner.db.backends import is_server
from rtw_planner.db.folding import fold

# Up to this many cases holding the text are looked up by id and sorted; past it the text is common enough that
# walking the list order until a page is found is quicker (at most about PAGE × cases / CANDIDATES index entries).
CANDIDATES = 300  # measured: 300 and 1000 alike, 3000 slower (benchmarks/search.py)
_LAST = "\U0010ffff"  # sorts after every character a key holds


@dataclass(frozen=True)
class Match:
    """The condition as SQL on the case table (with db.param placeholders) and its parameters; by_id when it names
    its cases by id (then SQLite reads the case table best by id alone, not along an index)."""

    sql: str
    params: list[Any]
    by_id: bool


def matching(db: pw.Database, text: str) -> Match:
    """Cases whose name, job title or employer holds text (three characters or more) or whose name begins with it
    (one or two: a trigram index finds nothing shorter, and "begins with" stays one index look-up), ignoring case
    and accents (Zoë = zoe) as the stored key does; or whose case number (12 or #12) or date of birth it is. Runs
    small queries of its own. Plain SQL: a keystroke runs it, and peewee took longer to build it than the database
    to answer."""
    param = db.param
    folded = fold(text)
    short = len(folded) < search_index.SHORTEST
    escaped = folded
    for special in ("\\", "%", "_"):  # the text's own stay literal
        escaped = escaped.replace(special, "\\" + special)
    # LIKE on both: the key is folded already (SQLite's LIKE ignores ASCII case besides; PostgreSQL's indexes serve
    # it: text_pattern_ops for a beginning, pg_trgm for the rest).
    sql = f"search_key LIKE {param} ESCAPE '\\'"
    params: list[Any] = [f"{escaped}%" if short else f"%{escaped}%"]
    candidates = _candidates(db, folded, short)
    if candidates is not None:
        sql, params = f"id IN {candidates[0]}", candidates[1]
    exact = _exact_ids(db, text)
    if exact:
        sql, params = f"{sql} OR id IN ({', '.join([param] * len(exact))})", [*params, *exact]
    return Match(sql, params, candidates is not None)


def _candidates(db: pw.Database, folded: str, short: bool) -> tuple[str, list[Any]] | None:
    """On SQLite, a subquery of the ids of the cases whose key matches, from an index, when there are no more than
    CANDIDATES (else None: walking the list's order finds a page sooner): keys beginning with a short text, or
    the FTS5 table's matches."""
    if is_server(db):
        return None  # the server's planner weighs its indexes against the list order itself
    if short:
        query = (f'(SELECT id FROM "case" WHERE search_key >= ? AND search_key < ? LIMIT {CANDIDATES + 1})',
                 [folded, folded + _LAST])
    elif search_index.in_use(db):
        query = (f"(SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ? "
                 f"LIMIT {CANDIDATES + 1})", [search_index.phrase(folded)])
    else:
        return None
    found = int(db.execute_sql(f"SELECT count(*) FROM {query[0]}", query[1]).fetchone()[0])
    return query if found <= CANDIDATES else None


def _exact_ids(db: pw.Database, text: str) -> list[int]:
    """The case whose number text is (12 or #12) and those born on the date it is, looked up by their indexes."""
    found: list[str] = []
    params: list[Any] = []
    number = text.removeprefix("#").strip()
    if number.isdigit() and len(number) <= 9:
        found.append(f"id = {db.param}")
        params.append(int(number))
    born = typed_date(text)
    if born is not None:  # typed as ISO or day.month.year / day/month/year
        found.append(f"date_of_birth = {db.param}")
        params.append(born.isoformat() if not is_server(db) else born)
    if not found:
        return []
    rows = db.execute_sql(f'SELECT id FROM "case" WHERE {" OR ".join(found)}', params).fetchall()
    return [int(row[0]) for row in rows]


def typed_date(text: str) -> date | None:
    """1979-02-14, 14.02.1979 or 14/02/1979 (day first, as most clinics outside the US write it); else None."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.replace("/", ".").split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            return None
    return None
