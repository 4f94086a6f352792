"""A share's history written with its percent sign ('3.2%', as a spreadsheet shows an
engagement rate) was refused, "'3.2%' is a percent, not a number", where '3.2' read as
3.2 %: the sign is read for a metric in per cent, and stays an error in a count."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr


def _history(path: Path, metric: str, cells: list[str], unit: str | None = None) -> Path:
    head = "date,channel,metric,value" + (",unit" if unit else "")
    rows = [f"2026-{m:02d}-01,instagram,{metric},{c}" + (f",{unit}" if unit else "")
            for m, c in enumerate(cells, start=1)]  # fmt: skip
    path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
    return path


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["engagement_rate", "ctr", "conversion_rate", "bounce_rate"]),
    st.lists(st.decimals(0, 100, places=2, allow_nan=False), min_size=1, max_size=6),
    st.sampled_from(["%", " %"]),
)
def test_a_share_with_its_sign_reads_as_without(
    tmp_path: Path, metric: str, values: list[object], sign: str
) -> None:
    plain = gr.load_history(_history(tmp_path / "plain.csv", metric, [str(v) for v in values]))
    signed = gr.load_history(
        _history(tmp_path / "signed.csv", metric, [f"{v}{sign}" for v in values])
    )
    assert plain == signed


def test_a_unit_of_percent_reads_the_sign_too(tmp_path: Path) -> None:
    got = gr.load_history(
        _history(tmp_path / "h.csv", "share_of_voice", ["12.5%", "13%"], "percent")
    )
    assert [p.value for p in next(iter(got.values())).points] == [12.5, 13.0]


def test_a_count_with_a_percent_sign_is_still_an_error(tmp_path: Path) -> None:
    with pytest.raises(gr.GoalRulesError, match=r"'3\.2%' is a percent"):
        gr.load_history(_history(tmp_path / "h.csv", "followers", ["3.2%"]))
