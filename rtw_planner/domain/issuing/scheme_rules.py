"""When a workers' compensation scheme allows the diagnosis in a document, by jurisdiction and recipient (data)."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.assets import resource_path
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.files import DataFileProblem, checked, read_json

SCHEME_FILE = "disclosure/scheme-diagnosis.json"


@dataclass(frozen=True)
class SchemeDiagnosisRule:
    """Whether the scheme lets the diagnosis go to an employer and to the insurer or board, and the source."""

    jurisdiction: Jurisdiction
    employer: bool
    insurer: bool
    source: str


def scheme_diagnosis_rule(jurisdiction: Jurisdiction) -> SchemeDiagnosisRule:
    """The rule for one jurisdiction from the data file (a clinic's copy in its data folder replaces the bundled
    one). A jurisdiction the file does not list allows nothing. Raises ValidationError for a malformed file."""
    path = resource_path(SCHEME_FILE)
    try:
        data = checked(read_json(path), "scheme diagnosis rules", "rtw-planner-scheme-diagnosis", 1,
                       "scheme-diagnosis-v1")
    except DataFileProblem as exc:
        raise ValidationError(f"{path.name} {exc.where or ''}".strip(), "(file)", exc.problem) from None
    entry = data["jurisdictions"].get(jurisdiction.value)
    if entry is None:
        return SchemeDiagnosisRule(jurisdiction, False, False, f"{path.name} lists no rule for {jurisdiction.label}.")
    return SchemeDiagnosisRule(jurisdiction, entry["employer"], entry["insurer"], entry["source"])
