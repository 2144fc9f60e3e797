"""A return-to-work case: the person, the job, the clinician, consents, demands and measured capacity."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from rtw_planner.domain.capacity.evaluation import Evaluation, latest
from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.case.summary import CaseSummary as CaseSummary  # re-exported for callers
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, a_date, text
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.model import Plan

MAX_DRAFT_RETENTION_DAYS = 365
MAX_BACKUP_RETENTION_DAYS = 3650


class ConsentCategory(StrEnum):
    """What a consent allows to be disclosed."""

    FUNCTIONAL = "functional"  # abilities, restrictions, schedule, adjustments
    DATE_OF_BIRTH = "date_of_birth"
    GRIP_NORMS = "grip_norms"  # grip strength compared with population norms
    EFFORT = "effort"  # effort and consistency ratings of the evaluation
    DIAGNOSIS = "diagnosis"
    PAIN_SCORES = "pain_scores"
    OUTCOME_SCORES = "outcome_scores"
    CLINICAL_NOTES = "clinical_notes"
    PROJECTIONS = "projections"

    @property
    def label(self) -> str:
        """Plain words, as a notice or a consent form names the category."""
        return {"functional": "abilities, limits, schedule and adjustments", "date_of_birth": "date of birth",
                "grip_norms": "grip strength against population norms", "effort": "effort and consistency ratings",
                "diagnosis": "diagnosis", "pain_scores": "pain scores", "outcome_scores": "outcome scores",
                "clinical_notes": "clinical notes", "projections": "capacity projections"}[self.value]


@dataclass(frozen=True)
class Clinician:
    """The treating clinician, as printed on documents."""

    name: str
    profession: str = ""
    registration_number: str = ""
    phone: str = ""  # a direct line, for the employer's questions
    email: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", text("clinician name", self.name, required=True))
        object.__setattr__(self, "profession", text("clinician profession", self.profession))
        object.__setattr__(self, "registration_number",
                           text("clinician registration number", self.registration_number, max_length=60))
        object.__setattr__(self, "phone", text("clinician phone", self.phone, max_length=60))
        object.__setattr__(self, "email", text("clinician email", self.email))

    @property
    def contact(self) -> str:
        """'0161 496 0000 or priya@example.org', or '' when neither is recorded."""
        return " or ".join(b for b in (self.phone, self.email) if b)


@dataclass(frozen=True)
class Consent:
    """A recorded consent to disclose one category of information to one recipient for one purpose."""

    category: ConsentCategory
    recipient: str
    purpose: str
    date_given: date
    expiry: date | None = None
    withdrawn_on: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.category, ConsentCategory):
            allowed = ", ".join(c.value for c in ConsentCategory)
            raise ValidationError("consent category", self.category, f"one of {allowed}")
        object.__setattr__(self, "recipient", text("consent recipient", self.recipient, required=True))
        object.__setattr__(self, "purpose", text("consent purpose", self.purpose, required=True))
        given = a_date("consent date given", self.date_given, required=True)
        expiry = a_date("consent expiry", self.expiry)
        withdrawn = a_date("consent withdrawn on", self.withdrawn_on)
        if given is not None and expiry is not None and expiry < given:
            raise ValidationError("consent expiry", self.expiry, f"a date on or after {given.isoformat()}")
        if given is not None and withdrawn is not None and withdrawn < given:
            raise ValidationError("consent withdrawn on", self.withdrawn_on, f"a date on or after {given.isoformat()}")

    def is_active(self, on: date) -> bool:
        """True if given by that date, not expired and not withdrawn."""
        if on < self.date_given:
            return False
        if self.expiry is not None and on > self.expiry:
            return False
        return self.withdrawn_on is None or on < self.withdrawn_on


@dataclass(frozen=True)
class Case:
    """Everything recorded about one person's return to one job. `id` is None until saved; `revision` is the
    stored revision it was read at (None until saved), which a save must still find stored."""

    patient_name: str
    date_of_birth: date | None = None
    sex: Sex | None = None
    employer: str = ""
    job_title: str = ""
    clinician: Clinician | None = None
    diagnosis: str = ""
    review_date: date | None = None
    consents: tuple[Consent, ...] = ()
    demands: JobDemands = field(default_factory=JobDemands)
    evaluations: tuple[Evaluation, ...] = ()
    rtw_start_date: date | None = None
    next_appointment: Appointment | None = None
    workers_comp_claim: bool = False
    outcomes: tuple[OutcomeRecord, ...] = ()
    practice_log: tuple[PracticeEntry, ...] = ()
    plan: Plan = field(default_factory=Plan)
    id: int | None = None
    revision: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "patient_name", text("patient name", self.patient_name, required=True))
        dob = a_date("date of birth", self.date_of_birth)
        if dob is not None and dob > date.today():
            raise ValidationError("date of birth", dob, "a date that is not in the future")
        object.__setattr__(self, "employer", text("employer", self.employer))
        object.__setattr__(self, "job_title", text("job title", self.job_title))
        if self.clinician is not None and not isinstance(self.clinician, Clinician):
            raise ValidationError("clinician", self.clinician, "a clinician or none")
        object.__setattr__(self, "diagnosis", text("diagnosis", self.diagnosis, max_length=MAX_LONG_TEXT))
        a_date("review date", self.review_date)
        consents = tuple(self.consents)
        for consent in consents:
            if not isinstance(consent, Consent):
                raise ValidationError("consents", consent, "a list of consent records")
        object.__setattr__(self, "consents", consents)
        if self.sex is not None and not isinstance(self.sex, Sex):
            raise ValidationError("sex", self.sex, "female, male or not recorded")
        if not isinstance(self.demands, JobDemands):
            raise ValidationError("demands", self.demands, "job demands")
        evaluations = tuple(self.evaluations)
        for evaluation in evaluations:
            if not isinstance(evaluation, Evaluation):
                raise ValidationError("evaluations", evaluation, "a list of evaluations")
        object.__setattr__(self, "evaluations", evaluations)
        a_date("return-to-work start date", self.rtw_start_date)
        if self.next_appointment is not None and not isinstance(self.next_appointment, Appointment):
            raise ValidationError("next appointment", self.next_appointment, "a date and time or none")
        for name, kind in (("outcomes", OutcomeRecord), ("practice log", PracticeEntry)):
            values = tuple(getattr(self, name.replace(" ", "_")))
            if not all(isinstance(v, kind) for v in values):
                raise ValidationError(name, values, f"a list of {kind.__name__} values")
            object.__setattr__(self, name.replace(" ", "_"), values)
        if not isinstance(self.workers_comp_claim, bool):
            raise ValidationError("workers' compensation claim", self.workers_comp_claim, "true or false")
        if not isinstance(self.plan, Plan):
            raise ValidationError("plan", self.plan, "a plan")
        if self.id is not None and (isinstance(self.id, bool) or not isinstance(self.id, int) or self.id < 1):
            raise ValidationError("case id", self.id, "a positive whole number or none")
        revision = self.revision
        if revision is not None and (isinstance(revision, bool) or not isinstance(revision, int) or revision < 1):
            raise ValidationError("case revision", revision, "a positive whole number or none")

    def with_id(self, case_id: int | None) -> Case:
        """The same case under another id (None for an unsaved copy); evaluation ids and the revision are dropped
        with it."""
        if case_id is None:
            return replace(self, id=None, revision=None,
                           evaluations=tuple(replace(e, id=None) for e in self.evaluations))
        return replace(self, id=case_id)

    @property
    def current_evaluation(self) -> Evaluation | None:
        """The evaluation that governs (the latest); earlier ones are history."""
        return latest(self.evaluations)

    @property
    def capacity(self) -> PhysicalProfile:
        """Measured capacity from the current evaluation (empty when none)."""
        current = self.current_evaluation
        return current.profile if current else PhysicalProfile()

    def age_on(self, day: date) -> int | None:
        """Age in whole years on a day, if the date of birth is known."""
        if self.date_of_birth is None:
            return None
        born = self.date_of_birth
        return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


@dataclass(frozen=True)
class Clinic:
    """Clinic details printed on the letterhead; kept in the database so documents render headless."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    logo_png: bytes | None = None
    paper_size: str = "a4"
    jurisdiction: Jurisdiction = Jurisdiction.GENERIC
    mass_unit: MassUnit | None = None  # None: lb in the United States, kg elsewhere
    quarter_hours: bool = False  # hours a day in documents rounded to the nearest quarter hour
    draft_retention_days: int = 0  # 0: drafts are deleted when the document dialog closes
    backup_retention_days: int = 14  # days of daily backups kept beside a SQLite database; 0: none taken

    @property
    def units(self) -> MassUnit:
        """The unit documents print loads in (forces follow: N with kgf, or lbf)."""
        if self.mass_unit is not None:
            return self.mass_unit
        return MassUnit.LB if self.jurisdiction is Jurisdiction.US else MassUnit.KG

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", text("clinic name", self.name))
        object.__setattr__(self, "address", text("clinic address", self.address, max_length=1000))
        object.__setattr__(self, "phone", text("clinic phone", self.phone, max_length=60))
        object.__setattr__(self, "email", text("clinic email", self.email))
        if not isinstance(self.jurisdiction, Jurisdiction):
            raise ValidationError("jurisdiction", self.jurisdiction, ", ".join(j.value for j in Jurisdiction))
        if self.paper_size not in ("a4", "letter"):
            raise ValidationError("paper size", self.paper_size, "a4 or letter")
        if self.mass_unit is not None and not isinstance(self.mass_unit, MassUnit):
            raise ValidationError("units", self.mass_unit, "kg or lb")
        if not isinstance(self.quarter_hours, bool):
            raise ValidationError("round hours to quarter hours", self.quarter_hours, "true or false")
        days = self.draft_retention_days
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DRAFT_RETENTION_DAYS:
            raise ValidationError("keep drafts for", days,
                                  f"a whole number of days from 0 to {MAX_DRAFT_RETENTION_DAYS}")
        days = self.backup_retention_days
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_BACKUP_RETENTION_DAYS:
            raise ValidationError("keep daily backups for", days,
                                  f"a whole number of days from 0 to {MAX_BACKUP_RETENTION_DAYS}")
        if self.logo_png is not None and not self.logo_png.startswith(b"\x89PNG"):
            raise ValidationError("clinic logo", "(binary data)", "a PNG image")
