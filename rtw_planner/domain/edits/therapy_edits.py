"""Edits of the Plan tab's treatment times and graded exposure: sessions, the treatment-time rule, feared activities
and exposures."""

from __future__ import annotations

from rtw_planner.domain.edits.commands import Edit, Insert, Remove, Set
from rtw_planner.domain.edits.lenses import PLAN, Attr, Item
from rtw_planner.domain.plan.exposure import FearHierarchy
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime

SESSIONS = Attr(PLAN, "treatment")


def add_session(session: TreatmentSession, index: int) -> Edit:
    """Add a treatment session."""
    return Insert(SESSIONS, index, session, "add treatment session")


def remove_session(index: int) -> Edit:
    """Remove a treatment session (undo puts it back)."""
    return Remove(SESSIONS, index, f"remove treatment session {index + 1}")


def edit_session(index: int, session: TreatmentSession, what: str) -> Edit:
    """One column of a session ("edit treatment session 2 days")."""
    return Set(Item(SESSIONS, index), session, f"edit treatment session {index + 1} {what}")


def set_treatment_time(mode: TreatmentTime) -> Edit:
    """Whether the phased return works around the sessions or counts them as working time."""
    return Set(Attr(PLAN, "treatment_time"), mode, "change treatment time")


def set_fear_hierarchy(hierarchy: FearHierarchy, what: str) -> Edit:
    """The fear hierarchy after one change ("add feared activity", "edit exposure 2 fear after")."""
    return Set(Attr(PLAN, "exposure"), hierarchy, what)
