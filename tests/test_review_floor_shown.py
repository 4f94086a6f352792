"""A total ("600 leads in 2026") with a month of no data has a total so far that is a
floor: the trend said "at least 40 % of the way", but the HTML's table of reviews and
``--explain`` showed its value as a number ("value 242 leads"), as if the missing month
had been none. And ``--explain`` names a baseline read from the history's first value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import goalrules as gr
from goalrules.report.review import render_review
from goalrules.reviews.stored import explain

D = dt.date
WS = (
    '[workspace]\nname = "t"\n\n[[goal]]\nid = "total"\nmetric = "leads"\n'
    'statement = "600 leads in total from LinkedIn in 2026"\nchannel = "linkedin"\ntarget = "600 leads"\nstart = 2026-01-01\n'
    'deadline = 2026-12-31\n\n[[goal]]\nid = "followers"\nmetric = "followers"\n'
    'channel = "linkedin"\ntarget = "2,000 followers"\nstart = 2026-01-01\n'
    "deadline = 2026-12-31\n"
)
LEADS = {1: 40, 2: 45, 4: 50, 5: 52, 7: 55}  # no March, no June
FOLLOWERS = {3: 1000, 4: 1040, 5: 1080, 6: 1120, 7: 1160}  # from March


def test_a_floor_is_never_shown_as_the_value(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WS)
    history = tmp_path / "h.csv"
    month_end = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31}
    history.write_text(
        "date,channel,metric,value\n"
        + "".join(f"2026-{m:02d}-{month_end[m]},linkedin,leads,{v}\n" for m, v in LEADS.items())
        + "".join(f"2026-{m:02d}-28,linkedin,followers,{v}\n" for m, v in FOLLOWERS.items())
    )
    store = tmp_path / "goals.db"
    gr.review(ws, history, store=store, today=D(2026, 8, 5))
    result = gr.review(ws, history, store=store, today=D(2026, 8, 20))
    total = sum(LEADS.values())
    page = render_review(result, "html")
    assert page.count(f"at least {total}") == 2  # each review's row
    told = explain(store, "total", D(2026, 8, 20)).render()
    assert f"value at least {total} leads against" in told
    told = explain(store, "followers", D(2026, 8, 20)).render()
    assert "baseline 1,000 (the history's first value, 2026-03-28)" in told
