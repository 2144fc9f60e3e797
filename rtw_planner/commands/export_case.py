"""`export CASE_ID --out FILE [--format case|fhir]`: one stored case as a case file or as an HL7 FHIR R4 collection
Bundle (owner-only); both are full clinical exports, so a role that may not read clinical data is refused."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("export", help="export a case to a case file")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE")
    parser.add_argument("--format", choices=("case", "fhir"), default="case",
                        help="case: the program's case file (default); fhir: an HL7 FHIR R4 collection Bundle in JSON "
                             "(needs the optional extra: pip install rtw-planner[fhir])")


def run(args: argparse.Namespace) -> int:
    """Write the case file or the bundle."""
    from rtw_planner.commands._support import saved_case
    from rtw_planner.files import write_private

    if args.format == "fhir":
        return _export_fhir(args)
    from rtw_planner.domain.case.casefile import dumps

    write_private(args.out, dumps(saved_case(args)).encode("utf-8"))
    return 0


def _export_fhir(args: argparse.Namespace) -> int:
    """The bundle; the library is looked for before the database is opened, so nothing is read without it."""
    from rtw_planner.commands._support import UsageError, saved_case, write_output
    from rtw_planner.fhir import FhirError, export_bundle, require_library

    try:
        require_library()
        data = export_bundle(saved_case(args))
    except FhirError as exc:
        raise UsageError(str(exc)) from None
    write_output(args.out, data)
    return 0
