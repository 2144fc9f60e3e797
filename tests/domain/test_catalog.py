"""The job catalog: bundled templates are complete, consistent and illustrative; copying one flags the case's
demands; a clinic's own templates save, load back and override bundled ones; broken files are named."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from rtw_planner.domain.case.job_templates import (
    CLINIC_SOURCE,
    CatalogError,
    JobTemplate,
    apply_template,
    load_template,
    load_templates,
    save_clinic_template,
    slug,
)
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource
from rtw_planner.domain.demands.profile import Activity, ActivityKind, Frequency
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel, classify_job, job_loads, load_table
from rtw_planner.domain.match.job import job_match

ROOT = Path(__file__).resolve().parents[2]
JOBS = ROOT / "resources" / "jobs"
SCHEMA = ROOT / "resources" / "schemas" / "job-template-v1.schema.json"
BUNDLED = sorted(JOBS.glob("*.json"))
NAMED = ("warehouse-order-picker", "delivery-driver", "nursing-assistant", "office-administrator", "retail-cashier",
         "construction-labourer", "cleaner", "cook", "primary-teacher", "call-centre-agent")


def _raw(template_id: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((JOBS / f"{template_id}.json").read_text(encoding="utf-8"))
    return data


def _write_clinic(data_dir: Path, name: str, data: object) -> Path:
    folder = data_dir / "jobs"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_at_least_twenty_bundled_templates_load() -> None:
    templates = load_templates()
    assert len(BUNDLED) >= 20
    assert len(templates) == len(BUNDLED)
    assert len({t.id for t in templates}) == len(templates)
    assert not any(t.clinic for t in templates)
    titles = [t.title.casefold() for t in templates]
    assert titles == sorted(titles)


def test_the_ten_named_examples_exist() -> None:
    ids = {t.id for t in load_templates()}
    assert set(NAMED) <= ids


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_template_is_valid_illustrative_and_graded_as_stated(path: Path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(raw)
    template = load_template(path.stem)
    if template.source is None:
        assert template.illustrative is True
        assert "illustrative" in template.note.lower()
        assert "illustrative" in template.strength_basis
    demands = template.demands
    computed = classify_job(*job_loads(demands.profile), load_table("dot"),
                            standing_walking_most_of_day=demands.standing_walking_beyond_occasional,
                            arm_leg_controls=demands.arm_leg_controls, production_pace=demands.production_pace)
    assert template.strength_table == "dot"
    assert template.strength_level is computed.level
    assert computed.certainty.value == "exact"


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_bundled_template_is_internally_consistent(path: Path) -> None:
    template = load_template(path.stem)
    demands = template.demands
    shift_minutes = demands.effective_shift_hours * 60
    postures = demands.profile.postures
    assert set(postures) == {Activity.SIT, Activity.STAND, Activity.WALK}
    for tolerance in postures.values():
        assert tolerance.minutes_at_a_time <= tolerance.minutes_per_day <= shift_minutes
    assert sum(t.minutes_per_day for t in postures.values()) <= shift_minutes
    assert demands.tasks
    assert any(t.essential for t in demands.tasks)
    assert sum(t.share_pct or 0 for t in demands.tasks) <= 100
    present = set(postures) | {a for a, _ in demands.profile.strength}
    for task in demands.tasks:
        assert set(task.activities) <= present, task.name
    for activity, frequency in demands.profile.strength:  # a heavier frequency never asks for more than a lighter one
        lighter = [demands.profile.strength[(activity, f)] for f in Frequency
                   if f.rank < frequency.rank and (activity, f) in demands.profile.strength]
        assert all(load >= demands.profile.strength[(activity, frequency)] for load in lighter)
    # The DOT's Strength factor is the level, the same one the template states for its loads.
    assert demands.strength_rating is template.strength_level


def test_levels_fit_the_kind_of_work() -> None:
    office, labourer = load_template("office-administrator"), load_template("construction-labourer")
    assert office.strength_level in (StrengthLevel.SEDENTARY, StrengthLevel.LIGHT)
    assert office.demands.profile.postures[Activity.SIT].minutes_per_day >= 300
    assert labourer.strength_level in (StrengthLevel.HEAVY, StrengthLevel.VERY_HEAVY)
    assert load_template("software-developer").strength_level is StrengthLevel.SEDENTARY


def test_nursing_assistant_handles_patients_on_foot() -> None:
    demands = load_template("nursing-assistant").demands
    forces = {a for a, _ in demands.profile.strength if a.kind is ActivityKind.FORCE}
    assert {Activity.PUSH_INITIAL, Activity.PULL_INITIAL} <= forces
    assert demands.standing_walking_beyond_occasional
    assert any(t.essential and Activity.PUSH_SUSTAINED in t.activities for t in demands.tasks)


def test_call_centre_agent_has_the_cognitive_load() -> None:
    demands = load_template("call-centre-agent").demands
    for key in ("sustained_concentration", "time_pressure", "public_contact"):
        assert demands.rating(RatedGroup.COGNITIVE, key).rank >= Rating.FREQUENT.rank, key
    assert demands.rating(RatedGroup.COGNITIVE, "sustained_concentration") is Rating.CONSTANT


def test_apply_template_flags_generic_template_and_title() -> None:
    template = load_template("cook")
    demands = apply_template(template)
    assert demands.source is DemandSource.GENERIC_TEMPLATE
    assert demands.from_template
    assert demands.template == "Cook"
    assert demands.profile == template.demands.profile
    assert demands.tasks == template.demands.tasks
    notes = job_match(Case(patient_name="A Person", demands=demands)).notes
    assert any("generic template 'Cook'" in note for note in notes)


def test_saved_clinic_template_loads_back_equal(data_dir: Path) -> None:
    base = apply_template(load_template("warehouse-order-picker"))
    edited = replace(base, profile=base.profile.with_strength(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL, 30))
    path = save_clinic_template(edited, "Picker – Northgate site", "Our picker, heavier floor lifts.")
    assert path == data_dir / "jobs" / "picker-northgate-site.json"
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left behind
    expected = JobTemplate(
        id="picker-northgate-site", title="Picker – Northgate site", description="Our picker, heavier floor lifts.",
        strength_level=StrengthLevel.HEAVY, strength_table="dot", strength_basis="computed from the loads below",
        source=CLINIC_SOURCE, illustrative=False, note=load_template(path.stem).note,
        demands=replace(edited, template="Picker – Northgate site"), clinic=True)
    assert load_template("picker-northgate-site") == expected
    assert expected in load_templates()
    assert json.loads(path.read_text(encoding="utf-8"))["strength_level"]["level"] == "heavy"


def test_clinic_file_with_a_bundled_id_overrides_it(data_dir: Path) -> None:
    raw = _raw("cleaner")
    raw["title"] = "Cleaner (our hospital)"
    raw["demands"]["shift_hours"] = 7.5
    _write_clinic(data_dir, "cleaner.json", raw)
    templates = load_templates()
    cleaners = [t for t in templates if t.id == "cleaner"]
    assert len(templates) == len(BUNDLED)
    assert [(t.title, t.clinic, t.demands.shift_hours) for t in cleaners] == [("Cleaner (our hospital)", True, 7.5)]
    assert load_template("cleaner").clinic


def _set_load(raw: dict[str, Any]) -> None:
    raw["demands"]["lifting_carrying"][0]["load_kg"] = -5


def _set_posture(raw: dict[str, Any]) -> None:
    raw["demands"]["postures"][0]["minutes_at_a_time"] = 600


def _drop_note(raw: dict[str, Any]) -> None:
    raw["note"] = "Typical values."


def _bad_id(raw: dict[str, Any]) -> None:
    raw["id"] = "cook"


@pytest.mark.parametrize(("mutate", "field"), [
    (_set_load, "demands/lifting_carrying/0/load_kg"),
    (_set_posture, "minutes at a time"),
    (_drop_note, "note"),
    (_bad_id, "id"),
])
def test_broken_clinic_file_names_the_file_and_field(data_dir: Path, mutate: Any, field: str) -> None:
    raw = _raw("cleaner")
    raw["id"] = "our-cleaner"
    mutate(raw)
    path = _write_clinic(data_dir, "our-cleaner.json", raw)
    with pytest.raises(CatalogError) as caught:
        load_templates()
    assert str(path) in str(caught.value)
    assert field in str(caught.value)


def test_clinic_file_that_is_not_json_is_named(data_dir: Path) -> None:
    path = data_dir / "jobs" / "half.json"
    path.parent.mkdir()
    path.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(CatalogError, match="half.json: not valid JSON"):
        load_template("half")


def test_unknown_id_lists_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        load_template("astronaut")
    assert "'astronaut'" in str(caught.value)
    assert "cleaner" in str(caught.value)
    assert "warehouse-order-picker" in str(caught.value)


def test_slug_of_titles() -> None:
    assert slug("Nursing assistant (nights)") == "nursing-assistant-nights"
    assert slug("Pflegehelferin – Ästhetik") == "pflegehelferin-asthetik"
    with pytest.raises(ValidationError, match="template title"):
        slug("–––")
