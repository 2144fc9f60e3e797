"""The hostile-file fuzz of issue 15: mutated case files given to `import`, `match` and `plan`.

    python scripts/fuzz_import.py [--files 3000] [--seed 15] [--commands import,match,plan]

Each file is built from a small factory case (tests/factories.py) and mutated (tests/hostile_inputs.py). Every run
of a command must end in exit 0, or exit 2 (3 for a conflict) with one line of at most 300 characters on standard
error; anything else is counted as a traceback: an exception escaping the command line, or exit 1 ("internal
error, please report"). An import refused must add no case. Prints the figures and exits 1 when any run failed."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

MAX_MESSAGE = 300


def run_cli(argv: list[str]) -> tuple[int | str, str]:
    """The exit status (or the name of the exception that escaped) and standard error of one command line."""
    from rtw_planner.cli import main

    err, out = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            status: int | str = main(argv)
    except SystemExit as exc:  # argparse
        status = exc.code if isinstance(exc.code, int) else 2
    except BaseException as exc:  # noqa: BLE001 - what the fuzz counts
        status = type(exc).__name__
    return status, err.getvalue()


def clean_refusal(stderr: str) -> bool:
    """One line of at most 300 characters."""
    text = stderr.rstrip("\n")
    return bool(text) and "\n" not in text and len(text) <= MAX_MESSAGE and "Traceback" not in text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--commands", default="import,match,plan")
    parser.add_argument("--show", type=int, default=5, help="failures to print")
    args = parser.parse_args(argv)
    from hostile_inputs import mutated_case_text

    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import CaseRepository

    commands = args.commands.split(",")
    rng = random.Random(args.seed)
    figures: dict[str, Counter[str]] = {c: Counter() for c in commands}
    failures: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["RTW_PLANNER_DATA_DIR"] = folder
        db = Path(folder) / "fuzz.sqlite3"
        path = Path(folder) / "case.json"
        stored = 0
        for n in range(args.files):
            text = mutated_case_text(rng)
            path.write_text(text, encoding="utf-8", errors="surrogatepass")
            for command in commands:
                argv_ = {"import": ["--db", str(db), "import", str(path)],
                         "match": ["match", "--case", str(path), "--json"],
                         "plan": ["plan", "--case", str(path), "--start", "2027-01-04", "--json"]}[command]
                status, stderr = run_cli(argv_)
                if status == 0:
                    outcome = "accepted"
                elif status in (2, 3) and clean_refusal(stderr):
                    outcome = "refused cleanly"
                elif status in (2, 3):
                    outcome = "refused, message not one short line"
                else:
                    outcome = "traceback"
                figures[command][outcome] += 1
                if command == "import":
                    count = CaseRepository(open_database(db)).count()
                    if count != stored + (status == 0):
                        figures[command]["partial write"] += 1
                    stored = count
                if outcome not in ("accepted", "refused cleanly") and len(failures) < args.show:
                    failures.append(f"file {n}, {command}: {status}: {stderr.strip()[:400]!r}")
    elapsed = time.perf_counter() - started
    print(f"{args.files} mutated case files (seed {args.seed}), {elapsed:.0f} s")
    bad = 0
    for command, counts in figures.items():
        print(f"  {command:<7} " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        bad += sum(v for k, v in counts.items() if k not in ("accepted", "refused cleanly"))
    for failure in failures:
        print(f"  {failure}")
    print(f"tracebacks and unclean refusals: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
