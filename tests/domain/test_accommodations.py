"""Accommodation notes: the bundled library, suggestions from the match and lifting tasks, clinic overrides, picks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factories import mismatched_case

from rtw_planner.assets import bundled_resources_dir
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.match.accommodations import (
    Control,
    LibraryError,
    Note,
    Suggestion,
    WorkSetting,
    limitations_for,
    load_library,
    suggest,
)
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.plan.adjustments import Limitation, SelectedNote, selected_note_from_dict, selected_note_to_dict

GENERAL = "General ergonomic practice (not from the reference)"
# The only places section 4 of the reference (and its AHP example) cites.
REFERENCE_URLS = (
    "https://www.nosha.net/single-post/2015/11/02/nosha-news-october-2015",
    "https://retourautravail.irsst.qc.ca/en/return-work-process/workplace-perspective/workplace-accommodations/"
    "approach-2",
    "https://makingitworkforemployers.ca/?p=989",
    "https://studylib.net/doc/7702883/fact-sheet-series---job-accommodation-network",
    "https://docslib.org/doc/13937275/job-accommodations-for-return-to-work",
    "https://nottingham.ac.uk/helmopen/rlos/professional-development/AHP-health-and-work-report/section04.1.html",
)


def bundled() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((bundled_resources_dir() / "accommodations.json").read_text(encoding="utf-8"))
    return data


def mismatch(activity: Activity, demand: float, capacity: float, frequency: Frequency | None = Frequency.OCCASIONAL,
             status: MatchStatus = MatchStatus.MISMATCH) -> MatchItem:
    return MatchItem(activity, frequency, None, demand, capacity, frequency, status)


def picker_suggestions() -> list[Suggestion]:
    case = mismatched_case()
    return suggest(job_match(case).items, case.demands.lifting_tasks)


def write_clinic_file(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "accommodations.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_every_limitation_has_four_to_nine_sourced_notes() -> None:
    notes = load_library()
    for limitation in Limitation:
        mine = [n for n in notes if n.limitation is limitation]
        assert 4 <= len(mine) <= 9, limitation
        assert all(n.text and n.source and n.text.endswith(".") for n in mine), limitation
    assert set(bundled()["limitations"]) == {lim.value for lim in Limitation}
    assert len({n.id for n in notes}) == len(notes)


def test_sources_are_the_reference_or_say_general_practice() -> None:
    for note in load_library():
        if note.source != GENERAL:
            urls = [part[part.index("(http") + 1:-1] for part in note.source.split("; ")]
            assert all(url in REFERENCE_URLS for url in urls), (note.id, note.source)


def test_every_limitation_offers_an_engineering_control_and_the_example_wording() -> None:
    notes = load_library()
    for limitation in Limitation:
        assert any(n.control is Control.ENGINEERING for n in notes if n.limitation is limitation), limitation
    desk = next(n for n in notes if "sit-stand desk" in n.text)
    assert desk.limitation is Limitation.SITTING
    assert "every 20 minutes" in desk.text


def test_every_bundled_note_lists_its_settings_and_most_fit_any_job() -> None:
    rows = [row for notes in bundled()["limitations"].values() for row in notes]
    assert all(row["settings"] for row in rows)
    notes = load_library()
    for_any = [n for n in notes if n.settings == (WorkSetting.ANY,)]
    assert all(WorkSetting.ANY not in n.settings for n in notes if n not in for_any)
    assert len(for_any) >= len(Limitation)  # every limitation keeps something for a job of any kind
    assert {n.limitation for n in for_any} == set(Limitation)
    equipment = {"lift-hoist": "hoist", "lift-push-pull-device": "pallet truck", "sit-sit-stand-desk": "desk"}
    by_id = {n.id: n for n in notes}
    assert all(word in by_id[i].text and WorkSetting.ANY not in by_id[i].settings for i, word in equipment.items())


def test_a_note_fits_a_job_by_any_or_by_a_shared_setting() -> None:
    pallet = Note("p", Limitation.LIFTING_CARRYING, "P.", Control.ENGINEERING, GENERAL,
                  (WorkSetting.WAREHOUSE, WorkSetting.GOODS))
    general = Note("g", Limitation.LIFTING_CARRYING, "G.", Control.ADMINISTRATIVE, GENERAL)
    assert general.settings == (WorkSetting.ANY,)
    assert general.fitting(()) == (WorkSetting.ANY,)
    assert pallet.fitting((WorkSetting.VEHICLE,)) == ()
    assert pallet.fitting((WorkSetting.GOODS, WorkSetting.VEHICLE, WorkSetting.WAREHOUSE)) == (
        WorkSetting.WAREHOUSE, WorkSetting.GOODS)  # in the note's order


def test_suggest_filters_by_settings_only_when_given() -> None:
    library = (Note("desk", Limitation.SITTING, "Desk.", Control.ENGINEERING, GENERAL, (WorkSetting.DESK,)),
               Note("seat", Limitation.SITTING, "Seat.", Control.ENGINEERING, GENERAL, (WorkSetting.VEHICLE,)),
               Note("breaks", Limitation.SITTING, "Breaks.", Control.ADMINISTRATIVE, GENERAL))
    sitting = [mismatch(Activity.SIT, 60, 20, None)]
    unfiltered = suggest(sitting, library=library)
    assert [(s.note.id, s.fits) for s in unfiltered] == [("desk", ()), ("seat", ()), ("breaks", ())]
    driver = suggest(sitting, library=library, settings=(WorkSetting.VEHICLE,))
    assert [(s.note.id, s.fits) for s in driver] == [("seat", (WorkSetting.VEHICLE,)), ("breaks", (WorkSetting.ANY,))]
    assert [s.note.id for s in suggest(sitting, library=library, settings=())] == ["breaks"]


@pytest.mark.parametrize(("activity", "expected"), [
    (Activity.LIFT_FLOOR_TO_WAIST, (Limitation.LIFTING_CARRYING, Limitation.BENDING_KNEELING)),
    (Activity.LIFT_WAIST_TO_SHOULDER, (Limitation.LIFTING_CARRYING,)),
    (Activity.LIFT_ABOVE_SHOULDER, (Limitation.LIFTING_CARRYING, Limitation.REACHING_OVERHEAD)),
    (Activity.CARRY, (Limitation.LIFTING_CARRYING,)),
    (Activity.PUSH_INITIAL, (Limitation.LIFTING_CARRYING,)),
    (Activity.PULL_SUSTAINED, (Limitation.LIFTING_CARRYING,)),
    (Activity.STAND, (Limitation.STANDING_WALKING,)),
    (Activity.WALK, (Limitation.STANDING_WALKING,)),
    (Activity.SIT, (Limitation.SITTING,)),
])
def test_each_mismatched_activity_maps_to_its_limitations(activity: Activity, expected: tuple[Limitation]) -> None:
    frequency = None if activity in (Activity.SIT, Activity.STAND, Activity.WALK) else Frequency.OCCASIONAL
    assert limitations_for(mismatch(activity, 20, 10, frequency)) == expected


@pytest.mark.parametrize("status", [MatchStatus.MATCH, MatchStatus.NOT_TESTED, MatchStatus.NOT_REQUIRED])
def test_items_that_are_not_mismatches_point_to_no_limitation(status: MatchStatus) -> None:
    assert limitations_for(mismatch(Activity.CARRY, 20, 25, status=status)) == ()


def test_a_mismatched_case_gets_lifting_and_standing_notes_engineering_first() -> None:
    suggestions = picker_suggestions()
    limitations = {s.note.limitation for s in suggestions}
    assert {Limitation.LIFTING_CARRYING, Limitation.STANDING_WALKING, Limitation.BENDING_KNEELING} <= limitations
    assert Limitation.SITTING not in limitations  # the case's sitting demands are matched
    ranks = [s.note.control.rank for s in suggestions]
    assert ranks == sorted(ranks)
    assert suggestions[0].note.control is Control.ENGINEERING
    assert suggestions[-1].note.control is Control.PERSONAL
    assert len({s.note.id for s in suggestions}) == len(suggestions)


def test_reasons_name_the_gap_and_the_lifting_task() -> None:
    by_id = {s.note.id: s for s in picker_suggestions()}
    hoist = by_id["lift-hoist"].reasons
    assert hoist == ("Lift floor to waist, occasional: 11 kg short", "Lift floor to waist, frequent: 5 kg short",
                     "Carry, occasional: 5 kg short", "Lifting task 'Case from bottom rack to pallet': LI 2.06")
    assert by_id["stand-mat"].reasons == ("Standing, at a time: 30 min short", "Standing, per day: 180 min short")
    assert not any("Lifting task" in r for r in by_id["bend-raise-stock"].reasons)


def test_a_lifting_task_alone_suggests_lifting_notes() -> None:
    case = mismatched_case()
    suggestions = suggest((), case.demands.lifting_tasks)
    assert suggestions
    assert {s.note.limitation for s in suggestions} == {Limitation.LIFTING_CARRYING}
    assert all(s.reasons == ("Lifting task 'Case from bottom rack to pallet': LI 2.06",) for s in suggestions)


def test_lifting_task_at_or_below_li_1_adds_nothing() -> None:
    light = LiftingTask.metric(load_kg=2, h_cm=25, v_cm=75, d_cm=25, a_deg=0, frequency_per_min=0.2,
                               duration="short", coupling="good", name="Light box")
    assert suggest((), (light,)) == []


def test_lifting_task_outside_the_equation_counts_as_over_li_1() -> None:
    far = LiftingTask.metric(load_kg=5, h_cm=70, v_cm=75, d_cm=25, a_deg=0, frequency_per_min=0.2,
                             duration="short", coupling="good")
    suggestions = suggest((), (far,))
    assert suggestions
    assert suggestions[0].reasons[0].startswith("Lifting task 1: no recommended weight (H 70 cm is beyond")


def test_nothing_is_suggested_when_everything_matches() -> None:
    items = [item for item in job_match(mismatched_case()).items if item.status is not MatchStatus.MISMATCH]
    assert items
    assert suggest(items) == []


def test_extra_limitation_and_duplicates_merge_reasons() -> None:
    items = [mismatch(Activity.LIFT_ABOVE_SHOULDER, 5, 2), mismatch(Activity.CARRY, 20, 15)]
    suggestions = suggest(items, extra_limitations=(Limitation.FATIGUE_PAIN,))
    by_id = {s.note.id: s for s in suggestions}
    assert by_id["lift-trolley"].reasons == ("Lift above shoulder, occasional: 3 kg short",
                                             "Carry, occasional: 5 kg short")
    assert by_id["reach-waist-height"].reasons == ("Lift above shoulder, occasional: 3 kg short",)
    assert by_id["fatigue-rest-breaks"].reasons == ("Fatigue and pain: noted by the clinician",)


def test_order_is_stable_within_a_control() -> None:
    library = (Note("p-one", Limitation.SITTING, "P one.", Control.PERSONAL, GENERAL),
               Note("e-one", Limitation.SITTING, "E one.", Control.ENGINEERING, GENERAL),
               Note("a-one", Limitation.SITTING, "A one.", Control.ADMINISTRATIVE, GENERAL),
               Note("e-two", Limitation.SITTING, "E two.", Control.ENGINEERING, GENERAL),
               Note("w-one", Limitation.SITTING, "W one.", Control.WORK_ORGANISATION, GENERAL))
    ids = [s.note.id for s in suggest([mismatch(Activity.SIT, 60, 20, None)], library=library)]
    assert ids == ["e-one", "e-two", "a-one", "w-one", "p-one"]


def test_a_clinic_copy_without_settings_keeps_the_bundled_settings_by_id(data_dir: Path) -> None:
    data = bundled()
    for notes in data["limitations"].values():
        for row in notes:
            del row["settings"]  # a copy made before notes had settings
    data["limitations"]["sitting"].append({"id": "clinic-kneeling-chair", "text": "Provide a kneeling chair.",
                                           "control": "engineering", "source": "Clinic practice"})
    write_clinic_file(data_dir, data)
    by_id = {n.id: n for n in load_library()}
    assert by_id["lift-push-pull-device"].settings == (WorkSetting.WAREHOUSE,)
    assert by_id["sit-sit-stand-desk"].settings == (WorkSetting.DESK,)
    assert by_id["clinic-kneeling-chair"].settings == (WorkSetting.ANY,)


def test_a_clinic_file_in_the_data_folder_replaces_the_library(data_dir: Path) -> None:
    data = bundled()
    for notes in data["limitations"].values():
        del notes[1:]
    data["limitations"]["sitting"] = [{"id": "clinic-kneeling-chair", "text": "Provide a kneeling chair.",
                                       "control": "engineering", "source": "Clinic practice"}]
    write_clinic_file(data_dir, data)
    notes = load_library()
    assert len(notes) == len(Limitation)
    sitting = [n for n in notes if n.limitation is Limitation.SITTING]
    assert [n.id for n in sitting] == ["clinic-kneeling-chair"]
    ids = [s.note.id for s in suggest([mismatch(Activity.SIT, 60, 20, None)])]
    assert ids == ["clinic-kneeling-chair"]


def test_the_library_is_read_again_only_when_its_file_changed(data_dir: Path) -> None:
    data = bundled()
    path = write_clinic_file(data_dir, data)
    first = load_library()
    assert load_library() is first  # unchanged: not read again
    data["limitations"]["sitting"].insert(0, {"id": "clinic-kneeling-chair", "text": "Provide a kneeling chair.",
                                              "control": "engineering", "source": "Clinic practice"})
    path.write_text(json.dumps(data), encoding="utf-8")  # edited while the app runs
    assert [n.id for n in load_library() if n.limitation is Limitation.SITTING][0] == "clinic-kneeling-chair"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot be read as JSON"):
        load_library()


@pytest.mark.parametrize(("breakage", "expected"), [
    (lambda d: d["limitations"]["sitting"][0].update(control="ergonomic"), "limitations/sitting, note 1, control"),
    (lambda d: d["limitations"]["concentration"][2].pop("source"), "limitations/concentration, note 3, source"),
    (lambda d: d["limitations"]["grip_repetition"][0].update(text="  "), "grip_repetition, note 1, text"),
    (lambda d: d["limitations"].pop("fatigue_pain"), "limitations/fatigue_pain: must list at least one note"),
    (lambda d: d["limitations"].update(typing=[]), "unknown limitation 'typing'"),
    (lambda d: d["limitations"]["sitting"][0].update(contol="engineering"), "unknown field 'contol'"),
    (lambda d: d["limitations"]["sitting"][0].update(id="Sit Desk"), "note 1, id"),
    (lambda d: d["limitations"]["sitting"][1].update(id="lift-hoist"), "'lift-hoist' is used by more than one"),
    (lambda d: d.update(version=2), "version: must be 1"),
    (lambda d: d["limitations"]["sitting"][0].update(settings=[]), "sitting, note 1, settings: must list"),
    (lambda d: d["limitations"]["sitting"][0].update(settings=["office"]), "'office' is not a setting"),
    (lambda d: d["limitations"]["sitting"][0].update(settings=["any", "desk"]), "list it alone"),
    (lambda d: d["limitations"]["sitting"][0].update(settings=["desk", "desk"]), "lists a setting twice"),
    (lambda d: d["limitations"]["sitting"][0].update(settings="desk"), "settings: must list at least one"),
])
def test_a_broken_clinic_file_names_the_file_and_the_problem(data_dir: Path, breakage: Any, expected: str) -> None:
    data = bundled()
    breakage(data)
    path = write_clinic_file(data_dir, data)
    with pytest.raises(LibraryError) as caught:
        load_library()
    assert str(path) in str(caught.value)
    assert expected in str(caught.value)


def test_a_clinic_file_that_is_not_json_is_refused(data_dir: Path) -> None:
    path = data_dir / "accommodations.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(LibraryError, match="cannot be read as JSON") as caught:
        suggest([mismatch(Activity.SIT, 60, 20, None)])
    assert str(path) in str(caught.value)


def test_selected_note_round_trip_keeps_the_edit_and_the_source() -> None:
    note = next(n for n in load_library() if n.id == "sit-sit-stand-desk")
    picked = SelectedNote.from_note(note)
    assert not picked.edited
    assert picked.edit(note.text) is picked  # unchanged wording is not an edit
    edited = picked.edit("  Provide a sit-stand desk; change position every 30 minutes.  ")
    assert edited.edited
    assert edited.text == "Provide a sit-stand desk; change position every 30 minutes."
    assert (edited.note_id, edited.source, edited.limitation) == (note.id, note.source, Limitation.SITTING)
    row = json.loads(json.dumps(selected_note_to_dict(edited)))
    assert row["limitation"] == "sitting"
    assert selected_note_from_dict(row) == edited


@pytest.mark.parametrize(("row", "field"), [
    ({"note_id": "sit-chair", "text": "", "limitation": "sitting", "source": "x"}, "accommodation text"),
    ({"note_id": "sit-chair", "text": "t", "limitation": "typing", "source": "x"}, "limitation"),
    ({"note_id": "sit-chair", "text": "t", "limitation": "sitting"}, "accommodation note source"),
    ({"note_id": "sit-chair", "text": "t", "limitation": "sitting", "source": "x", "extra": 1}, "note field"),
    ({"note_id": "sit-chair", "text": "t", "limitation": "sitting", "source": "x", "edited": "yes"}, "edited"),
])
def test_a_bad_selected_note_is_refused_with_the_field(row: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        selected_note_from_dict(row)
