"""The job-match report's content, as plain text blocks built from the case and its match (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.case import Case, Clinic, ConsentCategory
from rtw_planner.domain.disclosure import consented
from rtw_planner.domain.evaluation import Effort, Evaluation
from rtw_planner.domain.grip import MAX_AGE_YEARS, compare, load_grip_norms
from rtw_planner.domain.job_match import INCONSISTENT_EFFORT, JobMatch, chart_bars, job_match
from rtw_planner.domain.matching import MatchItem, MatchStatus
from rtw_planner.domain.niosh import Assessment, LiftingTask, Units, evaluate
from rtw_planner.domain.niosh_tables import CM_PER_IN, CONSTANTS, DURATION_TEXT, KG_PER_LB
from rtw_planner.domain.profile import Kind
from rtw_planner.domain.projection import CAVEAT, essential_mismatch_projections
from rtw_planner.domain.strength import load_table
from rtw_planner.domain.units import format_number, round_half_up
from rtw_planner.reports.match_report_parts import Chart, Part, Section, Table, Text, amount, number, two
from rtw_planner.reports.match_report_progress import progress_sections
from rtw_planner.reports.wording import fill, load_wording, long_date

Words = dict[str, str]


@dataclass(frozen=True)
class MatchReportContent:
    """Everything the report says, in reading order; all strings are plain text."""

    clinic: Clinic
    title: str
    sections: tuple[Section, ...]
    later_page_header: str
    page_footer: str


def gap_text(item: MatchItem) -> str:
    """'11 kg (48%)' for a mismatch, else a dash."""
    if item.gap is None or item.gap_pct is None:
        return "—"
    return f"{number(item, item.gap)} ({round_half_up(item.gap_pct):.0f}%)"


def item_table(items: list[MatchItem], w: Words) -> Part:
    """Demand against capacity for each required item, with result, gap and provenance."""
    rows = [i for i in items if i.status is not MatchStatus.NOT_REQUIRED]
    if not rows:
        return Text(w["items_none"])
    mark = f" ({w['estimate_mark']})"
    header = tuple(w[k] for k in ("col_item", "col_demand", "col_capacity", "col_result", "col_gap", "col_provenance"))
    body = tuple((i.label, amount(i, i.demand), amount(i, i.capacity) + (mark if i.estimated else ""), i.status.label,
                  gap_text(i), i.provenance) for i in rows)
    return Table("items", header, body, tuple(n for n, i in enumerate(rows) if i.status is MatchStatus.MISMATCH))


def pairs(*rows: tuple[str, str]) -> Table:
    """Label and value lines."""
    return Table("pairs", (), rows)


def _identification(case: Case, w: Words) -> Table:
    none = w["not_recorded"]
    who = case.clinician
    clinician = ", ".join(b for b in (who.name, who.profession, who.registration_number) if b) if who else none
    return pairs((w["patient_name"], case.patient_name),
                 (w["date_of_birth"], long_date(case.date_of_birth) if case.date_of_birth else none),
                 (w["job_title"], case.job_title or none), (w["employer"], case.employer or none),
                 (w["clinician"], clinician))


def _evaluation(case: Case, evaluation: Evaluation | None, w: Words) -> Section:
    if evaluation is None:
        return Section(w["evaluation_heading"], (Text(w["no_evaluation"], "caveat"),))
    protocol = evaluation.protocol or w["not_recorded"]
    parts: list[Part] = [pairs((w["evaluation"], evaluation.label), (w["protocol"], protocol),
                               (w["effort"], evaluation.effort.label))]
    if evaluation.effort is Effort.INCONSISTENT:
        parts.append(Text(INCONSISTENT_EFFORT, "caveat"))
    parts.append(Text(w["history_intro"]))
    parts += [Text(f"{e.label}: {e.effort.label}" + (f" ({w['history_current']})" if e is evaluation else ""),
                   "bullet") for e in sorted(case.evaluations, key=lambda e: e.assessed_on)]
    return Section(w["evaluation_heading"], tuple(parts))


def _summary(case: Case, m: JobMatch, w: Words) -> Section:
    level = m.job_level
    table = w["table_complete" if level.complete else "table_incomplete"]
    meets = {True: w["meets_yes"], False: w["meets_no"], None: w["meets_unknown"]}[m.capacity_meets_job]
    counts = fill(w["counts_value"], match=m.count(MatchStatus.MATCH), mismatch=m.count(MatchStatus.MISMATCH),
                  not_tested=m.count(MatchStatus.NOT_TESTED))
    parts: list[Part] = [pairs(
        (w["demand_source"], case.demands.source.label), (w["job_level"], level.label),
        (w["capacity_level"], m.capacity_level.label if m.capacity_level else w["capacity_none"]),
        (w["strength_table"], fill(table, table_name=level.table_name, version=level.table_version)),
        (w["meets_job"], meets), (w["counts"], counts))]
    if case.demands.from_template:
        parts.append(Text(fill(w["template_flag"], template_name=case.demands.template or w["not_recorded"]), "caveat"))
    parts.append(Text(w["essential_intro"] if m.essential_mismatches else w["essential_none"]))
    parts += [Text(line, "bullet") for line in m.essential_mismatches] + [Text(w["notes_intro"], "small")]
    parts += [Text(n, "note") for n in m.notes if n != INCONSISTENT_EFFORT and "generic template" not in n]
    return Section(w["summary_heading"], tuple(parts))


def _niosh_inputs(task: LiftingTask, w: Words) -> str:
    metric, c = task.units is Units.METRIC, CONSTANTS[task.units]

    def kg(value: float) -> str:
        return f"{format_number(value if metric else value / KG_PER_LB)} {c.mass}"

    def cm(value: float) -> str:
        return f"{format_number(value if metric else value / CM_PER_IN)} {c.length}"

    heaviest = "" if task.max_load_kg is None else f" (heaviest {kg(task.max_load_kg)})"
    bits = [f"load {kg(task.load_kg)}{heaviest}", f"H {cm(task.h_cm)}", f"V {cm(task.v_cm)}", f"D {cm(task.d_cm)}",
            f"A {format_number(task.a_deg)}°", f"F {format_number(task.frequency_per_min, 2)}/min",
            f"duration {DURATION_TEXT[task.duration]}", f"coupling {task.coupling.value}"]
    if task.control_at_destination and task.h_dest_cm is not None and task.v_dest_cm is not None:
        bits.append(f"destination H {cm(task.h_dest_cm)}, V {cm(task.v_dest_cm)}, "
                    f"A {format_number(task.a_dest_deg or 0)}°")
    system = fill(w["niosh_computed"], system="metric" if metric else "US", lc=f"{c.lc:g} {c.mass}")
    return f"{w['niosh_inputs']}: " + "; ".join(bits) + ". " + system


def _rwl(end: Assessment) -> str:
    return f"{two(end.rwl_kg)} kg" if end.units is Units.METRIC else f"{two(end.rwl_lb)} lb ({two(end.rwl_kg)} kg)"


def _niosh_task(task: LiftingTask, w: Words) -> Section:
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


def _norm_age(case: Case, evaluation: Evaluation | None) -> int | None:
    """The age to compare grip with the norms at, or None when grip, sex or a usable age is missing."""
    age = case.age_on(evaluation.assessed_on) if evaluation is not None and evaluation.grip else None
    return age if case.sex is not None and age is not None and 0 <= age <= MAX_AGE_YEARS else None


def _grip(case: Case, evaluation: Evaluation | None, w: Words) -> Section:
    if evaluation is None or not evaluation.grip:
        return Section(w["grip_heading"], (Text(w["grip_none"]),))
    age, norms = _norm_age(case, evaluation), load_grip_norms()
    parts: list[Part] = []
    for trials in evaluation.grip:
        line = fill(w["grip_trials"], hand=trials.hand.value.capitalize(), mean=format_number(trials.mean_kg),
                    trials=", ".join(format_number(t) for t in trials.trials_kg))
        if age is not None and case.sex is not None:
            line += " " + compare(trials.mean_kg, age, case.sex, trials.hand, norms).summary
        parts.append(Text(line, "bullet"))
    return Section(w["grip_heading"], tuple(parts + ([Text(w["grip_no_norm"], "small")] if age is None else [])))


def _projections(case: Case, w: Words) -> Section:
    found = essential_mismatch_projections(case)
    if not found:
        return Section(w["projection_heading"], (Text(w["projection_none"]),))
    header = (w["col_item"], w["col_demand"], w["col_capacity"], w["col_trend"], w["col_projected"], w["col_method"])
    too_few = w["projection_too_few"]
    rows = tuple((i.label, amount(i, i.demand), amount(i, i.capacity),
                  "—" if p is None else f"{format_number(p.slope_per_week, 2)} {i.unit}",
                  too_few if p is None else long_date(p.estimated_date) if p.estimated_date else p.reason,
                  "—" if p is None else p.method) for i, p in found)
    parts: list[Part] = [Text(w["projection_intro"]), Table("projection", header, rows), Text(CAVEAT, "caveat")]
    if any(p is not None for _, p in found) and any(e.effort is Effort.INCONSISTENT for e in case.evaluations):
        parts.append(Text(w["projection_minimum_history"], "small"))
    return Section(w["projection_heading"], tuple(parts))


def _method(case: Case, m: JobMatch, table_id: str, w: Words) -> Section:
    table = load_table(table_id)
    source = case.demands.source.label + (f" ('{case.demands.template}')" if case.demands.template else "")
    lines = [fill(w["method_demands"], source=source)]
    if m.evaluation is not None:
        lines.append(fill(w["method_capacity"], evaluation=m.evaluation.label))
    lines += [fill(w["method_table"], table_name=table.name, version=table.version, sources="; ".join(table.sources)),
              w["method_niosh"]]
    if _norm_age(case, m.evaluation) is not None:
        norms = load_grip_norms()
        lines.append(fill(w["method_grip"], citation=norms.citation, source=norms.source))
    rule = m.evaluation.rule if m.evaluation is not None else None
    if rule is not None:
        lines.append(fill(w["method_rule"], rule=rule.name, source=rule.source))
    lines.append(w["method_rounding"])
    return Section(w["method_heading"], tuple(Text(line, "bullet") for line in lines))


def build_match_report(case: Case, clinic: Clinic, today: date, table_id: str = "dot", *,
                       recipient: str | None = None) -> MatchReportContent:
    """Assemble the report. Functional information only: the diagnosis and clinical notes are never read.
    Projections and outcome or pain scores go to the clinical team (no recipient), and to a recipient only with a
    consent in force for them."""
    w = load_wording("match-report")
    m = job_match(case, table_id)
    tasks, bars = case.demands.lifting_tasks, tuple(chart_bars(m.items))
    sections = (
        Section(w["title"], (Text(fill(w["audience"], report_date=long_date(today)), "small"),
                             _identification(case, w), Text(w["functional_only"], "small")), level=0),
        _evaluation(case, m.evaluation, w), _summary(case, m, w),
        Section(w["items_heading"], (item_table([i for i in m.items if i.activity.kind is not Kind.POSTURE], w),
                                     Text(w["items_note"], "small"))),
        Section(w["postures_heading"], (item_table([i for i in m.items if i.activity.kind is Kind.POSTURE], w),)),
        Section(w["chart_heading"], (Chart(bars, w["chart_caption"], w["chart_not_tested"]) if bars
                                     else Text(w["items_none"]),)),
        Section(w["niosh_heading"], (Text(w["niosh_intro"] if tasks else w["niosh_none"]),)),
        *(_niosh_task(task, w) for task in tasks),
        _grip(case, m.evaluation, w),
        *progress_sections(case, m, today, recipient, w),
        _projections(case, w) if recipient is None or ConsentCategory.PROJECTIONS in consented(case, recipient, today)
        else Section(w["projection_heading"], (Text(w["projection_withheld"]),)),
        _method(case, m, table_id, w))
    header = fill(w["later_page_header"], patient_name=case.patient_name)
    return MatchReportContent(clinic, w["title"], sections, header, w["page_footer"])
