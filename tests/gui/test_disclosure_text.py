"""What a document will disclose, in words: the categories carried, what is withheld grouped by why, and the
domain's reasons, with every name escaped."""

from __future__ import annotations

from html import escape

from rtw_planner.domain.case.model import ConsentCategory as C
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureDecision, RecipientRole
from rtw_planner.gui.dialogs.disclosure_text import NEVER, NO_CONSENT, SCHEME_HINT, disclosure_html, withheld_reason


def _decision(role: RecipientRole = RecipientRole.EMPLOYER, *, recipient: str = "Acme Stores",
              carried: frozenset[C] = frozenset({C.FUNCTIONAL}), withheld: tuple[C, ...] = (),
              reasons: tuple[str, ...] = ("Consent given 4 Jan 2027",)) -> DisclosureDecision:
    return DisclosureDecision(recipient, Delivery.SENT, carried, reasons, role=role, withheld=withheld)


def test_why_a_category_is_withheld() -> None:
    employer, insurer = _decision(), _decision(RecipientRole.INSURER)
    assert withheld_reason(C.EFFORT, employer) == NEVER
    assert withheld_reason(C.PROJECTIONS, employer) == NEVER
    assert withheld_reason(C.DATE_OF_BIRTH, employer) == NO_CONSENT
    assert withheld_reason(C.EFFORT, insurer) == NO_CONSENT  # the rule is about employers


def test_carried_withheld_by_reason_and_grounds() -> None:
    html = disclosure_html(_decision(carried=frozenset({C.DATE_OF_BIRTH, C.FUNCTIONAL}),
                                     withheld=(C.EFFORT, C.DIAGNOSIS, C.PROJECTIONS)))
    assert "<b>Carries</b>, to Acme Stores:</p><ul><li>abilities, limits, schedule and adjustments</li>" \
           "<li>date of birth</li></ul>" in html  # functional first, whatever the set's order
    assert f"<b>Withheld</b>: effort and consistency ratings, capacity projections.<br><i>Why:</i> {NEVER}." in html
    assert f"<b>Withheld</b>: diagnosis.<br><i>Why:</i> {NO_CONSENT}." in html
    assert html.endswith("<p><b>On what grounds</b>:</p><ul><li>Consent given 4 Jan 2027</li></ul>")


def test_nothing_withheld_says_so() -> None:
    assert "<p><b>Withheld</b>: nothing the case holds.</p>" in disclosure_html(_decision())


def test_the_scheme_hint_only_for_a_claim_and_only_beside_the_diagnosis() -> None:
    withheld = _decision(withheld=(C.DIAGNOSIS,))
    hint = escape(SCHEME_HINT)  # "workers' compensation", its apostrophe escaped
    assert hint not in disclosure_html(withheld)
    assert f"{NO_CONSENT}.{hint}" in disclosure_html(withheld, workers_comp_claim=True)
    assert hint not in disclosure_html(_decision(withheld=(C.EFFORT,)), workers_comp_claim=True)


def test_names_and_reasons_are_escaped() -> None:
    html = disclosure_html(_decision(recipient="Smith & <Sons>", reasons=("Rule <7> & consent",)))
    assert "to Smith &amp; &lt;Sons&gt;:" in html
    assert "<li>Rule &lt;7&gt; &amp; consent</li>" in html
    assert "<Sons>" not in html
