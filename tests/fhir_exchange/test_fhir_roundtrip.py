"""Export then import keeps every field of a case that FHIR carries, compared field by field; the fields it cannot
keep are listed here by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from case_fields import differences
from exchange_factories import exchange_case
from factories import CLINICIAN, planned_case, unassessed_case, unicode_case

from rtw_planner.assets import demo_case_path
from rtw_planner.domain.capacity.grip import Handedness, Sex
from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.job import DemandSource
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.demands.profile import Activity, Exposure
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import Appointment, GoalStatus
from rtw_planner.domain.plan.phases import Contract, Duties, FitNoteOptions, Phase, PhasedReturn
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime
from rtw_planner.fhir import export_bundle, import_bundle

# What a bundle cannot keep: the database's identity of the case (its id and revision) and of each evaluation. An
# imported bundle is always a new case, so these are given by the database that saves it.
NOT_KEPT = {"id": (7, None), "revision": (3, None), "evaluations[0].id": (11, None), "evaluations[1].id": (12, None)}


def _round_trip(case: Case) -> Case:
    return import_bundle(export_bundle(case).decode("utf-8"))


def test_every_field_is_kept_but_the_database_identity() -> None:
    case = exchange_case(ConsentCategory.FUNCTIONAL, ConsentCategory.DIAGNOSIS)
    stored = replace(case, id=7, revision=3, evaluations=tuple(replace(e, id=n) for n, e in
                                                               enumerate(case.evaluations, start=11)))
    assert differences(stored, _round_trip(stored)) == NOT_KEPT


def _varied_case() -> Case:
    """Values the factory case leaves at their defaults: a withdrawn and an expiring consent, every goal status,
    a fitness period, fit-note boxes, phases with their own days, weekdays, duties and a step down, an estimation
    rule and a dominant hand, missing answers and scores, an exposure with neither number, a generic template, a
    female patient without a date of birth; treatment sessions worked around, one of a kind that is no FHIR code
    (a doubled blank) from 07:05 to 23:59 at the weekend; feared activities rated alike, one never exposed, fear
    ratings at 0 and 100; handling tasks in US units: a lower with poor handles, sustained pulling and pushing."""
    case = planned_case()
    goals = tuple(replace(g, status=s) for g, s in zip(case.plan.goals, (GoalStatus.ACHIEVED, GoalStatus.REVISED,
                                                                       GoalStatus.DROPPED), strict=True))
    phased = PhasedReturn(Contract(37.5, 5), date(2027, 1, 4),
                          (Phase(2, 40, 3, Duties.ALTERNATIVE, (), "", False, (0, 2, 4)),
                           Phase(1, 30, None, Duties.MODIFIED, ("No ladders",), "Review first", True),
                           Phase(1, 100, None, Duties.USUAL)), 8,
                          FitNoteOptions(phased_return=True, workplace_adaptations=True))
    plan = replace(case.plan, goals=goals, phased_return=phased,
                   fitness=FitnessStatement(FitnessOutcome.NOT_FIT, date(2026, 12, 1), date(2027, 1, 3)),
                   treatment=(TreatmentSession("hand  therapy", (6, 5), time(7, 5), time(23, 59), date(2027, 1, 9),
                                               date(2027, 1, 9)),
                              TreatmentSession("group-education", (0,), time(9), time(9, 1), date(2027, 1, 4))),
                   treatment_time=TreatmentTime.AVOID,
                   exposure=FearHierarchy((FearedActivity("ladder", "Climbing the stepladder", 50),
                                           FearedActivity("stairs", "Stairs at work", 50)),
                                          (FearExposure("stairs", date(2026, 11, 3), 100, 0),)))
    profile = replace(case.demands.profile, exposure={**case.demands.profile.exposure, Activity.CARRY: Exposure()})
    demands = replace(case.demands, profile=profile, source=DemandSource.GENERIC_TEMPLATE,
                      template="Order picker (warehouse)", arm_leg_controls=True, production_pace=False,
                      shift_hours=7.5, days_per_week=4.5,
                      mmh_tasks=(MmhJobTask("lower", 0.2, 9.5, h_m=0.4, vrm_m=0.8, dv_m=0.6, handles="poor",
                                            name="Crates off the shelf", units="us"),
                                 MmhJobTask("pull", 2, 11, phase="sustained", v_m=1.1, dh_m=30, units="us"),
                                 MmhJobTask("push", 0.5, 13.25, phase="sustained", v_m=0.9, dh_m=45.5)))
    evaluations = (case.evaluations[0], replace(case.evaluations[1], estimation_rule="ns-wcb-lower", effort_notes="",
                                                        dominant_hand=Handedness.LEFT))
    return replace(
        case, sex=Sex.FEMALE, date_of_birth=None, workers_comp_claim=True, demands=demands, evaluations=evaluations,
        plan=plan, clinician=Clinician("Sam Lee"), review_date=None,
        next_appointment=Appointment(datetime(2027, 2, 2, 8, 5)),
        consents=(Consent(ConsentCategory.PAIN_SCORES, "Dr A. GP", "Care", date(2026, 10, 1), date(2027, 10, 1),
                          date(2026, 11, 1)),
                  Consent(ConsentCategory.FUNCTIONAL, "Insurer", "Claim", date(2026, 10, 2), date(2027, 4, 1))),
        outcomes=(OutcomeRecord("PSFS", date(2026, 10, 1), (3, None, 5), None, None, "line one\nline two"),),
        practice_log=(PracticeEntry(date(2026, 11, 2), "Walking", None, None, False),))


@pytest.mark.parametrize("case", [unassessed_case(), unicode_case(), planned_case(clinician=CLINICIAN),
                                  _varied_case()], ids=["unassessed", "unicode", "planned", "varied"])
def test_export_then_import_keeps_each_value(case: Case) -> None:
    assert differences(case, _round_trip(case)) == {}


def test_the_demo_case_round_trips_and_its_bundle_validates() -> None:
    from fhir.resources.R4B.bundle import Bundle

    demo = casefile.parse(demo_case_path().read_text(encoding="utf-8"))
    data = export_bundle(demo)
    assert Bundle.model_validate_json(data).type == "collection"
    assert differences(demo.with_id(None), import_bundle(data.decode("utf-8"))) == {}
