"""Alt-key letters are unique in each window as shown: the welcome page, every tab page of an open case (with the
menus and the tab rows above it) and each dialog; the walk itself finds a clash."""

from __future__ import annotations

from datetime import datetime

from access_walk import clashes, each_tab_view, mnemonic_keys
from gui_factories import planned_case, show_case
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QTabWidget, QWidget

from rtw_planner.db.errors import ConflictError
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog
from rtw_planner.gui.dialogs.conflict_box import conflict_box
from rtw_planner.gui.dialogs.connect_dialog import ConnectDialog
from rtw_planner.gui.dialogs.document_dialog import DocumentDialog
from rtw_planner.gui.dialogs.mmh_task_dialog import MmhTaskDialog
from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog
from rtw_planner.gui.dialogs.shortcuts_dialog import ShortcutsDialog
from rtw_planner.gui.team.conflict import Conflict


def _report(where: str, found: dict[str, list[str]]) -> list[str]:
    return [f"{where}: Alt+{key.upper()} for " + ", ".join(users) for key, users in sorted(found.items())]


def test_the_walk_finds_a_clash_and_leaves_out_hidden_pages_and_plain_labels(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QDialog()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    form.addRow("&Shift length", QLineEdit())  # a buddy label: Alt+S
    form.addRow(QPushButton("&Save"))  # Alt+S again
    form.addRow(QLabel("&Notes without a buddy"))  # no buddy: no key
    form.addRow(QCheckBox("Fish && chips"))  # a literal ampersand: no key
    tabs = QTabWidget()
    tabs.addTab(QPushButton("&Add task"), "&Tasks")
    hidden = QWidget()
    QPushButton("&Add lift", hidden)  # on the page not shown
    tabs.addTab(hidden, "&Lifting")
    form.addRow(tabs)
    window.show()
    keys = mnemonic_keys(window)
    assert sorted(keys) == ["a", "l", "s", "t"]
    assert clashes(keys) == {"s": ["QLabel 'Shift length'", "QPushButton 'Save'"]}
    views = dict(each_tab_view(window))
    assert list(views) == ["Tasks", "Lifting"]
    assert views["Lifting"]["a"] == ["QPushButton 'Add lift'"]


def test_the_welcome_page_has_no_clash(window) -> None:  # type: ignore[no-untyped-def]
    assert _report("welcome", clashes(mnemonic_keys(window))) == []


def test_the_details_tab_has_no_clash(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    view.tabs.setCurrentWidget(view.details)  # a case opens on its Summary
    assert _report("Details", clashes(mnemonic_keys(window))) == []
    assert mnemonic_keys(window)["l"] == ["QLabel employer_label 'Employer'"]  # Alt+E stays with the Edit menu


def test_every_tab_page_of_an_open_case_has_no_clash(window) -> None:  # type: ignore[no-untyped-def]
    show_case(window, planned_case())
    found = [line for where, keys in each_tab_view(window) for line in _report(where, clashes(keys))]
    assert found == [], "Alt-keys used twice:\n" + "\n".join(found)


def test_every_dialog_has_no_clash(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
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
    found = []
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        views = each_tab_view(dialog) or [(name, mnemonic_keys(dialog))]
        found += [line for where, keys in views for line in _report(f"{name} {where}", clashes(keys))]
    assert found == [], "Alt-keys used twice:\n" + "\n".join(found)
