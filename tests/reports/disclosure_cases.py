"""A small case that holds every sensitive category, each marked by a canary, and the consent states to test."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case.model import Case, Clinic, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile

C = ConsentCategory
DAY = date(2026, 12, 1)  # the documents' date
EMPLOYER = "Northgate Distribution Ltd"
INSURER = "Acme Insurance"
DOCTOR = "Dr Ngozi Adeyemi"
CLINIC = Clinic("Riverside Rehab", "1 High Street\nLeeds", "0113 496 0000")
LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)

# The canaries: what each category prints, and a pattern that finds it in the PDF's text.
CANARIES: dict[ConsentCategory, re.Pattern[str]] = {
    C.DIAGNOSIS: re.compile(r"CANARY-DIAGNOSIS"),
    C.DATE_OF_BIRTH: re.compile(r"1961"),  # born 23 July 1961; no other date in these documents is in 1961
    C.GRIP_NORMS: re.compile(r"\d+% of the norm"),
    C.EFFORT: re.compile(r"CANARY-EFFORT|Inconsistent effort|Consistent, full effort"),
    C.PAIN_SCORES: re.compile(r"(?<![\d.])(7\.7|6\.6)(?!\d)"),  # the PEG, a pain instrument
    C.OUTCOME_SCORES: re.compile(r"(?<![\d.])(3\.1|5\.8)(?!\d)"),  # the PSFS
    C.CLINICAL_NOTES: re.compile(r"CANARY-CLINICAL-NOTE"),
    # Projected from 8 kg on 1 Oct to 12 kg on 12 Nov (42 days): 4/42 kg a day reaches the 20 kg demand 12/(4/42)
    # = 126 days after 1 Oct, on 4 February 2027.
    C.PROJECTIONS: re.compile(r"4 February 2027|Linear trend"),
}
SENSITIVE = tuple(c for c in ConsentCategory if c is not C.FUNCTIONAL)


def evaluation(on: date, lift_kg: float, effort: Effort, notes: str, grip: bool = False) -> Evaluation:
    trials = (GripTrials(Hand.RIGHT, (40.0, 41.0, 42.0)),) if grip else ()
    return Evaluation(on, "Priya Shah", "WorkWell FCE", effort, notes, PhysicalProfile({LIFT: lift_kg}), trials)


def sensitive_case() -> Case:
    """A picker who lifts 12 kg of a 20 kg demand, with every sensitive category recorded."""
    demands = JobDemands(PhysicalProfile({LIFT: 20.0}), tasks=(Task("Pick cases", True, 60, (LIFT[0],)),))
    # Both with full effort: a projection uses no evaluation whose values are only minimums.
    evaluations = (evaluation(date(2026, 10, 1), 8.0, Effort.CONSISTENT, "CANARY-EFFORT-FIRST"),
                   evaluation(date(2026, 11, 12), 12.0, Effort.CONSISTENT, "CANARY-EFFORT-LATEST", grip=True))
    outcomes = (OutcomeRecord("PEG", date(2026, 10, 1), (), 7.7, notes="CANARY-CLINICAL-NOTE"),
                OutcomeRecord("PEG", date(2026, 11, 12), (), 6.6),
                OutcomeRecord("PSFS", date(2026, 10, 1), (), 3.1),
                OutcomeRecord("PSFS", date(2026, 11, 12), (), 5.8, notes="CANARY-CLINICAL-NOTE"))
    return Case("Tomasz Wiśniewski", date(1961, 7, 23), Sex.MALE, EMPLOYER, "Order picker",
                Clinician("Priya Shah", "Physiotherapist", "HCPC PH123456", "0161 496 0732"),
                "CANARY-DIAGNOSIS lumbar", consents=(), demands=demands, evaluations=evaluations, outcomes=outcomes)


def consent(category: ConsentCategory, recipient: str, *, expiry: date | None = None,
            withdrawn_on: date | None = None) -> Consent:
    return Consent(category, recipient, "return to work", date(2026, 11, 1), expiry, withdrawn_on)


def with_consents(case: Case, state: str, recipient: str) -> Case:
    """The case under a named consent state for the recipient:
    'none'; 'functional'; 'functional+<category>'; '<category> alone'; 'all'; 'all expired' (the day before);
    'all withdrawn' (a fortnight before); 'all for another recipient'."""
    if state == "none":
        given: tuple[Consent, ...] = ()
    elif state == "functional":
        given = (consent(C.FUNCTIONAL, recipient),)
    elif state.startswith("functional+"):
        given = (consent(C.FUNCTIONAL, recipient), consent(C(state.removeprefix("functional+")), recipient))
    elif state.endswith(" alone"):
        given = (consent(C(state.removesuffix(" alone")), recipient),)
    elif state == "all":
        given = tuple(consent(c, recipient) for c in C)
    elif state == "all expired":
        given = tuple(consent(c, recipient, expiry=date(2026, 11, 30)) for c in C)
    elif state == "all withdrawn":
        given = tuple(consent(c, recipient, withdrawn_on=date(2026, 11, 17)) for c in C)
    elif state == "all for another recipient":
        given = tuple(consent(c, "Someone Else Ltd") for c in C)
    else:
        raise ValueError(state)
    return replace(case, consents=given)


STATES = ("none", "functional", *(f"functional+{c.value}" for c in SENSITIVE), *(f"{c.value} alone" for c in SENSITIVE),
          "all", "all expired", "all withdrawn", "all for another recipient")


def words(pdf: bytes) -> str:
    """The PDF's text, read back, with runs of white space as one space."""
    assert pdf.startswith(b"%PDF-")
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def shown(text: str) -> frozenset[ConsentCategory]:
    """The sensitive categories whose canary is in the text."""
    return frozenset(c for c, pattern in CANARIES.items() if pattern.search(text))
