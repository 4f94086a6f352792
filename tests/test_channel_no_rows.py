"""A channel named (a role, formats: the workspace) without rows has no data: it gets
no verdict (not "experiment, 0 months"), a note says so, and it is no channel of the
portfolio, on the row path and the book path alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")

from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402

ROWS = [
    {"channel": name, "month": f"2026-0{m}", "visits": visits, "leads": leads}
    for name, visits, leads in (("linkedin", 1000, 30), ("facebook", 3000, 60))
    for m in range(1, 7)
]
TIKTOK = gr.Channel("tiktok", role="traffic", formats_tried=["video", "reels"])


def test_a_channel_named_without_rows_gets_no_verdict_but_a_note() -> None:
    """It read "tiktok: experiment, Still in trial: 0 of the 3 months of data to judge
    on", and the portfolio counted it: "the 3 channels judged" of two channels' rows."""
    decided = gr.decide_channels(ROWS, channels=[TIKTOK])
    assert sorted(d.channel for d in decided) == ["facebook", "linkedin"]
    assert decided.portfolio is not None and decided.portfolio.channels == 2
    assert decided.notes == (
        "tiktok: named in the channels, but no rows of it (no data): not judged",
    )


def test_the_book_path_says_so_too_and_agrees() -> None:
    notes: list[str] = []
    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in ROWS]), channels=[TIKTOK], notes=notes
    )
    book = [d for _, d in book_decisions(table)]
    rows = {d.channel: d for d in gr.decide_channels(ROWS, channels=[TIKTOK])}
    assert sorted(d.channel for d in book) == sorted(rows)
    for d in book:
        assert (d.decision, d.rule, d.reasons) == (
            rows[d.channel].decision,
            rows[d.channel].rule,
            rows[d.channel].reasons,
        )
    assert notes == [
        "tiktok: named in the channels, but no rows of it in account a (no data): not judged"
    ]


@settings(max_examples=25, deadline=None)
@given(
    names=st.lists(
        st.sampled_from(["tiktok", "pinterest", "youtube", "threads"]), min_size=1, unique=True
    ),
    role=st.sampled_from([None, "traffic", "leads"]),
)
def test_naming_channels_without_rows_changes_no_decision(
    names: list[str], role: str | None
) -> None:
    """The channels with rows are decided as if the others were never named."""
    plain = gr.decide_channels(ROWS)
    named = gr.decide_channels(ROWS, channels=[gr.Channel(n, role=role) for n in names])
    assert [(d.channel, d.decision, d.rule, d.reasons) for d in named] == [
        (d.channel, d.decision, d.rule, d.reasons) for d in plain
    ]
    assert named.portfolio == plain.portfolio
    assert len(named.notes) == 1 and all(n in named.notes[0] for n in names)
