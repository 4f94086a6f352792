"""A channel decision never passes silently over a rule ranked above it that could not
be told: when a decision rule of higher priority (and another decision) is unknown for
want of a fact the words do not already say the decision does not use (formats, role,
cost), the decision says so, naming the rule and what is unknown."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

import goalrules as gr
from goalrules.engine import Outcome, shipped_ruleset
from goalrules.judgments.channel_text import SAID_MISSING
from tests.books import book_reads_as_rows
from tests.test_row_path import books

pl = pytest.importorskip("polars")

RULES = {r.id: r for r in shipped_ruleset("channels").rules}


def lead_ads_book() -> list[dict[str, object]]:
    """Two sound channels and X, whose leads (lead ads) exceed its visits, falling 15 %
    a month."""
    rows: list[dict[str, object]] = []
    for m in range(1, 7):
        rows.append({"channel": "linkedin", "month": f"2026-0{m}", "visits": 1000, "leads": 30})
        rows.append({"channel": "facebook", "month": f"2026-0{m}", "visits": 3000, "leads": 60})
        rows.append({"channel": "x", "month": f"2026-0{m}",
                     "visits": round(300 * 0.85**m), "leads": round(400 * 0.85**m)})  # fmt: skip
    return rows


def test_a_decision_below_a_cut_that_could_not_be_told_says_so() -> None:
    """X has no lead rate (its leads are no share of its visits): whether it converts
    credibly below (cut.declining-below) cannot be told. It read "reduce: Declining ...
    Reduce the effort and find out why." with no word that a cut, a keep or an optimize
    ranked above could not be evaluated."""
    x = book_reads_as_rows(lead_ads_book())["x"]
    assert (x.decision, x.rule) == (gr.Decision.REDUCE, "reduce.declining")
    assert x.reasons[1] == (
        "Could not tell whether to optimize, keep or cut: its lead rate is unknown, so rules "
        "optimize.low-volume-high-conversion, keep.converts-above and cut.declining-below, "
        "ranked above, cannot be told; this decision comes from a rule ranked below."
    )


def test_the_neutral_default_names_the_rules_it_could_not_tell() -> None:
    """A steady X of more leads than visits: no rule decides; the default keep says which
    decisions could not be told (not the keep it gives)."""
    rows = [r for r in lead_ads_book() if r["channel"] != "x"]
    rows += [{"channel": "x", "month": f"2026-0{m}", "visits": 300, "leads": 400}
             for m in range(1, 7)]  # fmt: skip
    x = book_reads_as_rows(rows)["x"]
    assert (x.decision, x.rule) == (gr.Decision.KEEP, None)
    assert x.reasons[1] == (
        "Could not tell whether to optimize or reduce: its lead rate is unknown, so rules "
        "optimize.low-volume-high-conversion and reduce.below-portfolio cannot be told."
    )


def test_inputs_the_words_say_are_not_used_add_no_note() -> None:
    """No role, no formats, no spend: the evidence says the decision does not use them;
    the rules that need them are unknown by design, and no note repeats it."""
    rows = [r for r in lead_ads_book() if r["channel"] != "x"]
    for d in gr.decide_channels(rows):
        assert not any(r.startswith("Could not tell") for r in d.reasons), d.reasons


@settings(max_examples=60, deadline=None)
@given(books())
def test_no_decision_passes_silently_over_a_rule_it_could_not_tell(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel], dt.date | None],
) -> None:
    rows, channels, today = book
    for d in gr.decide_channels(rows, channels=channels, today=today):
        if d.hierarchy and d.hierarchy in d.reasons[:1]:
            continue  # (made coherent with its halves: the note is the halves')
        above = -1 if d.rule is None else RULES[d.rule].priority
        untold = [
            f.rule_id
            for f in d.report.findings
            if RULES[f.rule_id].decision
            and RULES[f.rule_id].decision != d.decision.value
            and RULES[f.rule_id].priority > above
            and f.outcome is Outcome.UNKNOWN
            and not set(f.missing) <= SAID_MISSING
        ]
        notes = [r for r in d.reasons if r.startswith("Could not tell whether to")]
        if not untold:
            assert not notes, d.reasons
            continue
        assert len(notes) == 1, d.reasons
        assert all(rule in notes[0] for rule in untold), (untold, notes)


def test_the_one_line_summaries_show_the_note() -> None:
    """The markdown and HTML reports and the notebook table show one reason a channel:
    the note rides with it (it showed the deciding rule's message alone)."""
    from goalrules.judgments.channels import decisions_html
    from goalrules.report.markdown import _md_channel

    x = {d.channel: d for d in gr.decide_channels(lead_ads_book())}["x"]
    assert x.why == f"{x.reasons[0]} {x.reasons[1]}"
    assert "Could not tell whether to optimize, keep or cut" in _md_channel(x)
    assert "Could not tell whether to optimize, keep or cut" in decisions_html([x])
    linkedin = {d.channel: d for d in gr.decide_channels(lead_ads_book())}["linkedin"]
    assert linkedin.why == linkedin.reasons[0]
