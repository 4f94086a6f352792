"""A book (many accounts at once, the table path) does not read followers, engagements
or reach, so a brand or engagement role judged by them is unknown there, where an
account's own rows judge it: TikTok with the role awareness and followers rising 200 a
month was kept on the row path ("does the job of its role") and cut in the book, without
a word. The book now says so in a note."""

from __future__ import annotations

import pytest

import goalrules as gr

pl = pytest.importorskip("polars")

from goalrules.scale.batch import decide_channels_table  # noqa: E402

ROWS = [
    {"channel": name, "month": f"2026-0{m}", "visits": visits * 0.9**m, "leads": leads,
     "followers": 1000 + 200 * m if name == "tiktok" else None}
    for name, visits, leads in (("linkedin", 1000, 30), ("facebook", 3000, 60),
                                ("tiktok", 800, 2))
    for m in range(1, 7)
]  # fmt: skip
AWARENESS = gr.Channel("tiktok", role="brand_awareness", formats_tried=["video", "live"])
NOTE = "the role of tiktok (judged by followers, engagements or reach) is not judged here"


def test_a_book_says_the_role_metrics_it_does_not_read() -> None:
    notes: list[str] = []
    decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in ROWS]), channels=[AWARENESS], notes=notes
    )
    assert any(NOTE in n for n in notes), notes
    row = gr.decide_channels(ROWS, channels=[AWARENESS])
    assert next(d for d in row if d.channel == "tiktok").evidence.fulfils_role is True


@pytest.mark.parametrize(
    ("followers", "role"), [(None, "brand_awareness"), (1500, "traffic"), (1500, None)]
)
def test_no_note_without_the_metric_or_such_a_role(followers: int | None, role: str | None) -> None:
    rows = [{**r, "followers": followers if r["channel"] == "tiktok" else None} for r in ROWS]
    notes: list[str] = []
    decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows]),
        channels=[gr.Channel("tiktok", role=role, formats_tried=["video", "live"])],
        notes=notes,
    )
    assert not any("not read when many accounts" in n for n in notes), notes
