"""What the case view asks of a tab that edits part of the case."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case
    from rtw_planner.domain.edits.lenses import Part
    from rtw_planner.gui.models.base import EditSink
    from rtw_planner.gui.widgets.binder import Binder


class EditingTab(Protocol):
    """A tab that shows part of the case and sends the user's changes as edits."""

    @property
    def binders(self) -> tuple[Binder, ...]:
        """Its bound fields, which may hold something not valid."""

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""

    def load(self, case: Case) -> None:
        """Show another case."""

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the case after an edit of some parts."""
