"""A time of day in a goal statement: "Hit 10k followers by 11:59pm PST on Dec 31" had no
deadline (its "11", "59pm" and "31" set aside as second numbers), "by 23:59 on 31
December" and "by midnight on December 31" none either, "Launch at 9am and hit 500 leads
by June 30" no target, "by 2026-06-30T23:59:00Z" no deadline, and Greek "έως τις 31/12
στις 23:59" read "23:59" as a ratio and no target. A goal is due on a day: the time (and
its time zone) is not read, with a note, and the rest reads as it does without it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
TIME = "a time of day"


def _goal(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang", "target", "deadline"),
    [
        ("Hit 10k followers by 11:59pm PST on Dec 31", None, "10000 follower", "2026-12-31"),
        ("Hit 10k followers by Dec 31 at 11:59 PM EST", None, "10000 follower", "2026-12-31"),
        ("Hit 10k followers by 23:59 on 31 December", None, "10000 follower", "2026-12-31"),
        ("Hit 10k followers by midnight on December 31", None, "10000 follower", "2026-12-31"),
        ("Hit 10k followers by 5pm Friday June 12", None, "10000 follower", "2026-06-12"),
        ("Launch at 9am and hit 500 leads by June 30", None, "500 lead", "2026-06-30"),
        ("Hit 10k followers by 2026-06-30T23:59:00Z", None, "10000 follower", "2026-06-30"),
        ("Αύξηση ακολούθων σε 10.000 έως τις 31/12 στις 23:59", "el", "10000 follower",
         "2026-12-31"),
        ("Capai 10k pengikut menjelang 31 Disember, 11:59 malam", "ms", "10000 follower",
         "2026-12-31"),
        ("Capai 10k pengikut menjelang 31 Disember pukul 23:59", "ms", "10000 follower",
         "2026-12-31"),
        ("Umabot sa 10k followers bago ang Disyembre 31 alas 23:59", "tl", "10000 follower",
         "2026-12-31"),
        ("الوصول إلى 10 آلاف متابع بحلول 31 ديسمبر الساعة 23:59", "ar", "10000 follower",
         "2026-12-31"),
        ("Cyrraedd 10,000 o ddilynwyr erbyn 31 Rhagfyr am 23:59", "cy", "10000 follower",
         "2026-12-31"),
    ],
)  # fmt: skip
def test_a_time_of_day_is_said_and_the_day_is_the_deadline(
    statement: str, lang: str | None, target: str, deadline: str
) -> None:
    reading = _goal(statement, lang)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert reading.goal.deadline == dt.date.fromisoformat(deadline)
    assert any(TIME in note for note in reading.notes), reading.notes


def test_a_time_zone_alone_is_said() -> None:
    reading = _goal("Hit 10k followers by June 30 (GMT+8)")
    assert reading.goal.deadline == dt.date(2026, 6, 30)
    assert reading.goal.target is not None and reading.goal.target.means("10000 follower")
    assert any('"(GMT+8)" is a time zone' in note for note in reading.notes)


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Cut response time to 2 hours by June", "2 hour"),
        ("Get 500 leads by June", "500 lead"),
        ("Kurangkan masa respons kepada 2 jam menjelang Jun", "2 hour"),
    ],
)
def test_no_time_of_day_where_none_is_written(statement: str, target: str) -> None:
    reading = _goal(statement)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert not any(TIME in note for note in reading.notes)


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["Hit 10k followers", "Get 500 leads from LinkedIn", "Cut CPA by 15%"]),
    st.sampled_from(["June 30", "31 December", "Dec 31, 2027", "2027-03-15"]),
    st.integers(1, 12),
    st.integers(0, 59),
    st.sampled_from(["am", "pm", "AM", "PM", " p.m.", " am"]),
    st.sampled_from(["", " PST", " UTC", " GMT+8", " CET"]),
    st.booleans(),
)
def test_a_time_of_day_changes_nothing_read(
    goal: str, day: str, hour: int, minute: int, half: str, zone: str, before: bool
) -> None:
    time = f"{hour}:{minute:02d}{half}{zone}"
    timed = f"{goal} by {time} on {day}" if before else f"{goal} by {day} at {time}"
    plain, read = _goal(f"{goal} by {day}").goal, _goal(timed)
    assert read.goal.target == plain.target
    assert read.goal.deadline == plain.deadline and read.goal.metric == plain.metric
    assert read.goal.channels == plain.channels
    assert any(TIME in note for note in read.notes), read.notes
