"""The Progress tab: outcome scores and re-measured capacity over time, and the home-practice log, with charts."""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.checks.plausibility import Plausibility, Table
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import progress_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.domain.outcomes.instruments import InstrumentError, get_instrument, load_instruments
from rtw_planner.domain.outcomes.progress import instruments_recorded, practice_series, score_series
from rtw_planner.domain.outcomes.recording import record_outcome
from rtw_planner.gui.kit.dates_delegate import DateDelegate
from rtw_planner.gui.kit.numbers import parse_number
from rtw_planner.gui.kit.styles import ERROR_STYLE, INVALID_FIELD_STYLE
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.outcomes_table import OutcomesTableModel, PracticeTableModel, parse_answers
from rtw_planner.gui.widgets.binder import Binder
from rtw_planner.gui.widgets.cell_marks import mark_cells, position_in
from rtw_planner.gui.widgets.progress_charts import PracticeChart, ScoreChart

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


NOTES_HINT = "notes (optional)"
PSFS_HINT = "the activities rated, in order: e.g. Walk the dog; stand to cook; lift shopping"


class ProgressView(QWidget):
    """Adds outcome records and practice entries to the case being edited (as edits) and charts them."""

    binders: tuple[Binder, ...] = ()  # nothing typed here is part of the case until Add

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case: Case | None = None
        self._sink: EditSink | None = None
        self.outcomes_model = OutcomesTableModel(self)
        self.practice_model = PracticeTableModel(self)
        self.instrument_combo = QComboBox()
        self.instrument_combo.setAccessibleName("Instrument")
        # as wide as the row allows, not as the longest instrument's name: the tab fits a laptop at 125%
        self.instrument_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.instrument_combo.setMinimumContentsLength(18)
        for instrument in load_instruments():
            self.instrument_combo.addItem(f"{instrument.id}: {instrument.name}", instrument.id)
        self.record_date = QDateEdit(QDate.currentDate())
        self.record_date.setAccessibleName("Outcome date")
        self.record_date.setCalendarPopup(True)
        self.record_date.setDisplayFormat("d MMM yyyy")
        self.answers_edit = QLineEdit()
        self.answers_edit.setPlaceholderText("answers in item order, e.g. 7 6 8 (- for a missing answer)")
        self.answers_edit.setAccessibleName("Answers")
        self.notes_edit = QLineEdit()
        self.notes_edit.setPlaceholderText(NOTES_HINT)
        self.notes_edit.setAccessibleName("Notes on the record")
        self.add_record_button = QPushButton("Score and &add")
        self.remove_record_button = QPushButton("Remove record")
        self.remove_practice_button = QPushButton("Remove day")
        self.outcomes_view = rows_table_view(self.outcomes_model)
        self.outcomes_view.setAccessibleName("Outcome records")
        self.practice_view = rows_table_view(self.practice_model)
        self.practice_view.setAccessibleName("Home-practice log")
        for view, field in ((self.outcomes_view, "outcome date"), (self.practice_view, "practice date")):
            view.setItemDelegateForColumn(0, DateDelegate(field, view))
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        self.activity_combo = QComboBox()
        self.activity_combo.setAccessibleName("Practice activity")
        self.practice_date = QDateEdit(QDate.currentDate())
        self.practice_date.setAccessibleName("Practice date")
        self.practice_date.setCalendarPopup(True)
        self.practice_date.setDisplayFormat("d MMM yyyy")
        self.done_edit = QLineEdit()
        self.done_edit.setAccessibleName("Practice done")
        self.done_edit.setMaximumWidth(80)
        self.met_box = QCheckBox("Quota met")
        self.add_practice_button = QPushButton("Add to &log")
        self.chart_instrument = QComboBox()
        self.chart_instrument.setAccessibleName("Chart instrument")
        self.chart_activity = QComboBox()
        self.chart_activity.setAccessibleName("Chart activity")
        self.flag_label = QLabel()
        self.score_chart = ScoreChart()
        self.practice_chart = PracticeChart()
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self._layout()
        self.answers_edit.textEdited.connect(self._on_answers_edited)
        self.instrument_combo.currentIndexChanged.connect(self._on_answers_edited)
        self.add_record_button.clicked.connect(self._on_add_record_clicked)
        self.add_practice_button.clicked.connect(self._on_add_practice_clicked)
        self.remove_record_button.clicked.connect(lambda: self._remove(self.outcomes_view, self.outcomes_model))
        self.remove_practice_button.clicked.connect(lambda: self._remove(self.practice_view, self.practice_model))
        for model in (self.outcomes_model, self.practice_model):
            model.invalid_input.connect(self.message_label.setText)
        self.chart_instrument.currentIndexChanged.connect(lambda _i: self.refresh_charts())
        self.chart_activity.currentIndexChanged.connect(lambda _i: self.refresh_charts())

    def _layout(self) -> None:
        record_row = QHBoxLayout()
        for widget in (self.instrument_combo, self.record_date, self.answers_edit, self.notes_edit,
                       self.add_record_button, self.remove_record_button):
            record_row.addWidget(widget)
        practice_row = QHBoxLayout()
        for item in (QLabel("Practice:"), self.practice_date, self.activity_combo, QLabel("done"), self.done_edit,
                     self.met_box, self.add_practice_button, self.remove_practice_button):
            practice_row.addWidget(item)
        practice_row.addStretch(1)
        tables = QWidget()
        tables_layout = QVBoxLayout(tables)
        tables_layout.setContentsMargins(0, 0, 0, 0)
        tables_layout.addWidget(QLabel("<b>Outcome measures and performance tests</b>"))
        tables_layout.addWidget(self.outcomes_view)
        tables_layout.addLayout(record_row)
        tables_layout.addWidget(self.score_label)
        tables_layout.addWidget(QLabel("<b>Home-practice log</b>"))
        tables_layout.addWidget(self.practice_view)
        tables_layout.addLayout(practice_row)
        charts = QWidget()
        charts_layout = QVBoxLayout(charts)
        charts_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(QLabel("Chart:"))
        pick.addWidget(self.chart_instrument)
        pick.addWidget(self.chart_activity)
        pick.addStretch(1)
        charts_layout.addLayout(pick)
        charts_layout.addWidget(self.flag_label)
        row = QHBoxLayout()
        row.addWidget(self.score_chart)
        row.addWidget(self.practice_chart)
        charts_layout.addLayout(row, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(tables)
        splitter.addWidget(charts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message_label)

    # -- values --------------------------------------------------------------------------------------------
    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = sink
        self.outcomes_model.sink = sink
        self.practice_model.sink = sink

    def show_cell_warnings(self, warnings: tuple[Plausibility, ...]) -> None:
        """Mark the outcome dates and practice amounts the progress warnings are about (rows by their place in
        the case)."""
        for model, table in ((self.outcomes_model, Table.OUTCOMES), (self.practice_model, Table.PRACTICE)):
            shown = [str(model.position(row)) for row in range(model.rowCount())]
            mark_cells(model, warnings, table, position_in(shown))

    def load(self, case: Case) -> None:
        """Show another case's records."""
        self._case = None
        self.refresh(case, frozenset(Part))

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the records after an edit (oldest first); the activities follow the plan's quotas."""
        before, self._case = self._case, case
        self.outcomes_model.age, self.outcomes_model.sex = self._age_sex()
        if Part.PROGRESS in parts:
            self.outcomes_model.show(case.outcomes)
            self.practice_model.show(case.practice_log)
        activities = [q.name for q in case.plan.quotas]
        if before is None or activities != [q.name for q in before.plan.quotas]:
            current = self.activity_combo.currentText()
            self.activity_combo.clear()
            self.activity_combo.addItems(activities)
            if current in activities:
                self.activity_combo.setCurrentText(current)
        if parts & {Part.PROGRESS, Part.PLAN}:
            self._refresh_choices(draw=False)  # the charts are redrawn once the edits pause

    def outcomes(self) -> tuple[OutcomeRecord, ...]:
        """The records as edited."""
        return self.outcomes_model.rows()

    def practice_log(self) -> tuple[PracticeEntry, ...]:
        """The log as edited."""
        return self.practice_model.rows()

    def _age_sex(self) -> tuple[int | None, str | None]:
        case = self._case
        if case is None:
            return None, None
        return case.age_on(date.today()), case.sex.value if case.sex else None

    def _record(self) -> OutcomeRecord:
        instrument = get_instrument(str(self.instrument_combo.currentData()))
        answers = parse_answers(self.answers_edit.text())
        age, sex = self._age_sex()
        on: date = self.record_date.date().toPython()  # type: ignore[assignment]
        return record_outcome(instrument, on, answers, age=age, sex=sex, notes=self.notes_edit.text().strip())

    # -- slots ---------------------------------------------------------------------------------------------
    def _on_answers_edited(self, *_args: object) -> None:
        psfs = str(self.instrument_combo.currentData()) == "PSFS"
        self.notes_edit.setPlaceholderText(PSFS_HINT if psfs else NOTES_HINT)
        self.notes_edit.setAccessibleName("PSFS activities" if psfs else "Notes on the record")
        self.answers_edit.setStyleSheet("")
        if not self.answers_edit.text().strip():
            self.score_label.clear()
            return
        try:
            record = self._record()
        except (ValidationError, InstrumentError) as exc:
            self.score_label.setText(f"<span style='color:#a31515'>{escape(str(exc))}</span>")
            return
        score = "no score" if record.score is None else f"{record.score:.2f}"
        self.score_label.setText(f"Score: <b>{score}</b>" + (f", {escape(record.band)}" if record.band else ""))

    def _on_add_record_clicked(self) -> None:
        try:
            record = self._record()
        except (ValidationError, InstrumentError) as exc:
            self.message_label.setText(str(exc))  # an incomplete questionnaire names the items missing
            self.answers_edit.setStyleSheet(INVALID_FIELD_STYLE)
            self.answers_edit.setFocus()
            return
        if not self._push(progress_edits.add_outcome(record, len(self._case.outcomes) if self._case else 0)):
            return
        self.answers_edit.clear()
        self.notes_edit.clear()
        self.score_label.clear()

    def _on_add_practice_clicked(self) -> None:
        activity = self.activity_combo.currentText()
        try:
            done = parse_number(self.done_edit.text())
        except ValueError:
            self.message_label.setText(f"practice done: {self.done_edit.text()!r} is not allowed; expected a number")
            return
        if not activity:
            self.message_label.setText("practice activity: none; add a graded activity on the Plan tab first")
            return
        quota = next((q for q in (self._case.plan.quotas if self._case else ()) if q.name == activity), None)
        chosen = self.practice_date.date()
        on = date(chosen.year(), chosen.month(), chosen.day())
        from rtw_planner.domain.outcomes.progress import practice_start
        from rtw_planner.domain.plan.quota import quota_for_week

        # The same week count as the chart: from the first of the return-to-work start and the first log entry.
        start = (practice_start(self._case, activity, on) if self._case else None) or on
        planned = quota_for_week(quota, start, on) if quota else None
        try:
            entry = PracticeEntry(on, activity, planned, done, self.met_box.isChecked())
        except ValidationError as exc:
            self.message_label.setText(str(exc))
            return
        if self._push(progress_edits.add_practice(entry, len(self._case.practice_log) if self._case else 0)):
            self.done_edit.clear()

    def _remove(self, view: QTableView, model: OutcomesTableModel | PracticeTableModel) -> None:
        """Remove the selected row (undo puts it back)."""
        current = view.currentIndex()
        if current.isValid():
            model.remove_row(current.row())

    def _push(self, edit: Edit) -> bool:
        problem = self._sink(edit) if self._sink is not None else None
        self.message_label.setText(str(problem) if problem else "")
        return problem is None

    def _refresh_choices(self, draw: bool = True) -> None:
        case = self._case
        for combo, values in ((self.chart_instrument, instruments_recorded(case) if case else []),
                              (self.chart_activity, [q.name for q in case.plan.quotas] if case else [])):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(values)
            if current in values:
                combo.setCurrentText(current)
            combo.blockSignals(False)
        if draw:
            self.refresh_charts()

    def refresh_charts(self) -> None:
        """Redraw the charts if they are on screen (pyqtgraph loads on first draw)."""
        case = self._case
        if case is None or not self.isVisible():
            return
        instrument = self.chart_instrument.currentText()
        if instrument:
            series = score_series(case, instrument)
            self.score_chart.show_series(series)
            self.flag_label.setText(f"{series.name}: latest against baseline — {series.latest_flag or 'one score'}")
        activity = self.chart_activity.currentText()
        if activity:
            logged = [e.on for e in case.practice_log if e.activity == activity]
            until = max(logged) + timedelta(days=14) if logged else None  # the log's weeks, not the whole plan
            self.practice_chart.show_series(practice_series(case, activity, until))

    def showEvent(self, event: object) -> None:  # noqa: N802
        """Draw the charts when the tab is first shown."""
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh_charts()
