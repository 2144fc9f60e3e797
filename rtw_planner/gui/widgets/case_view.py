"""One case, in tabs: Summary, Details, Job demands, Capacity, Match, Plan, Progress and History, with Save, Revert
and undo; a save someone else's save got ahead of keeps every edit."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from rtw_planner.db.errors import BusyError, ConflictError, NotFoundError, PermissionDeniedError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.checks.plausibility import Tab, plausibility
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.gui.kit.choices import ConflictChoice
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.team.conflict import Conflict
from rtw_planner.gui.team.history import audit_source
from rtw_planner.gui.team.replay import field_edits, replay
from rtw_planner.gui.team.roles import Role
from rtw_planner.gui.widgets.appointment_fields import AppointmentsTab
from rtw_planner.gui.widgets.binder import Binder, first_problem
from rtw_planner.gui.widgets.capacity_view import CapacityView
from rtw_planner.gui.widgets.change_banner import ChangeBanner
from rtw_planner.gui.widgets.demands_view import DemandsView
from rtw_planner.gui.widgets.details_tab import NEW_CASE_NAME, DetailsTab
from rtw_planner.gui.widgets.edit_command import EditCommand, edits_since_clean
from rtw_planner.gui.widgets.editing_tab import EditingTab
from rtw_planner.gui.widgets.history_view import HistoryView
from rtw_planner.gui.widgets.match_view import MatchView
from rtw_planner.gui.widgets.plan_view import PlanView
from rtw_planner.gui.widgets.progress_view import ProgressView
from rtw_planner.gui.widgets.summary_view import SummaryView
from rtw_planner.gui.widgets.tab_warnings import TabWarnings, today

if TYPE_CHECKING:
    from rtw_planner.gui.prompts import Prompts

TABS = ("Summary", "Details", "Job demands", "Capacity", "Match", "Plan", "Progress", "History", "Appointments")
BUSY = "The database is busy, try again. Your edits are kept."
RECOMPUTE_DELAY_MS = 150  # a burst of keystrokes recomputes the match and the charts once


class CaseView(QWidget):
    """Holds one Case value. Each tab turns a user action into an edit; the view applies it to the case on its undo
    stack and each tab refreshes from the new case. Nothing reaches the database until Save."""

    dirty_changed = Signal(bool)
    saved = Signal(int)
    reloaded = Signal(int)  # the stored case was read again (after someone else's save)
    undo_stack_changed = Signal(object)  # a new QUndoStack: each opened case has its own history

    def __init__(self, repository: CaseRepository, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._prompts = prompts
        self._saved: Case | None = None
        self._case = Case(NEW_CASE_NAME)
        self._new = False  # a new case stays unsaved (dirty) until its first save
        self._clean = True  # the undo stack is at the state last saved or opened
        self._dirty = False
        self._reverting = False  # Revert steps back through the history without moving between tabs
        self.undo_stack = QUndoStack(self)
        self.tabs = QTabWidget()
        self.summary_view = SummaryView()
        self.summary_view.jump_requested.connect(self.show_tab)
        self.details = DetailsTab()
        self.form = self.details.form
        self.demands_view = DemandsView(prompts)
        self.capacity_view = CapacityView()
        self.match_view = MatchView()
        self.plan_view = PlanView(prompts)
        self.progress_view = ProgressView()
        self.history_view = HistoryView(audit_source(repository.db))
        self.appointments_tab = AppointmentsTab()  # shown to reception instead of the clinical tabs
        for widget, title in zip((self.summary_view, self.details, self.demands_view, self.capacity_view,
                                  self.match_view, self.plan_view, self.progress_view, self.history_view,
                                  self.appointments_tab), TABS, strict=True):
            self.tabs.addTab(widget, title)
        pages = self._pages()
        self.tab_warnings = TabWarnings(self.tabs, pages, {page: TABS[self.tabs.indexOf(page)] for page in
                                                          pages.values()},
                                        {"Return-to-work start": self.plan_view.phases_panel.start_edit,
                                         "Evaluation date": self.capacity_view.assessed_on_edit})
        self.role = Role.ADMINISTRATOR
        self.set_role(Role.ADMINISTRATOR)
        self.banner = ChangeBanner()
        self.banner.reload_requested.connect(self.reload_from_store)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.revert_button: QPushButton = self.buttons.addButton("&Revert", QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self._recompute_timer = QTimer(self)
        self._recompute_timer.setSingleShot(True)
        self._recompute_timer.setInterval(RECOMPUTE_DELAY_MS)
        self._recompute_timer.timeout.connect(self._recompute)
        for tab in self._editing_tabs():
            tab.set_sink(self.push)
            for binder in tab.binders:
                binder.problem_found.connect(self.message_label.setText)
                binder.problem_cleared.connect(self._on_binder_problem_cleared)
        self._watch(self.undo_stack)
        self._update_buttons()

    def _editing_tabs(self) -> tuple[EditingTab, ...]:
        return (self.details, self.demands_view, self.capacity_view, self.plan_view, self.progress_view,
                self.appointments_tab)

    def set_role(self, role: Role) -> None:
        """Show what the role may see: reception gets the details without the diagnosis, and the appointment."""
        self.role = role
        clinical = role.sees_clinical
        for widget in (self.summary_view, self.demands_view, self.capacity_view, self.match_view, self.plan_view,
                       self.progress_view, self.history_view):
            self.tabs.setTabVisible(self.tabs.indexOf(widget), clinical)
        self.tabs.setTabVisible(self.tabs.indexOf(self.appointments_tab), not clinical)
        for widget in (self.form.diagnosis_label, self.form.diagnosis_edit):
            widget.setVisible(clinical)

    def _binders(self) -> list[Binder]:
        return [binder for tab in self._editing_tabs() for binder in tab.binders]

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def case(self) -> Case:
        """The case as edited (always valid: a refused edit leaves it as it was)."""
        return self._case

    def current_case(self) -> Case:
        """The case as edited."""
        return self._case

    @property
    def case_id(self) -> int | None:
        """Id of the saved case shown, or None for a new case."""
        return self._saved.id if self._saved else None

    def is_dirty(self) -> bool:
        """True when there are edits not yet saved."""
        return self._dirty

    def _update_dirty(self) -> None:
        dirty = self._new or not self._clean
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units for masses and forces."""
        self.demands_view.set_units(mass_unit, force_unit)
        self.capacity_view.set_units(mass_unit, force_unit)
        self.match_view.set_units(mass_unit, force_unit)

    # -- loading -------------------------------------------------------------------------------------------
    def load(self, case: Case | None) -> None:
        """Show a saved case (or an empty new one for None) with a fresh undo history, discarding any edits."""
        another = case is None or self._saved is None or case.id != self._saved.id
        self._saved = case
        self._new = case is None
        self._case = case or Case(NEW_CASE_NAME)
        self._new_undo_stack()
        for tab in self._editing_tabs():
            tab.load(self._case)
        self.history_view.show_case(self.case_id)
        self.banner.hide()
        self.message_label.clear()
        self._recompute()
        self._update_dirty()
        if another or not self.tabs.isTabVisible(self.tabs.currentIndex()):  # a case opens on its summary
            first = self.summary_view if case is not None and self.role.sees_clinical else self.details
            self.tabs.setCurrentWidget(first if self.tabs.isTabVisible(self.tabs.indexOf(first)) else
                                       self.appointments_tab)
        if case is None:
            self.form.patient_name_edit.setFocus()

    def _new_undo_stack(self) -> None:
        old = self.undo_stack
        old.blockSignals(True)
        self.undo_stack = QUndoStack(self)
        self._watch(self.undo_stack)
        self.undo_stack_changed.emit(self.undo_stack)
        old.deleteLater()

    def _watch(self, stack: QUndoStack) -> None:
        self._clean = True
        stack.cleanChanged.connect(self._on_undo_stack_clean_changed)

    def _on_undo_stack_clean_changed(self, clean: bool) -> None:
        if not shiboken6.isValid(self):
            return  # the view is being destroyed, its stack with it
        self._clean = clean
        self._update_dirty()

    # -- editing -------------------------------------------------------------------------------------------
    def push(self, edit: Edit) -> ValidationError | None:
        """Apply an edit to the case as an undoable step; the problem, with the case unchanged, when refused."""
        try:
            edited, inverse = edit.apply(self._case)
        except ValidationError as exc:
            return exc
        self.undo_stack.push(EditCommand(self, edit, inverse, edited))
        return None

    def show_edited(self, case: Case, parts: frozenset[Part], replayed: bool = False) -> None:
        """Take the case after an edit, an undo or a redo; the tabs showing the parts that changed refresh. An undo
        or redo of something on another tab brings that tab into view, so the user sees what changed."""
        self._case = case
        for tab in self._editing_tabs():
            tab.refresh(case, parts)
        self._recompute_timer.start()
        shown = self.tabs.currentWidget()
        tab_of = self._tab_of_part()
        if replayed and not self._reverting and shown is not self.match_view and parts \
                and not any(tab_of[p] is shown for p in parts) and self.role.sees_clinical:
            self.tabs.setCurrentWidget(tab_of[sorted(parts)[0]])

    def _pages(self) -> dict[Tab, QWidget]:
        return {Tab.DETAILS: self.details, Tab.DEMANDS: self.demands_view, Tab.CAPACITY: self.capacity_view,
                Tab.PLAN: self.plan_view, Tab.PROGRESS: self.progress_view}

    def show_tab(self, tab: Tab) -> None:
        """Bring a tab into view (from the summary, the caseload home); reception stays on what it may see."""
        page = self._pages()[tab]
        if self.tabs.isTabVisible(self.tabs.indexOf(page)):
            self.tabs.setCurrentWidget(page)

    def _tab_of_part(self) -> dict[Part, QWidget]:
        return {Part.DETAILS: self.details, Part.DEMANDS: self.demands_view, Part.CAPACITY: self.capacity_view,
                Part.PLAN: self.plan_view, Part.PROGRESS: self.progress_view}

    def _recompute(self) -> None:
        """The match and the charts, once after a burst of edits."""
        self._recompute_timer.stop()
        on = today()
        self.tab_warnings.show(plausibility(self._case, on))  # at the top of each tab and in its title
        self.summary_view.show_case(self._case, on)
        self.match_view.show_case(self._case)
        self.plan_view.show_safety_work(self._case)  # the job title and tasks decide whether it is safety-critical
        self.plan_view.adjustments.offer(self._case)  # suggestions follow the demands and capacity as edited
        self.plan_view.refresh_charts()
        self.progress_view.refresh_charts()

    def settle(self) -> None:
        """Recompute now anything still waiting for the end of a burst of edits."""
        if self._recompute_timer.isActive():
            self._recompute()

    def _on_binder_problem_cleared(self) -> None:
        remaining = [p for binder in self._binders() for p in binder.problems.values()]
        self.message_label.setText(str(remaining[-1]) if remaining else "")

    def save(self) -> bool:
        """Save in one transaction. While a field holds something not valid, show why and save nothing. When the
        database refuses the save (someone else saved first, it is busy, the role may not), every edit is kept."""
        problem = first_problem(self._binders())
        if problem is not None:
            self.message_label.setText(problem)
            return False
        try:
            saved = self._repository.save(self._case)
        except ConflictError as exc:
            return self._on_conflict(Conflict.of(exc))
        except NotFoundError:
            return self._on_deleted_elsewhere()
        except BusyError:
            return self._not_saved(BUSY)
        except PermissionDeniedError as exc:
            return self._not_saved(f"{exc} Your edits are kept.")
        self._mark_saved(saved)
        return True

    def _mark_saved(self, saved: Case) -> None:
        self._saved, self._new = saved, False
        if saved != self._case:  # ids given by the database
            self.show_edited(saved, frozenset(Part))
        self.undo_stack.setClean()
        self.message_label.clear()
        self._update_dirty()
        self.history_view.show_case(saved.id)
        assert saved.id is not None
        self.saved.emit(saved.id)

    def _not_saved(self, message: str) -> bool:
        self.message_label.setText(message)
        self._prompts.error(self, "Not saved", message)
        return False

    def _on_conflict(self, conflict: Conflict) -> bool:
        choice = self._prompts.conflict(self, conflict)
        if choice is ConflictChoice.RELOAD:
            self.reload_keeping_edits(conflict.changed_by)
            return False  # the user checks the merged case, then saves it
        if choice is ConflictChoice.COPY:
            return self.save_as_copy()
        self.message_label.setText(f"Not saved. {conflict.message}")
        return False

    def _on_deleted_elsewhere(self) -> bool:
        if self._prompts.confirm(self, "Case deleted by someone else", "This case was deleted since you opened it. "
                                 "Save your version as a new case?"):
            return self.save_as_copy()
        return self._not_saved("Not saved: the case was deleted since you opened it. Your edits are kept.")

    def save_as_copy(self) -> bool:
        """Save the case as edited as a new case (theirs stays as it is) and show the copy."""
        try:
            saved = self._repository.save(self._case.with_id(None))
        except BusyError:
            return self._not_saved(BUSY)
        except PermissionDeniedError as exc:
            return self._not_saved(f"{exc} Your edits are kept.")
        self.load(saved)
        self.message_label.setText("Saved as a new case: the other version is unchanged.")
        assert saved.id is not None
        self.saved.emit(saved.id)
        return True

    def reload_from_store(self) -> None:
        """Show the case as stored now; unsaved edits are re-applied on top."""
        if self.case_id is None:
            return
        if self.is_dirty():
            self.reload_keeping_edits("someone else")
        else:
            self.load(self._repository.get(self.case_id))
            self.reloaded.emit(self.case_id)

    def reload_keeping_edits(self, changed_by: str) -> None:
        """Read the stored case and re-apply the edits made since the last save on top of it, as undoable steps;
        tell the user which no longer apply because the other person changed the same thing."""
        assert self._saved is not None
        assert self.case_id is not None
        base, mine = self._saved, self._case
        fresh = self._repository.get(self.case_id)
        edits = edits_since_clean(self.undo_stack)
        result = replay(base, field_edits(base, mine) if edits is None else edits, fresh)
        self.load(fresh)
        refused = list(result.refused)
        for edit in result.applied:
            if self.push(edit) is not None:
                refused.append(edit)
        applied = len(result.applied) + len(result.refused) - len(refused)
        summary = f"{applied} of your edit{'s' if applied + len(refused) != 1 else ''} re-applied on " \
                  f"{changed_by}'s version"
        if refused:
            listed = "\n".join(f"• {edit.text}" for edit in refused)
            self._prompts.inform(self, "Some edits were not re-applied",
                                 f"{summary}. These were not, because {changed_by} changed the same thing or it "
                                 f"is no longer there:\n{listed}\n\nCheck the case, then save it.")
        self.message_label.setText(f"{summary}{f'; {len(refused)} no longer applied' if refused else ''}. "
                                   "Check the case, then save it.")
        self.reloaded.emit(self.case_id)

    def show_changed_elsewhere(self, who: str, when: datetime | None) -> None:
        """Someone else saved the open case: say who and when, and offer to reload."""
        self.banner.announce(who, when, self.is_dirty())

    def revert(self) -> None:
        """Throw away edits and show the saved case again (Redo brings the edits back while it can)."""
        if self._saved is None:
            self.load(None)
            self._new = False
            self._update_dirty()
            return
        if self.undo_stack.cleanIndex() >= 0:
            self._reverting = True
            try:
                self.undo_stack.setIndex(self.undo_stack.cleanIndex())
            finally:
                self._reverting = False
            for tab in self._editing_tabs():
                tab.load(self._case)  # fields holding something not valid show the saved value again
            self.message_label.clear()
            self._recompute()
        else:
            self.load(self._saved)
        self._update_dirty()
