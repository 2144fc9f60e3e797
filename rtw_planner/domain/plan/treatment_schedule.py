"""Treatment times against the phased return: which sessions fall on each phase's working days, and what that means
for the hours at work."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.plan.phases import PhasedReturn, ScheduledPhase, clock_hours
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime


@dataclass(frozen=True)
class PhaseTreatment:
    """One phase's treatment: the sessions that run during it, and the hours a week of them on its working days
    (a week in which every session runs)."""

    phase: ScheduledPhase
    sessions: tuple[TreatmentSession, ...]
    hours_on_working_days: float
    mode: TreatmentTime

    @property
    def hours_at_work(self) -> float:
        """The phase's hours a week spent at work: all of them when the work goes around the sessions, the rest
        after the sessions on working days when those count as working time (never below 0)."""
        if self.mode is TreatmentTime.AVOID:
            return self.phase.weekly_hours
        return max(0.0, round(self.phase.weekly_hours - self.hours_on_working_days, 2))


def phase_treatment(phased: PhasedReturn, sessions: tuple[TreatmentSession, ...],
                    mode: TreatmentTime) -> list[PhaseTreatment]:
    """For each phase, the sessions running during it and their hours on its working days."""
    out = []
    for phase in phased.schedule():
        running = tuple(s for s in sessions if s.runs_during(phase.first_day, phase.last_day))
        hours = sum(s.hours * len(set(s.weekdays) & set(phase.weekdays)) for s in running)
        out.append(PhaseTreatment(phase, running, round(hours, 2), mode))
    return out


def treatment_warnings(phased: PhasedReturn | None, sessions: tuple[TreatmentSession, ...],
                       mode: TreatmentTime) -> list[str]:
    """What the clinician should look at: with sessions counted as working time, a session longer than the
    working day it falls on leaves no time at work that day."""
    if phased is None or mode is TreatmentTime.AVOID:
        return []
    out = []
    for found in phase_treatment(phased, sessions, mode):
        phase = found.phase
        for session in found.sessions:
            if session.hours > phase.hours_per_day and set(session.weekdays) & set(phase.weekdays):
                out.append(f"Phase {phase.number}: a {clock_hours(session.hours)} session ({session.weekday_text()}) "
                           f"is longer than the {clock_hours(phase.hours_per_day)} working day it counts in.")
    return out
