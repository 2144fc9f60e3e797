"""GUI fixtures: a database on a temporary file, isolated QSettings, and scripted prompts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.case.model import Clinic
from rtw_planner.gui.kit.choices import ConflictChoice, UnsavedChoice
from rtw_planner.gui.mainwindow import MainWindow
from rtw_planner.gui.prompts import Prompts
from rtw_planner.gui.pyside_fix import keep_singletons_alive
from rtw_planner.gui.settings import UiSettings
from rtw_planner.gui.team.conflict import Conflict
from rtw_planner.gui.team.server import ServerAddress

keep_singletons_alive()  # as the app does before Qt starts


class ScriptedPrompts(Prompts):
    """Answers questions from a script and records what was asked. The app's own dialogs (the NIOSH calculator, the
    clinic details) are built for real and handed to `fill_in`, which edits them and accepts or rejects them; with
    no `fill_in` they are cancelled."""

    def __init__(self) -> None:
        self.unsaved_answer = UnsavedChoice.CANCEL
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.file_name = ""
        self.confirm_answer = True
        self.text_answer = ""
        self.questions: list[str] = []
        self.print_to: Path | None = None  # a PDF file the "printer" writes; None cancels printing
        self.fill_in: Callable[[QDialog], None] | None = None
        self.dialogs: list[QDialog] = []  # the dialogs run, in order
        self.conflict_answer = ConflictChoice.CANCEL
        self.conflicts: list[Conflict] = []
        self.informed: list[str] = []
        self.password_answer: str | None = None
        self.passwords_asked: list[str] = []
        self.server_answers: list[ServerAddress] = []  # answered in turn; then the dialog is cancelled
        self.servers_offered: list[ServerAddress | None] = []

    def run(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        if self.fill_in is None:
            dialog.reject()
        else:
            self.fill_in(dialog)
        return dialog.result()

    def unsaved_changes(self, parent: object, what: str) -> UnsavedChoice:  # type: ignore[override]
        self.asked.append(what)
        return self.unsaved_answer

    def confirm(self, parent: object, title: str, question: str) -> bool:  # type: ignore[override]
        self.questions.append(question)
        return self.confirm_answer

    def text(self, parent: object, title: str, label: str, default: str = "") -> str:  # type: ignore[override]
        return self.text_answer

    def error(self, parent: object, title: str, message: str) -> None:  # type: ignore[override]
        self.errors.append(message)

    def inform(self, parent: object, title: str, message: str) -> None:  # type: ignore[override]
        self.informed.append(message)

    def conflict(self, parent: object, conflict: Conflict) -> ConflictChoice:  # type: ignore[override]
        self.conflicts.append(conflict)
        return self.conflict_answer

    def password(self, parent: object, title: str, label: str) -> str | None:  # type: ignore[override]
        self.passwords_asked.append(label)
        return self.password_answer

    def server_address(self, parent: object, last: ServerAddress | None) -> ServerAddress | None:  # type: ignore[override]
        self.servers_offered.append(last)
        return self.server_answers.pop(0) if self.server_answers else None

    def save_file_name(self, parent: object, title: str, suggested: str, file_filter: str) -> str:  # type: ignore[override]
        return self.file_name

    def open_file_name(self, parent: object, title: str, folder: str, file_filter: str) -> str:  # type: ignore[override]
        return self.file_name

    def printer(self, parent: object) -> QPrinter | None:  # type: ignore[override]
        if self.print_to is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return printer


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test database lives."""
    return tmp_path / "gui.sqlite3"


@pytest.fixture
def repositories(db_path: Path) -> Iterator[tuple[CaseRepository, ClinicRepository]]:
    """Repositories over a freshly migrated database."""
    db = open_database(db_path)
    clinic = ClinicRepository(db)
    clinic.save(Clinic(name="Test Clinic", phone="0100 000 000"))
    yield CaseRepository(db), clinic
    db.close()


@pytest.fixture
def prompts() -> ScriptedPrompts:
    """Prompts that never block."""
    return ScriptedPrompts()


@pytest.fixture
def ui_settings(tmp_path: Path) -> UiSettings:
    """QSettings in a temporary ini file."""
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, repositories, ui_settings, prompts) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window, shown offscreen."""
    cases, clinic = repositories
    main = MainWindow(cases, clinic, ui_settings, prompts)
    qtbot.addWidget(main)
    main.show()
    return main
