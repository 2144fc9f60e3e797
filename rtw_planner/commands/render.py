"""`render KIND --case FILE --out FILE.pdf`: a draft document; with `--issue --recipient NAME`, an issued one.

Rendering never changes a stored case: a document issued from a file is logged against the file's SHA-256."""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case
    from rtw_planner.domain.issuing.disclosure import DisclosureRequest, DocumentKind

KINDS = ("employer-letter", "patient-handout", "match-report")
ROLES = ("employer", "insurer", "health-professional", "clinical-team")


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("render", help="render a document to PDF (a draft unless --issue)")
    parser.add_argument("document", choices=KINDS)
    parser.add_argument("--case", required=True, type=Path, metavar="FILE", help="case file to read")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    parser.add_argument("--paper", choices=["a4", "letter"], help="paper size (default: the clinic's setting)")
    parser.add_argument("--large-print", action="store_true", help="16 pt body text (every document)")
    parser.add_argument("--units", choices=["kg", "lb"],
                        help="loads in kg (forces in N) or lb (forces in lbf); default: the clinic's setting")
    parser.add_argument("--issue", action="store_true",
                        help="issue it: check it can be issued, apply the consent rules and log it")
    parser.add_argument("--recipient", metavar="NAME", help="who receives it (needed with --issue)")
    parser.add_argument("--role", choices=ROLES,
                        help="the recipient's role (default: clinical-team for the recipient 'Clinical team', "
                             "else employer)")
    parser.add_argument("--send", action="store_true",
                        help="the clinic sends the letter (needs consent to release functional information to NAME); "
                             "otherwise it is the patient's copy to pass on. A match report is always sent.")
    parser.add_argument("--patient-offered-on", metavar="YYYY-MM-DD",
                        help="the day the patient was offered the document to read (required to send in the UK)")
    parser.add_argument("--scheme-diagnosis", action="store_true",
                        help="workers' compensation: include the diagnosis where the jurisdiction's scheme allows it")


def _date(option: str, value: str | None) -> date | None:
    from rtw_planner.commands._support import UsageError, shown

    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{option}: {shown(value)} is not allowed; expected a date written YYYY-MM-DD") from None


def _request(kind: DocumentKind, case: Case, args: argparse.Namespace) -> DisclosureRequest:
    """The disclosure request from the options; UsageError when they do not fit the document."""
    from rtw_planner.commands._support import UsageError
    from rtw_planner.domain.issuing.disclosure import (
        CLINICAL_TEAM,
        Delivery,
        DisclosureRequest,
        DocumentKind,
        RecipientRole,
        same_recipient,
    )

    offered = _date("--patient-offered-on", args.patient_offered_on)
    if kind is DocumentKind.PATIENT_HANDOUT:
        if args.send or args.scheme_diagnosis or args.role:
            raise UsageError("--send, --role and --scheme-diagnosis: not allowed for the patient handout, which is "
                             "the patient's own copy")
        return DisclosureRequest(case.patient_name, RecipientRole.PATIENT, Delivery.PATIENT_COPY)
    recipient = (args.recipient or "").strip()
    if not recipient:
        raise UsageError("--recipient: missing; --issue needs the name of who receives the document")
    if args.role:
        role = RecipientRole(args.role.replace("-", "_"))
    else:
        role = RecipientRole.CLINICAL_TEAM if same_recipient(recipient, CLINICAL_TEAM) else RecipientRole.EMPLOYER
    sent = args.send or kind is DocumentKind.MATCH_REPORT
    return DisclosureRequest(recipient, role, Delivery.SENT if sent else Delivery.PATIENT_COPY, offered,
                             args.scheme_diagnosis)


def run(args: argparse.Namespace) -> int:
    """Render a draft, or run the pre-flight, issue and log."""
    from rtw_planner.commands._support import UsageError, check_output, database, read_case_file, write_output
    from rtw_planner.db.repository import ClinicRepository
    from rtw_planner.documents import check, issue, render
    from rtw_planner.domain.case.model import Clinic
    from rtw_planner.domain.data.errors import ValidationError
    from rtw_planner.domain.demands.units import MassUnit
    from rtw_planner.domain.issuing.disclosure import DocumentKind
    from rtw_planner.domain.issuing.options import RenderOptions
    from rtw_planner.domain.issuing.preflight import PreflightError

    kind = DocumentKind(args.document)
    case = read_case_file(args.case)
    check_output(args.out)
    options = RenderOptions(draft=not args.issue, large_print=args.large_print,
                            mass_unit=MassUnit(args.units) if args.units else None)
    if not args.issue:
        if args.recipient or args.send or args.patient_offered_on or args.scheme_diagnosis or args.role:
            raise UsageError("--recipient, --role, --send, --patient-offered-on and --scheme-diagnosis go with "
                             "--issue")
        db = database(args, create=False)
        clinic = ClinicRepository(db).get() if db is not None else Clinic()
        clinic = replace(clinic, paper_size=args.paper) if args.paper else clinic
        try:
            pdf = render(kind, case, clinic, options=options)
        except ValidationError as exc:
            raise UsageError(str(exc)) from None
        write_output(args.out, pdf)
        return 0
    request = _request(kind, case, args)
    db = database(args)
    assert db is not None
    clinic = ClinicRepository(db).get()
    clinic = replace(clinic, paper_size=args.paper) if args.paper else clinic
    source = hashlib.sha256(args.case.read_bytes()).hexdigest()
    try:
        entry, pdf = issue(db, kind, case, clinic, request, options=options, source_sha256=source)
    except PreflightError as exc:
        raise UsageError(str(exc)) from None
    except ValidationError as exc:
        raise UsageError(str(exc)) from None
    write_output(args.out, pdf)
    for warning in check(kind, case, clinic, request).warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"Issued {kind.label.lower()} to {entry.recipient} ({entry.delivery.replace('_', ' ')}), logged against "
          f"case file SHA-256 {source}; document SHA-256 {entry.sha256}", file=sys.stderr)
    return 0
