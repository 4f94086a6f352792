from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.ruleset import _unflatten

pl = pytest.importorskip("polars")

TODAY = dt.date(2026, 5, 1)
DECLS = """
fact visits: visit
fact leads: lead
fact hours: hour
fact channel: text
fact start: date
fact paid: bool
"""

# well-typed clauses; {a}, {b} are filled with drawn constants
CLAUSES = [
    "visits > {a}",
    "visits >= {a} visits",
    "leads / visits > {p} %",
    "leads <= {a}",
    "hours < {h} hours",
    "hours * 2 >= {h} hours",
    'channel in ["linkedin", "x"]',
    'channel == "facebook"',
    'channel not in ["x"]',
    "start is set",
    "visits is missing",
    "paid",
    "not paid",
    "months_between(start, today) >= {m} months",
    "start + {m} months <= today",
    "today - start > {d} days",
    "wilson_lower(leads, visits) > {p} %",
    "share(leads, visits) < {p} %",
    "max(visits, {a}) > {b}",
    "min(leads, {a}) < {b}",
    "abs(visits - {a}) > {b}",
    "(leads / visits if visits > 0 else 0) > {p} %",
    "cmgr(visits, visits * 2, {m} months) > 5 %",
    'lower(channel) == "linkedin"',
]


@st.composite
def rulesets(draw: st.DrawFn) -> gr.RuleSet:
    lines = ["ruleset t", DECLS]
    for i in range(draw(st.integers(1, 6))):

        def clause() -> str:
            template = draw(st.sampled_from(CLAUSES))
            return template.format(
                a=draw(st.integers(0, 3000)), b=draw(st.integers(0, 3000)),
                p=draw(st.integers(0, 20)), h=draw(st.integers(0, 50)),
                m=draw(st.integers(1, 12)), d=draw(st.integers(1, 300)),
            )  # fmt: skip

        check = clause()
        for _ in range(draw(st.integers(0, 2))):
            check = f"({check}) {draw(st.sampled_from(['and', 'or']))} ({clause()})"
        guard = f"when {clause()}" if draw(st.booleans()) else ""
        kind = draw(
            st.sampled_from(
                [f"criterion c{i % 2} weight {1 + i % 3}", f"decision d{i} priority {i % 3}"]
            )
        )
        lines.append(f"rule r{i} {kind} {guard} check {check}")
    return gr.load_rules("\n".join(lines))


def _maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


@st.composite
def tables(draw: st.DrawFn) -> object:
    n = draw(st.integers(1, 25))
    col = lambda s: draw(st.lists(_maybe(s), min_size=n, max_size=n))  # noqa: E731
    return pl.DataFrame(
        {
            "visits": col(st.integers(0, 5000)),
            "leads": col(st.integers(0, 300)),
            "hours": col(st.floats(0, 100, allow_nan=False)),
            "channel": col(st.sampled_from(["linkedin", "x", "facebook", "LinkedIn"])),
            "start": col(st.dates(dt.date(2025, 1, 1), dt.date(2026, 12, 31))),
            "paid": col(st.booleans()),
        },
        schema={
            "visits": pl.Int64,
            "leads": pl.Int64,
            "hours": pl.Float64,
            "channel": pl.String,
            "start": pl.Date,
            "paid": pl.Boolean,
        },
    )


@settings(max_examples=150)
@given(rulesets(), tables())
def test_columnar_and_row_backends_agree(rs: gr.RuleSet, df: object) -> None:
    assert_agrees_with_rows(rs, df, rs.evaluate_table(df, today=TODAY, outcomes="code"))


@settings(max_examples=60)
@given(rulesets(), tables(), st.sets(st.sampled_from(["fail", "pass", "unknown", "skipped"])))
def test_findings_table_words_findings_as_the_row_backend(
    rs: gr.RuleSet, df: object, wanted: set[str]
) -> None:
    got = rs.findings_table(df, today=TODAY, outcomes=wanted)
    expected = [
        (i, f.rule, f.outcome.value, f.message, f.fix, f.reason)
        for i, row in enumerate(df.iter_rows(named=True))  # type: ignore[attr-defined]
        for f in rs.evaluate(_unflatten(row), today=TODAY).findings
        if f.outcome.value in wanted
    ]
    assert got.rows() == expected


def test_findings_table_messages_and_bad_outcome_names() -> None:
    rs = gr.load_rules(
        DECLS
        + """
rule rate when visits > 0 check leads / visits > 2 %
  fail "lead rate {leads / visits} is under 2 %"
  fix "test a lead magnet"
"""
    )
    table = pl.DataFrame({"visits": [1000, 1000, None], "leads": [50, 5, 3]})
    got = rs.findings_table(table, today=TODAY)
    assert got["row"].to_list() == [1, 2]
    assert got["message"][0] == "lead rate 0.5 % is under 2 %"
    assert got["fix"][0] == "test a lead magnet"
    assert got["outcome"][1] == "unknown" and "visits" in got["reason"][1]
    with pytest.raises(gr.GoalRulesError, match="unknown outcome 'failed'"):
        rs.findings_table(table, outcomes=["failed"])


@pytest.fixture(scope="module")
def dask_client() -> object:
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@settings(max_examples=25, deadline=None)
@given(rulesets(), tables(), st.integers(1, 3))
def test_dask_and_row_backends_agree(
    dask_client: object, rs: gr.RuleSet, df: object, partitions: int
) -> None:
    """Generated rule sets and tables through the Dask path, partitioned, on two worker
    processes: the outcomes, scores and decisions of the row backend."""
    import dask.dataframe as dd

    from goalrules.scale.distributed import evaluate_dask

    frame = df.to_pandas(use_pyarrow_extension_array=True)  # type: ignore[attr-defined]
    got = evaluate_dask(rs, dd.from_pandas(frame, npartitions=partitions), today=TODAY)
    out = pl.from_pandas(got.compute().reset_index(drop=True))
    assert out.height == df.height  # type: ignore[attr-defined]
    assert_agrees_with_rows(rs, df, out)


@settings(max_examples=15, deadline=None)
@given(rulesets(), tables(), st.integers(1, 3))
def test_findings_on_dask_are_the_table_findings(
    dask_client: object, rs: gr.RuleSet, df: object, partitions: int
) -> None:
    import dask.dataframe as dd

    from goalrules.scale.distributed import findings_dask

    frame = df.to_pandas(use_pyarrow_extension_array=True)  # type: ignore[attr-defined]
    frame.index = frame.index * 10 + 7  # labels, not positions, identify the rows
    got = findings_dask(rs, dd.from_pandas(frame, npartitions=partitions), today=TODAY)
    got = got.compute().reset_index(drop=True)
    expected = rs.findings_table(df, today=TODAY)
    assert list(got["index"]) == [i * 10 + 7 for i in expected["row"]]
    for name in ("rule", "outcome", "message", "fix", "reason"):
        assert [None if v is None or v != v else v for v in got[name]] == expected[name].to_list()


def assert_agrees_with_rows(rs: gr.RuleSet, df: object, out: object) -> None:
    for i, row in enumerate(df.iter_rows(named=True)):  # type: ignore[attr-defined]
        report = rs.evaluate(_unflatten(row), today=TODAY)
        for f in report.findings:
            assert out[f.rule][i] == int(_code(f.outcome)), (f.rule, row)
        for name, c in report.criteria.items():
            assert math.isclose(out[f"score:{name}"][i], c.score, abs_tol=1e-9)
            assert out[f"passed:{name}"][i] == c.passed
        if rs.decisions:
            assert out["decision"][i] == report.decision


def _code(outcome: gr.Outcome) -> int:
    return {"fail": 0, "pass": 1, "unknown": 2, "skipped": 3}[outcome.value]


def test_inputs_pyarrow_pandas_and_structs() -> None:
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    rs = gr.load_rules(DECLS + "\nrule a criterion c check leads / visits > 2 %\n")
    data = {"visits": [100, 0, None], "leads": [3, 1, 2]}
    expected = ["pass", "unknown", "unknown"]
    assert rs.evaluate_table(pa.table(data))["a"].to_list() == expected
    assert rs.evaluate_table(pd.DataFrame(data))["a"].to_list() == expected
    goal_rules = gr.load_rules("rule g criterion c check goal.deadline > goal.start")
    nested = pl.DataFrame(
        {"goal": [{"start": dt.date(2026, 1, 1), "deadline": dt.date(2026, 6, 1)}]}
    )
    assert goal_rules.evaluate_table(nested)["g"].to_list() == ["pass"]
    dotted = pl.DataFrame(
        {"goal.start": [dt.date(2026, 1, 1)], "goal.deadline": [dt.date(2025, 6, 1)]}
    )
    assert goal_rules.evaluate_table(dotted)["g"].to_list() == ["fail"]


def test_rules_with_no_columnar_form_fall_back_to_rows() -> None:
    rs = gr.load_rules('rule u criterion c check unit(goal.target) == unit("followers")')
    df = pl.DataFrame({"goal.target": ["3 followers", "3 visits", None]})
    assert rs.evaluate_table(df)["u"].to_list() == ["pass", "fail", "unknown"]


def test_a_column_of_the_wrong_type_names_the_column() -> None:
    rs = gr.load_rules(DECLS + "\nrule a criterion c check visits > 3\n")
    with pytest.raises(gr.DataError) as info:
        rs.evaluate_table(pl.DataFrame({"visits": ["many"]}))
    assert info.value.field == "visits"


def test_missing_columns_are_unknown() -> None:
    rs = gr.load_rules(DECLS + "\nrule a criterion c check visits > 3\n")
    assert rs.evaluate_table(pl.DataFrame({"leads": [1, 2]}))["a"].to_list() == [
        "unknown",
        "unknown",
    ]


def test_a_ruleset_pickles_as_its_text() -> None:
    import pickle

    rs = gr.shipped_ruleset("channels").with_params(trial_months=4)
    again = pickle.loads(pickle.dumps(rs))
    assert again.params["trial_months"] == 4 and [r.id for r in again] == [r.id for r in rs]
    with pytest.raises(pickle.PicklingError):
        pickle.dumps(rs.without("keep.steady"))


def test_a_failing_partition_is_named() -> None:
    pd = pytest.importorskip("pandas")
    from goalrules.scale.distributed import evaluate_partition

    rs = gr.load_rules(DECLS + "\nrule a criterion c check visits > 3\n")
    with pytest.raises(gr.DataError, match="partition 3"):
        evaluate_partition(pd.DataFrame({"visits": ["x"]}), rs, TODAY, {"number": 3})


def test_dask_on_a_local_cluster_matches_the_columnar_backend(dask_client: object) -> None:
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    from goalrules.scale.distributed import evaluate_dask

    rs = gr.load_rules(
        DECLS
        + """
rule volume criterion c check visits >= 1000
rule rate criterion c when visits > 0 check leads / visits > 2 %
rule keep decision keep priority 2 check leads / visits > 5 %
rule cut decision cut priority 1 check leads == 0
"""
    )
    frame = pd.DataFrame({"visits": [float(v) for v in range(0, 4000, 37)],
                          "leads": [float(v % 97) for v in range(0, 4000, 37)]})  # fmt: skip
    got = evaluate_dask(rs, dd.from_pandas(frame, npartitions=4), today=TODAY).compute()
    expected = rs.evaluate_table(frame, today=TODAY, outcomes="code")
    from polars.testing import assert_frame_equal

    assert_frame_equal(pl.from_pandas(got.reset_index(drop=True)), expected, check_dtypes=False)


@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.floats(-100, 100)), st.one_of(st.none(), st.floats(-100, 100))
        ),
        min_size=1,
        max_size=20,
    )
)
def test_numeric_columns_of_run_time_units_agree_with_rows(
    pairs: list[tuple[float | None, float | None]],
) -> None:
    rs = gr.load_rules("""
rule a criterion c check goal.target > goal.baseline * 2 or goal.target is missing
rule b criterion c when goal.baseline is set check goal.target - goal.baseline >= 1
""")
    df = pl.DataFrame({"goal.target": [p[0] for p in pairs], "goal.baseline": [p[1] for p in pairs]},
                      schema={"goal.target": pl.Float64, "goal.baseline": pl.Float64})  # fmt: skip
    out = rs.evaluate_table(df, outcomes="code")
    for i, row in enumerate(df.iter_rows(named=True)):
        for r in rs:
            assert out[r.id][i] == r._fast(_unflatten(row), TODAY), (r.id, row)


def test_nan_in_a_float_column_is_a_missing_value() -> None:
    """As pandas writes a missing number: unknown, never a pass (polars orders NaN above
    every number, so `NaN > 10` would otherwise hold)."""
    pa = pytest.importorskip("pyarrow")
    rs = gr.load_rules(DECLS + "rule a check visits > 10\nrule b check not (visits > 10)\n")
    for table in (pl.DataFrame({"visits": [float("nan"), 5.0]}),
                  pa.table({"visits": [float("nan"), 5.0]})):  # fmt: skip
        out = rs.evaluate_table(table, today=TODAY)
        assert out.rows() == [("unknown", "unknown"), ("fail", "pass")]


def test_a_date_moved_past_the_calendar_is_undefined_in_both_backends() -> None:
    rs = gr.load_rules(DECLS + "rule r check start + 12 months <= today\n")
    table = pl.DataFrame({"start": [dt.date(9999, 1, 1), dt.date(2025, 1, 1)]})
    out = rs.evaluate_table(table, today=TODAY)
    rows = [rs.evaluate(_unflatten(r), today=TODAY).findings[0].outcome.value
            for r in table.iter_rows(named=True)]  # fmt: skip
    assert out["r"].to_list() == rows == ["unknown", "pass"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(0, 10**7), min_size=1, max_size=30),
    st.integers(1, 10**6),
    st.sampled_from([">=", "<=", "=="]),
)
def test_a_division_by_a_number_is_the_quotient_on_both_backends(
    visits: list[int], by: int, op: str
) -> None:
    # polars divides by a constant through its reciprocal, a last bit off for many
    # values: a rule set at the exact quotient must read the same in columns as in rows
    edge = visits[0] / by
    rs = gr.load_rules(f"""
fact visits: visit
rule edge criterion c check visits / {by} {op} {edge!r} visit
rule share criterion c check share(visits, {by}) {op} {edge!r}
rule lower criterion c check wilson_lower(visits, {max(visits) + by}) >= 0
""")
    df = pl.DataFrame({"visits": visits}, schema={"visits": pl.Int64})
    out = rs.evaluate_table(df, today=TODAY, outcomes="code")
    for i, v in enumerate(visits):
        for r in rs:
            assert out[r.id][i] == r._fast({"visits": v}, TODAY), (r.id, v)
    assert out["edge"][0] == 1  # the first row's quotient is the edge: a pass
