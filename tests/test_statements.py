"""The statement reader on the corpus of goal statements (tests/data/statements.txt),
the phrasings of issue reports, and properties: what the reader gives never breaks a
judgment."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
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


# -- as people write them: what the reading assumed or flagged is said ------------------------


def notes_of(text: str, **kwargs: object) -> tuple[gr.StatementReading, str]:
    reading = gr.read_statement(text, start=START, **kwargs)  # type: ignore[arg-type]
    return reading, " | ".join(reading.notes)


def test_an_explicit_year_is_honoured_and_a_past_deadline_flagged() -> None:
    reading, notes = notes_of("Reach 2,000 leads by June 30, 2024")
    assert reading.goal.deadline == dt.date(2024, 6, 30)
    assert "this deadline has passed" in notes
    reading, notes = notes_of("Reach 2,000 leads by June 30, 2027")
    assert reading.goal.deadline == dt.date(2027, 6, 30) and not notes


def test_a_fiscal_year_takes_the_workspace_s_first_month_and_says_which() -> None:
    reading, notes = notes_of("Grow revenue by 10% by the end of Q3 FY27")
    assert reading.goal.deadline == dt.date(2027, 9, 30) and "calendar year" in notes
    reading, notes = notes_of("Grow revenue by 10% by the end of Q3 FY27", fiscal_year_start=7)
    assert reading.goal.deadline == dt.date(2027, 3, 31) and "starting in July" in notes
    assert gr.deadline("FY2027", start=START, fiscal_year_start=4) == dt.date(2027, 3, 31)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Double followers by 2027-02-29", "not a valid date"),
        ("Grow our followers on X by February 30", "not a valid date"),
        ("Add 500 followers in 99 years", "too far from the start"),
        ("Double Instagram followers by Prime Day", "changes each year"),
    ],
)
def test_an_impossible_deadline_is_not_understood_never_a_number(text: str, why: str) -> None:
    reading, notes = notes_of(text)
    assert reading.goal.deadline is None and "deadline" in reading.not_understood
    assert why in notes
    target = reading.goal.target
    assert target is None or target.is_relative  # never "-2 followers" or "30 followers"


@settings(max_examples=60, deadline=None)
@given(
    day=st.dates(min_value=dt.date(2027, 1, 1), max_value=dt.date(2030, 12, 31)),
    word=st.sampled_from(["by", "before", "until"]),
    shape=st.sampled_from(["{d} {month} {y}", "{d}{th} of {month} {y}", "{d}/{m}/{y}"]),
)
def test_the_article_before_a_day_changes_no_deadline(day: dt.date, word: str, shape: str) -> None:
    """'by the 31 December 2027' (as the Greek 'μέχρι τις 31 Δεκεμβρίου 2027' reads) is
    the deadline 'by 31 December 2027' is, never no deadline at all."""
    th = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
    when = shape.format(d=day.day, th=th, month=day.strftime("%B"), y=day.year, m=day.month)
    if "/" in when and day.day <= 12:
        return  # 05/06/2027 is ambiguous without the article too
    plain = gr.read_statement(f"Reach 2,000 followers on LinkedIn {word} {when}", start=START)
    the = gr.read_statement(f"Reach 2,000 followers on LinkedIn {word} the {when}", start=START)
    assert plain.goal.deadline == the.goal.deadline == day


def test_a_date_that_does_not_read_is_said_not_dropped() -> None:
    greek = gr.read_statement(
        "Αύξηση των ακολούθων στο Instagram σε 10.000 μέχρι τις 31 Δεκεμβρίου 2027", start=START
    )
    assert greek.goal.deadline == dt.date(2027, 12, 31)
    assert greek.goal.target is not None and float(greek.goal.target.amount.magnitude) == 10_000
    reading, notes = notes_of("Increase Instagram followers to 10,000 by the fall of 2027")
    assert reading.goal.deadline is None and "deadline" in reading.not_understood
    assert '"by the fall of 2027" names a date that could not be read' in notes
    assert reading.goal.target is not None  # the year is not read as an amount


@settings(max_examples=60, deadline=None)
@given(
    whole=st.integers(1, 999),
    part=st.integers(0, 999),
    noun=st.sampled_from(["followers on Facebook", "leads a month on LinkedIn", "visits"]),
)
def test_a_dot_before_three_digits_is_no_guess(whole: int, part: int, noun: str) -> None:
    """ "1.500 followers" is 1.5 in English and 1,500 as Greek or German write it: the
    target is left out and the note says how to write either, never 1.5 shown as fact."""
    dotted, notes = notes_of(f"Reach {whole}.{part:03d} {noun} by June 2027")
    assert dotted.goal.target is None and "target" in dotted.not_understood
    assert f"could be {float(f'{whole}.{part:03d}'):g} or {whole * 1000 + part:,}" in notes
    comma = gr.read_statement(f"Reach {whole},{part:03d} {noun} by June 2027", start=START)
    assert comma.goal.target is not None
    assert float(comma.goal.target.amount.magnitude) == whole * 1000 + part
    one = gr.read_statement(f"Reach {whole}.5 {noun} by June 2027", start=START)
    assert one.goal.target is not None  # one decimal: a decimal, as written


def test_retail_days_from_the_workspace(tmp_path: Path) -> None:
    reading, _ = notes_of(
        "Double Instagram followers by Prime Day", retail_days={"Prime Day": "2026-07-14"}
    )
    assert reading.goal.deadline == dt.date(2026, 7, 14)
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[workspace]\nfiscal_year_start = 7\nretail_days = { "prime day" = "2026-07-14" }\n\n'
        '[[goal]]\nid = "g"\nstatement = "Double Instagram followers by Prime Day"\n'
        'start = 2026-05-01\n\n[[goal]]\nid = "f"\nstart = 2026-05-01\n'
        'statement = "Grow revenue by 10% by the end of Q3 FY27"\n'
    )
    goals = {g.id: g for g in gr.load_workspace(ws).goals}
    assert goals["g"].deadline == dt.date(2026, 7, 14)
    assert goals["f"].deadline == dt.date(2027, 3, 31)
    ws.write_text("[workspace]\nfiscal_year_start = 13\n")
    with pytest.raises(GoalRulesError, match="fiscal_year_start"):
        gr.load_workspace(ws)


def test_a_range_keeps_both_bounds() -> None:
    reading, notes = notes_of("Grow Instagram followers by 5-10% in Q3")
    assert str(reading.goal.target) == "+5%"
    assert reading.understood["target"] == "5-10%" and "lower bound, 5, and 10 the upper" in notes


@pytest.mark.parametrize(
    "text",
    [
        "Increase visits from Facebook by 20% to 2026-12-31",
        "Increase visits from Facebook by 20% to 31/12/2026",
        "Grow leads from 10 to 2026-12-31",
    ],
)
def test_a_dates_numbers_are_no_bound_of_a_range(text: str) -> None:
    # "20% to 2026-12-31" is no range from 20 to 2026, nor "06-30" one from 6 to 30: the
    # target is read as written, or not at all
    reading, notes = notes_of(text)
    assert "a range" not in notes
    target = reading.goal.target
    assert target is None or target.means("+20%")


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Generate 5000 rupees in sales this month", "not clear"),
        ("Generate 5000 pesos in sales this month", "not clear"),
        ("Reach 5000 in revenue this month", "gives no currency"),
    ],
)
def test_money_whose_currency_cannot_be_named_is_not_read(text: str, why: str) -> None:
    reading, notes = notes_of(text)
    assert reading.goal.target is None and why in notes


def test_a_typo_is_read_with_a_note() -> None:
    reading, notes = notes_of("Grow Instagram folowers to 5,000 by Septmber")
    assert reading.goal.metric == "followers" and reading.goal.deadline == dt.date(2026, 9, 30)
    assert 'read "folowers" as "followers"' in notes and '"Septmber" as "September"' in notes


def test_a_long_statement_has_a_limit() -> None:
    from goalrules.model.statements import MAX_STATEMENT_LENGTH

    text = "Double our LinkedIn followers within six months. " * 2000  # 100 kB: read
    assert gr.read_statement(text, start=START).goal.deadline == dt.date(2026, 11, 1)
    with pytest.raises(GoalRulesError, match="200,000"):
        gr.read_statement("grow " * (MAX_STATEMENT_LENGTH // 5 + 1), start=START)


def test_read_lang_and_notes_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from goalrules.cli import main

    out = io.StringIO()
    argv = ["read", "Dyblu ein dilynwyr LinkedIn o fewn chwe mis", "--start", "2026-05-01",
            "--lang", "cy"]  # fmt: skip
    assert main(argv, out=out) == 0
    text = out.getvalue()
    assert "target     x2" in text and "Notes:" in text and "read as Welsh" in text
    assert main(["read", "Doubler nos abonnés LinkedIn en six mois"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "this looks like French" in err[0]


@settings(max_examples=100, deadline=None)
@given(
    year=st.integers(2015, 2035),
    month=st.integers(1, 12),
    day=st.integers(1, 31),
)
def test_a_date_is_read_as_written_or_not_at_all(year: int, month: int, day: int) -> None:
    """An ISO date in a statement: that date (flagged when past), or no deadline when the
    date cannot be; never a number read as the target."""
    text = f"Double our LinkedIn followers by {year:04d}-{month:02d}-{day:02d}"
    reading = gr.read_statement(text, start=START)
    try:
        when = dt.date(year, month, day)
    except ValueError:
        assert reading.goal.deadline is None
    else:
        assert reading.goal.deadline == when
        assert ("this deadline has passed" in " ".join(reading.notes)) == (when < START)
    assert str(reading.goal.target) == "x2"


@given(
    st.sampled_from(
        ["Facebook visits", "Instagram followers", "LinkedIn leads", "new subscribers"]
    ),
    st.integers(1, 400),
    st.sampled_from(["by the end of 2026", "by June 2026", "within six months", ""]),
)
def test_a_bare_percent_of_a_count_is_asked_about_never_read_as_a_level(
    metric: str, percent: int, deadline: str
) -> None:
    """'Facebook visits 20% by June': a rise of 20 % or a share? A count has no level in
    percent, so nothing is read as the target and a note says how to write it; with
    'up' or a sign it is the rise."""
    start = dt.date(2026, 1, 10)
    bare = gr.read_statement(f"{metric} {percent}% {deadline}", start=start)
    assert bare.goal.target is None
    assert any(f"+{percent}%" in n for n in bare.notes)
    for said in (f"{metric} up {percent}% {deadline}", f"{metric} +{percent}% {deadline}"):
        rise = gr.read_statement(said, start=start).goal.target
        assert rise is not None and rise.means(f"+{percent}%")


def test_a_percent_level_of_a_rate_is_still_read() -> None:
    start = dt.date(2026, 1, 10)
    goal = gr.read_statement("Engagement rate on Instagram 5% by June 2026", start=start).goal
    assert goal.target is not None and goal.target.means("5 %")


@given(st.integers(1_000, 10**9), st.sampled_from(["en_IN", "fr_FR", "sv_SE"]))
def test_numbers_grouped_in_lakhs_or_by_spaces_are_read_whole(n: int, locale: str) -> None:
    """'1,50,000' (India's grouping) and '10 000' (spaces, as Babel writes French or
    Swedish numbers) are the number they group, never its first group; a note says so."""
    from babel.numbers import format_decimal

    written = format_decimal(n, locale=locale)
    read = gr.read_statement(f"Reach {written} followers on Instagram by June 2026")
    assert read.goal.target is not None and read.goal.target.means(f"{n} follower")
    if written != f"{n:,}":
        assert any(f"as {n:,}" in note for note in read.notes)


@given(st.integers(1, 999), st.integers(1, 99), st.sampled_from(["", " million", "k", "%"]))
def test_a_decimal_comma_in_english_is_not_read(whole: int, part: int, suffix: str) -> None:
    """'1,5 million', '2,5%': a decimal comma (or a slip in a grouping) is no number as
    English writes one; no target is read from it, and a note says why."""
    written = f"{whole},{part}{suffix}"
    read = gr.read_statement(f"Reach {written} followers on TikTok by June 2026")
    assert read.goal.target is None
    named = written.removesuffix("%")  # a scale word is named with the number, a % is not
    assert any(f'"{named}" is no number' in note for note in read.notes)


@given(
    st.integers(1, 40),
    st.sampled_from(["a month", "per month", "each month", "month over month", "MoM", "weekly"]),
    st.integers(2, 12),
    st.sampled_from(["Grow", "Increase", "Cut"]),
)
def test_a_rate_a_period_is_no_target_and_the_note_gives_where_it_leads(
    percent: int, period: str, months: int, verb: str
) -> None:
    """'Grow followers by 5% a month until June' compounds: +5 % is not the target. No
    target is read, and the note gives the total the rate comes to by the deadline."""
    start = dt.date(2026, 1, 1)
    said = f"{verb} Instagram followers by {percent}% {period} within {months} months"
    read = gr.read_statement(said, start=start)
    assert read.goal.target is None
    note = next(n for n in read.notes if "is a rate a" in n)
    per = "week" if period == "weekly" else "month"
    periods = months if per == "month" else (read.goal.deadline - start).days / 7
    change = percent / 100 * (-1 if verb == "Cut" else 1)
    total = (1 + change) ** periods - 1
    assert (f"{total * 100:+.0f}%" if abs(total) < 10 else f"x{1 + total:.3g}") in note


@pytest.mark.parametrize(
    ("said", "target"),
    [("Cut churn on Instagram to under 5% by June", "5 %"),
     ("Reduce unfollows on Instagram to below 2% by June", "2 %"),
     ("Reduce Instagram unfollows by 2% by June", "-2%"),
     ("Lose no more than 2% of followers on X by June", "2 %"),
     ("Grow Instagram followers more than 10% by June", "+10%"),
     ("Reduce Instagram unfollows by at least 20% by June", "-20%")],
)  # fmt: skip
def test_to_under_a_percent_is_a_level_and_by_a_percent_a_change(said: str, target: str) -> None:
    goal = gr.read_statement(said, start=dt.date(2026, 1, 10)).goal
    assert goal.target is not None and goal.target.means(target)


@given(
    st.integers(2, 40),
    st.integers(50, 90_000),
    st.sampled_from(["campaigns", "webinars", "main channels", "carousel ads"]),
    st.booleans(),
)
def test_a_number_counting_something_else_is_not_the_target(
    n: int, m: int, things: str, first: bool
) -> None:
    """'Run 4 campaigns on LinkedIn to get 200 leads': the 4 counts campaigns, which no
    metric counts; the target is 200 leads, wherever each number stands."""
    said = (
        f"Run {n} {things} on LinkedIn to get {m:,} leads by June 2026"
        if first
        else f"Get {m:,} leads from LinkedIn with {n} {things} by June 2026"
    )
    goal = gr.read_statement(said, start=dt.date(2026, 1, 10)).goal
    assert goal.target is not None and goal.target.means(f"{m} lead")


def test_a_rank_is_no_target() -> None:
    read = gr.read_statement(
        "Reach top 3 in share of voice by June 2026", start=dt.date(2026, 1, 10)
    )
    assert read.goal.target is None


@pytest.mark.parametrize(
    "said", ["Collect 200 customer reviews by June", "Publish 10 customer stories on LinkedIn"]
)
def test_customer_reviews_and_stories_are_not_customers(said: str) -> None:
    """'200 customer reviews' counts reviews: no metric, never 200 customers."""
    assert gr.read_statement(said, start=dt.date(2026, 1, 10)).goal.metric is None


@given(
    st.integers(100, 10**7),
    st.sampled_from([("$", "USD"), ("€", "EUR"), ("£", "GBP")]),
    st.sampled_from(["Generate", "Generate an extra", "Bring in", "Gross"]),
    st.sampled_from(["Instagram", "LinkedIn", "TikTok"]),
)
def test_money_brought_in_is_revenue(n: int, money: tuple[str, str], verb: str, ch: str) -> None:
    goal = gr.read_statement(f"{verb} {money[0]}{n:,} from {ch} by June", start=START).goal
    assert goal.metric == "revenue"
    assert goal.target is not None and goal.target.means(f"{n} {money[1]}")


@given(
    st.integers(100, 10**6),
    st.sampled_from(["newsletter subscribers", "email subscribers", "e-mail list subscribers"]),
)
def test_an_email_lists_subscribers_are_no_followers(n: int, who: str) -> None:
    reading = gr.read_statement(f"Reach {n:,} {who} by June 2027", start=START)
    assert reading.goal.metric is None
    assert any("email list" in note for note in reading.notes)


@given(st.integers(1, 31), st.integers(1, 99), st.sampled_from(["Double", "Grow"]))
def test_a_number_with_a_slash_is_never_an_amount(a: int, b: int, verb: str) -> None:
    assume((a, b) != (24, 7))  # round the clock: no note
    reading = gr.read_statement(f"{verb} Instagram followers by {a}/{b}", start=START)
    target = reading.goal.target
    assert target is None if verb == "Grow" else target is not None and target.means("x2")
    assert any(f'"{a}/{b}"' in note for note in reading.notes)


@given(st.integers(1, 11), st.sampled_from(["day", "week", "month"]))
def test_in_n_periods_time_is_in_n_periods(n: int, unit: str) -> None:
    plain = gr.read_statement(f"Double followers in {n} {unit}s", start=START).goal
    timed = gr.read_statement(f"Double followers in {n} {unit}s' time", start=START).goal
    assert timed.deadline == plain.deadline is not None
    assert timed.target == plain.target


@given(
    st.integers(2, 10**6),
    st.sampled_from(["", "about ", "around ", "approx. ", "at least ", "more than ",
                     "up to ", "a minimum of ", "roughly "]),
    st.sampled_from(["Grow", "Increase"]),
)  # fmt: skip
def test_by_a_hedged_number_is_a_change_like_by_the_number(n: int, hedge: str, verb: str) -> None:
    plain = gr.read_statement(f"{verb} Instagram followers by {n:,} by June", start=START)
    hedged = gr.read_statement(f"{verb} Instagram followers by {hedge}{n:,} by June", start=START)
    assert hedged.goal.target == plain.goal.target
    assert hedged.goal.target is not None and hedged.goal.target.means(f"+{n} followers")


@given(st.integers(1, 10**6), st.integers(1, 10**6), st.sampled_from(["->", "=>", "\u2192"]))
def test_an_arrow_between_numbers_is_from_and_to(a: int, b: int, arrow: str) -> None:
    said = f"Instagram followers: {a:,} {arrow} {b:,} by June"
    # (no verb, as the arrow has none: "grow ... from 2 to 1" is said, not read)
    words = f"Instagram followers from {a:,} to {b:,} by June"
    arrowed, plain = (gr.read_statement(s, start=START).goal for s in (said, words))
    assert (arrowed.target, arrowed.baseline) == (plain.target, plain.baseline)


@given(
    st.integers(2, 10**5),
    st.sampled_from(["Don't lose more than", "Lose no more than", "Avoid losing more than",
                     "Don't lose over"]),
    st.booleans(),
)  # fmt: skip
def test_a_limit_on_a_loss_is_never_a_change(n: int, limit: str, percent: bool) -> None:
    """A count lost is no target (a floor under a level not given); a share lost, when the
    goal is about nothing else, is a level of that share (never a change)."""
    amount = f"{n}% of" if percent else f"{n:,}"
    reading = gr.read_statement(f"{limit} {amount} followers on X by June", start=START)
    if percent:
        assert reading.goal.target is not None and reading.goal.target.means(f"{n} %")
    else:
        assert reading.goal.target is None
        assert any("limits a loss" in note for note in reading.notes)


@given(st.integers(1, 2000), st.sampled_from(["basis points", "bps", "bp"]))
def test_basis_points_are_hundredths_of_a_point(n: int, word: str) -> None:
    said = f"Improve LinkedIn CTR by {n} {word} by June"
    points = f"Improve LinkedIn CTR by {n / 100:g} percentage points by June"
    assert gr.read_statement(said, start=START).goal.target == (
        gr.read_statement(points, start=START).goal.target
    )


@given(st.decimals(min_value=1, max_value=5, places=1), st.sampled_from(["csat", "CTR"]))
def test_a_bare_small_number_of_a_percentage_is_not_read(value: object, metric: str) -> None:
    reading = gr.read_statement(f"Raise {metric} on X to {value} by June", start=START)
    assert reading.goal.target is None
    assert any("is a percentage" in note for note in reading.notes)


@given(
    st.sampled_from([("half", 50), ("third", 33.3333), ("quarter", 25), ("fifth", 20)]),
    st.sampled_from([("Increase", 1), ("Cut", -1)]),
)
def test_by_a_share_is_that_percent_never_a_deadline(
    share: tuple[str, float], verb: tuple[str, int]
) -> None:
    reading = gr.read_statement(f"{verb[0]} LinkedIn leads by a {share[0]} by June", start=START)
    assert reading.goal.deadline == dt.date(2026, 6, 30)
    assert reading.goal.target is not None
    assert reading.goal.target.means(f"{verb[1] * share[1]:+g}%")


@given(
    st.lists(st.sampled_from(["LinkedIn", "Instagram", "TikTok", "Facebook"]), min_size=2,
             max_size=2, unique=True),
    st.integers(10, 10**5),
    st.integers(10, 10**5),
)  # fmt: skip
def test_a_target_for_each_channel_is_no_target_for_both(
    channels: list[str], a: int, b: int
) -> None:
    said = f"Grow {channels[0]} followers to {a:,} and {channels[1]} followers to {b:,} by June"
    reading = gr.read_statement(said, start=START)
    assert reading.goal.target is None
    assert any("its own target" in note for note in reading.notes)


@given(
    st.integers(10, 10**4),
    st.integers(10, 10**5),
    st.sampled_from(["With a ${m:,} budget, get {n:,} leads from Facebook by June",
                     "Get {n:,} leads from Facebook by June at a CPL under ${m:,}",
                     "Spend ${m:,} to get {n:,} leads from Facebook by June"]),
)  # fmt: skip
def test_what_a_goal_works_with_is_never_its_target(n: int, m: int, shape: str) -> None:
    goal = gr.read_statement(shape.format(n=n, m=m), start=START).goal
    assert goal.metric == "leads"
    assert goal.target is not None and goal.target.means(f"{n} leads")


@given(st.integers(100, 10**5), st.integers(100, 10**5))
def test_we_have_a_and_want_b_is_from_a_to_b(a: int, b: int) -> None:
    said = f"We have {a:,} followers on Instagram and want {b:,} by June"
    goal = gr.read_statement(said, start=START).goal
    assert goal.target is not None and goal.target.means(f"{b} followers")
    assert goal.baseline is not None and goal.baseline.magnitude == a


@given(
    st.integers(2, 10**6),
    st.sampled_from(["impressions", "views", "likes", "shares"]),
    st.sampled_from(["per post", "per video", "on each post", "a reel", "every tweet"]),
)
def test_an_amount_a_piece_of_content_is_no_total(n: int, noun: str, piece: str) -> None:
    reading = gr.read_statement(f"Get {n:,} {noun} {piece} on LinkedIn by June", start=START)
    assert reading.goal.target is None
    assert any("a piece of content" in note for note in reading.notes)


@given(
    st.lists(
        st.sampled_from(["followers", "leads", "visits", "conversions"]),
        min_size=2,
        max_size=2,
        unique=True,
    ),
    st.integers(1, 90),
    st.integers(1, 90),
)
def test_a_second_metrics_amount_is_a_second_goal(metrics: list[str], p: int, q: int) -> None:
    said = f"Increase LinkedIn {metrics[0]} by {p}% and {metrics[1]} by {q}% by June"
    reading = gr.read_statement(said, start=START)
    assert reading.goal.metric == gr.catalog[metrics[0]].key
    assert reading.goal.target is not None and reading.goal.target.means(f"+{p}%")
    assert any("second goal" in note for note in reading.notes)


@given(st.integers(2, 20), st.integers(1, 9), st.sampled_from(["follower", "lead", "visit"]))
def test_a_ratio_is_read_only_as_a_ratio_metrics(n: int, m: int, noun: str) -> None:
    said = f"Achieve a {n}:{m} {noun} ratio on X by June"
    reading = gr.read_statement(said, start=START)
    assert reading.goal.target is None
    assert any("is a ratio" in note for note in reading.notes)
    roas = gr.read_statement(f"Hit a {n}:1 ROAS on Facebook ads by June", start=START).goal
    assert roas.target is not None and roas.target.means(f"{n} ratio")


@given(
    st.integers(1, 98),
    st.integers(1, 50),
    st.sampled_from([("million", 10**6), ("thousand", 1000), ("M", 10**6), ("k", 1000)]),
    st.sampled_from(["-", " to ", " or "]),
)
def test_a_range_before_one_scale_is_at_that_scale(
    lo: int, more: int, scale: tuple[str, int], joint: str
) -> None:
    hi = lo + more
    spaced = " " if len(scale[0]) > 1 else ""
    said = f"Reach {lo}{joint}{hi}{spaced}{scale[0]} views on YouTube by June"
    goal = gr.read_statement(said, start=START).goal
    assert goal.target is not None and goal.target.means(f"{lo * scale[1]} views")


@given(st.dates(dt.date(2020, 1, 1), dt.date(2099, 12, 31)), st.booleans())
def test_a_date_as_one_number_is_never_an_amount(day: dt.date, month_first: bool) -> None:
    written = f"{day:%b}-{day:%d}" if month_first else f"{day:%Y%m%d}"
    reading = gr.read_statement(f"Double LinkedIn followers by {written}", start=START)
    assert reading.goal.target is not None and reading.goal.target.means("x2")
    assert any("reads as a date" in note for note in reading.notes)


@given(st.permutations([("double", "x2"), ("triple", "x3"), ("quadruple", "x4")]))
def test_two_multiples_offered_read_the_first_and_say_so(order: list[tuple[str, str]]) -> None:
    (first, x), (second, _), _ = order
    said = f"{first.capitalize()} or {second} our LinkedIn followers by June"
    reading = gr.read_statement(said, start=START)
    assert str(reading.goal.target) == x
    assert any("offers two targets" in note for note in reading.notes)


@given(st.integers(1, 90), st.sampled_from(["engagement rate", "CTR", "bounce rate"]))
def test_a_percent_change_of_a_rate_says_how_it_is_read(n: int, rate: str) -> None:
    reading = gr.read_statement(f"Increase {rate} on LinkedIn by {n}% by June", start=START)
    assert reading.goal.target is not None and reading.goal.target.means(f"+{n}%")
    assert any(f"{n} percentage points" in note for note in reading.notes)
    points = gr.read_statement(
        f"Increase {rate} on LinkedIn by {n} percentage points by June", start=START
    )
    assert not any("percentage points" in note for note in points.notes)


@given(st.sampled_from(["half a million", "half million", "a half million"]), st.booleans())
def test_half_a_million_is_half_a_million(words: str, grow: bool) -> None:
    said = f"Reach {words} views on YouTube by December"
    target = gr.read_statement(said, start=START).goal.target
    assert target is not None and target.means("500000 views")
    verb = "Increase" if grow else "Cut"
    halved = gr.read_statement(f"{verb} LinkedIn leads by half by June", start=START).goal
    assert str(halved.target) == ("+50%" if grow else "x0.5")
