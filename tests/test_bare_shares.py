"""A share given without its unit (a param's Python override, a rule test's given
value) is refused with both readings named, never read as a hundredfold share."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.rule_tests import run_rule_tests
from goalrules.errors import GoalRulesError

ROWS = [
    {"channel": ch, "month": f"2026-{m:02d}", "visits": v, "leads": v // 50}
    for ch, v in (("facebook", 3000), ("instagram", 400), ("linkedin", 900))
    for m in range(1, 7)
]


@pytest.mark.parametrize("number", [12, 12.0, 15, 1, -2, 1.0])
def test_a_python_number_above_one_for_a_share_param_is_refused(number: float) -> None:
    """``decide_channels(rows, low_volume=12)`` read 1,200 %: every channel was "low
    volume"; a fraction is at most 1 in size, and the error says how to write 12 %."""
    with pytest.raises(GoalRulesError, match="param low_volume is a share") as caught:
        gr.shipped_ruleset("channels").with_params(low_volume=number)
    assert f"'{number} %'" in str(caught.value)
    assert f"{number / 100!r}" in str(caught.value)
    with pytest.raises(GoalRulesError, match="a Python number is read as a fraction"):
        gr.decide_channels(ROWS, today=dt.date(2026, 7, 15), low_volume=number)


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=1, max_value=99))
def test_a_fraction_reads_as_the_share_its_text_does(percent: int) -> None:
    """A fraction (``0.12``) is the share written ``12 %``: the same decisions."""
    channels = gr.shipped_ruleset("channels")
    as_fraction = channels.with_params(low_volume=percent / 100)
    as_text = channels.with_params(low_volume=f"{percent} %")
    assert as_fraction.params["low_volume"] == pytest.approx(as_text.params["low_volume"])
    today = dt.date(2026, 7, 15)
    one = gr.decide_channels(ROWS, today=today, rules=as_fraction)
    other = gr.decide_channels(ROWS, today=today, rules=as_text)
    assert [d.decision for d in one] == [d.decision for d in other]


def test_a_count_param_still_takes_a_python_number() -> None:
    assert gr.shipped_ruleset("channels").with_params(trial_months=4).params["trial_months"]


RULES = """\
ruleset shares "Shares"
rule low decision optimize priority 2 check channel.visits_share < 15 %
rule high decision keep priority 1 check channel.visits_share >= 15 %
"""


@pytest.mark.parametrize(("written", "meant"), [("12", "'12 %'"), ("0.12", "'12 %' or '0.12 %'")])
def test_a_test_giving_a_share_as_a_bare_number_is_an_error_at_its_place(
    tmp_path: Path, written: str, meant: str
) -> None:
    """``given channel.visits_share = 12`` ran the test on a share of 1,200 % (the rule
    "keep" passed, the test with it): it is an error naming the file, line and column."""
    test = f'test "a low share"\n  given channel.visits_share = {written}\n  expect decision optimize\n'
    (tmp_path / "shares.rules").write_text(RULES + "\n" + test)
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 2
    (error,) = run.errors
    assert str(error).splitlines()[0] == (
        f"{tmp_path / 'shares.rules'}:6:32: channel.visits_share is a share: write the given "
        f"value with its unit, such as {meant} (the bare number {written} is "
        f"{'1,200 %' if written == '12' else '12 %'})"
    )


@pytest.mark.parametrize("written", ["12 %", "0", "0 %", "-0"])
def test_a_share_given_with_its_unit_or_zero_runs(tmp_path: Path, written: str) -> None:
    test = f'test "a low share"\n  given channel.visits_share = {written}\n  expect decision optimize\n'
    (tmp_path / "shares.rules").write_text(RULES + "\n" + test)
    run = run_rule_tests([tmp_path])
    assert run.exit_code == 0, run.text()


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=-500, max_value=500).filter(bool),
    st.sampled_from(["param", "literal", "sum"]),
)
def test_a_bare_number_beside_a_share_in_a_rule_is_an_error_at_its_place(
    number: int, where: str
) -> None:
    """``param low_volume = 12`` compared with ``channel.visits_share`` passed ``rules
    check`` (only ``rules lint`` saw it): the rules read 1,200 %, its writer 12 %. It is
    an error at the number (or the param's name) whatever its size; with its unit, or 0,
    the rule loads."""
    compared = {
        "param": "low_volume",
        "literal": str(number),
        "sum": f"channel.visits_share - {number}",
    }
    check = (
        f"check channel.visits_share < {compared[where]}"
        if where != "sum"
        else f"check {compared[where]} < 0"
    )
    text = f"param low_volume = {number}\nrule low decision optimize {check}\n"
    with pytest.raises(GoalRulesError) as caught:
        gr.load_rules(text, source="shares.rules")
    err = caught.value
    column = text.splitlines()[1].rindex(str(number) if where != "param" else "low_volume") + 1
    assert (err.source, err.line, err.column) == ("shares.rules", 2, column)
    assert f"'{number} %'" in str(err) and "is a share" in str(err)
    gr.load_rules(text.replace(f"= {number}", f"= {number} %").replace(f"- {number}", f"- {number} %")
                  .replace(f"< {number}", f"< {number} %"))  # fmt: skip
    gr.load_rules(text.replace(str(number), "0"))


def test_rules_check_refuses_a_bare_share_param(tmp_path: Path) -> None:
    from goalrules.cli import main

    path = tmp_path / "shares.rules"
    path.write_text(
        "param low_volume = 12\n"
        "rule low decision optimize check channel.visits_share < low_volume\n"
    )
    out = io.StringIO()
    assert main(["rules", "check", str(path)], out=out) == 2
    first = out.getvalue().splitlines()[0]
    assert first == (
        f"{path}:2:57: `channel.visits_share` is a share: write the param low_volume with its "
        "unit, such as '12 %' (the bare number 12 is 1,200 %)"
    )


@pytest.mark.parametrize(
    "check",
    [
        "min(channel.visits_share, 12) > 5 %",
        "channel.visits_share in [5 %, 12]",
        "(channel.visits_share if channel.months > 3 else 12) > 5 %",
    ],
)
def test_a_bare_number_read_beside_a_share_elsewhere_is_an_error(check: str) -> None:
    """``min(share, 12)``, a list of shares, an ``if``'s branch: 12 beside a share."""
    with pytest.raises(GoalRulesError, match="is a share") as caught:
        gr.load_rules(f"rule r criterion x check {check}")
    assert caught.value.column == len("rule r criterion x check ") + check.index("12") + 1
    gr.load_rules(f"rule r criterion x check {check.replace('12', '12 %')}")
