"""Rated demands against tolerances, item by item: each DOT factor, condition or cognitive demand the job rates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.tolerances import TOLERATED_WORDS
from rtw_planner.domain.demands.ratings import ITEMS, KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating, item_key
from rtw_planner.domain.match.items import MatchStatus

# How often, as an employer reads it (BLS ORS: seldom is up to 2% of the day; the DOT's thirds for the rest).
HOW_OFTEN = {
    Rating.SELDOM: "seldom (up to 2% of the day)",
    Rating.OCCASIONAL: "occasionally (up to a third of the day)",
    Rating.FREQUENT: "frequently (up to two thirds of the day)",
}
# What the job asks, for the letter's 'the role asks for it ...'.
DEMAND_HOW_OFTEN = {
    Rating.SELDOM: "seldom (up to 2% of the day)",
    Rating.OCCASIONAL: "occasionally (up to a third of the day)",
    Rating.FREQUENT: "frequently (a third to two thirds of the day)",
    Rating.CONSTANT: "constantly (more than two thirds of the day)",
}
# Conditions the person must avoid, where 'Avoid' and the lower-cased name would not read plainly.
_AVOID = {
    "weather": "Avoid work exposed to the weather",
    "atmospheric_conditions": "Avoid fumes, dust, odours and poor ventilation",
    "moving_mechanical_parts": "Avoid work near moving mechanical parts",
    "high_exposed_places": "Avoid work at heights or in exposed places",
    "other": "Avoid the other environmental conditions the job analysis lists",
}


@dataclass(frozen=True)
class RatedMatchItem:
    """One rated demand compared: what the job asks (above N), the highest frequency tolerated (None: not
    tested), the status and where the tolerance comes from."""

    group: RatedGroup
    key: str
    demand: Rating
    tolerated: Rating | None
    status: MatchStatus
    provenance: str = ""  # the source with the evaluation's label, or 'Not tested (label)'
    source: str = ""  # the source alone: 'observed in FCE', 'MoCA 24/30'

    @property
    def name(self) -> str:
        """'Stooping', 'Extreme Cold', 'Time pressure'."""
        return KEY_TO_NAME[self.group][self.key]

    @property
    def label(self) -> str:
        """The item and what the job asks: 'Stooping, frequent'."""
        return f"{self.name}, {self.demand.label.lower()}"

    @property
    def gap(self) -> str | None:
        """A mismatch in words: 'needs Frequent, tolerates Occasional'; None otherwise."""
        if self.status is not MatchStatus.MISMATCH or self.tolerated is None:
            return None
        return f"needs {self.demand.label}, tolerates {TOLERATED_WORDS[self.tolerated]}"


def _status(demand: Rating, tolerated: Rating | None) -> MatchStatus:
    if tolerated is None:
        return MatchStatus.NOT_TESTED
    return MatchStatus.MATCH if tolerated.rank >= demand.rank else MatchStatus.MISMATCH


def match_rated(ratings: Mapping[tuple[RatedGroup, str], Rating],
                evaluation: Evaluation | None) -> list[RatedMatchItem]:
    """Every item the job rates above N, in the groups' and the DOT's order, against the evaluation's
    tolerances. The DOT's Strength is compared by loads (the physical profile), never here."""
    tolerances = evaluation.tolerances if evaluation else {}
    where = f" ({evaluation.label})" if evaluation else ""
    items = []
    for group, names in ITEMS.items():
        for key in (item_key(n) for n in names):
            demand = ratings.get((group, key), Rating.NOT_PRESENT)
            if demand is Rating.NOT_PRESENT:
                continue
            tolerance = tolerances.get((group, key))
            tolerated = tolerance.tolerated if tolerance else None
            if tolerance is None or tolerated is None:
                provenance = f"Not tested{where}"
            else:
                provenance = f"{tolerance.source or 'Source not recorded'}{where}"
            source = tolerance.source if tolerance and tolerated is not None else ""
            items.append(RatedMatchItem(group, key, demand, tolerated, _status(demand, tolerated), provenance,
                                        source))
    return items


def rated_restriction(item: RatedMatchItem) -> str | None:
    """The restriction a mismatch implies, in plain employer wording: 'Stooping: no more than occasionally (up to
    a third of the day)', 'Avoid extreme cold', 'Time pressure: not at all'; None for any other item."""
    if item.status is not MatchStatus.MISMATCH or item.tolerated is None:
        return None
    if item.tolerated is Rating.NOT_PRESENT:
        if item.group is RatedGroup.ENVIRONMENT:
            return _AVOID.get(item.key, f"Avoid {item.name.lower()}")
        return f"{_sentence_case(item.name)}: not at all"
    return f"{_sentence_case(item.name)}: no more than {HOW_OFTEN[item.tolerated]}"


def _sentence_case(name: str) -> str:
    """'Extreme Cold' -> 'Extreme cold', 'Near Acuity' -> 'Near acuity'."""
    return name[:1] + name[1:].lower()


def rated_limit_line(item: RatedMatchItem) -> str | None:
    """The restriction with what the role asks: 'Stooping: no more than occasionally (up to a third of the day);
    the role asks for it frequently (a third to two thirds of the day)'; None unless a mismatch."""
    restriction = rated_restriction(item)
    if restriction is None:
        return None
    verb = "involves it" if item.group is RatedGroup.ENVIRONMENT else "asks for it"
    return f"{restriction}; the role {verb} {DEMAND_HOW_OFTEN[item.demand]}"


def rated_restrictions(items: Iterable[RatedMatchItem]) -> tuple[str, ...]:
    """One restriction per mismatch, in the match's order."""
    return tuple(r for r in (rated_restriction(item) for item in items) if r is not None)


@cache
def _every_rated_restriction() -> frozenset[str]:
    """Every text rated_restriction can write, compared as read (case, spaces and a final full stop dropped)."""
    texts = set()
    for group, names in ITEMS.items():
        for key in (item_key(n) for n in names if not (group is RatedGroup.PHYSICAL and item_key(n) == LEVEL_RATED)):
            for tolerated in (Rating.NOT_PRESENT, *HOW_OFTEN):
                item = RatedMatchItem(group, key, Rating.CONSTANT, tolerated, MatchStatus.MISMATCH)
                texts.add(_read_as(rated_restriction(item) or ""))
    return frozenset(texts)


def _read_as(text: str) -> str:
    return " ".join(text.casefold().rstrip(". ").split())


def is_rated_restriction(text: str) -> bool:
    """True when a stored restriction reads as rated_restriction wrote it, not as a clinician typed it."""
    return _read_as(text) in _every_rated_restriction()
