"""The handout's graded exposure: the step the patient is on, in plain words, with the change in their TSK-17
score beside it. The other steps and the clinician's rule stay in the clinic."""

from __future__ import annotations

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.outcomes.progress import score_series
from rtw_planner.reports.handout_parts import Block, HandoutSection, HandoutWording, Text
from rtw_planner.reports.handout_progress import score_sentence

TSK = "TSK-17"


def exposure_section(w: HandoutWording, case: Case) -> HandoutSection | None:
    """None when no feared activity is recorded."""
    hierarchy = case.plan.exposure
    if not hierarchy.activities:
        return None
    ladder = hierarchy.ladder()
    step = hierarchy.current_step()
    blocks: list[Block] = [Text(w.text("exposure_intro"))]
    if step is None:
        blocks.append(Text(w.text("exposure_all_done"), strong=True))
    else:
        activity = step.activity.description.rstrip(".")
        blocks.append(Text(w.text("exposure_step", number=step.number, total=len(ladder), activity=activity),
                           strong=True))
        if step.exposures:
            last = step.exposures[-1]
            blocks.append(Text(w.text("exposure_last", before=last.fear_before, after=last.fear_after)))
        else:
            blocks.append(Text(w.text("exposure_not_yet")))
        blocks.append(Text(w.text("exposure_next")))
    tsk = score_sentence(w, score_series(case, TSK)) if any(r.instrument_id == TSK for r in case.outcomes) else None
    if tsk:
        blocks.append(Text(tsk))
    return HandoutSection(w.text("exposure_heading"), tuple(blocks))
