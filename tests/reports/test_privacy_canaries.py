"""Privacy canaries: sensitive fields reach a document only with consent in force, or a workers' comp scheme."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdf
import pytest
from factories import followed_up_case
from PIL import Image

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, RecipientRole
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.handout import render_patient_handout
from rtw_planner.reports.letter_blocks import build_letter
from rtw_planner.reports.match_report import render_match_report

DIAGNOSIS, EFFORT = "CANARY-DIAGNOSIS", "CANARY-EFFORT"
OUTCOME = OutcomeRecord("ODI", date(2026, 11, 20), (86420.0,), 97531.0, "CANARY-BAND", "CANARY-OUTCOME")
CLINICAL = (EFFORT, "CANARY-BAND", "CANARY-OUTCOME", "97531", "86420")  # effort notes and outcome scores
EMPLOYER = "Northgate Distribution Ltd"
DAY = date(2026, 12, 1)
CLINIC = Clinic("Smith & <b>Jones</b> Клиника")
US_CLINIC = replace(CLINIC, jurisdiction=Jurisdiction.US)  # its scheme lets the diagnosis go to the employer
LARGE = RenderOptions(large_print=True)
PROJECTION_WORDS = re.compile(r"project(ed|ion)|an estimate|estimated date", re.IGNORECASE)
SCHEME_WORDING = "Included because the workers' compensation scheme allows it"
ODD = "Zoë <b>Łódź</b> & Ολγα Жуков"  # markup, an ampersand and non-Latin letters, printed literally
F, D = ConsentCategory.FUNCTIONAL, ConsentCategory.DIAGNOSIS


def consent(category: ConsentCategory, recipient: str = EMPLOYER, expiry: date | None = None,
            withdrawn_on: date | None = None) -> Consent:
    return Consent(category, recipient, "return to work", date(2026, 11, 1), expiry, withdrawn_on)


@pytest.fixture
def case() -> Case:
    full = followed_up_case()
    assert (bool(full.evaluations), full.consents, full.workers_comp_claim) == (True, (), False)
    return replace(full, diagnosis=DIAGNOSIS, outcomes=(OUTCOME,),
                   evaluations=tuple(replace(e, effort_notes=EFFORT) for e in full.evaluations))


@pytest.fixture
def everything(case: Case) -> Case:
    """Every consent to everyone, and a workers' compensation claim: the most a case can allow."""
    consents = tuple(consent(c, who) for c in ConsentCategory for who in (EMPLOYER, case.patient_name))
    return replace(case, consents=consents, workers_comp_claim=True)


def words(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def clinical_free(text: str) -> bool:
    return not any(canary in text for canary in CLINICAL)


def no_canary(text: str) -> bool:
    return DIAGNOSIS not in text and clinical_free(text)


def request(case: Case, recipient: str | None = None, delivery: Delivery = Delivery.PATIENT_COPY,
            diagnosis_by_scheme: bool = False, role: RecipientRole = RecipientRole.EMPLOYER) -> DisclosureRequest:
    return DisclosureRequest(recipient or case.employer, role, delivery, None, diagnosis_by_scheme)


def letter(case: Case, clinic: Clinic = CLINIC, **disclosure: object) -> str:
    return words(render_employer_letter(case, clinic, DAY, invariant=True, request=request(case, **disclosure)))


def report_for(case: Case, recipient: str, role: RecipientRole = RecipientRole.INSURER) -> DisclosureRequest:
    return DisclosureRequest(recipient, role, Delivery.SENT)


def test_patient_copy_without_consent_has_no_canary(case: Case) -> None:
    text = letter(case)
    assert "Patient's copy" in text
    assert "Sent to" not in text
    assert no_canary(text)


def test_sent_with_functional_consent_only_has_no_diagnosis(case: Case) -> None:
    text = letter(replace(case, consents=(consent(F),)), recipient=EMPLOYER, delivery=Delivery.SENT)
    assert f"Sent to {EMPLOYER}" in text
    assert "Patient's copy" not in text
    assert no_canary(text)


def test_diagnosis_consent_for_that_employer_shows_the_diagnosis(case: Case) -> None:
    with_consent = replace(case, consents=(consent(F), consent(D)))
    text = letter(with_consent, recipient=EMPLOYER.upper(), delivery=Delivery.SENT)
    assert DIAGNOSIS in text
    assert "recorded consent" in text
    assert SCHEME_WORDING not in text
    assert clinical_free(text)  # a diagnosis consent releases nothing else
    assert DIAGNOSIS in letter(replace(case, consents=(consent(D),)))  # the patient's copy too


@pytest.mark.parametrize(("expiry", "withdrawn_on"), [(date(2026, 11, 30), None), (None, date(2026, 12, 1)),
                                                      (None, date(2026, 11, 15))])
def test_expired_or_withdrawn_diagnosis_consent_counts_as_none(case: Case, expiry: date | None,
                                                               withdrawn_on: date | None) -> None:
    lapsed = replace(case, consents=(consent(F), consent(D, expiry=expiry, withdrawn_on=withdrawn_on)))
    assert DIAGNOSIS not in letter(lapsed, recipient=EMPLOYER, delivery=Delivery.SENT)
    assert DIAGNOSIS not in letter(lapsed)


def test_diagnosis_consent_for_another_recipient_does_not_count(case: Case) -> None:
    other = replace(case, consents=(consent(F), consent(D, "Acme Insurance")))
    assert DIAGNOSIS not in letter(other, recipient=EMPLOYER, delivery=Delivery.SENT)
    assert DIAGNOSIS in letter(replace(other, consents=(consent(D, "Acme Insurance"),)), recipient="Acme Insurance")


def test_workers_comp_with_the_scheme_switch_shows_the_diagnosis(case: Case) -> None:
    text = letter(replace(case, workers_comp_claim=True), US_CLINIC, diagnosis_by_scheme=True)
    assert DIAGNOSIS in text
    assert SCHEME_WORDING in text
    assert clinical_free(text)


def test_workers_comp_without_the_switch_or_claim_has_no_diagnosis(case: Case) -> None:
    assert DIAGNOSIS not in letter(replace(case, workers_comp_claim=True), US_CLINIC)
    with pytest.raises(ValidationError):  # the switch alone, without a claim, is refused
        letter(case, US_CLINIC, diagnosis_by_scheme=True)


def test_a_caller_cannot_widen_disclosure(case: Case) -> None:
    with pytest.raises(ValidationError) as caught:
        build_letter(case, CLINIC, DAY, request=request(case, EMPLOYER, Delivery.SENT))
    assert caught.value.field == "delivery"
    with pytest.raises(ValidationError):
        render_employer_letter(replace(case, consents=(consent(D),)), CLINIC, DAY,
                               request=request(case, EMPLOYER, Delivery.SENT))
    with pytest.raises(TypeError):
        render_employer_letter(case, CLINIC, DAY, categories=frozenset({D}))  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        build_letter(case, US_CLINIC, DAY, request=request(case, EMPLOYER, diagnosis_by_scheme=True))


@pytest.mark.parametrize("consents", [False, True])
def test_handout_and_match_report_never_carry_canaries(case: Case, everything: Case, consents: bool) -> None:
    subject = everything if consents else case
    outside = report_for(subject, EMPLOYER, RecipientRole.EMPLOYER)
    sendable = replace(subject, consents=(*subject.consents, consent(F)))
    for pdf in (render_patient_handout(subject, CLINIC, DAY, invariant=True),
                render_patient_handout(subject, CLINIC, DAY, options=LARGE, invariant=True),
                render_match_report(sendable, CLINIC, DAY, invariant=True, request=outside)):
        text = words(pdf)  # the report goes to an outside recipient here; the clinical team may see scores
        assert subject.patient_name in text
        assert DIAGNOSIS not in text
        assert EFFORT not in text
        assert consents or clinical_free(text)  # no outcome scores either without consent


def test_letter_and_handout_never_carry_projections(everything: Case) -> None:
    report = words(render_match_report(everything, CLINIC, DAY, invariant=True))
    assert PROJECTION_WORDS.search(report), "the case has projections to leak"
    for text in (letter(everything, US_CLINIC, recipient=EMPLOYER, delivery=Delivery.SENT, diagnosis_by_scheme=True),
                 letter(everything), words(render_patient_handout(everything, CLINIC, DAY, invariant=True))):
        assert not PROJECTION_WORDS.search(text)


@pytest.fixture
def odd(case: Case) -> Case:
    return replace(case, patient_name=ODD, employer="Smith & <b>Sons</b> Ltd",
                   clinician=Clinician("Dr <i>Ægir</i> & Ørsted", "Physiotherapist"))


def test_names_with_markup_and_non_latin_letters_print_literally(odd: Case) -> None:
    letter_text = letter(odd)
    assert "Smith & <b>Sons</b> Ltd" in letter_text
    assert "Dr <i>Ægir</i> & Ørsted" in letter_text
    report = words(render_match_report(odd, CLINIC, DAY, invariant=True))
    assert "Dr <i>Ægir</i> & Ørsted" in report
    for text in (letter_text, report, words(render_patient_handout(odd, CLINIC, DAY, invariant=True))):
        assert ODD in text
        assert CLINIC.name in text


def rasterise(pdf: bytes, folder: Path) -> list[Image.Image]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed, so the PDF cannot be rasterised")
    (folder / "document.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(folder / "document.pdf"), str(folder / "page")],
                   check=True, capture_output=True, timeout=120)
    return [Image.open(p).convert("L") for p in sorted(folder.glob("page*.png"))]


@pytest.mark.parametrize("kind", ["letter", "sent letter", "scheme letter", "handout", "large print", "report"])
def test_every_document_rasterises_and_is_not_blank(everything: Case, odd: Case, kind: str, tmp_path: Path) -> None:
    pdf = {"letter": lambda: render_employer_letter(odd, CLINIC, DAY),
           "sent letter": lambda: render_employer_letter(everything, CLINIC, DAY,
                                                         request=request(everything, EMPLOYER, Delivery.SENT)),
           "scheme letter": lambda: render_employer_letter(everything, US_CLINIC, DAY,
                                                           request=request(everything, diagnosis_by_scheme=True)),
           "handout": lambda: render_patient_handout(odd, CLINIC, DAY),
           "large print": lambda: render_patient_handout(odd, CLINIC, DAY, options=LARGE),
           "report": lambda: render_match_report(odd, CLINIC, DAY)}[kind]()
    pages = rasterise(pdf, tmp_path)
    assert len(pages) == len(pypdf.PdfReader(io.BytesIO(pdf)).pages) > 0
    assert all(sum(page.histogram()[:200]) > 0 for page in pages), "a page with nothing on it"
    dark = sum(pages[0].histogram()[:100])
    assert dark > 0.002 * pages[0].width * pages[0].height, "the first page has almost no dark pixels"


@pytest.mark.parametrize("role", [RecipientRole.EMPLOYER, RecipientRole.INSURER, RecipientRole.HEALTH_PROFESSIONAL])
def test_the_match_report_sent_without_consent_is_refused(case: Case, role: RecipientRole) -> None:
    with pytest.raises(ValidationError) as refused:
        render_match_report(case, CLINIC, DAY, request=report_for(case, EMPLOYER, role))
    assert refused.value.field == "delivery"
    other = replace(case, consents=(consent(F, "Acme Insurance"),))  # a consent for someone else does not count
    with pytest.raises(ValidationError):
        render_match_report(other, CLINIC, DAY, request=report_for(other, EMPLOYER, role))


@pytest.mark.parametrize("role", [RecipientRole.EMPLOYER, RecipientRole.INSURER])
def test_the_match_report_sent_with_functional_consent_only(case: Case, role: RecipientRole) -> None:
    functional = replace(case, consents=(consent(F),))
    text = words(render_match_report(functional, CLINIC, DAY, invariant=True,
                                     request=report_for(functional, EMPLOYER, role)))
    assert "It contains: abilities, limits, schedule and adjustments. Not part of this report:" in text
    for absent in ("12 March 1984", "% of the norm", "Inconsistent effort", "Consistent, full effort", "PEG (Pain",
                   "Patient-Specific Functional Scale", "MCID", "Linear trend", "23 April 2027", "Projected date",
                   "An estimate, not a promise"):
        assert absent not in text
    assert no_canary(text)
