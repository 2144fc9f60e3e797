"""The job's handling tasks for the Liberty Mutual equations: a list to add, edit and remove, each edit undoable."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.liberty_mutual_ranges import length_text
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.demands.units import LB_PER_KG, format_number
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.commands import Edit

if TYPE_CHECKING:
    from rtw_planner.gui.prompts import Prompts


def task_line(task: MmhJobTask) -> str:
    """One task as the list shows it, in its own units: name, kind, load or force, geometry and frequency."""
    us = task.units == "us"
    unit = ("lb" if us else "kg") + ("f" if task.is_force else "")
    kind = f"{task.kind} ({task.phase})" if task.phase else task.kind
    names = (("H", task.h_m), ("VRM", task.vrm_m), ("DV", task.dv_m), ("V", task.v_m), ("DH", task.dh_m))
    geometry = ", ".join(f"{name} {length_text(value, task.units)}" for name, value in names if value is not None)
    load = format_number(task.load * (LB_PER_KG if us else 1.0))
    return (f"{task.name or 'Handling task'}: {kind}, {load} {unit}; {geometry}; "
            f"{format_number(task.frequency_per_min, 4)}/min")


class HandlingTasksArea(QWidget):
    """The list of the case's handling tasks; `push` sends an edit and says whether it was applied."""

    def __init__(self, prompts: Prompts, push: Callable[[Edit], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._push = push
        self._tasks: tuple[MmhJobTask, ...] = ()
        self.task_list = QListWidget()
        self.task_list.setAccessibleName("Handling tasks (Liberty Mutual)")
        intro = QLabel("Lifting, lowering, pushing, pulling and carrying checked with the Liberty Mutual equations "
                       "(the match shows the share of women or men who accept each load).")
        intro.setWordWrap(True)
        intro.setBuddy(self.task_list)
        add, edit, remove = QPushButton("Add handling tas&k…"), QPushButton("Edit handlin&g task…"), \
            QPushButton("Remove handling task")
        self.add_button, self.edit_button, self.remove_button = add, edit, remove
        add.clicked.connect(self._on_add_clicked)
        edit.clicked.connect(self._on_edit_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        self.task_list.itemDoubleClicked.connect(lambda _item: self._on_edit_clicked())
        buttons = QHBoxLayout()
        for button in (add, edit, remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.task_list)
        layout.addLayout(buttons)

    def show_case(self, case: Case) -> None:
        """Show the case's handling tasks, keeping the selected row where it can."""
        self._tasks = case.demands.mmh_tasks
        row = self.task_list.currentRow()
        self.task_list.clear()
        for task in self._tasks:
            self.task_list.addItem(task_line(task))
        self.task_list.setCurrentRow(min(row, self.task_list.count() - 1))

    def _on_add_clicked(self) -> None:
        task = self._prompts.mmh_task(self, None)
        if task is not None:
            self._push(demand_edits.add_mmh_task(task, len(self._tasks)))

    def _on_edit_clicked(self) -> None:
        row = self.task_list.currentRow()
        if 0 <= row < len(self._tasks):
            task = self._prompts.mmh_task(self, self._tasks[row])
            if task is not None and task != self._tasks[row]:
                self._push(demand_edits.edit_mmh_task(row, task))

    def _on_remove_clicked(self) -> None:
        row = self.task_list.currentRow()
        if 0 <= row < len(self._tasks):
            self._push(demand_edits.remove_mmh_task(row))
