"""`render match-report` through the command line: sent without consent it is refused and nothing is written; with
a consent for functional information only it carries no date of birth, effort, norms, scores, diagnosis or
projections; units and large print reach it."""

from __future__ import annotations

import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from factories import as_of, case_text, followed_up_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog

EMPLOYER = "Northgate Distribution Ltd"
# What the followed-up case holds beyond functional information, as the report prints it for the clinical team.
SENSITIVE = {
    "effort": re.compile(r"Inconsistent effort|Consistent, full effort|Effort notes|heart rate"),
    "grip norms": re.compile(r"% of the norm"),
    "scores": re.compile(r"PEG \(Pain|Patient-Specific Functional Scale|Tampa Scale|Six-minute walk|MCID"),
    "diagnosis": re.compile(r"Chronic non-specific low back pain|red flags"),
    "projections": re.compile(r"Linear trend|Projected date|An estimate, not a promise"),
}


@pytest.fixture(autouse=True)
def clinic(paths: dict[str, Path]) -> None:
    """A clinic with a name and a phone: an issued document never shows a placeholder letterhead."""
    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import ClinicRepository
    from rtw_planner.domain.case.model import Clinic

    ClinicRepository(open_database(paths["db"])).save(Clinic("Riverside", phone="0113 496 0000"))


@pytest.fixture
def current_picker_text() -> str:
    """The same case moved to stand to today as it stands to 6 December 2026: the return to work still ahead."""
    return case_text(as_of(followed_up_case(), date.today()))


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return {"db": tmp_path / "rtw.sqlite3", "out": tmp_path / "report.pdf", "case": tmp_path / "case.json"}


def write_case(paths: dict[str, Path], text: str, **changes: Any) -> dict[str, Any]:
    data = json.loads(text)
    data.update(changes)
    paths["case"].write_text(json.dumps(data), encoding="utf-8")
    return data


def functional_consent(recipient: str = EMPLOYER) -> dict[str, Any]:
    return {"category": "functional", "recipient": recipient, "purpose": "return to work",
            "date_given": "2020-01-01", "expiry": None, "withdrawn_on": None}


def render(paths: dict[str, Path], *extra: str) -> int:
    return main(["--db", str(paths["db"]), "render", "match-report", "--case", str(paths["case"]), "--out",
                 str(paths["out"]), *extra])


def text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages))


def birth_date(data: dict[str, Any]) -> str:
    born = date.fromisoformat(data["date_of_birth"])
    return f"{born.day} {born:%B %Y}"


def issued_rows(paths: dict[str, Path]) -> int:
    return DocumentLog(open_database(paths["db"])).count()


def test_sent_to_the_employer_without_consent_exits_2_and_writes_nothing(
        paths: dict[str, Path], current_picker_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_case(paths, current_picker_text)
    assert data["consents"] == []
    assert render(paths, "--issue", "--send", "--recipient", EMPLOYER) == 2
    error = capsys.readouterr().err
    assert "cannot be issued" in error
    assert "consent" in error
    assert data["patient_name"] not in error  # a message names the field and the rule, never the patient
    assert not paths["out"].exists()
    assert issued_rows(paths) == 0


def test_sent_with_functional_consent_only_carries_nothing_else(paths: dict[str, Path],
                                                                current_picker_text: str) -> None:
    data = write_case(paths, current_picker_text, consents=[functional_consent()])
    assert render(paths, "--issue", "--send", "--recipient", EMPLOYER) == 0
    report = text(paths["out"])
    assert f"Sent to {EMPLOYER} (employer) with {data['patient_name']}'s consent. It contains: abilities, limits, " \
           "schedule and adjustments. Not part of this report:" in report
    assert birth_date(data) not in report
    assert "Date of birth Not part of this report" in report
    for name, pattern in SENSITIVE.items():
        assert not pattern.search(report), name
    assert "Lift floor to waist, occasional 23 kg 12 kg Mismatch 11 kg (48%)" in report  # the match itself is there
    assert "DRAFT" not in report
    (entry,) = DocumentLog(open_database(paths["db"])).entries_for_file(
        hashlib.sha256(paths["case"].read_bytes()).hexdigest())
    assert (entry.kind, entry.recipient, entry.delivery, entry.recipient_role) == \
        ("match-report", EMPLOYER, "sent", "employer")
    assert entry.categories == ("functional",)


def test_the_clinical_team_draft_carries_what_the_others_may_not(paths: dict[str, Path],
                                                                  current_picker_text: str) -> None:
    """The same case, drafted for the clinical team: every pattern above is found, so their absence means
    something."""
    data = write_case(paths, current_picker_text)
    assert render(paths) == 0
    report = text(paths["out"])
    assert birth_date(data) in report
    for name, pattern in SENSITIVE.items():
        assert pattern.search(report) or name == "diagnosis", name
    assert not SENSITIVE["diagnosis"].search(report)  # never, not even for the team
    assert "DRAFT" in report


def test_units_and_large_print_reach_the_report(paths: dict[str, Path], current_picker_text: str) -> None:
    write_case(paths, current_picker_text)
    assert render(paths, "--units", "lb", "--large-print") == 0
    report = text(paths["out"])
    # 23 kg = 50.7 lb, 12 kg = 26.455 lb shown rounded down as 26.4 lb, 11 kg = 24.3 lb; 250 N = 56.2 lbf
    assert "Lift floor to waist, occasional Demand 50.7 lb Capacity 26.4 lb Result Mismatch Gap (% of demand) " \
           "24.3 lb (48%)" in report
    assert "Demand 56 lbf" in report
    assert "counted as 0 lb" in report
