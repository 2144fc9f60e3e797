"""Assembles the full main window once its database is open: the case list beside the welcome page, the filters,
the menus, the caseload home and the workplace. Imported after the opening frame is painted, with all it needs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget

from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.gui.actions import Action, build_menus
from rtw_planner.gui.case_files import CaseFiles
from rtw_planner.gui.case_list import CaseListFilters
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.home.install import install_home
from rtw_planner.gui.models.case_table import CaseTableModel
from rtw_planner.gui.widgets.undo_history import UndoHistory
from rtw_planner.gui.window_parts import case_list_panel, main_splitter, welcome_page
from rtw_planner.gui.workplace import Workplace, location_of

if TYPE_CHECKING:
    from rtw_planner.db.repository import CaseRepository, ClinicRepository
    from rtw_planner.gui.mainwindow import MainWindow


def assemble(window: MainWindow, cases: CaseRepository, clinic: ClinicRepository, location: str | Path | None,
             connector: Connector | None) -> None:
    """Give the window its parts on these repositories, replacing the opening page."""
    window.cases = cases
    window.clinic_repository = clinic
    window.undo_history = UndoHistory(window)  # Edit › Undo acts on the open case's history

    panel = case_list_panel(CaseTableModel(cases, window))
    window.search_edit, window.case_table, window.count_label = panel.search_edit, panel.table, panel.count_label
    window.archived_box = panel.archived_box
    window.case_model = panel.table.model()  # type: ignore[assignment]
    welcome = welcome_page()
    window.welcome_label, window.demo_button, window.new_button = welcome.label, welcome.demo_button, welcome.new_button
    window.demo_button.clicked.connect(window.open_demo_case)
    window.new_button.clicked.connect(window.new_case)

    window.stack = QStackedWidget()
    window.stack.addWidget(welcome.widget)
    window.splitter = main_splitter(panel.widget, window.stack)
    window.setCentralWidget(window.splitter)  # the opening page goes (Qt deletes it)

    window.list_filters = CaseListFilters(panel, window.case_model, window)
    window.list_filters.fill_clinicians(cases.clinicians())
    window.list_filters.filtered.connect(window.on_list_filtered)
    window.case_table.selectionModel().currentRowChanged.connect(window.on_case_row_changed)
    window.files = CaseFiles(window)
    add_menus(window)
    window.home = install_home(window)  # the caseload is the first screen
    window.workplace = Workplace(window, location or location_of(cases.db),
                                 connector or Connector(window.prompts, window.settings))
    window.workplace.apply_role()


def add_menus(window: MainWindow) -> None:
    """The menu bar, each action driving the window (Undo and Redo follow the open case's history)."""
    slots = {
        Action.NEW_CASE: window.new_case, Action.OPEN_DEMO: window.open_demo_case,
        Action.IMPORT_CASE: window.files.import_case, Action.EXPORT_CASE: window.files.export_case,
        Action.EXPORT_OUTCOMES: window.files.export_outcomes,
        Action.CONNECT_SERVER: lambda: window.workplace.connect_to_server(),
        Action.OPEN_LOCAL: lambda: window.workplace.open_local_file(),
        Action.SAVE: lambda: window.case_view.save(), Action.REVERT: lambda: window.case_view.revert(),
        Action.ARCHIVE_CASE: window.files.archive_or_restore,
        Action.EMPLOYER_LETTER: window.generate_employer_letter,
        Action.PATIENT_HANDOUT: lambda: window.open_document("patient-handout"),
        Action.MATCH_REPORT: lambda: window.open_document("match-report"), Action.CLINIC_DETAILS: window.edit_clinic,
        Action.QUIT: window.close, Action.FIND: window.focus_search, Action.ABOUT: window.show_about,
        Action.SHORTCUTS: window.show_shortcuts,
        Action.UNDO: window.undo_history.group.undo, Action.REDO: window.undo_history.group.redo,
        Action.UNDO_HISTORY: window.undo_history.show_panel,
        Action.UNITS_KG: lambda: window.set_units(mass=MassUnit.KG),
        Action.UNITS_LB: lambda: window.set_units(mass=MassUnit.LB),
        Action.FORCE_N: lambda: window.set_units(force=ForceUnit.N),
        Action.FORCE_KGF: lambda: window.set_units(force=ForceUnit.KGF),
    }
    choices = {(Action.UNITS_KG, Action.UNITS_LB): window.settings.mass_unit().value,
               (Action.FORCE_N, Action.FORCE_KGF): window.settings.force_unit().value}
    window.menu_actions = build_menus(window, slots, choices)
    window.undo_history.drive(window.menu_actions[Action.UNDO], window.menu_actions[Action.REDO])
