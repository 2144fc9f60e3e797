"""Undoable edits of a case as plain values: each `apply(case)` returns the new case and the edit that undoes it."""
