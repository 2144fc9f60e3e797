"""`import FILE [--replace CASE_ID] [--format case|fhir]`: validate a case file (or an HL7 FHIR R4 Bundle written by
`export --format fhir`) completely, then save it as a new case and print its id alone, or replace a stored case
with a case file while that case is still at the revision the file was exported from."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("import", help="import a case file; prints the new case id")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--replace", metavar="CASE_ID",
                        help="replace this stored case (keeping its id) instead of adding a new one; only while "
                             "it is still at the revision the file was exported from (otherwise exit status 3)")
    parser.add_argument("--format", choices=("case", "fhir"), default="case",
                        help="case: the program's case file (default); fhir: an HL7 FHIR R4 collection Bundle as "
                             "export --format fhir writes it, always saved as a new case (needs the optional extra: "
                             "pip install rtw-planner[fhir])")


def _read(path: Path) -> tuple[Case, int | None]:
    """The case in the file and the revision it was exported from. Raises UsageError naming the problem."""
    from rtw_planner.commands._support import UsageError, read_case_text
    from rtw_planner.domain.case.casefile import CaseFileError, parse_exported

    text = read_case_text(path)
    try:
        return parse_exported(text)
    except CaseFileError as exc:
        raise UsageError(f"invalid case file {path}: {exc}") from None


def _with_stored_evaluation_ids(case: Case, stored: Case) -> Case:
    """A case file carries no evaluation ids, so each evaluation equal to a stored one (apart from its id) takes that
    one's id: an unchanged evaluation stays the same row, and one an issued document locked is not rewritten."""
    free = list(stored.evaluations)
    evaluations = []
    for evaluation in case.evaluations:
        same = next((s for s in free if replace(s, id=None) == replace(evaluation, id=None)), None)
        if same is not None:
            free.remove(same)
            evaluation = replace(evaluation, id=same.id)
        evaluations.append(evaluation)
    return replace(case, evaluations=tuple(evaluations))


def _read_fhir(args: argparse.Namespace) -> Case:
    """The case in a bundle, checked whole before anything is saved. Raises UsageError naming the problem."""
    from rtw_planner.commands._support import UsageError
    from rtw_planner.fhir import MAX_BUNDLE_BYTES, FhirError, import_bundle, require_library

    if args.replace is not None:
        raise UsageError("--replace: works with case files only; a FHIR bundle is always imported as a new case")
    try:
        require_library()
        with args.file.open("rb") as handle:
            data = handle.read(MAX_BUNDLE_BYTES + 1)
    except FhirError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot read FHIR bundle {args.file}: {exc.strerror or type(exc).__name__}") from None
    if len(data) > MAX_BUNDLE_BYTES:
        raise UsageError(f"invalid FHIR bundle {args.file}: larger than the limit of "
                         f"{MAX_BUNDLE_BYTES / 1_000_000:.3g} MB")
    try:
        return import_bundle(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UsageError(f"cannot read FHIR bundle {args.file}: not UTF-8 text (byte {exc.start + 1})") from None
    except FhirError as exc:
        raise UsageError(f"invalid FHIR bundle {args.file}: {exc}") from None


def run(args: argparse.Namespace) -> int:
    """Save the case and print its id."""
    from rtw_planner.commands._support import (
        ConflictUsageError,
        UsageError,
        case_id_argument,
        database,
        read_case_file,
    )
    from rtw_planner.db.errors import ConflictError, NotFoundError
    from rtw_planner.db.repository import CaseRepository

    if args.format == "fhir":
        case = _read_fhir(args)
    elif args.replace is None:
        case = read_case_file(args.file)
    else:
        case_id_argument("--replace", args.replace)
        unsaved, revision = _read(args.file)
        if revision is None:
            raise UsageError(f"--replace: {args.file} does not say which revision it was exported from; export "
                             f"case {args.replace} again and edit that file")
        case = replace(unsaved, id=int(args.replace), revision=revision)
    db = database(args)
    assert db is not None  # created when missing
    repo = CaseRepository(db)
    try:
        if args.replace is not None:
            case = _with_stored_evaluation_ids(case, repo.get(case.id))  # type: ignore[arg-type]
        saved = repo.save(case)
    except NotFoundError:
        raise UsageError(f"--replace: case {args.replace} does not exist") from None
    except ConflictError as exc:
        raise ConflictUsageError(f"case {args.replace} changed since it was exported (revision "
                                 f"{exc.your_revision}, now {exc.stored_revision})") from None
    print(saved.id)
    return 0
