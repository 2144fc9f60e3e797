"""Outcome measures over time: instruments, the formula evaluator, progress series, CSV export."""
