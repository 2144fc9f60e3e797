"""GUI widgets."""
