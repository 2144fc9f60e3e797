"""`export CASE_ID --format fhir` and `import --format fhir` through the command line: a stored case comes back as
a new case, field by field; bad bundles, a missing library and reception are refused with exit status 2 and nothing
is written; the GUI and the command line start without loading the FHIR library."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from case_fields import differences
from exchange_factories import exchange_case
from factories import case_text

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import ConsentCategory

MISSING = "FHIR needs the optional extra: pip install rtw-planner[fhir]"


@pytest.fixture
def db(database_location: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A database holding the exchange case (consents, treatment, fear hierarchy, handling tasks) as case 1."""
    source = tmp_path / "case.json"
    source.write_text(case_text(exchange_case(ConsentCategory.FUNCTIONAL, ConsentCategory.DIAGNOSIS)),
                      encoding="utf-8")
    assert main(["--db", str(database_location), "import", str(source)]) == 0
    assert capsys.readouterr().out == "1\n"
    return str(database_location)


def _cases(db: str) -> int:
    return CaseRepository(open_database(db)).count()


def test_export_then_import_makes_a_new_case_with_every_field(db: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "case-1.fhir.json"
    assert main(["--db", db, "export", "1", "--format", "fhir", "--out", str(bundle)]) == 0
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    assert json.loads(bundle.read_text(encoding="utf-8"))["type"] == "collection"
    assert main(["--db", db, "import", "--format", "fhir", str(bundle)]) == 0
    assert capsys.readouterr().out == "2\n"
    repo = CaseRepository(open_database(db))
    first, second = repo.get(1), repo.get(2)
    assert (len(first.plan.treatment), len(first.plan.exposure.exposures), len(first.demands.mmh_tasks)) == (2, 4, 3)
    changed = differences(first, second)
    assert changed == {"id": (1, 2), **{p: changed[p] for p in changed if p.endswith(".id")}}
    assert len(changed) == 3  # the case's id and its two evaluations' ids; the revision is 1 for both
    assert second.revision == first.revision == 1


def test_a_bad_bundle_exits_2_in_one_line_and_saves_nothing(db: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "bad.json"
    assert main(["--db", db, "export", "1", "--format", "fhir", "--out", str(bundle)]) == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["entry"][0]["resource"]["birthDate"] = "1984-02-30"
    bundle.write_text(json.dumps(data), encoding="utf-8")
    assert main(["--db", db, "import", "--format", "fhir", str(bundle)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"rtw-planner import: invalid FHIR bundle {bundle}: not a valid FHIR R4 Bundle: "
                            "entry.0.resource.birthDate: Input should be a valid date or datetime, day value is "
                            "outside expected range\n")
    assert _cases(db) == 1


def test_a_case_file_given_as_fhir_is_refused(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "case.json"
    assert main(["--db", db, "import", "--format", "fhir", str(source)]) == 2
    assert capsys.readouterr().err == (f"rtw-planner import: invalid FHIR bundle {source}: not a FHIR Bundle "
                                       "(resourceType must be Bundle)\n")
    assert main(["--db", db, "import", "--format", "fhir", str(source), "--replace", "1"]) == 2
    assert "--replace: works with case files only" in capsys.readouterr().err
    assert _cases(db) == 1


def test_without_the_library_both_commands_refuse_and_write_nothing(db: str, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    bundle = tmp_path / "case.fhir.json"
    assert main(["--db", db, "export", "1", "--format", "fhir", "--out", str(bundle)]) == 0
    out = tmp_path / "again.json"
    monkeypatch.setitem(sys.modules, "fhir.resources.R4B.bundle", None)  # as when it is not installed
    assert main(["--db", db, "export", "1", "--format", "fhir", "--out", str(out)]) == 2
    assert main(["--db", db, "import", "--format", "fhir", str(bundle)]) == 2
    assert capsys.readouterr().err == f"rtw-planner export: {MISSING}\nrtw-planner import: {MISSING}\n"
    assert not out.exists()
    assert _cases(db) == 1


@pytest.mark.sqlite_only("roles recorded in a SQLite file")
def test_reception_may_not_export_a_bundle(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    import getpass

    assert main(["--db", db, "users", "set", "frontdesk", "reception"]) == 0
    monkeypatch.setattr(getpass, "getuser", lambda: "frontdesk")
    out = tmp_path / "case.fhir.json"
    assert main(["--db", db, "export", "1", "--format", "fhir", "--out", str(out)]) == 2
    assert ("frontdesk (reception) may not read diagnoses, notes, scores, documents or a case's history"
            in capsys.readouterr().err)
    assert not out.exists()


def test_starting_the_app_or_another_command_loads_no_fhir_code() -> None:
    code = ("import sys, rtw_planner.cli, rtw_planner.gui.app, rtw_planner.commands.export_case, "
            "rtw_planner.commands.import_case\n"
            "rtw_planner.cli.build_parser().parse_args(['export', '1', '--format', 'fhir', '--out', 'x'])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'fhir' or m.startswith('rtw_planner.fhir')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


def test_replace_keeps_working_for_case_files(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exported = tmp_path / "case-1.json"
    assert main(["--db", db, "export", "1", "--out", str(exported)]) == 0
    assert main(["--db", db, "import", str(exported), "--replace", "1", "--format", "case"]) == 0
    assert capsys.readouterr().out == "1\n"
    assert CaseRepository(open_database(db)).get(1).revision == 2
