"""The per-jurisdiction table of when a workers' compensation scheme lets the diagnosis go out, and its source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.scheme_rules import scheme_diagnosis_rule


@pytest.mark.parametrize(("jurisdiction", "employer", "insurer"), [
    (Jurisdiction.CANADA_ONTARIO, False, True),  # WSIB FAF: no clinical or diagnostic information to employers
    (Jurisdiction.UK, False, False),  # no scheme requires it; the fit note belongs to the patient
    (Jurisdiction.US, True, True),  # 45 CFR 164.512(l)
    (Jurisdiction.GENERIC, False, False),
])
def test_bundled_rules(jurisdiction: Jurisdiction, employer: bool, insurer: bool) -> None:
    rule = scheme_diagnosis_rule(jurisdiction)
    assert (rule.employer, rule.insurer) == (employer, insurer)
    assert len(rule.source) > 40  # every entry says where it comes from


def test_every_jurisdiction_has_a_sourced_entry() -> None:
    assert all(scheme_diagnosis_rule(j).source for j in Jurisdiction)


def test_a_clinic_file_replaces_the_bundled_one(data_dir: Path) -> None:
    folder = data_dir / "disclosure"
    folder.mkdir()
    (folder / "scheme-diagnosis.json").write_text(json.dumps({
        "format": "rtw-planner-scheme-diagnosis", "version": 1,
        "jurisdictions": {"uk": {"employer": True, "insurer": True, "source": "A clinic's own legal advice, 2027."}}}))
    assert scheme_diagnosis_rule(Jurisdiction.UK).employer
    missing = scheme_diagnosis_rule(Jurisdiction.US)
    assert (missing.employer, missing.insurer) == (False, False)  # not listed: nothing allowed
    assert "lists no rule" in missing.source


def test_a_malformed_clinic_file_is_refused(data_dir: Path) -> None:
    folder = data_dir / "disclosure"
    folder.mkdir()
    (folder / "scheme-diagnosis.json").write_text(json.dumps({
        "format": "rtw-planner-scheme-diagnosis", "version": 1, "jurisdictions": {"uk": {"employer": "yes"}}}))
    with pytest.raises(ValidationError):
        scheme_diagnosis_rule(Jurisdiction.UK)
