"""Dates in table cells edited with the date field: typed in the locale's short form, ISO or with the month in words,
or picked from its calendar; the model parses the text (dates_parse.parse_date) and names a bad one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rtw_planner.gui.kit.dates import OptionalDateEdit
from rtw_planner.gui.kit.dates_parse import parse_date

Index = QModelIndex | QPersistentModelIndex


class DateDelegate(QStyledItemDelegate):
    """The cell's edit text (any date form, or blank) goes into a date field and back as typed."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = OptionalDateEdit(parent, field=self._field)
        editor.setAccessibleName(self._field)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, OptionalDateEdit)
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        try:
            editor.set_value(parse_date(text, self._field), notify=False)
        except ValueError:
            editor.setText(text)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, OptionalDateEdit)
        model.setData(index, editor.text().strip(), Qt.ItemDataRole.EditRole)
