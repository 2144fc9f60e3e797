"""peewee imported without the PostgreSQL drivers, which a SQLite start would pay ~100 ms for; loaded on demand."""

from __future__ import annotations

import importlib
import sys

# peewee tries these at its own import time and keeps whichever it finds (psycopg2cffi registers itself as
# psycopg2). None in sys.modules makes an import fail at once, as if the package were not installed.
SERVER_DRIVERS = ("psycopg2cffi", "psycopg2", "psycopg")
INSTALL_HINT = "pip install rtw-planner[server]"


def import_peewee_without_server_drivers() -> None:
    """Import peewee with the PostgreSQL drivers hidden, unless peewee or a driver was imported already."""
    if "peewee" in sys.modules:
        return
    hidden = [name for name in SERVER_DRIVERS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment] # the documented way to block an import
    try:
        importlib.import_module("peewee")
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def load_psycopg() -> None:
    """Import psycopg 3 and hand it to peewee exactly as peewee's own import would have. Raises ImportError with
    the install hint when it is missing."""
    import peewee

    try:
        import psycopg
        from psycopg.pq import TransactionStatus
        from psycopg.types.json import Json, Jsonb
    except ImportError:
        raise ImportError(f"the PostgreSQL driver psycopg is not installed ({INSTALL_HINT})") from None
    if getattr(peewee, "psycopg", None) is psycopg:
        return
    # The same names peewee's module body sets when psycopg is importable (peewee 4.5), and the adapter's
    # transaction states, which its class body reads from them.
    peewee.psycopg = psycopg  # type: ignore[attr-defined]
    peewee.TransactionStatus = TransactionStatus  # type: ignore[attr-defined]
    peewee.Json_pg3 = Json  # type: ignore[attr-defined]
    peewee.Jsonb_pg3 = Jsonb  # type: ignore[attr-defined]
    adapter = peewee.Psycopg3Adapter
    adapter.txn_idle, adapter.txn_inerror, adapter.txn_unknown = (
        TransactionStatus.IDLE, TransactionStatus.INERROR, TransactionStatus.UNKNOWN)
