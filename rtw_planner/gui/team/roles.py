"""Who may see what on screen: administrators and clinicians everything, reception the caseload and appointments.
The server enforces the same with its grants; the screens hide what a role may not open instead of failing."""

from __future__ import annotations

from enum import StrEnum

import peewee as pw

from rtw_planner.gui.team.people import module_function


class Role(StrEnum):
    """The three roles of issue 13."""

    ADMINISTRATOR = "administrator"
    CLINICIAN = "clinician"
    RECEPTION = "reception"

    @property
    def sees_clinical(self) -> bool:
        """Diagnoses, notes, evaluations, scores, plans and documents."""
        return self is not Role.RECEPTION


def current_role(db: pw.Database) -> Role:
    """The signed-in person's role (db.roles.current_role once it is there). Until then everyone works as on a
    one-person file: its owner administers it."""
    read = module_function("rtw_planner.db.roles", "current_role", "role_of")
    if read is None:
        return Role.ADMINISTRATOR
    value = read(db)
    name = str(getattr(value, "value", value)).lower().removeprefix("rtw_")
    aliases = {"admin": Role.ADMINISTRATOR}
    return aliases.get(name) or (Role(name) if name in {r.value for r in Role} else Role.RECEPTION)
