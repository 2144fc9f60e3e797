"""Two people edit the same case: the second save is refused, names who saved first and when, and loses nothing;
reload re-applies the second person's edits on top, a copy keeps both versions, and a busy or refusing database
keeps every edit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from gui_clients import two_people
from gui_factories import assessed_case, history

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import BusyError, PermissionDeniedError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.edits import case_edits, progress_edits
from rtw_planner.gui.kit.choices import ConflictChoice
from rtw_planner.gui.widgets.case_view import BUSY, CaseView

PEG = OutcomeRecord("PEG", date(2026, 11, 2), (6, 5, 6), 5.7)


@pytest.fixture
def people(tmp_path: Path) -> Iterator[tuple[Any, Any, str]]:
    first, second, first_user = two_people(tmp_path / "shared.sqlite3")
    yield first, second, first_user
    first.db.close()
    second.db.close()


@pytest.fixture
def stored(tmp_path: Path, people) -> Iterator[CaseRepository]:  # type: ignore[no-untyped-def]
    """A third connection that only reads what is stored."""
    db = open_database(tmp_path / "shared.sqlite3")
    yield CaseRepository(db)
    db.close()


def open_views(qtbot, prompts, people) -> tuple[CaseView, CaseView, int]:  # type: ignore[no-untyped-def]
    """The same case open in two case views, one for each person."""
    first, second, _ = people
    case_id = first.save(assessed_case(outcomes=(PEG,))).id
    views = []
    for repository in (first, second):
        view = CaseView(repository, prompts)
        qtbot.addWidget(view)
        view.load(repository.get(case_id))
        views.append(view)
    return views[0], views[1], case_id


def test_the_second_save_is_refused_and_nothing_is_lost(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    a.push(case_edits.set_case_field("job_title", "Team leader"))
    a.push(progress_edits.add_outcome(OutcomeRecord("PEG", date(2026, 11, 30), (4, 4, 4), 4.0), 1))
    assert a.save()
    b.push(case_edits.set_case_field("diagnosis", "Neck pain, improving"))
    b.push(case_edits.set_case_field("employer", "Acme Stores plc"))

    assert not b.save()  # cancelled: keep editing
    (conflict,) = prompts.conflicts
    assert conflict.case_id == case_id
    assert conflict.changed_by == people[2]
    assert f"changed by {people[2]} at " in b.message_label.text()
    after_first = stored.get(case_id)
    assert after_first.job_title == "Team leader"  # the first person's field and row survive
    assert [o.score for o in after_first.outcomes] == [5.7, 4.0]
    assert after_first.diagnosis == "Persistent neck pain"
    assert b.is_dirty()
    assert (b.case.diagnosis, b.case.employer) == ("Neck pain, improving", "Acme Stores plc")

    prompts.conflict_answer = ConflictChoice.RELOAD
    assert not b.save()  # reloaded with the edits on top: the person checks, then saves
    assert (b.case.job_title, b.case.diagnosis, b.case.employer) == ("Team leader", "Neck pain, improving",
                                                                     "Acme Stores plc")
    assert [o.score for o in b.case.outcomes] == [5.7, 4.0]
    assert b.is_dirty()
    assert history(b) == ["change diagnosis", "change employer"]  # each re-applied edit can be undone
    assert "2 of your edits re-applied" in b.message_label.text()
    assert prompts.informed == []  # nothing refused, nothing to list
    assert b.save()
    final = stored.get(case_id)
    assert (final.job_title, final.diagnosis, final.employer) == ("Team leader", "Neck pain, improving",
                                                                  "Acme Stores plc")
    assert [o.score for o in final.outcomes] == [5.7, 4.0]


def test_an_edit_of_what_the_other_person_changed_is_listed_not_applied(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    a.push(case_edits.set_case_field("employer", "Acme Stores Ltd (North)"))
    assert a.save()
    b.push(case_edits.set_case_field("employer", "Acme plc"))
    b.push(case_edits.set_case_field("job_title", "Cook"))
    prompts.conflict_answer = ConflictChoice.RELOAD
    b.save()
    (message,) = prompts.informed
    assert "• change employer" in message
    assert "change job title" not in message
    assert (b.case.employer, b.case.job_title) == ("Acme Stores Ltd (North)", "Cook")
    assert "1 no longer applied" in b.message_label.text()
    assert stored.get(case_id).employer == "Acme Stores Ltd (North)"


def test_save_mine_as_a_copy_keeps_both_versions(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    a.push(case_edits.set_case_field("job_title", "Team leader"))
    assert a.save()
    b.push(case_edits.set_case_field("job_title", "Cook"))
    saved_ids: list[int] = []
    b.saved.connect(saved_ids.append)
    prompts.conflict_answer = ConflictChoice.COPY
    assert b.save()
    assert b.case_id not in (None, case_id)
    assert saved_ids == [b.case_id]
    assert not b.is_dirty()
    assert stored.get(case_id).job_title == "Team leader"
    copy = stored.get(b.case_id)
    assert (copy.job_title, copy.patient_name, copy.outcomes) == ("Cook", "Ada Test", (PEG,))


def test_reload_after_undoing_past_the_save_re_applies_the_undo(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    b.push(case_edits.set_case_field("job_title", "Cook"))
    assert b.save()  # b's own save: a's copy is now behind
    b.undo_stack.undo()  # back to "Shelf stacker", below the clean state
    a.push(case_edits.set_case_field("employer", "Acme plc"))
    prompts.conflict_answer = ConflictChoice.RELOAD
    assert not a.save()
    assert (a.case.job_title, a.case.employer) == ("Cook", "Acme plc")
    assert a.save()
    assert not b.save()  # b is behind a now
    assert (b.case.job_title, b.case.employer) == ("Shelf stacker", "Acme plc")  # b's undo re-applied
    assert b.save()
    assert (stored.get(case_id).job_title, stored.get(case_id).employer) == ("Shelf stacker", "Acme plc")


class Refusing:
    """A repository whose saves fail with one error."""

    def __init__(self, inner: Any, error: Exception) -> None:
        self.inner, self.error, self.db = inner, error, inner.db

    def save(self, case: Any) -> Any:
        raise self.error

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


@pytest.mark.parametrize(("error", "shown"), [
    (BusyError(), BUSY),
    (PermissionDeniedError("Reception may not change diagnoses."),
     "Reception may not change diagnoses. Your edits are kept."),
])
def test_a_busy_or_refusing_database_keeps_every_edit(qtbot, prompts, people, error, shown) -> None:  # type: ignore[no-untyped-def]
    first, _, _ = people
    case_id = first.save(assessed_case()).id
    view = CaseView(Refusing(first, error), prompts)
    qtbot.addWidget(view)
    view.load(first.get(case_id))
    view.push(case_edits.set_case_field("job_title", "Cook"))
    assert not view.save()
    assert prompts.errors == [shown]
    assert view.message_label.text() == shown
    assert view.is_dirty()
    assert view.case.job_title == "Cook"
    assert history(view) == ["change job title"]


def test_a_case_deleted_elsewhere_can_be_saved_as_a_new_case(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    people[0].delete(case_id)
    b.push(case_edits.set_case_field("job_title", "Cook"))
    prompts.confirm_answer = False
    assert not b.save()
    assert "deleted" in b.message_label.text()
    assert b.is_dirty()
    prompts.confirm_answer = True
    assert b.save()
    assert stored.get(b.case_id).job_title == "Cook"


def test_the_banner_says_who_changed_the_case_and_reloads_it(qtbot, prompts, people, stored) -> None:  # type: ignore[no-untyped-def]
    a, b, case_id = open_views(qtbot, prompts, people)
    a.push(case_edits.set_case_field("job_title", "Team leader"))
    assert a.save()
    reloaded: list[int] = []
    b.reloaded.connect(reloaded.append)
    b.show()
    b.show_changed_elsewhere("sam", None)
    assert b.banner.isVisible()
    assert b.banner.label.text() == "Changed by sam: reload?"
    b.banner.reload_button.click()
    assert not b.banner.isVisible()
    assert b.case.job_title == "Team leader"
    assert not b.is_dirty()
    assert reloaded == [case_id]
    b.push(case_edits.set_case_field("employer", "Acme plc"))
    b.show_changed_elsewhere("sam", None)
    assert "Your unsaved edits are re-applied on top." in b.banner.label.text()
    b.banner.reload_button.click()
    assert (b.case.job_title, b.case.employer) == ("Team leader", "Acme plc")
    assert b.is_dirty()
