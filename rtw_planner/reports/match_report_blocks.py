"""The job-match report's content, as plain text blocks built from the case, its match and the disclosure decision
(no layout here). A category reaches the report only when the decision carries it; the diagnosis and clinical notes
are never read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.capacity.grip import load_grip_norms
from rtw_planner.domain.case.model import Case, Clinic, ConsentCategory
from rtw_planner.domain.demands.profile import ActivityKind, Frequency
from rtw_planner.domain.demands.strength import load_table
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.disclosure import DisclosureDecision, DocumentKind, decide, default_request
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.domain.match.job import INCONSISTENT_EFFORT, chart_bars, job_match
from rtw_planner.reports.match_report_handling import handling_sections, with_lm
from rtw_planner.reports.match_report_measures import grip, niosh_task, norm_age, projections
from rtw_planner.reports.match_report_parts import (
    Chart,
    Part,
    ReportContext,
    Section,
    Table,
    Text,
    UnitFormat,
    percent,
)
from rtw_planner.reports.match_report_progress import progress_sections
from rtw_planner.reports.match_report_rated import rated_section
from rtw_planner.reports.wording import fill, load_wording, long_date

EFFORT = ConsentCategory.EFFORT
POSTURE = ActivityKind.POSTURE


@dataclass(frozen=True)
class MatchReportContent:
    """Everything the report says, in reading order; all strings are plain text."""

    clinic: Clinic
    title: str
    sections: tuple[Section, ...]
    later_page_header: str
    page_footer: str


def pairs(*rows: tuple[str, str]) -> Table:
    """Label and value lines."""
    return Table("pairs", (), rows)


def notice(ctx: ReportContext) -> Text:
    """Who the report is for and exactly the categories it carries; those it leaves out are named, without values."""
    w, decision = ctx.words, ctx.decision
    carried = "; ".join(c.label for c in decision.listed())
    if decision.internal:
        text = fill(w["notice_internal"], categories=carried)
    else:
        text = fill(w["notice_sent"], recipient=decision.recipient, role=decision.role.label.lower(),
                    patient_name=ctx.case.patient_name, categories=carried)
    if decision.withheld:
        text += " " + fill(w["notice_withheld"], categories="; ".join(c.label for c in decision.withheld))
    return Text(text, "notice")


def _identification(ctx: ReportContext) -> Table:
    w, case = ctx.words, ctx.case
    none = w["not_recorded"]
    who = case.clinician
    clinician = ", ".join(b for b in (who.name, who.profession, who.registration_number) if b) if who else none
    born = long_date(case.date_of_birth) if case.date_of_birth and ctx.allows(ConsentCategory.DATE_OF_BIRTH) \
        else w["date_of_birth_withheld"] if ctx.is_withheld(ConsentCategory.DATE_OF_BIRTH) else none
    return pairs((w["patient_name"], case.patient_name), (w["date_of_birth"], born),
                 (w["job_title"], case.job_title or none), (w["employer"], case.employer or none),
                 (w["clinician"], clinician))


def _evaluation(ctx: ReportContext) -> Section:
    """The evaluation used; its effort rating, notes and the inconsistent-effort caveat only where carried."""
    w, evaluation = ctx.words, ctx.match.evaluation
    if evaluation is None:
        return Section(w["evaluation_heading"], (Text(w["no_evaluation"], "caveat"),))
    effort = ctx.allows(EFFORT)
    rows = [(w["evaluation"], evaluation.label), (w["protocol"], evaluation.protocol or w["not_recorded"])]
    if effort:
        rows.append((w["effort"], evaluation.effort.label))
        rows += [(w["effort_notes"], evaluation.effort_notes)] if evaluation.effort_notes else []
    parts: list[Part] = [pairs(*rows)]
    if effort and evaluation.effort is Effort.INCONSISTENT:
        parts.append(Text(INCONSISTENT_EFFORT, "caveat"))
    if ctx.is_withheld(EFFORT):
        parts.append(ctx.withheld(EFFORT))
    projected = ctx.allows(ConsentCategory.PROJECTIONS) or ctx.decision.internal
    parts.append(Text(w["history_intro" if projected else "history_intro_plain"]))
    for e in sorted(ctx.case.evaluations, key=lambda e: e.assessed_on):
        line = f"{e.label}: {e.effort.label}" if effort else e.label
        parts.append(Text(line + (f" ({w['history_current']})" if e is evaluation else ""), "bullet"))
    for e in ctx.case.evaluations:
        if effort and e is not evaluation and e.effort_notes:
            parts.append(Text(fill(w["history_effort_notes"], evaluation=e.label, notes=e.effort_notes), "note"))
    return Section(w["evaluation_heading"], tuple(parts))


def essential_lines(ctx: ReportContext) -> list[str]:
    """'Pick cases: lift floor to waist, occasional 11 kg short (48%); ...' for each essential task with a mismatch,
    in the document's units."""
    by_task: dict[str, list[str]] = {}
    for item in ctx.match.items:
        if item.status is MatchStatus.MISMATCH and item.gap is not None and item.gap_pct is not None:
            gap = fill(ctx.words["essential_gap"], item=item.label.lower(), gap=ctx.units.shortfall(item),
                       percent=percent(item.gap_pct))
            for task in ctx.case.demands.essential_tasks_involving(item.activity):
                by_task.setdefault(task.name, []).append(gap)
    return [f"{task}: {'; '.join(gaps)}" for task, gaps in by_task.items()]


def _summary(ctx: ReportContext) -> Section:
    w, m, case = ctx.words, ctx.match, ctx.case
    level = m.job_level
    table = w["table_complete" if level.complete else "table_incomplete"]
    unknown = w["meets_unknown"] if m.capacity_level is None else w["meets_not_comparable"]
    meets = {True: w["meets_yes"], False: w["meets_no"], None: unknown}[m.capacity_meets_job]
    counts = fill(w["counts_value"], match=m.count(MatchStatus.MATCH), mismatch=m.count(MatchStatus.MISMATCH),
                  not_tested=m.count(MatchStatus.NOT_TESTED))
    parts: list[Part] = [pairs(
        (w["demand_source"], case.demands.source.label), (w["job_level"], level.label),
        (w["capacity_level"], m.capacity_level.label if m.capacity_level else w["capacity_none"]),
        (w["strength_table"], fill(table, table_name=level.table_name, version=level.table_version)),
        (w["meets_job"], meets), (w["counts"], counts))]
    if case.demands.from_template:
        parts.append(Text(fill(w["template_flag"], template_name=case.demands.template or w["not_recorded"]), "caveat"))
    lines = essential_lines(ctx)
    parts.append(Text(w["essential_intro"] if lines else w["essential_none"]))
    parts += [Text(line, "bullet") for line in lines] + [Text(w["notes_intro"], "small")]
    parts += [Text(ctx.units.in_text(n), "note") for n in m.notes
              if n != INCONSISTENT_EFFORT and "generic template" not in n]
    return Section(w["summary_heading"], tuple(parts))


def _provenance(ctx: ReportContext, item: MatchItem) -> str:
    """Where a value comes from; an estimate names the occasional value it was worked out from, in the document's
    units."""
    evaluation = ctx.match.evaluation
    if not item.estimated or evaluation is None:
        return item.provenance
    occasional = evaluation.profile.strength[(item.activity, Frequency.OCCASIONAL)]
    return fill(ctx.words["estimated_provenance"], value=ctx.units.value(item.activity.kind, occasional),
                evaluation=evaluation.label, rule=item.estimated_by)


def item_table(ctx: ReportContext, items: list[MatchItem]) -> Part:
    """Demand against capacity for each required item, with result, gap and provenance."""
    w, units = ctx.words, ctx.units
    rows = [i for i in items if i.status is not MatchStatus.NOT_REQUIRED]
    if not rows:
        return Text(w["items_none"])
    mark = f" ({w['estimate_mark']})"
    header = tuple(w[k] for k in ("col_item", "col_demand", "col_capacity", "col_result", "col_gap", "col_provenance"))
    body = tuple((i.label, units.amount(i, i.demand), units.capacity(i, i.capacity) + (mark if i.estimated else ""),
                  i.status.label, units.gap(i), _provenance(ctx, i)) for i in rows)
    return Table("items", header, body, tuple(n for n, i in enumerate(rows) if i.status is MatchStatus.MISMATCH))


def _method(ctx: ReportContext, table_id: str) -> Section:
    w, case, m = ctx.words, ctx.case, ctx.match
    table = load_table(table_id)
    source = case.demands.source.label + (f" ('{case.demands.template}')" if case.demands.template else "")
    lines = [fill(w["method_demands"], source=source)]
    if m.evaluation is not None:
        lines.append(fill(w["method_capacity"], evaluation=m.evaluation.label))
    lines += [fill(w["method_table"], table_name=table.name, version=table.version, sources="; ".join(table.sources)),
              w["method_niosh"]]
    if norm_age(ctx) is not None and ctx.allows(ConsentCategory.GRIP_NORMS):
        norms = load_grip_norms()
        lines.append(fill(w["method_grip"], citation=norms.citation, source=norms.source))
    rule = m.evaluation.rule if m.evaluation is not None else None
    if rule is not None:
        lines.append(fill(w["method_rule"], rule=rule.name, source=rule.source))
    lines.append(fill(w["method_rounding"], mass=ctx.units.mass_name, force=ctx.units.force_name))
    return Section(w["method_heading"], tuple(Text(line, "bullet") for line in lines))


def build_match_report(case: Case, clinic: Clinic, today: date, table_id: str = "dot", *,
                       decision: DisclosureDecision | None = None, units: MassUnit | None = None) -> MatchReportContent:
    """Assemble the report for the recipient of `decision` (by default the clinical team, who see everything the
    report can hold), in `units` (by default the clinic's). Each category is printed only when the decision carries
    it, and where the case holds one that is left out, one line says so without its value."""
    decision = decision or decide(DocumentKind.MATCH_REPORT, case, default_request(DocumentKind.MATCH_REPORT, case),
                                  today, jurisdiction=clinic.jurisdiction)
    w = load_wording("match-report")
    ctx = ReportContext(case, job_match(case, table_id), decision, UnitFormat(units or clinic.units), w)
    m = ctx.match
    tasks, bars = case.demands.lifting_tasks, tuple(chart_bars(m.items))
    sections = (
        Section(w["title"], (Text(fill(w["report_date"], report_date=long_date(today)), "small"), notice(ctx),
                             _identification(ctx), Text(w["never_clinical"], "small")), level=0),
        _evaluation(ctx), _summary(ctx),
        Section(w["items_heading"], (item_table(ctx, [i for i in m.items if i.activity.kind is not POSTURE]),
                                     Text(w["items_note"], "small"))),
        Section(w["postures_heading"], (item_table(ctx, [i for i in m.items if i.activity.kind is POSTURE]),)),
        rated_section(ctx),
        Section(w["chart_heading"], (Chart(bars, w["chart_caption"], w["chart_not_tested"]) if bars
                                     else Text(w["items_none"]),)),
        Section(w["niosh_heading"], (Text(w["niosh_intro"] if tasks else w["niosh_none"]),)),
        *(with_lm(ctx, niosh_task(task, w), task) for task in tasks),
        *handling_sections(ctx),
        grip(ctx),
        *progress_sections(ctx),
        *projections(ctx),
        _method(ctx, table_id))
    header = fill(w["later_page_header"], patient_name=case.patient_name)
    return MatchReportContent(clinic, w["title"], sections, header, w["page_footer"])
