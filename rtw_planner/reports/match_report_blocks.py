"""The job-match report's content, as plain text blocks built from the case and its match (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.evaluation import Effort, Evaluation
from rtw_planner.domain.grip import compare, load_grip_norms
from rtw_planner.domain.job_match import INCONSISTENT_EFFORT, ChartBar, JobMatch, chart_bars, job_match
from rtw_planner.domain.matching import MatchItem, MatchStatus
from rtw_planner.domain.niosh import Assessment, LiftingTask, Units, evaluate
from rtw_planner.domain.niosh_tables import CM_PER_IN, CONSTANTS, DURATION_TEXT, KG_PER_LB
from rtw_planner.domain.profile import Kind
from rtw_planner.domain.projection import CAVEAT, essential_mismatch_projections
from rtw_planner.domain.strength import load_table
from rtw_planner.domain.units import format_minutes, format_number, round_half_up
from rtw_planner.reports.wording import fill, load_wording, long_date

Words = dict[str, str]


@dataclass(frozen=True)
class Text:
    """A paragraph; style is 'body', 'caveat' (boxed), 'bullet' or 'small'."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Pairs:
    """Label and value lines."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; `kind` chooses the column widths; `flagged` rows are mismatches."""

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


Part = Text | Pairs | Table | Chart


@dataclass(frozen=True)
class Section:
    """A headed part of the report (level 2 is a sub-heading)."""

    heading: str
    parts: tuple[Part, ...]
    level: int = 1


@dataclass(frozen=True)
class MatchReportContent:
    """Everything the report says, in reading order; all strings are plain text."""

    clinic: Clinic
    title: str
    audience: str
    identification: Pairs
    functional_only: str
    sections: tuple[Section, ...]
    later_page_header: str
    page_footer: str


def day(value: date) -> str:
    """'20 Nov 2026', as evaluation labels print dates."""
    return f"{value.day} {value:%b %Y}"


def two(value: float) -> str:
    """Two decimal places, rounded half up."""
    return f"{round_half_up(value, 2):.2f}"


def amount(item: MatchItem, value: float) -> str:
    """A value in the item's unit: '12 kg', '250 N', '420 min (7 h)'."""
    kind = item.activity.kind
    if kind is Kind.POSTURE:
        return format_minutes(value)
    return f"{format_number(value, 1 if kind is Kind.MASS else 0)} {item.unit}"


def gap_text(item: MatchItem) -> str:
    """'11 kg (48%)' for a mismatch, else a dash."""
    if item.gap is None or item.gap_pct is None:
        return "—"
    decimals = 1 if item.activity.kind is Kind.MASS else 0
    return f"{format_number(item.gap, decimals)} {item.unit} ({round_half_up(item.gap_pct):.0f}%)"


def item_table(items: list[MatchItem], w: Words) -> Part:
    """Demand against capacity for each required item, with result, gap and provenance."""
    rows = [i for i in items if i.status is not MatchStatus.NOT_REQUIRED]
    if not rows:
        return Text(w["items_none"])

    def capacity(item: MatchItem) -> str:
        if item.capacity is None:
            return "—"
        return amount(item, item.capacity) + (f" ({w['estimate_mark']})" if item.estimated else "")

    header = tuple(w[k] for k in ("col_item", "col_demand", "col_capacity", "col_result", "col_gap", "col_provenance"))
    body = tuple((i.label, amount(i, i.demand), capacity(i), i.status.label, gap_text(i), i.provenance) for i in rows)
    return Table("items", header, body, tuple(n for n, i in enumerate(rows) if i.status is MatchStatus.MISMATCH))


def _identification(case: Case, w: Words) -> Pairs:
    none = w["not_recorded"]
    who = case.clinician
    clinician = ", ".join(b for b in (who.name, who.profession, who.registration_number) if b) if who else none
    return Pairs(((w["patient_name"], case.patient_name),
                  (w["date_of_birth"], long_date(case.date_of_birth) if case.date_of_birth else none),
                  (w["job_title"], case.job_title or none), (w["employer"], case.employer or none),
                  (w["clinician"], clinician)))


def _evaluation(case: Case, evaluation: Evaluation | None, w: Words) -> Section:
    if evaluation is None:
        return Section(w["evaluation_heading"], (Text(w["no_evaluation"], "caveat"),))
    parts: list[Part] = [Pairs(((w["evaluation"], evaluation.label), (w["protocol"], evaluation.protocol or
                                                                        w["not_recorded"]),
                                (w["effort"], evaluation.effort.label)))]
    if evaluation.effort is Effort.INCONSISTENT:
        parts.append(Text(INCONSISTENT_EFFORT, "caveat"))
    parts.append(Text(w["history_intro"]))
    for e in sorted(case.evaluations, key=lambda e: e.assessed_on):
        used = f" ({w['history_current']})" if e is evaluation else ""
        parts.append(Text(f"{e.label}: {e.effort.label}{used}", "bullet"))
    return Section(w["evaluation_heading"], tuple(parts))


def _summary(case: Case, m: JobMatch, w: Words) -> Section:
    level = m.job_level
    table = w["table_complete" if level.complete else "table_incomplete"]
    meets = {True: w["meets_yes"], False: w["meets_no"], None: w["meets_unknown"]}[m.capacity_meets_job]
    counts = fill(w["counts_value"], match=m.count(MatchStatus.MATCH), mismatch=m.count(MatchStatus.MISMATCH),
                  not_tested=m.count(MatchStatus.NOT_TESTED))
    parts: list[Part] = [Pairs((
        (w["demand_source"], case.demands.source.label), (w["job_level"], level.label),
        (w["capacity_level"], m.capacity_level.label if m.capacity_level else w["capacity_none"]),
        (w["strength_table"], fill(table, table_name=level.table_name, version=level.table_version)),
        (w["meets_job"], meets), (w["counts"], counts)))]
    if case.demands.from_template:
        parts.append(Text(fill(w["template_flag"], template=case.demands.template or w["not_recorded"]), "caveat"))
    parts.append(Text(w["essential_intro"] if m.essential_mismatches else w["essential_none"]))
    parts += [Text(line, "bullet") for line in m.essential_mismatches]
    notes = [n for n in m.notes if n != INCONSISTENT_EFFORT and "generic template" not in n]
    parts += [Text(w["notes_intro"], "small")] + [Text(n, "small") for n in notes]
    return Section(w["summary_heading"], tuple(parts))


def _niosh_inputs(task: LiftingTask, w: Words) -> str:
    metric = task.units is Units.METRIC
    mass, length = ("kg", "cm") if metric else ("lb", "in")

    def kg(value: float) -> str:
        return f"{format_number(value if metric else value / KG_PER_LB)} {mass}"

    def cm(value: float) -> str:
        return f"{format_number(value if metric else value / CM_PER_IN)} {length}"

    heaviest = "" if task.max_load_kg is None else f" (heaviest {kg(task.max_load_kg)})"
    bits = [f"load {kg(task.load_kg)}{heaviest}", f"H {cm(task.h_cm)}", f"V {cm(task.v_cm)}", f"D {cm(task.d_cm)}",
            f"A {format_number(task.a_deg)}°", f"F {format_number(task.frequency_per_min, 2)} lifts/min",
            f"duration {DURATION_TEXT[task.duration]}", f"coupling {task.coupling.value}"]
    if task.control_at_destination and task.h_dest_cm is not None and task.v_dest_cm is not None:
        bits.append(f"destination H {cm(task.h_dest_cm)}, V {cm(task.v_dest_cm)}, "
                    f"A {format_number(task.a_dest_deg or 0)}°")
    c = CONSTANTS[task.units]
    system = fill(w["niosh_computed"], system="metric" if metric else "US", lc=f"{c.lc:g} {c.mass}")
    return f"{w['niosh_inputs']}: " + "; ".join(bits) + ". " + system


def _rwl(end: Assessment) -> str:
    if end.units is Units.METRIC:
        return f"{two(end.rwl_kg)} kg"
    return f"{two(end.rwl_lb)} lb ({two(end.rwl_kg)} kg)"


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


def _grip(case: Case, evaluation: Evaluation | None, w: Words) -> Section:
    if evaluation is None or not evaluation.grip:
        return Section(w["grip_heading"], (Text(w["grip_none"]),))
    age = case.age_on(evaluation.assessed_on)
    known = case.sex is not None and age is not None and age >= 0
    norms = load_grip_norms() if known else None
    parts: list[Part] = []
    for trials in evaluation.grip:
        line = fill(w["grip_trials"], hand=trials.hand.value.capitalize(), mean=format_number(trials.mean_kg),
                    trials=", ".join(format_number(t) for t in trials.trials_kg))
        if norms is not None and case.sex is not None and age is not None:
            line += " " + compare(trials.mean_kg, age, case.sex, trials.hand, norms).summary
        parts.append(Text(line, "bullet"))
    if not known:
        parts.append(Text(w["grip_no_norm"], "small"))
    return Section(w["grip_heading"], tuple(parts))


def _projections(case: Case, w: Words) -> Section:
    found = essential_mismatch_projections(case)
    if not found:
        return Section(w["projection_heading"], (Text(w["projection_none"]),))
    header = (w["col_item"], w["col_demand"], w["col_capacity"], w["col_trend"], w["col_projected"], w["col_method"])
    rows = []
    for item, p in found:
        capacity = "—" if item.capacity is None else amount(item, item.capacity)
        if p is None:
            rows.append((item.label, amount(item, item.demand), capacity, "—", w["projection_too_few"], "—"))
            continue
        when = day(p.estimated_date) if p.estimated_date else p.reason
        trend = f"{format_number(p.slope_per_week, 2)} {item.unit}"
        rows.append((item.label, amount(item, item.demand), capacity, trend, when, p.method))
    parts: list[Part] = [Text(w["projection_intro"]), Table("projection", header, tuple(rows)), Text(CAVEAT, "caveat")]
    if any(p is not None for _, p in found) and any(e.effort is Effort.INCONSISTENT for e in case.evaluations):
        parts.append(Text(w["projection_minimum_history"], "small"))
    return Section(w["projection_heading"], tuple(parts))


def _method(case: Case, m: JobMatch, table_id: str, w: Words) -> Section:
    table = load_table(table_id)
    source = case.demands.source.label + (f" ('{case.demands.template}')" if case.demands.template else "")
    lines = [fill(w["method_demands"], source=source)]
    if m.evaluation is not None:
        lines.append(fill(w["method_capacity"], evaluation=m.evaluation.label))
    lines.append(fill(w["method_table"], table_name=table.name, version=table.version, sources="; ".join(table.sources)))
    lines.append(w["method_niosh"])
    if m.evaluation is not None and m.evaluation.grip and case.sex is not None and case.date_of_birth is not None:
        norms = load_grip_norms()
        lines.append(fill(w["method_grip"], citation=norms.citation, source=norms.source))
    rule = m.evaluation.rule if m.evaluation is not None else None
    if rule is not None:
        lines.append(fill(w["method_rule"], rule=rule.name, source=rule.source))
    lines.append(w["method_rounding"])
    return Section(w["method_heading"], tuple(Text(line, "bullet") for line in lines))


def build_match_report(case: Case, clinic: Clinic, today: date, table_id: str = "dot") -> MatchReportContent:
    """Assemble the report. Functional information only: the diagnosis and clinical notes are never read."""
    w = load_wording("match-report")
    m = job_match(case, table_id)
    strength = [i for i in m.items if i.activity.kind is not Kind.POSTURE]
    postures = [i for i in m.items if i.activity.kind is Kind.POSTURE]
    tasks = case.demands.lifting_tasks
    niosh = [_niosh_task(task, w) for task in tasks]
    sections = (
        _evaluation(case, m.evaluation, w),
        _summary(case, m, w),
        Section(w["items_heading"], (item_table(strength, w), Text(w["items_note"], "small"))),
        Section(w["postures_heading"], (item_table(postures, w),)),
        Section(w["chart_heading"], (Chart(tuple(chart_bars(m.items)), w["chart_caption"], w["chart_not_tested"]),)),
        Section(w["niosh_heading"], (Text(w["niosh_intro"] if tasks else w["niosh_none"]),)),
        *niosh,
        _grip(case, m.evaluation, w),
        _projections(case, w),
        _method(case, m, table_id, w),
    )
    return MatchReportContent(
        clinic=clinic, title=w["title"], audience=fill(w["audience"], report_date=long_date(today)),
        identification=_identification(case, w), functional_only=w["functional_only"], sections=sections,
        later_page_header=fill(w["later_page_header"], patient_name=case.patient_name), page_footer=w["page_footer"])
