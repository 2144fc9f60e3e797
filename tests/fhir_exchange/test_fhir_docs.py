"""docs/fhir.md maps every field of a case and of its plan, and names the ones a bundle cannot keep."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.treatment import TreatmentSession

DOC = (Path(__file__).resolve().parents[2] / "docs" / "fhir.md").read_text(encoding="utf-8")
TABLE = DOC.split("## Every case field and its FHIR element", 1)[1].split("## What a bundle cannot carry", 1)[0]
ROWS = [line.split("|")[1].strip() for line in TABLE.splitlines() if line.startswith("| ")]


def test_every_case_and_plan_field_has_a_row() -> None:
    named = " ".join(ROWS)
    missing = [f.name for f in fields(Case) if f.name not in ("id", "revision", "plan") and f.name not in named]
    missing += [f"plan.{f.name}" for f in fields(Plan) if f"plan.{f.name}" not in named]
    assert missing == []


@pytest.mark.parametrize(("prefix", "kind"), [
    ("demands.", JobDemands), ("evaluations[].", Evaluation), ("plan.treatment[].", TreatmentSession),
    ("plan.exposure.activities[].", FearedActivity), ("plan.exposure.exposures[].", FearExposure)])
def test_every_field_of_the_parts_is_named_in_its_rows(prefix: str, kind: Any) -> None:
    """A row names fields as `demands.shift_hours, .days_per_week`: the first in full, the rest after a dot."""
    named = {word for row in ROWS if row.startswith(prefix) for word in re.findall(r"\.(\w+)", row)}
    not_kept = {"id"} if kind is Evaluation else set()  # the database's identity (below)
    missing = [f.name for f in fields(kind) if f.name not in named | not_kept]
    assert missing == []


def test_every_input_of_a_handling_task_has_its_extension() -> None:
    (row,) = [line for line in TABLE.splitlines() if line.startswith("| demands.mmh_tasks[]")]
    assert [f.name for f in fields(MmhJobTask) if f"`mmh-{f.name}`" not in row] == []


def test_the_fields_not_kept_are_named() -> None:
    cannot = DOC.split("## What a bundle cannot carry", 1)[1]
    assert "the case's id and revision and each evaluation's id" in cannot
