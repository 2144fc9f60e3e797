"""Working as a team on one database: the storage side's agreed names, replaying edits, others' changes, roles."""
