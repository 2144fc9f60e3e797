"""Progress charts as drawings: every score and logged day is plotted, the MCID band and goals sit where they should."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from factories import followed_up_case
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, Shape, String
from reportlab.lib import colors

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import PracticeEntry
from rtw_planner.domain.outcomes.progress import practice_series, score_series
from rtw_planner.reports.progress_charts import (
    BAND,
    MET,
    MISSED,
    NEUTRAL,
    PracticeLabels,
    ScoreLabels,
    practice_chart,
    score_chart,
    ticks,
)
from rtw_planner.reports.styles import FONT, FONT_BOLD

LAST_LOGGED = date(2026, 11, 26)
DATE_LABEL = re.compile(r"\d{1,2} [A-Z][a-z]{2}")


@pytest.fixture
def case() -> Case:
    return followed_up_case()


def nodes(drawing: Drawing | Group) -> Iterator[Shape]:
    """Every shape, inside groups too."""
    for node in drawing.contents:
        yield node
        if isinstance(node, Group):
            yield from nodes(node)


def texts(drawing: Drawing) -> list[str]:
    return [node.text for node in nodes(drawing) if isinstance(node, String)]


def test_score_chart_plots_every_score_with_a_marker(case: Case) -> None:
    series = score_series(case, "PSFS")
    drawing = score_chart(series, 240, 150)
    line = drawing.scores
    assert isinstance(line, PolyLine)
    assert len(line.points) // 2 == len(series.values) == 3
    markers = [m for m in drawing.markers.contents if isinstance(m, Circle)]
    assert [(m.cx, m.cy) for m in markers] == list(zip(line.points[::2], line.points[1::2], strict=True))
    xs, ys = [m.cx for m in markers], [m.cy for m in markers]
    assert xs == sorted(xs)
    assert ys == sorted(ys)  # 3, 4, 5.33: rising
    assert ys[2] - ys[0] == pytest.approx((ys[1] - ys[0]) * (5.3333333 - 3.0))  # one scale for every score


def test_band_spans_baseline_plus_or_minus_the_mcid(case: Case) -> None:
    series = score_series(case, "PSFS")
    assert series.band == pytest.approx((1.7, 4.3))
    drawing = score_chart(series, 240, 150)
    band = drawing.band
    assert isinstance(band, Rect)
    assert band.fillColor == BAND
    baseline, second = drawing.markers.contents[:2]
    per_point = second.cy - baseline.cy  # PSFS 3.0 to 4.0
    assert band.y == pytest.approx(baseline.cy - 1.3 * per_point)
    assert band.y + band.height == pytest.approx(baseline.cy + 1.3 * per_point)
    assert drawing.contents[0] is band  # drawn first, under the grid and the line
    assert "Baseline ± MCID" in texts(drawing)


def test_no_band_without_an_mcid_and_goal_dates_are_dashed(case: Case) -> None:
    series = score_series(case, "6MWT")
    assert series.band is None
    drawing = score_chart(series, 240, 150)
    assert not [n for n in nodes(drawing) if isinstance(n, Rect) and n.fillColor == BAND]
    assert "Baseline ± MCID" not in texts(drawing)
    (goal,) = drawing.goals.contents
    assert isinstance(goal, Line)
    assert goal.x1 == goal.x2
    assert goal.strokeDashArray
    label = next(n for n in nodes(drawing) if isinstance(n, String) and n.text == "1 Mar")
    assert label.x == pytest.approx(goal.x1)  # the goal's date, 1 March 2027, labels the axis
    assert goal.x1 > max(m.cx for m in drawing.markers.contents)
    assert "Goal due" in texts(drawing)


def test_axes_are_labelled_with_dates_and_values(case: Case) -> None:
    drawing = score_chart(score_series(case, "PEG"), 240, 150, labels=ScoreLabels(axis="Pain score"))
    words = texts(drawing)
    assert [w for w in words if DATE_LABEL.fullmatch(w)] == ["25 Sep", "23 Oct", "20 Nov"]
    assert {"4", "5", "6", "7", "Pain score", "Score"} <= set(words)
    assert "PEG (Pain, Enjoyment of life, General activity)" in words  # the title


@pytest.mark.parametrize("chart", ["score", "practice"])
def test_every_string_is_dejavu(case: Case, chart: str) -> None:
    drawing = score_chart(score_series(case, "PSFS"), 240, 150) if chart == "score" \
        else practice_chart(practice_series(case, "Walking", LAST_LOGGED), 480, 180)
    strings = [n for n in nodes(drawing) if isinstance(n, String)]
    assert len(strings) > 8
    assert {s.fontName for s in strings} <= {FONT, FONT_BOLD}
    assert drawing.initialFontName == FONT


def test_practice_chart_quota_steps_and_what_was_done(case: Case) -> None:
    series = practice_series(case, "Walking", LAST_LOGGED)
    assert series.done == (8, 8, 8, 4)
    drawing = practice_chart(series, 480, 180)
    quota = drawing.quota
    assert len(quota.points) // 2 == 2 * len(series.days)  # each day a flat step
    assert len(set(quota.points[1::2])) == 1  # 8 minutes all four days
    quota_y = quota.points[1]
    done = drawing.done.contents
    assert len(done) == 4
    assert [d.fillColor for d in done[:3]] == [MET] * 3
    assert (done[3].fillColor, done[3].strokeColor) == (colors.white, MISSED)  # an open ring
    goal = drawing.goal
    assert goal.y1 == goal.y2 > quota_y
    assert goal.strokeDashArray
    per_minute = (goal.y1 - quota_y) / (30 - 8)
    assert [d.cy for d in done[:3]] == pytest.approx([quota_y] * 3)
    assert done[3].cy == pytest.approx(quota_y - 4 * per_minute)  # 4 minutes: below the quota of 8
    assert [w for w in texts(drawing) if DATE_LABEL.fullmatch(w)] == ["23 Nov", "24 Nov", "25 Nov", "26 Nov"]


def shape(mark: Shape) -> str:
    """A mark's form, as it prints in black and white: colour left out."""
    if isinstance(mark, Rect):
        return "square"
    assert isinstance(mark, Circle)
    return "open ring" if mark.fillColor == colors.white and mark.strokeColor is not None else "filled circle"


def test_met_and_missed_days_differ_in_shape_on_the_chart_and_in_its_legend(case: Case) -> None:
    no_quota = PracticeEntry(date(2026, 11, 27), "Cycling", None, 10, False)
    walking = practice_chart(practice_series(case, "Walking", LAST_LOGGED), 480, 180)
    assert [shape(m) for m in walking.done.contents] == ["filled circle"] * 3 + ["open ring"]
    cycling = practice_chart(practice_series(replace(case, practice_log=(no_quota,)), "Cycling"), 480, 180)
    assert [shape(m) for m in cycling.done.contents] == ["square"]
    legend = {n.text: n for n in nodes(walking) if isinstance(n, String)}
    marks = [n for n in walking.contents if isinstance(n, Circle | Rect) and n not in walking.done.contents]

    def beside(label: str) -> str:
        """The legend mark just left of its label."""
        text = legend[label]
        mark = min((m for m in marks if abs(getattr(m, "cy", 0) - text.y) < 10 and getattr(m, "cx", 0) < text.x),
                   key=lambda m: text.x - m.cx)
        return shape(mark)

    assert beside("Done, quota met") == "filled circle"
    assert beside("Done, below quota") == "open ring"


def test_practice_chart_labels_weeks_at_even_steps(case: Case) -> None:
    series = practice_series(case, "Walking")  # the whole plan: 15 weeks
    assert len(series.days) > 100
    drawing = practice_chart(series, 480, 180, labels=PracticeLabels(axis="Minutes a day", quota="Your quota"))
    labels = [n for n in nodes(drawing) if isinstance(n, String) and DATE_LABEL.fullmatch(n.text)]
    assert labels[0].text == "23 Nov"
    assert len(labels) >= 4
    steps = {round(b.x - a.x, 6) for a, b in zip(labels, labels[1:], strict=False)}
    assert len(steps) == 1  # a label every n-th week, none skipped for crowding
    assert {"Minutes a day", "Your quota", "Done, quota met", "Done, below quota", "Goal"} <= set(texts(drawing))
    assert max(drawing.quota.points[1::2]) == pytest.approx(drawing.goal.y1)  # the quota reaches the goal


def test_ticks_are_round_and_cover_the_values() -> None:
    assert ticks(420, 515) == [400, 425, 450, 475, 500, 525]
    assert ticks(1.7, 5.3333) == [1, 2, 3, 4, 5, 6]
    assert ticks(0, 30) == [0, 10, 20, 30]
    low, *_, high = ticks(5, 5)
    assert low < 5 < high


def test_practice_without_a_quota_is_grey_and_says_so(case: Case) -> None:
    logged = (PracticeEntry(date(2026, 11, 20), "Cycling", None, 12, False),
              PracticeEntry(date(2026, 11, 22), "Cycling", None, 15, False))
    series = practice_series(replace(case, practice_log=logged), "Cycling")
    drawing = practice_chart(series, 480, 180)
    assert [d.fillColor for d in drawing.done.contents] == [NEUTRAL, NEUTRAL]
    assert all(isinstance(d, Rect) for d in drawing.done.contents)
    words = texts(drawing)
    assert "Done, no quota set" in words
    assert not {"Quota", "Done, quota met", "Done, below quota", "Goal"} & set(words)
    assert not hasattr(drawing, "quota")


@pytest.mark.parametrize("scores", [0, 1])
def test_a_chart_with_one_score_or_none_still_draws(case: Case, scores: int) -> None:
    series = score_series(case if scores else replace(case, outcomes=()), "TSK-17")
    series = replace(series, dates=series.dates[:scores], values=series.values[:scores], changes=())
    drawing = score_chart(series, 240, 150)
    assert len(drawing.markers.contents) == scores
    assert renderPDF.drawToString(drawing).startswith(b"%PDF")
    empty = practice_chart(practice_series(replace(case, practice_log=()), "Nothing logged"), 480, 180)
    assert renderPDF.drawToString(empty).startswith(b"%PDF")
