"""The job-match report's content blocks, and how its values are written in the document's units (no layout)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.demands.profile import ActivityKind
from rtw_planner.domain.demands.units import (
    NEWTONS_PER_LBF,
    MassUnit,
    format_force,
    format_mass,
    format_minutes,
    format_number,
    lb_to_kg,
    mass_to_display,
    round_half_up,
)
from rtw_planner.domain.issuing.disclosure import NEVER_TO_EMPLOYER, DisclosureDecision, RecipientRole
from rtw_planner.domain.match.items import MatchItem
from rtw_planner.domain.match.job import ChartBar, JobMatch
from rtw_planner.domain.match.restrictions import force_limit, mass_limit
from rtw_planner.domain.outcomes.progress import ScoreSeries
from rtw_planner.reports.wording import fill


@dataclass(frozen=True)
class Text:
    """A paragraph; style is 'body', 'caveat' (boxed), 'notice' (the boxed disclosure notice), 'bullet', 'small'
    or 'note' (a small bullet)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Table:
    """A table; `kind` chooses the column widths ('pairs': label and value lines, no header or grid);
    `flagged` rows are mismatches or risks."""

    kind: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    flagged: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """The match chart's bars and wording."""

    bars: tuple[ChartBar, ...]
    caption: str
    not_tested: str


@dataclass(frozen=True)
class ScoreCharts:
    """One score chart per series, two to a row; `axes` labels each chart's scale, the rest is the legend."""

    series: tuple[ScoreSeries, ...]
    axes: tuple[str, ...]
    score: str
    band: str
    goal: str


Part = Text | Table | Chart | ScoreCharts


@dataclass(frozen=True)
class Section:
    """A headed part of the report: level 0 is the title block, 1 a section, 2 a sub-section."""

    heading: str
    parts: tuple[Part, ...]
    level: int = 1


def two(value: float) -> str:
    """Two decimal places, rounded half up."""
    return f"{round_half_up(value, 2):.2f}"


def percent(value: float) -> str:
    """A whole percentage, rounded half up: '48%'."""
    return f"{round_half_up(value):.0f}%"


# A quantity in pounds in the domain's wording (strength tables are published in lb); quoted names are left alone.
_POUNDS = re.compile(r"'[^']*'|(?<![\w.])(\d+(?:\.\d+)?) lb\b")


@dataclass(frozen=True)
class UnitFormat:
    """Values as this document prints them: loads in kg or lb (0.1), forces as 'N (kgf)' or 'lbf', postures in
    minutes. Values arrive in SI (kg, N, minutes), as stored."""

    mass: MassUnit = MassUnit.KG

    @property
    def mass_name(self) -> str:
        """'kg' or 'lb'."""
        return self.mass.value

    @property
    def force_name(self) -> str:
        """'N' or 'lbf'."""
        return "lbf" if self.mass is MassUnit.LB else "N"

    def load(self, kg: float) -> str:
        """'12 kg' or '26.5 lb'."""
        return format_mass(kg, self.mass)

    def value(self, kind: ActivityKind, amount: float) -> str:
        """A stored value of a kind in the document's units: '12 kg', '250 N (25.5 kgf)', '420 min (7 h)'."""
        if kind is ActivityKind.MASS:
            return format_mass(amount, self.mass)
        if kind is ActivityKind.FORCE:
            return format_force(amount, self.mass)
        return format_minutes(amount)

    def amount(self, item: MatchItem, value: float | None) -> str:
        """An item's value as a table shows it; a dash when there is none."""
        return "—" if value is None else self.value(item.activity.kind, value)

    def capacity(self, item: MatchItem, value: float | None) -> str:
        """A measured capacity, rounded down as the letter shows it (never more than was measured)."""
        if value is None:
            return "—"
        kind = item.activity.kind
        if kind is ActivityKind.MASS:
            return mass_limit(value, self.mass)
        if kind is ActivityKind.FORCE:
            return force_limit(value, self.mass)
        return format_minutes(value)

    def shortfall(self, item: MatchItem) -> str:
        """How far capacity falls short: '11 kg', '50 N (5.1 kgf)', '180 min' (no hours, as it is followed by a
        percentage); empty unless a mismatch."""
        if item.gap is None:
            return ""
        kind = item.activity.kind
        return f"{format_number(item.gap, 0)} min" if kind is ActivityKind.POSTURE else self.value(kind, item.gap)

    def gap(self, item: MatchItem) -> str:
        """'11 kg (48%)' for a mismatch, else a dash."""
        if item.gap is None or item.gap_pct is None:
            return "—"
        return f"{self.shortfall(item)} ({percent(item.gap_pct)})"

    def trend(self, item: MatchItem, per_week: float) -> str:
        """A trend a week to 2 decimals in the item's display unit: '0.5 kg', '1.1 lb', '2.25 lbf', '10 min'."""
        kind = item.activity.kind
        if kind is ActivityKind.MASS:
            return f"{format_number(mass_to_display(per_week, self.mass), 2)} {self.mass_name}"
        if kind is ActivityKind.FORCE:
            size = per_week / NEWTONS_PER_LBF if self.mass is MassUnit.LB else per_week
            return f"{format_number(size, 2)} {self.force_name}"
        return f"{format_number(per_week, 2)} min"

    def in_text(self, text: str) -> str:
        """The domain's notes quote strength-table limits in lb; in a metric document they are given in kg, so no
        sentence mixes the two."""
        if self.mass is MassUnit.LB:
            return text

        def convert(match: re.Match[str]) -> str:
            pounds = match.group(1)
            return match.group(0) if pounds is None else self.load(lb_to_kg(float(pounds)))

        return _POUNDS.sub(convert, text)


@dataclass(frozen=True)
class ReportContext:
    """What every block of the report is built from: the case, its match, the disclosure decision that says which
    categories the report carries, the document's units and its wording."""

    case: Case
    match: JobMatch
    decision: DisclosureDecision
    units: UnitFormat
    words: dict[str, str]

    def allows(self, category: ConsentCategory) -> bool:
        """True when the report carries the category to this recipient."""
        return self.decision.allows(category)

    def is_withheld(self, category: ConsentCategory) -> bool:
        """True when the case holds the category and the report leaves it out for this recipient."""
        return category in self.decision.withheld

    def withheld(self, category: ConsentCategory) -> Text:
        """One neutral line saying a category is left out, and why, with no value."""
        never = self.decision.role is RecipientRole.EMPLOYER and category in NEVER_TO_EMPLOYER
        return Text(fill(self.words["withheld_employer" if never else "withheld_consent"], category=category.label))
