"""`render KIND --case FILE --out FILE.pdf`: a draft document; with `--issue --recipient NAME`, an issued one."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import peewee

    from rtw_planner.domain.case import Case

KINDS = ("employer-letter", "patient-handout", "match-report")


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("render", help="render a document to PDF (a draft unless --issue)")
    parser.add_argument("document", choices=KINDS)
    parser.add_argument("--case", required=True, type=Path, metavar="FILE", help="case file to read")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument("--paper", choices=["a4", "letter"], help="paper size (default: the clinic's setting)")
    parser.add_argument("--large-print", action="store_true", help="patient handout in 16 pt")
    parser.add_argument("--issue", action="store_true", help="issue it: apply the consent rules and log it")
    parser.add_argument("--recipient", metavar="NAME", help="who receives it (needed with --issue)")
    parser.add_argument("--send", action="store_true",
                        help="the clinic sends it (needs consent to release functional information to NAME); "
                             "otherwise it is the patient's copy to pass on")
    parser.add_argument("--patient-offered-on", metavar="YYYY-MM-DD",
                        help="the day the patient was offered the letter to read (required to send in the UK)")
    parser.add_argument("--scheme-diagnosis", action="store_true",
                        help="workers' compensation: include the diagnosis because the scheme requires it")


def _date(option: str, value: str | None) -> date | None:
    from rtw_planner.cli import UsageError

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not allowed; expected a date written YYYY-MM-DD") from None


def stored_case(db: peewee.Database, case: Case) -> tuple[Case, bool]:
    """The saved case matching the file (same patient, date of birth and employer), else the file imported as a
    new case; True when imported."""
    from rtw_planner.db.repository import CaseRepository

    repository = CaseRepository(db)
    for summary in repository.summaries(case.patient_name, 0, 50):
        saved = repository.get(summary.id)
        if (saved.patient_name, saved.date_of_birth, saved.employer) == (case.patient_name, case.date_of_birth,
                                                                          case.employer):
            return repository.save(case.with_id(saved.id)), False
    return repository.save(case.with_id(None)), True


def run(args: argparse.Namespace) -> int:
    """Render, or issue and log."""
    from rtw_planner.cli import UsageError, check_output, database, read_case_file
    from rtw_planner.db.repository import ClinicRepository
    from rtw_planner.documents import IssueRequest, Kind, issue, render
    from rtw_planner.domain.case import Clinic
    from rtw_planner.domain.disclosure import Delivery
    from rtw_planner.domain.errors import ValidationError
    from rtw_planner.files import write_private

    kind = Kind(args.document)
    case = read_case_file(args.case)
    check_output(args.out)
    offered = _date("--patient-offered-on", args.patient_offered_on)
    if not args.issue:
        if args.recipient or args.send or offered or args.scheme_diagnosis:
            raise UsageError("--recipient, --send, --patient-offered-on and --scheme-diagnosis go with --issue")
        db = database(args, create=False)
        clinic = ClinicRepository(db).get() if db is not None else Clinic()
        clinic = replace(clinic, paper_size=args.paper) if args.paper else clinic
        write_private(args.out, render(kind, case, clinic, large_print=args.large_print))
        return 0
    if kind is Kind.PATIENT_HANDOUT and (args.send or args.scheme_diagnosis):
        raise UsageError("--send and --scheme-diagnosis: not allowed for the patient handout, which is the "
                         "patient's own copy")
    if not (args.recipient or "").strip():
        raise UsageError("--recipient: missing; --issue needs the name of who receives the document")
    request = IssueRequest(args.recipient.strip(), Delivery.SENT if args.send else Delivery.PATIENT_COPY, offered,
                           args.scheme_diagnosis)
    db = database(args)
    assert db is not None
    clinic = ClinicRepository(db).get()
    clinic = replace(clinic, paper_size=args.paper) if args.paper else clinic
    try:
        from rtw_planner.documents import decision_for

        decision_for(kind, case, clinic, request, date.today())  # refuse before anything is written
    except ValidationError as exc:
        raise UsageError(str(exc)) from None
    saved, imported = stored_case(db, case)
    entry, pdf = issue(db, kind, saved, clinic, request, large_print=args.large_print)
    write_private(args.out, pdf)
    print(f"Issued {kind.label.lower()} to {entry.recipient} ({entry.delivery.replace('_', ' ')}); case {saved.id}"
          f"{' (imported)' if imported else ''}; SHA-256 {entry.sha256}", file=sys.stderr)
    return 0
