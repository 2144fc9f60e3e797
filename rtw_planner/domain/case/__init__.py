"""A case: the person, clinic, clinician, consents, outcome records, the case file, job templates, the demo."""
