"""Plausibility checks: entries a clinician would want flagged before they mislead (warnings, never blocks)."""
