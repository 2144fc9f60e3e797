"""HL7 FHIR R4 exchange of a case (export and import as a collection Bundle); only the export and import commands
import this package, and it imports the optional fhir.resources library only when a bundle is made or read."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case

MISSING_LIBRARY = "FHIR needs the optional extra: pip install rtw-planner[fhir]"
MAX_BUNDLE_BYTES = 20_000_000  # a bundle larger than this is refused before it is read


class FhirError(ValueError):
    """A bundle that cannot be made or read: the message names the resource and the element, never patient text."""


def require_library() -> None:
    """Raise FhirError(MISSING_LIBRARY) when fhir.resources (with its R4B models) cannot be imported."""
    try:
        import fhir.resources.R4B.bundle  # noqa: F401
    except ImportError:
        raise FhirError(MISSING_LIBRARY) from None


def export_bundle(case: Case) -> bytes:
    """The case as an R4 collection Bundle in JSON, validated with the library. Raises FhirError."""
    from rtw_planner.fhir.bundle import write_bundle

    require_library()
    return write_bundle(case)


def import_bundle(text: str) -> Case:
    """A new, unsaved case from a bundle made by export_bundle. Raises FhirError naming the first problem."""
    from rtw_planner.fhir.bundle import read_bundle

    require_library()
    return read_bundle(text)
