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
