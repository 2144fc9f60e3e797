"""Full keyboard use: on every tab (and inner tab) of an open case, pressing Tab from the first input reaches every
shown input and button of the page and comes back round, so no field needs the mouse and no field traps the keys."""

from __future__ import annotations

from access_walk import INPUTS
from gui_factories import planned_case, show_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget, QWidget

MAX_PRESSES = 600


def _takes_tab_focus(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.isVisible() and widget.isEnabled()


def _focus_targets(page: QWidget) -> list[QWidget]:
    """The page's shown inputs and buttons that Tab should reach (a widget's own parts are reached through it)."""
    found = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, (*INPUTS, QAbstractButton)) or not _takes_tab_focus(widget):
            continue
        proxy = widget.focusProxy()
        found.append(proxy if proxy is not None else widget)
    return found


def _tab_round(start: QWidget, qtbot) -> tuple[set[int], bool]:  # type: ignore[no-untyped-def]
    """The widgets focused while pressing Tab from start, and whether the focus came back round to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    assert QApplication.focusWidget() is start, f"cannot focus {start!r}"
    seen: set[int] = set()
    for _ in range(MAX_PRESSES):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return seen, True
        seen.add(id(focused))
    return seen, False


def _pages(tabs: QTabWidget, path: str = "") -> list[tuple[str, QTabWidget, int]]:
    """Every (name, tab widget, index) to show, inner tab widgets' pages included."""
    out = []
    for i in range(tabs.count()):
        if not tabs.isTabVisible(i):
            continue
        name = f"{path}{tabs.tabText(i).replace('&', '')}"
        out.append((name, tabs, i))
        page = tabs.widget(i)
        inner = [t for t in page.findChildren(QTabWidget)
                 if not any(o is not t and o.isAncestorOf(t) for o in page.findChildren(QTabWidget))]
        for tab_widget in inner:
            out += [(n, t, j) for n, t, j in _pages(tab_widget, f"{name} › ")]
    return out


def test_tab_reaches_every_input_of_every_tab_and_comes_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    problems = []
    walked = 0
    for name, tabs, index in _pages(view.tabs):
        for outer_name, outer_tabs, outer_index in _pages(view.tabs):  # show the page's outer tabs first
            if name.startswith(outer_name) and outer_tabs.widget(outer_index).isAncestorOf(tabs):
                outer_tabs.setCurrentIndex(outer_index)
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        if page.findChildren(QTabWidget):
            continue  # a page holding inner tabs is walked through them
        targets = _focus_targets(page)
        if not targets:
            continue
        seen, round_trip = _tab_round(targets[0], qtbot)
        walked += 1
        if not round_trip:
            problems.append(f"{name}: Tab did not come back to the first input within {MAX_PRESSES} presses")
        missed = [t for t in targets[1:] if id(t) not in seen]
        problems += [f"{name}: Tab never reaches {t.accessibleName() or t.objectName() or type(t).__name__}"
                     for t in missed]
    assert walked >= 10  # Details, Job demands' pages, Capacity, Match, Plan's pages, Progress, History...
    assert problems == [], "\n".join(problems)


def test_tab_reaches_every_input_of_the_caseload_home(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.cases.save(planned_case())
    window.home_action.trigger()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    targets = _focus_targets(window.home)
    assert len(targets) >= 2  # the due list and its filters
    seen, round_trip = _tab_round(targets[0], qtbot)
    assert round_trip
    assert [t.accessibleName() or type(t).__name__ for t in targets[1:] if id(t) not in seen] == []


def test_tabbing_through_the_case_list_opens_nothing_and_down_opens_the_first(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    saved = window.cases.save(planned_case())
    window.reload_list()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.search_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.search_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.case_table
    assert window.shown_case_id() is None  # still on the caseload
    assert not window.case_table.currentIndex().isValid()
    qtbot.keyClick(window.case_table, Qt.Key.Key_Down)
    assert window.shown_case_id() == saved.id
