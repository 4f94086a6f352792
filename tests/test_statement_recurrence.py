"""A goal's recurrence, read the same in every form and language.

Before: ``read_recurrence("month")`` and ``("monthly")`` were ``None`` though a workspace's
``recurs = "month"`` reads as monthly; "50 leads monthly", "50 monthly leads" and "50
leads/month" did not recur though the statement reader read their target as 50 leads a
month; and a statement in Welsh, Malay, Greek, Tagalog or Arabic ("200 leads kada buwan",
"200 عميل محتمل شهريا") never recurred (the reviews and the SMART score read the
statement as written, in English words only)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.model.recurrence import PERIODS, Recurrence, read_recurrence

TODAY = dt.date(2026, 12, 4)
_ADVERB = {"week": "weekly", "month": "monthly", "quarter": "quarterly", "year": "yearly"}


@given(
    st.sampled_from(PERIODS),
    st.sampled_from(["{p}", "{ly}", "every {p}", "each {p}", "per {p}", "a {p}"]),
    st.sampled_from([str.lower, str.title, str.upper]),
)
def test_a_period_alone_reads_as_the_workspace_reads_it(period: str, form: str, case) -> None:  # type: ignore[no-untyped-def]
    """ "month", "monthly", "every month": what ``recurs = "month"`` reads as."""
    said = case(form.format(p=period, ly=_ADVERB[period]))
    found = read_recurrence(said)
    assert found is not None and found.period == Recurrence.parse(said).period == period


@given(
    st.integers(1, 90_000),
    st.sampled_from(["leads", "new followers", "website visits", "sales"]),
    st.sampled_from(PERIODS),
    st.sampled_from(["{n} {noun} {ly}", "{n} {ly} {noun}", "{n} {noun}/{p}", "{n} {noun} a {p}"]),
)
def test_a_rate_recurs_in_each_form(n: int, noun: str, period: str, form: str) -> None:
    said = "Get " + form.format(n=f"{n:,}", noun=noun, p=period, ly=_ADVERB[period])
    found = read_recurrence(f"{said} from LinkedIn")
    assert found is not None and found.period == period
    assert read_recurrence(f"{said} from LinkedIn by June 2027", deadline=True) is None


def test_monthly_active_users_are_a_level() -> None:
    assert read_recurrence("Reach 5,000 monthly active users on Discord") is None


@pytest.mark.parametrize(
    "statement",
    [
        "Get 200 leads a month from Facebook",
        "Cael 200 o ddarpar gwsmeriaid bob mis o Facebook",
        "Dapatkan 200 prospek sebulan dari Facebook",
        "200 δυνητικοί πελάτες κάθε μήνα από το Facebook",
        "Makakuha ng 200 leads kada buwan mula sa Facebook",
        "جذب 200 عميل محتمل شهريا من فيسبوك",
    ],
)
def test_a_monthly_goal_recurs_in_every_language(statement: str) -> None:
    """The statement reader reads 200 leads a month; the recurrence read from the same
    words, as the reviews and the SMART score read it, is monthly too."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.target is not None and reading.goal.target.means("200 leads / month")
    found = read_recurrence(statement, deadline=reading.goal.deadline is not None)
    assert found is not None and found.period == "month"


# "every week" in each language, with a deadline, and a word between the noun and "every"
_EVERY_WEEK = {
    "en": "Gain 500 new followers {at_least}every week on Instagram until March 2027",
    "cy": "Ennill {at_least}500 o ddilynwyr newydd bob wythnos ar Instagram erbyn Mawrth 2027",
    "ms": "Dapatkan {at_least}500 pengikut baharu setiap minggu di Instagram hingga Mac 2027",
    "el": "{at_least}500 νέοι ακόλουθοι κάθε εβδομάδα στο Instagram έως τον Μάρτιο 2027",
    "tl": "Makakuha ng {at_least}500 bagong followers bawat linggo sa Instagram hanggang Marso 2027",
    "ar": "الحصول على 500 متابع جديد {at_least}كل أسبوع على إنستغرام حتى مارس 2027",
}
_AT_LEAST = {
    "en": "at least ", "cy": "o leiaf ", "ms": "sekurang-kurangnya ", "el": "τουλάχιστον ",
    "tl": "hindi bababa sa ", "ar": "على الأقل ",
}  # fmt: skip


@given(st.sampled_from(sorted(_EVERY_WEEK)), st.booleans())
def test_every_week_recurs_in_every_language_with_a_deadline(lang: str, bounded: bool) -> None:
    """ "bob wythnos", "setiap minggu", "bawat linggo", "كل أسبوع" say every week, as
    "every week" and "κάθε εβδομάδα" do: the goal recurs though it has a deadline. They
    were read as "a week" (a rate that recurs only without a deadline), so the reviews and
    the SMART score judged 500 a week once, at the deadline, in four languages and weekly
    in two; the Arabic "على الأقل كل شهر" (at least, every month) did not recur at all."""
    statement = _EVERY_WEEK[lang].format(at_least=_AT_LEAST[lang] if bounded else "")
    goal = gr.read_statement(statement, start=TODAY).goal
    assert goal.deadline == dt.date(2027, 3, 31)
    assert goal.target is not None and goal.target.means("500 followers / week")
    found = read_recurrence(statement, deadline=True)
    assert found is not None and found.period == "week"


@pytest.mark.parametrize(
    ("statement", "period"),
    [
        ("Dapatkan 5000 prospek dari LinkedIn setiap tahun", "year"),
        ("Dapatkan 500 prospek dari LinkedIn setiap suku tahun", "quarter"),
        ("Makakuha ng 5000 leads mula sa LinkedIn kada taon", "year"),
        ("Makakuha ng 500 leads mula sa LinkedIn bawat quarter", "quarter"),
        ("الحصول على 500 عميل محتمل من لينكدإن فصليا", "quarter"),
        ("500 δυνητικοί πελάτες από το LinkedIn ανά εβδομάδα", "week"),
    ],
)
def test_a_period_in_each_language_is_read_and_recurs(statement: str, period: str) -> None:
    """Malay "setiap tahun" and Tagalog "kada taon" (every year) read "per years", Arabic
    "فصليا" (quarterly) was left unread: the target was a total, the period dropped
    without a word; Greek "από το LinkedIn ανά εβδομάδα" read 500 leads a week but did
    not recur ("the" counted among the words between the number and its period)."""
    reading = gr.read_statement(statement, start=TODAY)
    assert reading.goal.target is not None
    assert str(reading.goal.target).endswith(f"/ {period}"), reading.goal.target
    found = read_recurrence(statement, deadline=reading.goal.deadline is not None)
    assert found is not None and found.period == period
