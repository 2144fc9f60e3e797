"""File › Import case file, Export case file and Export outcomes for the main window (owner-only files); a case
brought in (a file, the demo) whose person is already in the list is opened rather than copied, if the user agrees."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from rtw_planner.gui import settings as keys

if TYPE_CHECKING:
    from rtw_planner.db.repository import CaseRepository
    from rtw_planner.domain.case.model import Case
    from rtw_planner.gui.mainwindow import MainWindow

CANDIDATES = 50  # cases of the same name looked at


def folded(name: str) -> str:
    """A name as compared for duplicates: case, accents and spacing ignored ('Zoë  Ł' = 'zoe l')."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def same_person(repository: CaseRepository, case: Case) -> int | None:
    """The id of a stored case with the same name and date of birth, if there is one."""
    longest = max(case.patient_name.split(), key=len)  # spacing may differ; the search folds case and accents
    for summary in repository.summaries(longest, 0, CANDIDATES):
        if folded(summary.patient_name) == folded(case.patient_name) \
                and repository.get(summary.id).date_of_birth == case.date_of_birth:
            return summary.id
    return None


class CaseFiles:
    """Case files in and out of the window's database."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def archive_or_restore(self) -> None:
        """Archive the open case (it leaves the list and the caseload, keeping everything) or restore an archived
        one; either way the case closes and the list shows where it went."""
        from rtw_planner.db.errors import NotFoundError, StorageError

        window = self._window
        case_id = window.shown_case_id()
        if case_id is None or not window.resolve_unsaved():
            return
        cases = window.cases
        archiving = not cases.is_archived(case_id)
        try:
            cases.set_archived(case_id, archiving)
        except (NotFoundError, StorageError) as exc:
            window.prompts.error(window, "Cannot archive the case" if archiving else "Cannot restore the case",
                                 str(exc))
            return
        window.close_case_view()
        window.reload_list()
        window.workplace.watch.note_own_change()
        window.statusBar().showMessage(f"Case {case_id} archived: tick 'Show archived cases' to find it" if archiving
                                       else f"Case {case_id} restored to the case list", 6000)
        window.update_actions()

    def import_case(self) -> None:
        """Import a case file chosen by the user."""
        window = self._window
        if not window.resolve_unsaved():
            return
        name = window.prompts.open_file_name(window, "Import case file", window.settings.get(keys.LAST_FOLDER),
                                             "Case files (*.json)")
        if not name:
            return
        window.settings.set(keys.LAST_FOLDER, str(Path(name).parent))
        from rtw_planner.domain.case import casefile

        try:
            case = casefile.parse(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, casefile.CaseFileError) as exc:
            window.prompts.error(window, "Cannot import case file", f"{Path(name).name}: {exc}")
            return
        self.store_or_open(case)

    def store_or_open(self, case: Case) -> None:
        """Save a case brought in and open it; when the same person (name and date of birth) is already in the
        list, ask whether to open that case instead of adding a copy."""
        window = self._window
        existing = same_person(window.cases, case)
        if existing is not None and window.prompts.confirm(
                window, "Already in the list", f"Case {existing} has the same name and date of birth. Open it "
                "instead of adding a copy? (No adds a copy.)"):
            window.open_case(existing)
            return
        window.store_new(case)

    def export_case(self) -> None:
        """Write the saved case to a case file (owner-only)."""
        window = self._window
        case_id = window.shown_case_id()
        if case_id is None or not window.resolve_unsaved():
            return
        folder = window.settings.get(keys.LAST_FOLDER) or str(Path.home())
        name = window.prompts.save_file_name(window, "Export case file", str(Path(folder) / f"case-{case_id}.json"),
                                             "Case files (*.json)")
        if name:
            from rtw_planner.domain.case import casefile
            from rtw_planner.files import write_private

            write_private(Path(name), casefile.dumps(window.cases.get(case_id)).encode("utf-8"))
            window.settings.set(keys.LAST_FOLDER, str(Path(name).parent))
            window.statusBar().showMessage(f"Exported to {name}", 5000)

    def export_outcomes(self) -> Path | None:
        """Write the saved case's outcomes and practice log as CSV (owner-only, formula cells made inert)."""
        window = self._window
        case_id = window.shown_case_id()
        if case_id is None or not window.resolve_unsaved():
            return None
        from rtw_planner.domain.outcomes.csv_export import csv_text
        from rtw_planner.files import write_private

        folder = window.settings.get(keys.LAST_FOLDER) or str(Path.home())
        name = window.prompts.save_file_name(window, "Export outcomes",
                                             str(Path(folder) / f"outcomes-case-{case_id}.csv"), "CSV files (*.csv)")
        if not name:
            return None
        write_private(Path(name), csv_text(window.cases.get(case_id)).encode("utf-8"))
        window.statusBar().showMessage(f"Exported to {name}", 5000)
        return Path(name)
