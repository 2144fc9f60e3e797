"""Colours come from the palette: under a dark palette (and a light one) every styled message, the Match/Mismatch
cells and the charts keep a WCAG contrast of at least 4.5 against what they are drawn on (3 for chart marks)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.domain.issuing.preflight import Preflight
from rtw_planner.domain.match.items import match
from rtw_planner.gui.dialogs.findings_view import FindingsView
from rtw_planner.gui.kit import styles
from rtw_planner.gui.kit.charts import SERIES_DARK, SERIES_LIGHT
from rtw_planner.gui.models.match_table import MatchTableModel
from rtw_planner.gui.widgets.match_chart import MatchChart

COLOUR = re.compile(r"colou?r:\s*(#[0-9a-fA-F]{6})")


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance, worked out from the sRGB channels."""
    c = QColor(colour)
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.redF(), c.greenF(), c.blueF())]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula_gives_the_published_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic 'just too light' grey
    # #a31515: L = 0.2126 × 0.3662 + 0.7152 × 0.0075 + 0.0722 × 0.0075 = 0.0838; (1.05) / (0.0838 + 0.05) = 7.85
    assert contrast("#a31515", "#ffffff") == pytest.approx(7.85, abs=0.01)


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                         (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Text, "#f0f0f0"), (QPalette.ColorRole.Button, "#353535"),
                         (QPalette.ColorRole.ButtonText, "#f0f0f0")):
        palette.setColor(role, QColor(colour))
    return palette


def high_contrast_palette() -> QPalette:
    palette = dark_palette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
        palette.setColor(role, QColor("#000000"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        palette.setColor(role, QColor("#ffffff"))
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#efefef"), (QPalette.ColorRole.WindowText, "#000000"),
                         (QPalette.ColorRole.Base, "#ffffff"), (QPalette.ColorRole.Text, "#000000")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["dark", "high contrast", "light"])
def palette(request, qapp) -> Iterator[QPalette]:  # type: ignore[no-untyped-def]
    """The application under each palette in turn, restored afterwards."""
    before = QApplication.palette()
    chosen = {"dark": dark_palette, "high contrast": high_contrast_palette, "light": light_palette}[request.param]()
    QApplication.setPalette(chosen)
    yield chosen
    QApplication.setPalette(before)


def backgrounds(palette: QPalette) -> list[str]:
    return [palette.color(role).name() for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base)]


def test_messages_read_on_the_window_and_on_fields(palette) -> None:  # type: ignore[no-untyped-def]
    texts = [styles.error_style(), styles.warning_style(), styles.ready_style(), styles.invalid_field_style(),
             styles.error_html("a"), styles.warning_html("a")]
    for text in texts:
        (colour,) = COLOUR.findall(text) or re.findall(r"#[0-9a-fA-F]{6}", text)
        for background in backgrounds(palette):
            assert contrast(colour, background) >= 4.5, (text, background)


def test_the_light_palette_keeps_the_colours_it_had(palette) -> None:  # type: ignore[no-untyped-def]
    if styles.is_dark(palette):
        assert styles.error_style() != styles.ERROR_STYLE
    else:
        assert styles.error_style() == styles.ERROR_STYLE


def test_the_findings_headline_reads(qtbot, palette) -> None:  # type: ignore[no-untyped-def]
    view = FindingsView()
    qtbot.addWidget(view)
    for extra_blocker in ("Save the case first", ""):  # blocked (an error), then ready
        view.show_result(Preflight(DocumentKind.EMPLOYER_LETTER, ()), extra_blocker)
        (colour,) = COLOUR.findall(view.headline.styleSheet())
        assert contrast(colour, palette.color(QPalette.ColorRole.Window).name()) >= 4.5


def test_match_and_mismatch_cells_read(qtbot, palette) -> None:  # type: ignore[no-untyped-def]
    lift = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
    carry = (Activity.CARRY, Frequency.OCCASIONAL)
    demands = PhysicalProfile(strength={lift: 20.0, carry: 10.0, (Activity.PUSH_INITIAL, Frequency.OCCASIONAL): 200})
    measured = PhysicalProfile(strength={lift: 10.0, carry: 15.0})
    model = MatchTableModel()
    model.set_items(match(demands, measured, Evaluation(date(2026, 11, 20), "Sam Rivers", profile=measured)))
    statuses = set()
    for row in range(model.rowCount()):
        index = model.index(row, 3)
        statuses.add(model.data(index))
        background = model.data(index, Qt.ItemDataRole.BackgroundRole)
        foreground = model.data(index, Qt.ItemDataRole.ForegroundRole)
        fore = foreground.color().name() if foreground is not None else palette.color(QPalette.ColorRole.Text).name()
        back = background.color().name() if background is not None else palette.color(QPalette.ColorRole.Base).name()
        assert contrast(fore, back) >= 4.5, (model.data(index), fore, back)
    assert statuses == {"Match", "Mismatch", "Not tested"}


def test_charts_take_the_palette_background_axes_and_readable_marks(qtbot, palette) -> None:  # type: ignore[no-untyped-def]
    chart = MatchChart()
    qtbot.addWidget(chart)
    chart.setPalette(palette)
    plot = chart.fresh_plot()
    assert plot.backgroundBrush().color().name() == palette.color(QPalette.ColorRole.Base).name()
    axis = plot.getAxis("left")
    assert axis.pen().color().name() == palette.color(QPalette.ColorRole.Text).name()
    assert axis.textPen().color().name() == palette.color(QPalette.ColorRole.Text).name()
    series = SERIES_DARK if styles.is_dark(palette) else SERIES_LIGHT
    for meaning in series:
        assert contrast(chart.colour(meaning), chart.background()) >= 3.0, meaning  # WCAG 1.4.11: graphics


def test_a_drawn_chart_follows_a_palette_change(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    chart = MatchChart()
    qtbot.addWidget(chart)
    chart.setPalette(light_palette())
    plot = chart.fresh_plot()
    assert plot.backgroundBrush().color().name() == "#ffffff"
    chart.setPalette(dark_palette())
    assert plot.backgroundBrush().color().name() == "#1e1e1e"
    assert plot.getAxis("bottom").textPen().color().name() == "#f0f0f0"
