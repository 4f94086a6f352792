"""A channel is decided from the ruleset's decision rules alone, in priority order, and
its full report is evaluated when it is read: the decision, the deciding rule and every
word must be those the full report gives. The evidence is measured in one pass (one
list of months a channel, shared by its trends): the same numbers as measuring each
channel on its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import strategies as grs
from goalrules.judgments.channel_evidence import channel_evidence
from goalrules.judgments.channel_measures import flow_trend as _trend
from goalrules.judgments.channel_ruling import Ruling
from goalrules.judgments.channels import Decision, _ruleset
from goalrules.judgments.stats import theil_sen

NAMES = ("linkedin", "facebook", "x", "instagram")


@st.composite
def books(draw: st.DrawFn) -> tuple[list[gr.ChannelMonth], list[gr.Channel]]:
    """Rows of a few channels over a few months (some with spend, followers or a medium
    each), and roles and formats for some of them."""
    rows = []
    for name in draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True)):
        months = draw(st.lists(st.integers(0, 20), min_size=1, max_size=10, unique=True))
        medium = draw(st.sampled_from([None, "organic", "paid"]))
        for m in months:
            row = draw(grs.channel_months(channel=name, month=dt.date(2024 + m // 12, m % 12 + 1, 1),
                                          max_visits=3000))  # fmt: skip
            extra: dict[str, Any] = {}
            if medium is not None:
                extra["medium"] = draw(st.sampled_from(["organic", "paid", medium]))
            if draw(st.booleans()):
                extra["followers"] = float(draw(st.integers(0, 500)))
            rows.append(gr.ChannelMonth(**{**_fields(row), **extra}))
    channels = draw(st.lists(grs.channels(names=NAMES), max_size=3, unique_by=lambda c: c.id))
    return rows, channels


def _fields(row: gr.ChannelMonth) -> dict[str, Any]:
    return {
        "channel": row.channel, "month": row.month, "visits": row.visits, "leads": row.leads,
        "customers": row.customers, "spend": row.spend,
    }  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(books())
def test_the_ruling_is_the_full_reports(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel]],
) -> None:
    rows, channels = book
    today = dt.date(2026, 1, 1)
    for d in gr.decide_channels(rows, channels=channels, today=today):
        full = d.report  # evaluated now: every rule
        assert d.rule == (full.decided_by.rule_id if full.decided_by else None)
        if d.hierarchy is None:  # a network's whole may be made coherent with its halves
            assert d.decision is (Decision(full.decision) if full.decision else Decision.KEEP)
        decided = d.decided_by
        assert (decided.message if decided else None) == (
            full.decided_by.message if full.decided_by else None
        )
        assert len(full) == len(_ruleset(()).rules)


@settings(max_examples=60, deadline=None)
@given(books())
def test_a_ruling_names_the_rule_a_report_names(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel]],
) -> None:
    rows, channels = book
    ruleset = _ruleset(())
    evidence, portfolio = channel_evidence(rows, channels=channels)
    for ev in evidence.values():
        facts = {"channel": ev.facts(), "portfolio": portfolio.facts()}
        ruling = Ruling.of(ruleset, facts, None)
        report = ruleset.evaluate(facts)
        assert (ruling.rule.id if ruling.rule else None) == (
            report.decided_by.rule_id if report.decided_by else None
        )
        assert ruling.report().codes == report.codes


@settings(max_examples=60, deadline=None)
@given(books())
def test_evidence_is_each_channels_own(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel]],
) -> None:
    """Measured together, each channel's sums and trends are those of its own rows."""
    rows, channels = book
    evidence, portfolio = channel_evidence(rows, channels=channels)
    for name, ev in evidence.items():
        mine = [r for r in rows if r.channel == name]
        if not mine:
            assert ev.months == 0
            continue
        by_month: dict[dt.date, list[float]] = {}
        for r in mine:
            by_month.setdefault(r.month, [0.0, 0.0])
            by_month[r.month][0] += r.visits
            by_month[r.month][1] += r.leads
        months = sorted(by_month)
        assert ev.months == len(months)
        assert ev.visits == sum(by_month[m][0] for m in months)
        assert ev.visits_trend == _trend(months, [by_month[m][0] for m in months])
        assert ev.leads_trend == _trend(months, [by_month[m][1] for m in months])
    assert portfolio.visits == sum(r.visits for r in rows)


@given(st.lists(st.tuples(st.integers(-50, 50), st.floats(-1e6, 1e6)), max_size=40))
def test_theil_sen_is_the_median_of_the_pairwise_slopes(points: list[tuple[int, float]]) -> None:
    import itertools
    import statistics

    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    slopes = [(y2 - y1) / (x2 - x1) for (x1, y1), (x2, y2) in itertools.combinations(points, 2)
              if x1 != x2]  # fmt: skip
    assert theil_sen(xs, ys) == (statistics.median(slopes) if slopes else 0.0)
