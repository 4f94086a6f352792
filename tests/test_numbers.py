"""One way to write numbers, on every surface: percentages with one decimal and a space,
counts as whole numbers with their unit in the right number, flows with their month,
enum values in words, no scientific notation, and the locale's separators."""

from __future__ import annotations

import datetime as dt
import io
import math
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.dsl.display import format_value
from goalrules.dsl.runtime import DQ
from goalrules.numbers import (
    format_count,
    format_flow,
    format_money,
    format_number,
    format_percent,
    plural,
    use_locale,
    words,
)

finite = st.floats(min_value=-1e18, max_value=1e18, allow_nan=False, allow_infinity=False)


@given(finite)
def test_numbers_never_use_scientific_notation_and_read_back(x: float) -> None:
    text = format_number(x)
    assert "e" not in text.lower()
    back = float(text.replace(",", ""))
    assert math.isclose(back, x, rel_tol=1e-2, abs_tol=1e-12) or (
        abs(x) >= 100 and abs(back - x) <= 0.5
    )


@given(st.floats(min_value=-10, max_value=10, allow_nan=False))
def test_percentages_have_at_most_one_decimal_and_a_space(x: float) -> None:
    text = format_percent(x)
    assert re.fullmatch(r"-?[\d,]+(\.\d)? %", text), text
    assert abs(float(text[:-2].replace(",", "")) - x * 100) <= 0.05 + 1e-9
    signed = format_percent(x, signed=True)
    assert signed[0] in "+-" and signed.endswith(" %")


@given(
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.sampled_from(["lead", "customer", "visit", "reply"]),
)
def test_counts_are_whole_with_the_unit_in_the_right_number(x: float, unit: str) -> None:
    text = format_count(x, unit)
    number, word = text.split(" ", 1)
    assert re.fullmatch(r"[\d,]+", number)
    assert int(number.replace(",", "")) == round(x)
    assert (word == unit) == (round(x) == 1)


def test_the_examples_of_the_issue() -> None:
    assert format_percent(0.4931) == "49.3 %"
    assert format_count(56.61, "lead") == "57 leads"
    assert format_count(1, "customer") == "1 customer"
    assert format_flow(29, "lead", dt.date(2025, 12, 31)) == "29 leads in December 2025"
    assert words(gr.Verdict.INSUFFICIENT_DATA) == "not enough data"
    assert words("quick_win") == "quick win"
    assert plural("reply", 2) == "replies" and plural("person", 3) == "people"
    assert format_money(14.81, "USD") == "$14.81"


def test_a_german_team_reads_its_separators() -> None:
    with use_locale("de"):
        assert format_percent(0.4931) == "49,3 %"
        assert format_count(1200, "follower") == "1.200 followers"
        assert format_flow(29, "lead", dt.date(2025, 12, 1)) == "29 leads in Dezember 2025"
    assert format_percent(0.4931) == "49.3 %"  # the block's locale does not leak


def test_an_unknown_locale_is_an_error() -> None:
    with pytest.raises(gr.ValidationError, match="unknown locale"), use_locale("xx_NOPE"):
        pass


def test_rule_messages_use_the_same_numbers() -> None:
    share = format_value(DQ(0.4931, ()))
    assert share == "49.3 %"
    leads = DQ(56.61, (("[lead]", 1),))
    assert format_value(leads) == "57 leads"
    assert format_value(DQ(1.0, (("[customer]", 1),))) == "1 customer"
    assert format_value(DQ(0.4, (("[customer]", 1),))) == "0.4 customers"  # never "none"


def _cli(*argv: str) -> str:
    out = io.StringIO()
    assert main(list(argv), out=out) == 0
    return out.getvalue()


def test_every_surface_writes_percentages_alike() -> None:
    for fmt in ("text", "markdown", "html"):
        page = _cli("channels", str(gr.demo_paths()["performance"]), "--format", fmt,
                    "--today", "2026-01-10")  # fmt: skip
        if fmt == "html":  # what a reader sees: the text between tags, not CSS or charts
            page = re.sub(r"<(style|svg)\b.*?</\1>", "", page, flags=re.DOTALL)
            page = " ".join(re.findall(r">([^<]*)<", page))
        assert not re.search(r"\d%", page), fmt  # "49.3 %", never "49.31%"
        assert "e+" not in page
    assert "49,3 %" in _cli("--locale", "de", "channels", str(gr.demo_paths()["performance"]))


def test_the_trial_message_has_no_placeholder() -> None:
    page = _cli("channels", str(gr.demo_paths()["performance"]), "--today", "2026-01-10")
    assert ": unknown)" not in page and "formats tried" in page
    assert "1 customers" not in page and "insufficient_data" not in page


def test_one_score_per_goal_in_check_plan_and_demo() -> None:
    """A goal scores the same wherever it is shown: `plan` judges the goals as `check`
    and `demo` do, and a goal without a target is not judged on a history it cannot
    be compared with."""
    paths = gr.demo_paths()
    from goalrules.numbers import format_score

    goals = _json("demo", "--format", "json")["goals"]  # (scores shown as the reports show them)
    demo = {g["id"]: int(format_score(g["smart"]["score"])) for g in goals}
    plan = _cli("plan", str(paths["workspace"]), "--history", str(paths["history"]))
    for goal, score in re.findall(r"Goal (\S+) scores (\d+)/100", plan):
        assert demo[goal] == int(score)
    bare = _cli("plan", str(paths["workspace"]))
    for goal, score in re.findall(r"Goal (\S+) scores (\d+)/100", bare):
        ws = gr.load_workspace(paths["workspace"])
        target = next(g for g in ws.goals if g.id == goal).target
        if target is None:  # nothing a history could change
            assert demo[goal] == int(score)


def _json(*argv: str) -> dict[str, object]:
    import json

    result: dict[str, object] = json.loads(_cli(*argv))
    return result


def test_html_pages_say_when_charts_are_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    charts = importlib.import_module("goalrules.report.charts")
    html_report = importlib.import_module("goalrules.report.html")
    review_report = importlib.import_module("goalrules.report.review")

    paths = gr.demo_paths()
    with_charts = _cli("plan", str(paths["workspace"]), "--format", "html")
    if charts.charts_available():
        assert with_charts.count("<svg") == 1 and "plan-chart" in with_charts  # the 2x2
    for module in (charts, html_report, review_report):
        monkeypatch.setattr(module, "charts_available", lambda: False)
    page = _cli("review", str(paths["workspace"]), "--history", str(paths["history"]),
                "--store", str(tmp_path / "g.db"), "--format", "html")  # fmt: skip
    assert "Charts are left out" in page and "<svg" not in page
    plan = _cli("plan", str(paths["workspace"]), "--format", "html")
    assert "Charts are left out" in plan and "<svg" not in plan


@given(st.floats(min_value=-1e-30, max_value=1e-30, allow_nan=False))
def test_tiny_and_huge_numbers_in_every_locale(x: float) -> None:
    for name in ("en", "de", "hi_IN"):
        with use_locale(name):
            for text in (format_number(x), format_number(x * 1e45), format_percent(x)):
                assert "e" not in text.lower().replace("∞", "")


def test_english_is_written_without_babel_as_babel_writes_it() -> None:
    """The default locale's signs, plural rule and month names are known without
    importing Babel: they are Babel's (CLDR's) own."""
    from babel import Locale
    from babel.dates import format_skeleton
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    from goalrules import numbers

    en = Locale.parse("en")
    assert numbers._symbols("en") == (
        get_decimal_symbol(en), get_group_symbol(en), get_minus_sign_symbol(en)
    )  # fmt: skip
    assert numbers._symbols("en") == numbers._locale_symbols("en")
    for year in (1, 999, 2025, 9999):
        for month in range(1, 13):
            day = dt.date(year, month, 1)
            assert numbers.format_month(day) == format_skeleton("yMMMM", day, locale=en)


@given(st.one_of(st.integers(-(10**6), 10**6), finite), st.sampled_from(["lead", "reply", "box"]))
def test_english_plurals_are_cldrs(count: float, word: str) -> None:
    from babel import Locale

    en = Locale.parse("en")
    one = float(count).is_integer() and en.plural_form(abs(count)) == "one"
    assert (plural(word, count) == word) is one


def test_the_demo_imports_no_babel() -> None:
    """``goalrules demo`` (English) formats every number without importing Babel."""
    import subprocess
    import sys

    code = (
        "import sys, io\nfrom goalrules.cli import main\n"
        "main(['demo', '--format', 'json'], out=io.StringIO())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "GOALRULES_LOCALE"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)  # fmt: skip
    assert done.stdout.strip().splitlines()[-1] == "[]"


@given(st.lists(st.floats(0.001, 1e9), min_size=1, max_size=200), st.randoms())
def test_a_sum_in_another_order_is_the_same_but_for_rounding(
    values: list[float], rnd: random.Random
) -> None:
    from goalrules.numbers import same_but_for_rounding

    shuffled = values[:]
    rnd.shuffle(shuffled)
    assert same_but_for_rounding(sum(values), sum(shuffled))
    assert same_but_for_rounding(sum(values) / len(values), math.fsum(shuffled) / len(values))
    total = sum(values)
    assert not same_but_for_rounding(total, total * (1 + 1e-9))  # a real difference
