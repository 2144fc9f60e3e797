"""The demo case opens with its dates moved to stand to today as they stood to 6 December 2026, by whole weeks."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.documents import check
from rtw_planner.domain.case.demo import DEMO_WRITTEN_FOR, demo_case, demo_shift_days, shift_case_text
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.domain.issuing.preflight import Severity


def test_on_the_day_it_was_written_nothing_moves(demo_text: str) -> None:
    case = demo_case(DEMO_WRITTEN_FOR)
    assert case.rtw_start_date == date(2027, 1, 4)
    assert case.review_date == date(2027, 1, 8)
    assert case.date_of_birth == date(1984, 3, 12)


def test_a_day_in_march_moves_everything_twelve_weeks() -> None:
    # 1 March 2027 is 85 days after 6 December 2026; the nearest whole number of weeks is 12 (84 days).
    assert demo_shift_days(date(2027, 3, 1)) == 84
    case = demo_case(date(2027, 3, 1))
    assert case.rtw_start_date == date(2027, 3, 29)  # 4 Jan + 84 days, a Monday like the original
    assert case.plan.phased_return.start == date(2027, 3, 29)
    assert case.review_date == date(2027, 4, 2)
    assert case.date_of_birth == date(1984, 6, 4)  # moved too, so the age and the grip norms stay the same
    assert case.next_appointment.when.isoformat() == "2027-03-05T10:30:00"  # 11 Dec 2026 10:30 + 84 days
    assert [e.assessed_on for e in case.evaluations] == [date(2026, 12, 18), date(2027, 2, 12)]


def test_dates_inside_text_are_left_alone() -> None:
    text = '{"note": "seen on 2026-12-01", "on": "2026-12-01", "when": "2026-12-01T09:15:00", "n": 2026}'
    assert shift_case_text(text, 7) == ('{\n  "note": "seen on 2026-12-01",\n  "on": "2026-12-08",\n'
                                        '  "when": "2026-12-08T09:15:00",\n  "n": 2026\n}')


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=date(2026, 12, 6), max_value=date(2034, 12, 31)))
def test_the_demo_can_be_issued_on_any_day(today: date) -> None:
    case = demo_case(today)
    assert case.rtw_start_date is not None
    assert case.rtw_start_date.weekday() == 0
    assert timedelta(days=26) <= case.rtw_start_date - today <= timedelta(days=32)
    assert case.current_evaluation is not None
    assert case.current_evaluation.assessed_on < today
    assert case.age_on(today) == 42  # as on 6 December 2026, give or take three days far from the birthday
    result = check(DocumentKind.EMPLOYER_LETTER, case, Clinic(name="Clinic", phone="0100 000 000"), None, today)
    assert [f for f in result.findings if f.severity is Severity.BLOCK] == []


def test_the_demo_compares_every_rated_demand() -> None:
    from rtw_planner.domain.match.items import MatchStatus
    from rtw_planner.domain.match.job import job_match
    from rtw_planner.domain.match.rated import rated_restrictions

    result = job_match(demo_case(DEMO_WRITTEN_FOR))
    # the job rates 17 DOT factors, 3 conditions and 5 cognitive demands above N; the re-test records all 25
    assert len(result.rated_items) == 25
    assert [i.name for i in result.rated_items if i.status is MatchStatus.NOT_TESTED] == []
    assert [(i.name, i.gap) for i in result.rated_items if i.status is MatchStatus.MISMATCH] == [
        ("Stooping", "needs Frequent, tolerates Occasional")]
    assert rated_restrictions(result.rated_items) == ("Stooping: no more than occasionally (up to a third of the day)",)
