"""What a document will disclose, in words for the document dialog: the categories it carries, what is withheld
and why, and the reasons the disclosure rules give. The rules themselves are the domain's (disclosure.decide)."""

from __future__ import annotations

from html import escape

from rtw_planner.domain.case.model import ConsentCategory
from rtw_planner.domain.issuing.disclosure import DisclosureDecision

NEVER = "Never sent to an employer, even with consent"
NO_CONSENT = "No consent in force for this recipient (record one on the Details tab to include it)"
SCHEME_HINT = " For a workers' compensation claim, the scheme switch can add the diagnosis where the scheme allows it."


def withheld_reason(category: ConsentCategory, decision: DisclosureDecision) -> str:
    """Why a category the case holds stays out of the document."""
    if decision.never_sent(category):
        return NEVER
    return NO_CONSENT


def disclosure_html(decision: DisclosureDecision, workers_comp_claim: bool = False) -> str:
    """The decision as short HTML lists, withheld categories grouped by reason (recipient names escaped)."""
    carried = "".join(f"<li>{escape(c.label)}</li>" for c in decision.listed())
    parts = [f"<p><b>Carries</b>, to {escape(decision.recipient)}:</p><ul>{carried}</ul>"]
    groups: dict[str, list[ConsentCategory]] = {}
    for category in decision.withheld:
        groups.setdefault(withheld_reason(category, decision), []).append(category)
    if not groups:
        parts.append("<p><b>Withheld</b>: nothing the case holds.</p>")
    for reason, categories in groups.items():
        hint = SCHEME_HINT if workers_comp_claim and ConsentCategory.DIAGNOSIS in categories else ""
        parts.append(f"<p><b>Withheld</b>: {', '.join(escape(c.label) for c in categories)}.<br>"
                     f"<i>Why:</i> {escape(reason)}.{escape(hint)}</p>")
    parts.append("<p><b>On what grounds</b>:</p><ul>" + "".join(f"<li>{escape(r)}</li>" for r in decision.reasons)
                 + "</ul>")
    return "".join(parts)
