"""Channel decisions read every threshold from the ruleset's params, in the rules and in
the evidence the rules are given alike (a traffic driver's "not falling" is the rules'
"declining"), on the row path and the book path."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

pl = pytest.importorskip("polars")

from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402

MONTHS = [f"2026-{m:02d}" for m in range(1, 7)]


def series(name: str, visits: float, leads: float, fall: float = 0.0) -> list[dict[str, Any]]:
    """A channel's six months, its visits and leads changing by ``fall`` a month."""
    return [
        {"channel": name, "month": m, "visits": round(visits * (1 - fall) ** i),
         "leads": round(leads * (1 - fall) ** i)}
        for i, m in enumerate(MONTHS)
    ]  # fmt: skip


def both_paths(
    rows: list[dict[str, Any]], channels: list[gr.Channel], **params: Any
) -> dict[str, gr.ChannelDecision]:
    """The row path's decisions by channel, once the book path is checked to agree."""
    row_path = {d.channel: d for d in gr.decide_channels(rows, channels=channels, **params)}
    table = decide_channels_table(
        pl.DataFrame([{"account": "a", **r} for r in rows]), channels=channels, **params
    )
    for _, d in book_decisions(table, rules=params.get("rules")):
        one = row_path[d.channel]
        assert (d.decision, d.rule, d.evidence.fulfils_role) == (
            one.decision,
            one.rule,
            one.evidence.fulfils_role,
        )
    return row_path


@pytest.mark.parametrize("flat", ["5 %", 0.05])
def test_a_traffic_driver_steady_by_the_rulesets_flat_fulfils_its_role(flat: Any) -> None:
    """With ``flat`` at 5 %, a traffic driver bringing 40 % of the visits, falling 3 % a
    month, is steady by the rules (no rule calls it declining) and so not falling: it does
    its job. It read "does not fulfil its role" (a fixed -2 % a month) and was reduced as
    converting below, the rules' own "steady" notwithstanding."""
    rows = series("facebook", 4000, 40, fall=0.03) + series("linkedin", 3000, 90)
    rows += series("instagram", 3000, 90)
    channels = [gr.Channel("facebook", role="traffic")]
    decided = both_paths(rows, channels, flat=flat)["facebook"]
    assert decided.evidence.fulfils_role is True
    assert (decided.decision, decided.rule) == (gr.Decision.KEEP, "keep.fulfils-role")


def test_a_traffic_driver_declining_by_the_rulesets_flat_does_not_fulfil_its_role() -> None:
    """With ``flat`` at 1 %, the same traffic driver falling 1.5 % a month is declining by
    the rules: it is falling, so it does not do a traffic driver's job. It read "It does
    the job of its role (traffic)": kept, while the rules called its trend a decline."""
    rows = series("facebook", 4000, 40, fall=0.015) + series("linkedin", 3000, 90)
    rows += series("instagram", 3000, 90)
    channels = [gr.Channel("facebook", role="traffic")]
    decided = both_paths(rows, channels, flat="1 %")["facebook"]
    assert decided.evidence.fulfils_role is False
    assert decided.decision is not gr.Decision.KEEP
    assert not any("does the job of its role" in r for r in decided.reasons)


def test_a_declining_channel_costing_nearly_twice_the_portfolio_is_not_called_cheap() -> None:
    """A declining channel converting below whose leads cost 1.8 times the portfolio's is
    reduced rather than cut, and its words say what the rule checked: not over 2 times the
    portfolio's cost. Its rule was ``reduce.declining-but-cheap`` and its message read "but
    its leads cost ... against the portfolio's ...", a channel nearly twice as dear read as
    a cheap one."""
    rows = [
        {**r, "spend": 360 * 0.9**i} for i, r in enumerate(series("facebook", 4000, 20, fall=0.1))
    ]  # (cost per lead 18 USD)
    rows += [{**r, "spend": 900} for r in series("linkedin", 3000, 90)]  # 10 USD a lead
    decided = both_paths(rows, [])["facebook"]
    assert decided.decision is gr.Decision.REDUCE
    assert decided.rule == "reduce.declining-not-costly"
    assert "cheap" not in decided.rule and "cheap" not in " ".join(decided.reasons)
    first = decided.reasons[0]
    assert "not over 2 times the portfolio's" in first, first


def _book_of(rows: list[dict[str, Any]], **options: Any) -> Any:
    return decide_channels_table(pl.DataFrame([{"account": "a", **r} for r in rows]), **options)


# facebook converting below, its leads three times the others' cost: with cost_factor 3
# it is reduced, "with no rise above {improving} a month"
COSTLY = [{**r, "spend": 2000.0} for r in series("facebook", 3000, 20)]
COSTLY += [{**r, "spend": 900.0} for r in series("linkedin", 1000, 30)]
COSTLY += [{**r, "spend": 100.0} for r in series("instagram", 2000, 40)]
CHANGED = {"cost_factor": 3, "improving": "20 %"}


def test_a_book_is_worded_with_the_params_it_was_decided_with() -> None:
    """A book decided with ``improving="20 %"`` and worded by ``book_decisions(table)``
    (or ``render_book``) without them read "with no rise above 10 % a month" (the
    default's words beside the decision of 20 %); its params travel in the table."""
    from goalrules.report import render_book

    table = _book_of(COSTLY, **CHANGED)
    one = {d.channel: d for d in gr.decide_channels(COSTLY, **CHANGED)}
    worded = {d.channel: d for _, d in book_decisions(table)}
    assert worded["facebook"].rule == "reduce.below-portfolio"
    assert "with no rise above 20 % a month" in worded["facebook"].reasons[0]
    assert {c: d.reasons for c, d in worded.items()} == {c: d.reasons for c, d in one.items()}
    assert "above 20 % a month" in render_book(table, "json")
    # the same params, written otherwise, are the same
    assert book_decisions(table, cost_factor=3.0, improving=0.2)[0][1].reasons


@pytest.mark.parametrize(
    ("decided", "worded", "match"),
    [
        ({}, CHANGED, "decided with the channels rules' own params but worded with params"),
        (CHANGED, {"improving": "20 %"}, "decided with params cost_factor=3.0, improving=0.2"),
        (CHANGED, {"rules": gr.shipped_ruleset("channels")}, "worded with the channels rules'"),
    ],
)
def test_a_book_worded_with_other_params_is_an_error(
    decided: dict[str, Any], worded: dict[str, Any], match: str
) -> None:
    with pytest.raises(gr.DataError, match=match):
        book_decisions(_book_of(COSTLY, **decided), **worded)


def test_a_book_decided_by_other_rules_is_worded_by_them_or_not_at_all() -> None:
    rules = gr.shipped_ruleset("channels").without("reduce.below-portfolio")
    table = _book_of(COSTLY, rules=rules)
    with pytest.raises(gr.DataError, match="decided by the rules channels"):
        book_decisions(table)
    assert [d.rule for _, d in book_decisions(table, rules=rules)] == table["rule"].to_list()


def test_a_book_is_worded_in_the_currency_it_was_decided_in() -> None:
    """Decided in EUR and worded without a currency, its costs read "USD"."""
    table = _book_of(COSTLY, currency="EUR")
    facebook = next(d for _, d in book_decisions(table) if d.channel == "facebook")
    costs = [r for r in facebook.reasons if r.startswith("spend ")]
    assert costs and "EUR" in costs[0] and "USD" not in costs[0]
    with pytest.raises(gr.DataError, match="its costs are in EUR, not USD"):
        book_decisions(table, currency="USD")


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from([1.5, 2, 3, 4]),
    st.sampled_from(["5 %", "10 %", "25 %"]),
    st.sampled_from([0.01, "2 %", "8 %"]),
)
def test_a_books_words_are_its_rows_words_whatever_its_params(
    cost_factor: float, improving: str, flat: Any
) -> None:
    params = {"cost_factor": cost_factor, "improving": improving, "flat": flat}
    rows = COSTLY + series("tiktok", 1500, 20, fall=0.06)
    one = {d.channel: d.reasons for d in gr.decide_channels(rows, **params)}
    worded = {d.channel: d.reasons for _, d in book_decisions(_book_of(rows, **params))}
    assert worded == one


def _with_role_share(share: str) -> gr.RuleSet:
    """The shipped channels ruleset as a copy of its file with ``param role_share``
    edited (an analyst's edit)."""
    from importlib import resources

    text = (resources.files("goalrules") / "rules" / "channels.rules").read_text("utf-8")
    edited = text.replace("param role_share = 15 %", f"param role_share = {share}")
    assert edited != text
    return gr.load_rules(edited)


@pytest.mark.parametrize("how", ["rules", "keyword"])
def test_the_role_share_param_is_read_from_the_ruleset(how: str) -> None:
    """``param role_share`` edited in a copy of the rule file (or ``rules diff --param
    channels.role_share=...``) changed nothing: the share a traffic driver must bring
    was read from decide_channels' keywords alone. x brings 20 % of the visits: it
    drives traffic at 15 %, not at 30 %."""
    rows = series("linkedin", 4000, 40) + series("x", 1000, 10)
    channels = [gr.Channel("x", role="traffic")]
    assert both_paths(rows, channels)["x"].evidence.fulfils_role is True
    extra: dict[str, Any] = (
        {"rules": _with_role_share("30 %")} if how == "rules" else {"role_share": "30 %"}
    )
    assert both_paths(rows, channels, **extra)["x"].evidence.fulfils_role is False
