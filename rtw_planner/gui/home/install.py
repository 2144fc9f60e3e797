"""Puts the caseload home into the main window: the first page of its stack (under the welcome text), a Home action
(Alt+Home) at the top of the File menu, and the jump from a due item to its case and tab."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMenu

from rtw_planner.domain.caseload.due import DueItem
from rtw_planner.gui.home.caseload_page import CaseloadPage

if TYPE_CHECKING:
    from rtw_planner.gui.mainwindow import MainWindow

HOME_SHORTCUT = "Alt+Home"
COLUMN_WIDTHS = (150, 85, 45, 85, 120, 110, 110)  # patient, born, case, review, next appointment, job, employer


def install_home(window: MainWindow) -> CaseloadPage:
    """Make the caseload the window's first screen; returns the page."""
    welcome = window.stack.widget(0)
    assert welcome is not None
    window.stack.removeWidget(welcome)
    page = CaseloadPage(lambda: window.cases, header=welcome)
    window.stack.insertWidget(0, page)
    window.stack.setCurrentIndex(0)
    window.case_model.modelReset.connect(page.mark_stale)  # saved, deleted, imported, another database
    page.open_requested.connect(lambda item: open_due(window, item))
    action = QAction("&Home: what is due", window)
    action.setShortcut(QKeySequence(HOME_SHORTCUT))
    action.setStatusTip("Show what is due across the cases")
    action.triggered.connect(lambda: go_home(window))
    menus = [menu for menu in (a.menu() for a in window.menuBar().actions()) if isinstance(menu, QMenu)]
    if menus and menus[0].actions():
        menus[0].insertAction(menus[0].actions()[0], action)  # File › Home, first
    window.addAction(action)
    window.home_action = action  # type: ignore[attr-defined]
    sortable_list(window)
    return page


def sortable_list(window: MainWindow) -> None:
    """The case list sorts on a click on a column's header (review date, next appointment…); a third click goes
    back to the stored order (most recently updated first)."""
    header = window.case_table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(COLUMN_WIDTHS):
        header.resizeSection(column, width)
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    window.case_table.setSortingEnabled(True)


def go_home(window: MainWindow) -> None:
    """Close the open case (its edits resolved first) and show the caseload, the keyboard on its list."""
    if not window.resolve_unsaved():
        return
    window.close_case_view()
    window.case_table.selectionModel().clearSelection()
    window.case_table.setCurrentIndex(window.case_model.index(-1, -1))
    window.reload_list()
    window.update_actions()
    page = window.stack.widget(0)
    if isinstance(page, CaseloadPage):
        page.focus_list()


def open_due(window: MainWindow, item: DueItem) -> None:
    """Open the item's case (unless the edits of another are kept) on the tab where it is dealt with."""
    if window.shown_case_id() != item.case_id:
        if not window.resolve_unsaved():
            return
        window.open_case(item.case_id)
    if window.shown_case_id() == item.case_id:
        window.case_view.show_tab(item.tab)
