"""Every menu action, keyed by an enum and built by one factory, with standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget


class Action(StrEnum):
    """The application's actions."""

    NEW_CASE = "new_case"
    OPEN_DEMO = "open_demo"
    IMPORT_CASE = "import_case"
    EXPORT_CASE = "export_case"
    EXPORT_OUTCOMES = "export_outcomes"
    CONNECT_SERVER = "connect_server"
    OPEN_LOCAL = "open_local"
    SAVE = "save"
    REVERT = "revert"
    ARCHIVE_CASE = "archive_case"
    EMPLOYER_LETTER = "employer_letter"
    PATIENT_HANDOUT = "patient_handout"
    MATCH_REPORT = "match_report"
    CLINIC_DETAILS = "clinic_details"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    UNDO_HISTORY = "undo_history"
    FIND = "find"
    UNITS_KG = "units_kg"
    UNITS_LB = "units_lb"
    FORCE_N = "force_n"
    FORCE_KGF = "force_kgf"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


Shortcut = QKeySequence.StandardKey | str | None
SPECS: dict[Action, tuple[str, Shortcut, str]] = {
    Action.NEW_CASE: ("&New case", QKeySequence.StandardKey.New, "Start a new case"),
    Action.OPEN_DEMO: ("Open &demo case", None, "Add the demo warehouse order picker case and open it"),
    Action.IMPORT_CASE: ("&Import case file…", QKeySequence.StandardKey.Open, "Import a case from a JSON case file"),
    Action.EXPORT_CASE: ("&Export case file…", "Ctrl+E", "Write this case to a JSON case file"),
    Action.EXPORT_OUTCOMES: ("Export &outcomes as CSV…", None, "Write this case's outcome scores and practice log"),
    Action.CONNECT_SERVER: ("Connect to clinic &server…", None,
                            "Work on the clinic's shared database on its PostgreSQL server"),
    Action.OPEN_LOCAL: ("Open &local file…", None, "Work on a database file on this computer"),
    Action.SAVE: ("&Save", QKeySequence.StandardKey.Save, "Save this case"),
    Action.REVERT: ("&Revert", None, "Discard unsaved edits to this case"),
    Action.ARCHIVE_CASE: ("&Archive or restore case", None, "Archive this case: it leaves the case list and the "
                          "caseload and keeps everything; an archived case is restored the same way"),
    Action.EMPLOYER_LETTER: ("&Employer letter…", QKeySequence.StandardKey.Print,
                             "Preview, issue and print the employer letter"),
    Action.PATIENT_HANDOUT: ("&Patient handout…", "Ctrl+Shift+H", "Preview, issue and print the patient handout"),
    Action.MATCH_REPORT: ("Job-&match report…", "Ctrl+Shift+R", "Preview, issue and print the job-match report"),
    Action.CLINIC_DETAILS: ("&Clinic details…", None, "Letterhead details printed on documents"),
    Action.QUIT: ("&Quit", QKeySequence.StandardKey.Quit, "Quit RTW Planner"),
    Action.UNDO: ("&Undo", QKeySequence.StandardKey.Undo, "Undo the last edit of this case"),
    Action.REDO: ("&Redo", QKeySequence.StandardKey.Redo, "Redo the edit just undone"),
    Action.UNDO_HISTORY: ("Undo &history", None, "Every edit of this case since it was opened; click one to go back "
                                                 "to it"),
    Action.FIND: ("&Find case", QKeySequence.StandardKey.Find, "Search the case list"),
    Action.UNITS_KG: ("Masses in &kg", None, "Show masses in kilograms"),
    Action.UNITS_LB: ("Masses in &lb", None, "Show masses in pounds"),
    Action.FORCE_N: ("Forces in &N", None, "Show forces in newtons"),
    Action.FORCE_KGF: ("Forces in k&gf", None, "Show forces in kilograms-force"),
    Action.SHORTCUTS: ("&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents,
                       "Every shortcut, and the keys that work in every window"),
    Action.ABOUT: ("&About RTW Planner", None, "Version and licences"),
}
# Shortcuts every platform gets besides its standard ones: Redo is Ctrl+Y on Windows and Ctrl+Shift+Z elsewhere.
EXTRA_SHORTCUTS: dict[Action, tuple[str, ...]] = {Action.REDO: ("Ctrl+Y", "Ctrl+Shift+Z")}


def make_action(action: Action, parent: QWidget, slot: Callable[[], object]) -> QAction:
    """Build the QAction for an enum member and connect it."""
    text, shortcut, tip = SPECS[action]
    qaction = QAction(text, parent)
    qaction.setObjectName(action.value)
    qaction.setStatusTip(tip)
    keys = QKeySequence.keyBindings(shortcut) if isinstance(shortcut, QKeySequence.StandardKey) else \
        [QKeySequence(shortcut)] if shortcut else []
    keys += [QKeySequence(extra) for extra in EXTRA_SHORTCUTS.get(action, ()) if QKeySequence(extra) not in keys]
    if keys:
        qaction.setShortcuts(keys)
    qaction.triggered.connect(lambda _checked=False: slot())
    return qaction


MENUS: dict[str, list[Action | None]] = {  # None: a separator
    "&File": [Action.NEW_CASE, Action.OPEN_DEMO, None, Action.IMPORT_CASE, Action.EXPORT_CASE, Action.EXPORT_OUTCOMES,
              None, Action.SAVE, Action.REVERT, Action.ARCHIVE_CASE, None, Action.CONNECT_SERVER, Action.OPEN_LOCAL,
              None, Action.CLINIC_DETAILS, None, Action.QUIT],
    "&Edit": [Action.UNDO, Action.REDO, Action.UNDO_HISTORY, None, Action.FIND],
    "&View": [Action.UNITS_KG, Action.UNITS_LB, None, Action.FORCE_N, Action.FORCE_KGF],
    "&Documents": [Action.EMPLOYER_LETTER, Action.PATIENT_HANDOUT, Action.MATCH_REPORT],
    "&Help": [Action.SHORTCUTS, None, Action.ABOUT],
}


def build_menus(window: QMainWindow, slots: Mapping[Action, Callable[[], object]],
                choices: Mapping[tuple[Action, Action], str]) -> dict[Action, QAction]:
    """Every action with its slot, the window's menus, and the pairs of exclusive choices (each checked where its unit,
    'units_kg' -> 'kg', is the current value)."""
    actions = {action: make_action(action, window, slot) for action, slot in slots.items()}
    for title, entries in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])
    for group_actions, current in choices.items():
        group = QActionGroup(window)
        for action in group_actions:
            qaction = actions[action]
            qaction.setCheckable(True)
            qaction.setChecked(action.value.split("_")[1] == current.lower())
            group.addAction(qaction)
    return actions
