"""The run-count options every benchmark takes: --runs N (at least 15) or --quick for a 3-run smoke test."""

from __future__ import annotations

import argparse

MIN_RUNS = 15
QUICK_RUNS = 3


def parse_runs(description: str | None, argv: list[str] | None = None) -> argparse.Namespace:
    """Parse --runs/--quick; `runs` holds how many runs of each kind to time."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=MIN_RUNS, help=f"runs of each kind (>= {MIN_RUNS})")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_RUNS} runs of each kind")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs = QUICK_RUNS
    elif args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS} (use --quick for a smoke run)")
    return args
