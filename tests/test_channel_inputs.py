"""Channel decisions on awkward inputs: each probe is a confident wrong answer that was
given (a month counted twice, a cost from some months' spend), held as an example and
as a Hypothesis property."""

from __future__ import annotations

import calendar
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")

from goalrules.scale.batch import decide_channels_table  # noqa: E402
from tests.books import book_reads_as_rows  # noqa: E402

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def steady(
    name: str, visits: float = 1000, leads: float = 30, **extra: Any
) -> list[dict[str, Any]]:
    return [
        {"channel": name, "month": m, "visits": visits, "leads": leads, **extra} for m in MONTHS
    ]


# -- a channel and month given twice ------------------------------------------------------


def test_a_row_given_twice_is_an_error_not_a_month_counted_twice() -> None:
    rows = steady("x") + steady("linkedin")
    with pytest.raises(gr.DataError, match=r"rows 1 and 13 both give x in 2026-01: the same row"):
        gr.decide_channels([*rows, rows[0]])  # it read x as declining 13 % a month


def test_two_different_rows_of_a_month_are_an_error_naming_both() -> None:
    rows = [*steady("x"), {**steady("x")[2], "visits": 1200}]
    with pytest.raises(gr.DataError, match=r"rows 3 and 7 .* x in 2026-03: two different rows"):
        gr.decide_channels(rows)
    # "twitter" is x: the same channel, named twice
    with pytest.raises(gr.DataError, match="both give x in 2026-03"):
        gr.decide_channels([*steady("x"), {**steady("twitter")[2], "visits": 1200}])


def test_rows_of_a_month_that_are_its_campaigns_or_mediums_are_summed() -> None:
    rows = [
        {**r, "campaign": c, "visits": 500, "leads": 15} for c in ("a", "b") for r in steady("x")
    ]
    rows += [{**r, "medium": m, "visits": 500, "leads": 15} for m in ("organic", "paid")
             for r in steady("linkedin")]  # fmt: skip
    decided = {d.channel: d for d in gr.decide_channels(rows)}
    assert decided["x"].evidence.visits == decided["linkedin"].evidence.visits == 6000


def test_a_book_with_a_row_given_twice_is_an_error() -> None:
    rows = [{"account": "a", **r} for r in steady("x") + steady("linkedin")]
    with pytest.raises(gr.DataError, match=r"rows 1 and 13 both give account 'a', x in 2026-01"):
        decide_channels_table(pl.DataFrame([*rows, rows[0]]))
    other = [*rows, {**rows[0], "account": "b"}]  # another account's month: not a duplicate
    assert decide_channels_table(pl.DataFrame(other)).height == 3


@st.composite
def books_with_a_row_twice(draw: st.DrawFn) -> tuple[list[dict[str, Any]], int]:
    names = draw(st.lists(st.sampled_from(["x", "linkedin", "facebook", "tiktok"]), min_size=1,
                          max_size=3, unique=True))  # fmt: skip
    rows: list[dict[str, Any]] = []
    for name in names:
        for m in draw(st.lists(st.sampled_from(MONTHS), min_size=1, max_size=6, unique=True)):
            visits = draw(st.integers(0, 2000))
            rows.append({"account": "a", "channel": name, "month": m, "visits": visits,
                         "leads": draw(st.integers(0, visits))})  # fmt: skip
    twice = dict(draw(st.sampled_from(rows)))
    if draw(st.booleans()):
        twice["visits"] += 1  # a different row for the same month
    at = draw(st.integers(0, len(rows)))
    return [*rows[:at], twice, *rows[at:]], len(rows) + 1


@settings(max_examples=40, deadline=None)
@given(books_with_a_row_twice())
def test_a_channel_month_given_twice_is_never_summed(
    book: tuple[list[dict[str, Any]], int],
) -> None:
    """Whatever the book and wherever the repeated row stands, both paths refuse it."""
    rows, _ = book
    with pytest.raises(gr.DataError, match="both give"):
        gr.decide_channels([{k: v for k, v in r.items() if k != "account"} for r in rows])
    with pytest.raises(gr.DataError, match="both give"):
        decide_channels_table(pl.DataFrame(rows))


# -- spend recorded in some months only ---------------------------------------------------


def test_spend_in_some_months_is_an_unknown_total_not_a_partial_sum() -> None:
    x = steady("x", leads=20)
    for r in x[:3]:
        r["spend"] = 300
    rows = steady("linkedin") + steady("instagram", leads=20, spend=100) + x
    out = gr.decide_channels(rows)
    decided = {d.channel: d for d in out}
    ev = decided["x"].evidence
    # it read spend 900 over six months of leads: cost per lead 7.50 USD, against a
    # portfolio cost that counted x's six months of leads and three of its spend
    assert ev.spend is None and ev.cost_per_lead is None
    assert "spend recorded in 3 of 6 months" in ev.quality[-1]
    assert "spend not recorded in every month: cost per lead unknown" in " ".join(
        decided["x"].reasons
    )
    # instagram's spend alone is recorded: no benchmark for its own cost
    assert out.portfolio is not None and out.portfolio.cost_per_lead is None
    assert not any("7.50" in line for line in decided["x"].reasons)
    assert "no other channel's spend recorded" in " ".join(decided["instagram"].reasons)


def test_a_book_reads_spend_in_some_months_as_the_rows_do() -> None:
    from tests.books import book_reads_as_rows

    x = steady("x", leads=20)
    for r in x[:3]:
        r["spend"] = 300.0
    rows = steady("linkedin", spend=None) + steady("instagram", leads=20, spend=100.0) + x
    table = decide_channels_table(pl.DataFrame([{"account": "a", **r} for r in rows]))
    assert table.filter(pl.col("channel") == "x")["spend"].item() is None
    book_reads_as_rows(rows)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.booleans(), min_size=6, max_size=6), st.integers(1, 500))
def test_a_channels_cost_is_known_exactly_when_every_month_has_spend(
    recorded: list[bool], spend: int
) -> None:
    x = steady("x", leads=20)
    for r, has in zip(x, recorded, strict=True):
        if has:
            r["spend"] = spend
    out = gr.decide_channels(steady("linkedin") + x)
    ev = {d.channel: d for d in out}["x"].evidence
    if all(recorded):
        assert ev.spend == 6 * spend and ev.cost_per_lead == pytest.approx(6 * spend / 120)
    else:
        assert ev.spend is None and ev.cost_per_lead is None
        assert out.portfolio is not None and out.portfolio.cost_per_lead is None
        assert (any(recorded)) == any("spend recorded in" in q for q in ev.quality)


# -- more leads than visits ---------------------------------------------------------------


def test_more_leads_than_visits_gives_no_lead_rate_and_no_verdict_on_it() -> None:
    rows = steady("linkedin") + steady("x", visits=10, leads=30)
    out = gr.decide_channels(rows)
    decided = {d.channel: d for d in out}
    x = decided["x"]
    # it read x as "lead rate 100 % (95 % CI 91.2 %-100 %), credibly above": optimize; and
    # linkedin, at 3 % against a portfolio of 5.9 % made of x's leads, as reduce
    assert x.evidence.lead_rate is None and x.evidence.lead_rate_low is None
    assert x.decision is not gr.Decision.OPTIMIZE
    assert "no lead rate: more leads than visits in some month" in " ".join(x.reasons)
    assert not any("100 %" in r for r in x.reasons)
    assert out.portfolio is not None and out.portfolio.lead_rate == pytest.approx(0.03)
    assert decided["linkedin"].decision is gr.Decision.KEEP
    assert "1 channel with more leads than visits in some month left out" in (
        gr_portfolio_line(out.portfolio)
    )


def gr_portfolio_line(p: Any) -> str:
    from goalrules.judgments.channel_text import portfolio_line

    return portfolio_line(p)


def test_a_book_reads_more_leads_than_visits_as_the_rows_do() -> None:
    from goalrules.scale.batch import book_decisions

    rows = steady("linkedin") + steady("facebook", leads=10) + steady("x", visits=10, leads=30)
    rows[-1]["leads"] = 5  # one month of x is fine, the others are not
    table = decide_channels_table(pl.DataFrame([{"account": "a", **r} for r in rows]))
    row_path = {d.channel: d for d in gr.decide_channels(rows)}
    for _, d in book_decisions(table):
        one = row_path[d.channel]
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)
        assert d.portfolio.left_out == 1


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(1, 3000), st.integers(0, 90)), min_size=3, max_size=6),
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 200)), min_size=1, max_size=6),
)
def test_a_channel_with_more_leads_than_visits_never_moves_the_others(
    good: list[tuple[int, int]], odd: list[tuple[int, int]]
) -> None:
    """Another channel's impossible month changes no decision nor number of the others,
    and the odd channel itself is never said to convert credibly above or below."""
    odd = [(v, max(lead, v + 1)) for v, lead in odd]  # at least one month with more leads
    base = [{"channel": "linkedin", "month": MONTHS[i], "visits": v, "leads": min(lead, v)}
            for i, (v, lead) in enumerate(good)]  # fmt: skip
    base += [{**r, "channel": "facebook", "visits": r["visits"] * 2} for r in base]
    bad = [{"channel": "x", "month": MONTHS[i], "visits": v, "leads": lead}
           for i, (v, lead) in enumerate(odd)]  # fmt: skip
    first, second = gr.decide_channels(base), gr.decide_channels(base + bad)
    assert first.portfolio is not None and second.portfolio is not None
    assert first.portfolio.lead_rate == second.portfolio.lead_rate
    alone, withx = {d.channel: d for d in first}, {d.channel: d for d in second}
    for name in ("linkedin", "facebook"):  # (x's visits do count in the shares of visits)
        a, b = alone[name].reasons[1], withx[name].reasons[1]  # the lead rate's line
        assert a == b
    x = withx["x"]
    assert x.evidence.lead_rate is None
    assert not any("credibly" in r for r in x.reasons)


# -- a network whose halves overrule it -----------------------------------------------------


def test_a_network_made_to_optimize_by_its_halves_is_not_told_to_reduce() -> None:
    """Theil-Sen is not additive: halves rising 17 % and 11 % a month make a whole that
    reads -9.8 %. The halves decide; the rules' word on the whole is quoted, labelled."""
    months = MONTHS[:4]
    rows = [{"channel": "facebook", "medium": medium, "month": m, "visits": v, "leads": v // 20}
            for medium, series in (("organic", [92, 36, 66, 91]), ("paid", [49, 72, 8, 77]))
            for m, v in zip(months, series, strict=True)]  # fmt: skip
    rows += [{"channel": "linkedin", "month": m, "visits": 1000, "leads": 30} for m in months]
    fb = {d.channel: d for d in gr.decide_channels(rows)}["facebook"]
    assert fb.decision is gr.Decision.OPTIMIZE and fb.rule == "reduce.declining"
    assert fb.reasons[0].startswith("Both its halves are worth investing in")
    assert "Taken whole, the rules would say reduce" in fb.reasons[0]
    # it gave "Declining: ... Reduce the effort and find out why." as its second reason
    assert not any("Reduce the effort" in r for r in fb.reasons[1:])


# -- numbers that differ never read the same ------------------------------------------------


def _close_rates(a_leads: int, b_leads: int, visits: int = 10_000_000) -> list[dict[str, Any]]:
    rows = [{"channel": "linkedin", "month": m, "visits": visits, "leads": a_leads}
            for m in MONTHS]  # fmt: skip
    return rows + [{**r, "channel": "facebook", "leads": b_leads} for r in rows]


def test_credibly_below_never_reads_as_3_percent_vs_3_percent() -> None:
    d = {x.channel: x for x in gr.decide_channels(_close_rates(296_000, 304_000))}
    li, fb = d["linkedin"], d["facebook"]
    assert li.decision is gr.Decision.REDUCE
    # it read "Converts credibly below the portfolio: lead rate 3 % vs 3 %" and
    # "lead rate 3 % (95 % CI 3 %-2.96 %)": a bound above its rate, the rates equal
    assert "lead rate 2.96 % vs 3 %" in li.reasons[0]
    assert li.reasons[1].startswith("lead rate 2.96 % (95 % CI 2.956 %-2.964 %), credibly below")
    assert "lead rate 3.04 % (95 % CI 3.036 % to 3.044 %) vs 3 %" in fb.reasons[0]


_PCT = r"(-?\d+(?:\.\d+)?) %"


@settings(max_examples=60, deadline=None)
@given(st.integers(100, 10**7), st.floats(0.001, 0.2), st.floats(-0.02, 0.02))
def test_the_lead_rate_line_shows_its_numbers_in_order_and_apart(
    visits: int, rate: float, gap: float
) -> None:
    """Whatever the sizes, the lead-rate line never shows a bound past its rate, and two
    different numbers in it never read the same; the rule's "lead rate X vs Y" reads X
    below Y when it says credibly below."""
    import re

    other = max(0.0, min(1.0, rate + gap))
    rows = _close_rates(round(visits * rate), round(visits * other), visits)
    for d in gr.decide_channels(rows):
        line = next(r for r in d.reasons if r.startswith("lead rate "))
        m = re.fullmatch(rf"lead rate {_PCT} \(95 % CI {_PCT}-{_PCT}\), .* the portfolio's {_PCT}",
                         line)  # fmt: skip
        assert m, line
        shown = [float(x) for x in m.groups()]
        assert shown[1] <= shown[0] <= shown[2], line
        ev, p = d.evidence, d.portfolio
        values = [ev.lead_rate, ev.lead_rate_low, ev.lead_rate_high, p.lead_rate]
        for (a, x), (b, y) in [((a, x), (b, y)) for a, x in zip(shown, values, strict=True)
                               for b, y in zip(shown, values, strict=True)]:  # fmt: skip
            assert a != b or x == y, line
        if "credibly below" in line:
            assert shown[2] < shown[3], line
        if "credibly above" in line:
            assert shown[1] > shown[3], line
        said = re.search(rf"lead rate {_PCT} vs {_PCT}", d.reasons[0])
        if said and "credibly below" in d.reasons[0]:
            assert float(said[1]) < float(said[2]), d.reasons[0]


def test_a_trend_past_its_threshold_never_reads_as_the_threshold() -> None:
    days = [calendar.monthrange(2026, m)[1] for m in range(1, 7)]  # (MONTHS)

    def rows(a_day: list[float]) -> list[dict[str, Any]]:
        # visits a day falling or rising by a step a month, leads 10 a day (a trend is read
        # from a month's visits a day: a month's days are no rise or fall)
        out = [{"channel": "x", "month": m, "visits": v * n, "leads": 10 * n}
               for m, v, n in zip(MONTHS, a_day, days, strict=True)]  # fmt: skip
        return out + [
            {**r, "channel": "linkedin", "visits": 330 * n} for r, n in zip(out, days, strict=True)
        ]

    falling = {d.channel: d for d in gr.decide_channels(rows([350 - 6.8 * i for i in range(6)]))}
    # it read "Declining: visits -2 % ... one falling by more than 2 %"
    assert falling["x"].reasons[0].startswith("Declining: visits -2.04 % and leads 0 % a month")
    rising = [330 + 33.15 * (i - 2.5) for i in range(6)]
    d = {x.channel: x for x in gr.decide_channels(rows(rising))}
    assert d["x"].reasons[0] == "Visits rising 10.04 % a month (above 10 %): keep working on it."


# -- followers recorded in some months ------------------------------------------------------


def test_followers_not_recorded_are_not_a_fall_to_zero() -> None:
    rows = [{"channel": "instagram", "month": m, "visits": 1000, "leads": 10} for m in MONTHS]
    for r, f in zip(rows, (1000, 1100, 1200), strict=False):
        r["followers"] = f
    rows += [{"channel": "linkedin", "month": m, "visits": 1000, "leads": 30} for m in MONTHS]
    ig = {d.channel: d for d in gr.decide_channels(
        rows, channels=[gr.Channel("instagram", role="brand_awareness")])}["instagram"]  # fmt: skip
    # it read the three months without followers as 0: trend -45 %, "does not fulfil its
    # role", and reduce
    assert ig.evidence.role_metric_trend is not None and ig.evidence.role_metric_trend > 0
    assert ig.evidence.fulfils_role is True and ig.decision is gr.Decision.KEEP
    assert "followers, engagements or reach recorded in 3 of 6 months" in ig.evidence.quality[-1]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.booleans(), min_size=6, max_size=6).filter(lambda r: sum(r) >= 2),
    st.integers(100, 5000),
    st.integers(1, 300),
)
def test_growing_followers_fulfil_an_awareness_role_whichever_months_were_recorded(
    recorded: list[bool], start: int, step: int
) -> None:
    rows = [{"channel": "instagram", "month": m, "visits": 1000, "leads": 10} for m in MONTHS]
    for i, (r, has) in enumerate(zip(rows, recorded, strict=True)):
        if has:
            r["followers"] = start + step * i
    rows += [{"channel": "linkedin", "month": m, "visits": 1000, "leads": 30} for m in MONTHS]
    out = gr.decide_channels(rows, channels=[gr.Channel("instagram", role="brand_awareness")])
    ig = {d.channel: d for d in out}["instagram"]
    assert ig.evidence.role_metric_trend is not None and ig.evidence.role_metric_trend > 0
    assert ig.evidence.fulfils_role is True


def test_a_share_that_is_not_zero_never_reads_0_percent() -> None:
    rows = [{"channel": "x", "month": m, "visits": 1, "leads": 1} for m in MONTHS[:3]]
    rows += [{"channel": "linkedin", "month": m, "visits": 2000, "leads": 30} for m in MONTHS]
    x = {d.channel: d for d in gr.decide_channels(rows)}["x"]
    # it read "Few visits (0 % of the channels judged)" for 3 visits of 6,003 (in its
    # three months)
    assert x.reasons[0].startswith("Few visits (0.05 % of the channels judged)")
    assert "3 visits (0.05 % of the channels judged)" in " ".join(x.reasons)
    assert not any("(0 % of" in r for r in x.reasons)


# -- a month under way ----------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 27),
    st.floats(0.0, 1.0),
    st.lists(st.sampled_from(["x", "linkedin", "instagram"]), min_size=1, unique=True),
)
def test_a_month_under_way_is_left_out_with_a_note_never_read_as_a_fall(
    day: int, part: float, partial: list[str]
) -> None:
    """Rows of July 2026 on 2026-07-DAY (its visits and leads so far: a part of a
    month's) change no decision, on the row path or the book path, and a note names the
    month left out; it read as "Declining", reduce."""
    rows = steady("x", 900, 20) + steady("linkedin", 1000, 40) + steady("instagram", 1200, 12)
    today = gr.parse_date(f"2026-07-{day:02d}")
    so_far = [
        {"channel": ch, "month": "2026-07", "visits": 1000 * part, "leads": 20 * part}
        for ch in partial
    ]
    whole = gr.decide_channels(rows, today=today)
    under_way = gr.decide_channels(rows + so_far, today=today)
    assert [(d.channel, d.decision) for d in under_way] == [(d.channel, d.decision) for d in whole]
    assert not whole.notes
    assert any("2026-07" in n and "left out" in n for n in under_way.notes)
    book = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows + so_far]), today=today
    )
    assert dict(zip(book["channel"], book["decision"], strict=True)) == {
        d.channel: d.decision.value for d in whole
    }


def test_on_a_month_s_last_day_the_month_is_over() -> None:
    rows = steady("x") + steady("linkedin")
    done = gr.decide_channels(rows, today=gr.parse_date("2026-06-30"))
    assert not done.notes and done[0].evidence.months == 6
    mid = gr.decide_channels(rows, today=gr.parse_date("2026-06-29"))
    assert mid[0].evidence.months == 5 and "2026-06" in mid.notes[0]


def test_the_command_line_judges_as_of_today_by_default(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --today, `goalrules channels` leaves out the real month under way (and a
    month after it), saying so on stderr."""
    import datetime as dt
    import io

    from goalrules.cli import main

    first = dt.date.today().replace(day=1)
    months = [gr.add_months(first, -k) for k in range(6, -2, -1)]  # 6 over, this, next
    path = tmp_path / "perf.csv"
    path.write_text(
        "month,channel,visits,leads\n"
        + "".join(f"{m:%Y-%m},linkedin,1000,30\n{m:%Y-%m},x,900,20\n" for m in months),
        encoding="utf-8",
    )
    out = io.StringIO()
    assert main(["channels", str(path), "--format", "json"], out=out) == 0
    said = capsys.readouterr().err
    assert f"{months[-1]:%Y-%m}" in said and "left out" in said
    assert out.getvalue().count('"months": 6') >= 2


def test_a_book_names_the_months_it_leaves_out_as_one_account_does(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """`goalrules channels BOOK.csv --today 2026-07-10` left July out of a book without a
    word (one account's file says "the rows of 2026-07 are left out: ..."); it names it
    now, in the same words, and decide_channels_table gives the note to a caller's list."""
    import io

    from goalrules.cli import main

    rows = [*steady("x", 900, 20), *steady("linkedin", 1000, 40)]
    rows += [
        {"channel": ch, "month": "2026-07", "visits": 300, "leads": 6} for ch in ("x", "linkedin")
    ]
    today = gr.parse_date("2026-07-10")
    one = gr.decide_channels(rows, today=today)
    notes: list[str] = []
    decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows]), today=today, notes=notes
    )
    assert notes == list(one.notes) and "2026-07" in notes[0]
    path = tmp_path / "book.csv"
    path.write_text(
        "account,month,channel,visits,leads\n"
        + "".join(f"a,{r['month']},{r['channel']},{r['visits']},{r['leads']}\n" for r in rows),
        encoding="utf-8",
    )
    assert main(["channels", str(path), "--today", "2026-07-10"], out=io.StringIO()) == 0
    assert f"goalrules: note: {one.notes[0]}" in capsys.readouterr().err


# -- one channel's spend is no benchmark for itself --------------------------------------


def _falling(name: str, **extra: Any) -> list[dict[str, Any]]:
    """A channel losing 10 % of its visits and leads a month, converting at 0.5 %."""
    return [{"channel": name, "month": m, "visits": 2000 * 0.9**i, "leads": 10 * 0.9**i, **extra}
            for i, m in enumerate(MONTHS)]  # fmt: skip


def test_the_only_paid_channel_is_not_called_cheap_against_itself() -> None:
    """It read "its leads cost 35.29 USD / lead against the portfolio's 35.29 USD / lead:
    reduce rather than cut": the portfolio's cost was that channel's own."""
    rows = _falling("facebook", spend=300) + steady("linkedin", leads=60)
    out = gr.decide_channels(rows)
    facebook = {d.channel: d for d in out}["facebook"]
    assert out.portfolio is not None and out.portfolio.cost_per_lead is None
    assert facebook.rule != "reduce.declining-not-costly"
    said = " ".join(facebook.reasons)
    assert "portfolio's" not in said.split("lead rate")[0]  # no cost compared
    assert "no other channel's spend recorded to compare its cost with" in said
    book_reads_as_rows(rows)
    # a second paid channel is a benchmark: the portfolio's cost is theirs together
    rows2 = _falling("facebook", spend=300) + steady("linkedin", leads=60, spend=600)
    out2 = gr.decide_channels(rows2)
    assert out2.portfolio is not None
    assert out2.portfolio.cost_per_lead == pytest.approx(
        (6 * 300 + 6 * 600) / (sum(10 * 0.9**i for i in range(6)) + 6 * 60)
    )
    book_reads_as_rows(rows2)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.booleans(), min_size=3, max_size=3),
    st.lists(st.integers(1, 900), min_size=3, max_size=3),
)
def test_a_portfolio_cost_is_a_benchmark_only_of_two_paid_channels_or_more(
    paid: list[bool], spends: list[int]
) -> None:
    """Whichever channels are paid and whatever they spend: the portfolio's cost per lead
    is known exactly when two channels or more have their spend recorded, and no channel
    is told its cost is in line with (or above) a portfolio that is itself alone."""
    names = ("facebook", "linkedin", "instagram")
    rows: list[dict[str, Any]] = []
    for name, has, spend in zip(names, paid, spends, strict=True):
        rows += _falling(name, spend=spend) if has else steady(name, leads=30)
    out = gr.decide_channels(rows)
    assert out.portfolio is not None
    assert (out.portfolio.cost_per_lead is not None) is (sum(paid) >= 2)
    if sum(paid) < 2:
        for d in out:
            assert not any("portfolio's" in r and "cost" in r.split("portfolio's")[1][:40]
                           for r in d.reasons)  # fmt: skip
    book_reads_as_rows(rows)


# -- two values the same but for rounding read the same -----------------------------------


def test_values_the_same_but_for_rounding_are_not_shown_to_eight_decimals() -> None:
    """Two channels falling 10 % a month at a lead rate of 0.5 %: visits and leads trends
    of the same ratios (the last bit apart), a rate of 0.004999999999999999 against the
    portfolio's 0.005. It read "visits -10.41064199 % and leads -10.41064199 % ... lead
    rate 0.5 % vs 1.10624775 %" and "95 % CI 0.37607033 %-0.66449687 %" on the row path,
    "0.4 %-0.7 %" on the table path."""
    rows = _falling("facebook") + _falling("linkedin") + steady("instagram")
    said = " ".join(book_reads_as_rows(rows)["facebook"].reasons)
    assert "visits -10.2 % and leads -10.2 % a month" in said
    assert "lead rate 0.5 % vs 1.1 %" in said
    assert "lead rate 0.5 % (95 % CI 0.4 %-0.7 %)" in said
    rows = [r for n in ("facebook", "linkedin", "instagram") for r in _falling(n, spend=1)]
    said = " ".join(book_reads_as_rows(rows)["facebook"].reasons)
    assert "95 % CI 0.4 %-0.7 %), not credibly different from the portfolio's 0.5 %" in said


@settings(max_examples=40, deadline=None)
@given(st.floats(0.5, 0.97), st.floats(0.002, 0.2), st.integers(500, 50_000))
def test_trends_of_the_same_ratios_read_the_same(fall: float, rate: float, start: int) -> None:
    """Visits and leads falling by the same ratio a month have one trend, at the
    portfolio's lead rate: the decision says so ("reduce.declining") and shows the trend
    the same for both, with one decimal, however its last bits fell."""
    falling = [{"channel": "x", "month": m, "visits": start * fall**i,
                "leads": start * rate * fall**i} for i, m in enumerate(MONTHS)]  # fmt: skip
    rows = falling + steady("linkedin", visits=1000, leads=1000 * rate)
    d = {d.channel: d for d in gr.decide_channels(rows)}["x"]
    assert d.rule == "reduce.declining"
    shown = re.search(r"visits (\S+ %) and leads (\S+ %)", d.reasons[0])
    assert shown is not None and shown[1] == shown[2]
    assert re.fullmatch(r"-\d+(\.\d)? %", shown[1])
