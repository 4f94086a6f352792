"""A recurring tactic's due dates are the days its words name, whatever day the plan is
read on.

"every 2 weeks", "monthly", "quarterly on the 15th" name no day to count from: read on
5 December they were due on 5 December and 5 March, read on 10 January on 10 January and
15 January; "annually on the 15th" was due every month, "every other Monday" every Monday,
"first business day of the month" on the day the plan was read, every month ("business"
skipped), "monthly on the 0th" likewise. Each is now read as its words say, or is an
error naming what it leaves open, with the day to add ("from 2027-01-04").
"""

from __future__ import annotations

import datetime as dt
import itertools
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

D = dt.date

# each as people write them, with the days they are due on from 2027-01-01
READ = [
    ("every other Monday from 2027-01-04", [D(2027, 1, 4), D(2027, 1, 18), D(2027, 2, 1)]),
    ("every 2 weeks starting 4 January 2027", [D(2027, 1, 4), D(2027, 1, 18), D(2027, 2, 1)]),
    ("fortnightly on Friday from 2027-01-08", [D(2027, 1, 8), D(2027, 1, 22), D(2027, 2, 5)]),
    ("quarterly on the 15th from 2027-01-15", [D(2027, 1, 15), D(2027, 4, 15), D(2027, 7, 15)]),
    ("quarterly from 2027-01-31", [D(2027, 1, 31), D(2027, 4, 30), D(2027, 7, 31)]),
    ("monthly from 2027-01-31", [D(2027, 1, 31), D(2027, 2, 28), D(2027, 3, 31)]),
    ("monthly on the 1st and 15th", [D(2027, 1, 1), D(2027, 1, 15), D(2027, 2, 1)]),
    ("every year on 30 June", [D(2027, 6, 30), D(2028, 6, 30), D(2029, 6, 30)]),
    ("yearly from 2028-02-29", [D(2028, 2, 29), D(2029, 2, 28), D(2030, 2, 28)]),
    ("last Friday of the month", [D(2027, 1, 29), D(2027, 2, 26), D(2027, 3, 26)]),
    ("second Tuesday of every month", [D(2027, 1, 12), D(2027, 2, 9), D(2027, 3, 9)]),
    ("every Monday at 9am", [D(2027, 1, 4), D(2027, 1, 11), D(2027, 1, 18)]),
    # a day of each calendar quarter or year ("last Friday of the quarter" was the last
    # Friday of every month; "last day of the quarter" no recurrence)
    ("last Friday of the quarter", [D(2027, 3, 26), D(2027, 6, 25), D(2027, 9, 24)]),
    ("last day of every quarter", [D(2027, 3, 31), D(2027, 6, 30), D(2027, 9, 30)]),
    ("first Monday of each quarter", [D(2027, 1, 4), D(2027, 4, 5), D(2027, 7, 5)]),
    ("last day of the year", [D(2027, 12, 31), D(2028, 12, 31), D(2029, 12, 31)]),
]


@pytest.mark.parametrize(("text", "due"), READ)
def test_a_recurrence_is_due_on_the_days_it_names(text: str, due: list[D]) -> None:
    assert gr.recurrence(text).between(D(2027, 1, 1), D(2030, 12, 31))[:3] == due


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("every 2 weeks", "which day of the week"),
        ("weekly", "which day of the week"),
        ("fortnightly", "which day of the week"),
        ("every other Monday", "which weeks it counts from"),
        ("monthly", "which day of the month"),
        ("every 3 months", "which day of the month"),
        ("quarterly on the 15th", "which months it counts from"),
        ("every 2 days", "which days it counts from"),
        ("annually on the 15th", "which day of the year"),
        ("yearly", "which day of the year"),
    ],
)
def test_a_recurrence_that_names_no_day_to_count_from_is_an_error(text: str, open_: str) -> None:
    with pytest.raises(gr.DateError, match=open_) as info:
        gr.recurrence(text)
    assert f"'{text} from 2027-01-04'" in (info.value.hint or str(info.value))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("first business day of the month", "'business'"),
        ("monthly on the 0th", "no month has a day '0th'"),
        ("monthly on the 32nd", "no month has a day '32nd'"),
        ("every 2nd Tuesday", "to some and every 2 weeks to others"),
        ("every second Tuesday", "to some and every 2 weeks to others"),
        ("monthly on Monday", "which Monday of the month"),
        ("monthly on the 15th and 30th", "past the 28th"),
        ("every 2 weeks from next week", "the day 'next week'"),
        ("every 0 weeks", "every 0 periods"),
        ("twice a month", "'twice'"),
        ("15th of the quarter", "which day of the quarter"),
        ("fifth Friday of the quarter", "past its first month"),
    ],
)
def test_words_a_recurrence_cannot_read_are_an_error(text: str, said: str) -> None:
    with pytest.raises(gr.DateError, match=said):
        gr.recurrence(text)


def test_a_tactic_whose_recurrence_names_no_day_is_an_error_naming_its_field(
    tmp_path: Path,
) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[[goal]]\nid = "g"\nstatement = "Reach 2,000 LinkedIn followers by 2027-06-30"\n\n'
        '[[tactic]]\nid = "t"\ngoal = "g"\nowners = ["Sam"]\neta = "every 2 weeks"\n'
    )
    run = subprocess.run(
        [sys.executable, "-m", "goalrules", "plan", str(ws), "--today", "2026-12-05"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "tactic[0].eta" in lines[0] and "'every 2 weeks from 2027-01-04'" in lines[0]


_TEXTS = [text for text, _ in READ] + ["monthly on the 30th", "every Monday", "daily"]


@given(
    st.sampled_from(_TEXTS),
    st.dates(D(2026, 1, 1), D(2029, 1, 1)),
    st.integers(1, 400),
    st.integers(30, 400),
)
def test_the_day_a_plan_is_read_moves_no_due_date(
    text: str, first: D, later: int, days: int
) -> None:
    """Read on two days, a plan gives the same due dates where the windows overlap."""
    plan = gr.Plan(tactics=[gr.Tactic("t", owners=["A"], eta=text)])
    second = first + dt.timedelta(days=later)
    end = first + dt.timedelta(days=days)
    one = [d.date for d in gr.schedule(plan, start=first, days=days) if d.date >= second]
    two = [d.date for d in gr.schedule(plan, start=second, days=days) if d.date <= end]
    assert one == two


@given(
    st.integers(2000, 2060),
    st.sampled_from(["29 February", "29 January", "30 August", "31 December", "31 March"]),
)
def test_a_yearly_day_past_the_28th_is_never_skipped(year: int, day: str) -> None:
    """'every year on 29 February' is due on the 28th when there is none: every year has
    its date, once."""
    dates = gr.recurrence(f"every year on {day}").between(D(year, 1, 1), D(year + 7, 12, 31))
    assert [d.year for d in dates] == list(range(year, year + 8))
    assert all(b > a for a, b in itertools.pairwise(dates))


_WORDS = [
    "every",
    "on",
    "the",
    "of",
    "and",
    "other",
    "last",
    "in",
    "day",
    "week",
    "weeks",
    "month",
    "quarter",
    "year",
    "monthly",
    "weekly",
    "quarterly",
    "yearly",
    "fortnightly",
    "Monday",
    "Fridays",
    "first",
    "second",
    "2nd",
    "15th",
    "30th",
    "0th",
    "2",
    "3",
    "twenty",
    "June",
    "from",
    "2027-01-04",
    "at",
    "9am",
    "business",
]


@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7))
def test_a_recurrence_reads_or_says_why_not(words: list[str]) -> None:
    """Any words: a recurrence whose dates hold on every day it is read, or a DateError."""
    text = " ".join(words)
    try:
        rec = gr.recurrence(text)
    except gr.DateError:
        return
    first = rec.between(D(2027, 1, 1), D(2028, 12, 31))
    later = rec.between(D(2027, 3, 1), D(2028, 12, 31))
    assert [d for d in first if d >= D(2027, 3, 1)] == later


@pytest.mark.parametrize(
    ("eta", "next_due"),
    [
        ("every 2 weeks on Monday from 2027-09-06", "2027-09-06"),
        ("every year on 31 July", "2027-07-31"),
    ],
)
def test_a_recurring_tactic_first_due_after_its_goals_deadline_is_a_lint_finding(
    eta: str, next_due: str
) -> None:
    """It never recurs while its goal runs (the lint said nothing of a recurring ETA)."""
    goal = gr.Goal("g", statement="Reach 2,000 LinkedIn followers", deadline=D(2027, 6, 30))
    plan = gr.Plan(goals=[goal], tactics=[gr.Tactic("t", goal="g", owners=["A"], eta=eta)])
    found = [p for p in gr.lint_plan(plan, today=D(2027, 1, 10)) if p.item == "tactic t"]
    assert [p.rule for p in found] == ["tactic.recurs-before-goal-deadline"]
    assert f"next due {next_due}, after its goal's deadline (2027-06-30)" in found[0].message
    assert (
        not [  # due while the goal runs, or the goal is over: nothing to say
            p
            for today, text in ((D(2027, 1, 10), "every Monday"), (D(2027, 7, 1), eta))
            for p in gr.lint_plan(
                gr.Plan(goals=[goal], tactics=[gr.Tactic("t", goal="g", owners=["A"], eta=text)]),
                today=today,
            )
            if p.rule == "tactic.recurs-before-goal-deadline"
        ]
    )


def test_an_owners_load_counts_tactics_not_due_dates() -> None:
    """A daily tactic and a weekly one are two tactics ('Sam has 8 tactics due in the
    week of 2027-01-11' was said of them)."""
    goal = gr.Goal("g", statement="Reach 2,000 LinkedIn followers", deadline=D(2027, 6, 30))
    tactics = [
        gr.Tactic("story", goal="g", owners=["Sam"], eta="daily"),
        gr.Tactic("post", goal="g", owners=["Sam"], eta="every Monday"),
    ]
    plan = gr.Plan(goals=[goal], tactics=tactics)
    assert not [p for p in gr.lint_plan(plan, today=D(2027, 1, 10)) if p.item == "owner Sam"]
    assert set(gr.owner_load(gr.schedule(plan, start=D(2027, 1, 10), days=30))["Sam"].values()) <= {
        1,
        2,
    }
    more = [gr.Tactic(f"t{i}", goal="g", owners=["Sam"], eta="2027-01-12") for i in range(2)]
    (found,) = [
        p
        for p in gr.lint_plan(gr.Plan(goals=[goal], tactics=tactics + more), today=D(2027, 1, 10))
        if p.item == "owner Sam"
    ]
    assert found.message == "Sam has 4 tactics due in the week of 2027-01-11."


@given(
    st.lists(st.sampled_from(["daily", "every Monday", "every Monday and Thursday"]), max_size=6)
)
def test_an_owners_load_in_a_week_is_at_most_their_tactics(etas: list[str]) -> None:
    plan = gr.Plan(tactics=[gr.Tactic(f"t{i}", owners=["A"], eta=e) for i, e in enumerate(etas)])
    load = gr.owner_load(gr.schedule(plan, start=D(2027, 1, 4), days=60))
    assert all(n <= len(etas) for n in load.get("A", {}).values())


@given(
    st.dates(D(2026, 1, 1), D(2030, 1, 1)),
    st.sampled_from(
        ["every other Monday", "every 3 weeks on Friday", "quarterly on the 15th",
         "every 2 months on the 31st", "every 2 weeks on Monday and Thursday", "every 3 days"]
    ),
)  # fmt: skip
def test_an_anchored_recurrence_is_first_due_on_its_first_day_from_the_anchor(
    anchor: D, text: str
) -> None:
    """'every other Monday from Wednesday 6 January' was first due on the 18th (the
    anchor's own week counted as the first): it is the 11th, the first Monday from it,
    and every second week from there."""
    rec = gr.recurrence(f"{text} from {anchor.isoformat()}")
    every = attrs.evolve(rec, interval=1)
    dates = rec.between(anchor, anchor + dt.timedelta(days=800))
    assert dates[0] == every.between(anchor, anchor + dt.timedelta(days=800))[0]
    assert set(dates) <= set(every.between(anchor, anchor + dt.timedelta(days=800)))
    assert gr.recurrence("every other Monday from 2027-01-06").between(
        D(2027, 1, 1), D(2027, 1, 31)
    ) == [D(2027, 1, 11), D(2027, 1, 25)]


def test_a_tactic_due_after_the_window_shows_its_next_date(tmp_path: Path) -> None:
    """A tactic due every 30 June, read in January, showed "next due -" (as a tactic
    with no date) in the plan; so did one due on a date after the 90 days shown."""
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[[goal]]\nid = "g"\nstatement = "Reach 2,000 LinkedIn followers by 2027-12-31"\n\n'
        '[[tactic]]\nid = "yearly"\ngoal = "g"\nowners = ["Sam"]\neta = "every year on 30 June"\n\n'
        '[[tactic]]\nid = "later"\ngoal = "g"\nowners = ["Sam"]\neta = 2027-09-01\n\n'
        '[[tactic]]\nid = "past"\ngoal = "g"\nowners = ["Sam"]\neta = 2026-12-01\n'
    )
    shown = {}
    for fmt in ("text", "markdown"):
        run = subprocess.run(
            [sys.executable, "-m", "goalrules", "plan", str(ws), "--today", "2027-01-10",
             "--format", fmt],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        shown[fmt] = {
            t: next(line for line in run.stdout.splitlines() if f" {t} " in line)
            for t in ("yearly", "later", "past")
        }
    assert shown["text"]["yearly"].rstrip().endswith("2027-06-30")
    assert shown["text"]["later"].rstrip().endswith("2027-09-01")
    assert shown["text"]["past"].rstrip().endswith("-")  # (its lint: due in the past)
    assert shown["markdown"]["yearly"].endswith("| - (next 2027-06-30) |")
    assert shown["markdown"]["later"].endswith("| - (next 2027-09-01) |")
    assert shown["markdown"]["past"].endswith("| - |")
