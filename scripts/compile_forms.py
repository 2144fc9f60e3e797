"""Compile ui/*.ui into rtw_planner/gui/forms/ui_*.py with pyside6-uic (the generated files are committed)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
FORMS_DIR = ROOT / "rtw_planner" / "gui" / "forms"
GENERATED_NOTE = "# GENERATED from ui/{name} by pyside6-uic (make forms). Do not edit by hand.\n"


def uic_command() -> str:
    """pyside6-uic next to the running interpreter, or on PATH."""
    local = Path(sys.executable).parent / "pyside6-uic"
    return str(local) if local.exists() else (shutil.which("pyside6-uic") or "pyside6-uic")


def compile_form(ui_file: Path, out_dir: Path) -> Path:
    """Compile one form; returns the path of the generated module."""
    target = out_dir / f"ui_{ui_file.stem}.py"
    code = subprocess.run([uic_command(), "--from-imports", str(ui_file)], check=True, capture_output=True,
                          text=True).stdout
    code = code.replace("from . import ", "from rtw_planner.gui.forms import ")
    target.write_text(GENERATED_NOTE.format(name=ui_file.name) + code, encoding="utf-8")
    return target


def main() -> int:
    """Compile every form."""
    FORMS_DIR.mkdir(parents=True, exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Python forms generated from ui/*.ui by pyside6-uic; do not edit."""\n', encoding="utf-8")
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        print(compile_form(ui_file, FORMS_DIR).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
