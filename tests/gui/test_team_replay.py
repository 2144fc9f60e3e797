"""Re-applying a user's edits on a case someone else saved meanwhile: what still applies moves to where it now
belongs, what the other person changed too is refused, and nothing of either person's work is lost silently."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.edits import case_edits, progress_edits
from rtw_planner.domain.edits.commands import Batch, Set
from rtw_planner.domain.edits.lenses import Attr, CaseField, Item
from rtw_planner.gui.team.replay import aligned, field_edits, replay

OUTCOMES = CaseField("outcomes")


def record(day: int, score: float, notes: str = "") -> OutcomeRecord:
    return OutcomeRecord("PEG", date(2026, 10, day), (score,), score, notes=notes)


BASE = Case("Ada Test", employer="Acme", job_title="Picker", diagnosis="Low back pain",
            outcomes=(record(1, 7.0), record(8, 6.0), record(15, 5.0)), id=4)


def test_edits_of_other_fields_apply_on_top_of_the_other_persons_changes() -> None:
    theirs = replace(BASE, diagnosis="Low back pain, improving")
    result = replay(BASE, [case_edits.set_case_field("job_title", "Team leader")], theirs)
    assert result.refused == ()
    assert result.case == replace(BASE, diagnosis="Low back pain, improving", job_title="Team leader")


def test_a_field_both_people_changed_is_refused_and_the_other_persons_value_stays() -> None:
    theirs = replace(BASE, employer="Acme Stores")
    mine = [case_edits.set_case_field("employer", "Acme plc"), case_edits.set_case_field("job_title", "Lead")]
    result = replay(BASE, mine, theirs)
    assert [e.text for e in result.refused] == ["change employer"]
    assert (result.case.employer, result.case.job_title) == ("Acme Stores", "Lead")


def test_the_same_change_made_by_both_is_no_conflict() -> None:
    theirs = replace(BASE, employer="Acme plc")
    result = replay(BASE, [case_edits.set_case_field("employer", "Acme plc")], theirs)
    assert result.refused == ()
    assert result.case.employer == "Acme plc"


def test_a_later_step_on_a_refused_value_is_refused_too() -> None:
    theirs = replace(BASE, employer="Acme Stores")
    mine = [Set(CaseField("employer"), "Acme p", "change employer"),
            Set(CaseField("employer"), "Acme plc", "change employer")]
    result = replay(BASE, mine, theirs)
    assert len(result.refused) == 2
    assert result.case == theirs


def test_a_row_edit_follows_its_row_when_the_other_person_inserted_one_before_it() -> None:
    theirs = replace(BASE, outcomes=(record(1, 7.0), record(4, 6.5), record(8, 6.0), record(15, 5.0)))
    notes = Set(Attr(Item(OUTCOMES, 1), "notes"), "slept badly", "change notes")  # the 8 October record
    result = replay(BASE, [notes], theirs)
    assert result.refused == ()
    assert [r.notes for r in result.case.outcomes] == ["", "", "slept badly", ""]
    assert result.case.outcomes[2].on == date(2026, 10, 8)


def test_rows_both_people_added_are_both_kept() -> None:
    theirs = replace(BASE, outcomes=(*BASE.outcomes, record(22, 4.0)))
    result = replay(BASE, [progress_edits.add_outcome(record(29, 3.0), 3)], theirs)
    assert result.refused == ()
    assert [r.on.day for r in result.case.outcomes] == [1, 8, 15, 22, 29]


def test_an_insert_in_the_middle_goes_before_the_same_row() -> None:
    theirs = replace(BASE, outcomes=(record(1, 7.0), record(15, 5.0)))  # they removed the 8 October record
    result = replay(BASE, [progress_edits.add_outcome(record(20, 4.5), 2)], theirs)
    assert [r.on.day for r in result.case.outcomes] == [1, 20, 15]


def test_editing_or_removing_a_row_the_other_person_removed_or_changed_is_refused() -> None:
    theirs = replace(BASE, outcomes=(record(1, 7.0), record(15, 5.5)))  # 8 Oct removed, 15 Oct rescored
    notes = Set(Attr(Item(OUTCOMES, 1), "notes"), "slept badly", "change notes of 8 Oct")
    remove = progress_edits.remove_outcome(2, BASE.outcomes[2])
    keep = progress_edits.remove_outcome(0, BASE.outcomes[0])
    result = replay(BASE, [notes, remove, keep], theirs)
    assert [e.text for e in result.refused] == ["change notes of 8 Oct", "remove PEG of 15 Oct 2026"]
    assert result.case.outcomes == (record(15, 5.5),)


def test_a_field_of_a_row_changed_in_place_by_the_other_person_applies_when_it_is_another_field() -> None:
    theirs = replace(BASE, outcomes=(record(1, 7.0), record(8, 6.5), record(15, 5.0)))  # rescored 8 Oct
    notes = Set(Attr(Item(OUTCOMES, 1), "notes"), "slept badly", "change notes")
    result = replay(BASE, [notes], theirs)
    assert result.refused == ()
    assert result.case.outcomes[1] == record(8, 6.5, notes="slept badly")


def test_one_action_of_several_edits_applies_whole_or_not_at_all() -> None:
    theirs = replace(BASE, job_title="Driver")
    both = Batch((case_edits.set_case_field("employer", "Acme plc"), case_edits.set_case_field("job_title", "Lead")),
                 "change employer and job")
    result = replay(BASE, [both], theirs)
    assert [e.text for e in result.refused] == ["change employer and job"]
    assert result.case == theirs
    assert replay(BASE, [both], replace(BASE, diagnosis="x")).case == replace(BASE, diagnosis="x", employer="Acme plc",
                                                                               job_title="Lead")


def test_an_edit_of_a_row_that_is_gone_is_refused() -> None:
    theirs = replace(BASE, outcomes=())
    result = replay(BASE, [Set(Item(OUTCOMES, 0), record(2, 1.0), "change the first record")], theirs)
    assert len(result.refused) == 1
    assert result.case == theirs


def test_field_edits_name_every_changed_field() -> None:
    mine = replace(BASE, employer="Acme plc", outcomes=BASE.outcomes[:1])
    edits = field_edits(BASE, mine)
    assert [e.text for e in edits] == ["change employer", "change outcomes"]
    assert replay(BASE, edits, replace(BASE, diagnosis="x")).case == replace(mine, diagnosis="x")


def test_alignment_pairs_equal_items_and_rows_changed_in_place() -> None:
    assert aligned("abc", "abc") == {0: 0, 1: 1, 2: 2}
    assert aligned("abc", "xabc") == {0: 1, 1: 2, 2: 3}
    assert aligned("abc", "ac") == {0: 0, 2: 1}
    assert aligned("abcd", "aXcd") == {0: 0, 1: 1, 2: 2, 3: 3}  # b changed in place
    assert aligned("abcd", "dcba") == {3: 0}  # reordered: only one row can keep its place
    assert aligned("", "ab") == {}
