"""Walk a window's widgets: inputs without an accessible name, and Alt-key mnemonics used twice in one window."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QSlider,
    QTabWidget,
    QTextEdit,
    QWidget,
)

# The kinds of input the walk counts: a QCheckBox or QRadioButton only when it has no text of its own.
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit, QAbstractItemView, QSlider, QCheckBox,
          QRadioButton)
MNEMONIC = re.compile(r"&([^&\s])")


def _is_part_of_another(widget: QWidget, root: QWidget) -> bool:
    """A spin box's line edit, a combo box's list, a calendar's table: parts of an input, named by it."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, (*INPUTS, QCalendarWidget)) or parent.inherits("QComboBoxPrivateContainer"):
            return True
        parent = parent.parentWidget()
    return False


def inputs_of(root: QWidget) -> list[QWidget]:
    """Every input under root (shown or on a hidden tab page), without the parts of other inputs."""
    found = [widget for widget in root.findChildren(QWidget) if isinstance(widget, INPUTS)
             and not _is_part_of_another(widget, root)
             and not (isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip())]
    return found


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces: what Qt's accessibility interface reports (a buddy label counts here
    only when Qt itself exposes it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _attribute_of(widget: QWidget) -> str:
    """Where the code keeps the widget: 'CapacityView.grip_table' (the nearest of the app's own widgets holding it
    in an attribute, or its form), or its class in the app's nearest widget."""
    parent = widget.parentWidget()
    while parent is not None:
        if type(parent).__module__.startswith("rtw_planner"):
            for holder in (parent, getattr(parent, "ui", None), getattr(parent, "form", None)):
                for name, value in vars(holder).items() if holder is not None else ():
                    if value is widget:
                        return f"{type(parent).__name__}.{name}"
        parent = parent.parentWidget()
    owner = widget.parentWidget()
    while owner is not None and not type(owner).__module__.startswith("rtw_planner"):
        owner = owner.parentWidget()
    return f"a {type(widget).__name__} in {type(owner).__name__ if owner is not None else 'the window'}"


def describe(widget: QWidget) -> str:
    """An offending widget: its object name (or where the code keeps it) and its class."""
    name = widget.objectName() if widget.objectName() and not widget.objectName().startswith("qt_") else ""
    return f"{name or _attribute_of(widget)} ({type(widget).__name__})"


def unnamed_inputs(root: QWidget) -> list[str]:
    """The inputs under root that announce no name, described."""
    return [describe(widget) for widget in inputs_of(root) if not accessible_name(widget)]


def _mnemonic_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QLabel):  # a label's & makes a key only with a buddy to take the focus
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()] if widget.isCheckable() else []
    return []


def mnemonic_keys(window: QWidget) -> dict[str, list[str]]:
    """Each Alt-key letter of what the window shows now (its menus, the tabs of its shown tab bars, its shown
    labels with buddies, buttons and checkable group boxes), with what uses it."""
    keys: dict[str, list[str]] = defaultdict(list)

    def add(text: str, what: str) -> None:
        match = MNEMONIC.search(text.replace("&&", ""))
        if match:
            keys[match.group(1).lower()].append(f"{what} {text.replace('&', '')!r}")

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            if action.isVisible():
                add(action.text(), "menu")
    for widget in window.findChildren(QWidget):
        if isinstance(widget, QMenu) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    add(widget.tabText(i), "tab")
        for text in _mnemonic_texts(widget):
            add(text, f"{type(widget).__name__} {widget.objectName()}".strip())
    return keys


View = tuple[str, dict[str, list[str]]]


def each_tab_view(window: QWidget, tabs: QTabWidget | None = None, path: str = "") -> list[View]:
    """The mnemonic keys of every combination of shown tab pages: for each page of each top-level tab widget, the
    page's own inner tab widgets' pages in turn."""
    roots = [tabs] if tabs is not None else [t for t in window.findChildren(QTabWidget) if t.isVisibleTo(window)
                                            and not any(o is not t and o.isAncestorOf(t)
                                                        for o in window.findChildren(QTabWidget))]
    views: list[View] = []
    for outer in roots:
        for i in range(outer.count()):
            if not outer.isTabVisible(i):
                continue
            outer.setCurrentIndex(i)
            where = f"{path}{outer.tabText(i).replace('&', '')}"
            page = outer.widget(i)
            inner = [t for t in page.findChildren(QTabWidget) if t.isVisibleTo(window)
                     and not any(o is not t and o.isAncestorOf(t) for o in page.findChildren(QTabWidget))]
            if inner:
                for tab_widget in inner:
                    views += each_tab_view(window, tab_widget, f"{where} › ")
            else:
                views.append((where, mnemonic_keys(window)))
    return views


def clashes(keys: dict[str, list[str]]) -> dict[str, list[str]]:
    """The letters used more than once."""
    return {key: users for key, users in keys.items() if len(users) > 1}
