"""Table cells that hold one of a list of values edited with a drop-down: goal status, quota unit, consent category,
the goal's graded activity, a consent's recipient (from the case's contacts, or typed)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Choices = Callable[[], Sequence[tuple[str, str]]]  # (shown, stored) pairs, read when the cell is edited
Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of `choices`; with `typed` the user may also type a value not in the list."""

    def __init__(self, choices: Choices, name: str, parent: QWidget | None = None, typed: bool = False) -> None:
        super().__init__(parent)
        self._choices = choices
        self._name = name
        self._typed = typed

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        combo.setAccessibleName(self._name)
        combo.setEditable(self._typed)
        for shown, stored in self._choices():
            combo.addItem(shown, stored)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(value)
        if found >= 0:
            editor.setCurrentIndex(found)
        elif self._typed:
            editor.setEditText(str(value or ""))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        if not self._typed:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        typed = editor.currentText().strip()
        found = editor.findText(typed)
        model.setData(index, editor.itemData(found) if found >= 0 else typed, Qt.ItemDataRole.EditRole)
