"""The plan's parts: quotas, the phased return, goals, the fitness outcome, chosen adjustments, the plan."""
