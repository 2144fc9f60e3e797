"""Plain-Python domain: cases, demands, capacity and the job match (no Qt, peewee or reportlab)."""
