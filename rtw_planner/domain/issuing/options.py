"""How a document is rendered: draft or issued, normal or large print, and the unit loads are printed in."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import MassUnit


@dataclass(frozen=True)
class RenderOptions:
    """A draft carries a DRAFT mark on every page; an issued document never does. `mass_unit` None follows the
    clinic's setting (lb in the United States, kg elsewhere, unless the clinic chose)."""

    draft: bool = True
    large_print: bool = False
    mass_unit: MassUnit | None = None

    def __post_init__(self) -> None:
        for name in ("draft", "large_print"):
            if not isinstance(getattr(self, name), bool):
                raise ValidationError(name.replace("_", " "), getattr(self, name), "true or false")
        if self.mass_unit is not None and not isinstance(self.mass_unit, MassUnit):
            raise ValidationError("units", self.mass_unit, "kg or lb")

    def units(self, clinic: Clinic) -> MassUnit:
        """The unit loads print in (forces follow: N with kgf in metric, lbf in US units)."""
        return self.mass_unit or clinic.units
