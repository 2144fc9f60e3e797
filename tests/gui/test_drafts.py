"""Draft folders: a temporary one goes on close (or when dropped), a kept one is pruned by age."""

from __future__ import annotations

import gc
import os
import stat
import time
from pathlib import Path

from rtw_planner.gui.dialogs.drafts import DraftFolder, prune_kept_drafts

DAY = 86_400


def _aged(path: Path, days: float) -> Path:
    path.write_bytes(b"%PDF-1.4")
    moment = time.time() - days * DAY
    os.utime(path, (moment, moment))
    return path


def test_a_temporary_folder_is_private_and_goes_on_close(data_dir: Path) -> None:
    drafts = DraftFolder(0)
    path = drafts.write("letter-draft.pdf", b"%PDF-1.4 one")
    drafts.write("letter-draft.pdf", b"%PDF-1.4 two")  # the preview replaces its own draft
    assert path.read_bytes() == b"%PDF-1.4 two"
    assert stat.S_IMODE(drafts.path.stat().st_mode) == 0o700
    assert not drafts.path.is_relative_to(data_dir)
    drafts.close()
    drafts.close()
    assert not drafts.path.exists()


def test_a_dropped_temporary_folder_is_deleted_too() -> None:
    drafts = DraftFolder(0)
    folder = drafts.path
    drafts.write("x.pdf", b"%PDF")
    del drafts
    gc.collect()
    assert not folder.exists()


def test_kept_drafts_are_pruned_by_age(data_dir: Path) -> None:
    kept = data_dir / "drafts"
    kept.mkdir()
    old, young = _aged(kept / "old.pdf", 10.5), _aged(kept / "young.pdf", 9.5)
    note = _aged(kept / "notes.txt", 30)  # only PDFs are drafts
    assert prune_kept_drafts(10) == [old]
    assert young.exists()
    assert note.exists()
    assert prune_kept_drafts(0) == [young]  # retention 0: none are kept


def test_a_kept_folder_keeps_drafts_after_close(data_dir: Path) -> None:
    drafts = DraftFolder(5)
    assert drafts.path == data_dir / "drafts"
    path = drafts.write("report-draft.pdf", b"%PDF")
    drafts.close()
    assert path.exists()
