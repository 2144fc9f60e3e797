"""Revisions: every case carries the revision a save must name (existing cases start at 1) and who saved it last
(unknown, so empty, for cases saved before)."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the two columns, with SQL defaults so rows written without them (older code, raw SQL) stay valid."""
    from playhouse.migrate import migrate

    migrate(
        migrator.add_column("case", "revision", pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])),
        migrator.add_column("case", "updated_by", pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])),
    )
