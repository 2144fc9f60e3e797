"""What the people commands share: a role's refusal, a lock or a failed backup reported as a usage error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def refused() -> Iterator[None]:
    """Turn a refusal (the role may not, an issued record is locked, a backup could not be made) into UsageError:
    one line on standard error, exit status 2, nothing written."""
    import peewee as pw

    from rtw_planner.commands._support import UsageError
    from rtw_planner.db.backup import BackupError
    from rtw_planner.db.errors import PermissionDeniedError
    from rtw_planner.db.locks import IssuedLockedError
    from rtw_planner.db.roles import refusal
    from rtw_planner.db.users import UserNameError

    try:
        yield
    except (PermissionDeniedError, IssuedLockedError, BackupError, UserNameError) as exc:
        raise UsageError(str(exc)) from None
    except pw.DatabaseError as exc:
        reason = refusal(exc)
        if reason is None:
            raise
        raise UsageError(str(reason)) from None
