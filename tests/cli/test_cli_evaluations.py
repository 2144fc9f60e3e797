"""The command line with the richer case file: evaluations and demands survive import and export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from factories import case_text, followed_up_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.casefile import parse


@pytest.fixture
def picker_text() -> str:
    """The case file of a followed-up case: demands, two evaluations, a plan, outcome scores and practice."""
    return case_text(followed_up_case())


def write(tmp_path: Path, data: dict[str, object], name: str = "case.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_export_keeps_every_evaluation_and_no_ids(tmp_path: Path, picker_text: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "rtw.sqlite3", tmp_path / "out.json"
    assert main(["--db", str(db), "import", str(write(tmp_path, json.loads(picker_text)))]) == 0
    assert capsys.readouterr().out == "1\n"
    assert main(["--db", str(db), "export", "1", "--out", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert [e["assessed_on"] for e in exported["evaluations"]] == ["2026-09-25", "2026-11-20"]
    assert "capacity" not in exported
    assert not any("id" in e for e in exported["evaluations"])
    assert exported["demands"]["ratings"] == json.loads(picker_text)["demands"]["ratings"]
    assert parse(out.read_text(encoding="utf-8")) == parse(picker_text)
    stored = CaseRepository(open_database(db)).get(1)
    assert all(e.id is not None for e in stored.evaluations)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["demands"]["ratings"]["physical"].update(stooping="X"), "demands/ratings/physical/stooping: 'X'"),
    (lambda d: d["evaluations"][1].update(effort="lazy"), "evaluations/1/effort: 'lazy'"),
    (lambda d: d["evaluations"][1].update(estimation_rule="magic"), "estimation rule: 'magic' is not allowed"),
    (lambda d: d["demands"]["tasks"][0].update(share_pct=90), "task shares: 130.0 is not allowed"),
], ids=["rating code", "effort", "estimation rule", "task shares"])
def test_bad_new_keys_are_status_2_and_add_nothing(tmp_path: Path, picker_text: str,
                                                   change: Callable[[dict[str, Any]], object], message: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "rtw.sqlite3"
    data = json.loads(picker_text)
    change(data)
    assert main(["--db", str(db), "import", str(write(tmp_path, data))]) == 2
    captured = capsys.readouterr()
    assert (captured.out, message in captured.err) == ("", True)
    assert captured.err.startswith("rtw-planner import: ")
    assert CaseRepository(open_database(db)).count() == 0


def test_render_flags_template_demands_and_labels_estimates(tmp_path: Path, picker_text: str) -> None:
    data = json.loads(picker_text)
    data["demands"].update(source="generic_template", template="Warehouse operative")
    data["evaluations"][1]["estimation_rule"] = "ns-wcb-lower"
    out = tmp_path / "letter.pdf"
    argv = ["render", "employer-letter", "--case", str(write(tmp_path, data)), "--out", str(out), "--paper", "a4"]
    assert main(argv) == 0
    text = " ".join(" ".join(p.extract_text().split()) for p in pypdf.PdfReader(out).pages)
    assert "come from a generic job description" in text
    assert "estimated, not measured" in text
    assert "Chronic non-specific low back pain" not in text
