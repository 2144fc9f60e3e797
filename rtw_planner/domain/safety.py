"""Safety-critical work (driving, machinery, heights), found in the job's tasks, title and rated conditions."""

from __future__ import annotations

import re
from enum import StrEnum

from rtw_planner.domain.case import Case
from rtw_planner.domain.ratings import RatedGroup, Rating


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


# Words in the job title, the template or a task that mark the work (whole-word stems, case-insensitive).
_WORDS = {
    SafetyCritical.DRIVING: re.compile(r"\b(driv\w*|forklift\w*|chauffeur\w*|courier\w*|lorry|van|bus|taxi"
                                       r"|(?<!pallet )(?<!hand )truck\w*|vehicle\w*|hgv|lgv|pcv)\b",
                                       re.IGNORECASE),
    SafetyCritical.MACHINERY: re.compile(r"\b(machine\w*|machinery|crane\w*|excavator\w*|press|lathe\w*|saw\w*"
                                         r"|plant operat\w*|power tools?)\b", re.IGNORECASE),
    SafetyCritical.HEIGHTS: re.compile(r"\b(ladder\w*|scaffold\w*|roof\w*|at height|heights|cherry picker\w*"
                                       r"|mewp)\b", re.IGNORECASE),
}
# SCO environmental conditions that mean the same work when the job rates them as present.
_CONDITIONS = {"moving_mechanical_parts": SafetyCritical.MACHINERY, "high_exposed_places": SafetyCritical.HEIGHTS}


def safety_critical_work(case: Case) -> tuple[SafetyCritical, ...]:
    """The kinds of safety-critical work the job involves, in a fixed order; empty when none is found."""
    demands = case.demands
    words = " ".join([case.job_title, demands.template, *(t.name for t in demands.tasks)])
    found = {kind for kind, pattern in _WORDS.items() if pattern.search(words)}
    found |= {kind for key, kind in _CONDITIONS.items()
              if demands.rating(RatedGroup.ENVIRONMENT, key) is not Rating.NOT_PRESENT}
    return tuple(kind for kind in SafetyCritical if kind in found)
