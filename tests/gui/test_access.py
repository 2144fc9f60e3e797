"""Every input announces a name to a screen reader: the main window, each tab of an open case and each dialog are
walked, and the walk itself tells named from unnamed inputs."""

from __future__ import annotations

from datetime import datetime

from access_walk import unnamed_inputs
from gui_factories import planned_case, show_case
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QSpinBox, QTableView, QVBoxLayout

from rtw_planner.db.errors import ConflictError
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog
from rtw_planner.gui.dialogs.conflict_box import conflict_box
from rtw_planner.gui.dialogs.connect_dialog import ConnectDialog
from rtw_planner.gui.dialogs.document_dialog import DocumentDialog
from rtw_planner.gui.dialogs.findings_view import FindingsView
from rtw_planner.gui.dialogs.mmh_task_dialog import MmhTaskDialog
from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog
from rtw_planner.gui.dialogs.shortcuts_dialog import ShortcutsDialog
from rtw_planner.gui.team.conflict import Conflict


def test_the_walk_counts_an_unnamed_field_and_accepts_a_buddy_label_or_a_set_name(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QDialog()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    unnamed, by_buddy, by_name = QLineEdit(), QLineEdit(), QTableView()
    unnamed.setObjectName("unnamed_edit")
    form.addRow(unnamed)
    form.addRow("&Employer", by_buddy)  # the form's label is the field's buddy: Qt reads it out
    by_name.setAccessibleName("Tasks")
    form.addRow(by_name)
    form.addRow(QSpinBox())  # its inner line edit is part of it; the spin box itself is unnamed
    form.addRow(QCheckBox("Checked by the clinician"))  # a check box with text names itself
    assert unnamed_inputs(window) == ["unnamed_edit (QLineEdit)", "a QSpinBox in the window (QSpinBox)"]


def test_a_label_that_is_not_a_buddy_names_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QDialog()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Hours per week"))  # next to the field on screen, but not tied to it
    layout.addWidget(QLineEdit())
    assert unnamed_inputs(window) == ["a QLineEdit in the window (QLineEdit)"]


def test_the_main_window_names_its_search_box_and_case_list(window) -> None:  # type: ignore[no-untyped-def]
    assert unnamed_inputs(window) == []
    assert window.search_edit.accessibleName() == "Search cases"
    assert window.case_table.accessibleName() == "Cases"


def test_every_tab_of_an_open_case_names_its_inputs(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    unnamed = [f"{view.tabs.tabText(i).replace('&', '')}: {widget}" for i in range(view.tabs.count())
               for widget in unnamed_inputs(view.tabs.widget(i))]
    assert unnamed == [], "inputs without an accessible name:\n" + "\n".join(unnamed)


def test_the_window_around_an_open_case_names_its_inputs(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    outside_tabs = [widget for widget in unnamed_inputs(window) if not any(
        widget in unnamed_inputs(view.tabs.widget(i)) for i in range(view.tabs.count()))]
    assert outside_tabs == []


def _dialogs(repositories, prompts) -> dict[str, QDialog]:  # type: ignore[no-untyped-def]
    cases, clinics = repositories
    case = planned_case()
    saved = cases.save(case)
    box, _ = conflict_box(None, Conflict.of(ConflictError(saved.id, 5, 4, "sam", datetime(2026, 12, 6, 14, 5))))
    dialogs: dict[str, QDialog] = {
        "clinic": ClinicDialog(Clinic(name="Riverside"), prompts), "connect": ConnectDialog(None),
        "NIOSH": NioshDialog(case.demands.lifting_tasks[0]), "handling": MmhTaskDialog(), "conflict": box,
        "shortcuts": ShortcutsDialog()}
    for kind in DocumentKind:
        dialogs[f"document {kind.value}"] = DocumentDialog(kind, saved.id, cases, clinics, prompts, lambda: False)
    return dialogs


def test_every_dialog_names_its_inputs(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    unnamed = []
    for name, dialog in _dialogs(repositories, prompts).items():
        qtbot.addWidget(dialog)
        dialog.show()
        unnamed += [f"{name}: {widget}" for widget in unnamed_inputs(dialog)]
    findings = FindingsView()
    qtbot.addWidget(findings)
    unnamed += [f"findings: {widget}" for widget in unnamed_inputs(findings)]
    assert unnamed == [], "inputs without an accessible name:\n" + "\n".join(unnamed)
