"""RTW Planner: return-to-work and rehabilitation planning."""

__version__ = "0.1.0"
