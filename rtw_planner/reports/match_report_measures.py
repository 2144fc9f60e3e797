"""The job-match report's NIOSH, grip and projection sections, each under the report's disclosure decision."""

from __future__ import annotations

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.capacity.grip import MAX_AGE_YEARS, GripComparison, GripTrials, Sex, compare, load_grip_norms
from rtw_planner.domain.case.model import ConsentCategory
from rtw_planner.domain.demands.niosh import Assessment, LiftingTask, Units, evaluate
from rtw_planner.domain.demands.niosh_constants import CM_PER_IN, CONSTANTS, DURATION_TEXT, KG_PER_LB
from rtw_planner.domain.demands.units import format_number, lb_to_kg, mass_to_display
from rtw_planner.domain.match.projection import CAVEAT, essential_mismatch_projections
from rtw_planner.reports.match_report_parts import Part, ReportContext, Section, Table, Text, percent, two
from rtw_planner.reports.wording import fill, long_date

Words = dict[str, str]
PEOPLE = {Sex.FEMALE: "women", Sex.MALE: "men"}


def _niosh_inputs(task: LiftingTask, w: Words) -> str:
    """The task's inputs in its own unit system, as entered."""
    metric, c = task.units is Units.METRIC, CONSTANTS[task.units]

    def load(value: float) -> str:
        return f"{format_number(value if metric else value / KG_PER_LB)} {c.mass}"

    def length(value: float) -> str:
        return f"{format_number(value if metric else value / CM_PER_IN)} {c.length}"

    heaviest = "" if task.max_load_kg is None else f" (heaviest {load(task.max_load_kg)})"
    bits = [f"load {load(task.load_kg)}{heaviest}", f"H {length(task.h_cm)}", f"V {length(task.v_cm)}",
            f"D {length(task.d_cm)}", f"A {format_number(task.a_deg)}°",
            f"F {format_number(task.frequency_per_min, 2)}/min",
            f"duration {DURATION_TEXT[task.duration]}", f"coupling {task.coupling.value}"]
    if task.control_at_destination and task.h_dest_cm is not None and task.v_dest_cm is not None:
        bits.append(f"destination H {length(task.h_dest_cm)}, V {length(task.v_dest_cm)}, "
                    f"A {format_number(task.a_dest_deg or 0)}°")
    system = fill(w["niosh_computed"], system="metric" if metric else "US", lc=f"{c.lc:g} {c.mass}",
                  units=w["niosh_units_metric" if metric else "niosh_units_us"])
    return f"{w['niosh_inputs']}: " + "; ".join(bits) + ". " + system


def _rwl(end: Assessment) -> str:
    """The RWL in the task's own unit system: the equation's constants are not converted."""
    return f"{two(end.rwl_kg)} kg" if end.units is Units.METRIC else f"{two(end.rwl_lb)} lb"


def niosh_task(task: LiftingTask, w: Words) -> Section:
    """One lifting task: its inputs, the multipliers at each end, the RWL and LI, and why an end is outside."""
    result = evaluate(task)
    ends = [e for e in (result.origin, result.destination) if e is not None]
    header = (w["col_end"], "HM", "VM", "DM", "AM", "FM", "CM", "RWL", "LI")
    rows = tuple((e.end.capitalize(), *(two(x) for x in (e.hm, e.vm, e.dm, e.am, e.fm, e.cm)), _rwl(e),
                  "—" if e.li is None else two(e.li)) for e in ends)
    g = result.governing
    li = w["niosh_no_li"] if g.li is None else two(g.li)
    verdict = fill(w["niosh_governs" if result.destination else "niosh_origin_only"], end=g.end, rwl=_rwl(g), li=li)
    flagged = tuple(n for n, e in enumerate(ends) if e.li is None or e.li > 1)
    parts: list[Part] = [Text(_niosh_inputs(task, w)), Table("niosh", header, rows, flagged), Text(verdict)]
    parts += [Text(fill(w["niosh_outside"], end=e.end, reason=e.outside_equation), "caveat")
              for e in ends if e.outside_equation]
    parts += [Text(warning, "caveat") for warning in result.warnings]
    return Section(fill(w["niosh_task"], name=task.name or w["niosh_unnamed"]), tuple(parts), level=2)


def norm_age(ctx: ReportContext) -> int | None:
    """The age to compare grip with the norms at, or None when grip, sex or a usable age is missing."""
    evaluation, case = ctx.match.evaluation, ctx.case
    age = case.age_on(evaluation.assessed_on) if evaluation is not None and evaluation.grip else None
    return age if case.sex is not None and age is not None and 0 <= age <= MAX_AGE_YEARS else None


def _against_norm(ctx: ReportContext, found: GripComparison) -> str:
    """The grip mean against the norm, the norm in the document's unit (the table publishes lb)."""
    w = ctx.words
    if found.norm_mean_lb is None or found.percent_of_norm is None or found.age_band is None:
        return fill(w["grip_norm_none"], people=PEOPLE[found.sex], age=found.age_years, table=found.source)
    z = w["grip_no_sd"] if found.z_score is None else fill(w["grip_z"], z=two(found.z_score).replace("-", "−"))
    return fill(w["grip_norm"], percent=percent(found.percent_of_norm), people=PEOPLE[found.sex], band=found.age_band,
                norm=ctx.units.load(lb_to_kg(found.norm_mean_lb)), z=z)


def _grip_line(ctx: ReportContext, trials: GripTrials, age: int | None) -> str:
    units = ctx.units
    shown = ", ".join(format_number(mass_to_display(t, units.mass)) for t in trials.trials_kg)
    dominance = ctx.match.evaluation.dominant_hand if ctx.match.evaluation is not None else None
    dominant = f" {ctx.words['grip_dominant']}" if dominance is not None and dominance.is_dominant(trials.hand) else ""
    line = fill(ctx.words["grip_trials"], hand=trials.hand.value.capitalize(), dominant=dominant,
                trials=f"{shown} {units.mass_name}", mean=units.load(trials.mean_kg))
    if age is not None and ctx.case.sex is not None and ctx.allows(ConsentCategory.GRIP_NORMS):
        line += " " + _against_norm(ctx, compare(trials.mean_kg, age, ctx.case.sex, trials.hand, load_grip_norms()))
    return line


def grip(ctx: ReportContext) -> Section:
    """Each hand's trials and mean (functional), and the comparison with norms only where the report carries it."""
    w, evaluation = ctx.words, ctx.match.evaluation
    if evaluation is None or not evaluation.grip:
        return Section(w["grip_heading"], (Text(w["grip_none"]),))
    age = norm_age(ctx)
    parts: list[Part] = [Text(_grip_line(ctx, trials, age), "bullet") for trials in evaluation.grip]
    if ctx.is_withheld(ConsentCategory.GRIP_NORMS):
        parts.append(ctx.withheld(ConsentCategory.GRIP_NORMS))
    elif age is None:
        parts.append(Text(w["grip_no_norm"], "small"))
    return Section(w["grip_heading"], tuple(parts))


def _projection_table(ctx: ReportContext) -> Section:
    w, units = ctx.words, ctx.units
    found = essential_mismatch_projections(ctx.case)
    if not found:
        return Section(w["projection_heading"], (Text(w["projection_none"]),))
    header = (w["col_item"], w["col_demand"], w["col_capacity"], w["col_trend"], w["col_projected"], w["col_method"])
    rows = []
    for i, p in found:
        if p is None:
            rows.append((i.label, units.amount(i, i.demand), units.capacity(i, i.capacity), "—",
                         w["projection_too_few"], "—"))
            continue
        when = long_date(p.estimated_date) if p.estimated_date else \
            w["projection_flat"] if p.slope_per_week <= 0 else p.reason
        rows.append((i.label, units.amount(i, i.demand), units.capacity(i, i.capacity),
                     units.trend(i, p.slope_per_week), when, p.method))
    parts: list[Part] = [Text(w["projection_intro"]), Table("projection", header, tuple(rows)), Text(CAVEAT, "caveat")]
    inconsistent = any(e.effort is Effort.INCONSISTENT for e in ctx.case.evaluations)
    if any(p is not None for _, p in found) and inconsistent and ctx.allows(ConsentCategory.EFFORT):
        parts.append(Text(w["projection_minimum_history"], "small"))
    return Section(w["projection_heading"], tuple(parts))


def projections(ctx: ReportContext) -> tuple[Section, ...]:
    """The projections where the report carries them; one line where they are withheld. Where there is nothing to
    project, the clinical team is told why and an outside recipient gets no section at all."""
    if ctx.allows(ConsentCategory.PROJECTIONS) or ctx.decision.internal:
        return (_projection_table(ctx),)
    if ctx.is_withheld(ConsentCategory.PROJECTIONS):
        return (Section(ctx.words["projection_heading"], (ctx.withheld(ConsentCategory.PROJECTIONS),)),)
    return ()
