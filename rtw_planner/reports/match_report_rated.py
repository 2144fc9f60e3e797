"""The job-match report's rated demands: each DOT factor, condition and cognitive demand the job rates against the
tolerance recorded, and the restriction each mismatch gives."""

from __future__ import annotations

from rtw_planner.domain.capacity.tolerances import TOLERATED_WORDS
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.rated import RatedMatchItem, rated_restrictions
from rtw_planner.reports.match_report_parts import Part, ReportContext, Section, Table, Text
from rtw_planner.reports.wording import fill


def _source(ctx: ReportContext, item: RatedMatchItem) -> str:
    """Where a tolerance comes from (nothing for an item not tested). A cognitive item's source may name a test
    and its score ('MoCA 24/30'), so only the clinical team reads it; anyone else reads that it was assessed."""
    if item.tolerated is None:
        return ""  # the result column says Not tested
    if item.group is RatedGroup.COGNITIVE and not ctx.decision.internal:
        return ctx.words["rated_source_withheld"]
    return item.source or ctx.words["rated_source_none"]


def _table(ctx: ReportContext, items: list[RatedMatchItem]) -> Part:
    w = ctx.words
    header = tuple(w[k] for k in ("col_item", "col_demand", "col_tolerated", "col_result", "col_rated_gap",
                                  "col_source"))
    body = tuple((i.name, i.demand.label, TOLERATED_WORDS[i.tolerated] if i.tolerated else "—", i.status.label,
                  i.gap or "", _source(ctx, i)) for i in items)
    return Table("rated", header, body, tuple(n for n, i in enumerate(items) if i.status is MatchStatus.MISMATCH))


def rated_section(ctx: ReportContext) -> Section:
    """One table per group the job rates, then the restrictions the mismatches give."""
    w, rated = ctx.words, ctx.match.rated_items
    if not rated:
        return Section(w["rated_heading"], (Text(w["rated_none"]),))
    evaluation = ctx.match.evaluation
    label = evaluation.label if evaluation else w["rated_no_evaluation"]
    parts: list[Part] = [Text(fill(w["rated_intro"], evaluation=label), "small")]
    for group in RatedGroup:
        items = [i for i in rated if i.group is group]
        if items:
            parts += [Text(group.label, "subheading"), _table(ctx, items)]
    restrictions = rated_restrictions(rated)
    if restrictions:
        parts.append(Text(w["rated_restrictions_intro"]))
        parts += [Text(r, "bullet") for r in restrictions]
    return Section(w["rated_heading"], tuple(parts))
