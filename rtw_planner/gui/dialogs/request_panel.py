"""The document dialog's choices: recipient role and name, delivery, the date the patient was offered it, the
scheme-diagnosis switch, units and large print. Returns a DisclosureRequest and RenderOptions; decides nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from rtw_planner.domain.case.model import Case, Clinic, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.disclosure import (
    CARRIES,
    CLINICAL_TEAM,
    Delivery,
    DisclosureRequest,
    DocumentKind,
    RecipientRole,
    can_send,
    decide,
)
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date

# The roles each document can go to, the usual one first (the domain refuses any other).
ROLES = {
    DocumentKind.EMPLOYER_LETTER: (RecipientRole.EMPLOYER, RecipientRole.INSURER),
    DocumentKind.MATCH_REPORT: (RecipientRole.CLINICAL_TEAM, RecipientRole.INSURER,
                                RecipientRole.HEALTH_PROFESSIONAL, RecipientRole.EMPLOYER),
    DocumentKind.PATIENT_HANDOUT: (RecipientRole.PATIENT,),
}
DELIVERIES = {
    Delivery.PATIENT_COPY: "The patient's copy, to pass on",
    Delivery.SENT: "Sent by the clinic to the recipient",
}
CLINIC_UNITS = ""  # the units item that follows the clinic's setting


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class RequestPanel(QWidget):
    """The choices for one document of one case; `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, kind: DocumentKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._case: Case | None = None
        self._clinic = Clinic()
        self.role_combo = QComboBox()
        for role in ROLES[kind]:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setEnabled(len(ROLES[kind]) > 1)
        self.recipient_edit = QLineEdit()
        self.recipient_edit.setMaxLength(200)
        self.delivery_combo = QComboBox()
        for delivery in (Delivery.PATIENT_COPY, Delivery.SENT) if kind is DocumentKind.EMPLOYER_LETTER else ():
            self.delivery_combo.addItem(DELIVERIES[delivery], delivery.value)
        self.offered_edit = OptionalDateEdit()
        self.offered_note = QLabel()
        self.offered_note.setWordWrap(True)
        self.scheme_box = QCheckBox("Include the dia&gnosis: the workers' compensation scheme requires it")
        self.scheme_note = QLabel()
        self.scheme_note.setWordWrap(True)
        self.units_combo = QComboBox()
        self.units_combo.addItem("", CLINIC_UNITS)
        for unit in MassUnit:
            self.units_combo.addItem(f"{unit.value}", unit.value)
        self.large_print_box = QCheckBox("&Large print (bigger type, charts and letterhead)")
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(_label("Recipient &role", self.role_combo), self.role_combo)
        self.form.addRow(_label("Recipient &name", self.recipient_edit), self.recipient_edit)
        self.form.addRow(_label("&Delivery", self.delivery_combo), self.delivery_combo)
        self.form.addRow(_label("Patient &offered it to read on", self.offered_edit), self.offered_edit)
        self.form.addRow("", self.offered_note)
        self.form.addRow("", self.scheme_box)
        self.form.addRow("", self.scheme_note)
        self.form.addRow(_label("&Units", self.units_combo), self.units_combo)
        self.form.addRow("", self.large_print_box)
        self.role_combo.currentIndexChanged.connect(self._on_role_changed)
        for signal in (self.recipient_edit.textEdited, self.delivery_combo.currentIndexChanged,
                       self.offered_edit.dateChanged, self.scheme_box.toggled, self.units_combo.currentIndexChanged,
                       self.large_print_box.toggled):
            signal.connect(self._on_edited)

    # -- values --------------------------------------------------------------------------------------------
    def set_context(self, case: Case, clinic: Clinic) -> None:
        """The case as saved and the clinic: defaults, which rows show, and what the scheme allows."""
        first = self._case is None
        self._case, self._clinic = case, clinic
        self.units_combo.setItemText(0, f"Clinic setting ({clinic.units.value})")
        if first:
            self._set_default_recipient()
        self._show_rows()

    def role(self) -> RecipientRole:
        """The recipient's role."""
        return RecipientRole(self.role_combo.currentData())

    def request(self) -> DisclosureRequest:
        """The clinician's choices as a disclosure request."""
        role = self.role()
        if self.kind is DocumentKind.EMPLOYER_LETTER:
            delivery = Delivery(self.delivery_combo.currentData())
        else:
            delivery = Delivery.PATIENT_COPY if self.kind is DocumentKind.PATIENT_HANDOUT else Delivery.SENT
        offered = self._offered_on() if self._offered_applies(role, delivery) else None
        scheme = self.scheme_box.isVisibleTo(self) and self.scheme_box.isChecked()
        return DisclosureRequest(self.recipient_edit.text().strip(), role, delivery, offered, scheme)

    def options(self, draft: bool = True) -> RenderOptions:
        """How the document is rendered."""
        unit = self.units_combo.currentData()
        return RenderOptions(draft=draft, large_print=self.large_print_box.isChecked(),
                             mass_unit=MassUnit(unit) if unit else None)

    def _offered_on(self) -> date | None:
        """The date typed, or None while the text is no date: the field marks the problem itself, and the
        pre-flight refuses a letter that needs the date and lacks it."""
        try:
            return read_optional_date(self.offered_edit)
        except ValidationError:
            return None

    # -- display -------------------------------------------------------------------------------------------
    def _offered_applies(self, role: RecipientRole, delivery: Delivery) -> bool:
        return delivery is Delivery.SENT and role not in (RecipientRole.CLINICAL_TEAM, RecipientRole.PATIENT)

    def _set_default_recipient(self) -> None:
        case, role = self._case, self.role()
        name = {RecipientRole.PATIENT: case.patient_name if case else "", RecipientRole.CLINICAL_TEAM: CLINICAL_TEAM,
                RecipientRole.EMPLOYER: case.employer if case else ""}.get(role, "")
        self.recipient_edit.setText(name)
        self.recipient_edit.setReadOnly(role in (RecipientRole.PATIENT, RecipientRole.CLINICAL_TEAM))
        self.recipient_edit.setPlaceholderText("" if name else "The organisation or person who receives it")

    def _show_rows(self) -> None:
        case, request = self._case, self.request()
        letter = self.kind is DocumentKind.EMPLOYER_LETTER
        self.form.setRowVisible(self.delivery_combo, letter)
        if letter and case is not None:
            sendable = bool(request.recipient) and can_send(case, request.recipient, date.today())
            item = self.delivery_combo.model().item(1)  # type: ignore[attr-defined]
            item.setEnabled(sendable)
            item.setToolTip("" if sendable else "Needs a consent in force to release functional information to "
                                                "this recipient (Details tab).")
        offered = self._offered_applies(request.role, request.delivery)
        self.form.setRowVisible(self.offered_edit, offered)
        self.form.setRowVisible(self.offered_note, offered)
        self.offered_note.setText("Required before it is sent (UK practice)." if self._clinic.jurisdiction
                                  .patient_review_required else "Optional outside the UK.")
        scheme = case is not None and case.workers_comp_claim and ConsentCategory.DIAGNOSIS in CARRIES[self.kind]
        self.form.setRowVisible(self.scheme_box, scheme)
        self.form.setRowVisible(self.scheme_note, scheme)
        if scheme and case is not None:
            self._show_scheme(case, request)

    def _show_scheme(self, case: Case, request: DisclosureRequest) -> None:
        """Ask the domain whether the scheme allows the diagnosis here; where it does not, say why and switch off."""
        probe = replace(request, delivery=Delivery.PATIENT_COPY, diagnosis_by_scheme=True)  # the scheme rule alone
        try:
            decide(self.kind, case, probe, date.today(), jurisdiction=self._clinic.jurisdiction)
        except ValidationError as exc:
            if exc.field != "scheme diagnosis":
                self.scheme_note.setText("")  # another choice is refused first; the pre-flight lists it
                return
            self.scheme_box.blockSignals(True)
            self.scheme_box.setChecked(False)
            self.scheme_box.blockSignals(False)
            self.scheme_box.setEnabled(False)
            reason = exc.allowed.removeprefix("off: ")
            self.scheme_note.setText(f"Not available: {reason}.")
            return
        self.scheme_box.setEnabled(True)
        self.scheme_note.setText("Allowed for this recipient by the scheme; recorded in the disclosure log when used.")

    def _on_role_changed(self, *_args: object) -> None:
        self._set_default_recipient()
        self._on_edited()

    def _on_edited(self, *_args: object) -> None:
        self._show_rows()
        self.changed.emit()
