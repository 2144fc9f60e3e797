"""Render the main screens offscreen into docs/screenshots/*.png (make screenshots), with the demo case."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))  # the checkout this script belongs to, not whichever copy the venv has installed


def settle(seconds: float) -> None:
    """Let Qt process events for a while (background rendering, first paint of charts)."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.05)


def grab_dialog(window: object, name: str) -> None:
    """The document dialog at a readable size, once the preview has drawn."""
    preview = window.preview  # type: ignore[attr-defined]
    preview.resize(1200, 900)
    settle(2.0)  # QPdfView renders pages in the background
    preview.grab().save(str(OUT / f"{name}.png"))
    print(OUT.relative_to(ROOT) / f"{name}.png")


def grab_team_screens(window: Any, path: Path, case_id: int) -> None:
    """The connect dialog, the message of a refused save (a colleague saved the case first), the change banner and
    the History tab."""
    from dataclasses import replace
    from datetime import datetime, timedelta

    from rtw_planner.db.database import open_database
    from rtw_planner.db.errors import ConflictError
    from rtw_planner.db.repository import CaseRepository
    from rtw_planner.domain.edits import case_edits
    from rtw_planner.gui.dialogs.conflict_box import conflict_box
    from rtw_planner.gui.dialogs.connect_dialog import ConnectDialog
    from rtw_planner.gui.team.conflict import Conflict
    from rtw_planner.gui.team.history import HistoryEntry
    from rtw_planner.gui.team.server import ServerAddress

    def grab_widget(widget: Any, name: str) -> None:
        widget.show()
        settle(0.2)
        widget.grab().save(str(OUT / f"{name}.png"))
        print(OUT.relative_to(ROOT) / f"{name}.png")

    connect = ConnectDialog(ServerAddress("clinic-db", 5432, "rtw_planner", "sam"), window)
    grab_widget(connect, "connect-dialog")
    connect.close()
    window.open_case(case_id)
    view = window.case_view
    colleague_db = open_database(path)
    colleague = CaseRepository(colleague_db)
    theirs = colleague.get(view.case_id)
    colleague.save(replace(theirs, job_title=f"{theirs.job_title} (lead)"))
    colleague_db.close()
    view.push(case_edits.set_case_field("employer", "Northgate Logistics Ltd"))
    try:
        window.cases.save(view.case)
    except ConflictError as refused:  # what the save button meets; on a file both saves are this user's
        conflict = replace(Conflict.of(refused), changed_by="kim")  # the colleague
        box, _ = conflict_box(window, conflict)
        grab_widget(box, "conflict-message")
        box.close()
    view.show_changed_elsewhere("kim", datetime.now())
    grab_widget(window, "change-banner")
    view.revert()
    view.banner.hide()
    if view.history_view.source is not None and view.history_view.source(view.case_id) is None:
        case = view.case
        now = datetime.now().replace(second=0, microsecond=0)  # no audit trail in this database yet: an example
        review = case.review_date or now.date()
        sample = [HistoryEntry(now - timedelta(minutes=minutes), who, what, field, old, new)
                  for minutes, who, what, field, old, new in (
                      (5, "sam", f"changed case {view.case_id}", "job title", case.job_title,
                       f"{case.job_title} (lead)"),
                      (62, "kim", f"changed case {view.case_id}", "review date", str(review - timedelta(days=7)),
                       str(review)),
                      (1440, "sam", "added outcome record 3", "", "", "instrument: PEG; score: 5.7"),
                      (2900, "sam", f"added case {view.case_id}", "", "",
                       f"employer: {case.employer}; job title: {case.job_title}"))]
        view.history_view.source = lambda case_id: sample
    view.tabs.setCurrentWidget(view.history_view)
    view.history_view.refresh()
    grab_widget(window, "history")


def main() -> int:
    """Open the demo case in a fresh data folder and grab each screen."""
    scratch = Path(tempfile.mkdtemp(prefix="rtw-shots-"))
    os.environ["RTW_PLANNER_DATA_DIR"] = str(scratch)
    os.environ["LOGNAME"] = "sam"  # the user the status bar and the saves name (getpass reads LOGNAME first)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import CaseRepository, ClinicRepository
    from rtw_planner.domain.case.model import Clinic
    from rtw_planner.gui.app import create_application
    from rtw_planner.gui.mainwindow import MainWindow
    from rtw_planner.gui.settings import UiSettings

    app = create_application()
    db = open_database(scratch / "shots.sqlite3")
    clinic = ClinicRepository(db)
    clinic.save(Clinic(name="Riverside Pain & Rehabilitation Clinic", address="12 Mill Lane\nLeeds LS1 4AB",
                       phone="0113 496 0000", email="rehab@riverside.example"))
    qsettings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    settings = UiSettings(qsettings)
    window = MainWindow(CaseRepository(db), clinic, settings)
    window.resize(1280, 820)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def grab(name: str) -> None:
        QApplication.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
        print(OUT.relative_to(ROOT) / f"{name}.png")

    grab("welcome")
    window.open_demo_case()
    demo_id = window.case_view.case_id
    for index, name in enumerate(("case-details", "job-demands", "capacity", "match")):
        window.case_view.tabs.setCurrentIndex(index)
        grab(name)
        if name == "match":  # the chart draws when the tab is first shown
            settle(0.5)
            grab(name)
    window.case_view.tabs.setCurrentIndex(1)
    demands = window.case_view.demands_view
    for index, name in ((1, "job-demands-dot-factors"), (4, "job-demands-shift-and-tasks"),
                        (5, "job-demands-lifting-tasks")):
        demands.tabs.setCurrentIndex(index)
        grab(name)
    window.case_view.tabs.setCurrentIndex(4)
    plan = window.case_view.plan_view
    for index, name in enumerate(("plan-fitness-and-safety", "plan-phased-return", "plan-graded-activity",
                                  "plan-adjustments", "plan-goals", "plan-flare-up")):
        plan.tabs.setCurrentIndex(index)
        settle(0.3)
        grab(name)
    window.case_view.tabs.setCurrentIndex(5)
    settle(0.6)
    grab("progress")
    from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog

    calculator = NioshDialog(window.case_view.current_case().demands.lifting_tasks[0], window)
    calculator.show()
    settle(0.2)
    calculator.grab().save(str(OUT / "niosh-calculator.png"))
    print(OUT.relative_to(ROOT) / "niosh-calculator.png")
    calculator.close()
    window.open_document("employer-letter")  # every page of every document: scripts/document_pages.py
    if window.preview is not None:
        grab_dialog(window, "document-dialog")
        window.preview.close()
    # A case just started: the pre-flight lists everything that blocks issuing, and Issue is off.
    window.new_case()
    window.case_view.form.patient_name_edit.setText("Amira Haddad")
    window.case_view.form.employer_edit.setText("Northgate Distribution Ltd")
    window.case_view.save()
    window.open_document("employer-letter")
    if window.preview is not None:
        grab_dialog(window, "document-dialog-preflight")
        window.preview.close()
    grab_team_screens(window, scratch / "shots.sqlite3", demo_id)
    window.close()
    window.cases.db.close()
    qsettings.sync()  # written now, so nothing is left to write into the folder after it is removed
    shutil.rmtree(scratch, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
