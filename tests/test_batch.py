from __future__ import annotations

import datetime as dt
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.errors import GoalRulesError
from tests.books import row_path_decision

pl = pytest.importorskip("polars")
from goalrules.scale.batch import decide_channels_table  # noqa: E402

CHANNELS = {
    "linkedin": gr.Channel("linkedin", role="leads", formats_tried=["a", "b"]),
    "facebook": gr.Channel("facebook", role="traffic", formats_tried=["a", "b"]),
    "x": gr.Channel("x", role="traffic", formats_tried=["a"]),
    "tiktok": gr.Channel("tiktok", role="conversions", formats_tried=["a", "b", "c"]),
    "instagram": gr.Channel("instagram", role=None, formats_tried=["a", "b"]),
}


CONTEXT = ("google", "(none)", "newsletter", "chatgpt.com")  # not social: not judged


def book(
    seed: int, accounts: int, months: int, unknown: float = 0.0, unmeasured: float = 0.0
) -> list[dict[str, object]]:
    """Rows of ``accounts`` accounts; with ``unknown``, that share of the months' customers
    is not measured (None); with ``unmeasured``, that share of the rows' visits or leads."""
    rng = random.Random(seed)
    rows = []
    for a in range(accounts):
        names = rng.sample(sorted(CHANNELS), rng.randint(1, 5))
        names += rng.sample(CONTEXT, rng.randint(0, 2))
        for ch in names:
            visits = rng.randint(0, 3000)
            for m in range(rng.randint(1, months)):
                if rng.random() < 0.1:
                    continue  # a gap
                visits = max(0, visits + rng.randint(-300, 300))
                leads = rng.randint(0, max(0, visits // rng.choice([10, 30, 100]) + 1))
                customers: int | None = rng.randint(0, leads)
                if unknown and rng.random() < unknown:  # not measured: unknown, not 0
                    customers = None
                rows.append({
                    "account": f"acc{a}", "channel": ch, "month": dt.date(2024 + m // 12, m % 12 + 1, 1),
                    "visits": visits, "leads": leads, "customers": customers,
                    "spend": rng.choice([None, rng.randint(0, 900)]),
                })  # fmt: skip
                if unmeasured and rng.random() < unmeasured:  # not measured: unknown, not 0
                    rows[-1][rng.choice(["visits", "leads"])] = None
    return rows


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(2, 14))
def test_the_table_path_gives_the_per_account_answers(
    seed: int, accounts: int, months: int
) -> None:
    rows = book(seed, accounts, months)
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    got = {(r["account"], r["channel"]): (r["decision"], r["rule"])
           for r in table.iter_rows(named=True)}  # fmt: skip
    assert not {c for _, c in got} & set(CONTEXT)
    decided = set()
    for account in {r["account"] for r in rows}:
        mine = [
            {k: v for k, v in r.items() if k != "account"} for r in rows if r["account"] == account
        ]
        present = {r["channel"] for r in mine}
        chans = [CHANNELS[c] for c in present if c in CHANNELS]
        for d in gr.decide_channels(mine, channels=chans):
            decided.add((account, d.channel))
            assert got[(account, d.channel)] == (d.decision.value, d.rule), (account, d.reasons)
    assert decided == set(got)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 6), st.integers(2, 12))
def test_an_account_decided_alone_is_its_rows_of_the_book_bit_for_bit(
    seed: int, accounts: int, months: int
) -> None:
    # each account is its own portfolio: the other accounts of a book (or none, as in a
    # Spark or Dask partition of one account) change none of its numbers
    rows = book(seed, accounts, months, unknown=0.2)
    if not rows:
        return
    frame = pl.DataFrame(rows, strict=False).with_columns(pl.col("spend").cast(pl.Float64))
    whole = decide_channels_table(frame, channels=CHANNELS).sort("account", "channel")
    alone = pl.concat(
        [
            decide_channels_table(frame.filter(pl.col("account") == a), channels=CHANNELS)
            for a in sorted(set(frame["account"]))
        ]
    ).sort("account", "channel")
    assert alone.to_dicts() == whole.to_dicts()


def test_the_decided_columns_are_declared_in_order() -> None:
    from goalrules.scale.batch import DECIDED_COLUMNS

    table = decide_channels_table(pl.DataFrame(book(3, 2, 6)), channels=CHANNELS)
    assert [name for name, _ in DECIDED_COLUMNS] == table.columns


@settings(max_examples=20, deadline=None)
@given(
    st.integers(0, 10**6),
    st.integers(1, 5),
    st.integers(2, 12),
    st.sampled_from([0.2, 0.6, 1.0]),
    st.sampled_from([0.0, 0.15]),
)
def test_the_table_path_gives_the_per_account_answers_with_unknown_customers(
    seed: int, accounts: int, months: int, unknown: float, unmeasured: float
) -> None:
    # polars' sum skips nulls: the table must not show a partial sum where the rows say
    # the total is unknown, nor decide, measure or word anything differently (customers,
    # and with ``unmeasured`` visits or leads, not measured in some rows)
    from goalrules.scale.batch import book_decisions

    rows = [r for r in book(seed, accounts, months, unknown, unmeasured)
            if r["visits"] is None or r["leads"] is None or r["visits"] or not r["leads"]]  # fmt: skip
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=CHANNELS)
    for account, d in book_decisions(table):
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert (d.decision, d.rule) == (one.decision, one.rule)
        assert d.reasons == one.reasons
        assert (d.evidence.customers is None) == (one.evidence.customers is None)
        assert (d.evidence.visits, d.evidence.leads) == (one.evidence.visits, one.evidence.leads)
        assert d.evidence.quality == one.evidence.quality
        assert d.evidence.fulfils_role == one.evidence.fulfils_role
        assert d.portfolio is not None and one.portfolio is not None
        assert (d.portfolio.customers is None) == (one.portfolio.customers is None)
        assert (d.portfolio.visits is None) == (one.portfolio.visits is None)
        assert d.portfolio.unmeasured == one.portfolio.unmeasured
        assert (d.portfolio.cost_per_customer is None) == (one.portfolio.cost_per_customer is None)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4), st.integers(2, 10))
def test_the_table_path_notes_the_rows_the_row_path_notes(
    seed: int, accounts: int, months: int
) -> None:
    """A month with more leads than visits, or more customers than leads, is a
    data-quality note on both paths, in the same words and order (a book of 20,000+
    channels goes the table's way on the command line)."""
    from goalrules.scale.batch import book_decisions

    rng = random.Random(seed)
    rows = book(seed, accounts, months, unknown=0.2)
    for r in rows:  # some rows that cannot be: more leads than visits, customers than leads
        if rng.random() < 0.15:
            r["leads"] = int(r["visits"]) + rng.randint(1, 50)  # type: ignore[call-overload]
        if rng.random() < 0.15 and r["customers"] is not None:
            r["customers"] = int(r["leads"]) + rng.randint(1, 5)  # type: ignore[call-overload]
    rng.shuffle(rows)  # the notes follow the rows' order on both paths
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=CHANNELS)
    for account, d in book_decisions(table):
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert d.evidence.quality == one.evidence.quality
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)


def test_a_book_words_each_decision_as_one_account_does() -> None:
    from goalrules.scale.batch import book_decisions

    rows = [r for r in book(7, 3, 9) if r["visits"] or not r["leads"]]  # no quality notes
    table = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    pairs = book_decisions(table)
    assert len(pairs) == table.height
    for account, d in pairs:
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert d.decision is one.decision and d.reasons == one.reasons


@pytest.mark.parametrize("seed", [60, 119, 3])
def test_a_book_with_spend_in_cents_words_its_costs_as_one_account_does(seed: int) -> None:
    # spend in cents, summed by the table in one order and by an account's rows in
    # another: the costs agree to the cent (seeds 60 and 119 once read 30.49 against 30.48)
    import random

    from goalrules.scale.batch import book_decisions

    rows = [r for r in book(seed, 4, 9) if r["visits"] or not r["leads"]]
    rng = random.Random(seed)
    for r in rows:
        if r["spend"] is not None:
            r["spend"] = round(rng.uniform(0, 900), 2)
    table = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    for account, d in book_decisions(table):
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert d.decision is one.decision and d.reasons == one.reasons


def test_aliases_and_strings_for_months() -> None:
    rows = [{"account": "a", "channel": "fb", "month": f"2025-0{m}", "visits": 100 * m, "leads": m, "customers": 0}
            for m in range(1, 6)]  # fmt: skip
    out = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    assert out["channel"].to_list() == ["facebook"]
    assert out["months"].to_list() == [5]


def test_missing_columns_are_an_error() -> None:
    with pytest.raises(gr.DataError, match="missing column"):
        decide_channels_table(pl.DataFrame({"account": ["a"], "channel": ["x"]}))


BAD_CELLS = [
    ("channel", ["x", None], "channel", "1 empty value(s), the first in row 2"),
    ("account", ["a", None], "account", "row 2; a value is required"),
    ("month", ["2025-01", "2025-13"], "month", "'2025-13' in row 2 is not a month"),
    ("month", [1, 2], "month", "a date or YYYY-MM text"),
    ("leads", ["3", "many"], "leads", "'many' in row 2 is not a number"),
    ("customers", [-1, 0], "customers", "-1 in row 1 is negative"),
    ("spend", ["x", "10"], "spend", "'x' in row 1 is not a number"),
    ("channel", ["x", "  "], "channel", "a channel name cannot be empty (row 2)"),
]


@pytest.mark.parametrize(("column", "values", "field", "message"), BAD_CELLS)
def test_bad_cells_name_the_column_and_row(
    column: str, values: list[object], field: str, message: str
) -> None:
    """Nulls where a value is required, cells of the wrong type, negative counts: an
    error naming the column and the first row at fault, never a silent drop."""
    table = {"account": ["a", "a"], "channel": ["x", "x"], "month": ["2025-01", "2025-02"],
             "visits": [100, 120], "leads": [3, 4], "customers": [0, 1], column: values}  # fmt: skip
    with pytest.raises(gr.DataError, match=re.escape(message)) as info:
        decide_channels_table(pl.DataFrame(table, strict=False))
    assert info.value.field == field


def test_counts_as_text_read_like_the_csv_loader() -> None:
    table = pl.DataFrame({"account": ["a"] * 2, "channel": ["x"] * 2, "month": ["2025-01", "2025-02"],
                          "visits": ["1,200", " 900 "], "leads": ["30", "20"], "customers": ["1", "0"]})  # fmt: skip
    assert decide_channels_table(table)["visits"].to_list() == [2100.0]


def test_a_failing_dask_partition_is_named() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask

    rows = book(11, 8, 10)
    rows[5]["leads"] = -3
    frame = pl.DataFrame(rows).with_columns(pl.col("spend").cast(pl.Float64)).to_pandas()
    with pytest.raises(gr.DataError, match=r"partition \d+: .*-3.* is negative") as info:
        decide_channels_dask(dd.from_pandas(frame, npartitions=3)).compute(scheduler="sync")
    assert info.value.field == "leads"


def test_achievability_tables_with_empty_cells_name_them() -> None:
    from goalrules.scale.batch import assess_achievability_table

    goals = pl.DataFrame({"id": ["g"], "metric": ["followers"], "target": ["2000 followers"],
                          "deadline": [dt.date(2026, 12, 31)]})  # fmt: skip
    history = pl.DataFrame({"goal": ["g", "g"], "date": [dt.date(2026, 1, 31), None],
                            "value": [1000.0, 1100.0]})  # fmt: skip
    with pytest.raises(gr.DataError, match="history: 1 empty value") as info:
        assess_achievability_table(goals, history)
    assert info.value.field == "date"


def test_achievability_over_tables_matches_per_goal() -> None:
    from goalrules.dates import add_months
    from goalrules.scale.batch import assess_achievability_table

    goals = pl.DataFrame({
        "id": ["a", "b", "c"],
        "metric": ["followers", "followers", "leads"],
        "target": ["2400 followers", "1300 followers", "50 leads per month"],
        "start": [dt.date(2026, 5, 1)] * 3,
        "deadline": ["within 6 months"] * 3,
    })  # fmt: skip
    hist_rows = []
    for gid, base, growth in (("a", 1000, 1.03), ("b", 1000, 1.03), ("c", 20, 1.08)):
        v = float(base)
        for m in range(7):
            hist_rows.append(
                {"goal": gid, "date": add_months(dt.date(2025, 10, 1), m), "value": round(v)}
            )
            v *= growth
    history = pl.DataFrame(hist_rows)
    table = assess_achievability_table(goals, history, today=dt.date(2026, 5, 1))
    for row in table.iter_rows(named=True):
        g = next(r for r in goals.iter_rows(named=True) if r["id"] == row["goal"])
        goal = gr.Goal(
            g["id"],
            metric=g["metric"],
            target=g["target"],
            start=g["start"],
            deadline=g["deadline"],
        )
        pts = [(r["date"], r["value"]) for r in hist_rows if r["goal"] == g["id"]]
        a = gr.assess_achievability(goal, pts, today=dt.date(2026, 5, 1))
        assert row["verdict"] == a.verdict.value
        assert row["probability"] == a.probability  # the same judgment: bit for bit


def test_channel_decisions_on_dask_match_the_table() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask

    rows = book(11, 8, 10)
    frame = pl.DataFrame(rows).with_columns(pl.col("spend").cast(pl.Float64)).to_pandas()
    got = decide_channels_dask(dd.from_pandas(frame, npartitions=3), channels=CHANNELS).compute()
    expected = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    want = {(r["account"], r["channel"]): r["decision"] for r in expected.iter_rows(named=True)}
    assert {
        (a, c): d for a, c, d in zip(got["account"], got["channel"], got["decision"], strict=True)
    } == want


def test_unknown_customers_on_dask_match_the_table() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask

    rows = book(12, 8, 10, unknown=0.3)
    frame = pl.DataFrame(rows, strict=False).with_columns(pl.col("spend").cast(pl.Float64))
    got = decide_channels_dask(dd.from_pandas(frame.to_pandas(), npartitions=3), channels=CHANNELS)
    got = got.compute().sort_values(["account", "channel"])
    expected = decide_channels_table(frame, channels=CHANNELS).sort("account", "channel")
    assert expected["customers"].null_count() > 0  # some channels were not measured
    for name in ("decision", "customers", "p_customers", "customers_months", "fulfils_role"):
        want = expected[name].to_list()
        seen = [None if v is None or v != v else v for v in got[name].tolist()]  # NaN: null
        assert seen == want, name


AWARE = {**CHANNELS, "tiktok": gr.Channel("tiktok", role="brand_awareness"),
         "instagram": gr.Channel("instagram", role="engagement")}  # fmt: skip


def social_book(seed: int, accounts: int, months: int) -> list[dict[str, object]]:
    """:func:`book` with followers in some rows and reach in others (None: not recorded)."""
    rng = random.Random(seed)
    rows = book(seed, accounts, months, unknown=0.2)
    for r in rows:
        got = rng.random()
        r["followers"] = rng.randint(0, 5000) if got < 0.5 else None
        r["reach"] = rng.randint(0, 90000) if 0.4 < got < 0.8 else None
    return rows


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 4), st.integers(2, 12))
def test_followers_and_reach_judge_each_role_as_the_account_rows_do(
    seed: int, accounts: int, months: int
) -> None:
    from goalrules.scale.batch import book_decisions

    rows = [r for r in social_book(seed, accounts, months) if r["visits"] or not r["leads"]]
    if not rows:
        return
    table = decide_channels_table(pl.DataFrame(rows, strict=False), channels=AWARE)
    for account, d in book_decisions(table):
        one = row_path_decision(rows, account, d.channel, AWARE)
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)
        assert d.evidence.fulfils_role == one.evidence.fulfils_role
        assert d.evidence.quality == one.evidence.quality
        assert d.evidence.role_metric_trend == pytest.approx(one.evidence.role_metric_trend)


def test_followers_and_reach_on_dask_match_the_table() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask

    frame = pl.DataFrame(social_book(14, 8, 10), strict=False).with_columns(
        pl.col("spend").cast(pl.Float64)
    )
    options = {"channels": AWARE, "currency": "EUR", "improving": "20 %"}
    got = decide_channels_dask(dd.from_pandas(frame.to_pandas(), npartitions=3), **options)
    got = got.compute().sort_values(["account", "channel"])
    expected = decide_channels_table(frame, **options).sort("account", "channel")
    assert expected["role_metric_trend"].drop_nulls().len() > 0
    assert set(expected["ruleset"]) == {'{"params": {"improving": 0.2}}'}
    for name in ("decision", "rule", "fulfils_role", "role_metric_trend", "social_months",
                 "currency", "ruleset"):  # fmt: skip
        want = expected[name].to_list()
        seen = [None if v is None or v != v else v for v in got[name].tolist()]  # NaN: null
        assert seen == want, name


def test_achievability_on_dask_matches_the_table() -> None:
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.dates import add_months
    from goalrules.scale.batch import assess_achievability_dask, assess_achievability_table

    rng = random.Random(4)
    goals, rows = [], []
    for i in range(30):
        base = rng.uniform(100, 5000)
        goals.append({"id": f"g{i}", "metric": "followers", "target": f"{base * rng.uniform(1.1, 3):.0f} followers",
                      "start": dt.date(2026, 5, 1), "deadline": f"within {rng.randint(2, 12)} months"})  # fmt: skip
        if i % 7 == 0:
            continue  # no history at all: insufficient data, still reported
        v = base
        for m in range(rng.randint(1, 10)):
            rows.append(
                {"goal": f"g{i}", "date": add_months(dt.date(2025, 6, 30), m), "value": round(v)}
            )
            v *= rng.uniform(0.95, 1.12)
    goals_table, history = pl.DataFrame(goals), pl.DataFrame(rows)
    today = dt.date(2026, 5, 1)
    expected = assess_achievability_table(goals_table, history, today=today)
    frame = dd.from_pandas(history.to_pandas(), npartitions=4)
    got = assess_achievability_dask(goals_table, frame, today=today).compute(scheduler="sync")
    got = pl.from_pandas(got.reset_index(drop=True)).sort("goal")
    assert got.height == 30
    assert (
        got.select("goal", "verdict").rows()
        == expected.sort("goal").select("goal", "verdict").rows()
    )
    for a, b in zip(got["probability"], expected.sort("goal")["probability"], strict=True):
        assert a == pytest.approx(b, nan_ok=True) or (a is None and b is None)
    bad = history.with_columns(
        pl.when(pl.col("goal") == "g1").then(None).otherwise(pl.col("date")).alias("date")
    )
    with pytest.raises(gr.DataError, match=r"partition \d+: history: .* empty value"):
        assess_achievability_dask(
            goals_table, dd.from_pandas(bad.to_pandas(), npartitions=3), today=today
        ).compute(scheduler="sync")


def test_a_book_with_capitalised_columns_on_dask_matches_the_table() -> None:
    """``decide_channels_table`` reads "Account" and "Spend" as a file's columns are
    read, without case; on Dask the shuffle asked for "account" and raised KeyError."""
    dd = pytest.importorskip("dask.dataframe")
    from goalrules.scale.batch import decide_channels_dask

    rows = book(7, 5, 8)
    frame = pl.DataFrame(rows).with_columns(pl.col("spend").cast(pl.Float64))
    titled = frame.rename({c: c.title() for c in frame.columns})
    got = decide_channels_dask(dd.from_pandas(titled.to_pandas(), npartitions=2)).compute()
    expected = decide_channels_table(frame)
    want = {(r["account"], r["channel"]): r["decision"] for r in expected.iter_rows(named=True)}
    assert {
        (a, c): d for a, c, d in zip(got["account"], got["channel"], got["decision"], strict=True)
    } == want
    with pytest.raises(GoalRulesError, match="missing column account"):
        decide_channels_dask(dd.from_pandas(frame.drop("account").to_pandas(), npartitions=1))
