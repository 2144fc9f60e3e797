"""Tolerances for rated demands: the highest frequency a person tolerates each DOT factor, condition or cognitive
demand, and where that comes from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import text
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating

TOLERATED_WORDS = {
    # N means cannot do it at all, or must avoid the condition
    Rating.NOT_PRESENT: "Not at all", Rating.SELDOM: "Seldom", Rating.OCCASIONAL: "Occasional",
    Rating.FREQUENT: "Frequent", Rating.CONSTANT: "Constant",
}


@dataclass(frozen=True)
class Tolerance:
    """The highest frequency tolerated (None: not tested, a source noted ahead of the test) and its source in a
    few words ('observed in FCE', 'clinician rating', 'MoCA 24/30'); the date is the evaluation's."""

    tolerated: Rating | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.tolerated is not None and not isinstance(self.tolerated, Rating):
            raise ValidationError("tolerated", self.tolerated, "blank (not tested) or N, S, O, F or C")
        object.__setattr__(self, "source", text("tolerance source", self.source))

    @property
    def is_blank(self) -> bool:
        """True when nothing is recorded: no frequency and no source."""
        return self.tolerated is None and not self.source


ToleranceKey = tuple[RatedGroup, str]


def check_tolerances(tolerances: Mapping[ToleranceKey, Tolerance]) -> dict[ToleranceKey, Tolerance]:
    """The tolerances as a plain dict, every key a rated item other than the DOT's level-rated Strength."""
    checked: dict[ToleranceKey, Tolerance] = {}
    for key, tolerance in tolerances.items():
        group, item = key
        if not isinstance(group, RatedGroup) or item not in KEY_TO_NAME[group]:
            raise ValidationError("tolerance", item, "a DOT factor, SCO condition or cognitive demand")
        if group is RatedGroup.PHYSICAL and item == LEVEL_RATED:
            raise ValidationError("DOT strength tolerance", item, "strength compared by loads, not by frequency")
        if not isinstance(tolerance, Tolerance):
            raise ValidationError(KEY_TO_NAME[group][item], tolerance, "a tolerance")
        checked[key] = tolerance
    return checked


def tolerances_from_dict(data: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> dict[ToleranceKey, Tolerance]:
    """From {"physical": {"stooping": {"tolerated": "O", "source": "observed in FCE"}}, ...}."""
    out: dict[ToleranceKey, Tolerance] = {}
    for group_name, items in data.items():
        try:
            group = RatedGroup(group_name)
        except ValueError:
            raise ValidationError("tolerances", group_name, "physical, environment or cognitive") from None
        for key, entry in items.items():
            if key not in KEY_TO_NAME[group] or key == LEVEL_RATED:
                named = [k for k in KEY_TO_NAME[group] if k != LEVEL_RATED]
                raise ValidationError(f"tolerances/{group_name}", key, "one of " + ", ".join(named[:6]) + ", …")
            code = entry.get("tolerated")
            try:
                tolerated = None if code is None else Rating(code)
            except ValueError:
                raise ValidationError(f"tolerances/{group_name}/{key}", code, "null, N, S, O, F or C") from None
            out[(group, key)] = Tolerance(tolerated, entry.get("source", ""))
    return check_tolerances(out)


def tolerances_to_dict(tolerances: Mapping[ToleranceKey, Tolerance]) -> dict[str, dict[str, dict[str, Any]]]:
    """Grouped by kind, in the order recorded."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (group, key), tolerance in tolerances.items():
        out.setdefault(group.value, {})[key] = {
            "tolerated": tolerance.tolerated.value if tolerance.tolerated else None, "source": tolerance.source}
    return out
