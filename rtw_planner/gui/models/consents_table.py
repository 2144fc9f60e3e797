"""Recorded consents: category, recipient, purpose, date given, expiry and withdrawal, each edit validated."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.case.model import Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import case_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.models.base import Index, RowsTableModel


def _optional_date(field: str, text: str) -> date | None:
    """A date typed in any form the date fields take (14/02/2027, 14 Feb 2027, 2027-02-14), or blank."""
    return parse_date(text, field)


class ConsentsTableModel(RowsTableModel):
    """Rows are Consent values; an expired or withdrawn consent is shown as no longer in force."""

    COLUMNS = ("Category", "Recipient", "Purpose", "Given", "Expires", "Withdrawn", "In force today")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base if index.column() == 6 else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        consent: Consent = self._rows[index.row()]
        values = [consent.category.value, consent.recipient, consent.purpose, consent.date_given.isoformat(),
                  consent.expiry.isoformat() if consent.expiry else "",
                  consent.withdrawn_on.isoformat() if consent.withdrawn_on else "",
                  "Yes" if consent.is_active(date.today()) else "No"]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return consent.category.value.replace("_", " ").capitalize()
        return values[index.column()]

    def insert_edit(self, index: int, row: Consent) -> Edit:
        return case_edits.add_consent(row, index)

    def remove_edit(self, index: int, row: Consent) -> Edit:
        return case_edits.remove_consent(index, row)

    def row_edit(self, index: int, row: Consent, column: int) -> Edit:
        return case_edits.edit_consent(index, row, self.COLUMNS[column].lower())

    def edited(self, row: Consent, column: int, value: Any) -> Consent:
        text = str(value).strip()
        if column == 0:
            try:
                return replace(row, category=ConsentCategory(text.lower().replace(" ", "_")))
            except ValueError:
                allowed = ", ".join(c.value for c in ConsentCategory)
                raise ValidationError("consent category", text, allowed) from None
        if column == 1:
            return replace(row, recipient=text)
        if column == 2:
            return replace(row, purpose=text)
        if column == 3:
            given = _optional_date("consent date given", text)
            if given is None:
                raise ValidationError("consent date given", text, "a date written YYYY-MM-DD")
            return replace(row, date_given=given)
        if column == 4:
            return replace(row, expiry=_optional_date("consent expiry", text))
        return replace(row, withdrawn_on=_optional_date("consent withdrawn on", text))
