"""Storage with peewee: the database is bound at runtime and repositories return domain objects."""

from rtw_planner.db.drivers import import_peewee_without_server_drivers

import_peewee_without_server_drivers()  # before any module here imports peewee: SQLite starts without psycopg
