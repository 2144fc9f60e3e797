"""The Job demands tab, grouped by kind: handling and positions, rated demands, shift and tasks, lifting tasks (NIOSH)
and handling tasks (Liberty Mutual)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.checks.plausibility import Plausibility, Table
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.niosh import LiftingTask, evaluate
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.domain.demands.units import ForceUnit, MassUnit, format_number
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.gui.dialogs.niosh_dialog import composite_text
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number
from rtw_planner.gui.kit.styles import ERROR_STYLE, WARNING_STYLE
from rtw_planner.gui.models.ratings_table import RatingDelegate, RatingsTableModel
from rtw_planner.gui.models.tasks_table import ActivitiesDelegate, TasksTableModel
from rtw_planner.gui.widgets.binder import Binder
from rtw_planner.gui.widgets.cell_marks import mark_cells, mark_strength
from rtw_planner.gui.widgets.handling_tasks_area import HandlingTasksArea
from rtw_planner.gui.widgets.profile_editor import ProfileEditor

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink
    from rtw_planner.gui.prompts import Prompts


def _number(field: str, edit: QLineEdit, allowed: str) -> float | None:
    try:
        return parse_number(edit.text())
    except ValueError:
        raise ValidationError(field, edit.text(), allowed) from None


class DemandsView(QWidget):
    """Shows the case's JobDemands and sends each change as an edit; `demands()` is the value shown."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._case = Case("unshown")
        self._sink: EditSink | None = None
        self._template = ""  # the template name as loaded, kept while the source is switched away and back
        self.binder = Binder(self)
        self.tabs = QTabWidget()
        self.profile_editor = ProfileEditor("What the job asks for. Leave a cell blank when the job does not "
                                            "need it.")
        self.tabs.addTab(self.profile_editor, "Handling and positions")
        self.rating_models = {group: RatingsTableModel(group, self) for group in RatedGroup}
        for group, model in self.rating_models.items():
            title = {"physical": "DOT factors", "environment": "Environment", "cognitive": "Cognitive"}[group.value]
            self.tabs.addTab(self._ratings_table(model, f"{title} ratings"), title)
        self.tabs.addTab(self._shift_tab(), "Shift and tasks")
        self.tabs.addTab(self._lifting_tab(), "Lifting, pushing, carrying")
        self.template_label = QLabel()
        self.template_label.setWordWrap(True)
        self.template_label.setStyleSheet(WARNING_STYLE)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._catalog_row())
        layout.addWidget(self.template_label)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message_label)
        self.tasks_model.invalid_input.connect(self.message_label.setText)
        self.binders = (self.binder, self.profile_editor.binder)
        self._bind()

    def _bind(self) -> None:
        bind = self.binder.bind
        bind(self.source_combo, lambda c: c.demands.source, lambda: DemandSource(self.source_combo.currentData()),
             lambda v: self.source_combo.setCurrentIndex(self.source_combo.findData(v.value)),
             lambda v, _w: demand_edits.set_source(v, self._template))
        self._bind_number("shift_hours", self.shift_edit, "a number of hours from 0.5 to 24, or blank", 2)
        self._bind_number("days_per_week", self.days_edit, "a number from 0.5 to 7, or blank", 1)
        self._bind_box("arm_leg_controls", self.arm_leg_box)
        self._bind_box("production_pace", self.pace_box)

    def _bind_number(self, name: str, edit: QLineEdit, allowed: str, decimals: int) -> None:
        label = demand_edits.DEMAND_FIELDS[name]
        self.binder.bind({label: edit}, lambda c: getattr(c.demands, name), lambda: _number(label, edit, allowed),
                         lambda v: edit.setText(format_number_for_edit(v, decimals)),
                         lambda v, _w: demand_edits.set_demand_field(name, v, edit.text()))

    def _bind_box(self, name: str, box: QCheckBox) -> None:
        self.binder.bind(box, lambda c: getattr(c.demands, name), box.isChecked, box.setChecked,
                         lambda v, _w: demand_edits.set_demand_field(name, v))

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = sink
        self.binder.sink = sink
        self.profile_editor.set_sink(sink)
        self.tasks_model.sink = sink
        for model in self.rating_models.values():
            model.sink = sink

    def _push(self, edit: Edit) -> bool:
        problem = self._sink(edit) if self._sink is not None else None
        self.message_label.setText(str(problem) if problem else "")
        return problem is None

    def _catalog_row(self) -> QHBoxLayout:
        self.template_combo = QComboBox()
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template_combo.setMinimumContentsLength(18)
        self.copy_template_button = QPushButton("&Copy into this case")
        self.save_template_button = QPushButton("Save as clinic &template…")
        self.copy_template_button.clicked.connect(self._on_copy_template_clicked)
        self.save_template_button.clicked.connect(self._on_save_template_clicked)
        row = QHBoxLayout()
        row.addWidget(QLabel("Start from a job template:"))
        row.addWidget(self.template_combo, 1)
        row.addWidget(self.copy_template_button)
        row.addWidget(self.save_template_button)
        self.reload_templates()
        return row

    def reload_templates(self) -> None:
        """List the bundled and clinic templates (a broken clinic file is reported, not fatal)."""
        from rtw_planner.domain.case.job_templates import CatalogError, load_templates

        self.template_combo.clear()
        try:
            templates = load_templates()
        except (CatalogError, ValidationError) as exc:
            self.template_combo.addItem("Job catalog unavailable", None)
            self.template_combo.setToolTip(str(exc))
            self.copy_template_button.setEnabled(False)
            return
        for template in templates:
            level = template.strength_level.label if template.strength_level else ""
            origin = "clinic" if template.clinic else "illustrative" if template.illustrative else "sourced"
            self.template_combo.addItem(f"{template.title} ({level}, {origin})", template.id)
        self.copy_template_button.setEnabled(bool(templates))

    def _on_copy_template_clicked(self) -> None:
        from rtw_planner.domain.case.job_templates import apply_template, load_template

        template_id = self.template_combo.currentData()
        if template_id is None:
            return
        template = load_template(str(template_id))
        has_demands = not self._current_is_empty()
        question = (f"Replace this job's demands with the generic template '{template.title}'? The copied values "
                    "are illustrative and will be flagged until checked at the workplace.")
        if has_demands and not self._prompts.confirm(self, "Copy job template", question):
            return
        copied = apply_template(template)
        self._template = copied.template
        self._push(demand_edits.copy_template(copied, template.title))

    def _current_is_empty(self) -> bool:
        demands = self.demands()
        return demands.profile.is_empty() and not demands.ratings and not demands.tasks

    def _on_save_template_clicked(self) -> None:
        from rtw_planner.domain.case.job_templates import save_clinic_template

        demands = self.demands()
        title = self._prompts.text(self, "Save as clinic template", "Template title:").strip()
        if not title:
            return
        try:
            path = save_clinic_template(demands, title)
        except (ValidationError, OSError) as exc:
            self.message_label.setText(f"template not saved: {exc}")
            return
        self.reload_templates()
        self.message_label.setStyleSheet("")
        self.message_label.setText(f"Saved the clinic template '{title}' to {path}.")

    def _ratings_table(self, model: RatingsTableModel, name: str = "Ratings") -> QTableView:
        view = QTableView()
        view.setAccessibleName(name)
        view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        view.setModel(model)
        view.setItemDelegateForColumn(1, RatingDelegate(view))
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        return view

    def _shift_tab(self) -> QWidget:
        tab = QWidget()
        self.source_combo = QComboBox()
        for source in DemandSource:
            self.source_combo.addItem(source.label, source.value)
        self.shift_edit = QLineEdit()
        self.days_edit = QLineEdit()
        for edit in (self.shift_edit, self.days_edit):
            edit.setMaximumWidth(100)
        self.arm_leg_box = QCheckBox("Seated operation of arm or leg controls")
        self.pace_box = QCheckBox("Work at a production-rate pace")
        form = QFormLayout()
        form.addRow("Demands &source", self.source_combo)
        form.addRow("Shift &length (hours)", self.shift_edit)
        form.addRow("Da&ys per week", self.days_edit)
        form.addRow("", self.arm_leg_box)
        form.addRow("", self.pace_box)
        self.tasks_model = TasksTableModel(self)
        self.tasks_view = QTableView()
        self.tasks_view.setAccessibleName("Tasks")
        self.tasks_view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.tasks_view.setModel(self.tasks_model)
        self.tasks_view.setItemDelegateForColumn(3, ActivitiesDelegate(self.tasks_view))
        self.tasks_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tasks_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.tasks_view.verticalHeader().hide()
        add, remove = QPushButton("&Add task"), QPushButton("Remove task")
        self.add_task_button, self.remove_task_button = add, remove
        add.clicked.connect(lambda: self.tasks_model.add_task())
        remove.clicked.connect(lambda: self.tasks_model.remove_task(self.tasks_view.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(form)
        tasks_intro = QLabel("<b>Tasks</b> — tick essential tasks; double-click 'Involves' to choose the demand "
                             "items a task needs")
        tasks_intro.setWordWrap(True)
        layout.addWidget(tasks_intro)
        layout.addWidget(self.tasks_view)
        layout.addLayout(buttons)
        return tab

    def _lifting_tab(self) -> QWidget:
        tab = QWidget()
        self.lifting_list = QListWidget()
        self.lifting_list.setAccessibleName("Lifting tasks")
        add, edit, remove = QPushButton("&Add lifting task…"), QPushButton("Ed&it…"), QPushButton("Remove")
        self.add_lifting_button, self.edit_lifting_button, self.remove_lifting_button = add, edit, remove
        add.clicked.connect(self._on_add_lifting_clicked)
        edit.clicked.connect(self._on_edit_lifting_clicked)
        remove.clicked.connect(self._on_remove_lifting_clicked)
        self.lifting_list.itemDoubleClicked.connect(lambda _item: self._on_edit_lifting_clicked())
        buttons = QHBoxLayout()
        for button in (add, edit, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        intro = QLabel("Lifting tasks checked with the Revised NIOSH Lifting Equation. A lifting index above 1 "
                       "means increased risk for some workers.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.lifting_list)
        self.lifting_composite_label = QLabel()
        self.lifting_composite_label.setWordWrap(True)
        layout.addWidget(self.lifting_composite_label)
        layout.addLayout(buttons)
        self.handling_area = HandlingTasksArea(self._prompts, self._push, tab)
        layout.addWidget(self.handling_area)
        return tab

    # -- values --------------------------------------------------------------------------------------------
    def show_cell_warnings(self, warnings: tuple[Plausibility, ...]) -> None:
        """Mark the cells the demands' warnings are about: loads by frequency, and the rated Strength."""
        mark_strength(self.profile_editor.strength_model, warnings, Table.DEMANDS_STRENGTH)
        physical = self.rating_models[RatedGroup.PHYSICAL]
        level_row = next((r for r in range(physical.rowCount()) if physical.is_level_row(r)), None)
        mark_cells(physical, warnings, Table.RATINGS, lambda key: level_row if key == "strength" else None)

    def load(self, case: Case) -> None:
        """Show another case's demands."""
        self._case = case
        self._template = case.demands.template
        self.profile_editor.load(case)
        self.binder.reset(case)
        self._show(case)
        self.message_label.clear()

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the demands after an edit."""
        self._case = case
        if Part.DEMANDS in parts:
            self.profile_editor.refresh(case)
            self.binder.refresh(case)
            self._show(case)

    def _show(self, case: Case) -> None:
        demands = case.demands
        for group, model in self.rating_models.items():
            model.set_ratings({key: r for (g, key), r in demands.ratings.items() if g is group},
                              demands.strength_rating if group is RatedGroup.PHYSICAL else None)
        self.tasks_model.set_tasks(demands.tasks)
        self._refresh_lifting_list()
        self.handling_area.show_case(case)
        self._show_template_flag(demands.source, demands.template or self._template)

    def demands(self) -> JobDemands:
        """The demands shown."""
        return self._case.demands

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units."""
        self.profile_editor.set_units(mass_unit, force_unit)

    # -- helpers -------------------------------------------------------------------------------------------
    def _show_template_flag(self, source: DemandSource, template: str) -> None:
        generic = source is DemandSource.GENERIC_TEMPLATE
        self.template_label.setVisible(generic)
        self.template_label.setText(f"These demands come from the generic template '{template or 'unnamed'}', "
                                    "not from a job-site analysis: check them with the employer.")

    def _refresh_lifting_list(self) -> None:
        row = self.lifting_list.currentRow()
        self.lifting_list.clear()
        for task in self._case.demands.lifting_tasks:
            end = evaluate(task).governing
            li = "outside the equation" if end.li is None else f"LI {end.li:.2f}"
            self.lifting_list.addItem(f"{task.name or 'Lifting task'}: {format_number(task.load_kg)} kg, "
                                      f"RWL {end.rwl_kg:.1f} kg, {li}")
        self.lifting_list.setCurrentRow(min(row, self.lifting_list.count() - 1))
        tasks = self._case.demands.lifting_tasks
        whose = f"the job's {len(tasks)} lifting tasks"
        self.lifting_composite_label.setText(composite_text(tasks[0], tasks[1:], whose) if len(tasks) > 1 else "")

    def _edit_lifting(self, task: LiftingTask | None, others: tuple[LiftingTask, ...]) -> LiftingTask | None:
        return self._prompts.lifting_task(self, task, others)

    def _on_add_lifting_clicked(self) -> None:
        task = self._edit_lifting(None, self._case.demands.lifting_tasks)
        if task is not None:
            self._push(demand_edits.add_lifting_task(task, len(self._case.demands.lifting_tasks)))

    def _on_edit_lifting_clicked(self) -> None:
        row = self.lifting_list.currentRow()
        tasks = self._case.demands.lifting_tasks
        if 0 <= row < len(tasks):
            task = self._edit_lifting(tasks[row], tasks[:row] + tasks[row + 1:])
            if task is not None and task != tasks[row]:
                self._push(demand_edits.edit_lifting_task(row, task))

    def _on_remove_lifting_clicked(self) -> None:
        row = self.lifting_list.currentRow()
        if 0 <= row < len(self._case.demands.lifting_tasks):
            self._push(demand_edits.remove_lifting_task(row))
