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


# The main screens again on a 1366×768 laptop at 125% (1092×614 logical pixels, less a title bar and a task bar),
# and in dark mode; each variant runs in a process of its own, since Qt reads QT_SCALE_FACTOR once at start.
# (file name, the case view's tab by attribute, the plan's inner tab): by widget, so a tab added in front moves nothing
VARIANT_SCREENS = (("summary", "summary_view", None), ("case-details", "details", None),
                   ("job-demands", "demands_view", None), ("capacity", "capacity_view", None),
                   ("match", "match_view", None), ("plan-phased-return", "plan_view", 1),
                   ("plan-goals", "plan_view", 4), ("progress", "progress_view", None))
VARIANTS = {"laptop-125": {"QT_SCALE_FACTOR": "1.25"}, "dark": {}}
LAPTOP_WINDOW = (1092, 566)


def dark_palette() -> Any:
    """A dark palette on the Fusion style, as a desktop in dark mode gives."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in ((roles.Window, "#2b2b2b"), (roles.WindowText, "#f0f0f0"), (roles.Base, "#1e1e1e"),
                         (roles.AlternateBase, "#2a2a2a"), (roles.Text, "#f0f0f0"), (roles.Button, "#353535"),
                         (roles.ButtonText, "#f0f0f0"), (roles.ToolTipBase, "#353535"), (roles.ToolTipText, "#f0f0f0"),
                         (roles.Highlight, "#3d6fa8"), (roles.HighlightedText, "#ffffff"), (roles.Link, "#8ab4f8"),
                         (roles.PlaceholderText, "#a0a0a0"), (roles.Mid, "#444444"), (roles.Dark, "#202020")):
        palette.setColor(role, QColor(colour))
    return palette


def variant_shots(variant: str) -> int:
    """The main screens with the demo case, in one variant (run by main in a process of its own)."""
    scratch = Path(tempfile.mkdtemp(prefix="rtw-shots-"))
    os.environ["RTW_PLANNER_DATA_DIR"] = str(scratch)
    os.environ["LOGNAME"] = "sam"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import CaseRepository, ClinicRepository
    from rtw_planner.gui.app import create_application
    from rtw_planner.gui.mainwindow import MainWindow
    from rtw_planner.gui.settings import UiSettings

    app = create_application()
    if variant == "dark":
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    db = open_database(scratch / "shots.sqlite3")
    qsettings = QSettings(str(scratch / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(CaseRepository(db), ClinicRepository(db), UiSettings(qsettings))
    window.resize(*LAPTOP_WINDOW) if variant == "laptop-125" else window.resize(1280, 820)
    window.show()
    window.open_demo_case()
    view = window.case_view
    for name, tab, inner in VARIANT_SCREENS:
        view.tabs.setCurrentWidget(getattr(view, tab))
        if inner is not None:
            view.plan_view.tabs.setCurrentIndex(inner)
        settle(0.6 if name in ("match", "progress") else 0.2)  # charts draw when their tab is first shown
        QApplication.processEvents()
        window.grab().save(str(OUT / f"{variant}-{name}.png"))
        print(OUT.relative_to(ROOT) / f"{variant}-{name}.png")
    window.close()
    window.cases.db.close()
    qsettings.sync()
    shutil.rmtree(scratch, ignore_errors=True)
    del app
    return 0


def grab_typing_and_warning(window: Any, grab: Any) -> None:
    """A date of birth being typed (in the user's own format), then an evaluation dated in the future: the warning
    at its field and in the tab's title; both undone afterwards."""
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtTest import QTest

    view = window.case_view
    view.tabs.setCurrentWidget(view.details)
    born = view.form.date_of_birth_edit
    born.setFocus()
    born.selectAll()
    QTest.keyClicks(born, "14 Feb 1979")
    grab("date-typed")
    QTest.keyClick(born, Qt.Key.Key_Tab)
    grab("date-typed-accepted")
    view.tabs.setCurrentWidget(view.capacity_view)
    assessed = view.capacity_view.assessed_on_edit
    assessed.setFocus()
    assessed.setDate(QDate(2027, 1, 20))
    assessed.editingFinished.emit()
    settle(0.3)
    grab("warning-at-field")
    view.undo_stack.setIndex(0)
    grab_warning_at_cell(window, grab)


# The demo's handout is kept to four pages and the log sheet, so its case carries no sessions or fear hierarchy;
# these screens show the demo with both added (physiotherapy and group education; a hierarchy two steps up).
THERAPY = {
    "treatment": {"time": "avoid", "sessions": [
        {"kind": "physiotherapy", "weekdays": [1, 3], "start": "08:30", "end": "09:30", "first_day": "2027-01-05",
         "last_day": "2027-02-11"},
        {"kind": "group-education", "weekdays": [4], "start": "14:00", "end": "16:00", "first_day": "2027-01-08",
         "last_day": "2027-01-29"}]},
    "exposure": {"activities": [
        {"id": "shopping", "description": "Carrying the shopping in from the car", "fear": 40},
        {"id": "twist", "description": "Turning to put a box on the pallet", "fear": 60},
        {"id": "bend", "description": "Bending to pick a box from the bottom shelf", "fear": 70},
        {"id": "tote", "description": "Lifting a full tote from the floor", "fear": 85}], "exposures": [
        {"activity_id": "shopping", "on": "2026-10-05", "fear_before": 40, "fear_after": 30},
        {"activity_id": "shopping", "on": "2026-10-12", "fear_before": 35, "fear_after": 18},
        {"activity_id": "twist", "on": "2026-10-26", "fear_before": 60, "fear_after": 45},
        {"activity_id": "twist", "on": "2026-11-09", "fear_before": 50, "fear_after": 38},
        {"activity_id": "twist", "on": "2026-11-23", "fear_before": 42, "fear_after": 28},
        {"activity_id": "bend", "on": "2026-11-30", "fear_before": 70, "fear_after": 55}]},
}


def grab_therapy_tabs(window: Any, grab: Any) -> int:
    """The Plan's Treatment times and Graded exposure tabs, on a copy of the demo with sessions and a hierarchy;
    returns the copy's id."""
    import json

    from rtw_planner.assets import resource_path
    from rtw_planner.domain.case import casefile

    data = json.loads(resource_path("cases/demo-warehouse-picker.json").read_text(encoding="utf-8"))
    data["plan"].update(THERAPY)
    saved = window.cases.save(casefile.from_dict(data))
    window.open_case(saved.id)
    view = window.case_view
    view.tabs.setCurrentWidget(view.plan_view)
    for index, name in ((6, "plan-treatment-times"), (7, "plan-graded-exposure")):
        view.plan_view.tabs.setCurrentIndex(index)
        settle(0.4)
        grab(name)
    return int(saved.id)


def grab_warning_at_cell(window: Any, grab: Any) -> None:
    """A frequent lift typed above the occasional one: the cell marked, its tooltip and the tab's title; undone."""
    from rtw_planner.domain.demands.profile import Activity, Frequency
    from rtw_planner.domain.edits import demand_edits
    from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE

    view = window.case_view
    view.tabs.setCurrentWidget(view.demands_view)
    view.demands_view.tabs.setCurrentIndex(0)
    mark = view.undo_stack.index()
    view.push(demand_edits.set_strength(DEMANDS_PROFILE, Activity.LIFT_FLOOR_TO_WAIST, Frequency.FREQUENT, 40.0))
    view.settle()
    settle(0.3)
    grab("warning-at-cell")
    view.undo_stack.setIndex(mark)


def run_variants() -> int:
    """Each variant in a fresh process, with its environment."""
    import subprocess

    for variant, extra in VARIANTS.items():
        env = {**os.environ, **extra}
        code = subprocess.run([sys.executable, __file__, "--variant", variant], env=env, check=False).returncode
        if code:
            return code
    return 0


def main() -> int:
    """Open the demo case in a fresh data folder and grab each screen."""
    if len(sys.argv) == 3 and sys.argv[1] == "--variant":
        return variant_shots(sys.argv[2])
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
    window = MainWindow.opening(settings)  # as the app starts: the first window, then filled on the database
    window.resize(1280, 820)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def grab(name: str) -> None:
        QApplication.processEvents()
        window.grab().save(str(OUT / f"{name}.png"))
        print(OUT.relative_to(ROOT) / f"{name}.png")

    grab("opening")
    window.attach(CaseRepository(db), clinic)
    grab("welcome")
    window.open_demo_case()
    demo_id = window.case_view.case_id
    view = window.case_view
    for tab, name in (("summary_view", "case-summary"), ("details", "case-details"), ("demands_view", "job-demands"),
                      ("capacity_view", "capacity"), ("match_view", "match")):
        view.tabs.setCurrentWidget(getattr(view, tab))
        grab(name)
        if name == "match":  # the chart draws when the tab is first shown
            settle(0.5)
            grab(name)
    grab_typing_and_warning(window, grab)
    view.tabs.setCurrentWidget(view.demands_view)
    demands = window.case_view.demands_view
    for index, name in ((1, "job-demands-dot-factors"), (4, "job-demands-shift-and-tasks"),
                        (5, "job-demands-lifting-tasks")):
        demands.tabs.setCurrentIndex(index)
        grab(name)
    view.tabs.setCurrentWidget(view.plan_view)
    plan = window.case_view.plan_view
    for index, name in enumerate(("plan-fitness-and-safety", "plan-phased-return", "plan-graded-activity",
                                  "plan-adjustments", "plan-goals", "plan-flare-up")):
        plan.tabs.setCurrentIndex(index)
        settle(0.3)
        grab(name)
    view.tabs.setCurrentWidget(view.progress_view)
    settle(0.6)
    grab("progress")
    therapy_id = grab_therapy_tabs(window, grab)
    window.open_case(demo_id)
    window.cases.delete(therapy_id)  # the later screens list the demo alone
    window.reload_list()
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
    return run_variants()


if __name__ == "__main__":
    sys.exit(main())
