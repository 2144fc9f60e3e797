"""A clinic's own wording file replaces the bundled one key by key, so a copy made before new keys still works."""

from __future__ import annotations

import json
from pathlib import Path

from rtw_planner.reports.wording import load_wording


def test_a_clinic_copy_without_newer_keys_falls_back_to_the_bundled_words(data_dir: Path) -> None:
    bundled = load_wording("employer-letter")
    folder = data_dir / "wording"
    folder.mkdir()
    (folder / "employer-letter.json").write_text(json.dumps({"salutation": "Dear Ms Okafor,"}), encoding="utf-8")
    words = load_wording("employer-letter")
    assert words["salutation"] == "Dear Ms Okafor,"
    assert words["closing"] == bundled["closing"]  # not in the clinic's copy
    assert set(words) == set(bundled)
