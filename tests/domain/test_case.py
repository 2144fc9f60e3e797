"""Case, clinician, consent and clinic: constructors validate, and consents know when they are active."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinic, Clinician, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import PhysicalProfile

GIVEN = date(2026, 1, 10)


def consent(expiry: date | None = None, withdrawn_on: date | None = None) -> Consent:
    return Consent(ConsentCategory.FUNCTIONAL, "Northgate HR", "Return to work", GIVEN, expiry, withdrawn_on)


def test_text_fields_are_stripped_and_kept() -> None:
    case = Case("  Zoë Łódź-Müller ", employer=" Acme ", job_title="Picker", clinician=Clinician(" Dr Ng "))
    assert (case.patient_name, case.employer, case.job_title) == ("Zoë Łódź-Müller", "Acme", "Picker")
    assert case.clinician == Clinician("Dr Ng")
    assert case.id is None
    assert case.with_id(7).id == 7
    assert case.with_id(7).with_id(None) == case


@pytest.mark.parametrize(("kwargs", "field", "allowed"), [
    ({"patient_name": "   "}, "patient name", "required text of at most 200 characters"),
    ({"patient_name": 42}, "patient name", "required text"),
    ({"employer": "x" * 201}, "employer", "text of at most 200 characters"),
    ({"job_title": "a\x00b"}, "job title", "text of at most 200 characters"),
    ({"diagnosis": "d" * 10_001}, "diagnosis", "text of at most 10000 characters"),
    ({"date_of_birth": date(1899, 12, 31)}, "date of birth", "a date from 1900-01-01 to 2200-12-31"),
    ({"date_of_birth": date.today() + timedelta(days=1)}, "date of birth", "not in the future"),
    ({"review_date": "2027-01-08"}, "review date", "a date from 1900-01-01 to 2200-12-31 or none"),
    ({"clinician": "Dr Ng"}, "clinician", "a clinician or none"),
    ({"consents": ("yes",)}, "consents", "a list of consent records"),
    ({"demands": {}}, "demands", "job demands"),
    ({"demands": PhysicalProfile()}, "demands", "job demands"),
    ({"evaluations": (PhysicalProfile(),)}, "evaluations", "a list of evaluations"),
    ({"sex": "other"}, "sex", "female, male or not recorded"),
    ({"id": 0}, "case id", "a positive whole number or none"),
    ({"id": True}, "case id", "a positive whole number or none"),
])
def test_case_rejects_bad_fields(kwargs: dict[str, object], field: str, allowed: str) -> None:
    arguments: dict[str, object] = {"patient_name": "Ann", **kwargs}
    with pytest.raises(ValidationError) as caught:
        Case(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")
    assert allowed in str(caught.value)


def test_a_datetime_is_not_accepted_as_a_date() -> None:
    # a_date compares a datetime with date bounds, which raises TypeError instead of ValidationError.
    with pytest.raises(ValidationError) as caught:
        Case("Ann", review_date=datetime(2027, 1, 8, 9, 30))  # type: ignore[arg-type]
    assert caught.value.field == "review date"


def test_clinician_fields() -> None:
    with pytest.raises(ValidationError) as caught:
        Clinician("")
    assert caught.value.field == "clinician name"
    with pytest.raises(ValidationError, match="clinician registration number: .* at most 60 characters"):
        Clinician("Dr Ng", registration_number="R" * 61)


def test_evaluation_fields() -> None:
    assert Evaluation(GIVEN, evaluator=" P. Shah ").evaluator == "P. Shah"
    with pytest.raises(ValidationError) as caught:
        Evaluation(date(2201, 1, 1))
    assert caught.value.field == "evaluation date"
    with pytest.raises(ValidationError) as caught:
        Evaluation(GIVEN, profile={})  # type: ignore[arg-type]
    assert caught.value.field == "capacity"


def test_consent_active_between_given_and_expiry() -> None:
    record = consent(expiry=date(2026, 6, 30))
    assert not record.is_active(GIVEN - timedelta(days=1))
    assert record.is_active(GIVEN)
    assert record.is_active(date(2026, 6, 30))
    assert not record.is_active(date(2026, 7, 1))
    assert consent().is_active(date(2199, 1, 1))


def test_withdrawn_consent_stops_on_the_day_of_withdrawal() -> None:
    record = consent(expiry=date(2026, 12, 31), withdrawn_on=date(2026, 3, 1))
    assert record.is_active(date(2026, 2, 28))
    assert not record.is_active(date(2026, 3, 1))
    assert not record.is_active(date(2026, 6, 1))


@pytest.mark.parametrize(("kwargs", "field", "allowed"), [
    ({"expiry": date(2026, 1, 9)}, "consent expiry", "a date on or after 2026-01-10"),
    ({"withdrawn_on": date(2025, 12, 31)}, "consent withdrawn on", "a date on or after 2026-01-10"),
    ({"category": "functional"}, "consent category", "one of functional, date_of_birth, grip_norms, effort, diagnosis"),
    ({"recipient": " "}, "consent recipient", "required text"),
    ({"purpose": ""}, "consent purpose", "required text"),
    ({"date_given": None}, "consent date given", "a date from 1900-01-01 to 2200-12-31"),
])
def test_consent_rejects_bad_fields(kwargs: dict[str, object], field: str, allowed: str) -> None:
    arguments: dict[str, object] = {"category": ConsentCategory.DIAGNOSIS, "recipient": "HR",
                                    "purpose": "RTW", "date_given": GIVEN, **kwargs}
    with pytest.raises(ValidationError) as caught:
        Consent(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert allowed in str(caught.value)
    assert str(caught.value.value) in str(caught.value)  # dates are shown as YYYY-MM-DD


def test_clinic_paper_size_and_logo() -> None:
    assert Clinic().paper_size == "a4"
    assert Clinic(paper_size="letter", logo_png=b"\x89PNG\r\n\x1a\n").paper_size == "letter"
    with pytest.raises(ValidationError) as caught:
        Clinic(paper_size="A5")
    assert (caught.value.field, caught.value.value) == ("paper size", "A5")
    assert "a4 or letter" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        Clinic(logo_png=b"GIF89a")
    assert caught.value.field == "clinic logo"
    assert "a PNG image" in str(caught.value)
