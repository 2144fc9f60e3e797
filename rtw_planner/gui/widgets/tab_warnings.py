"""Plausibility warnings on the tabs they belong to: a warning mark and count in the tab's title, and the messages
in a list at the top of the tab, refreshed after each edit."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtWidgets import QBoxLayout, QLabel, QTabWidget, QWidget

from rtw_planner.domain.checks.plausibility import Plausibility, Tab
from rtw_planner.gui.kit.styles import WARNING_COLOUR, warning_html

MARK = "⚠"
FIELD_STYLE = f"border: 2px solid {WARNING_COLOUR};"


def tab_title(title: str, count: int) -> str:
    """'Plan ⚠ 2' with warnings, 'Plan' without."""
    return f"{title} {MARK} {count}" if count else title


class WarningList(QLabel):
    """The warnings of one tab, at its top; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("plausibility_warnings")
        self.setAccessibleName("Warnings on this tab")
        self.warnings: tuple[Plausibility, ...] = ()
        self.hide()

    def show_warnings(self, warnings: tuple[Plausibility, ...]) -> None:
        """List the warnings (field, what looks wrong, what was expected)."""
        self.warnings = warnings
        lines = "<br>".join(f"{MARK} {warning_html(str(w))}" for w in warnings)
        self.setText(f"<b>Please check</b> (warnings, not errors; saving is allowed):<br>{lines}" if warnings else "")
        self.setVisible(bool(warnings))


class TabWarnings:
    """Owns a WarningList at the top of each tab that can have warnings, and the tabs' titles."""

    def __init__(self, tabs: QTabWidget, pages: Mapping[Tab, QWidget], titles: Mapping[QWidget, str],
                 fields: Mapping[str, QWidget] | None = None) -> None:
        self._tabs = tabs
        self.fields = dict(fields or {})  # a warning's field -> the input it is about, marked and explained there
        self._pages = dict(pages)
        self._titles = dict(titles)
        self.lists: dict[Tab, WarningList] = {}
        for tab, page in self._pages.items():
            warning_list = WarningList(page)
            layout = page.layout()
            if isinstance(layout, QBoxLayout):
                layout.insertWidget(0, warning_list)
            self.lists[tab] = warning_list
        self.warnings: tuple[Plausibility, ...] = ()

    def show(self, warnings: tuple[Plausibility, ...]) -> None:
        """Put each warning on its tab; titles count them."""
        self.warnings = warnings
        for tab, page in self._pages.items():
            own = tuple(w for w in warnings if w.tab is tab)
            self.lists[tab].show_warnings(own)
            index = self._tabs.indexOf(page)
            self._tabs.setTabText(index, tab_title(self._titles[page], len(own)))
            self._tabs.setTabToolTip(index, "\n".join(str(w) for w in own))
            show_cells = getattr(page, "show_cell_warnings", None)  # the tabs with tables mark the cells themselves
            if show_cells is not None:
                show_cells(own)
        for name, widget in self.fields.items():
            mark_field(widget, [w for w in warnings if w.field == name])

    def of(self, tab: Tab) -> tuple[Plausibility, ...]:
        """The warnings shown on a tab."""
        return self.lists[tab].warnings


def mark_field(widget: QWidget, warnings: list[Plausibility]) -> None:
    """A warning border and the warning as the tooltip; an error's mark (the binder's) is left as it is."""
    message = "\n".join(f"{MARK} {w.problem} {w.expected}" for w in warnings)
    widget.setProperty("plausibility", message)
    if widget.styleSheet() in ("", FIELD_STYLE):
        widget.setStyleSheet(FIELD_STYLE if warnings else "")
    widget.setToolTip(message or str(widget.property("plain_tooltip") or ""))


def today() -> date:
    """The day the checks are made for (a function, so tests can see what the screens use)."""
    return date.today()
