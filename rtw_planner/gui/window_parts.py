"""The main window's parts that are only layout: the case list panel, the welcome page, the scrolled case area and
the splitter between them (their sizes are in window_size)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.gui.window_size import DEFAULT_SPLIT, LIST_MINIMUM_WIDTH


class CaseListView(QTableView):
    """The case list. Tabbing into it opens nothing: Qt makes the first row current when a list without one gets
    the focus, and the window opens the current row's case, so a keyboard user passing through would lose the
    caseload. The arrows (Down: the first case) or a click choose."""

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        selection = self.selectionModel()
        if selection is None or self.currentIndex().isValid():
            super().focusInEvent(event)
            return
        blocked = selection.blockSignals(True)
        try:
            super().focusInEvent(event)
            selection.clearCurrentIndex()
        finally:
            selection.blockSignals(blocked)
        self.viewport().update()


@dataclass
class CaseListPanel:
    """The search box, the case table, the count below them and the filters (archived, clinician)."""

    widget: QWidget
    search_edit: QLineEdit
    table: QTableView
    count_label: QLabel
    archived_box: QCheckBox
    clinician_box: QComboBox


def case_list_panel(model: QAbstractItemModel) -> CaseListPanel:
    """The left-hand panel over the case model; each input named for screen readers."""
    search = QLineEdit()
    search.setObjectName("case_search")
    search.setPlaceholderText("Name, job, employer, case no. or born")
    search.setToolTip("Finds a name, job title or employer (case and accents ignored; one or two letters find names "
                      "beginning with them), a case number (12 or #12) or a date of birth (1979-02-14 or 14/02/1979)")
    search.setAccessibleName("Search cases")
    search.setClearButtonEnabled(True)
    table = CaseListView()
    table.setObjectName("case_list")
    table.setAccessibleName("Cases")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the list for the case; arrows move within it
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column, width in ((1, 110), (2, 100), (3, 85)):
        header.resizeSection(column, width)
    count = QLabel()
    archived = QCheckBox("Show archived cases")  # no Alt-key: every letter is taken somewhere; Tab reaches it
    archived.setObjectName("show_archived")
    archived.setToolTip("List the archived cases instead of the open ones (File > Archive or restore case)")
    clinician = QComboBox()
    clinician.setObjectName("case_clinician")
    clinician.setAccessibleName("Clinician's queue")
    clinician.setToolTip("List every clinician's cases, or one clinician's")
    clinician.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    clinician.setMinimumContentsLength(9)
    clinician_label = QLabel("Clinician's &queue")  # Alt+Q: the letters of "clinician" are all taken
    clinician_label.setBuddy(clinician)
    # Under the checkbox, not beside it: side by side they need about 390 px, and the list keeps 260 on a laptop.
    filters = QHBoxLayout()
    filters.addWidget(clinician_label)
    filters.addWidget(clinician, 1)
    widget = QWidget()
    widget.setMinimumWidth(LIST_MINIMUM_WIDTH)
    layout = QVBoxLayout(widget)
    layout.addWidget(search)
    layout.addWidget(table)
    layout.addWidget(count)
    layout.addWidget(archived)
    layout.addLayout(filters)
    return CaseListPanel(widget, search, table, count, archived, clinician)


@dataclass
class WelcomePage:
    """The page shown when no case is open."""

    widget: QWidget
    label: QLabel
    demo_button: QPushButton
    new_button: QPushButton


def welcome_page() -> WelcomePage:
    """A greeting and the two ways to begin (their Alt-keys clash with no menu)."""
    page = QWidget()
    label = QLabel()
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    demo = QPushButton("Open the de&mo case")
    new = QPushButton("Start a &new case")
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    buttons.addWidget(demo)
    buttons.addWidget(new)
    buttons.addStretch(1)
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addLayout(buttons)
    layout.addStretch(2)
    return WelcomePage(page, label, demo, new)


def scrolled(widget: QWidget) -> QScrollArea:
    """The widget in a frameless scroll area that resizes it: below the widget's minimum the area scrolls, so the
    window may be smaller than the case view wants."""
    area = QScrollArea()
    area.setObjectName("case_scroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def main_splitter(left: QWidget, right: QWidget) -> QSplitter:
    """The list beside the case: the case takes the extra width, and neither side collapses to nothing."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setObjectName("main_splitter")
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, 0)
    splitter.setStretchFactor(1, 1)
    splitter.setChildrenCollapsible(False)
    splitter.setSizes(list(DEFAULT_SPLIT))
    return splitter
