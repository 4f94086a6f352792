"""A book (many accounts at once, the table path) reads followers, engagements and reach
as one account's rows do, so that a brand or engagement role is judged by their trend
there too: TikTok with the role awareness and followers rising 200 a month was kept on
the row path ("it fulfils its role (brand_awareness): followers, engagements or reach
+11.8 % a month") and cut in the book ("cut.declining-below ... its role cannot be
checked"), with a note that the book did not read them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.judgments.channel_measures import flow_trend, trend

pl = pytest.importorskip("polars")

from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402

ROWS = [
    {"channel": name, "month": f"2026-0{m}", "visits": visits * 0.9**m, "leads": leads,
     "followers": 1000 + 200 * m if name == "tiktok" else None}
    for name, visits, leads in (("linkedin", 1000, 30), ("facebook", 3000, 60),
                                ("tiktok", 800, 2))
    for m in range(1, 7)
]  # fmt: skip
AWARENESS = gr.Channel("tiktok", role="brand_awareness", formats_tried=["video", "live"])


def _tiktok(rows: list[dict[str, object]]) -> gr.ChannelDecision:
    """TikTok's decision in a book of one account of ``rows``, as the book words it."""
    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows]), channels=[AWARENESS]
    )
    return next(d for _, d in book_decisions(table) if d.channel == "tiktok")


def test_a_book_judges_an_awareness_role_by_its_followers_as_the_rows_do() -> None:
    notes: list[str] = []
    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in ROWS]), channels=[AWARENESS], notes=notes
    )
    book = next(d for _, d in book_decisions(table) if d.channel == "tiktok")
    row = next(d for d in gr.decide_channels(ROWS, channels=[AWARENESS]) if d.channel == "tiktok")
    assert (
        (book.decision.value, book.rule)
        == (row.decision.value, row.rule)
        == (
            "keep",
            "keep.fulfils-role",
        )
    )
    assert book.reasons == row.reasons
    assert (
        "it fulfils its role (brand awareness): followers, engagements or reach +11.8 % a month"
        in (book.reasons)
    )
    assert book.evidence.fulfils_role is True
    assert not any("not read" in n for n in notes), notes


def test_followers_recorded_in_some_months_are_the_trend_of_those_months() -> None:
    # three months of followers and three blank: the trend of the three (falling here),
    # said in a note, never three months of 0 followers
    rows = [{**r, "followers": r["followers"] if r["month"] <= "2026-03" else None} for r in ROWS]
    rows = [{**r, "followers": 2000 - 300 * int(r["month"][-1]) if r["followers"] else None}
            for r in rows]  # fmt: skip
    book = _tiktok(rows)
    row = next(d for d in gr.decide_channels(rows, channels=[AWARENESS]) if d.channel == "tiktok")
    assert book.evidence.fulfils_role is row.evidence.fulfils_role is False
    assert book.evidence.quality == row.evidence.quality
    assert any("recorded in 3 of 6 months" in q for q in book.evidence.quality)
    assert (book.decision, book.rule, book.reasons) == (row.decision, row.rule, row.reasons)


def test_a_row_without_followers_reads_its_engagements_then_its_reach() -> None:
    rows = [
        {**r, "followers": None, "engagements": r["followers"] if r["month"] > "2026-02" else None,
         "reach": r["followers"] if r["month"] <= "2026-02" else None}
        for r in ROWS
    ]  # fmt: skip
    book = _tiktok(rows)
    # engagements and reach are flows (a month's count is its days'), read a day of each
    # month as visits are; followers, a count at a date, as they are
    months = [gr.parse_date(f"2026-0{m}-01") for m in range(1, 7)]
    counts = [1000.0 + 200 * m for m in range(1, 7)]
    assert book.evidence.role_metric_trend == pytest.approx(flow_trend(months, counts))
    assert _tiktok(ROWS).evidence.role_metric_trend == pytest.approx(trend(months, counts))
    row = next(d for d in gr.decide_channels(rows, channels=[AWARENESS]) if d.channel == "tiktok")
    assert row.evidence.role_metric_trend == book.evidence.role_metric_trend
    assert book.evidence.fulfils_role is True


def test_engagements_steady_a_day_are_no_trend_of_a_role() -> None:
    """The same engagements every day read as steady, whatever the months' lengths: a
    brand role judged by them is neither fulfilled nor failed by February's 28 days (they
    read "engagements -5 % a month" over December to February)."""
    days = {"2025-12": 31, "2026-01": 31, "2026-02": 28}
    rows = [{"channel": name, "month": m, "visits": 100 * n, "leads": 2 * n,
             "engagements": 40 * n if name == "tiktok" else None}
            for name in ("tiktok", "linkedin") for m, n in days.items()]  # fmt: skip
    book = _tiktok(rows)
    row = next(d for d in gr.decide_channels(rows, channels=[AWARENESS]) if d.channel == "tiktok")
    assert book.evidence.role_metric_trend == row.evidence.role_metric_trend == 0.0
    assert book.evidence.fulfils_role is row.evidence.fulfils_role is False  # (not rising)


@pytest.mark.parametrize(
    ("cell", "message"),
    [("-5", "'-5' in row 2 is negative"), ("many", "'many' in row 2 is not a number")],
)
def test_a_bad_follower_count_names_its_column_and_row(cell: str, message: str) -> None:
    table = pl.DataFrame({"account": ["a", "a"], "channel": ["tiktok"] * 2,
                          "month": ["2026-01", "2026-02"], "visits": [10, 10], "leads": [1, 1],
                          "followers": ["1,200", cell]})  # fmt: skip
    with pytest.raises(DataError) as caught:
        decide_channels_table(table)
    assert caught.value.field == "followers" and message in str(caught.value)


def test_a_book_file_of_followers_is_judged_by_them_on_the_command_line(tmp_path: Path) -> None:
    """A CSV book as an agency keeps it: followers as "1,200" text, blank where not
    recorded; ``goalrules channels BOOK.csv`` words TikTok as the account's own rows."""
    lines = ["account,channel,month,visits,leads,followers"]
    for r in ROWS:
        followers = "" if r["followers"] is None else f'"{r["followers"]:,}"'
        lines.append(
            f"north,{r['channel']},{r['month']},{r['visits']:.0f},{r['leads']},{followers}"
        )
    book = tmp_path / "book.csv"
    book.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ws = tmp_path / "ws.toml"
    ws.write_text('[workspace]\nname = "Agency"\n\n[[channel]]\nid = "tiktok"\n'
                  'role = "brand_awareness"\n')  # fmt: skip
    out = io.StringIO()
    assert main(["channels", str(book), "--workspace", str(ws), "--format", "json"], out=out) == 0
    tiktok = next(d for d in json.loads(out.getvalue()) if d["channel"] == "tiktok")
    assert (tiktok["decision"], tiktok["rule"]) == ("keep", "keep.fulfils-role")
    assert any("it fulfils its role (brand awareness)" in r for r in tiktok["reasons"])
