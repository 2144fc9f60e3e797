"""The headless command line: import, export and render; bad input is exit status 2 and writes nothing."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
from factories import case_text, followed_up_case

from rtw_planner import __version__
from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.case.model import Clinic

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "rtw_planner", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120, check=False)


def count(db: Path) -> int:
    return CaseRepository(open_database(db)).count()


@pytest.fixture
def picker_text() -> str:
    """The case file of a followed-up case: demands, two evaluations, a plan, outcome scores and practice."""
    return case_text(followed_up_case())


@pytest.fixture
def picker_file(tmp_path: Path, picker_text: str) -> Path:
    path = tmp_path / "case.json"
    path.write_text(picker_text, encoding="utf-8")
    return path


@pytest.fixture
def demo_file(tmp_path: Path, demo_text: str) -> Path:
    """The shipped demo, for the test that it renders through the command line."""
    path = tmp_path / "demo.json"
    path.write_text(demo_text, encoding="utf-8")
    return path


def edited(tmp_path: Path, text: str, old: str, new: str) -> Path:
    assert old in text
    path = tmp_path / "edited.json"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_subprocess_import_export_round_trip(tmp_path: Path, picker_file: Path, picker_text: str) -> None:
    db = tmp_path / "rtw.sqlite3"
    imported = run("--db", db, "import", picker_file)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout == "1\n"
    out = tmp_path / "out.json"
    exported = run("--db", db, "export", "1", "--out", out)
    assert exported.returncode == 0, exported.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert parse(out.read_text(encoding="utf-8")) == parse(picker_text)
    again = run("--db", db, "import", out)
    assert again.stdout.strip() == "2"
    repo = CaseRepository(open_database(db))
    assert repo.get(2).with_id(None) == repo.get(1).with_id(None) == parse(picker_text)


def test_subprocess_bad_file_is_status_2(tmp_path: Path, picker_file: Path, picker_text: str) -> None:
    db = tmp_path / "rtw.sqlite3"
    assert run("--db", db, "import", picker_file).returncode == 0
    bad = edited(tmp_path, picker_text, '"version": 1', '"version": 2')
    result = run("--db", db, "import", bad)
    assert result.returncode == 2
    assert "version: 2 is not supported" in result.stderr
    assert result.stdout == ""
    assert count(db) == 1
    missing = run("--db", db, "export", "9", "--out", tmp_path / "nine.json")
    assert (missing.returncode, missing.stdout) == (2, "")
    assert "case 9 does not exist" in missing.stderr
    assert not (tmp_path / "nine.json").exists()


def test_subprocess_render(tmp_path: Path, demo_file: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = run("render", "employer-letter", "--case", demo_file, "--out", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_subprocess_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"rtw-planner {__version__}")


def test_import_prints_the_id_alone(tmp_path: Path, picker_file: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "rtw.sqlite3"
    assert main(["--db", str(db), "import", str(picker_file)]) == 0
    assert main(["--db", str(db), "import", str(picker_file)]) == 0
    assert capsys.readouterr().out == "1\n2\n"


BAD = {
    "broken JSON": (('"patient_name"', '"patient_name" "'), "not valid JSON: "),
    "negative load": (('"load_kg": 23.0', '"load_kg": -5'), "load_kg: -5 is less than the minimum of 0"),
    "missing format": (('"format": "rtw-planner-case",', ""), "format: None is not allowed"),
    "unknown version": (('"version": 1', '"version": "1"'), "version: '1' is not supported"),
    "missing file": (None, "cannot read case file"),
}


@pytest.mark.parametrize(("change", "message"), BAD.values(), ids=BAD.keys())
def test_bad_import_is_status_2_and_adds_nothing(tmp_path: Path, picker_file: Path, picker_text: str,
                                                change: tuple[str, str] | None, message: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "rtw.sqlite3"
    main(["--db", str(db), "import", str(picker_file)])
    bad = edited(tmp_path, picker_text, *change) if change else tmp_path / "absent.json"
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("rtw-planner import: ")
    assert message in captured.err
    assert count(db) == 1


@pytest.mark.parametrize("case_id", ["7", "0", "-1", "abc", "²"],
                         ids=["7", "0", "-1", "abc", "superscript-2"])
def test_export_of_a_missing_or_bad_id_is_status_2(tmp_path: Path, picker_file: Path, case_id: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "rtw.sqlite3"
    main(["--db", str(db), "import", str(picker_file)])
    out = tmp_path / "out.json"
    assert main(["--db", str(db), "export", case_id, "--out", str(out)]) == 2
    assert "CASE_ID" in capsys.readouterr().err
    assert not out.exists()


def test_export_without_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "none.sqlite3"
    assert main(["--db", str(db), "export", "1", "--out", str(tmp_path / "o.json")]) == 2
    assert "no database" in capsys.readouterr().err
    assert not db.exists()


@pytest.mark.parametrize(("paper", "width"), [([], 612), (["--paper", "a4"], 595)])
def test_render_uses_the_clinic_paper_unless_told(tmp_path: Path, picker_file: Path, paper: list[str],
                                                  width: int) -> None:
    db, out = tmp_path / "rtw.sqlite3", tmp_path / "letter.pdf"
    ClinicRepository(open_database(db)).save(Clinic("Leeds Rehab & Co", paper_size="letter"))
    argv = ["--db", str(db), "render", "employer-letter", "--case", str(picker_file), "--out", str(out), *paper]
    assert main(argv) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    page = pypdf.PdfReader(out).pages[0]
    assert "Marek Dąbrowski" in page.extract_text()
    assert "Leeds Rehab & Co" in page.extract_text()
    assert round(float(page.mediabox.width)) == width
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_render_into_a_missing_folder_writes_nothing(tmp_path: Path, picker_file: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(tmp_path.rglob("*"))
    out = tmp_path / "no-such-folder" / "letter.pdf"
    assert main(["render", "employer-letter", "--case", str(picker_file), "--out", str(out)]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert sorted(tmp_path.rglob("*")) == before
    assert main(["render", "employer-letter", "--case", str(picker_file), "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_without_a_display_the_gui_explains_instead_of_crashing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    result = subprocess.run([sys.executable, "-m", "rtw_planner", "--db", str(tmp_path / "x.sqlite3")],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert not (tmp_path / "x.sqlite3").exists()
