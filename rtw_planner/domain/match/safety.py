"""Safety-critical work (driving, machinery, heights), found in the job's title, tasks and rated conditions."""

from __future__ import annotations

import re
from enum import StrEnum

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, RatedGroup, Rating


class SafetyCritical(StrEnum):
    """Work where pain, fatigue or medication can endanger the person or others."""

    DRIVING = "driving"
    MACHINERY = "machinery"
    HEIGHTS = "heights"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"driving": "professional driving", "machinery": "operating machinery or moving mechanical parts",
                "heights": "working at height"}[self.value]

    @property
    def discuss(self) -> str:
        """What the clinician discusses with the patient before anything goes to an employer."""
        return {"driving": "fitness to drive under the licensing authority's medical standards (stricter for bus, "
                           "lorry and other professional licences) and whether pain or medication affects driving",
                "machinery": "whether pain, fatigue or medication slows reactions or dulls attention around "
                             "machinery",
                "heights": "balance, dizziness, and whether pain or medication affects working at height"}[self.value]


# Words in the job title, the template name, a task or a lifting task that mark the work (case-insensitive).
# Driving is operating a vehicle: a vehicle named alone is not driving ("wheel bins to the lorry", "ride in the
# cab", "carry tools from the van"), and hand-moved trucks (pallet truck, sack truck) are not vehicles.
_WORDS = {
    SafetyCritical.DRIVING: re.compile(
        r"\b(driv(e|es|er|ers|ing)|chauffeur\w*|courier\w*|taxis?|fork[- ]?lift\w*|(reach|counterbalance|lift) trucks?"
        r"|tractors?|hgv|lgv|pcv|operat\w* (an? |the )?(bus|coach|lorry|lorries|truck|van|vehicle|tram|train)\w*)\b",
        re.IGNORECASE),
    SafetyCritical.MACHINERY: re.compile(
        r"\b(machinery|machinists?|machine (operat\w*|tools?|shop)|operat\w* (\w+ ){0,2}machines?|cranes?|excavators?"
        r"|diggers?|presses|(power|hydraulic|printing|punch) press\w*|press operat\w*|lathes?|saws|sawing"
        r"|(chain|circular|band|table|mitre|miter|power) ?saws?|grinders?|slicers?|mincers?|mixers?|compactors?"
        r"|conveyors?|plant operat\w*|power(ed)? tools?|ride-on)\b", re.IGNORECASE),
    SafetyCritical.HEIGHTS: re.compile(
        r"\b(ladders?|step ?ladders?|scaffold\w*|roofs?|roofing|roofers?|at heights?|heights|cherry pickers?"
        r"|mewps?|aerial (work )?platforms?|high[- ]level)\b", re.IGNORECASE),
}
# SCO environmental conditions that mean the same work when the job rates them as present (any frequency).
_CONDITIONS = {"moving_mechanical_parts": SafetyCritical.MACHINERY, "high_exposed_places": SafetyCritical.HEIGHTS}


def critical_task(name: str) -> bool:
    """True when a task's own words mark it as safety-critical work (driving, machinery, heights)."""
    return any(pattern.search(name) for pattern in _WORDS.values())


def job_texts(case: Case) -> list[tuple[str, str]]:
    """What the job's own words say, as (where, text): the job title, the template name, each task and each
    lifting task. Empty texts are left out."""
    demands = case.demands
    texts = [("job title", case.job_title), ("template", demands.template)]
    texts += [("task", task.name) for task in demands.tasks]
    texts += [("lifting task", task.name) for task in demands.lifting_tasks if task.name]
    return [(where, value) for where, value in texts if value]


def safety_critical_evidence(case: Case) -> dict[SafetyCritical, tuple[str, ...]]:
    """Each kind of safety-critical work the job involves, in a fixed order, with what shows it: a title, task
    or lifting task naming it, or an SCO condition rated as present."""
    found: dict[SafetyCritical, list[str]] = {}
    for where, value in job_texts(case):
        for kind, pattern in _WORDS.items():
            if pattern.search(value):
                found.setdefault(kind, []).append(f"{where} '{value}'")
    for key, kind in _CONDITIONS.items():
        rating = case.demands.rating(RatedGroup.ENVIRONMENT, key)
        if rating is not Rating.NOT_PRESENT:
            name = KEY_TO_NAME[RatedGroup.ENVIRONMENT][key]
            found.setdefault(kind, []).append(f"rated condition {name}: {rating.label.lower()}")
    return {kind: tuple(found[kind]) for kind in SafetyCritical if kind in found}


def safety_critical_work(case: Case) -> tuple[SafetyCritical, ...]:
    """The kinds of safety-critical work the job involves, in a fixed order; empty when none is found."""
    return tuple(safety_critical_evidence(case))
