"""The main window: the case list with a search box beside the open case, menus and documents. It opens in two
steps: a frame that says it is opening (painted before the database and the rest of the GUI are imported), then
everything else, once the database is open (`attach`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from rtw_planner import __version__
from rtw_planner.gui import settings as keys
from rtw_planner.gui.kit.choices import UnsavedChoice
from rtw_planner.gui.opening import OpeningPage
from rtw_planner.gui.prompts import Prompts
from rtw_planner.gui.settings import UiSettings
from rtw_planner.gui.window_size import MINIMUM_WINDOW, default_size, initial_split

if TYPE_CHECKING:  # the full window's parts are imported by attach(), after the first window is on screen
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSplitter, QStackedWidget, QTableView

    from rtw_planner.db.repository import CaseRepository, ClinicRepository
    from rtw_planner.domain.case.model import Case
    from rtw_planner.domain.demands.units import ForceUnit, MassUnit
    from rtw_planner.gui.actions import Action
    from rtw_planner.gui.case_files import CaseFiles
    from rtw_planner.gui.case_list import CaseListFilters
    from rtw_planner.gui.connecting import Connector
    from rtw_planner.gui.dialogs.document_dialog import DocumentDialog
    from rtw_planner.gui.home.caseload_page import CaseloadPage
    from rtw_planner.gui.models.case_table import CaseTableModel
    from rtw_planner.gui.widgets.case_view import CaseView
    from rtw_planner.gui.widgets.undo_history import UndoHistory
    from rtw_planner.gui.workplace import Workplace

APP_TITLE = "RTW Planner"


class MainWindow(QMainWindow):
    """Case list on the left, the open case on the right. Made with repositories it is whole at once; made by
    `opening` it shows only that it is opening until `attach` gives it the database."""

    cases: CaseRepository
    clinic_repository: ClinicRepository
    undo_history: UndoHistory
    search_edit: QLineEdit
    case_table: QTableView
    count_label: QLabel
    archived_box: QCheckBox
    case_model: CaseTableModel
    welcome_label: QLabel
    demo_button: QPushButton
    new_button: QPushButton
    stack: QStackedWidget
    splitter: QSplitter
    list_filters: CaseListFilters
    files: CaseFiles
    home: CaseloadPage
    workplace: Workplace

    def __init__(self, cases: CaseRepository | None, clinic: ClinicRepository | None, settings: UiSettings,
                 prompts: Prompts | None = None, location: str | Path | None = None,
                 connector: Connector | None = None) -> None:
        super().__init__()
        self.settings = settings
        self.prompts = prompts or Prompts()
        self.attached = False  # True once the database and the full window are in
        self.menu_actions: dict[Action, QAction] = {}
        self.preview: DocumentDialog | None = None
        self._shortcuts: QWidget | None = None
        self._case_view: CaseView | None = None  # built when first needed, to keep startup fast
        self._case_area: QWidget | None = None  # the case view in its scroll area
        self._split_restored = False
        self.setWindowTitle(APP_TITLE)
        self.resize(default_size(self.screen()))
        self.setMinimumSize(*MINIMUM_WINDOW)
        self.opening_page = OpeningPage()
        self.setCentralWidget(self.opening_page)
        geometry = self.settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        if cases is not None and clinic is not None:
            self.attach(cases, clinic, location, connector)

    @classmethod
    def opening(cls, settings: UiSettings, prompts: Prompts | None = None) -> MainWindow:
        """The window at its remembered place and size, saying it is opening the caseload; `attach` fills it."""
        return cls(None, None, settings, prompts)

    def attach(self, cases: CaseRepository, clinic: ClinicRepository, location: str | Path | None = None,
               connector: Connector | None = None) -> None:
        """Build the full window on the open database: the case list, the caseload home, the menus."""
        from rtw_planner.gui.window_assembly import assemble  # the full window's modules, once the frame is shown

        assemble(self, cases, clinic, location, connector)
        self.attached = True
        self._restore_split()
        self._update_count()
        self.update_actions()
        if self.focusWidget() is None:  # filled after it was shown: Qt gave the keyboard to nothing (a label)
            self.search_edit.setFocus()  # where it starts when the window is shown whole: first in the Tab order

    # -- building --------------------------------------------------------------------------------------------
    @property
    def case_view(self) -> CaseView:
        """The case editor (created on first use)."""
        if self._case_view is None:
            from rtw_planner.gui.widgets.case_view import CaseView  # deferred: the first screen is the caseload
            from rtw_planner.gui.window_parts import scrolled

            view = CaseView(self.cases, self.prompts)
            view.set_units(self.settings.mass_unit(), self.settings.force_unit())
            view.set_role(self.workplace.role)
            view.dirty_changed.connect(self._on_case_view_dirty_changed)
            view.saved.connect(self._on_case_view_saved)
            view.reloaded.connect(lambda case_id: self.workplace.watch.track(case_id))
            view.undo_stack_changed.connect(self.undo_history.follow)
            self.undo_history.follow(view.undo_stack)
            self._case_area = scrolled(view)
            self.stack.addWidget(self._case_area)
            self._case_view = view
        return self._case_view

    def has_case_view(self) -> bool:
        """True once the case editor was built (it is built when first needed)."""
        return self._case_view is not None

    def close_case_view(self) -> None:
        """Drop the case editor (its edits resolved first) and the document window, showing the welcome page."""
        if self.preview is not None:
            self.preview.close()
            self.preview = None
        if self._case_view is not None and self._case_area is not None:
            self.stack.setCurrentIndex(0)
            self.stack.removeWidget(self._case_area)
            self._case_area.deleteLater()  # the view, and its undo stack, leave the Edit menu's group with it
            self._case_view = self._case_area = None

    def _case_shown(self) -> bool:
        return self._case_area is not None and self.stack.currentWidget() is self._case_area

    def _show_case_view(self) -> None:
        self.stack.setCurrentWidget(self.case_area)

    @property
    def case_area(self) -> QWidget:
        """The case view's scroll area, the page of the stack that shows a case."""
        _ = self.case_view
        assert self._case_area is not None
        return self._case_area

    def _restore_split(self) -> None:
        splitter = self.settings.get(keys.SPLITTER_STATE)
        self._split_restored = not splitter.isEmpty() and self.splitter.restoreState(splitter)
        if self.isVisible():  # filled after its first showing: show and lay out the new content, then share it
            self.splitter.show()
            self._share_width(self.splitter.width())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self.attached:
            self._share_width(self.splitter.width() or self.width())

    def _share_width(self, width: int) -> None:
        """The first showing without a remembered split shares the width by what this window's size allows."""
        if not self._split_restored:
            self._split_restored = True
            self.splitter.setSizes(initial_split(width))

    # -- state -----------------------------------------------------------------------------------------------
    def _update_count(self) -> None:
        self.list_filters.show_count()
        if not self._case_shown():
            none_yet = not self.cases.has_cases()
            self.welcome_label.setText(
                "<h2>Welcome to RTW Planner</h2><p>There are no cases yet. Open the demo case to look around, "
                "or start a new case.</p>" if none_yet else "<h2>RTW Planner</h2><p>Choose a case from the list, "
                "or start a new one.</p>")

    def update_actions(self) -> None:
        """Enable what applies now, and name the case and the database in the title."""
        from rtw_planner.gui.actions import Action

        has_case = self._case_shown()
        dirty = has_case and self.case_view.is_dirty()
        self.menu_actions[Action.SAVE].setEnabled(has_case and dirty)
        self.menu_actions[Action.REVERT].setEnabled(has_case and dirty)
        self.menu_actions[Action.ARCHIVE_CASE].setEnabled(has_case and not dirty and self.case_view.case_id is not None)
        for action in (Action.EXPORT_CASE, Action.EXPORT_OUTCOMES, Action.EMPLOYER_LETTER, Action.PATIENT_HANDOUT,
                       Action.MATCH_REPORT):
            self.menu_actions[action].setEnabled(has_case and self.case_view.case_id is not None)
        title = f"{self.workplace.short_name} — {APP_TITLE}"
        if has_case:
            name = self.case_view.form.patient_name_edit.text().strip() or "New case"
            title = f"{name}[*] — {title}"
        self.setWindowTitle(title)
        self.setWindowModified(has_case and dirty)

    def resolve_unsaved(self) -> bool:
        """Ask about unsaved edits; True if it is fine to move on."""
        if self._case_view is None or not self._case_view.is_dirty():
            return True
        choice = self.prompts.unsaved_changes(self, "This case")
        if choice is UnsavedChoice.SAVE:
            return self.case_view.save()
        if choice is UnsavedChoice.DISCARD:
            self.case_view.revert()
            return True
        return False

    # -- cases -----------------------------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        """Show a saved case and select it in the list (unless the role may not open it, or it is gone)."""
        from rtw_planner.db.errors import NotFoundError, PermissionDeniedError

        try:
            case = self.cases.get(case_id)
        except (PermissionDeniedError, NotFoundError) as exc:
            self.prompts.error(self, "Cannot open the case", str(exc))
            self.reload_list()
            return
        self.case_view.load(case)
        self.workplace.watch.track(case_id)
        self._show_case_view()
        self._select_row_of(case_id)
        self.update_actions()

    def _select_row_of(self, case_id: int) -> None:
        row = self.case_model.row_of(case_id)
        selection = self.case_table.selectionModel()
        selection.blockSignals(True)
        try:
            if row is None:
                selection.clearSelection()
            else:
                index = self.case_model.index(row, 0)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                self.case_table.scrollTo(index)
        finally:
            selection.blockSignals(False)

    def new_case(self) -> None:
        """Start an empty case (nothing is saved until Save)."""
        if not self.resolve_unsaved():
            return
        self.case_table.selectionModel().clearSelection()
        self.case_view.load(None)
        self._show_case_view()
        self.update_actions()

    def open_demo_case(self) -> None:
        """Add a fresh copy of the demo case, its dates moved to stand to today, and open it."""
        if not self.resolve_unsaved():
            return
        from datetime import date

        from rtw_planner.domain.case.demo import demo_case

        self.files.store_or_open(demo_case(date.today()))  # the demo already here is opened, if the user agrees

    def store_new(self, case: Case) -> None:
        """Save a new case (the demo, an imported file) and open it; a busy or refusing database is explained."""
        from rtw_planner.db.errors import BusyError, PermissionDeniedError

        try:
            saved = self.cases.save(case)
        except (BusyError, PermissionDeniedError) as exc:
            self.prompts.error(self, "Not saved", str(exc))
            return
        self.workplace.watch.note_own_change()
        self.reload_list()
        assert saved.id is not None
        self.open_case(saved.id)

    def shown_case_id(self) -> int | None:
        """The id of the saved case on screen, if one is."""
        return self._case_view.case_id if self._case_shown() and self._case_view else None

    def reload_list(self) -> None:
        """Read the case list again (same search and filters), keeping the open case selected."""
        self.list_filters.fill_clinicians(self.cases.clinicians())
        self.list_filters.search_now()

    # -- documents -------------------------------------------------------------------------------------------
    def open_document(self, kind_name: str) -> Path | None:
        """Open the document dialog for the saved case and preview a draft; returns the draft's path."""
        case_id = self.shown_case_id()
        if case_id is None or not self.resolve_unsaved():
            return None
        from rtw_planner.domain.issuing.disclosure import DocumentKind
        from rtw_planner.gui.dialogs.document_dialog import DocumentDialog

        if self.preview is not None:
            self.preview.close()  # one document window at a time; closing it deletes its drafts
        self.preview = DocumentDialog(DocumentKind(kind_name), case_id, self.cases, self.clinic_repository,
                                      self.prompts, lambda: self._has_unsaved_edits(case_id), self)
        self.preview.show()
        self.preview.activateWindow()  # non-modal: it must not open behind the main window
        return self.preview.render_draft()

    def _has_unsaved_edits(self, case_id: int) -> bool:
        view = self._case_view
        return view is not None and view.case_id == case_id and view.is_dirty()

    def generate_employer_letter(self) -> Path | None:
        """The employer letter's dialog with a draft."""
        return self.open_document("employer-letter")

    def edit_clinic(self) -> None:
        """Edit the letterhead details."""
        clinic = self.prompts.clinic_details(self, self.clinic_repository.get())  # tests answer it, never block
        if clinic is not None:
            self.clinic_repository.save(clinic)
            if self.preview is not None and self.preview.isVisible():
                self.preview.refresh_from_store()  # letterhead, units and jurisdiction rules may have changed

    # -- slots -----------------------------------------------------------------------------------------------
    def on_list_filtered(self) -> None:
        """The list was searched or filtered: count again, and keep the open case selected if it is listed."""
        self._update_count()
        if self._case_view is not None and self._case_view.case_id is not None:
            self._select_row_of(self._case_view.case_id)

    def on_case_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        """A row of the list became current: open its case (unless the open one's edits are kept)."""
        case_id = self.case_model.case_id(current.row()) if current.isValid() else None
        if case_id is None or (self._case_view is not None and case_id == self._case_view.case_id):
            return
        if not self.resolve_unsaved():
            # Stay on the case being edited.
            QTimer.singleShot(0, lambda: self._select_row_of(self.case_view.case_id or 0))
            return
        self.open_case(case_id)

    def _on_case_view_dirty_changed(self, _dirty: bool) -> None:
        self.update_actions()
        if self.preview is not None and self.preview.isVisible():
            self.preview.on_case_dirty_changed()

    def _on_case_view_saved(self, case_id: int) -> None:
        self.workplace.watch.track(case_id)
        self.workplace.watch.note_own_change()
        self.reload_list()
        self._select_row_of(case_id)
        self.update_actions()
        self.statusBar().showMessage("Saved", 3000)
        if self.preview is not None and self.preview.isVisible():
            self.preview.on_case_saved(case_id)

    def focus_search(self) -> None:
        """Edit › Find: the keyboard in the search box, its text selected."""
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def show_shortcuts(self) -> QWidget:
        """Help › Keyboard shortcuts, beside the window (not modal: the keys can be tried while it is open)."""
        from rtw_planner.gui.dialogs.shortcuts_dialog import ShortcutsDialog

        if self._shortcuts is None:
            self._shortcuts = ShortcutsDialog(self)
        self._shortcuts.show()
        self._shortcuts.activateWindow()
        return self._shortcuts

    def show_about(self) -> None:
        """Help › About."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, "About RTW Planner",
                          f"<b>RTW Planner {__version__}</b><p>Return-to-work and rehabilitation planning.</p>"
                          "<p>Fonts: DejaVu (Bitstream Vera licence).</p>")

    def set_units(self, mass: MassUnit | None = None, force: ForceUnit | None = None) -> None:
        """View › Units: remembered, and shown at once in the open case."""
        if mass is not None:
            self.settings.set(keys.MASS_UNIT, mass.value)
        if force is not None:
            self.settings.set(keys.FORCE_UNIT, force.value)
        if self._case_view is not None:
            self._case_view.set_units(self.settings.mass_unit(), self.settings.force_unit())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Coming back to the window: look for others' saves (on a file this is the only look)."""
        super().changeEvent(event)
        if not self.attached:
            return
        from PySide6.QtCore import QEvent  # its 179 event types take 6 ms to build: not before the first window

        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.workplace.watch.check()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Never lose edits silently; remember the window layout."""
        if not self.resolve_unsaved():
            event.ignore()
            return
        self.settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        if self.attached:
            self.settings.set(keys.SPLITTER_STATE, self.splitter.saveState())
        if self.preview is not None:
            self.preview.close()
        event.accept()
