"""The pre-flight: what blocks a document from being issued, and what only warns, each naming field and fix."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic, Clinician, Consent, ConsentCategory
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, DocumentKind, RecipientRole
from rtw_planner.domain.issuing.preflight import Preflight, PreflightError, Severity, preflight
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import Plan, SafetyReview
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn

TODAY = date(2026, 12, 6)
EMPLOYER = "Acme Packaging"
LETTER, REPORT, HANDOUT = DocumentKind.EMPLOYER_LETTER, DocumentKind.MATCH_REPORT, DocumentKind.PATIENT_HANDOUT


def demands(lift_kg: float = 10) -> JobDemands:
    profile = PhysicalProfile({(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL): lift_kg},
                              {Activity.STAND: PostureTolerance(30, 240)})
    return JobDemands(profile, tasks=(Task("Pack boxes", activities=(Activity.LIFT_FLOOR_TO_WAIST,)),))


def evaluation(lift_kg: float = 12, on: date = TODAY - timedelta(days=10), effort: Effort = Effort.CONSISTENT
               ) -> Evaluation:
    profile = PhysicalProfile({(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL): lift_kg},
                              {Activity.STAND: PostureTolerance(45, 300)})
    return Evaluation(on, "PT", "Work-well FCE", effort, profile=profile)


def ready(**changes: object) -> Case:
    """A case a letter can be issued for: assessed, demands, a clinician with a direct line, fitness chosen, a
    phased return starting next week and a review in three weeks."""
    phased = PhasedReturn(Contract(37.5, 5), TODAY + timedelta(days=8), (Phase(1, 50), Phase(1, 100)))
    plan = Plan(phased_return=phased, fitness=FitnessStatement(FitnessOutcome.MAY_BE_FIT))
    base = Case("Ana Lima", employer=EMPLOYER, job_title="Packer", demands=demands(), evaluations=(evaluation(),),
                clinician=Clinician("Sam Lee", "Occupational therapist", "HCPC OT1", "0100 000 111"),
                review_date=TODAY + timedelta(days=21), plan=plan)
    return replace(base, **changes)  # type: ignore[arg-type]


def check(case: Case, kind: DocumentKind = LETTER, request: DisclosureRequest | None = None,
          jurisdiction: Jurisdiction = Jurisdiction.GENERIC) -> Preflight:
    request = request or DisclosureRequest(EMPLOYER)
    return preflight(kind, case, request, TODAY, jurisdiction=jurisdiction)


def fields(findings: tuple[object, ...]) -> list[str]:
    return [f.field for f in findings]  # type: ignore[attr-defined]


def with_plan(case: Case, **changes: object) -> Case:
    return replace(case, plan=replace(case.plan, **changes))  # type: ignore[arg-type]


def test_a_ready_case_can_be_issued_without_warnings() -> None:
    result = check(ready())
    assert result.can_issue
    assert result.findings == ()


@pytest.mark.parametrize(("clinic", "missing"), [(Clinic(), "name and phone or e-mail are"),
                                                 (Clinic("Riverside"), "phone or e-mail is"),
                                                 (Clinic(phone="0100 000 000"), "name is")])
def test_an_issued_document_needs_the_clinics_name_and_a_contact(clinic: Clinic, missing: str) -> None:
    result = preflight(LETTER, ready(), DisclosureRequest(EMPLOYER), TODAY, clinic=clinic)
    assert fields(result.blocking) == ["Clinic details"]
    assert missing in result.blocking[0].problem
    handout = preflight(HANDOUT, ready(), DisclosureRequest("Ana Lima", RecipientRole.PATIENT), TODAY, clinic=clinic)
    assert "Clinic details" in fields(handout.warnings)  # the patient's own copy: a warning only
    assert preflight(LETTER, ready(), DisclosureRequest(EMPLOYER), TODAY,
                     clinic=Clinic("Riverside", email="rtw@riverside.example")).can_issue


def test_shorter_days_while_the_week_grows_warn() -> None:
    """37.5 h over 5 days at 60% is 4.5 h a day; 70% over 3 days is 8.75 h a day; 80% over 5 days is 6 h a day."""
    case = ready()
    assert case.plan.phased_return is not None
    phases = (Phase(1, 60), Phase(1, 70, 3), Phase(1, 80), Phase(1, 100))
    result = check(with_plan(case, phased_return=replace(case.plan.phased_return, phases=phases)))
    assert result.can_issue
    assert fields(result.warnings) == ["Plan: phase 3 hours a day"]
    assert "from 8.75 to 6" in result.warnings[0].problem


@pytest.mark.parametrize("kind", [LETTER, REPORT])
def test_unassessed_case_names_every_missing_piece(kind: DocumentKind) -> None:
    bare = Case("Ana Lima", employer=EMPLOYER)
    request = DisclosureRequest("Clinical team", RecipientRole.CLINICAL_TEAM, Delivery.SENT) if kind is REPORT \
        else None
    result = check(bare, kind, request)
    assert not result.can_issue
    blocking = fields(result.blocking)
    for missing in ("Capacity: evaluations", "Job demands", "Details: clinician"):
        assert missing in blocking
    assert all(f.fix for f in result.blocking)  # every problem says what to do
    assert ("Plan: fitness for work" in blocking) is (kind is LETTER)  # only the letter states fitness


def test_the_letter_needs_a_fitness_outcome() -> None:
    result = check(with_plan(ready(), fitness=None))
    assert fields(result.blocking) == ["Plan: fitness for work"]


def test_an_evaluation_dated_after_the_issue_date_blocks() -> None:
    result = check(ready(evaluations=(evaluation(on=TODAY + timedelta(days=10)),)))
    assert "Capacity: evaluation date" in fields(result.blocking)


def test_an_old_evaluation_and_inconsistent_effort_only_warn() -> None:
    old = check(ready(evaluations=(evaluation(on=TODAY - timedelta(days=91), effort=Effort.INCONSISTENT),)))
    assert old.can_issue
    assert fields(old.warnings) == ["Capacity: evaluation date", "Capacity: effort"]
    assert "91 days old" in old.warnings[0].problem
    assert check(ready(evaluations=(evaluation(on=TODAY - timedelta(days=90)),))).warnings == ()


@pytest.mark.parametrize(("change", "field"), [
    ({"review_date": TODAY - timedelta(days=1)}, "Details: review date"),
])
def test_dates_before_the_issue_date_block(change: dict[str, object], field: str) -> None:
    assert field in fields(check(ready(**change)).blocking)
    assert field in fields(check(ready(**change), REPORT, DisclosureRequest(
        "Clinical team", RecipientRole.CLINICAL_TEAM, Delivery.SENT)).blocking)


def test_a_phased_return_that_started_before_the_issue_date_blocks() -> None:
    case = ready()
    assert case.plan.phased_return is not None
    started = replace(case.plan.phased_return, start=TODAY - timedelta(days=1))
    result = check(with_plan(case, phased_return=started))
    assert fields(result.blocking) == ["Plan: phased return start"]
    assert "2026-12-05" in result.blocking[0].problem


def not_fit_case(fitness: FitnessStatement, review: date | None = TODAY + timedelta(days=14)) -> Case:
    """Not fit for two weeks, reviewed at the end of them, with the phased return starting after."""
    case = ready(review_date=review)
    assert case.plan.phased_return is not None
    later = replace(case.plan.phased_return, start=TODAY + timedelta(days=15))
    return with_plan(case, fitness=fitness, phased_return=later)


@pytest.mark.parametrize(("fitness", "blocked"), [
    (FitnessStatement(FitnessOutcome.NOT_FIT, TODAY - timedelta(days=1), TODAY + timedelta(days=14)),
     ["Plan: fitness from"]),
    (FitnessStatement(FitnessOutcome.NOT_FIT, TODAY, None), ["Plan: fitness to"]),
    (FitnessStatement(FitnessOutcome.NOT_FIT, TODAY, TODAY + timedelta(days=14)), []),
])
def test_not_fit_periods(fitness: FitnessStatement, blocked: list[str]) -> None:
    assert fields(check(not_fit_case(fitness)).blocking) == blocked


def test_fit_from_a_past_day_blocks() -> None:
    fit = FitnessStatement(FitnessOutcome.FIT, TODAY - timedelta(days=30))
    assert "Plan: fitness from" in fields(check(with_plan(ready(), fitness=fit)).blocking)


def test_not_fit_must_be_reviewed_by_its_end_and_the_return_start_after_it() -> None:
    """Not fit to day 14, reviewed on day 21: days 15-20 covered by nothing; a return starting on day 8 contradicts
    the period."""
    not_fit = FitnessStatement(FitnessOutcome.NOT_FIT, TODAY, TODAY + timedelta(days=14))
    late = check(not_fit_case(not_fit, review=TODAY + timedelta(days=21)))
    assert fields(late.blocking) == ["Details: review date"]
    assert "leaving days the letter does not cover" in late.blocking[0].problem
    assert check(not_fit_case(not_fit, review=TODAY + timedelta(days=15))).can_issue  # the day after the end
    early = check(with_plan(ready(review_date=TODAY + timedelta(days=14)), fitness=not_fit))  # return on day 8
    assert fields(early.blocking) == ["Plan: phased return start"]


def test_not_fit_needs_a_review_date_and_the_others_only_warn_without_one() -> None:
    not_fit = FitnessStatement(FitnessOutcome.NOT_FIT, TODAY, TODAY + timedelta(days=14))
    assert fields(check(not_fit_case(not_fit, review=None)).blocking) == ["Details: review date"]
    may_be = check(ready(review_date=None))
    assert may_be.can_issue
    assert fields(may_be.warnings) == ["Details: review date"]


def test_fit_for_usual_work_with_a_mismatch_blocks() -> None:
    weak = ready(evaluations=(evaluation(lift_kg=6),))  # 6 kg measured against 10 kg asked
    result = check(with_plan(weak, fitness=FitnessStatement(FitnessOutcome.FIT, TODAY)))
    assert fields(result.blocking) == ["Plan: fitness for work"]
    assert "1 demand of the job exceed" in result.blocking[0].problem
    assert check(with_plan(ready(), fitness=FitnessStatement(FitnessOutcome.FIT, TODAY))).can_issue


def test_hours_going_down_block_unless_marked_intended() -> None:
    case = ready()
    assert case.plan.phased_return is not None
    down = (Phase(1, 60), Phase(1, 50), Phase(1, 100))
    result = check(with_plan(case, phased_return=replace(case.plan.phased_return, phases=down)))
    assert fields(result.blocking) == ["Plan: phase 2 hours"]
    assert "18.75 a week" in result.blocking[0].problem  # 37.5 h x 50%
    intended = (Phase(1, 60), Phase(1, 50, step_down_intended=True), Phase(1, 100))
    assert check(with_plan(case, phased_return=replace(case.plan.phased_return, phases=intended))).can_issue


@pytest.mark.parametrize(("job", "task", "condition", "kinds"), [
    ("Bus driver", "Drive the route", None, "professional driving"),
    ("Packer", "Move the pallet truck between aisles", None, None),  # a pallet truck is not driving
    ("Packer", "Pack boxes", "moving_mechanical_parts", "operating machinery"),
    ("Roofer", "Fit tiles on the roof", None, "working at height"),
])
def test_safety_critical_work_blocks_until_licensing_and_medication_are_discussed(
        job: str, task: str, condition: str | None, kinds: str | None) -> None:
    base = ready(job_title=job)
    ratings = {(RatedGroup.ENVIRONMENT, condition): Rating.FREQUENT} if condition else {}
    case = replace(base, demands=replace(base.demands, tasks=(Task(task, activities=(Activity.LIFT_FLOOR_TO_WAIST,)),),
                                         ratings=ratings))
    result = check(case)
    if kinds is None:
        assert result.can_issue
        return
    assert fields(result.blocking) == ["Plan: safety-critical work"]
    assert kinds in result.blocking[0].problem
    reviewed = with_plan(case, safety_review=SafetyReview(TODAY, "No sedating medication"))
    assert check(reviewed).can_issue


def test_sending_without_consent_is_a_blocking_problem_naming_the_request() -> None:
    result = check(ready(), request=DisclosureRequest(EMPLOYER, RecipientRole.EMPLOYER, Delivery.SENT))
    assert fields(result.blocking) == ["Recipient and delivery (delivery)"]


def test_a_consent_ending_within_four_weeks_warns() -> None:
    consent = Consent(ConsentCategory.FUNCTIONAL, EMPLOYER, "return to work", TODAY - timedelta(days=30),
                      expiry=TODAY + timedelta(days=28))
    sent = DisclosureRequest(EMPLOYER, RecipientRole.EMPLOYER, Delivery.SENT)
    result = check(ready(consents=(consent,)), request=sent)
    assert result.can_issue
    assert fields(result.warnings) == ["Details: consents"]
    later = replace(consent, expiry=TODAY + timedelta(days=29))
    assert check(ready(consents=(later,)), request=sent).warnings == ()


def test_untested_demands_and_template_demands_warn() -> None:
    base = ready()
    profile = PhysicalProfile({**base.demands.profile.strength, (Activity.CARRY, Frequency.OCCASIONAL): 15},
                              base.demands.profile.postures)
    result = check(replace(base, demands=replace(base.demands, profile=profile)))
    assert result.can_issue
    assert fields(result.warnings) == ["Capacity: not tested"]
    assert result.warnings[0].problem == "1 demand of the job was not assessed."


def test_a_clinician_without_a_direct_line_warns() -> None:
    result = check(ready(clinician=Clinician("Sam Lee", "Occupational therapist")))
    assert fields(result.warnings) == ["Details: clinician contact"]


def test_the_handout_only_warns() -> None:
    request = DisclosureRequest("Ana Lima", RecipientRole.PATIENT, Delivery.PATIENT_COPY)
    result = check(Case("Ana Lima"), HANDOUT, request)
    assert result.can_issue
    assert [f.severity for f in result.findings] == [Severity.WARN]
    assert fields(result.findings) == ["Plan"]


def test_the_error_lists_every_blocking_problem_one_a_line() -> None:
    result = check(Case("Ana Lima", employer=EMPLOYER))
    message = str(PreflightError(result))
    assert message.startswith("the employer letter cannot be issued:")
    assert message.count("\n- ") == len(result.blocking) >= 4
    assert "Ana Lima" not in message  # never a patient's name


def test_fit_for_usual_work_with_a_phased_return_below_full_hours_warns() -> None:
    result = check(with_plan(ready(), fitness=FitnessStatement(FitnessOutcome.FIT, TODAY + timedelta(days=8))))
    assert result.can_issue
    assert fields(result.warnings) == ["Plan: fitness for work"]


def test_phase_restrictions_from_an_earlier_evaluation_warn() -> None:
    """Generated from 6 kg measured earlier; the current evaluation measures 8 kg against the 10 kg demanded."""
    case = ready(evaluations=(evaluation(lift_kg=8),))
    assert case.plan.phased_return is not None
    old = "No lifting from floor to waist above 6 kg occasionally (up to a third of the day)"
    current = "No lifting from floor to waist above 8 kg occasionally (up to a third of the day)"
    typed = "No kneeling on the loading bay"  # the clinician's own words are never called stale

    def with_restrictions(*texts: str) -> Case:
        assert case.plan.phased_return is not None
        phases = tuple(replace(p, restrictions=texts) for p in case.plan.phased_return.phases)
        return with_plan(case, phased_return=replace(case.plan.phased_return, phases=phases))

    stale = check(with_restrictions(old, typed))
    assert fields(stale.warnings) == ["Plan: phase restrictions"]
    assert stale.warnings[0].problem.startswith("1 restriction in the phases")
    assert check(with_restrictions(current, typed)).warnings == ()


def test_a_rated_restriction_from_an_earlier_tolerance_warns() -> None:
    """Stooping tolerated seldom earlier, occasionally now, against a job that stoops frequently."""
    from rtw_planner.domain.capacity.tolerances import Tolerance

    stooping = (RatedGroup.PHYSICAL, "stooping")
    now = replace(evaluation(), tolerances={stooping: Tolerance(Rating.OCCASIONAL, "observed in FCE")})
    case = ready(demands=replace(demands(), ratings={stooping: Rating.FREQUENT}), evaluations=(now,))
    assert case.plan.phased_return is not None
    old = "Stooping: no more than seldom (up to 2% of the day)"
    current = "Stooping: no more than occasionally (up to a third of the day)"

    def with_restrictions(*texts: str) -> Case:
        assert case.plan.phased_return is not None
        phases = tuple(replace(p, restrictions=texts) for p in case.plan.phased_return.phases)
        return with_plan(case, phased_return=replace(case.plan.phased_return, phases=phases))

    stale = check(with_restrictions(old, "Stooping only with a long-handled tool"))
    assert fields(stale.warnings) == ["Plan: phase restrictions"]
    assert stale.warnings[0].problem.startswith("1 restriction in the phases")
    assert check(with_restrictions(current)).warnings == ()
