"""What a job asks for: material handling and positions, rated factors, shift, tasks, lifting and handling tasks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range, text
from rtw_planner.domain.demands.profile import MINUTES_PER_DAY, Activity, PhysicalProfile
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel

if TYPE_CHECKING:
    from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
    from rtw_planner.domain.demands.niosh import LiftingTask

DEFAULT_SHIFT_HOURS = 8.0


class DemandSource(StrEnum):
    """Where the demands came from; a generic template is flagged in every match and document."""

    JOB_SITE_ANALYSIS = "job_site_analysis"
    EMPLOYER_DESCRIPTION = "employer_description"
    GENERIC_TEMPLATE = "generic_template"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"job_site_analysis": "Job-site analysis", "employer_description": "Employer's job description",
                "generic_template": "Generic template (not checked at the workplace)"}[self.value]


@dataclass(frozen=True)
class Task:
    """A task of the job, essential or not, with its share of the shift and the demand items it involves."""

    name: str
    essential: bool = True
    share_pct: float | None = None
    activities: tuple[Activity, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", text("task name", self.name, required=True))
        if self.share_pct is not None:
            object.__setattr__(self, "share_pct", number_in_range(f"{self.name} share of shift", self.share_pct,
                                                                  0, 100, "%"))
        activities = tuple(self.activities)
        for activity in activities:
            if not isinstance(activity, Activity):
                raise ValidationError(f"{self.name} activities", activity, "demand items of this job")
        object.__setattr__(self, "activities", activities)


RatingKey = tuple[RatedGroup, str]


@dataclass(frozen=True)
class JobDemands:
    """The demands side of a case. Ratings are keyed by group and item key (see ratings.item_key); the DOT's
    Strength factor is rated by level in strength_rating, never by frequency."""

    profile: PhysicalProfile = field(default_factory=PhysicalProfile)
    ratings: Mapping[RatingKey, Rating] = field(default_factory=dict)
    shift_hours: float | None = None
    days_per_week: float | None = None
    tasks: tuple[Task, ...] = ()
    lifting_tasks: tuple[LiftingTask, ...] = ()
    source: DemandSource = DemandSource.JOB_SITE_ANALYSIS
    template: str = ""
    arm_leg_controls: bool = False
    production_pace: bool = False
    strength_rating: StrengthLevel | None = None
    mmh_tasks: tuple[MmhJobTask, ...] = ()  # lift, lower, push, pull and carry for the Liberty Mutual equations

    def __post_init__(self) -> None:
        if not isinstance(self.profile, PhysicalProfile):
            raise ValidationError("demands", self.profile, "a physical profile")
        for (group, key), rating in self.ratings.items():
            if not isinstance(group, RatedGroup) or key not in KEY_TO_NAME[group]:
                raise ValidationError("rated demand", key, "a DOT factor, SCO condition or cognitive demand")
            if group is RatedGroup.PHYSICAL and key == LEVEL_RATED:
                raise ValidationError("DOT strength", rating, "a level, S, L, M, H or V (Sedentary to Very Heavy), "
                                      "not how often")
            if not isinstance(rating, Rating):
                raise ValidationError(KEY_TO_NAME[group][key], rating, "N, S, O, F or C")
        if self.strength_rating is not None and not isinstance(self.strength_rating, StrengthLevel):
            raise ValidationError("DOT strength", self.strength_rating, "S, L, M, H or V (Sedentary to Very Heavy)")
        if self.shift_hours is not None:
            object.__setattr__(self, "shift_hours", number_in_range("shift length", self.shift_hours, 0.5, 24, "h"))
        if self.days_per_week is not None:
            object.__setattr__(self, "days_per_week", number_in_range("days per week", self.days_per_week, 0.5, 7,
                                                                      "days"))
        tasks = tuple(self.tasks)
        total = sum(t.share_pct or 0 for t in tasks)
        if total > 100.000001:
            raise ValidationError("task shares", round(total, 2), "a total of at most 100% of the shift")
        object.__setattr__(self, "tasks", tasks)
        object.__setattr__(self, "lifting_tasks", tuple(self.lifting_tasks))
        object.__setattr__(self, "mmh_tasks", tuple(self.mmh_tasks))
        if not isinstance(self.source, DemandSource):
            raise ValidationError("demand source", self.source, ", ".join(s.value for s in DemandSource))
        object.__setattr__(self, "template", text("template", self.template))

    def rating(self, group: RatedGroup, key: str) -> Rating:
        """The rating of one item; not recorded counts as not present."""
        return self.ratings.get((group, key), Rating.NOT_PRESENT)

    @property
    def effective_shift_hours(self) -> float:
        """The shift length, or 8 hours when not recorded."""
        return self.shift_hours or DEFAULT_SHIFT_HOURS

    @property
    def standing_walking_beyond_occasional(self) -> bool:
        """True when standing plus walking take more than a third of the shift, which rules out Sedentary work
        (20 CFR 404.1567: sedentary work needs standing and walking only occasionally)."""
        minutes = sum(t.minutes_per_day for a, t in self.profile.postures.items()
                      if a in (Activity.STAND, Activity.WALK))
        return minutes > min(self.effective_shift_hours * 60, MINUTES_PER_DAY) / 3

    @property
    def from_template(self) -> bool:
        """True when copied from a generic template rather than analysed at the workplace."""
        return self.source is DemandSource.GENERIC_TEMPLATE

    def essential_tasks_involving(self, activity: Activity) -> list[Task]:
        """Essential tasks that involve an activity."""
        return [t for t in self.tasks if t.essential and activity in t.activities]
