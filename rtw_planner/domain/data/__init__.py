"""Versioned data files, validation of values, and the one validation error the domain raises."""
