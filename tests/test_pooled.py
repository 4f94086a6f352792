"""A flow's growth centre learnt across a workspace's histories of its metric."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments.pooled import CENTRE_SPREAD, flow_centre, workspace_centres

START = dt.date(2024, 1, 31)
TODAY = dt.date(2026, 1, 10)


def flow(drift: float, seed: int, n: int = 24, noise: float = 0.2) -> list[float]:
    rng = random.Random(seed)
    return [1000 * math.exp(drift * i + rng.gauss(0, noise)) for i in range(n)]


def series(values: list[float], metric: str = "visits") -> gr.MetricSeries:
    points = [(month_end(add_months(START, i)), v) for i, v in enumerate(values)]
    return gr.MetricSeries.from_pairs(points, metric=metric)


def numbered(values: list[float]) -> tuple[list[float], list[int]]:
    first = START.year * 12 + START.month - 1
    return values, list(range(first, first + len(values)))


def test_growing_flows_move_the_centre_up_and_shrink_it_towards_the_default() -> None:
    found = flow_centre([numbered(flow(0.04, seed)) for seed in range(40)], gr.GrowthPrior())
    assert found is not None and found.histories == 40
    assert 0.02 < found.centre < 0.05
    assert found.prior.mean == found.centre
    few = flow_centre([numbered(flow(0.04, seed)) for seed in range(4)], gr.GrowthPrior())
    assert few is not None and 0 < few.centre < found.centre  # four histories: less known
    assert flow_centre([numbered(flow(0.04, s)) for s in range(3)], gr.GrowthPrior()) is None


def test_short_or_non_positive_histories_do_not_count() -> None:
    usable = [numbered(flow(0.0, seed)) for seed in range(3)]
    short = [numbered(flow(0.0, 9, n=4))]
    zero = [numbered([0.0, *flow(0.0, 8)[1:]])]
    assert flow_centre(usable + short + zero, gr.GrowthPrior()) is None
    assert flow_centre([*usable, numbered(flow(0.0, 7))], gr.GrowthPrior()) is not None


@settings(max_examples=30, deadline=None)
@given(
    drifts=st.lists(st.floats(-0.05, 0.05), min_size=4, max_size=9),
    seed=st.integers(0, 10_000),
    data=st.data(),
)
def test_the_centre_ignores_order_and_lies_between_the_default_and_the_histories(
    drifts: list[float], seed: int, data: st.DataObject
) -> None:
    items = [numbered(flow(d, seed + i)) for i, d in enumerate(drifts)]
    found = flow_centre(items, gr.GrowthPrior())
    shuffled = data.draw(st.permutations(items))
    again = flow_centre(shuffled, gr.GrowthPrior())
    assert found is not None and again is not None
    assert again.centre == pytest.approx(found.centre, abs=1e-12)
    # each history's own mean change, as the centre reads them: the centre is a shrunk
    # weighted mean of them, so it never leaves their range (with the default, 0)
    means = [math.log(v[-1] / v[0]) / (len(v) - 1) for v, _ in items]
    assert min(0.0, *means) - 0.05 <= found.centre <= max(0.0, *means) + 0.05
    assert abs(found.centre) <= max(abs(m) for m in means) + 0.05
    assert CENTRE_SPREAD > 0


def test_only_flows_with_enough_histories_get_a_centre() -> None:
    hist = {(f"ch{i}", "visits"): series(flow(0.03, i)) for i in range(5)}
    hist |= {(f"ch{i}", "followers"): series(flow(0.03, i, noise=0.01), "followers")
             for i in range(5)}  # fmt: skip
    hist |= {(f"ch{i}", "leads"): series(flow(0.03, i), "leads") for i in range(3)}
    found = workspace_centres(hist, gr.GrowthPrior(), TODAY)
    assert set(found) == {"visits"}  # followers: a stock; leads: three histories


def test_a_total_beside_its_channels_does_not_count_twice() -> None:
    hist = {(f"ch{i}", "visits"): series(flow(0.03, i)) for i in range(4)}
    with_total = hist | {("all", "visits"): series(flow(0.2, 99))}
    a = workspace_centres(hist, gr.GrowthPrior(), TODAY)["visits"]
    b = workspace_centres(with_total, gr.GrowthPrior(), TODAY)["visits"]
    assert (a.centre, a.histories) == (b.centre, b.histories)


WORKSPACE = """
[workspace]
name = "Agency"
today = 2026-01-10
{prior}
[[goal]]
id = "visits-ch0"
statement = "Reach 1,500 visits a month on ch0 by 2026-12-31"
metric = "visits"
channel = "ch0"
target = "1500 visits / month"
deadline = 2026-12-31
"""


def check(tmp_path: Path, drift: float, prior: str = "") -> gr.CheckResult:
    ws = tmp_path / "ws.toml"
    ws.write_text(WORKSPACE.format(prior=prior))
    hist = {(f"ch{i}", "visits"): series(flow(drift, i)) for i in range(6)}
    return gr.run_check(ws, history=hist)


def chance(result: gr.CheckResult) -> float:
    ach = result.goals[0].smart.achievability
    assert ach is not None and ach.probability is not None
    return ach.probability


def test_a_check_learns_the_centre_and_says_so(tmp_path: Path) -> None:
    growing = check(tmp_path, 0.04)
    note = [n for n in growing.notes if "visits histories" in n]
    assert note and "6 visits histories" in note[0] and "+" in note[0]
    # a prior the user gave is kept as given: no centre is learnt, nothing is said
    given_prior = check(tmp_path, 0.04, prior="prior = { tau = 0.015 }")
    assert not [n for n in given_prior.notes if "visits histories" in n]
    assert chance(given_prior) < chance(growing)  # the accounts' growth lifts the chance


def test_other_accounts_growth_moves_a_flat_accounts_chance(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WORKSPACE.format(prior=""))
    own = {("ch0", "visits"): series(flow(0.0, 0))}
    chances = []
    for drift in (-0.03, 0.0, 0.03):
        others = {(f"ch{i}", "visits"): series(flow(drift, i)) for i in range(1, 6)}
        chances.append(chance(gr.run_check(ws, history=own | others)))
    assert chances[0] < chances[1] < chances[2]


def test_the_centre_at_a_date_reads_nothing_after_it() -> None:
    day = month_end(add_months(START, 11))
    base = {(f"ch{i}", "visits"): flow(0.03, i) for i in range(5)}
    later = {k: v[:12] + [x * 50 for x in v[12:]] for k, v in base.items()}  # a later boom
    a = workspace_centres({k: series(v) for k, v in base.items()}, gr.GrowthPrior(), day)
    b = workspace_centres({k: series(v) for k, v in later.items()}, gr.GrowthPrior(), day)
    assert a["visits"] == b["visits"]
    assert (
        workspace_centres({k: series(v) for k, v in later.items()}, gr.GrowthPrior(), TODAY)[
            "visits"
        ].centre
        > a["visits"].centre + 0.05
    )


def test_the_backtest_replays_the_centre_a_check_would_learn() -> None:
    hist = {(f"ch{i}", "visits"): series(flow(0.04, i)) for i in range(5)}
    pooled = gr.backtest(hist, horizons=(6,))
    alone = gr.backtest(hist, horizons=(6,), prior=gr.GrowthPrior())
    assert pooled.goals == alone.goals > 0
    # growing flows: learning their centre gives the met targets more of a chance
    assert pooled.brier < alone.brier
    few = dict(list(hist.items())[:3])
    assert (
        gr.backtest(few, horizons=(6,)).brier
        == gr.backtest(few, horizons=(6,), prior=gr.GrowthPrior()).brier
    )


def test_a_lone_flow_far_ahead_says_its_chance_is_rough(tmp_path: Path) -> None:
    ws = tmp_path / "ws.toml"
    ws.write_text(WORKSPACE.format(prior=""))
    alone = gr.run_check(ws, history={("ch0", "visits"): series(flow(0.02, 0))})
    ach = alone.goals[0].smart.achievability
    assert ach is not None and "This chance is rough" in ach.explanation
    assert "four or more histories of visits" in ach.explanation
    together = check(tmp_path, 0.02)  # six histories: the centre is learnt
    learnt = together.goals[0].smart.achievability
    assert learnt is not None and "rough" not in learnt.explanation
    # a stock, or a flow a few months ahead, does not say it
    last = month_end(add_months(START, 23))
    near = gr.Goal("g", metric="visits", target="1500 visits", start=last,
                   deadline=month_end(add_months(last, 3)))  # fmt: skip
    a = gr.assess_achievability(near, series(flow(0.02, 0)), today=last)
    assert a.probability is not None and "rough" not in a.explanation
    stock = gr.Goal("s", metric="followers", target="1500 followers", start=last,
                    deadline=month_end(add_months(last, 9)))  # fmt: skip
    s = gr.assess_achievability(stock, series(flow(0.02, 0, noise=0.01), "followers"), today=last)
    assert s.probability is not None and "rough" not in s.explanation
