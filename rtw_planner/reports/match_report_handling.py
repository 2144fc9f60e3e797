"""The job-match report's Liberty Mutual parts: each handling task, and the LM line beside a NIOSH lifting task."""

from __future__ import annotations

from dataclasses import replace

from rtw_planner.domain.demands.liberty_mutual_ranges import length_text
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.demands.niosh import LiftingTask, Units
from rtw_planner.domain.demands.profile import ActivityKind
from rtw_planner.domain.demands.units import MassUnit, format_mass, kgf_to_n, round_half_up
from rtw_planner.domain.match.handling import HandlingCheck, check, lifting_as_handling, person_sex
from rtw_planner.reports.match_report_parts import Part, ReportContext, Section, Table, Text
from rtw_planner.reports.wording import fill

Words = dict[str, str]


def _amount(ctx: ReportContext, hc: HandlingCheck, value: float | None) -> str:
    """A load (kg) or a force (kgf) in the document's units; a dash when there is none."""
    if value is None:
        return "—"
    if hc.task.is_force:
        return ctx.units.value(ActivityKind.FORCE, kgf_to_n(value))
    return ctx.units.load(value)


def share(percent: float) -> str:
    """A share of the population to one decimal ('98.6%'), so nearly all never reads as all."""
    return f"{round_half_up(percent, 1):.1f}%"


def _kind(task: MmhJobTask) -> str:
    return f"{task.kind}, {task.phase} force" if task.phase else task.kind


def _inputs(task: MmhJobTask) -> str:
    """The task's geometry in its own units, and how often."""
    names = (("H", task.h_m), ("VRM", task.vrm_m), ("DV", task.dv_m), ("V", task.v_m), ("DH", task.dh_m))
    bits = [f"{name} {length_text(value, task.units)}" for name, value in names if value is not None]
    bits.append(f"F {task.frequency_per_min:g}/min")
    if task.kind in ("lift", "lower"):
        bits.append(f"handles {task.handles}")
    return "; ".join(bits)


def handling_task(ctx: ReportContext, hc: HandlingCheck) -> Section:
    """One handling task: its inputs, the loads acceptable to 50, 75 and 90% and the share accepting its load."""
    w, task, people = ctx.words, hc.task, hc.people
    rows = ((w["lm_row_task"], _kind(task)), (w["lm_row_inputs"], _inputs(task)),
            (w["lm_row_load"], _amount(ctx, hc, task.load)),
            (fill(w["lm_row_mal"], people=people), _amount(ctx, hc, hc.mal)),
            (fill(w["lm_row_p75"], people=people), _amount(ctx, hc, hc.mal_for(75))),
            (fill(w["lm_row_p90"], people=people), _amount(ctx, hc, hc.mal_for(90))),
            (fill(w["lm_row_capable"], people_capital=people.capitalize()),
             "—" if hc.percent_capable is None else share(hc.percent_capable)))
    parts: list[Part] = [Table("pairs", (), rows, (len(rows) - 1,) if hc.higher_risk else ())]
    if not hc.valid:
        parts.append(Text(fill(w["lm_no_value"], reason="; ".join(hc.warnings)), "caveat"))
    else:
        parts += [Text(warning, "caveat") for warning in hc.warnings]
    return Section(fill(w["lm_task"], name=task.name or w["niosh_unnamed"]), tuple(parts), level=2)


def handling_sections(ctx: ReportContext) -> tuple[Section, ...]:
    """The Liberty Mutual heading with its introduction, then one sub-section per handling task."""
    w, checks = ctx.words, ctx.match.handling
    people = checks[0].people if checks else ("males" if ctx.case.sex and ctx.case.sex.value == "male" else "females")
    intro: list[Part] = [Text(fill(w["lm_intro"], people=people) if checks else w["lm_none"])]
    if checks and not checks[0].sex_recorded:
        intro.append(Text(w["lm_sex_unrecorded"], "caveat"))
    return (Section(w["lm_heading"], tuple(intro)), *(handling_task(ctx, hc) for hc in checks))


def with_lm(ctx: ReportContext, section: Section, task: LiftingTask) -> Section:
    """A NIOSH lifting task's section with its Liberty Mutual line after the NIOSH figures."""
    line = beside_niosh(ctx, task)
    return section if line is None else replace(section, parts=(*section.parts, line))


def beside_niosh(ctx: ReportContext, task: LiftingTask) -> Text | None:
    """The Liberty Mutual result of a NIOSH lifting task, read as a lift or lower, for the person's sex."""
    handling = lifting_as_handling(task)
    if handling is None:
        return None
    hc = check(handling, person_sex(ctx.case))
    w = ctx.words
    if hc.mal is None or hc.percent_capable is None:
        return Text(fill(w["lm_beside_niosh_none"], kind=handling.kind, people=hc.people,
                         reason="; ".join(hc.warnings)), "small")
    unit = MassUnit.LB if task.units is Units.US else MassUnit.KG  # the NIOSH task's own system, as beside it
    p90 = hc.mal_for(90)
    return Text(fill(w["lm_beside_niosh"], kind=handling.kind, people=hc.people, mal=format_mass(hc.mal, unit),
                     p90="—" if p90 is None else format_mass(p90, unit), capable=share(hc.percent_capable)))

