"""The caseload: what is due across a clinician's cases, and a one-screen overview of each case."""
