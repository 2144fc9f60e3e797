"""Unit conversions and display formatting; everything is stored in SI (kg, N, minutes)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

LB_PER_KG = 2.2046226218487757
NEWTONS_PER_KGF = 9.80665
NEWTONS_PER_LBF = 4.4482216152605


class MassUnit(StrEnum):
    """How masses are shown."""

    KG = "kg"
    LB = "lb"


class ForceUnit(StrEnum):
    """How forces are shown."""

    N = "N"
    KGF = "kgf"


def kg_to_lb(kg: float) -> float:
    """Convert kilograms to pounds."""
    return kg * LB_PER_KG


def lb_to_kg(lb: float) -> float:
    """Convert pounds to kilograms."""
    return lb / LB_PER_KG


def n_to_kgf(newtons: float) -> float:
    """Convert newtons to kilograms-force."""
    return newtons / NEWTONS_PER_KGF


def kgf_to_n(kgf: float) -> float:
    """Convert kilograms-force to newtons."""
    return kgf * NEWTONS_PER_KGF


def mass_to_display(kg: float, unit: MassUnit) -> float:
    """Express a stored mass in the display unit."""
    return kg_to_lb(kg) if unit is MassUnit.LB else kg


def mass_from_display(value: float, unit: MassUnit) -> float:
    """Turn a mass typed in the display unit back into kg."""
    return lb_to_kg(value) if unit is MassUnit.LB else value


def force_to_display(newtons: float, unit: ForceUnit) -> float:
    """Express a stored force in the display unit."""
    return n_to_kgf(newtons) if unit is ForceUnit.KGF else newtons


def force_from_display(value: float, unit: ForceUnit) -> float:
    """Turn a force typed in the display unit back into newtons."""
    return kgf_to_n(value) if unit is ForceUnit.KGF else value


def round_half_up(value: float, decimals: int = 0) -> float:
    """Round as people do on paper (2.5 -> 3, 12.25 -> 12.3), not to even as round() does."""
    quantum = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_UP))


def format_number(value: float, decimals: int = 1) -> str:
    """Format a number rounded half up, without trailing zeros: 12.0 -> '12', 12.25 -> '12.3' (one decimal)."""
    text = f"{round_half_up(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def format_minutes(minutes: float) -> str:
    """Show a duration in minutes, and in hours when it is an hour or more: '90 min (1.5 h)'."""
    if minutes >= 60:
        return f"{format_number(minutes, 0)} min ({format_number(minutes / 60, 2)} h)"
    return f"{format_number(minutes, 0)} min"


def format_mass(kg: float, unit: MassUnit, decimals: int = 1) -> str:
    """A stored mass in the document's unit: '12 kg' or '26.5 lb' (never both in one phrase)."""
    return f"{format_number(mass_to_display(kg, unit), decimals)} {unit.value}"


def format_force(newtons: float, unit: MassUnit) -> str:
    """A stored force in the unit family of the document: '250 N (25.5 kgf)' in metric, '56 lbf' in US units."""
    if unit is MassUnit.LB:
        return f"{format_number(newtons / NEWTONS_PER_LBF, 0)} lbf"
    return f"{format_number(newtons, 0)} N ({format_number(n_to_kgf(newtons))} kgf)"
