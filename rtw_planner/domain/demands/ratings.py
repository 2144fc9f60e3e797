"""Rated demands on the N / Seldom / Occasional / Frequent / Constant scale: DOT factors, SCO environment
and cognitive and psychosocial demands."""

from __future__ import annotations

from enum import StrEnum


class Rating(StrEnum):
    """How often a demand is present (DOT codes, with BLS ORS's Seldom)."""

    NOT_PRESENT = "N"
    SELDOM = "S"
    OCCASIONAL = "O"
    FREQUENT = "F"
    CONSTANT = "C"

    @property
    def rank(self) -> int:
        """0 for not present, rising with frequency."""
        return list(Rating).index(self)

    @property
    def label(self) -> str:
        """Plain word."""
        return {"N": "Not present", "S": "Seldom", "O": "Occasional", "F": "Frequent", "C": "Constant"}[self.value]


class RatedGroup(StrEnum):
    """The three rated groups, each with its own items."""

    PHYSICAL = "physical"
    ENVIRONMENT = "environment"
    COGNITIVE = "cognitive"

    @property
    def label(self) -> str:
        """Heading used in forms and reports."""
        return {"physical": "Physical demand factors (DOT)", "environment": "Environmental conditions (SCO)",
                "cognitive": "Cognitive and psychosocial demands"}[self.value]


# The 20 DOT physical demand factors (RHAJ ch. 12), in the DOT's order.
DOT_FACTORS = (
    "Strength", "Climbing", "Balancing", "Stooping", "Kneeling", "Crouching", "Crawling", "Reaching", "Handling",
    "Fingering", "Feeling", "Talking", "Hearing", "Tasting/Smelling", "Near Acuity", "Far Acuity",
    "Depth Perception", "Accommodation", "Color Vision", "Field of Vision",
)
# SCO Appendix D environmental conditions.
ENVIRONMENT_CONDITIONS = (
    "Weather", "Extreme Cold", "Extreme Heat", "Wet/Humid", "Noise", "Vibration", "Atmospheric Conditions",
    "Moving Mechanical Parts", "Electric Shock", "High Exposed Places", "Radiant Energy", "Explosives",
    "Toxic/Caustic Chemicals", "Other",
)
COGNITIVE_DEMANDS = (
    "Sustained concentration", "Memory", "Multitasking", "Time pressure", "Public contact", "Shift work",
)
ITEMS: dict[RatedGroup, tuple[str, ...]] = {
    RatedGroup.PHYSICAL: DOT_FACTORS,
    RatedGroup.ENVIRONMENT: ENVIRONMENT_CONDITIONS,
    RatedGroup.COGNITIVE: COGNITIVE_DEMANDS,
}


# The DOT rates Strength by level (Sedentary to Very Heavy), not by how often; JobDemands.strength_rating holds it.
LEVEL_RATED = "strength"


def item_key(name: str) -> str:
    """Identifier used in files and the database: 'Near Acuity' -> 'near_acuity'."""
    return name.lower().replace("/", "_").replace(" ", "_")


KEY_TO_NAME: dict[RatedGroup, dict[str, str]] = {
    group: {item_key(name): name for name in names} for group, names in ITEMS.items()
}
