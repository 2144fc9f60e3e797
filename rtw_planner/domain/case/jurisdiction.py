"""The jurisdiction a clinic works in: it chooses wording templates and disclosure rules."""

from __future__ import annotations

from enum import StrEnum


class Jurisdiction(StrEnum):
    """Chooses the wording templates and the disclosure rules."""

    GENERIC = "generic"
    UK = "uk"
    US = "us"
    CANADA_ONTARIO = "canada-ontario"
    AUSTRALIA = "australia"
    NEW_ZEALAND = "new-zealand"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"generic": "Generic", "uk": "United Kingdom", "us": "United States",
                "canada-ontario": "Canada (Ontario)", "australia": "Australia",
                "new-zealand": "New Zealand"}[self.value]

    @property
    def patient_review_required(self) -> bool:
        """UK practice (GMC, Access to Medical Reports Act): offer the report to the patient before sending."""
        return self is Jurisdiction.UK
