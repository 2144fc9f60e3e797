"""A non-editable install finds its resources and fonts and can render a letter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_non_editable_install_finds_resources(tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(ROOT)], check=True, capture_output=True, timeout=300,
                   cwd=tmp_path)
    code = (
        "import rtw_planner, rtw_planner.assets as a\n"
        "print(rtw_planner.__file__)\n"
        "print(a.font_path('bold_italic'))\n"
        "print(a.demo_case_path())\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target), RTW_PLANNER_DATA_DIR=str(tmp_path / "data"))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=tmp_path,
                            check=True, timeout=60)
    package, font, demo = (Path(line) for line in result.stdout.splitlines())
    assert package.is_relative_to(target)
    assert font.is_relative_to(target / "rtw_planner" / "_resources")
    assert font.stat().st_size > 100_000
    assert demo.is_relative_to(target)
    assert demo.exists()
    assert (target / "rtw_planner" / "_resources" / "fonts" / "LICENSE-DejaVu.txt").exists()
    source_packages = {p.parent.relative_to(ROOT) for p in (ROOT / "rtw_planner").rglob("__init__.py")}
    missing = sorted(str(p) for p in source_packages if not (target / p / "__init__.py").exists())
    assert missing == [], "packages left out of [tool.setuptools] packages in pyproject.toml"
    out = tmp_path / "letter.pdf"
    render = subprocess.run([sys.executable, "-m", "rtw_planner", "render", "employer-letter", "--case", str(demo),
                             "--out", str(out)], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert render.returncode == 0, render.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    assert (target / "rtw_planner" / "db" / "migrations" / "0001_initial.py").exists()
