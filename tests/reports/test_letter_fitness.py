"""The letter's fitness statement follows the clinician's outcome with correct periods, and its notice box names
exactly what the letter carries."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from letter_cases import CLINIC, DAY, START, make_case, pdf_text, phases, without_plan

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, RecipientRole
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.phases import Duties, Phase
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.letter_blocks import Section, build_letter

FITNESS = "Fitness for work"


def fitness_of(case: Case) -> Section | None:
    return next((s for s in build_letter(case, CLINIC, DAY).sections if s.heading == FITNESS), None)


def test_may_be_fit_with_each_fit_note_box_over_the_phases_that_call_for_it() -> None:
    """Four one-week phases from Monday 4 January at 50/60/75/100% of 40 h, all on modified duties with the match's
    restrictions: part time and altered hours stop when week 4 is back to 8 h x 5 days (24 January); amended duties
    and the adaptations run through week 4 (31 January)."""
    section = fitness_of(make_case())
    assert section is not None
    assert section.intro == ("Li Wei may be fit for work from 4 to 31 January 2027, taking account of the following "
                             "advice:")
    assert section.items == ("A phased return to work: 4 to 24 January 2027", "Altered hours: 4 to 24 January 2027",
                             "Amended duties: 4 to 31 January 2027", "Workplace adaptations: 4 to 31 January 2027")


def test_usual_duties_in_the_last_week_end_amended_duties_with_week_three() -> None:
    plan = (*phases(50, 60, 75), Phase(1, 100, duties=Duties.USUAL))
    section = fitness_of(make_case(plan_phases=plan, notes=()))
    assert section is not None
    assert section.items == ("A phased return to work: 4 to 24 January 2027", "Altered hours: 4 to 24 January 2027",
                             "Amended duties: 4 to 24 January 2027")


def test_may_be_fit_without_phases_lasts_until_the_review_or_the_clinicians_date() -> None:
    section = fitness_of(without_plan(make_case()))
    assert section is not None
    assert section.intro == "Li Wei may be fit for work from 1 December 2026, taking account of the following advice:"
    assert section.items == ("Amended duties: until the review on 8 January 2027",
                             "Workplace adaptations: until the review on 8 January 2027")
    dated = without_plan(make_case(fitness=FitnessStatement(FitnessOutcome.MAY_BE_FIT, date(2026, 12, 7),
                                                            date(2027, 2, 28))))
    section = fitness_of(dated)
    assert section is not None
    assert section.intro == ("Li Wei may be fit for work from 7 December 2026 to 28 February 2027, taking account "
                             "of the following advice:")
    assert section.items[0] == "Amended duties: until 28 February 2027"


def test_not_fit_gives_the_period_and_the_review() -> None:
    statement = FitnessStatement(FitnessOutcome.NOT_FIT, date(2026, 12, 1), date(2027, 1, 3))
    section = fitness_of(make_case(fitness=statement))
    assert section is not None
    assert section.intro == ("Li Wei is not fit for work from 1 December 2026 to 3 January 2027. I will assess Li Wei "
                             "again on 8 January 2027.")
    assert section.items == ()
    open_ended = fitness_of(make_case(fitness=FitnessStatement(FitnessOutcome.NOT_FIT)))
    assert open_ended is not None
    assert open_ended.intro.startswith("Li Wei is not fit for work from 1 December 2026; the end of this period has "
                                       "not been set yet.")


def test_not_fit_shows_the_plan_only_when_it_starts_after_the_period() -> None:
    before = make_case(fitness=FitnessStatement(FitnessOutcome.NOT_FIT, DAY, date(2027, 1, 3)))  # plan from 4 Jan
    overlapping = make_case(fitness=FitnessStatement(FitnessOutcome.NOT_FIT, DAY, date(2027, 1, 10)))
    shown = build_letter(before, CLINIC, DAY)
    hidden = build_letter(overlapping, CLINIC, DAY)
    assert shown.schedule is not None
    assert any(s.heading == "The job's tasks" for s in shown.sections)
    assert hidden.schedule is None
    assert not any(s.heading == "The job's tasks" for s in hidden.sections)


def test_fit_for_usual_work_from_a_date() -> None:
    section = fitness_of(without_plan(make_case(fitness=FitnessStatement(FitnessOutcome.FIT, START))))
    assert section is not None
    assert section.intro == "Li Wei is fit for usual work from 4 January 2027."
    assert section.items == ()


@pytest.mark.parametrize("case", [make_case(outcome=None), make_case(evaluated=False),
                                  make_case(outcome=FitnessOutcome.FIT, evaluated=False)],
                         ids=["no outcome", "no evaluation", "fit but never assessed"])
def test_no_fitness_statement_without_an_outcome_and_an_evaluation(case: Case) -> None:
    assert fitness_of(case) is None
    text = pdf_text(render_employer_letter(case, CLINIC, DAY, invariant=True))
    assert "fit for work" not in text.lower()
    assert "fit for usual work" not in text.lower()
    assert FITNESS not in text


def test_the_basis_sentence_only_with_a_dated_evaluation() -> None:
    assessed = build_letter(make_case(), CLINIC, DAY)
    assert "These recommendations are based on a functional assessment by Ana Costa on 20 November 2026." \
        in assessed.paragraphs[1]
    unassessed = pdf_text(render_employer_letter(make_case(evaluated=False), CLINIC, DAY, invariant=True))
    assert "based on a functional assessment" not in unassessed
    assert "No functional assessment has been recorded yet, so this draft gives no advice about work." in unassessed


# --- The notice box --------------------------------------------------------------------------------------------

FUNCTIONAL_ONLY = "It contains abilities, limits, schedule and adjustments."
BORN = date(1984, 3, 12)


def consent(category: ConsentCategory, recipient: str = "Acme Foods") -> Consent:
    return Consent(category, recipient, "return to work", date(2026, 11, 1))


def with_details(case: Case, *categories: ConsentCategory, claim: bool = False) -> Case:
    return replace(case, date_of_birth=BORN, diagnosis="Low back pain", workers_comp_claim=claim,
                   outcomes=(OutcomeRecord("PEG", date(2026, 11, 20), (6, 5, 7), 6.0),),
                   consents=tuple(consent(c) for c in categories))


def notice(case: Case, request: DisclosureRequest | None = None, jurisdiction: Jurisdiction = Jurisdiction.GENERIC
           ) -> str:
    return build_letter(case, replace(CLINIC, jurisdiction=jurisdiction), DAY, request=request).notice


def test_the_patient_copy_of_functional_information() -> None:
    text = notice(with_details(make_case()))
    assert text == f"Patient's copy: given to Li Wei to pass on. {FUNCTIONAL_ONLY}"
    assert "only" not in text


def test_each_consented_category_is_named() -> None:
    assert notice(with_details(make_case(), ConsentCategory.DIAGNOSIS)).endswith(
        "It contains abilities, limits, schedule and adjustments, and the diagnosis, shared with consent.")
    assert notice(with_details(make_case(), ConsentCategory.PAIN_SCORES, ConsentCategory.DATE_OF_BIRTH,
                               ConsentCategory.DIAGNOSIS)).endswith(
        "It contains abilities, limits, schedule and adjustments, and the date of birth, diagnosis and pain scores, "
        "shared with consent.")


def test_a_consent_for_something_the_case_does_not_hold_is_not_named() -> None:
    bare = replace(make_case(), consents=(consent(ConsentCategory.DIAGNOSIS), consent(ConsentCategory.PAIN_SCORES)))
    assert notice(bare).endswith(FUNCTIONAL_ONLY)


def test_sent_with_consent() -> None:
    case = with_details(make_case(), ConsentCategory.FUNCTIONAL, ConsentCategory.OUTCOME_SCORES)
    request = DisclosureRequest("Acme Foods", RecipientRole.EMPLOYER, Delivery.SENT)
    assert notice(case, request) == f"Sent to Acme Foods with Li Wei's consent. {FUNCTIONAL_ONLY}"  # PEG is pain


def test_the_scheme_diagnosis_is_named_as_the_schemes() -> None:
    request = DisclosureRequest("Acme Foods", RecipientRole.EMPLOYER, diagnosis_by_scheme=True)
    case = with_details(make_case(), claim=True)
    assert notice(case, request, Jurisdiction.US).endswith(
        "It contains abilities, limits, schedule and adjustments, and the diagnosis, as the workers' compensation "
        "scheme allows.")
    both = with_details(make_case(), ConsentCategory.PAIN_SCORES, claim=True)
    assert notice(both, request, Jurisdiction.US).endswith(
        "It contains abilities, limits, schedule and adjustments; the pain scores, shared with consent; and the "
        "diagnosis, as the workers' compensation scheme allows.")


def test_the_date_of_birth_prints_only_when_allowed() -> None:
    without = pdf_text(render_employer_letter(with_details(make_case()), CLINIC, DAY, invariant=True))
    assert "1984" not in without
    assert "Re: Li Wei, Picker" in without
    allowed = with_details(make_case(), ConsentCategory.DATE_OF_BIRTH)
    text = pdf_text(render_employer_letter(allowed, CLINIC, DAY, invariant=True))
    assert "Re: Li Wei (date of birth 12 March 1984), Picker" in text
    assert "and the date of birth, shared with consent." in text


@pytest.mark.parametrize("categories", [(), (ConsentCategory.DIAGNOSIS,), (ConsentCategory.DATE_OF_BIRTH,),
                                        (ConsentCategory.PAIN_SCORES, ConsentCategory.OUTCOME_SCORES),
                                        tuple(ConsentCategory)])
def test_what_the_notice_names_is_what_the_letter_prints(categories: tuple[ConsentCategory, ...]) -> None:
    case = with_details(make_case(), *categories)
    text = pdf_text(render_employer_letter(case, CLINIC, DAY, invariant=True))
    named = notice(case)
    for label, printed in (("date of birth", "12 March 1984"), ("diagnosis", "Low back pain"),
                           ("pain scores", "PEG (Pain, Enjoyment of life, General activity): 6")):
        assert (label in named) is (printed in text), label
