"""Search benchmark: one keystroke in the case list at 50,000 cases (the first page and whether more exist, as the
list model asks), against, in the same run, the search as it was (every row folded in Python, counted, then the first
page) and the stored key read without its indexes (LIKE, counted, then the first page); and on PostgreSQL when
RTW_PLANNER_TEST_PG_URL names a server."""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import peewee as pw

from rtw_planner.db.database import open_database
from rtw_planner.db.folding import fold, search_key
from rtw_planner.db.repository import CaseRepository
from rtw_planner.db.session import reading, writing
from rtw_planner.db.tables import CaseRow, ClinicianRow

CASES = 50_000
PAGE = 200  # the list model's page; it asks for one row more to know whether more exist
TARGET_P95_MS = 16.0
SERVER_URL_ENV = "RTW_PLANNER_TEST_PG_URL"
FIRST = ("Zoë", "Łukasz", "Marek", "Agnieszka", "José", "Siobhán", "Ægir", "Jürgen", "Ana", "Mohammed", "Nguyễn",
         "Chloé", "Søren", "Ilse", "Renée", "Dušan", "Ömer", "Priya", "Björn", "Oğuz", "Ewa", "İsmail", "Maëlle")
LAST = ("Łukasiewicz", "Dąbrowski", "Müller", "Núñez", "O'Brien", "Kowalczyk", "Øberg", "Çelik", "Şahin", "Ångström",
        "Šimůnek", "Petrović", "Van der Berg", "García", "Jørgensen", "Ó Súilleabháin", "Nowak", "Schröder", "Smith",
        "Høgh", "Dvořák", "Lefèvre", "Wiśniewska", "Kırmızı", "Shah", "Grünewald", "Brontë", "Pérez", "Ekström")
JOBS = ("Picker", "Nurse", "Warehouse operative", "Bus driver", "Care assistant", "Électricien", "Software developer",
        "Chef de partie", "Straßenbahnfahrer", "Cleaner", "Teacher", "Forklift driver", "Pflegefachkraft")
EMPLOYERS = ("Acme Logistics", "Städtisches Klinikum", "Société Générale", "NHS Trust", "Żabka", "Øresund Bridge",
             "Müller Bau GmbH", "City Council", "Coöperatie Zuid", "Café Ñandú", "Northern Rail")
# What people type, a letter at a time, as the case list sees each keystroke.
TYPED = ("zoe", "LUKAS", "müller", "nunez", "dabrowski", "obrien", "øberg", "celik", "angstrom", "ó súil",
         "nurse", "strassen", "societe", "zabka", "jorgensen", "wisniewska", "petrovic", "xyzzy", "kowalczyk",
         "bronte", "#12345", "14.02.1979", "van der", "ekstr")


def _cases(count: int, clinicians: list[int]) -> Iterator[dict[str, object]]:
    """Case rows, as a save writes them (the search key included), spread over ten years of updates."""
    pick = random.Random(15)
    start = datetime(2017, 1, 1)
    for n in range(count):
        name = f"{pick.choice(FIRST)} {pick.choice(LAST)}"
        job, employer = pick.choice(JOBS), pick.choice(EMPLOYERS)
        when = start + timedelta(minutes=n * 100 + pick.randrange(100))
        yield {"patient_name": name, "job_title": job, "employer": employer,
               "date_of_birth": date(1950, 1, 1) + timedelta(days=pick.randrange(20_000)),
               "clinician": pick.choice(clinicians), "search_key": search_key(name, job, employer),
               "archived_on": when if pick.random() < 0.1 else None, "created_at": when, "updated_at": when}


def fill(db: pw.Database, count: int = CASES) -> None:
    """count cases and five clinicians, inserted as rows (a save each would take minutes)."""
    with writing(db):
        clinicians = [int(ClinicianRow.insert(name=f"Clinician {n}").execute()) for n in range(5)]
        batch: list[dict[str, object]] = []
        for row in _cases(count, clinicians):
            batch.append(row)
            if len(batch) == 500:
                CaseRow.insert_many(batch).execute()
                batch = []
        if batch:
            CaseRow.insert_many(batch).execute()


def keystrokes() -> list[str]:
    """Each search text as it grows, a letter at a time."""
    return [word[:n] for word in TYPED for n in range(1, len(word) + 1)]


def baseline(db: pw.Database, text: str) -> None:
    """The search as it was: every row's three columns folded in Python (rtw_fold) and counted, then the first
    page."""
    like = "%" + text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = ("archived_on IS NULL AND (rtw_fold(patient_name) LIKE rtw_fold(?) ESCAPE '\\' OR "
             "rtw_fold(job_title) LIKE rtw_fold(?) ESCAPE '\\' OR rtw_fold(employer) LIKE rtw_fold(?) ESCAPE '\\')")
    with reading(db):
        db.execute_sql(f'SELECT count(*) FROM "case" WHERE {where}', (like,) * 3).fetchone()
        db.execute_sql(f'SELECT id, patient_name, job_title, employer, review_date, date_of_birth, '
                       f'next_appointment_json FROM "case" WHERE {where} ORDER BY updated_at DESC, id DESC LIMIT ?',
                       (like,) * 3 + (PAGE,)).fetchall()


def baseline_like(db: pw.Database, text: str) -> None:
    """The stored key without its indexes: a LIKE over every open case's key, counted, then the first page."""
    like = "%" + fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where = "archived_on IS NULL AND search_key LIKE ? ESCAPE '\\'"
    db.execute_sql(f'SELECT count(*) FROM "case" NOT INDEXED WHERE {where}', (like,)).fetchone()
    db.execute_sql(f'SELECT id, patient_name, job_title, employer, review_date, date_of_birth, next_appointment_json '
                   f'FROM "case" NOT INDEXED WHERE {where} ORDER BY updated_at DESC, id DESC LIMIT ?',
                   (like, PAGE)).fetchall()


def timed(search: Callable[[str], object], texts: list[str], rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds per keystroke, every text searched once per round: on the clock, and of this process's CPU
    (which other work on a busy machine does not inflate; a server's own time is not in it)."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start, used = time.perf_counter(), time.process_time()
            search(text)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - used) * 1000)
    return wall, cpu


def p95(times: list[float]) -> float:
    """The 95th percentile (nearest rank)."""
    ordered = sorted(times)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def report(prefix: str, times: tuple[list[float], list[float]]) -> None:
    """The median and the 95th percentile, on the clock and of CPU time."""
    wall, cpu = times
    print(f"{prefix}_median_ms: {statistics.median(wall):.2f}")
    print(f"{prefix}_p95_ms: {p95(wall):.2f}")
    print(f"{prefix}_cpu_median_ms: {statistics.median(cpu):.2f}")
    print(f"{prefix}_cpu_p95_ms: {p95(cpu):.2f}")


@contextmanager
def server_database(admin_url: str) -> Iterator[str]:
    """A new database on the server for the run, dropped afterwards."""
    import psycopg

    name = f"rtw_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(admin_url)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def page(repository: CaseRepository) -> Callable[[str], object]:
    """One keystroke as the list model makes it: the first page and one row more."""
    return lambda text: repository.summaries(text, 0, PAGE + 1)


def main(argv: list[str] | None = None) -> int:
    """Fill a file (and a server database when one is named), time every keystroke, print `name: value` lines."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=CASES)
    parser.add_argument("--rounds", type=int, default=3, help="times each keystroke is timed")
    args = parser.parse_args(argv)
    texts = keystrokes()
    with tempfile.TemporaryDirectory(prefix="rtw-bench-") as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        start = time.perf_counter()
        fill(db, args.cases)
        print(f"search_cases: {args.cases}")
        print(f"search_keystrokes: {len(texts) * args.rounds}")
        print(f"search_fill_s: {time.perf_counter() - start:.1f}")
        repository = CaseRepository(db)
        timed(page(repository), texts, 1)  # warm the cache, as a list in use is
        times = timed(page(repository), texts, args.rounds)
        report("search", times)
        # Seconds a keystroke: every eighth keystroke is enough to tell.
        report("search_baseline", timed(lambda text: baseline(db, text), texts[::8], 1))
        report("search_baseline_like", timed(lambda text: baseline_like(db, text), texts, 1))
        print(f"search_target_met: {'yes' if p95(times[0]) <= TARGET_P95_MS else 'no'}")
        db.close()
    admin_url = os.environ.get(SERVER_URL_ENV)
    if admin_url:
        with server_database(admin_url) as url:
            db = open_database(url)
            fill(db, args.cases)
            db.execute_sql('ANALYZE "case"')
            repository = CaseRepository(db)
            timed(page(repository), texts, 1)
            report("search_pg", timed(page(repository), texts, args.rounds))
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
