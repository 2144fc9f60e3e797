"""The role the screens follow: db.roles.current_role once the people part is there, read by value; no role at all
is treated as the least one (reception); a one-person file without roles is administered by its owner."""

from __future__ import annotations

import enum

import pytest

from rtw_planner.gui.team import roles
from rtw_planner.gui.team.roles import Role, current_role


class StoredRole(enum.Enum):
    """db.roles.Role as the people part defines it."""

    ADMINISTRATOR = "administrator"
    CLINICIAN = "clinician"
    RECEPTION = "reception"


@pytest.mark.parametrize(("stored", "shown"), [
    (StoredRole.ADMINISTRATOR, Role.ADMINISTRATOR),
    (StoredRole.CLINICIAN, Role.CLINICIAN),
    (StoredRole.RECEPTION, Role.RECEPTION),
    ("rtw_admin", Role.ADMINISTRATOR),  # a server group's name
    (None, Role.RECEPTION),  # no role: the least
    ("caretaker", Role.RECEPTION),
])
def test_the_stored_role_is_read_by_value(monkeypatch, stored, shown) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(roles, "module_function", lambda module, *names: lambda db: stored)
    assert current_role(object()) is shown  # type: ignore[arg-type]


def test_without_roles_the_files_owner_administers_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(roles, "module_function", lambda module, *names: None)
    assert current_role(object()) is Role.ADMINISTRATOR  # type: ignore[arg-type]


def test_only_reception_is_kept_from_clinical_data() -> None:
    assert [role for role in Role if not role.sees_clinical] == [Role.RECEPTION]
