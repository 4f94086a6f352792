"""The statement reader on the corpus of goal statements (tests/data/statements.txt),
the phrasings of issue reports, and properties: what the reader gives never breaks a
judgment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.errors import GoalRulesError
from goalrules.model.amounts import find_amounts, normalize_numbers

START = dt.date(2026, 5, 1)
CORPUS = Path(__file__).parent / "data" / "statements.txt"


def load_corpus(path: Path = CORPUS) -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        statement, metric, channel, target, deadline = (p.strip() for p in line.split("|"))
        rows.append((statement, metric, channel, target, deadline))
    return rows


def same_target(got: gr.Target | str | None, expected: str) -> bool:
    """Whether a target read means ``expected`` (a target text; empty for none)."""
    if not expected or got is None:
        return not expected and got is None
    return gr.Target.parse(got).means(expected)


CASES = load_corpus()


def test_the_corpus_is_broad() -> None:
    metrics = {r[1] for r in CASES if r[1]}
    objectives = {o for m in metrics for o in gr.catalog[m].objectives}
    assert len(CASES) >= 200
    assert len(objectives) == len(gr.Objective)
    assert sum(1 for r in CASES if not r[3]) >= 25  # vague ones
    assert sum(1 for r in CASES if "," in r[2]) >= 10  # several channels


@pytest.mark.parametrize(("statement", "metric", "channel", "target", "deadline"), CASES)
def test_corpus_statement(
    statement: str, metric: str, channel: str, target: str, deadline: str
) -> None:
    reading = gr.read_statement(statement, start=START)
    g = reading.goal
    assert (g.metric or "") == metric
    assert ", ".join(g.channels) == ", ".join(c for c in channel.split(",") if c)
    assert same_target(g.target, target), (g.target, target)
    assert (g.deadline.isoformat() if g.deadline else "") == deadline
    if not target:
        assert "target" in reading.not_understood  # vague: never read as specific
    for field in ("metric", "target", "deadline"):
        assert (field in reading.not_understood) == (getattr(g, field) is None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twelve hundred", 1200), ("a million dollars", 1_000_000), ("$20k", 20_000),
        ("2 million a month", 2_000_000), ("half a million", 500_000),
        ("a quarter of a million", 250_000), ("1.5 million", 1_500_000), ("3.5K", 3_500),
        ("twenty-five percent", 25), ("€1,250.50", 1250.5), ("$2.5M", 2_500_000),
    ],
)  # fmt: skip
def test_amount_forms(text: str, value: float) -> None:
    (amount,) = find_amounts(normalize_numbers(text))
    assert amount.value == pytest.approx(value)


def test_a_year_is_not_a_target() -> None:
    reading = gr.read_statement("Improve our presence on LinkedIn in 2026", start=START)
    assert reading.goal.target is None and reading.goal.deadline == dt.date(2026, 12, 31)
    r = gr.score_smart(reading.goal, today=START)
    assert not r.criteria["measurable"].passed


def test_a_goal_about_several_channels() -> None:
    g = gr.Goal.from_statement("Grow followers on Instagram and TikTok by 20% in Q3", start=START)
    assert g.channels == ("instagram", "tiktok") and g.channel == "instagram, tiktok"
    assert gr.Goal("g", channel=["LinkedIn", "ig"]).channels == ("linkedin", "instagram")
    assert gr.Goal("g", channel="all").channels == ("all",)
    r = gr.score_smart(g, today=START)
    assert r.criteria["specific"].findings[1].outcome.value == "pass"


def test_from_to_gives_the_baseline() -> None:
    reading = gr.read_statement("Grow Instagram followers from 4,000 to 6,000 by Q4", start=START)
    assert str(reading.goal.baseline) == "4000 follower"
    assert reading.understood["baseline"] == "4,000"


def test_a_count_delta_on_a_monthly_baseline_resolves() -> None:
    # was pint's DimensionalityError out of score_smart
    g = gr.Goal(
        "v", metric="visits", baseline="3,000 visits / month", target="+5,000 visits",
        start=START, deadline="in Q4",
    )  # fmt: skip
    assert str(g.resolved_target()) == "8000.0 visit / month"
    assert gr.score_smart(g, today=START).score >= 0


STATEMENT_WORDS = st.sampled_from(
    [
        "double",
        "triple",
        "grow",
        "increase",
        "cut",
        "reduce",
        "reach",
        "get",
        "add",
        "by",
        "to",
        "from",
        "within",
        "in",
        "a",
        "per",
        "month",
        "week",
        "$",
        "€",
        "20k",
        "1,200",
        "50%",
        "3x",
        "x2",
        "+500",
        "-20%",
        "twelve",
        "hundred",
        "million",
        "followers",
        "visits",
        "leads",
        "revenue",
        "sales",
        "CTR",
        "NPS",
        "response",
        "time",
        "minutes",
        "hours",
        "Q3",
        "H2",
        "2026",
        "next",
        "year",
        "LinkedIn",
        "X",
        "Instagram",
        "and",
        "all",
        "networks",
        "of",
        "our",
        "traffic",
        "hires",
        "likes",
        "comments",
        "shares",
        "ROAS",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(STATEMENT_WORDS, min_size=1, max_size=14),
    baseline=st.one_of(
        st.none(),
        st.builds(
            lambda n, u: f"{n} {u}",
            st.integers(1, 10**6),
            st.sampled_from(["followers", "visits / month", "%", "USD", "hours", "leads"]),
        ),
    ),
    history=st.booleans(),
)
def test_no_foreign_exception_from_reading_and_judging(
    words: list[str], baseline: str | None, history: bool
) -> None:
    """Any statement, any baseline: a goal and a SMART report, or a GoalRulesError."""
    try:
        g = gr.Goal.from_statement(" ".join(words), start=START)
        if baseline is not None:
            g = g.evolve(baseline=baseline)
        series = [(dt.date(2026, m, 28), 100.0 + 10 * m) for m in range(1, 5)] if history else None
        report = gr.score_smart(g, series, today=START)
    except GoalRulesError:
        return
    assert 0 <= report.score <= 100
