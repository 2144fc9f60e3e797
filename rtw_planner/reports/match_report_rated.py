"""The job-match report's rated demands: each DOT factor, condition and cognitive demand the job rates against the
tolerance recorded, and the restriction each mismatch gives."""

from __future__ import annotations

from rtw_planner.domain.capacity.tolerances import TOLERATED_WORDS
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.rated import RatedMatchItem, rated_restrictions
from rtw_planner.reports.match_report_parts import Part, ReportContext, Section, Table, Text


def _source(ctx: ReportContext, item: RatedMatchItem) -> str:
    """Where a tolerance comes from (nothing for an item not tested). The source may name a test and its score
    ('MoCA 24/30'), so only the clinical team reads it; anyone else reads the evaluation it belongs to."""
    evaluation = ctx.match.evaluation
    if item.tolerated is None:
        return ""  # the result column says Not tested
    if ctx.decision.internal or evaluation is None:
        return item.provenance
    return evaluation.label


def _table(ctx: ReportContext, items: list[RatedMatchItem]) -> Part:
    w = ctx.words
    header = tuple(w[k] for k in ("col_item", "col_demand", "col_tolerated", "col_result", "col_rated_gap",
                                  "col_provenance"))
    body = tuple((i.name, i.demand.label, TOLERATED_WORDS[i.tolerated] if i.tolerated else "—", i.status.label,
                  i.gap or "", _source(ctx, i)) for i in items)
    return Table("rated", header, body, tuple(n for n, i in enumerate(items) if i.status is MatchStatus.MISMATCH))


def rated_section(ctx: ReportContext) -> Section:
    """One table per group the job rates, then the restrictions the mismatches give."""
    w, rated = ctx.words, ctx.match.rated_items
    if not rated:
        return Section(w["rated_heading"], (Text(w["rated_none"]),))
    parts: list[Part] = [Text(w["rated_intro"], "small")]
    for group in RatedGroup:
        items = [i for i in rated if i.group is group]
        if items:
            parts += [Text(group.label, "subheading"), _table(ctx, items)]
    restrictions = rated_restrictions(rated)
    if restrictions:
        parts.append(Text(w["rated_restrictions_intro"]))
        parts += [Text(r, "bullet") for r in restrictions]
    return Section(w["rated_heading"], tuple(parts))
