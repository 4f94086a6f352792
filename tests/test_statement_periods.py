"""Deadlines that name two periods ("during Q1 and Q2 2027", "between January and March
2027") or a period whose year comes a few words on ("in Q2 of 2027", Greek "στο δεύτερο
τρίμηνο του 2027"): the goal is due when the later period ends, in the year written,
and two periods joined by "or", or in the wrong order, are no deadline at all."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import month_end, quarter_end

START = dt.date(2026, 5, 1)
YEARS = st.integers(2027, 2031)
ORDINALS = ["first", "second", "third", "fourth"]
GREEK_ORDINALS = ["πρώτο", "δεύτερο", "τρίτο", "τέταρτο"]
ARABIC_QUARTERS = ["الربع الأول", "الربع الثاني", "الربع الثالث", "الربع الرابع"]


def deadline_of(statement: str) -> dt.date | None:
    return gr.read_statement(statement, start=START).goal.deadline


@st.composite
def two_in_order(draw: st.DrawFn, top: int) -> tuple[int, int]:
    a = draw(st.integers(1, top))
    return a, draw(st.integers(a, top))


@given(two_in_order(4), YEARS, st.sampled_from(["and", "to", "through", "-", "&"]))
def test_two_quarters_end_with_the_later(qs: tuple[int, int], year: int, joint: str) -> None:
    a, b = qs
    said = f"Get 500 leads from LinkedIn during Q{a} {joint} Q{b} {year}"
    assert deadline_of(said) == quarter_end(year, b)


@given(two_in_order(4), YEARS)
def test_two_quarters_in_words_end_with_the_later(qs: tuple[int, int], year: int) -> None:
    a, b = qs
    said = f"Get 500 leads in the {ORDINALS[a - 1]} and {ORDINALS[b - 1]} quarters of {year}"
    assert deadline_of(said) == quarter_end(year, b)


@given(
    two_in_order(12),
    YEARS,
    st.sampled_from(["between {a} and {b} {y}", "from {a} to {b} {y}", "in {a}-{b} {y}"]),
    st.booleans(),
)
def test_two_months_end_with_the_later(
    months: tuple[int, int], year: int, shape: str, short: bool
) -> None:
    names = calendar.month_abbr if short else calendar.month_name
    a, b = (names[m] for m in months)
    said = "Get 500 leads from LinkedIn " + shape.format(a=a, b=b, y=year)
    assert deadline_of(said) == month_end(dt.date(year, months[1], 1))


@given(two_in_order(4), YEARS)
def test_two_quarters_joined_by_or_are_no_deadline(qs: tuple[int, int], year: int) -> None:
    a, b = qs
    reading = gr.read_statement(f"Grow followers to 5,000 in Q{a} or Q{b} {year}", start=START)
    assert reading.goal.deadline is None
    assert "deadline" in reading.not_understood
    assert any("two periods" in note for note in reading.notes)


@given(st.integers(2, 4), YEARS)
def test_two_quarters_out_of_order_are_no_deadline(later: int, year: int) -> None:
    reading = gr.read_statement(f"Double followers by Q{later} {year} and Q1 {year}", start=START)
    assert reading.goal.deadline is None
    assert any("two periods" in note for note in reading.notes)


@given(st.integers(1, 4), YEARS)
def test_a_quarters_year_a_few_words_on_is_its_year(q: int, year: int) -> None:
    expected = quarter_end(year, q)
    assert deadline_of(f"Grow Instagram followers by 20% in Q{q} of {year}") == expected
    greek = f"Αύξηση των ακολούθων κατά 20% στο {GREEK_ORDINALS[q - 1]} τρίμηνο του {year}"
    assert deadline_of(greek) == expected
    arabic = f"زيادة المتابعين بنسبة 20% في {ARABIC_QUARTERS[q - 1]} من {year}"
    assert deadline_of(arabic) == expected


@given(st.integers(1, 12), YEARS)
def test_a_months_year_a_few_words_on_is_its_year(month: int, year: int) -> None:
    said = f"Grow Instagram followers by 20% by {calendar.month_name[month]} of {year}"
    assert deadline_of(said) == month_end(dt.date(year, month, 1))


def test_a_date_after_to_is_the_deadline() -> None:
    reading = gr.read_statement(
        "Increase Instagram engagement rate by 20% to 31/03/2027", start=START
    )
    assert reading.goal.deadline == dt.date(2027, 3, 31)
    assert reading.goal.target is not None and reading.goal.target.means("+20%")


def test_from_alone_is_no_deadline_and_no_period_from_numbers() -> None:
    assert deadline_of("Grow Instagram followers from January") is None
    reading = gr.read_statement("Grow X followers from 2000 to 3000 by June", start=START)
    assert reading.goal.deadline == dt.date(2026, 6, 30)
    assert reading.goal.target is not None and reading.goal.target.means("3000 followers")


def test_two_ordinals_with_no_quarter_are_left_alone() -> None:
    reading = gr.read_statement("Publish the first and second posts by March", start=START)
    assert reading.goal.deadline == dt.date(2027, 3, 31)


def test_each_packs_date_order_is_its_locales() -> None:
    from babel import Locale

    from goalrules.vocabulary.languages import language_packs

    for pack in language_packs().values():
        if pack.dayfirst is None:
            continue
        assert pack.locale is not None
        pattern = Locale.parse(pack.locale).date_formats["short"].pattern
        assert (pattern.index("d") < pattern.index("M")) == pack.dayfirst, pack.code


@given(st.integers(1, 12), st.integers(1, 12), YEARS)
def test_a_numeric_date_is_read_as_the_language_writes_it(a: int, b: int, year: int) -> None:
    said = {
        "cy": f"Cynyddu dilynwyr Instagram 20% erbyn {a}/{b}/{year}",
        "ms": f"Tingkatkan pengikut Instagram sebanyak 20% menjelang {a}/{b}/{year}",
        "el": f"Αύξηση των ακολούθων στο Instagram κατά 20% έως {a}/{b}/{year}",
        "tl": f"Pataasin ang followers sa Instagram ng 20% bago ang {a}/{b}/{year}",
        "en": f"Grow Instagram followers by 20% by {a}/{b}/{year}",
    }
    for code, text in said.items():
        reading = gr.read_statement(text, start=START)
        if code == "en" and a != b:  # English writes both orders: no date is guessed
            assert reading.goal.deadline is None
            continue
        day, month = (a, b) if code != "tl" else (b, a)
        assert reading.goal.deadline == dt.date(year, month, day), code
        assert (a != b) == any("first" in note for note in reading.notes), code


@given(st.integers(1, 99), st.integers(1, 12), st.integers(2024, 2026))
def test_an_unread_dates_phrase_keeps_the_target_before_it(p: int, month: int, year: int) -> None:
    said = (
        f"Increase Instagram followers by {p}% from the {calendar.month_name[month]} {year} level"
    )
    reading = gr.read_statement(said, start=START)
    assert reading.goal.target is not None and reading.goal.target.means(f"+{p}%")


@given(st.integers(1, 12), YEARS)
def test_a_date_no_phrase_leads_to_is_said(month: int, year: int) -> None:
    said = f"Instagram: 10k followers ({calendar.month_abbr[month]} {year})"
    reading = gr.read_statement(said, start=START)
    assert reading.goal.deadline is None
    assert any("names a date" in note for note in reading.notes)
    assert reading.goal.target is not None and reading.goal.target.means("10000 followers")


@given(st.sampled_from(["week", "day", "month"]), st.integers(1, 99))
def test_a_period_named_by_its_number_is_no_deadline(unit: str, n: int) -> None:
    reading = gr.read_statement(f"Reach 5,000 followers on X by {unit} {n}", start=START)
    assert reading.goal.deadline is None
    assert any("counts periods" in note for note in reading.notes)
    assert reading.goal.target is not None and reading.goal.target.means("5000 followers")


@given(st.integers(1, 11), st.sampled_from(["weeks", "months"]))
def test_for_n_periods_is_within_n_periods(n: int, unit: str) -> None:
    within = gr.read_statement(f"Grow LinkedIn followers by 20% within {n} {unit}", start=START)
    spanned = gr.read_statement(f"Grow LinkedIn followers by 20% for {n} {unit}", start=START)
    assert spanned.goal.deadline == within.goal.deadline is not None


NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]


@given(
    st.integers(1, 9),
    st.sampled_from(["weeks", "months", "years"]),
    st.sampled_from(["{n} and a half {unit}", "{w} and a half {unit}", "{n} {one} and a half"]),
    st.sampled_from(["within", "in", "over the next"]),
)
def test_and_a_half_is_half_a_period_more(n: int, unit: str, shape: str, lead: str) -> None:
    """ "a year and a half" read as a year, "two and a half years" as no deadline,
    without a note: now they are 1.5 and 2.5 years, as "within 1.5 years" is."""
    one = unit[:-1] if n == 1 else unit
    said = shape.format(n=n, w=NUMBER_WORDS[n - 1], unit=unit, one=one)
    said = said.replace("1 " + unit[:-1], "a " + unit[:-1]) if n == 1 else said
    written = deadline_of(f"Grow LinkedIn followers by 20% {lead} {said}")
    decimal = deadline_of(f"Grow LinkedIn followers by 20% within {n}.5 {unit}")
    assert written == decimal is not None and written > START


@given(
    st.sampled_from(["a few", "several", "a couple of", "the next few", "the next couple of"]),
    st.sampled_from(["days", "weeks", "months", "years"]),
    st.sampled_from(["within", "in", "over"]),
)
def test_a_duration_with_no_number_is_no_deadline(words: str, unit: str, lead: str) -> None:
    """ "within several weeks" read as 3 weeks, a guess shown as a date."""
    reading = gr.read_statement(f"Get 500 leads from LinkedIn {lead} {words} {unit}", start=START)
    assert reading.goal.deadline is None and "deadline" in reading.not_understood
    assert any("says when, but not as a date" in note for note in reading.notes)
    assert reading.goal.target is not None and reading.goal.target.means("500 leads")


@given(
    st.integers(1, 11),
    st.sampled_from(["weeks", "months", "quarters"]),
    st.sampled_from(["now", "today"]),
)
def test_n_periods_from_now_is_within_n_periods(n: int, unit: str, now: str) -> None:
    """ "500 leads a year from now" read 500 leads a year, with no deadline."""
    one = "a " + unit[:-1] if n == 1 else f"{n} {unit}"
    ahead = gr.read_statement(f"Get 500 leads from LinkedIn {one} from {now}", start=START)
    within = gr.read_statement(f"Get 500 leads from LinkedIn within {one}", start=START)
    assert ahead.goal.deadline == within.goal.deadline is not None
    assert str(ahead.goal.target) == str(within.goal.target) == "500 lead"
    assert ahead.goal.baseline is None


@given(
    st.sampled_from(["Starting", "Beginning", "Starting from"]),
    st.sampled_from(["in March", "next month", "in Q3", "in 2 months", "2 months from now"]),
    st.sampled_from([("by December 2027", dt.date(2027, 12, 31)), ("within 6 months", None)]),
)
def test_when_a_goal_starts_is_no_deadline(
    lead: str, when: str, due: tuple[str, dt.date | None]
) -> None:
    """ "Starting in March, ..." read March as the deadline; "starting 2 months from now"
    read 2 as a baseline; and "within 6 months" of a start the statement moves is no date."""
    said = f"{lead} {when}, get 200 leads a month from LinkedIn {due[0]}"
    reading = gr.read_statement(said, start=START)
    assert reading.goal.deadline == due[1]
    assert reading.goal.baseline is None
    assert str(reading.goal.target) == "200 lead / month"
    assert any("says when the goal starts" in note for note in reading.notes) or (
        lead == "Starting from"  # "from March" alone already says a start
    )


@given(
    st.sampled_from(
        [
            ("June", dt.date(2026, 6, 30)),
            ("Q3 2027", dt.date(2027, 9, 30)),
            ("the end of the year", dt.date(2026, 12, 31)),
        ]
    ),
    st.sampled_from([("Instagram", "instagram"), ("LinkedIn", "linkedin")]),
    st.integers(2, 900),
    st.sampled_from(
        [
            "Grow followers to {n}k on {c} by {d}",
            "By {d}, grow {c} followers to {n}k",
            "On {c}, grow followers to {n}k by {d}",
            "By {d}, on {c}, grow followers to {n}k",
            "By {d}: {n}k {c} followers",
            "{c} followers: {n}k by {d}",
        ]
    ),
)
def test_the_order_of_a_statements_parts_changes_nothing(
    due: tuple[str, dt.date], channel: tuple[str, str], n: int, shape: str
) -> None:
    """ "By June: 10k Instagram followers" read no deadline (the colon stuck to it)."""
    words, day = due
    reading = gr.read_statement(shape.format(d=words, c=channel[0], n=n), start=START)
    assert reading.goal.deadline == day
    assert reading.goal.channel == channel[1]
    assert reading.goal.target is not None and reading.goal.target.means(f"{n * 1000} followers")
