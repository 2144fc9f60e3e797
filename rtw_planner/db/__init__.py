"""Storage with peewee: the database is bound at runtime and repositories return domain objects."""
