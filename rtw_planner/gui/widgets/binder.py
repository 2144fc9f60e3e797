"""Form fields bound to values of the case: shown from it, sent as edits, invalid text kept with its problem."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.kit.dates import OptionalDateEdit
from rtw_planner.gui.kit.styles import INVALID_FIELD_STYLE

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

TYPING_UNDO = (QKeySequence.StandardKey.Undo, QKeySequence.StandardKey.Redo)


@dataclass(eq=False)
class Binding:
    """Some widgets showing one value of the case. `widgets` maps the field a ValidationError names to the widget
    marked for it (the first is marked for any other field); `edit_for` gets the value read and the widget the user
    changed, and returns the edit (None: nothing to record)."""

    widgets: dict[str, QWidget]
    value_of: Callable[[Case], Any]
    read: Callable[[], Any]
    write: Callable[[Any], None]
    edit_for: Callable[[Any, Any], Edit | None]
    shown: Any = field(default=None, init=False)


class Binder(QObject):
    """The bindings of one tab. A change the user makes is read, made into an edit and sent to the sink; `refresh`
    rewrites only the fields whose value in the case changed, so nothing the user is typing is overwritten."""

    problem_found = Signal(str)
    problem_cleared = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sink: EditSink | None = None
        self.case: Case | None = None
        self.bindings: list[Binding] = []
        self.problems: dict[Binding, ValidationError] = {}
        self._writing = False

    def bind(self, widgets: Mapping[str, QWidget] | QWidget, value_of: Callable[[Case], Any],
             read: Callable[[], Any], write: Callable[[Any], None],
             edit_for: Callable[[Any, Any], Edit | None]) -> Binding:
        """Bind widgets (one, or several by field name) to a value of the case."""
        named = dict(widgets) if isinstance(widgets, Mapping) else {"": widgets}
        binding = Binding(named, value_of, read, write, edit_for)
        for widget in {id(w): w for w in named.values()}.values():  # a widget may stand for several fields
            _on_change(widget, partial(self._on_widget_changed, binding, widget))
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                widget.installEventFilter(self)  # Undo and Redo go to the case's history, not the field's own
        self.bindings.append(binding)
        return binding

    # -- showing the case ------------------------------------------------------------------------------------
    def reset(self, case: Case) -> None:
        """Show every field from a case (another case, or another item of it), forgetting problems."""
        self.case = case
        for binding in self.bindings:
            self._write(binding, binding.value_of(case))
        self._clear_problems()

    def refresh(self, case: Case) -> None:
        """Show a changed case: only fields whose value changed are rewritten, and they lose their problem."""
        self.case = case
        for binding in self.bindings:
            value = binding.value_of(case)
            if value == binding.shown:
                continue
            if not self._reads_as(binding, value):
                self._write(binding, value)
            binding.shown = value
            self._set_problem(binding, None)

    def hold_problem(self, binding: Binding, problem: ValidationError) -> None:
        """Keep a problem with a field without announcing it (a new case's blank name)."""
        self.problems[binding] = problem

    def _reads_as(self, binding: Binding, value: Any) -> bool:
        try:
            return bool(binding.read() == value)
        except ValidationError:
            return False

    def _write(self, binding: Binding, value: Any) -> None:
        self._writing = True
        try:
            binding.write(value)
        finally:
            self._writing = False
        binding.shown = value

    # -- user changes ----------------------------------------------------------------------------------------
    def _on_widget_changed(self, binding: Binding, widget: QWidget) -> None:
        if self._writing or self.case is None:
            return
        try:
            value = binding.read()
            edit = None if value == binding.value_of(self.case) else binding.edit_for(value, widget)
        except ValidationError as exc:
            self._set_problem(binding, exc)
            return
        problem = self.sink(edit) if edit is not None and self.sink is not None else None
        self._set_problem(binding, problem)

    def _set_problem(self, binding: Binding, problem: ValidationError | None) -> None:
        for widget in binding.widgets.values():
            widget.setStyleSheet("")
        if problem is None:
            if self.problems.pop(binding, None) is not None:
                self.problem_cleared.emit()
            return
        self.problems[binding] = problem
        widget = binding.widgets.get(problem.field, next(iter(binding.widgets.values())))
        widget.setStyleSheet(INVALID_FIELD_STYLE)
        self.problem_found.emit(str(problem))

    def _clear_problems(self) -> None:
        for binding in list(self.problems):
            self._set_problem(binding, None)
        self.problems.clear()

    def show_problems(self) -> str | None:
        """Mark every field with a problem; the first problem's message, or None when there is none."""
        for binding, problem in self.problems.items():
            widget = binding.widgets.get(problem.field, next(iter(binding.widgets.values())))
            widget.setStyleSheet(INVALID_FIELD_STYLE)
        return str(next(iter(self.problems.values()))) if self.problems else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Let Undo and Redo typed in a bound text field reach the Edit menu: the field's own undo would take back
        a whole run of typing at once, the case's history takes back one word."""
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent) \
                and any(event.matches(key) for key in TYPING_UNDO):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


def _on_change(widget: QWidget, handler: Callable[[], None]) -> None:
    """Call handler when the widget's value changes, by the user or by code (the binder ignores its own writes)."""
    if isinstance(widget, OptionalDateEdit):
        widget.committed.connect(handler)  # a date is read when the typing is finished, not at each keystroke
    elif isinstance(widget, QLineEdit | QPlainTextEdit):
        widget.textChanged.connect(lambda *_args: handler())
    elif isinstance(widget, QDateTimeEdit):
        widget.dateTimeChanged.connect(lambda *_args: handler())
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda *_args: handler())
    elif isinstance(widget, QAbstractButton):
        widget.toggled.connect(lambda *_args: handler())
    elif isinstance(widget, QSpinBox):
        widget.valueChanged.connect(lambda *_args: handler())
    else:
        raise TypeError(f"cannot bind a {type(widget).__name__}")


def first_problem(binders: Sequence[Binder]) -> str | None:
    """Mark the fields with problems in every binder; the first message, or None."""
    messages = [m for m in (b.show_problems() for b in binders) if m]
    return messages[0] if messages else None
