"""The caseload: what falls due in a case, in what order, and the overview a case opens on."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from factories import AS_OF, followed_up_case, mismatched_case, planned_case, unassessed_case
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.case.model import Consent, ConsentCategory
from rtw_planner.domain.caseload.due import DueReason, IssuedLetter, caseload, due_days, due_items
from rtw_planner.domain.caseload.overview import case_overview
from rtw_planner.domain.checks.plausibility import Tab
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn

MONDAY = date(2026, 12, 7)  # the day after AS_OF
# Two weeks at half hours, two at three quarters, one at full: 7-20 Dec, 21 Dec-3 Jan, 4-10 Jan (worked by hand).
PHASED = PhasedReturn(Contract(40, 5), MONDAY, (Phase(2, 50), Phase(2, 75), Phase(1, 100)))


def _case(case_id: int = 1, **changes: object):  # type: ignore[no-untyped-def]
    return replace(unassessed_case(), id=case_id, **changes)


def test_a_review_in_the_past_is_overdue_and_one_within_the_week_is_due() -> None:
    overdue = due_items(_case(review_date=date(2026, 11, 1)), AS_OF, 7)
    due = due_items(_case(review_date=date(2026, 12, 13)), AS_OF, 7)
    later = due_items(_case(review_date=date(2026, 12, 14)), AS_OF, 7)
    assert [(i.reason, i.date) for i in overdue] == [(DueReason.REVIEW_OVERDUE, date(2026, 11, 1))]
    assert [(i.reason, i.date) for i in due] == [(DueReason.REVIEW_DUE, date(2026, 12, 13))]
    assert later == []


def test_phases_starting_and_ending_in_the_window_are_listed_with_their_number() -> None:
    case = _case(plan=Plan(phased_return=PHASED))
    items = due_items(case, AS_OF, 14)  # 6 to 20 December
    assert [(i.reason, i.date, i.detail) for i in items] == [
        (DueReason.PHASE_STARTS, date(2026, 12, 7), "Phase 1 of 3"),
        (DueReason.PHASE_ENDS, date(2026, 12, 20), "Phase 1 of 3")]
    assert all(i.tab is Tab.PLAN for i in items)


def test_the_appointment_and_a_consent_running_out_are_due_a_withdrawn_consent_is_not() -> None:
    case = _case(next_appointment=Appointment(datetime(2026, 12, 9, 14, 15)), consents=(
        Consent(ConsentCategory.FUNCTIONAL, "Employer", "RTW", date(2026, 1, 1), expiry=date(2026, 12, 10)),
        Consent(ConsentCategory.DIAGNOSIS, "Employer", "RTW", date(2026, 1, 1), expiry=date(2026, 12, 8),
                withdrawn_on=date(2026, 6, 1))))
    items = due_items(case, AS_OF, 7)
    assert [(i.reason, i.date, i.detail) for i in items] == [
        (DueReason.APPOINTMENT, date(2026, 12, 9), "14:15"),
        (DueReason.CONSENT_EXPIRES, date(2026, 12, 10), "abilities, limits, schedule and adjustments consent")]


def test_only_the_latest_letter_is_renewed_once_its_review_date_comes() -> None:
    letters = [IssuedLetter(1, date(2026, 10, 1), date(2026, 11, 1)),
               IssuedLetter(1, date(2026, 11, 2), date(2026, 12, 12)),
               IssuedLetter(2, date(2026, 11, 2), date(2027, 2, 1))]
    items = due_items(_case(), AS_OF, 7, letters)
    assert [(i.reason, i.date) for i in items] == [(DueReason.LETTER_RENEW, date(2026, 12, 12))]
    assert due_items(_case(2), AS_OF, 7, letters) == []


def test_the_caseload_puts_overdue_reviews_first_then_everything_by_date() -> None:
    cases = [_case(1, review_date=date(2026, 12, 8)), _case(2, review_date=date(2026, 12, 1)),
             _case(3, review_date=date(2026, 10, 1)), _case(4, plan=Plan(phased_return=PHASED))]
    listed = [(i.case_id, i.reason.value) for i in caseload(cases, AS_OF, 7)]
    assert listed == [(3, "review_overdue"), (2, "review_overdue"), (4, "phase_starts"), (1, "review_due")]


def test_a_case_never_saved_has_nothing_due() -> None:
    assert due_items(replace(unassessed_case(), review_date=date(2026, 1, 1)), AS_OF) == []


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=367), st.floats(), st.text(), st.booleans()))
def test_the_look_ahead_must_be_whole_days_within_a_year(value: object) -> None:
    with pytest.raises(ValidationError, match="due within"):
        due_days(value)


def test_the_overview_shows_the_current_phase_with_its_hours_and_the_next_date() -> None:
    case = _case(plan=Plan(phased_return=PHASED, fitness=FitnessStatement(FitnessOutcome.MAY_BE_FIT)),
                 review_date=date(2027, 1, 15))
    overview = case_overview(case, date(2026, 12, 22))
    # phase 2: 75% of 40 h = 30 h a week over 5 days = 6 h a day
    assert overview.phase == "Phase 2 of 3 (to 2027-01-03): 6:00 a day, Mon to Fri, modified duties."
    assert overview.fitness == "May be fit for work with the advice below"
    assert overview.next_date is not None
    assert (overview.next_date.reason, overview.next_date.date) == (DueReason.PHASE_ENDS, date(2027, 1, 3))


def test_the_overview_says_what_blocks_the_letter() -> None:
    blocked = case_overview(_case(), AS_OF)
    assert not blocked.letter_ready
    assert any("evaluation" in f.field.lower() for f in blocked.letter_blocks)
    before = case_overview(_case(plan=Plan(phased_return=PHASED)), AS_OF)
    assert before.phase == "The phased return starts on 2026-12-07 (3 phases)."


def test_the_overview_of_a_planned_case_has_this_weeks_step_and_its_warnings() -> None:
    assert case_overview(replace(planned_case(), id=5), AS_OF).small_step == ""  # practice starts on 4 January
    overview = case_overview(replace(followed_up_case(), id=5), AS_OF)
    # walking practice began on 23 November, so 6 December is in week 2: the first quota is 80% of the mean of
    # (8, 10, 12) = 8 minutes, week 2 adds 10%: 8.8, printed as 9 minutes; the return to work is still ahead
    assert overview.small_step == "This week, at home: walking, 9 minutes each day."
    assert overview.next_date is not None
    assert overview.next_date.reason is DueReason.APPOINTMENT
    future_fce = replace(mismatched_case(), id=6)
    late = replace(future_fce, evaluations=tuple(replace(e, assessed_on=date(2026, 12, 16))
                                                 for e in future_fce.evaluations))
    assert any(w.field == "Evaluation date" for w in case_overview(late, AS_OF).warnings)
