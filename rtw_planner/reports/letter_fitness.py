"""The employer letter's fitness statement (the clinician's outcome, with its period and fit-note advice) and its
notice box (exactly what the letter carries)."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureDecision
from rtw_planner.domain.plan.fitness import FitnessOutcome
from rtw_planner.domain.plan.phase_periods import fit_note_periods
from rtw_planner.reports.letter_content import Section
from rtw_planner.reports.letter_wording import day, listing, period, periods
from rtw_planner.reports.wording import fill


def contents(words: dict[str, str], decision: DisclosureDecision) -> str:
    """What the letter carries, in the order of the categories: functional information always; then what a
    consent released; then the diagnosis where the scheme, not a consent, is the reason."""
    listed = decision.listed()
    scheme = decision.diagnosis_by_scheme and ConsentCategory.DIAGNOSIS in listed
    consented = [c.label for c in listed
                 if c is not ConsentCategory.FUNCTIONAL and not (scheme and c is ConsentCategory.DIAGNOSIS)]
    parts = ([fill(words["contents_consent"], categories=listing(consented))] if consented else []) \
        + ([words["contents_scheme"]] if scheme else [])
    main = ConsentCategory.FUNCTIONAL.label
    if not parts:
        return main
    if len(parts) == 1:
        return f"{main}, and {parts[0]}"
    return f"{main}; {parts[0]}; and {parts[1]}"


def notice(words: dict[str, str], decision: DisclosureDecision, patient_name: str) -> str:
    """The notice box: how the letter travels and exactly what it contains (never 'only' when it holds more)."""
    key = "sent_notice" if decision.delivery is Delivery.SENT else "patient_copy_notice"
    return fill(words[key], patient_name=patient_name, recipient=decision.recipient,
                contents=contents(words, decision))


def until_review(words: dict[str, str], case: Case, key: str = "until_review") -> str:
    """'Until capacity is assessed again, at the review on 8 January 2027 at the earliest.' (a limit), or 'Until
    the review on 8 January 2027.' (a fit-note option, key 'fitness_until_review'), or until the next assessment
    when no date is set."""
    if case.review_date is None:
        return words["until_next_assessment"]
    return fill(words[key], review_date=day(case.review_date))


def fitness_sections(words: dict[str, str], case: Case, letter_date: date, has_gaps: bool) -> tuple[Section, ...]:
    """The clinician's outcome: none at all without an evaluation or a chosen outcome (a draft of an unassessed
    case must not read as fit); not fit with its period and review; fit for usual work from a date; or may be fit
    with the fit-note advice, each option with the days it covers."""
    fitness = case.plan.fitness
    if case.current_evaluation is None or fitness is None:
        return ()
    name = case.patient_name
    first = fitness.from_date or letter_date
    if fitness.outcome is FitnessOutcome.NOT_FIT:
        text = fill(words["fitness_not_fit"], patient_name=name, period=period(first, fitness.to_date)) \
            if fitness.to_date else fill(words["fitness_not_fit_open"], patient_name=name, first=day(first))
        if case.review_date is not None:
            text += " " + fill(words["fitness_not_fit_review"], patient_name=name, review_date=day(case.review_date))
        return (Section(words["fitness_heading"], intro=text),)
    if fitness.outcome is FitnessOutcome.FIT:
        return (Section(words["fitness_heading"], intro=fill(words["fitness_fit"], patient_name=name,
                                                             first=day(first))),)
    return (_may_be_fit(words, case, letter_date, has_gaps),)


def _may_be_fit(words: dict[str, str], case: Case, letter_date: date, has_gaps: bool) -> Section:
    """May be fit, from the phased return's start (or the clinician's date) to its end (or the clinician's)."""
    fitness, phased, notes = case.plan.fitness, case.plan.phased_return, case.plan.notes
    assert fitness is not None
    first = fitness.from_date or (phased.start if phased else letter_date)
    last = fitness.to_date or (phased.end_date if phased else None)
    if phased is not None:
        options = tuple(fill(words["fitness_option"], option=a.option, periods=periods(a.periods))
                        for a in fit_note_periods(phased, bool(notes)))
    else:  # no phases: the advice lasts for the period, or until the review
        until = fill(words["fitness_until"], last=day(last)) if last \
            else lower(until_review(words, case, "fitness_until_review"))
        chosen = (["Amended duties"] if has_gaps else []) + (["Workplace adaptations"] if notes else [])
        options = tuple(fill(words["fitness_option"], option=o, periods=until) for o in chosen)
    key = "fitness_may_be_fit" if last else "fitness_may_be_fit_open"
    intro = fill(words[key if options else key + "_no_options"], patient_name=case.patient_name, first=day(first),
                 period=period(first, last) if last else "")
    return Section(words["fitness_heading"], intro=intro, items=options)


def lower(sentence: str) -> str:
    """'Until the review on 8 January 2027.' -> 'until the review on 8 January 2027', to go inside a line."""
    return sentence[:1].lower() + sentence[1:].rstrip(".")
