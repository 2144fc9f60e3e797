"""What the case search finds: the stored key holding the text (or, for one or two characters, beginning with it), a
case number or a date of birth; found through indexes, so a keystroke costs about the same at any size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import peewee as pw

from rtw_planner.db import search_index
from rtw_planner.db.backends import is_server
from rtw_planner.db.folding import fold
from rtw_planner.db.tables import CaseRow

# Up to this many cases holding the text are looked up by id and sorted; past it the text is common enough that
# walking the list order until a page is found is quicker (at most about PAGE × cases / CANDIDATES index entries).
CANDIDATES = 1000
_LAST = "\U0010ffff"  # sorts after every character a key holds


@dataclass(frozen=True)
class Match:
    """The condition, and whether it names its cases by id (then the case table is best read by id alone)."""

    condition: pw.Expression
    by_id: bool


def matching(db: pw.Database, text: str) -> Match:
    """Cases whose name, job title or employer holds text (three characters or more) or whose name begins with it
    (one or two: a trigram index finds nothing shorter, and "begins with" stays one index look-up), ignoring case
    and accents (Zoë = zoe) as the stored key does; or whose case number (12 or #12) or date of birth it is. Runs
    small queries of its own inside the caller's unit of work."""
    folded = fold(text)
    short = len(folded) < search_index.SHORTEST
    escaped = folded
    for special in ("\\", "%", "_"):  # the text's own stay literal
        escaped = escaped.replace(special, "\\" + special)
    pattern = pw.NodeList((pw.Value(f"{escaped}%" if short else f"%{escaped}%"), pw.SQL("ESCAPE"), pw.Value("\\")))
    # The key is folded already: PostgreSQL's LIKE, which its indexes serve (ILIKE would lower every row again);
    # on SQLite peewee's ILIKE, which is SQLite's LIKE (peewee's LIKE is SQLite's GLOB).
    key = pw.Expression(CaseRow.search_key, pw.OP.LIKE if is_server(db) else pw.OP.ILIKE, pattern)
    candidates = _candidates(db, folded, short)
    if candidates is not None:
        key = CaseRow.id.in_(candidates)
    exact = _exact_ids(text)
    return Match(key | CaseRow.id.in_(exact) if exact else key, candidates is not None)


def _candidates(db: pw.Database, folded: str, short: bool) -> pw.Node | None:
    """On SQLite, the ids of the cases whose key matches, from an index, when there are no more than CANDIDATES
    (else None: walking the list's order finds a page sooner): keys beginning with a short text, or the FTS5
    table's matches."""
    if is_server(db):
        return None  # the server's planner weighs its trigram index against the list order itself
    if short:
        query: pw.Node = (CaseRow.select(CaseRow.id).where((CaseRow.search_key >= folded) &
                                                         (CaseRow.search_key < folded + _LAST))
                          .limit(CANDIDATES + 1))
        sql, params = db.get_sql_context().sql(query).query()
        query = pw.SQL(f"({sql})", params)
    elif search_index.in_use(db):
        query = pw.SQL(f"(SELECT rowid FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH ? "
                       f"LIMIT {CANDIDATES + 1})", [search_index.phrase(folded)])
    else:
        return None
    sql, params = db.get_sql_context().sql(query).query()
    found = int(db.execute_sql(f"SELECT count(*) FROM {sql} AS found", params).fetchone()[0])
    return query if found <= CANDIDATES else None


def _exact_ids(text: str) -> list[int]:
    """The case whose number text is (12 or #12) and those born on the date it is, looked up by their indexes."""
    found: list[pw.Expression] = []
    number = text.removeprefix("#").strip()
    if number.isdigit() and len(number) <= 9:
        found.append(CaseRow.id == int(number))
    born = typed_date(text)
    if born is not None:  # typed as ISO or day.month.year / day/month/year
        found.append(CaseRow.date_of_birth == born)
    if not found:
        return []
    condition = found[0] | found[1] if len(found) == 2 else found[0]
    found_ids: list[tuple[int]] = list(CaseRow.select(CaseRow.id).where(condition).tuples())  # type: ignore[arg-type]
    return [int(row[0]) for row in found_ids]


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
