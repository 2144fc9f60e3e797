"""The layer contracts hold, and the app reaches its first window without the heavy libraries: the opening frame
without the database or the rest of the GUI, the full window without charts, PDFs or the whole case model."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "7 kept, 0 broken" in result.stdout


def test_core_layers_load_without_qt() -> None:
    code = ("import sys, rtw_planner.cli, rtw_planner.db.repository, rtw_planner.reports.employer_letter;"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'pyqtgraph'}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


# What the first window must not load, even with cases on its caseload: the chart, PDF and schema libraries, the
# server driver, and the full case model (its whole-case values, demands, capacity, plan and match), which the
# home's caseload does without (CaseDates) and the case view loads when a case is opened.
NOT_AT_STARTUP = ("pyqtgraph", "numpy", "reportlab", "jsonschema", "psycopg", "rtw_planner.domain.case.model",
                  "rtw_planner.domain.plan", "rtw_planner.domain.capacity", "rtw_planner.domain.match",
                  "rtw_planner.domain.demands.job", "rtw_planner.domain.checks", "rtw_planner.db.case_rows",
                  "rtw_planner.gui.widgets.case_view")


def modules_at_startup(database: Path, data_dir: Path, exit_when: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules of prefixes the app had imported when it quit (exit_when: "first" window, or "1" for full)."""
    code = ("import sys\nfrom rtw_planner.gui.app import run\ncode = run(sys.argv[1])\n"
            "print(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2:]))))\n"
            "sys.exit(code)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RTW_PLANNER_EXIT_WHEN_SHOWN=exit_when,
               RTW_PLANNER_DATA_DIR=str(data_dir))
    result = subprocess.run([sys.executable, "-c", code, str(database), *prefixes],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    return list(ast.literal_eval(result.stdout.strip().splitlines()[-1]))


def test_first_window_appears_before_heavy_imports(tmp_path: Path) -> None:
    from datetime import date, timedelta

    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import CaseRepository
    from rtw_planner.domain.case.model import Case

    db = open_database(tmp_path / "s.sqlite3")
    # Two on the caseload (a review due, one overdue), one not: the home lists what is due at startup.
    CaseRepository(db).insert_many_for_benchmark([
        Case("Ann Due", review_date=date.today() + timedelta(days=2)),
        Case("Ben Overdue", review_date=date.today() - timedelta(days=3)), Case("Cal Later")])
    db.close()
    assert modules_at_startup(tmp_path / "s.sqlite3", tmp_path, "1", NOT_AT_STARTUP) == []


# What the opening frame is painted without: the database layer and its driver, the domain's case values, and the
# window's own parts (the case list, the home, the menus), all imported once it is on screen.
NOT_BEFORE_THE_FRAME = ("peewee", "sqlite3", "rtw_planner.db", "rtw_planner.domain.case", "rtw_planner.domain.caseload",
                        "rtw_planner.gui.window_parts", "rtw_planner.gui.home", "rtw_planner.gui.actions",
                        "rtw_planner.gui.models", "rtw_planner.gui.connecting", "rtw_planner.commands")


def test_the_opening_frame_is_painted_before_the_database_and_the_window_parts(tmp_path: Path) -> None:
    imported = modules_at_startup(tmp_path / "s.sqlite3", tmp_path, "first",
                                  (*NOT_BEFORE_THE_FRAME, "rtw_planner.gui.mainwindow"))
    assert imported == ["rtw_planner.gui.mainwindow"]  # the window itself is there: the frame is the main window
    assert not (tmp_path / "s.sqlite3").exists()


def test_ruff_and_mypy_are_clean() -> None:
    bin_dir = Path(sys.executable).parent
    ruff = subprocess.run([str(bin_dir / "ruff"), "check", "rtw_planner", "tests", "benchmarks", "scripts"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert ruff.returncode == 0, ruff.stdout
    mypy = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert mypy.returncode == 0, mypy.stdout
