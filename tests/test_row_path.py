"""The row path of channel decisions, made quick, says what the straightforward one says.

Each quick piece is held against a plain reference kept here: the evidence against a
measure written the obvious way (every month's rows summed, every pairwise slope
listed, the Wilson bounds with their min/max), Theil-Sen of months in order against
the median of all pairwise slopes, a rule passed over for lacking a fact against its
careful three-valued outcome, and a rule's fast code (which reads a field used again
at its top) against its careful code. Numbers are compared by ``repr``: bit for bit.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import math
import random
import statistics
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import first_open_month
from goalrules.engine.needs import lacking, lacks, needed
from goalrules.engine.results import _PASS
from goalrules.judgments.channel_evidence import Portfolio, channel_evidence
from goalrules.judgments.channel_measures import fulfils_role as _fulfils_role
from goalrules.judgments.stats import (
    UNROLLED_POINTS,
    theil_sen,
    theil_sen_at,
    theil_sen_increasing,
    wilson_interval,
)

SOCIAL = ("linkedin", "facebook", "x", "instagram", "tiktok")
_COLUMNS = ("visits", "leads", "customers", "spend", "hours", "social")
OTHER = ("google", "(direct)", "newsletter")


# -- the reference ---------------------------------------------------------------------


def _wilson(successes: float, trials: float, z: float = 1.96) -> tuple[float, float]:
    if trials <= 0:
        return (0.0, 1.0)
    p = min(1.0, max(0.0, successes / trials))
    n = trials
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


def _median_slope(xs: list[int], ys: list[float]) -> float:
    slopes = [(y2 - y1) / (x2 - x1)
              for (x1, y1), (x2, y2) in itertools.combinations(zip(xs, ys, strict=True), 2)
              if x2 != x1]  # fmt: skip
    return statistics.median(slopes) if slopes else 0.0


def _trend(months: list[dt.date], values: list[float]) -> float | None:
    if len(values) < 2:
        return None
    mean = sum(values) / len(values)
    if mean == 0:
        return 0.0
    return _median_slope([d.year * 12 + d.month for d in months], values) / mean


def _flow_trend(months: list[dt.date], values: list[float]) -> float | None:
    """The trend of visits (leads): of their values a day of each month, over their mean a
    day (their sum over the months' days)."""
    if len(values) < 2:
        return None
    days = [float(calendar.monthrange(d.year, d.month)[1]) for d in months]
    mean = sum(values) / sum(days)
    if mean == 0:
        return 0.0
    a_day = [v / n for v, n in zip(values, days, strict=True)]
    return _median_slope([d.year * 12 + d.month for d in months], a_day) / mean


def _rate(x: float, n: float) -> tuple[float | None, float | None, float | None]:
    if n <= 0:
        return None, None, None
    lo, hi = _wilson(min(x, n), n)
    return min(x, n) / n, lo, hi


def reference(
    rows: list[gr.ChannelMonth], channels: list[gr.Channel], today: dt.date | None
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Every channel's evidence and the portfolio, measured the obvious way."""
    # the months over by today: the month under way is not (its rows so far would read
    # as a fall), nor any after it
    rows = [r for r in rows if today is None or r.month < first_open_month(today)]
    info = {c.id: c for c in channels}
    names = sorted({r.channel for r in rows})  # (a channel named without rows: no data)
    every = {f: [] for f in ("visits", "leads", "customers")}  # type: ignore[var-annotated]
    months_of: dict[str, dict[dt.date, dict[str, float]]] = {}
    for name in names:
        by_month: dict[dt.date, dict[str, float]] = {}
        for r in rows:
            if r.channel != name:
                continue
            m = by_month.setdefault(r.month, dict.fromkeys(_COLUMNS, 0.0))
            if r.customers is None:  # not measured: the month's customers are unknown
                m["customers"] = math.nan
            for f in ("visits", "leads", "customers", "spend", "hours"):
                if getattr(r, f) is not None:
                    m[f] += getattr(r, f)
            social = next((v for v in (r.followers, r.engagements, r.reach) if v is not None), None)
            if social is not None:
                m["social"] += social
        months_of[name] = by_month
        for f in every:
            every[f] += [by_month[d][f] for d in sorted(by_month)]
    total: dict[str, Any] = {f: math.fsum(v) for f, v in every.items()}
    if math.isnan(total["customers"]):  # a month not measured anywhere: unknown, not partial
        total["customers"] = None

    def recorded(name: str, f: str) -> set[dt.date]:  # the months a column was recorded in
        # (by each row of the month: a row without spend beside one with it is not 0)
        given = {r.month for r in rows if r.channel == name and getattr(r, f) is not None}
        return given - {r.month for r in rows if r.channel == name and getattr(r, f) is None}

    def partly(name: str, f: str) -> set[dt.date]:  # the months some rows recorded it in
        given = {r.month for r in rows if r.channel == name and getattr(r, f) is not None}
        return given - recorded(name, f)

    # spend in some months of a channel and not others: unknown, out of the portfolio's cost
    paid = [n for n in names if recorded(n, "spend") == set(months_of[n]) and months_of[n]]
    paid_months = [m for n in paid for m in months_of[n].values()]
    spend = math.fsum(m["spend"] for m in paid_months)
    # the portfolio's cost: of the channels with a cost (spend recorded and not 0)
    costed = [n for n in paid if math.fsum(m["spend"] for m in months_of[n].values()) > 0]
    costed_months = [m for n in costed for m in months_of[n].values()]
    leads_paid = math.fsum(m["leads"] for m in costed_months)
    customers_paid = math.fsum(m["customers"] for m in costed_months)
    if total["customers"] is None:
        customers_paid = 0.0
    # a channel with a month of more leads than visits has no lead rate, and is left out
    # of the portfolio's
    over = {n for n, by in months_of.items() if any(m["leads"] > m["visits"] for m in by.values())}
    rated = [m for n, by in months_of.items() if n not in over for m in by.values()]
    rate_visits = math.fsum(m["visits"] for m in rated)
    rate = math.fsum(m["leads"] for m in rated) / rate_visits if rate_visits else None
    portfolio = {
        "channels": len(names), "visits": total["visits"], "leads": total["leads"],
        "customers": total["customers"], "spend": spend if paid else None,
        "lead_rate": min(rate, 1.0) if rate is not None else None,
        "customer_rate": (total["customers"] / total["leads"]
                          if total["leads"] and total["customers"] is not None else None),
        # (one paid channel is no benchmark for its own cost)
        "cost_per_lead": spend / leads_paid if spend and leads_paid and len(costed) > 1 else None,
        "cost_per_customer": (spend / customers_paid
                              if spend and customers_paid and len(costed) > 1 else None),
    }  # fmt: skip
    p = Portfolio(currency="USD", **portfolio)
    out = {}
    for name in names:
        by_month = months_of[name]
        months = sorted(by_month)
        col = {f: [by_month[d][f] for d in months] for f in _COLUMNS}
        visits, leads = sum(col["visits"]), sum(col["leads"])
        unknown = [d for d in months if math.isnan(by_month[d]["customers"])]
        customers = None if unknown or not months else sum(col["customers"])
        has = {f: any(r.channel == name and getattr(r, f) is not None for r in rows)
               for f in ("spend", "hours")}  # fmt: skip
        social_known = any(r.channel == name and (r.followers, r.engagements, r.reach)
                           != (None, None, None) for r in rows)  # fmt: skip
        full = {f: recorded(name, f) == set(months) for f in ("spend", "hours")}
        ch_spend = sum(col["spend"]) if has["spend"] and full["spend"] else None
        lead_rate, lo, hi = (None,) * 3 if name in over else _rate(leads, visits)
        cust_rate, clo, _ = _rate(customers, leads) if customers is not None else (None,) * 3
        ch = info.get(name)
        role = ch.role if ch else None
        # shares of the channels' visits and leads in the months the channel has rows
        every_month = {d for by in months_of.values() for d in by}
        own = [m for by in months_of.values() for d, m in by.items() if d in by_month]
        of_visits, of_leads, of_customers = (
            (total["visits"], total["leads"], total["customers"])
            if len(months) in (0, len(every_month))
            else (math.fsum(m["visits"] for m in own), math.fsum(m["leads"] for m in own),
                  math.fsum(m["customers"] for m in own))
        )  # fmt: skip
        visits_share = visits / of_visits if of_visits else None
        leads_share = leads / of_leads if of_leads else None
        visits_trend = _flow_trend(months, col["visits"])
        # recorded in some months only: the trend of those months (not recorded is not 0)
        social_months = [d for d in months if any(
            r.channel == name and r.month == d and (r.followers, r.engagements, r.reach)
            != (None, None, None) for r in rows)]  # fmt: skip
        # followers (a count at a date) as given; engagements or reach (a month's days'
        # counts) a day, as visits
        stock = any(r.channel == name and r.followers is not None for r in rows)
        social_trend = (
            (_trend if stock else _flow_trend)(
                social_months, [by_month[d]["social"] for d in social_months]
            )
            if social_known
            else None
        )
        campaigns = sorted({r.campaign for r in rows if r.channel == name and r.campaign})
        quality = []
        for r in rows:
            if r.channel != name:
                continue
            if r.leads > r.visits:
                quality.append(f"{r.month:%Y-%m}: {r.leads:g} leads from {r.visits:g} visits "
                               "(more leads than visits)")  # fmt: skip
            if r.customers is not None and r.customers > r.leads:
                quality.append(f"{r.month:%Y-%m}: {r.customers:g} customers from {r.leads:g} leads")
        if 0 < len(unknown) < len(months):
            quality.append(f"customers measured in {len(months) - len(unknown)} of {len(months)} "
                           "months: their total is unknown (not the sum of the months measured)")  # fmt: skip
        latest = max((max(by) for by in months_of.values() if by), default=None)
        if months and latest is not None and months[-1] < latest:
            since = (latest.year - months[-1].year) * 12 + latest.month - months[-1].month
            quality.append(f"no rows after {months[-1]:%Y-%m} while the channels judged run to "
                           f"{latest:%Y-%m}: its {'month' if since == 1 else f'{since} months'} "
                           "since are unknown (not 0), and its evidence reads the months given")  # fmt: skip
        if months and len(months) < len(every_month):
            quality.append(f"rows in {len(months)} of the {len(every_month)} months of the "
                           "channels judged: its shares of their visits, leads and customers are of "
                           f"its {len(months)} months (a month without rows is not 0)")  # fmt: skip
        spent, some = recorded(name, "spend"), partly(name, "spend")
        if (spent or some) and len(spent) < len(months):
            rows_only = (f" ({len(some)} more in some of their rows only: a row without spend "
                         "is not 0)" if some else "")  # fmt: skip
            quality.append(f"spend recorded in {len(spent)} of {len(months)} months{rows_only}: "
                           "its total and its cost per lead are unknown (not the sum of the "
                           "months recorded)")  # fmt: skip
        if social_known and len(social_months) < len(months):
            quality.append(f"followers, engagements or reach recorded in {len(social_months)} "
                           f"of {len(months)} months: their trend reads those months only (a "
                           "month not recorded is not 0)")  # fmt: skip
        camp = []
        for c in campaigns:
            mine = [r for r in rows if r.channel == name and r.campaign == c]
            sums: list[Any] = [0.0, 0.0, 0.0]
            for r in mine:
                sums[0] += r.visits
                sums[1] += r.leads
                sums[2] += math.nan if r.customers is None else r.customers
            if math.isnan(sums[2]):
                sums[2] = None
            camp.append(
                (c, *sums, *((None,) * 3 if sums[1] > sums[0] else _rate(sums[1], sums[0])))
            )
        out[name] = {
            "months": len(months), "visits": visits, "leads": leads, "customers": customers,
            "spend": ch_spend,
            "hours": sum(col["hours"]) if has["hours"] and full["hours"] else None,
            "visits_share": visits_share, "leads_share": leads_share, "lead_rate": lead_rate,
            "lead_rate_low": lo, "lead_rate_high": hi, "customer_rate": cust_rate,
            "customer_rate_low": clo,
            "cost_per_lead": ch_spend / leads if ch_spend and leads else None,
            "cost_per_customer": ch_spend / customers if ch_spend and customers else None,
            "visits_trend": visits_trend, "leads_trend": _flow_trend(months, col["leads"]),
            "role_metric_trend": social_trend,
            "fulfils_role": None if role is None else _fulfils_role(
                role, visits_share, visits_trend, lead_rate_low=lo, leads_share=leads_share,
                customers=customers, customer_rate_low=clo, role_metric_trend=social_trend,
                portfolio=p, role_share=0.15,
                customers_of=None if of_customers is None or math.isnan(of_customers)
                else of_customers),
            "campaigns": camp, "quality": quality,
        }  # fmt: skip
    return out, portfolio


# -- books -------------------------------------------------------------------------------


def _count() -> st.SearchStrategy[float]:
    # (fractions in hundredths: a count of 1e-300 visits is no count, and its Wilson
    # interval divides by its square)
    return st.one_of(st.integers(0, 5000).map(float), st.integers(1, 500_000).map(lambda i: i / 100),
                     st.just(0.0))  # fmt: skip


@st.composite
def books(draw: st.DrawFn) -> tuple[list[gr.ChannelMonth], list[gr.Channel], dt.date | None]:
    """Rows in any order: several rows of a month (campaigns, mediums), channels of one
    month, gaps between months, optional columns missing (None, never 0) or set, and
    sources that are not social channels."""
    rows = []
    names = draw(st.lists(st.sampled_from(SOCIAL + OTHER), min_size=1, max_size=5, unique=True))
    for name in names:
        # a month twice: its campaigns or mediums
        months = draw(st.lists(st.integers(0, 30), min_size=1, max_size=14))
        for m in months:
            row: dict[str, Any] = {
                "channel": name, "month": dt.date(2024 + m // 12, m % 12 + 1, 1),
                "visits": draw(_count()), "leads": draw(_count()),
                "customers": None if draw(st.integers(0, 5)) == 0 else draw(_count()),
            }  # fmt: skip
            for f in ("spend", "hours", "followers", "engagements", "reach"):
                if draw(st.integers(0, 4)) == 0:
                    row[f] = draw(_count())
            if draw(st.integers(0, 3)) == 0:
                row["campaign"] = draw(st.sampled_from(["spring", "launch"]))
            if draw(st.integers(0, 3)) == 0:
                row["medium"] = draw(st.sampled_from(["organic", "paid"]))
            rows.append(gr.ChannelMonth(**row))
    # several rows of a month, each its own campaign or medium (the same channel, month,
    # medium and campaign twice is a DataError, never summed: test_channels)
    keyed = {(r.channel, r.month, r.medium, r.campaign): r for r in reversed(rows)}
    rows = draw(st.permutations(list(keyed.values())))
    roles = draw(st.lists(
        st.builds(gr.Channel, st.sampled_from((*SOCIAL, "youtube")),
                  role=st.sampled_from([None, "traffic", "leads", "conversions", "awareness"]),
                  formats_tried=st.sampled_from([(), ("video",), ("video", "live")])),
        max_size=3, unique_by=lambda c: c.id))  # fmt: skip
    today = draw(st.sampled_from([None, dt.date(2025, 6, 1)]))
    return list(rows), roles, today


# -- the tests ---------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(books())
def test_the_evidence_is_the_straightforward_measures(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel], dt.date | None],
) -> None:
    rows, channels, today = book
    evidence, portfolio = channel_evidence(rows, channels=channels, today=today)
    want, want_portfolio = reference(rows, channels, today)
    assert sorted(evidence) == sorted(want)
    for name, ev in evidence.items():
        got = {k: getattr(ev, k) for k in want[name] if k not in ("campaigns", "quality")}
        assert repr(got) == repr({k: v for k, v in want[name].items()
                                  if k not in ("campaigns", "quality")}), name  # fmt: skip
        campaigns = [(c.campaign, c.visits, c.leads, c.customers, c.lead_rate, c.lead_rate_low,
                      c.lead_rate_high) for c in ev.campaigns]  # fmt: skip
        assert repr(campaigns) == repr(want[name]["campaigns"])
        assert sorted(ev.quality) == sorted(want[name]["quality"])
    assert repr({k: getattr(portfolio, k) for k in want_portfolio}) == repr(want_portfolio)


@settings(max_examples=60, deadline=None)
@given(books())
def test_decisions_name_the_rule_every_rule_evaluated_names(
    book: tuple[list[gr.ChannelMonth], list[gr.Channel], dt.date | None],
) -> None:
    """The quick decision (rules that lack a fact passed over) is the full report's."""
    rows, channels, today = book
    for all_sources in (False, True):
        for d in gr.decide_channels(rows, channels=channels, today=today, all_sources=all_sources):
            full = d.report
            assert d.rule == (full.decided_by.rule_id if full.decided_by else None)


_FIELDS = {  # the channel ruleset's facts, with values a fact may take (None: missing)
    "channel.months": st.sampled_from([None, 1.0, 4.0]),
    "channel.formats": st.sampled_from([None, 0.0, 3.0]),
    "channel.visits_trend": st.sampled_from([None, -0.5, 0.0, 0.3]),
    "channel.leads_trend": st.sampled_from([None, -0.5, 0.0, 0.3]),
    "channel.lead_rate_high": st.sampled_from([None, 0.01, 0.2]),
    "channel.fulfils_role": st.sampled_from([None, True, False]),
    "portfolio.lead_rate": st.sampled_from([None, 0.05]),
}


def _comparisons() -> st.SearchStrategy[str]:
    numbers = [f for f in _FIELDS if f != "channel.fulfils_role"]
    return st.one_of(
        st.builds(lambda a, op, b: f"{a} {op} {b}", st.sampled_from(numbers),
                  st.sampled_from(["<", "<=", ">", ">="]), st.sampled_from(numbers)),
        st.builds(lambda a, op, n: f"{a} {op} {n} %", st.sampled_from(numbers),
                  st.sampled_from(["<", ">="]), st.sampled_from(["-2", "0", "10"])),
        st.builds(lambda a, b, c: f"{a} < {b} < {c}", *[st.sampled_from(numbers)] * 3),
        st.builds(lambda a, m: f"{a} is {m}", st.sampled_from(list(_FIELDS)),
                  st.sampled_from(["set", "missing"])),
        st.just("channel.fulfils_role"),
    )  # fmt: skip


checks = st.recursive(
    _comparisons(),
    lambda inner: st.one_of(
        st.builds(lambda a, op, b: f"({a} {op} {b})", inner, st.sampled_from(["and", "or"]), inner),
        st.builds(lambda a: f"not ({a})", inner),
    ),
    max_leaves=6,
)


@settings(max_examples=150, deadline=None)
@given(checks, st.one_of(st.none(), checks), st.data())
def test_a_rule_that_lacks_what_it_needs_does_not_pass(
    check: str, guard: str | None, data: st.DataObject
) -> None:
    text = (
        "ruleset t\nrule r\n  decision keep  priority 1\n"
        + (f"  when {guard}\n" if guard else "")
        + f'  check {check}\n  says "r"\n'
    )
    rules = gr.load_rules(text)
    rule = rules.rules[0]
    needs = needed(rule)
    for _ in range(8):
        facts: dict[str, Any] = {"channel": {}, "portfolio": {}}
        for path, values in _FIELDS.items():
            fact, field = path.split(".")
            facts[fact][field] = data.draw(values)
        env = rules._numbers(facts)
        careful, _ = rule.careful_code(env, None)
        assert rule._fast(env, None) == careful  # fast code reads a reused field first
        if lacks(env, needs):
            assert careful != _PASS, (text, env)
        assert lacking(needs)(env) == lacks(env, needs)
        decided = rules.decide(env)
        report = rules.evaluate(env)
        assert (decided.id if decided else None) == (
            report.decided_by.rule_id if report.decided_by else None
        )


_SPECIAL = [0.0, -0.0, 5e-324, 1e308, -1e308, math.inf, -math.inf, math.nan]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, UNROLLED_POINTS + 12),
    st.integers(-1000, 30_000),
    st.booleans(),
    st.data(),
)
def test_theil_sen_of_months_in_order_is_theil_sen(
    n: int, start: int, gaps: bool, data: st.DataObject
) -> None:
    if gaps:
        steps = data.draw(st.lists(st.integers(1, 3), min_size=n, max_size=n))
        xs = list(itertools.accumulate(steps, initial=start))[:n]
    else:
        xs = list(range(start, start + n))
    ys = data.draw(st.lists(st.one_of(st.floats(-1e6, 1e6), st.integers(0, 10**6),
                                      st.sampled_from(_SPECIAL)), min_size=n, max_size=n))  # fmt: skip
    want = repr(theil_sen(xs, ys))
    assert repr(theil_sen_increasing(xs, ys)) == want
    if n:
        assert repr(theil_sen_at(xs)(ys)) == want


@given(
    st.one_of(st.floats(allow_nan=True), st.sampled_from(_SPECIAL)),
    st.one_of(st.floats(0, 1e9), st.sampled_from(_SPECIAL)),
    st.sampled_from([1.96, 1.0, 2.5758]),
)
def test_the_wilson_interval_is_the_formula_with_its_min_and_max(
    successes: float, trials: float, z: float
) -> None:
    def outcome(fn: Any) -> str:
        try:
            return repr(fn(successes, trials, z))
        except ArithmeticError as exc:
            return type(exc).__name__

    assert outcome(wilson_interval) == outcome(_wilson)


def test_the_benchmark_book_decides_as_before() -> None:
    """The book ``benchmarks/performance.py`` times: its decisions, rules and evidence."""
    rnd = random.Random(4)
    rows = [gr.ChannelMonth(channel=ch, month=f"2025-{m:02d}", visits=rnd.randint(100, 5000),
                            leads=rnd.randint(0, 100), customers=rnd.randint(0, 20))
            for ch in SOCIAL for m in range(1, 13)]  # fmt: skip
    decisions = gr.decide_channels(rows, today=dt.date(2026, 1, 1))
    want, _ = reference(rows, [], dt.date(2026, 1, 1))
    for d in decisions:
        assert repr(d.evidence.visits_trend) == repr(want[d.channel]["visits_trend"])
        assert d.rule == (d.report.decided_by.rule_id if d.report.decided_by else None)


def test_a_field_read_again_after_a_short_circuit_needs_no_careful_code(
    monkeypatch: Any,
) -> None:
    """``a < x and b <= 0 or (b < x and a <= 0)`` reads ``b`` first where ``a < x`` may
    cut the ``and`` short: the fast code reads ``b`` at its top, so it finds it there."""
    from goalrules.engine.results import Rule

    rules = gr.load_rules(
        "ruleset t\nrule declining\n  decision reduce  priority 1\n"
        "  check (channel.visits_trend < -2 % and channel.leads_trend <= 0 %) or "
        '(channel.leads_trend < -2 % and channel.visits_trend <= 0 %)\n  says "d"\n'
    )
    careful_calls = []
    careful = Rule.careful_code

    def counted(self: Rule, *args: Any, **kwargs: Any) -> Any:
        careful_calls.append(self.id)
        return careful(self, *args, **kwargs)

    monkeypatch.setattr(Rule, "careful_code", counted)
    for visits, leads, want in (
        (0.1, -0.5, None),
        (-0.5, -0.1, "declining"),
        (0.0, -0.5, "declining"),
    ):
        env = {"channel": {"visits_trend": visits, "leads_trend": leads}}
        decided = rules.decide(env)
        assert (decided.id if decided else None) == want
    assert careful_calls == []
    # a rule lacking what it needs to pass is not evaluated at all
    assert needed(rules.rules[0]) == (("channel", ("visits_trend", "leads_trend")),)
    assert rules.decide({"channel": {"visits_trend": None, "leads_trend": -0.5}}) is None
    assert careful_calls == []
