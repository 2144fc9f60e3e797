"""The job against the person: match, restrictions, task advice, adjustments, safety, projections, planning."""
