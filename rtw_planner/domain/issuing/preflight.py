"""Before a document leaves the clinic: every problem that blocks issuing it, and every warning, each naming the
field and what to do. The CLI and the GUI both ask here; neither decides on its own."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.issuing.disclosure import DisclosureRequest, DocumentKind, RecipientRole, decide, same_recipient
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.plan.fitness import FitnessOutcome
from rtw_planner.domain.plan.goals import goal_quota_warnings

STALE_EVALUATION_DAYS = 90  # an evaluation older than this is flagged: capacity may have changed
CONSENT_WARNING_DAYS = 28  # a consent ending within four weeks is flagged


class Severity(StrEnum):
    """A blocking problem stops a document being issued; a warning is shown and the clinician decides."""

    BLOCK = "block"
    WARN = "warn"


@dataclass(frozen=True)
class Finding:
    """One problem: where to fix it, what is wrong, and what to do. Never quotes a name or clinical text."""

    severity: Severity
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.field}: {self.problem} {self.fix}"


@dataclass(frozen=True)
class Preflight:
    """Everything found for one document and request."""

    kind: DocumentKind
    findings: tuple[Finding, ...]

    @property
    def blocking(self) -> tuple[Finding, ...]:
        """Problems that stop the document being issued."""
        return tuple(f for f in self.findings if f.severity is Severity.BLOCK)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Things to look at before issuing."""
        return tuple(f for f in self.findings if f.severity is Severity.WARN)

    @property
    def can_issue(self) -> bool:
        """True when nothing blocks it."""
        return not self.blocking


class PreflightError(ValueError):
    """Issuing was refused; the message lists every blocking problem, one a line."""

    def __init__(self, result: Preflight) -> None:
        self.result = result
        lines = "\n".join(f"- {f}" for f in result.blocking)
        super().__init__(f"the {result.kind.label.lower()} cannot be issued:\n{lines}")


def _block(field: str, problem: str, fix: str) -> Finding:
    return Finding(Severity.BLOCK, field, problem, fix)


def _warn(field: str, problem: str, fix: str) -> Finding:
    return Finding(Severity.WARN, field, problem, fix)


def _day(value: date) -> str:
    return value.isoformat()


def _assessment(case: Case, today: date) -> list[Finding]:
    """The grounds every letter and report stands on: a dated evaluation, the job's demands, a named clinician."""
    out: list[Finding] = []
    evaluation = case.current_evaluation
    if evaluation is None:
        out.append(_block("Capacity: evaluations", "no dated evaluation is recorded, so nothing has been assessed.",
                          "Record the evaluation's date and results on the Capacity tab."))
    elif evaluation.assessed_on > today:
        out.append(_block("Capacity: evaluation date", f"the evaluation is dated {_day(evaluation.assessed_on)}, "
                          "after the issue date.", "Correct the date on the Capacity tab."))
    else:
        age = (today - evaluation.assessed_on).days
        if age > STALE_EVALUATION_DAYS:
            out.append(_warn("Capacity: evaluation date", f"the evaluation is {age} days old; capacity may have "
                             "changed.", "Re-measure, or check that it still holds."))
        if evaluation.effort is Effort.INCONSISTENT:
            out.append(_warn("Capacity: effort", "effort was rated inconsistent, so measured values may understate "
                             "capacity.", "Say so in the plan, or re-test."))
    demands = case.demands
    if not (demands.profile.strength or demands.profile.postures or demands.tasks or demands.ratings):
        out.append(_block("Job demands", "no demands of the job are recorded, so nothing can be matched.",
                          "Enter them on the Job demands tab, or copy a job template and check it."))
    elif demands.from_template:
        out.append(_warn("Job demands: source", "the demands come from a generic template, not the workplace.",
                         "Check them with the employer; the document says they are generic."))
    if case.clinician is None:
        out.append(_block("Details: clinician", "no clinician is named, so nobody signs or answers questions.",
                          "Enter the treating clinician's name, profession and registration on the Details tab."))
    elif not case.clinician.contact:
        out.append(_warn("Details: clinician contact", "no direct phone or e-mail for the clinician.",
                         "Add one so the employer knows whom to call; the clinic's details are used instead."))
    if evaluation is not None and (demands.profile.strength or demands.profile.postures):
        from rtw_planner.domain.match.job import job_match

        untested = job_match(case).count(MatchStatus.NOT_TESTED)
        if untested:
            several = untested > 1
            out.append(_warn("Capacity: not tested", f"{untested} demand{'s' if several else ''} of the job "
                             f"{'were' if several else 'was'} not assessed.", "Assess them, or the document tells the "
                             "employer to avoid the tasks that need them until they are."))
    return out


def _review(case: Case, today: date) -> list[Finding]:
    if case.review_date is not None and case.review_date < today:
        return [_block("Details: review date", f"the review date {_day(case.review_date)} is before the issue date.",
                       "Set the next review date.")]
    return []


def _phases(case: Case, today: date) -> list[Finding]:
    """Phase dates printed as advice must not lie in the past; hours must not drop between phases by accident."""
    out: list[Finding] = []
    phased = case.plan.phased_return
    if phased is not None:
        if phased.start < today:
            out.append(_block("Plan: phased return start", f"the phased return starts on {_day(phased.start)}, "
                              "before the issue date.", "Move the start to the issue date or later, or regenerate "
                              "the plan from today."))
        schedule = phased.schedule()
        for before, phase in zip(schedule, schedule[1:], strict=False):
            if phase.hours_per_day < before.hours_per_day and phase.weekly_hours >= before.weekly_hours:
                out.append(_warn(f"Plan: phase {phase.number} hours a day", f"days get shorter, from "
                                 f"{format_number(before.hours_per_day, 2)} to {format_number(phase.hours_per_day, 2)}"
                                 " hours, while the weekly hours rise: the earlier, longer days may be the harder "
                                 "ones.", "Check the days a week of each phase."))
        for phase in phased.step_downs():
            if not phase.step_down_intended:
                out.append(_block(f"Plan: phase {phase.number} hours", f"hours go down to "
                                  f"{format_number(phase.weekly_hours, 2)} a week from the phase before.",
                                  "Correct the phase, or mark the step down as intended so the letter explains it."))
        out += [_warn("Plan: phased return", warning, "Check the phases.") for warning in phased.warnings()]
        out += _stale_restrictions(case)
    return out


def _stale_restrictions(case: Case) -> list[Finding]:
    """Phase restrictions generated from an earlier evaluation: the current one gives other limits."""
    from rtw_planner.domain.match.job import job_match
    from rtw_planner.domain.match.rated import is_rated_restriction, rated_restrictions
    from rtw_planner.domain.match.restrictions import is_generated, restrictions_from_match, text_key

    phased = case.plan.phased_return
    if phased is None or case.current_evaluation is None:
        return []
    result = job_match(case)
    current = {text_key(r.text) for r in restrictions_from_match(result.items)}
    current |= {text_key(r) for r in rated_restrictions(result.rated_items)}
    stale = {text_key(t) for phase in phased.phases for t in phase.restrictions
             if is_generated(t) or is_rated_restriction(t)} - current
    if not stale:
        return []
    return [_warn("Plan: phase restrictions", f"{len(stale)} restriction{'s' if len(stale) > 1 else ''} in the "
                  "phases no longer follow from the current evaluation.",
                  "Regenerate the phases, or check each restriction.")]


def _fitness(case: Case, today: date) -> list[Finding]:
    """The clinician's fitness outcome, its period and whether it agrees with the match."""
    fitness, phased = case.plan.fitness, case.plan.phased_return
    if fitness is None:
        return [_block("Plan: fitness for work", "no fitness outcome is chosen.",
                       "Choose not fit for work, may be fit with advice, or fit for usual work on the Plan tab.")]
    out: list[Finding] = []
    start = fitness.from_date  # a period that follows the phased return is checked with the phases
    if start is not None and start < today:
        out.append(_block("Plan: fitness from", f"the period starts on {_day(start)}, before the issue date.",
                          "Set a start on or after the issue date."))
    if fitness.to_date is not None and fitness.to_date < today:
        out.append(_block("Plan: fitness to", f"the period ends on {_day(fitness.to_date)}, before the issue date.",
                          "Set the end of the period."))
    if fitness.outcome is FitnessOutcome.NOT_FIT:
        if fitness.to_date is None:
            out.append(_block("Plan: fitness to", "not fit for work needs the end of the period.",
                              "Set the date the advice runs to."))
        if case.review_date is None:
            out.append(_block("Details: review date", "not fit for work needs a review date.", "Set one."))
        elif fitness.to_date is not None and case.review_date > fitness.to_date + timedelta(days=1):
            out.append(_block("Details: review date", f"the review on {_day(case.review_date)} comes after the "
                              f"not-fit period ends on {_day(fitness.to_date)}, leaving days the letter does not "
                              "cover.", "Review by the end of the period, or extend it."))
        if phased is not None and fitness.to_date is not None and phased.start <= fitness.to_date:
            out.append(_block("Plan: phased return start", f"the phased return starts on {_day(phased.start)}, "
                              f"while the person is not fit for work until {_day(fitness.to_date)}.",
                              "Start the phased return after the not-fit period, or choose may be fit."))
    elif case.review_date is None:
        out.append(_warn("Details: review date", "no review date is set.", "Set one so the employer knows when "
                         "the advice will be looked at again."))
    if fitness.outcome is FitnessOutcome.FIT and case.current_evaluation is not None:
        from rtw_planner.domain.match.job import job_match

        gaps = job_match(case).count(MatchStatus.MISMATCH)
        if gaps:
            out.append(_block("Plan: fitness for work", f"fit for usual work, but {gaps} demand"
                              f"{'s' if gaps > 1 else ''} of the job exceed measured capacity.",
                              "Choose may be fit with advice, or re-measure capacity."))
    if fitness.outcome is FitnessOutcome.FIT and phased is not None and phased.phases[0].percent < 100:
        out.append(_warn("Plan: fitness for work", "fit for usual work, but a phased return below full hours is "
                         "planned.", "Choose may be fit with advice, or remove the phased return."))
    if fitness.outcome is FitnessOutcome.MAY_BE_FIT and phased is None and not case.plan.notes:
        out.append(_warn("Plan: fitness for work", "may be fit, but no phased return or adjustment is planned.",
                         "Add the advice the employer should follow."))
    return out


def _safety(case: Case) -> list[Finding]:
    from rtw_planner.domain.match.safety import safety_critical_work

    kinds = safety_critical_work(case)
    if not kinds or case.plan.safety_review is not None:
        return []
    work = ", ".join(k.label for k in kinds)
    return [_block("Plan: safety-critical work", f"the job involves {work}; this has not been discussed with the "
                   "patient.", "Discuss " + "; ".join(k.discuss for k in kinds) + ", and record it on the Plan tab "
                   "before the document goes out.")]


def _consents(case: Case, request: DisclosureRequest, today: date) -> list[Finding]:
    soon = today + timedelta(days=CONSENT_WARNING_DAYS)
    ending = [c for c in case.consents if c.is_active(today) and same_recipient(c.recipient, request.recipient)
              and c.expiry is not None and c.expiry <= soon]
    return [_warn("Details: consents", f"a consent for this recipient ends on {_day(c.expiry)}.",
                  "Renew it if documents will go on being sent.") for c in ending if c.expiry is not None]


def _handout(case: Case, today: date) -> list[Finding]:
    plan, out = case.plan, []
    if not (plan.quotas or plan.goals or plan.phased_return):
        out.append(_warn("Plan", "no goals, quotas or return to work are planned, so the handout is mostly "
                         "general advice.", "Plan them on the Plan tab."))
    appointment = case.next_appointment
    if appointment is not None and appointment.when.date() < today:
        out.append(_warn("Plan: next appointment", "the next appointment is in the past.", "Book the next one."))
    from rtw_planner.domain.outcomes.progress import plan_start, quota_starts

    warnings = goal_quota_warnings(plan.goals, plan.quotas, plan_start(case, today), starts=quota_starts(case, today))
    out += [_warn(field, problem, fix) for field, problem, fix in warnings]
    return out


def _plausible(case: Case, today: date) -> list[Finding]:
    """The plausibility layer's warnings (the current evaluation's date is a blocking problem here already)."""
    from rtw_planner.domain.checks.plausibility import Tab, plausibility

    return [_warn(p.field, p.problem, p.expected) for p in plausibility(case, today)
            if not (p.tab is Tab.CAPACITY and p.field == "Evaluation date")]


def _clinic(kind: DocumentKind, clinic: Clinic) -> list[Finding]:
    """The letterhead: an issued document names the clinic and how to reach it."""
    missing = [what for what, present in (("name", clinic.name), ("phone or e-mail", clinic.phone or clinic.email))
               if not present]
    if not missing:
        return []
    finding = _block if kind is not DocumentKind.PATIENT_HANDOUT else _warn
    return [finding("Clinic details", f"the clinic's {' and '.join(missing)} {'are' if len(missing) > 1 else 'is'} "
                    "not set, so the letterhead would show a placeholder.", "Fill in File > Clinic details.")]


def preflight(kind: DocumentKind, case: Case, request: DisclosureRequest, today: date, *,
              jurisdiction: Jurisdiction | None = None, clinic: Clinic | None = None) -> Preflight:
    """Every blocking problem and warning for issuing this document to this recipient today. The clinic's
    details are checked when the clinic is given; its jurisdiction is used unless another is given."""
    if jurisdiction is None:
        jurisdiction = clinic.jurisdiction if clinic is not None else Jurisdiction.GENERIC
    findings: list[Finding] = _clinic(kind, clinic) if clinic is not None else []
    try:
        decide(kind, case, request, today, jurisdiction=jurisdiction)
    except ValidationError as exc:
        findings.append(_block(f"Recipient and delivery ({exc.field})", f"{exc.allowed}.", "Change the request, or "
                               "record the consent it needs."))
    findings += _plausible(case, today)
    if kind is DocumentKind.PATIENT_HANDOUT:
        return Preflight(kind, tuple(findings + _handout(case, today)))
    findings += _assessment(case, today) + _review(case, today)
    if kind is DocumentKind.EMPLOYER_LETTER:
        findings += _fitness(case, today) + _phases(case, today) + _consents(case, request, today) + _safety(case)
    elif request.role is RecipientRole.EMPLOYER:
        findings += _safety(case) + _consents(case, request, today)
    elif request.role is not RecipientRole.CLINICAL_TEAM:
        findings += _consents(case, request, today)
    return Preflight(kind, tuple(findings))
