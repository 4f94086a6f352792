"""When a goal starts, written as marketers write it: "Starting at the beginning of
September, ... within 3 months", "Starting September 1, ...", "From September onwards,
...", "As of Q3, ..." (and the same in Malay, Tagalog, Welsh, Greek and Arabic). The
start was not read as one, so "within 3 months" was counted from the goal's start
(2026-08-01) with no note, and "Starting on 1 September 2026" gave a target of 1
follower. A length after a start the statement moves counts from a day goalrules does
not know: no deadline, and a note; a date the goal is due is read as written."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)

LEADS = ["Starting", "Beginning", "Commencing", "Effective"]
LINKS = ["", "at the beginning of ", "at the start of ", "from ", "on ", "as of "]
DATES = ["September", "September 1", "1 September 2026", "Q3", "next month", "July 2026"]


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START)


def starts(reading: gr.StatementReading) -> list[str]:
    return [note for note in reading.notes if "says when the goal starts" in note]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(LEADS),
    st.sampled_from(LINKS),
    st.sampled_from(DATES),
    st.sampled_from(["within 3 months", "over 6 months", "in 90 days"]),
    st.integers(5, 60),
)
def test_a_length_after_a_start_is_no_deadline(
    lead: str, link: str, when: str, length: str, pct: int
) -> None:
    """However the start is joined to its date, the length counts from it: never from
    the goal's start shown as fact, and the start's numbers are no target."""
    phrase = f"{lead} {link}{when}"
    reading = read(f"{phrase}, grow Instagram followers by {pct}% {length}")
    assert reading.goal.deadline is None
    assert any(f'"{phrase}"' in note for note in starts(reading)), reading.notes
    assert any("counts from when the goal starts" in note for note in reading.notes)
    assert str(reading.goal.target) == f"+{pct}%"
    assert reading.goal.baseline is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LEADS), st.sampled_from(LINKS), st.sampled_from(DATES))
def test_a_date_due_after_a_start_is_the_deadline(lead: str, link: str, when: str) -> None:
    reading = read(f"{lead} {link}{when}, grow Instagram followers by 20% by December 2027")
    assert reading.goal.deadline == dt.date(2027, 12, 31)
    assert starts(reading), reading.notes


@pytest.mark.parametrize(
    "opening",
    ["From September onwards", "From September on", "As of September", "From September"],
)
def test_a_goal_that_runs_from_a_date(opening: str) -> None:
    reading = read(f"{opening}, grow Instagram followers by 20% within 3 months")
    assert reading.goal.deadline is None
    assert any(f'"{opening}"' in note for note in starts(reading)), reading.notes


@pytest.mark.parametrize(
    ("statement", "deadline", "target", "baseline"),
    [
        # two periods the goal runs through: the end of the second is the deadline
        ("From Q3 to Q4, grow Instagram followers by 20%", dt.date(2026, 12, 31), "+20%", None),
        # amounts from and to, not dates
        (
            "Grow Instagram followers from 2,000 to 3,000 by December",
            dt.date(2026, 12, 31),
            "3000 follower",
            "2000 follower",
        ),
    ],
)
def test_from_that_is_no_start_is_read_as_before(
    statement: str, deadline: dt.date, target: str, baseline: str | None
) -> None:
    reading = read(statement)
    assert reading.goal.deadline == deadline
    assert str(reading.goal.target) == target
    assert (None if reading.goal.baseline is None else str(reading.goal.baseline)) == baseline
    assert not starts(reading)


def test_a_number_of_something_after_a_start_word_is_no_year() -> None:
    # "starting at 2000 followers": 2000 counts followers, it is not the year 2000
    reading = read("Starting at 2000 followers, reach 3000 Instagram followers by December")
    assert not starts(reading)
    assert reading.goal.deadline == dt.date(2026, 12, 31)


@pytest.mark.parametrize(
    "statement",
    [
        "Bermula September, tingkatkan pengikut Instagram sebanyak 20% dalam masa 3 bulan",
        "Dari September dan seterusnya, tingkatkan pengikut Instagram sebanyak 20% dalam "
        "masa 3 bulan",
        "Simula Setyembre, palakihin ang followers sa Instagram ng 20% sa loob ng 3 buwan",
        "Simula sa Setyembre, palakihin ang followers sa Instagram ng 20% sa loob ng 3 buwan",
        "O fis Medi ymlaen, cynyddu dilynwyr Instagram 20% o fewn 3 mis",
        "Gan ddechrau ym mis Medi, cynyddu dilynwyr Instagram 20% o fewn 3 mis",
        "Από τον Σεπτέμβριο, αύξηση των ακολούθων στο Instagram κατά 20% μέσα σε 3 μήνες",
        "Από τον Σεπτέμβριο και μετά, αύξηση των ακολούθων στο Instagram κατά 20% μέσα σε 3 μήνες",
        "Ξεκινώντας από τον Σεπτέμβριο, αύξηση των ακολούθων στο Instagram κατά 20% μέσα σε "
        "3 μήνες",
        "ابتداءً من سبتمبر، زيادة متابعي إنستغرام بنسبة 20% خلال 3 أشهر",
        "اعتباراً من سبتمبر، زيادة متابعي إنستغرام بنسبة 20% خلال 3 أشهر",
        "من سبتمبر فصاعداً، زيادة متابعي إنستغرام بنسبة 20% خلال 3 أشهر",
    ],
)
def test_a_start_in_other_languages(statement: str) -> None:
    # each read 2026-08-01, three months from the goal's start, with no note
    reading = read(statement)
    assert reading.goal.deadline is None
    assert starts(reading), reading.notes
    assert str(reading.goal.target) == "+20%"


@pytest.mark.parametrize(
    ("statement", "target", "deadline"),
    [
        # "sa loob ng 6 na buwan" read "in loob by 6 months", so "ng 2,000" after it was a
        # level of 2,000 followers, not a gain of 2,000
        (
            "Palakihin ang followers namin sa Instagram sa loob ng 6 na buwan ng 2,000",
            "+2000 follower",
            dt.date(2026, 11, 1),
        ),
        (
            "Palakihin ang followers sa Instagram ng 20% sa loob lamang ng 3 buwan",
            "+20%",
            dt.date(2026, 8, 1),
        ),
    ],
)
def test_within_in_tagalog_is_no_change(statement: str, target: str, deadline: dt.date) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target
    assert reading.goal.deadline == deadline
    (translated,) = [note for note in reading.notes if note.startswith("read as Tagalog")]
    assert "within" in translated and "loob" not in translated
