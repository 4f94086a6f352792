from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.io import load_sessions

GOOD = """
[workspace]
name = "Test"
today = 2026-05-01

[[objective]]
id = "new-segment"
text = "Expand"

[[goal]]
id = "li"
metric = "followers"
channel = "linkedin"
target = "2400 followers"
start = 2026-05-01
deadline = "within 6 months"
supports = ["new-segment"]

[[tactic]]
id = "t"
goal = "li"
owners = ["Brian"]
eta = "monthly on the 30th"
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(text, encoding="utf-8")
    return p


def test_load_toml(tmp_path: Path) -> None:
    ws = gr.load_workspace(write(tmp_path, "ws.toml", GOOD))
    assert ws.name == "Test" and ws.today is not None and ws.today.isoformat() == "2026-05-01"
    assert ws.goals[0].deadline is not None and ws.goals[0].deadline.isoformat() == "2026-11-01"


def test_json_has_the_same_shape(tmp_path: Path) -> None:
    import tomllib

    data = tomllib.loads(GOOD)
    data["workspace"]["today"] = "2026-05-01"
    data["goal"][0]["start"] = "2026-05-01"
    ws = gr.load_workspace(write(tmp_path, "ws.json", json.dumps(data)))
    assert ws.goals[0].target is not None


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    with pytest.raises(gr.WorkspaceError) as info:
        gr.load_workspace(write(tmp_path, "ws.toml", GOOD.replace('name = "Test"', "name = ")))
    assert info.value.line == 3 and info.value.source and info.value.source.endswith("ws.toml")


@pytest.mark.parametrize(
    ("old", "new", "field", "suggestion"),
    [
        ('metric = "followers"', 'metric = "folowers"', "goal[0].metric", "followers"),
        (
            'channel = "linkedin"',
            'channel = "linkedin"\nobjective = "awarenes"',
            "goal[0].objective",
            "awareness",
        ),
        ('deadline = "within 6 months"', 'deadline = "2026-02-30"', "goal[0].deadline", None),
        ('target = "2400 followers"', 'target = "2400 folowers"', "goal[0].target", "follower"),
        ('goal = "li"', 'goal = "lj"', "tactic[0].goal", None),
    ],
)
def test_bad_fields_name_their_path(
    tmp_path: Path, old: str, new: str, field: str, suggestion: str | None
) -> None:
    with pytest.raises(gr.GoalRulesError) as info:
        gr.load_workspace(write(tmp_path, "ws.toml", GOOD.replace(old, new)))
    assert info.value.field == field
    if suggestion:
        assert any(suggestion in s for s in info.value.suggestions)


def test_every_problem_is_reported(tmp_path: Path) -> None:
    text = GOOD.replace('metric = "followers"', 'metric = "folowers"').replace(
        'eta = "monthly on the 30th"', 'eta = "when we can"'
    )
    with pytest.raises(gr.GoalRulesErrors) as info:
        gr.load_workspace(write(tmp_path, "ws.toml", text))
    assert {e.field for e in info.value.errors} == {"goal[0].metric", "tactic[0].eta"}


@pytest.mark.parametrize(
    ("content", "message"),
    [("", "empty"), (b"\xff\xfe\x00bad", "not UTF-8")],
)
def test_empty_and_binary_files(tmp_path: Path, content: str | bytes, message: str) -> None:
    with pytest.raises(gr.WorkspaceError, match=message):
        gr.load_workspace(write(tmp_path, "ws.toml", content))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(gr.WorkspaceError, match="no such file"):
        gr.load_workspace(tmp_path / "nope.toml")


def test_history_csv(tmp_path: Path) -> None:
    p = write(
        tmp_path,
        "h.csv",
        "date,channel,metric,value\n2026-01-31,LinkedIn,followers,1000\n2026-02-28,linkedin,followers,1,050\n",
    )
    with pytest.raises(gr.DataError) as info:
        gr.load_history(p)
    assert info.value.line == 3
    p = write(
        tmp_path,
        "h.csv",
        'date,channel,metric,value\n2026-01-31,LinkedIn,followers,1000\n2026-02-28,linkedin,followers,"1,050"\n',
    )
    series = gr.load_history(p)[("linkedin", "followers")]
    assert series.values == (1000, 1050)


def test_a_count_written_with_dots_between_thousands_is_no_decimal(tmp_path: Path) -> None:
    # a Greek or German spreadsheet writes ten thousand followers "10.000": it was read as
    # 10 followers, and the goal of 12,000 "needs 222.6 % a month"
    text = "date,channel,metric,value\n2025-08-31,linkedin,followers,10.000\n"
    with pytest.raises(gr.DataError) as info:
        gr.load_history(write(tmp_path, "h.csv", text))
    assert (info.value.line, info.value.field) == (2, "value")
    assert "'10.000' is ambiguous for a count of followers: 10,000" in info.value.message
    assert "write 10000" in info.value.message
    # money the same; a share, a time and a count given in another unit keep a decimal
    with pytest.raises(gr.DataError, match="an amount in USD"):
        gr.load_history(write(tmp_path, "h.csv", "date,metric,value\n2025-08-31,spend,12.500\n"))
    rates = write(
        tmp_path,
        "h.csv",
        "date,metric,value,unit\n2025-08-31,engagement_rate,3.125,\n"
        "2025-08-31,response_time,1.500,\n"
        "2025-08-31,followers,1.250,percent\n",
    )
    read = gr.load_history(rates)
    assert read[(None, "engagement_rate_by_reach")].values == (3.125,)
    assert read[(None, "average_response_time")].values == (1.5,)
    assert read[(None, "followers")].values == (1.25,)
    # the channels' file: visits, leads, customers, spend and the social counts alike
    for column in ("visits", "leads", "customers", "spend", "followers"):
        cells = {
            "visits": "5000",
            "leads": "40",
            "customers": "4",
            "spend": "100",
            "followers": "900",
        }
        cells[column] = "1.050"
        body = "month,channel," + ",".join(cells) + "\n2025-08,linkedin," + ",".join(cells.values())
        with pytest.raises(gr.DataError) as perf:
            gr.load_performance(write(tmp_path, "p.csv", body + "\n"))
        assert (perf.value.line, perf.value.field) == (2, column)
        assert "write 1050 for 1,050" in perf.value.message


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 999_999_999))
def test_a_count_reads_as_it_is_meant_or_not_at_all(n: int) -> None:
    # whatever a count is and however it is grouped, it is read as itself or refused:
    # never as a thousandth of itself
    import tempfile

    forms = [str(n), f"{n:,}", f"{n:,}".replace(",", ".")]
    for form in forms:
        cell = f'"{form}"' if "," in form else form
        with tempfile.TemporaryDirectory() as tmp:
            p = write(Path(tmp), "h.csv", f"date,metric,value\n2025-08-31,followers,{cell}\n")
            if form == f"{n:,}".replace(",", ".") and n >= 1000:  # "10.000": refused
                with pytest.raises(gr.DataError, match=f"write {n} for {n:,}"):
                    gr.load_history(p)
            else:
                assert gr.load_history(p)[(None, "followers")].values == (n,)


def test_history_errors(tmp_path: Path) -> None:
    with pytest.raises(gr.DataError, match="missing column value"):
        gr.load_history(write(tmp_path, "h.csv", "date,channel,metric\n2026-01-01,x,followers\n"))
    with pytest.raises(gr.DataError) as info:
        gr.load_history(
            write(tmp_path, "h.csv", "date,channel,metric,value\nyesterday,x,followers,3\n")
        )
    assert info.value.line == 2 and info.value.field == "date"


def test_performance_csv(tmp_path: Path) -> None:
    rows = gr.load_performance(
        write(
            tmp_path, "p.csv", "month,channel,visits,leads,customers,spend\n2026-01,fb,100,3,1,50\n"
        )
    )
    assert rows[0].channel == "facebook" and rows[0].spend == 50
    with pytest.raises(gr.GoalRulesError) as info:
        gr.load_performance(
            write(tmp_path, "p.csv", "month,channel,visits,leads,customers\n2026-01,fb,many,3,1\n")
        )
    assert info.value.line == 2 and info.value.field == "visits"
    with pytest.raises(gr.GoalRulesError) as info2:
        gr.load_performance(
            write(tmp_path, "p.csv", "month,channel,visits,leads,customers\n2026-01,fb,-5,3,1\n")
        )
    assert info2.value.line == 2


def test_sessions_csv(tmp_path: Path) -> None:
    rows = load_sessions(
        write(
            tmp_path, "s.csv", "date,landing_url,lead\n2026-01-03,https://x.com/?utm_source=fb,1\n"
        )
    )
    assert gr.attribute_sessions(rows)[0].channel == "facebook"


def test_parquet_inputs(tmp_path: Path) -> None:
    pl = pytest.importorskip("polars")
    import datetime as dt

    perf = tmp_path / "perf.parquet"
    pl.DataFrame({"month": [dt.date(2026, 1, 1), dt.date(2026, 2, 1)], "channel": ["fb", "fb"],
                  "visits": [100, 120], "leads": [3, 4], "customers": [1, 0]}).write_parquet(perf)  # fmt: skip
    rows = gr.load_performance(perf)
    assert [r.visits for r in rows] == [100, 120] and rows[0].channel == "facebook"
    hist = tmp_path / "h.parquet"
    pl.DataFrame(
        {
            "date": [dt.date(2026, 1, 31)],
            "channel": ["linkedin"],
            "metric": ["followers"],
            "value": [1000],
        }
    ).write_parquet(hist)
    assert gr.load_history(hist)[("linkedin", "followers")].values == (1000,)
    bad = tmp_path / "bad.parquet"
    pl.DataFrame({"month": [dt.date(2026, 1, 1)], "channel": ["fb"]}).write_parquet(bad)
    with pytest.raises(gr.DataError, match="missing column"):
        gr.load_performance(bad)


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from(["followers", "spend", "engagement_rate_by_reach"]),
    st.floats(0, 1e7, allow_nan=False).map(lambda x: round(x, 3)),
)
def test_what_an_import_writes_reads_back_the_same(metric: str, value: float) -> None:
    # goalrules' own history file never holds a number its reader finds ambiguous:
    # a spend of 12.345 is written 12.3450, not 12.345 (twelve thousand, Greek-style?)
    import tempfile

    from goalrules.io.exports.rows import HistoryRow, ImportResult

    unit = gr.catalog[metric].unit
    day = datetime.date(2025, 8, 31)
    written = ImportResult(history=(HistoryRow(day, "linkedin", metric, value, unit),))
    with tempfile.TemporaryDirectory() as tmp:
        p = write(Path(tmp), "h.csv", written.history_csv())
        (series,) = gr.load_history(p).values()
    assert series.values == (value,)
