"""Where drafts live: a temporary owner-only folder deleted when the document dialog closes, or, when the clinic
keeps drafts for some days, the data folder's drafts/, with older ones pruned."""

from __future__ import annotations

import shutil
import tempfile
import time
import weakref
from collections.abc import Callable
from pathlib import Path

from rtw_planner.assets import data_dir
from rtw_planner.files import write_private

SECONDS_PER_DAY = 86_400


def kept_drafts_folder() -> Path:
    """The data folder's drafts/ (owner-only), where drafts are kept when the clinic sets a retention."""
    folder = data_dir() / "drafts"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def prune_kept_drafts(retention_days: int, now: Callable[[], float] = time.time) -> list[Path]:
    """Delete the PDFs in drafts/ last written longer ago than the retention (all of them for 0); returns them."""
    folder = data_dir() / "drafts"
    if not folder.is_dir():
        return []
    oldest = now() - retention_days * SECONDS_PER_DAY
    removed = []
    for path in folder.glob("*.pdf"):
        if retention_days == 0 or path.stat().st_mtime < oldest:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


class DraftFolder:
    """The drafts of one document dialog. Retention 0: a private temporary folder that `close()` deletes with
    everything in it. Otherwise drafts/ in the data folder, pruned of drafts older than the retention."""

    def __init__(self, retention_days: int, now: Callable[[], float] = time.time) -> None:
        self.retention_days = retention_days
        self._now = now
        prune_kept_drafts(retention_days, now)  # a shorter retention (or 0) applies to drafts kept before
        if retention_days == 0:
            self.path = Path(tempfile.mkdtemp(prefix="rtw-planner-drafts-"))  # mode 0700: the owner only
            # Deleted even if the dialog is never closed (a crash of the window, the program quitting).
            self._remove = weakref.finalize(self, shutil.rmtree, self.path, ignore_errors=True)
        else:
            self.path = kept_drafts_folder()
        self.closed = False

    @property
    def temporary(self) -> bool:
        """True when the drafts go when the dialog closes."""
        return self.retention_days == 0

    def write(self, name: str, pdf: bytes) -> Path:
        """Write a draft (0600, atomically), replacing one of the same name."""
        if self.closed:
            raise RuntimeError("the draft folder is closed")
        path = self.path / name
        write_private(path, pdf)
        return path

    def close(self) -> None:
        """Delete the temporary folder, or prune the kept drafts; safe to call twice."""
        if self.closed:
            return
        self.closed = True
        if self.temporary:
            self._remove()
        else:
            prune_kept_drafts(self.retention_days, self._now)
