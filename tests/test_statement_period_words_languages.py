"""A target's period as each language writes it.

Before, each of these read the target as a total, the period dropped without a word:
Tagalog "linggo-linggo" (weekly), "taun-taon" (yearly), "buwanan" (monthly), "tuwing
buwan" (every month), "bawat araw" (every day, which the pack gives as "per days"), "isang
beses sa isang buwan" (once a month); Malay "tiap bulan", "tiap-tiap bulan", "saban
bulan", "hari-hari"; Welsh "yn fisol", "yn flynyddol", "yn ddyddiol" (mutated after
"yn"); Greek "τον χρόνο" (a year), "το τρίμηνο" (a quarter). Arabic "بالشهر" (a month)
read "by the month", this month's end as the deadline. "every Monday", Tagalog "tuwing
Lunes" read 500 leads in all. A period goalrules does not read ("dwimingguan", every two
weeks; "ανά δεκαπενθήμερο", a fortnight; "setiap hari bekerja", each working day) is
said, as English "biweekly" is. Greek "του χρόνου απάντησης" (of the response time) read
"next year"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 15)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Makakuha ng 500 bagong followers linggo-linggo", "500 followers / week"),
        ("Makakuha ng 500 leads taun-taon", "500 leads / year"),
        ("Makakuha ng 500 leads buwanan", "500 leads / month"),
        ("Makakuha ng 500 leads tuwing buwan", "500 leads / month"),
        ("Makakuha ng 500 leads bawat araw", "500 leads / day"),
        ("Makakuha ng 500 leads isang beses sa isang buwan", "500 leads / month"),
        ("Dapatkan 500 prospek tiap bulan", "500 leads / month"),
        ("Dapatkan 500 prospek tiap-tiap bulan", "500 leads / month"),
        ("Dapatkan 500 prospek saban minggu", "500 leads / week"),
        ("Dapatkan 50 prospek hari-hari", "50 leads / day"),
        ("Cael 500 o ddilynwyr newydd yn fisol", "500 followers / month"),
        ("Cael 500 o ddilynwyr newydd yn flynyddol", "500 followers / year"),
        ("Cael 500 o ddilynwyr newydd yn ddyddiol", "500 followers / day"),
        ("Αποκτήστε 500 leads τον χρόνο", "500 leads / year"),
        ("Αποκτήστε 500 leads το τρίμηνο", "500 leads / quarter"),
        ("الحصول على 500 عميل محتمل بالشهر", "500 leads / month"),
        ("الحصول على 50 عميل محتمل باليوم", "50 leads / day"),
    ],
)
def test_the_period_of_a_target(statement: str, target: str) -> None:
    goal = read(statement).goal
    assert goal.target is not None and goal.target.means(target), goal.target
    assert goal.deadline is None


@pytest.mark.parametrize(
    "statement",
    [
        "Dapatkan 500 prospek dwimingguan",
        "Dapatkan 50 prospek setiap hari bekerja",
        "Αποκτήστε 500 leads ανά δεκαπενθήμερο",
        "Makakuha ng 500 leads tuwing Lunes",
        "Get 500 leads every Monday",
        "Get 500 new followers each Friday",
        "Get 500 new followers on Fridays",
    ],
)
def test_a_period_not_read_is_said(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.target is None
    assert any("period goalrules does not read" in note for note in reading.notes), reading.notes


def test_a_comparison_with_last_month_stays_one() -> None:
    """ "مقارنة بالشهر الماضي" (compared with last month) is no period of the target."""
    reading = read("زيادة المبيعات 20% مقارنة بالشهر الماضي")
    assert reading.goal.target is None and reading.goal.deadline is None


@pytest.mark.parametrize(
    "statement",
    [
        "Μείωση του χρόνου απάντησης στο Facebook κάτω από 2 ώρες",
        "Μειώστε τον χρόνο απάντησης στο Facebook κάτω από 2 ώρες",
    ],
)
def test_the_time_of_a_reply_is_no_year(statement: str) -> None:
    goal = read(statement).goal
    assert goal.metric == "average_response_time" and goal.deadline is None
    assert goal.target is not None and goal.target.means("2 hours")


@given(
    n=st.integers(2, 90_000),
    unit=st.sampled_from(["day", "week", "month", "quarter", "year"]),
    per=st.sampled_from(["per", "every", "each"]),
)
def test_a_plural_after_per_is_the_period(n: int, unit: str, per: str) -> None:
    """ "per days" (a pack's plural noun after its "per") reads as "per day"."""
    plural = read(f"Get {n:,} leads {per} {unit}s").goal.target
    single = read(f"Get {n:,} leads {per} {unit}").goal.target
    assert plural is not None and single is not None
    assert plural.means(f"{n} leads / {unit}") and single.means(f"{n} leads / {unit}")


@given(
    n=st.integers(2, 90_000),
    day=st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]),
    each=st.sampled_from(["every {}", "each {}", "on {}s"]),
)
def test_a_weekday_again_is_no_total(n: int, day: str, each: str) -> None:
    """A target each Monday is never read as one total."""
    reading = read(f"Get {n:,} leads {each.format(day)}")
    assert reading.goal.target is None
    assert reading.notes
