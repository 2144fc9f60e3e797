"""docs/fhir.md maps every field of a case and of its plan, and names the ones a bundle cannot keep."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.model import Plan

DOC = (Path(__file__).resolve().parents[2] / "docs" / "fhir.md").read_text(encoding="utf-8")
TABLE = DOC.split("## Every case field and its FHIR element", 1)[1].split("## What a bundle cannot carry", 1)[0]


def test_every_case_and_plan_field_has_a_row() -> None:
    rows = [line.split("|")[1] for line in TABLE.splitlines() if line.startswith("| ")]
    named = " ".join(rows)
    missing = [f.name for f in fields(Case) if f.name not in ("id", "revision", "plan") and f.name not in named]
    missing += [f"plan.{f.name}" for f in fields(Plan) if f"plan.{f.name}" not in named]
    assert missing == []


def test_the_fields_not_kept_are_named() -> None:
    cannot = DOC.split("## What a bundle cannot carry", 1)[1]
    assert "the case's id and revision and each evaluation's id" in cannot
