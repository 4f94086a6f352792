"""Decision tables: rows compiled to rules with the same checker, hit policies, overlap
and coverage checks, and the platform-fit table that `fits()` reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import plugins
from goalrules.engine.decision_table import DecisionTable, load_table
from goalrules.errors import DataError, GoalRulesError, RuleSyntaxError
from goalrules.metrics import channel_fits, platform_fit
from goalrules.vocabulary import Objective

SHIPPED = Path(__file__).resolve().parent.parent / "src" / "goalrules" / "rules"

LEVELS = """\
# hit: first
# fact visits: visit
visits, => level, => note
>= 1,000 visits, high, "a lot"
>= 100 visits, medium, "some"
-, low, "few"
"""


def test_first_hit_and_explanations() -> None:
    t = load_table(LEVELS)
    assert t.evaluate(visits=1500).value == {"level": "high", "note": "a lot"}
    assert t.evaluate(visits=150).value == {"level": "medium", "note": "some"}
    r = t.evaluate(visits=10)
    assert r.value == {"level": "low", "note": "few"} and r.rows == (3,)
    assert "line 4" in t.evaluate(visits=1500).explain()  # the rule sits on its row's line


def test_collect_and_priority() -> None:
    collect = load_table(LEVELS.replace("# hit: first", "# hit: collect"))
    assert [o["level"] for o in collect.evaluate(visits=1500).outputs] == ["high", "medium", "low"]
    ranked = load_table(
        LEVELS.replace("# hit: first", "# hit: priority\n# priority: low, medium, high")
    )
    assert ranked.evaluate(visits=1500).value == {"level": "low", "note": "few"}
    with pytest.raises(RuleSyntaxError, match="priority"):
        load_table(LEVELS.replace("# hit: first", "# hit: priority"))


def test_unique_overlaps_are_found_before_and_refused_at_run_time() -> None:
    t = load_table(LEVELS.replace("# hit: first", "# hit: unique"))
    with pytest.raises(DataError, match="hit policy is unique"):
        t.evaluate(visits=1500)
    fit = load_table('# hit: unique\ngoal.channel, goal.objective, => fits\n'
                     '"youtube", in ["brand_awareness", "engagement"], true\n"youtube", -, false\n'
                     '"x", "traffic", true\n')  # fmt: skip
    problems = fit.problems()
    assert any("rows on lines 3 and 4 overlap" in p for p in problems)
    assert any("no row covers" in p and "'linkedin'" in p for p in problems)
    assert any("goal.channel = 'x', goal.objective = 'leads'" in p for p in problems)


def test_errors_point_at_the_cell() -> None:
    with pytest.raises(GoalRulesError) as e:
        load_table("# fact visits: visit\nvisits, => level\n>= 1000 followers, high\n")
    assert (e.value.line, e.value.column) == (3, 1) and "cannot compare" in e.value.message
    with pytest.raises(GoalRulesError) as e:
        load_table(
            "# fact visits: visit\n# fact leads: lead\nvisits, leads, => x\n-, > 3 visits, 1\n"
        )
    assert (e.value.line, e.value.column) == (4, 4)
    with pytest.raises(GoalRulesError) as e:
        load_table("# fact visits: visit\nvisits, => x\n> 3 visits, 1\n-\n")
    assert e.value.line == 4


def test_the_platform_fit_table_is_what_fits_reads() -> None:
    table = load_table(SHIPPED / "platform_fit.table.csv")
    for channel in platform_fit():
        for objective in Objective:
            got = table.evaluate(goal={"channel": channel, "objective": objective.value}).value
            assert (got is not None and got["fits"]) == channel_fits(channel, objective)
    assert channel_fits("LinkedIn", "leads") and not channel_fits("tiktok", "customer_service")


class _Tiktok:
    goalrules_replaces = ("platform_fit",)  # replacing goalrules' own table is declared

    @plugins.hookimpl
    def goalrules_platform_fit(self) -> str:
        return '# hit: first\ngoal.channel, goal.objective, => fits\n"tiktok", -, true\n'


def test_a_plugin_can_replace_the_platform_fit_table() -> None:
    plugin = _Tiktok()
    plugins.register(plugin)
    try:
        assert channel_fits("tiktok", "customer_service") is True
        assert channel_fits("linkedin", "leads") is None  # the new table knows only tiktok
        g = gr.Goal(
            "g", channel="tiktok", objective="customer_service", metric="average_response_time"
        )
        finding = gr.score_smart(g).report.finding("relevant.channel-fits-objective")
        assert finding.outcome.value == "pass"
    finally:
        plugins.unregister(plugin)
    assert channel_fits("tiktok", "customer_service") is False


# -- analysis: gaps, overlaps, shadowed and unreachable rows -------------------------

RANGES = """\
# hit: first
# fact visits: visit
# fact share: ratio
visits, share, => level
>= 1,000 visits, -, high
[100 visits..1,000 visits), >= 10 %, medium
>= 2,000 visits, -, never
< 50 visits, -, low
[10..5], -, contradiction
"""


def test_numeric_and_quantity_gaps_shadowed_and_contradictory_rows() -> None:
    t = load_table(RANGES)
    found = [(p.code, p.line) for p in t.analyse()]
    assert ("GR313", 7) in found  # >= 2,000 hides behind >= 1,000
    assert ("GR314", 9) in found  # [10..5] matches nothing
    gaps = [p.message for p in t.analyse() if p.code == "GR311"]
    assert any("visits >= 50 visits and < 100 visits" in g for g in gaps)
    assert any("visits >= 100 visits and < 1,000 visits, share < 10 %" in g for g in gaps)
    # the messages are true: those inputs match no row, the shadowed row never wins
    assert t.evaluate(visits=70, share=0.5).value is None
    assert t.evaluate(visits=500, share=0.05).value is None
    assert t.evaluate(visits=5000, share=0.5).rows == (1,)


def test_overlaps_under_unique_and_any() -> None:
    unique = load_table(RANGES.replace("# hit: first", "# hit: unique"))
    overlaps = [p.message for p in unique.analyse() if p.code == "GR312"]
    assert overlaps == [
        "<table>: rows on lines 5 and 7 overlap: both match visits >= 2,000 visits, any share"
    ] or any("lines 5 and 7 overlap" in o for o in overlaps)
    same = load_table("# hit: any\n# fact v: visit\nv, => x\n> 1, 1\n> 2, 1\n<= 1, 0\n")
    assert same.analyse() == [] and same.evaluate(v=5).value == {"x": 1.0}
    differ = load_table("# hit: any\n# fact v: visit\nv, => x\n> 1, 1\n> 2, 2\n<= 1, 0\n")
    assert [(p.code, p.line) for p in differ.analyse()] == [("GR312", 5)]
    with pytest.raises(DataError, match="different outputs"):
        differ.evaluate(v=5)
    assert differ.evaluate(v=2).value == {"x": 1.0}


def test_unreachable_by_several_rows_and_cells_not_checked() -> None:
    t = load_table("# fact v: visit\nv, => x\n< 100 visits, low\n>= 100 visits, high\n-, none\n")
    assert [(p.code, p.line) for p in t.analyse()] == [("GR314", 5)]
    odd = load_table("# fact v: visit\nv, => x\nis set, 1\n-, 0\n")
    said = odd.analyse()
    assert [p.code for p in said] == ["GR315"] and "is set" in said[0].message
    assert odd.evaluate(v=3).value == {"x": 1.0} and odd.evaluate().value == {"x": 0.0}


def test_text_columns_without_a_catch_all_miss_other_values() -> None:
    t = load_table('# fact segment: text\nsegment, => x\n"a", 1\n"b", 2\n')
    assert [p.message for p in t.analyse()] == [
        "<table>: no row covers segment = a value no row names"
    ]
    assert t.evaluate(segment="c").value is None and t.evaluate(segment="b").rows == (2,)


# -- hit policies --------------------------------------------------------------------


def test_hit_policies() -> None:
    base = "# fact v: visit\nv, => points\n> 10 visits, 1\n> 100 visits, 2\n-, 4\n"
    got = {
        policy: load_table(f"# hit: {policy}\n" + base).evaluate(v=500)
        for policy in (
            "first",
            "rule order",
            "collect",
            "collect sum",
            "collect count",
            "collect min",
            "collect max",
        )
    }
    assert got["first"].value == {"points": 1.0}
    assert [o["points"] for o in got["rule order"].outputs] == [1.0, 2.0, 4.0]
    assert got["collect"].rows == (1, 2, 3)
    assert got["collect sum"].value == {"points": 7.0}
    assert got["collect count"].value == {"points": 3}
    assert got["collect min"].value == {"points": 1.0}
    assert got["collect max"].value == {"points": 4.0}
    empty = load_table("# hit: collect sum\n# fact v: visit\nv, => p\n> 10 visits, 1\n")
    assert empty.evaluate(v=1).value == {"p": None}  # nothing matched: missing, not 0
    count = load_table("# hit: collect count\n# fact v: visit\nv, => p\n> 10 visits, 1\n")
    assert count.evaluate(v=1).value == {"p": 0}
    with pytest.raises(RuleSyntaxError, match="aggregates one output"):
        load_table("# hit: collect sum\n# fact v: visit\nv, => p, => q\n-, 1, 2\n")
    with pytest.raises(RuleSyntaxError, match="unknown hit policy"):
        load_table("# hit: sometimes\n# fact v: visit\nv, => p\n-, 1\n")


# -- headers and cells (the malformed tables of a fuzzing pass) ------------------------


def test_header_and_quote_errors() -> None:
    with pytest.raises(RuleSyntaxError, match="'a' is named twice") as e:
        load_table('goal.channel, => a, => a\n"x", 1, 2\n')
    assert (e.value.line, e.value.column) == (1, 21)
    with pytest.raises(RuleSyntaxError, match="output column has no name"):
        load_table('goal.channel, =>, => a\n"x", 1, 2\n')
    t = load_table('goal.channel, => x\n"you\\"tube", 1\n')
    assert t.evaluate(goal={"channel": 'you"tube'}).value == {"x": 1.0}


# -- files: CSV and Excel --------------------------------------------------------------


def test_csv_and_xlsx_round_trips(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    t = load_table(RANGES.replace("[10..5], -, contradiction\n", '-, -, "a lot"\n'))
    for name in ("levels.xlsx", "levels.table.csv"):
        back = load_table(t.write(tmp_path / name))
        assert (back.hit, back.inputs, back.outputs) == (t.hit, t.inputs, t.outputs)
        assert [r.outputs for r in back.rows] == [r.outputs for r in t.rows]
        for visits, share in ((5000, 0.5), (150, 0.2), (70, 0.5), (10, 0.0)):
            assert back.evaluate(visits=visits, share=share).value == t.evaluate(
                visits=visits, share=share).value  # fmt: skip


def test_an_analyst_sheet_with_unquoted_text(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["# hit: first"], ["# fact segment: text"], ["# fact visits: visit"],
                ["segment", "visits", "=> advice"], ["smb", ">= 100 visits", "grow it"],
                ["smb", None, "keep measuring"], ["-", 1000, "look closer"]):  # fmt: skip
        sheet.append(row)
    sheet["C4"].data_type = "s"  # typed as '=> advice, so Excel keeps it as text
    path = tmp_path / "advice.xlsx"
    book.save(path)
    t = load_table(path)
    assert t.evaluate(segment="smb", visits=150).value == {"advice": "grow it"}
    assert t.evaluate(segment="smb", visits=5).value == {"advice": "keep measuring"}
    assert t.evaluate(segment="ent", visits=1000).value == {"advice": "look closer"}
    assert t.rows[0].line == 5  # rows are named by their row in the sheet


# -- the index and the analysis agree with trying every row ----------------------------

_SEG = st.sampled_from(["-", '"a"', '"b"', 'in ["a", "c"]', '!= "b"', 'not in ["a"]'])
_N = st.integers(min_value=0, max_value=20)
_V = st.one_of(
    st.just("-"),
    _N.map(lambda n: f">= {n} visits"),
    _N.map(lambda n: f"< {n} visits"),
    _N.map(lambda n: f"<= {n}"),
    _N.map(lambda n: f"{n} visits"),
    st.tuples(_N, _N).map(lambda p: f"[{p[0]} visits..{p[1]} visits)"),
    st.tuples(_N, _N).map(lambda p: f"({p[0]}..{p[1]}]"),
)
_ROWS = st.lists(st.tuples(_SEG, _V, st.sampled_from(["1", "2", "3"])), min_size=1, max_size=8)
_FACTS = st.lists(
    st.tuples(st.sampled_from("abcd"), st.integers(min_value=-1, max_value=42).map(lambda x: x / 2)),
    min_size=1, max_size=12,
)  # fmt: skip


def _table(policy: str, rows: list[tuple[str, str, str]]) -> DecisionTable:
    head = (
        f"# hit: {policy}\n# priority: 3, 2, 1\n# fact seg: text\n# fact v: visit\nseg, v, => x\n"
    )
    return load_table(head + "".join(f"{a}, {b}, {c}\n" for a, b, c in rows))


def _every_row(t: DecisionTable, seg: str, v: float) -> list[int]:
    report = t.ruleset.evaluate({"seg": seg, "v": v})
    return [i for i, f in enumerate(report.findings, start=1) if f.outcome.value == "pass"]


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["first", "priority", "unique", "any"]), _ROWS, _FACTS)
def test_the_index_gives_what_trying_every_row_gives(
    policy: str, rows: list[tuple[str, str, str]], facts: list[tuple[str, float]]
) -> None:
    t = _table(policy, rows)
    problems = t.analyse()
    codes = {p.code for p in problems}
    hidden = {p.line for p in problems if p.code in ("GR313", "GR314")}
    overlapping = any(p.code == "GR312" for p in problems)
    for seg, v in facts:
        hits = _every_row(t, seg, v)
        outs = {t.rows[i - 1].outputs for i in hits}
        clash = (policy == "unique" and len(hits) > 1) or (policy == "any" and len(outs) > 1)
        if clash:
            with pytest.raises(DataError):
                t.evaluate(seg=seg, v=v)
            assert overlapping  # the analysis said so before
            continue
        got = t.evaluate(seg=seg, v=v)
        if not hits:
            assert got.value is None and "GR311" in codes
            continue
        if policy == "priority":
            rank = {3.0: 0, 2.0: 1, 1.0: 2}
            want = min(hits, key=lambda i: rank[t.rows[i - 1].outputs[0]])
        else:
            want = hits[0]
        assert got.rows == (want,)
        assert t.rows[want - 1].line not in hidden  # a row said never used is never used


def test_a_split_too_large_is_said_not_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    from goalrules.engine import table_analysis

    monkeypatch.setattr(table_analysis, "MAX_REGIONS", 2)
    t = load_table("# fact v: visit\nv, => x\n< 1, a\n< 2, b\n< 3, c\n< 4, d\n")
    assert [p.code for p in t.analyse()] == ["GR315"]
    assert "more than 2 regions" in t.problems()[0]
    assert t.evaluate(v=2.5).value == {"x": "c"}  # evaluation tries every row instead


_CHANNEL_CELLS = ["linkedin", "x", "-", 'in ["linkedin", "x"]', '!= "x"']
_VISIT_CELLS = ["-", ">= 100 visits", "< 100 visits", "[50 visits..500 visits)"]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(
        ["first", "unique", "any", "priority", "rule order", "collect", "collect count"]
    ),
    st.lists(
        st.tuples(
            st.sampled_from(_CHANNEL_CELLS), st.sampled_from(_VISIT_CELLS), st.sampled_from("abc")
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from([None, 20, 100, 300]),
)
def test_a_missing_fact_decides_only_what_every_value_of_it_would(
    hit: str, rows: list[tuple[str, str, str]], visits: int | None
) -> None:
    """With a fact missing, a table answers only when every value the fact could take
    gives that answer; else it is undecided. (Under ``first``, a row that could not tell
    was passed over: `linkedin, -, a` above `-, >= 5 visits, b` answered "b" with the
    channel missing, and "a" is the answer when it is LinkedIn.)"""
    lines = [f"# hit: {hit}", "# priority: c, b, a", "# fact channel: text", "# fact visits: visit"]
    lines.append("channel, visits, => out")
    lines += [f"{c}, {v}, {o}" for c, v, o in rows]
    table = load_table("\n".join(lines) + "\n")

    def answer(**facts: object) -> object:
        try:
            result = table.evaluate(**facts)
        except DataError:
            return "conflict"
        return result.outputs if getattr(result, "decided", True) else "undecided"

    given_facts = {} if visits is None else {"visits": visits}
    got = answer(**given_facts)
    if got == "undecided":
        return
    for channel in ("linkedin", "x", "youtube"):
        assert answer(channel=channel, **given_facts) == got, (channel, lines)
    if visits is None:
        for v in (20, 100, 300):
            for channel in ("linkedin", "x", "youtube"):
                assert answer(channel=channel, visits=v) == got, (channel, v, lines)
