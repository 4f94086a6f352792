"""Targets that read confidently wrong before: a scale written short ("1.5 mln", "3 K",
"$3 grand") read as its bare number, "mil" (a million, or a thousand?) as its bare number,
"improve" a cost or a time read as a rise of it, "reduce ... 3x" as a tripling, a cut of
more than all of a cost, and a target set for a period the catalog has no word for
("biweekly", "semi-annually") read as a total. Each is now read as meant, or not read,
with a note."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


SCALES = [
    ("million", 10**6), ("mln", 10**6), ("mio", 10**6), ("mn", 10**6), ("M", 10**6),
    ("billion", 10**9), ("bn", 10**9), ("bln", 10**9), ("bil", 10**9), ("B", 10**9),
    ("thousand", 1000), ("thou", 1000), ("k", 1000), ("K", 1000),
]  # fmt: skip


@given(
    st.integers(1, 99),
    st.sampled_from(["", ".5", ".25"]),
    st.sampled_from(SCALES),
    st.sampled_from(["", " "]),
    st.sampled_from([("followers", "followers"), ("impressions", "impressions")]),
)
def test_a_scale_written_short_or_apart_is_the_scale(
    n: int, part: str, scale: tuple[str, int], space: str, noun: tuple[str, str]
) -> None:
    words, factor = scale
    space = " " if len(words) > 1 and words not in ("mn", "bn") else space
    said = f"Reach {n}{part}{space}{words} {noun[0]} on TikTok by June 2027"
    target = read(said).goal.target
    assert target is not None and target.means(f"{float(f'{n}{part}') * factor:g} {noun[1]}")


@given(st.integers(1, 99), st.sampled_from(["$", "£", "€"]))
def test_grand_is_a_thousand_of_money(n: int, sign: str) -> None:
    code = {"$": "USD", "£": "GBP", "€": "EUR"}[sign]
    target = read(f"Make {sign}{n} grand in sales from Instagram by June 2027").goal.target
    assert target is not None and target.means(f"{n * 1000} {code}")


@given(st.integers(1, 99), st.sampled_from(["", ".5"]), st.sampled_from(["mil", "mil.", "mils"]))
def test_mil_is_a_million_or_a_thousand_and_not_read(n: int, part: str, mil: str) -> None:
    reading = read(f"Reach {n}{part} {mil} followers on Instagram by June 2027")
    assert reading.goal.target is None and "target" in reading.not_understood
    assert any("could be" in note and "million" in note and "thousand" in note
               for note in reading.notes)  # fmt: skip


def test_welsh_mil_is_still_a_thousand() -> None:
    reading = read("Cyrraedd 10 mil o ddilynwyr ar Instagram erbyn diwedd 2027")
    assert reading.goal.target is not None and reading.goal.target.means("10000 followers")


LOWER_BETTER = ["average response time", "cost per lead", "CPC", "bounce rate", "CPA"]
HIGHER_BETTER = ["CTR", "LinkedIn followers", "leads", "engagement rate", "video views"]
BETTER_VERBS = ["Improve", "Optimise", "Optimize", "Enhance", "Improving", "Speed up", "Accelerate"]


@given(
    st.sampled_from(BETTER_VERBS),
    st.sampled_from([(m, "-") for m in LOWER_BETTER] + [(m, "+") for m in HIGHER_BETTER]),
    st.integers(1, 90),
)
def test_improve_goes_the_way_the_metric_is_better(
    verb: str, metric: tuple[str, str], n: int
) -> None:
    words, sign = metric
    reading = read(f"{verb} our {words} on Facebook by {n}% by June 2027")
    assert str(reading.goal.target) == f"{sign}{n}%"
    points = read(f"{verb} {words} by {n} percentage points by June 2027").goal.target
    if words in ("bounce rate", "CTR", "engagement rate"):
        assert points is not None and points.means(f"{sign}{n} percentage_point")


@given(st.sampled_from(BETTER_VERBS), st.integers(1, 90))
def test_improve_with_no_metric_read_is_no_signed_target(verb: str, n: int) -> None:
    reading = read(f"{verb} our Instagram presence by {n}% by June 2027")
    assert reading.goal.target is None
    assert any("says better, not up or down" in note for note in reading.notes)


@given(
    st.sampled_from(["Reduce", "Cut", "Lower", "Decrease"]),
    st.sampled_from(LOWER_BETTER),
    st.integers(2, 10),
    st.sampled_from(["{n}x", "by {n}x", "{n} times", "by {n} times"]),
)
def test_a_multiple_of_a_cut_is_not_read(verb: str, metric: str, n: int, shape: str) -> None:
    reading = read(f"{verb} {metric} on LinkedIn {shape.format(n=n)} by June 2027")
    assert reading.goal.target is None
    assert any("with a cut does not say where it leads" in note for note in reading.notes)
    grown = read(f"Grow LinkedIn leads {shape.format(n=n)} by June 2027").goal.target
    assert str(grown) == f"x{n}"


@given(
    st.sampled_from(["Reduce", "Cut", "Lower"]),
    st.sampled_from(LOWER_BETTER),
    st.integers(1, 400),
)
def test_a_cut_is_of_at_most_all(verb: str, metric: str, n: int) -> None:
    reading = read(f"{verb} {metric} on LinkedIn by {n}% by June 2027")
    if n <= 100:
        assert str(reading.goal.target) == f"-{n}%"
    else:
        assert reading.goal.target is None
        assert any("more than all of it" in note for note in reading.notes)


ODD_PERIODS = [
    "biweekly", "bi-weekly", "bimonthly", "bi-monthly", "fortnightly", "every two weeks",
    "every 2 weeks", "every other month", "every other week", "semi-annually",
    "semiannually", "bi-annually", "half-yearly", "twice a month", "twice a week",
    "a fortnight", "per fortnight", "every three months",
]  # fmt: skip


@given(
    st.integers(2, 5000),
    st.sampled_from([("leads", "lead"), ("visits", "visit"), ("new followers", "follower")]),
    st.sampled_from(ODD_PERIODS),
)
def test_a_period_with_no_catalog_word_is_no_target(
    n: int, noun: tuple[str, str], period: str
) -> None:
    reading = read(f"Get {n:,} {noun[0]} from LinkedIn {period}")
    assert reading.goal.target is None and "target" in reading.not_understood
    assert any("for a period goalrules does not read" in note for note in reading.notes)
    weekly = read(f"Get {n:,} {noun[0]} from LinkedIn a week").goal.target
    assert weekly is not None and weekly.means(f"{n} {noun[1]} / week")


@given(
    st.sampled_from(["Raise", "Increase", "Boost", "Reduce", "Lower", "Cut"]),
    st.sampled_from(["CTR", "engagement rate", "bounce rate", "conversion rate"]),
    st.integers(1, 40),
)
def test_a_bare_percent_of_a_rate_after_a_verb_is_not_read(verb: str, rate: str, n: int) -> None:
    reading = read(f"{verb} {rate} on LinkedIn {n}% by June 2027")
    assert reading.goal.target is None
    assert any(f'("to {n}%") or the change' in note for note in reading.notes)
    to = read(f"{verb} {rate} on LinkedIn to {n}% by June 2027").goal.target
    assert to is not None and to.means(f"{n}%")
    by = read(f"{verb} {rate} on LinkedIn by {n}% by June 2027").goal.target
    assert by is not None and str(by)[0] in "+-" and by.means(f"{str(by)[0]}{n}%")


@given(
    st.integers(1, 9),
    st.booleans(),
    st.sampled_from([("thousand", 1000), ("million", 10**6), ("billion", 10**9)]),
)
def test_n_and_a_half_of_a_scale_is_n_point_5_of_it(
    n: int, in_words: bool, scale: tuple[str, int]
) -> None:
    words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"][n - 1]
    said = f"Reach {words if in_words else n} and a half {scale[0]} views on YouTube by June 2027"
    target = read(said).goal.target
    assert target is not None and target.means(f"{(n + 0.5) * scale[1]:g} views")


@given(
    st.integers(-100, 99),
    st.integers(1, 100),
    st.booleans(),
    st.sampled_from(["Raise", "Improve", "Grow"]),
)
def test_a_signed_number_after_to_or_from_is_a_level(
    a: int, more: int, plus: bool, verb: str
) -> None:
    """ "Improve NPS from -10 to +20" read +20 points (a change: to +10) as the target."""
    b = min(a + more, 100)
    written = f"+{b}" if plus and b > 0 else str(b)
    reading = read(f"{verb} NPS from {a} to {written} by June 2027")
    if b < 0:  # a level below zero: no text target holds it
        assert reading.goal.target is None
        assert any("level below zero" in note for note in reading.notes)
    else:
        assert reading.goal.target is not None
        assert reading.goal.target.means(f"{b} percentage_point")
        assert reading.goal.baseline is not None and reading.goal.baseline.magnitude == a


@given(
    st.sampled_from(["Lower", "Reduce", "Decrease", "Cut"]),
    st.sampled_from(["unsubscribe rate", "churn", "unfollow rate", "bounce rate"]),
    st.integers(2, 90),
    st.integers(1, 89),
)
def test_where_a_cut_starts_is_a_level_not_a_cut(verb: str, rate: str, a: int, b: int) -> None:
    """ "Lower unsubscribe rate from 3% to 1%" read a start of -3 %."""
    b = min(b, a - 1)
    reading = read(f"{verb} {rate} from {a}% to {b}% by June 2027")
    assert reading.goal.target is not None and reading.goal.target.means(f"{b}%")
    assert reading.goal.baseline is not None and reading.goal.baseline.magnitude == a


CHANNELS = [("Instagram", "instagram"), ("TikTok", "tiktok"), ("LinkedIn", "linkedin"),
            ("Facebook", "facebook"), ("YouTube", "youtube"), ("Pinterest", "pinterest")]  # fmt: skip


@given(
    st.lists(st.sampled_from(CHANNELS), min_size=3, max_size=4, unique=True),
    st.integers(1, 2),
    st.sampled_from(["not on", "except", "excluding", "other than", "but not"]),
    st.booleans(),
)
def test_a_channel_named_as_left_out_is_not_the_goals(
    named: list[tuple[str, str]], keep: int, word: str, left_first: bool
) -> None:
    """ "on TikTok, not Instagram" read both channels; "everywhere except LinkedIn" read
    LinkedIn; "all channels except X" all of them."""
    kept, left = named[:keep], named[keep:]
    on = " and ".join(w for w, _ in kept)
    off = " and ".join(w for w, _ in left)
    said = (
        f"Get 10k followers, {word} {off}, on {on} by June 2027"
        if left_first
        else f"Get 10k followers on {on}, {word} {off}, by June 2027"
    )
    reading = read(said)
    assert reading.goal.channels == tuple(c for _, c in kept)
    for w, _ in left:
        assert any(f'"{w}" is named as left out' in note for note in reading.notes)
    everywhere = read(f"Get 10k followers on all channels {word} {off} by June 2027")
    assert everywhere.goal.channel is None


@given(
    st.integers(10, 5000),
    st.integers(1, 500),
    st.sampled_from(["at {m} each", "at {m} per lead", "at {m} a lead", "for {m} apiece"]),
    st.booleans(),
)
def test_a_cost_a_unit_is_what_the_goal_works_with(
    n: int, cost: int, shape: str, first: bool
) -> None:
    """ "Get 200 leads at $25 each" read a target of $25 (no metric)."""
    money = shape.format(m=f"${cost}")
    said = (
        f"{money[0].upper()}{money[1:]}, get {n:,} leads from LinkedIn by June 2027"
        if first
        else f"Get {n:,} leads from LinkedIn {money} by June 2027"
    )
    reading = read(said)
    assert reading.goal.metric == "leads"
    assert reading.goal.target is not None and reading.goal.target.means(f"{n} leads")
    assert any("what the goal works with" in note for note in reading.notes)


@given(
    st.integers(2, 5),
    st.sampled_from(["Increase ROAS by {n}x", "Grow ROAS {n}x", "Boost ROAS by {n} times"]),
)
def test_a_multiple_of_a_ratio_after_a_verb_multiplies_it(n: int, shape: str) -> None:
    """ "Increase ROAS by 2x" read +2 (a change of the ratio); a ROAS named with its
    multiple ("a 4x ROAS", "to 5x", "from 2x to 4x") is still a level."""
    reading = read(f"{shape.format(n=n)} on Facebook by June 2027")
    assert str(reading.goal.target) == f"x{n}"
    level = read(f"Achieve a {n}x ROAS on Facebook by June 2027").goal.target
    assert level is not None and level.means(f"{n} ratio")
    to = read(f"Increase ROAS on Facebook from {n}x to {n + 2}x by June 2027").goal
    assert to.target is not None and to.target.means(f"{n + 2} ratio")


@given(
    st.sampled_from(
        [
            ("Reduce CPL", "conversion rate"),
            ("Grow revenue", "CPA"),
            ("Increase leads", "CTR"),
            ("Grow followers", "engagement rate"),
        ]
    ),
    st.sampled_from(["increasing", "improving", "cutting", "boosting", "lowering"]),
    st.integers(1, 60),
)
def test_an_amount_of_the_means_is_not_the_goals(
    goal_means: tuple[str, str], verb: str, n: int
) -> None:
    """ "Reduce CPL by increasing conversion rate 20%" read CPL -20 %."""
    goal, means = goal_means
    reading = read(f"{goal} by {verb} {means} {n}% by June 2027")
    assert reading.goal.target is None
    assert any("the means" in note for note in reading.notes)
    own = read(f"{goal} by {n}% by {verb} {means} by June 2027").goal.target
    assert own is not None and own.means(f"{'-' if 'Reduce' in goal else '+'}{n}%")


@given(
    st.integers(1000, 10**9),
    st.sampled_from(["'", "’", "_", ",", " "]),
    st.sampled_from(["views", "followers", "impressions"]),
)
def test_a_number_grouped_any_way_reads_the_same_target(n: int, sep: str, noun: str) -> None:
    """ "1'000'000" (Swiss grouping) and "1_000_000" read a target of 1."""
    grouped = f"{n:,}".replace(",", sep)
    target = read(f"Reach {grouped} {noun} on YouTube by June 2027").goal.target
    assert target is not None and target.means(f"{n} {noun}")


@given(
    st.integers(1, 40),
    st.sampled_from([(" 1/2", 0.5), (" 1/4", 0.25), (" 3/4", 0.75), (" and a half", 0.5)]),
    st.booleans(),
)
def test_a_whole_and_a_fraction_is_both(n: int, part: tuple[str, float], in_words: bool) -> None:
    """ "12 1/2%" read as a range "1-2 %" (12 lost), "twelve and a half percent" as 12 %."""
    words, value = part
    if in_words and words != " and a half":
        return
    written = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    number = written[n - 1] if in_words and n <= 10 else str(n)
    percent = " percent" if in_words or words == " and a half" else "%"
    target = read(f"Reach a {number}{words}{percent} engagement rate by June 2027").goal.target
    assert target is not None and target.means(f"{n + value:g}%")


@given(
    st.sampled_from([("a", 1), ("one", 1), ("two", 2), ("three", 3)]),
    st.sampled_from([("third", 100 / 3), ("quarter", 25), ("fifth", 20), ("tenth", 10)]),
    st.sampled_from(["Increase", "Grow", "Reduce", "Cut"]),
)
def test_by_a_share_is_that_percent(
    count: tuple[str, int], share: tuple[str, float], verb: str
) -> None:
    """ "by two thirds" read +2 followers, "by three quarters" as a deadline 3 quarters on."""
    whole = count[1] * share[1]
    plural = "s" if count[1] > 1 else ""
    reading = read(f"{verb} LinkedIn followers by {count[0]} {share[0]}{plural} by June 2027")
    sign = "-" if verb in ("Reduce", "Cut") else "+"
    assert reading.goal.target is not None and reading.goal.target.means(f"{sign}{whole:.4f}%")
    assert reading.goal.deadline == dt.date(2027, 6, 30)


@given(
    st.integers(2, 900),
    st.sampled_from(
        [
            "per hour",
            "per business day",
            "a working day",
            "per working week",
            "every weekend",
            "per shift",
            "per sprint",
        ]
    ),
)
def test_a_period_of_hours_or_working_days_is_no_total(n: int, period: str) -> None:
    """ "2 leads per hour", "10 leads per business day" read 2 and 10 leads in all."""
    reading = read(f"Get {n} leads from LinkedIn {period} by June 2027")
    assert reading.goal.target is None
    assert any("for a period goalrules does not read" in note for note in reading.notes)


@given(
    st.integers(2, 900),
    st.sampled_from(
        [
            "per rep",
            "per sales rep",
            "per campaign",
            "each ad",
            "per influencer",
            "per webinar",
            "per employee",
        ]
    ),
)
def test_an_amount_for_each_campaign_or_person_is_no_total(n: int, each: str) -> None:
    """ "100 leads per rep", "per campaign" read 100 leads in all."""
    reading = read(f"Get {n} leads from LinkedIn {each} by June 2027")
    assert reading.goal.target is None
    assert any("is an average" in note for note in reading.notes)


@given(st.integers(2, 900), st.sampled_from(["week", "month", "quarter"]), st.integers(2027, 2029))
def test_in_each_period_of_a_year_recurs_until_its_end(n: int, period: str, year: int) -> None:
    """ "500 leads in each quarter of 2027" read 500 leads in all, with no deadline."""
    reading = read(f"Get {n} leads from LinkedIn in each {period} of {year}")
    assert str(reading.goal.target) == f"{n} lead / {period}"
    assert reading.goal.deadline == dt.date(year, 12, 31)


@given(
    st.sampled_from(
        [
            ("Grow", "Instagram followers", "followers"),
            ("Increase", "LinkedIn leads", "leads"),
            ("Raise", "engagement rate", "%"),
            ("Cut", "cost per lead", "$"),
            ("Reduce", "bounce rate", "%"),
        ]
    ),
    st.integers(2, 9000),
    st.integers(1, 9000),
)
def test_a_verb_of_change_then_a_to_b_goes_from_a_to_b(
    said: tuple[str, str, str], a: int, more: int
) -> None:
    """ "Grow Instagram followers 4,000 to 6,000" read a range, its lower bound 4,000 the
    target; "cut CPL $40 to $25" read no start."""
    verb, metric, unit = said
    down = verb in ("Cut", "Reduce")
    if unit == "%":
        a, more = a % 90 + 2, more % 8 + 1
    lo, hi = (a, a + more) if not down else (a + more, a)
    if unit == "$":
        shown = (f"${lo:,}", f"${hi:,}")
    elif unit == "%":
        shown = (f"{lo}%", f"{hi}%")
    else:
        shown = (f"{lo:,}", f"{hi:,}")
    reading = read(f"{verb} {metric} {shown[0]} to {shown[1]} by June 2027")
    goal = reading.goal
    assert goal.target is not None and goal.baseline is not None, reading.notes
    assert goal.baseline.magnitude == lo
    assert not goal.target.is_relative and goal.target.amount.magnitude == hi
    ranged = read(f"Reach {min(lo, hi):,} to {max(lo, hi):,} leads by June 2027").goal.target
    assert ranged is not None and ranged.means(f"{min(lo, hi)} leads")


@given(
    st.integers(1, 500),
    st.sampled_from(
        [
            ("lead", "cost_per_lead", "lead"),
            ("click", "cost_per_click", "click"),
            ("sale", "cost_per_acquisition", "conversion"),
        ]
    ),
    st.sampled_from(
        ["Spend no more than {m} per {u}", "Keep cost under {m} a {u}", "Pay at most {m} per {u}"]
    ),
)
def test_money_a_unit_paid_is_that_cost(n: int, unit: tuple[str, str, str], shape: str) -> None:
    """ "Spend no more than $30 per lead" read a target of $30 of spend."""
    word, metric, counted = unit
    reading = read(shape.format(m=f"${n}", u=word) + " on LinkedIn in 2027")
    assert reading.goal.metric == metric
    assert reading.goal.target is not None
    assert reading.goal.target.means(f"{n} USD / {counted}")
    earned = read(f"Earn ${n} per {word} on LinkedIn in 2027").goal
    assert earned.target is None  # what a sale brings in, on average: no total


@given(
    st.integers(2, 90),
    st.sampled_from(["{n}%", "~{n}%", "about {n}%", "{n}-ish%", "{n}ish%", "roughly {n}%"]),
)
def test_a_hedged_percent_reads_as_the_percent(n: int, shape: str) -> None:
    """ "by 10-ish%" read +10 followers."""
    said = shape.format(n=n)
    target = read(f"Grow LinkedIn followers by {said} by June 2027").goal.target
    assert str(target) == f"+{n}%"


@given(
    st.sampled_from([("Double", "x2"), ("Triple", "x3"), ("Halve", "x0.5")]),
    st.sampled_from(
        [
            ("{n:,} LinkedIn followers", "{n} followers"),
            ("{n:,} monthly leads", "{n} leads / month"),
            ("${n:,} CPL", "{n} USD / lead"),
        ]
    ),
    st.integers(3, 90000),
)
def test_our_level_with_a_multiple_is_the_start(
    verb: tuple[str, str], level: tuple[str, str], n: int
) -> None:
    """ "Double our 200 monthly leads" read a target of 200 leads a month; "halve our $40
    CPL" a target of $40."""
    word, multiple = verb
    said, means = level
    reading = read(f"{word} our {said.format(n=n)} by June 2027")
    assert str(reading.goal.target) == multiple
    baseline = reading.goal.baseline
    assert baseline is not None and gr.Target.parse(str(baseline)).means(means.format(n=n))


@given(st.integers(1000, 9000), st.integers(1, 9000))
def test_our_level_then_a_level_goes_from_ours(a: int, more: int) -> None:
    reading = read(f"Grow our {a:,} Instagram followers to {a + more:,} by June 2027")
    assert reading.goal.target is not None and reading.goal.target.means(f"{a + more} followers")
    assert reading.goal.baseline is not None and reading.goal.baseline.magnitude == a


@given(
    st.sampled_from(
        [
            "Double LinkedIn followers",
            "Triple LinkedIn leads",
            "Grow LinkedIn leads 2x",
            "Grow LinkedIn followers 3x",
        ]
    ),
    st.sampled_from(["every year", "each quarter", "every month", "a year", "per quarter"]),
    st.integers(2027, 2030),
)
def test_a_multiple_each_period_compounds_and_is_no_target(
    said: str, period: str, year: int
) -> None:
    """ "Double followers every year until 2029" read x2 by 2029."""
    reading = read(f"{said} {period} until {year}")
    assert reading.goal.target is None
    assert any("compounds" in note for note in reading.notes)
    once = read(f"{said} by {year}").goal.target
    assert once is not None and str(once).startswith("x")


@given(
    st.sampled_from(["Phase", "Stage", "Step", "Milestone", "Sprint", "Wave", "Part"]),
    st.integers(1, 9),
    st.integers(2, 90),
)
def test_a_parts_number_is_no_amount(part: str, k: int, n: int) -> None:
    """ "Phase 1: 5k followers by March" read a target of 1 follower."""
    reading = read(f"{part} {k}: reach {n}k Instagram followers by June 2027")
    assert reading.goal.target is not None and reading.goal.target.means(f"{n * 1000} followers")


@given(
    st.integers(1, 40),
    st.integers(1, 20),
    st.sampled_from(["percent", "points", "percentage points"]),
)
def test_a_range_of_one_unit_after_a_verb_stays_a_range(lo: int, more: int, unit: str) -> None:
    """ "Grow engagement rate 2 to 3 points" is a change of 2 to 3 points (a range), never a
    start of 2 % and a change of +3 points."""
    hi = lo + more
    reading = read(f"Grow LinkedIn engagement rate {lo} to {hi} {unit} by June 2027")
    assert reading.goal.baseline is None
    target = reading.goal.target
    if unit == "percent":  # of a rate: to it, or by it? not read, and said
        assert target is None
        assert any("could be the level" in note for note in reading.notes)
    else:
        assert target is not None and target.means(f"+{lo} percentage_point")
        assert any("a range" in note for note in reading.notes)


@given(
    st.integers(10, 90),
    st.integers(1, 9),
    st.sampled_from(["or at least", "or at minimum", "or ideally"]),
)
def test_a_fallback_target_is_no_target_of_its_own(n: int, less: int, words: str) -> None:
    """ "Get 10k followers by June, or at least 8k" read 8k, with no word of the 10k."""
    reading = read(f"Get {n}k Instagram followers by June 2027, {words} {n - less}k")
    assert reading.goal.target is None
    assert any("offers a second target" in note for note in reading.notes)


@given(
    st.sampled_from(["churn", "discount", "off", "margin", "commission"]),
    st.integers(1, 60),
    st.sampled_from(["", "-", "+"]),
)
def test_a_share_of_something_else_is_no_target(word: str, n: int, sign: str) -> None:
    # "grow followers, -5% churn" read a target of followers -5 %, with no word
    r = gr.read_statement(f"Grow Instagram followers, {sign}{n}% {word}")
    assert r.goal.target is None
    assert any(f"a share of {word}" in note for note in r.notes)
    # beside the goal's own change, the goal's change is its target
    both = gr.read_statement(f"Grow Instagram followers by 20% with {n}% {word}")
    assert both.goal.target is not None and both.goal.target.text == "+20%"


@pytest.mark.parametrize(
    "statement",
    [
        "Treble our TikTok followers by next quarter",
        "We want to treble Instagram reach within 6 months",
        "Trebling LinkedIn leads in 2027",
        "Our aim: TikTok views trebled by the end of Q3 2027",
    ],
)
def test_treble_is_triple(statement: str) -> None:
    """British "treble" reads as "triple" does (it gave no target)."""
    start = dt.date(2026, 5, 1)
    treble = gr.read_statement(statement, start=start).goal
    triple = gr.read_statement(statement.replace("reb", "rip"), start=start).goal
    assert str(treble.target) == str(triple.target) == "x3"
    assert (treble.metric, treble.deadline) == (triple.metric, triple.deadline)


@given(
    percent=st.integers(5, 200),
    thousands=st.integers(2, 900),
    verb=st.sampled_from(["Grow Instagram followers", "Increase LinkedIn followers"]),
)
def test_a_change_then_a_level_reads_alike_in_any_number_format(
    percent: int, thousands: int, verb: str
) -> None:
    """ "Grow Instagram followers 50% to 15k" read a baseline of 50 % (of followers, a
    count) and "... 50% to 15,000" none: "50% to 15k" was taken for "from 50% to 15k".
    The level written short or in full reads the same: the target, no baseline."""
    start = dt.date(2026, 5, 1)
    short = gr.read_statement(f"{verb} {percent}% to {thousands}k by December", start=start)
    full = gr.read_statement(f"{verb} {percent}% to {thousands * 1000:,} by December", start=start)
    assert str(short.goal.target) == str(full.goal.target) == f"{thousands * 1000} follower"
    assert short.goal.baseline is None and full.goal.baseline is None


@given(
    st.integers(2, 500).map(lambda k: k * 100),
    st.integers(1, 100),
    st.sampled_from(["Starting at {a} followers, reach {b} by December",
                     "Starting from {a} followers, grow to {b} by December",
                     "Reach {b} followers by December, starting at {a}",
                     "From a base of {a} followers, get to {b} by December"]),
)  # fmt: skip
def test_where_the_goal_starts_is_its_baseline_not_its_target(
    a: int, more: int, shape: str
) -> None:
    """ "Starting at 2000 followers, reach 3000 by December" read a target of 2,000 and
    set 3000 aside: the number the goal starts at is its baseline, wherever it is said."""
    b = a + more * 100
    r = read(shape.format(a=f"{a:,}", b=f"{b:,}"))
    assert r.goal.target is not None and r.goal.target.amount.magnitude == b
    assert r.goal.baseline is not None and r.goal.baseline.magnitude == a


@given(
    st.integers(2, 500).map(lambda k: k * 100),
    st.integers(5, 90),
    st.sampled_from(["Grow followers by {p}% by June, we are at {a}",
                     "We are at {a} followers; grow them by {p}% by June",
                     "We're currently at {a} followers, grow by {p}% by June"]),
)  # fmt: skip
def test_a_change_beside_the_level_now_is_the_target_and_the_level_its_baseline(
    a: int, p: int, shape: str
) -> None:
    """ "Grow followers by 20% by June, we are at 5,000" read a target of 5,000 and set
    the 20 % aside: the change is the target, the level now where it starts."""
    r = read(shape.format(a=f"{a:,}", p=p))
    assert r.goal.target is not None and r.goal.target.text == f"+{p}%"
    assert r.goal.baseline is not None and r.goal.baseline.magnitude == a
