"""The Liberty Mutual result of the job's handling tasks (and of its NIOSH lifting tasks) for the person's sex."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual import MmhResult, Sex
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.demands.niosh import Coupling, LiftingTask

DESIGN_GOAL_PERCENT = 90.0  # Liberty Mutual: a task should be acceptable to at least 90% of the population
HIGHER_RISK_PERCENT = 75.0  # below 75% capable: higher risk (the RNLE load constant is near the 75th female)
HANDLES_FOR_COUPLING = {Coupling.GOOD: "yes", Coupling.FAIR: "poor", Coupling.POOR: "none"}
UNRECORDED_SEX = ("The person's sex is not recorded: the female equations are used, the more protective "
                  "population.")


@dataclass(frozen=True)
class HandlingCheck:
    """One task against the equation for one population: the MAL and the share able to handle the task's load."""

    task: MmhJobTask
    sex: Sex
    sex_recorded: bool
    result: MmhResult | None  # None where the equation has no value (see no_value)
    no_value: str | None = None

    @property
    def people(self) -> str:
        """'females' or 'males'."""
        return f"{self.sex.value}s"

    @property
    def unit(self) -> str:
        """kg, or kgf for a force."""
        return "kgf" if self.task.is_force else "kg"

    @property
    def mal(self) -> float | None:
        """The load (force) acceptable to 50% of the population, in kg (kgf); None without a valid value."""
        return self.result.mal if self.valid and self.result is not None else None

    @property
    def valid(self) -> bool:
        """True when the equation gives a value within its input ranges (outside them it is only extrapolated)."""
        return self.result is not None and self.result.within_ranges

    def mal_for(self, percent: float) -> float | None:
        """The load acceptable to `percent` of the population, or None without a valid value."""
        return self.result.mal_for(percent) if self.valid and self.result is not None else None

    @property
    def percent_capable(self) -> float | None:
        """The percentage of the population who accept the task's load, or None without a valid value."""
        return self.result.percent_capable(self.task.load) if self.valid and self.result is not None else None

    @property
    def higher_risk(self) -> bool:
        """True when fewer than 75% of the population accept the load."""
        capable = self.percent_capable
        return capable is not None and capable < HIGHER_RISK_PERCENT

    @property
    def warnings(self) -> tuple[str, ...]:
        """The equation's range warnings and cautions, or why it has no value."""
        if self.result is None:
            return (self.no_value or "",)
        return self.result.warnings


def check(task: MmhJobTask, sex: Sex | None) -> HandlingCheck:
    """One task for the person's sex (female when not recorded)."""
    population = sex or Sex.FEMALE
    try:
        return HandlingCheck(task, population, sex is not None, task.evaluate(population))
    except ValidationError as exc:
        return HandlingCheck(task, population, sex is not None, None, f"no value: {exc.allowed}")


def person_sex(case: Case) -> Sex | None:
    """The case's sex as the equations' population, or None when not recorded."""
    return None if case.sex is None else Sex(case.sex.value)


def handling_checks(case: Case) -> tuple[HandlingCheck, ...]:
    """Every handling task of the job for the person's sex."""
    sex = person_sex(case)
    return tuple(check(task, sex) for task in case.demands.mmh_tasks)


def lifting_as_handling(task: LiftingTask) -> MmhJobTask | None:
    """A NIOSH lifting task as a Liberty Mutual lift (or a lower, when the destination is recorded lower than the
    origin): H, DV = D and VRM the middle of the origin and the destination (V + D/2 without a destination), the
    coupling as handles (good: yes, fair: poor, poor: none). None when the task has no vertical travel or no
    load, where the equations take no value."""
    if task.d_cm <= 0 or task.load_kg <= 0 or task.frequency_per_min <= 0:
        return None
    lower = task.v_dest_cm is not None and task.v_dest_cm < task.v_cm
    top = task.v_cm - task.d_cm / 2 if lower else task.v_cm + task.d_cm / 2
    if task.v_dest_cm is not None:
        top = (task.v_cm + task.v_dest_cm) / 2
    try:
        return MmhJobTask("lower" if lower else "lift", task.frequency_per_min, task.load_kg, h_m=task.h_cm / 100,
                          vrm_m=top / 100, dv_m=task.d_cm / 100, handles=HANDLES_FOR_COUPLING[task.coupling],
                          name=task.name, units=task.units.value)
    except ValidationError:
        return None  # e.g. the middle of the travel lies below half the travel (a hand below the floor)
