"""The pass over a book's rows, and the checks it stands in for, say what the
straightforward code says.

:func:`~goalrules.judgments.channel_pass.row_pass` files each row under its channel and
takes a channel's columns straight from its rows when each month is one row with no
optional column; it is held here against every month's rows summed the obvious way
(``0.0 + x + y ...`` in the order of the rows, months sorted), on rows in any order with
months given twice, optional columns, customers not measured and ``-0.0``. Deciding a
book checks it for duplicates in that pass (only a month of several rows can be one):
the error is the one :func:`~goalrules.judgments.channel_rows.no_duplicates` raises on
the rows as read, wherever the duplicate is (a month after ``today``, a source not
judged). A ruleset's check of the facts' quantities is skipped where it would give the
facts back as they are. Numbers are compared by ``repr``: bit for bit.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dates import first_open_month
from goalrules.errors import DataError
from goalrules.judgments.channel_evidence import measure_for_decisions
from goalrules.judgments.channel_pass import RowPass, plain_row_pass, row_pass
from goalrules.judgments.channel_rows import done_by, no_duplicates
from goalrules.judgments.channels import _converts, _ruleset
from goalrules.judgments.sources import classify_source
from goalrules.judgments.stats import UNROLLED_POINTS, theil_sen, theil_sen_at
from tests.test_row_path import OTHER, SOCIAL

_OPTIONAL = ("spend", "hours", "followers", "engagements", "reach")


def _value() -> st.SearchStrategy[float]:
    return st.one_of(st.integers(0, 500).map(float), st.just(0.0), st.just(-0.0),
                     st.integers(1, 50_000).map(lambda i: i / 100))  # fmt: skip


@st.composite
def rows(draw: st.DrawFn, *, names: tuple[str, ...] = SOCIAL) -> list[gr.ChannelMonth]:
    """Rows in any order: months of several rows (campaigns), optional columns on some
    channels only, customers not measured, -0.0 counts."""
    out = []
    plain = draw(st.booleans())  # no optional column anywhere (the usual book)
    for name in draw(st.lists(st.sampled_from(names), min_size=1, max_size=4, unique=True)):
        for m in draw(st.lists(st.integers(0, 20), min_size=1, max_size=13)):
            row: dict[str, Any] = {
                "channel": name, "month": dt.date(2024 + m // 12, m % 12 + 1, 1),
                "visits": draw(_value()), "leads": draw(_value()),
                "customers": None if draw(st.integers(0, 6)) == 0 else draw(_value()),
            }  # fmt: skip
            if not plain:
                for f in _OPTIONAL:
                    if draw(st.integers(0, 5)) == 0:
                        row[f] = draw(_value())
                if draw(st.integers(0, 4)) == 0:
                    row["campaign"] = draw(st.sampled_from(["spring", "launch"]))
            out.append(gr.ChannelMonth(**row))
    keyed = {(r.channel, r.month, r.campaign): r for r in out}  # (no duplicates)
    return list(draw(st.permutations(list(keyed.values()))))


def _reference(book: list[gr.ChannelMonth]) -> dict[str, Any]:
    """Every channel's months summed in the order of the rows, the obvious way."""
    sums: dict[str, dict[dt.date, list[float]]] = {}
    quality: dict[str, list[tuple[Any, ...]]] = {}
    unknown: dict[str, set[dt.date]] = {}
    for r in book:
        customers = math.nan if r.customers is None else r.customers
        if r.customers is None:
            unknown.setdefault(r.channel, set()).add(r.month)
        social = next((x for x in (r.followers, r.engagements, r.reach) if x is not None), None)
        add = (r.visits, r.leads, customers, r.spend or 0.0, r.hours or 0.0, social or 0.0)
        month = sums.setdefault(r.channel, {}).setdefault(r.month, [])
        month[:] = (
            [0.0 + x for x in add]
            if not month
            else [s + x for s, x in zip(month, add, strict=True)]
        )
        if r.leads > r.visits or customers > r.leads:
            quality.setdefault(r.channel, []).append((r.month, r.visits, r.leads, customers))
    columns = {}
    for name in sorted(sums):
        months = sorted(sums[name])
        cols = list(zip(*(sums[name][m] for m in months), strict=True))
        columns[name] = (months, cols)
    return {"columns": columns, "quality": quality,
            "unknown": {k: len(v) for k, v in unknown.items()}}  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(rows())
def test_the_row_pass_is_every_month_summed(book: list[gr.ChannelMonth]) -> None:
    found = row_pass(book)
    want = _reference(book)
    assert list(found.ordered) == list(want["columns"])
    for name, (months, columns) in found.ordered.items():
        want_months, want_columns = want["columns"][name]
        assert list(months) == want_months
        assert repr([list(c) for c in columns[:3]]) == repr([list(c) for c in want_columns[:3]])
        if name in found.spend_known:  # the optional columns, where a row records them
            assert repr(list(columns[3])) == repr(list(want_columns[3]))
        if name in found.hours_known:
            assert repr(list(columns[4])) == repr(list(want_columns[4]))
        if name in found.social_known:
            assert repr(list(columns[5])) == repr(list(want_columns[5]))
    assert repr(found.quality) == repr(want["quality"])
    assert found.unknown == want["unknown"]
    assert found.over == {  # a month's sums of more leads than visits
        name
        for name, (_, cols) in want["columns"].items()
        if any(lead > visit for visit, lead in zip(cols[0], cols[1], strict=True))
    }
    several = len({(r.channel, r.month) for r in book}) < len(book)
    assert found.repeated is several


@st.composite
def books_with_duplicates(draw: st.DrawFn) -> tuple[list[gr.ChannelMonth], dt.date | None]:
    """Rows of social channels and other sources, some given twice (the same row, or
    another of the same channel, month, medium and campaign), some after ``today``."""
    book = draw(rows(names=SOCIAL + OTHER))
    for _ in range(draw(st.integers(0, 2))):
        r = draw(st.sampled_from(book))
        if draw(st.booleans()):
            r = gr.ChannelMonth(channel=r.channel, month=r.month, visits=r.visits + 1,
                                leads=r.leads, campaign=r.campaign)  # fmt: skip
        book.insert(draw(st.integers(0, len(book))), r)
    today = draw(st.sampled_from([None, dt.date(2025, 3, 1), dt.date(2025, 9, 15)]))
    return book, today


def _error(fn: Any) -> str | None:
    try:
        fn()
    except DataError as exc:
        return str(exc)
    return None


@settings(max_examples=150, deadline=None)
@given(books_with_duplicates(), st.booleans())
def test_deciding_raises_what_the_duplicate_check_raises(
    book: tuple[list[gr.ChannelMonth], dt.date | None], all_sources: bool
) -> None:
    rows_, today = book
    want = _error(lambda: no_duplicates(list(rows_)))
    got = _error(lambda: gr.decide_channels(rows_, today=today, all_sources=all_sources))
    assert got == want
    if want is not None:  # also given as mappings (read row by row, then checked)
        mappings = [{k: v for k, v in _fields(r).items() if v is not None} for r in rows_]
        assert _error(lambda: gr.decide_channels(mappings, today=today)) == want


def _fields(r: gr.ChannelMonth) -> dict[str, Any]:
    return {f: getattr(r, f) for f in ("channel", "month", "visits", "leads", "customers",
                                       "campaign", "spend", "hours", "followers",
                                       "engagements", "reach")}  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(rows(names=SOCIAL + OTHER), st.sampled_from([dt.date(2024, 1, 1), dt.date(2025, 6, 30)]))
def test_the_months_over_are_those_before_the_month_under_way(
    book: list[gr.ChannelMonth], today: dt.date
) -> None:
    kept, notes = done_by(book, today)
    cut = first_open_month(today)
    assert kept == [r for r in book if r.month < cut]
    assert bool(notes) is any(r.month >= cut for r in book)


@settings(max_examples=100, deadline=None)
@given(
    rows(names=SOCIAL + OTHER),
    st.sampled_from([None, dt.date(2024, 1, 1), dt.date(2025, 6, 30)]),
    st.sampled_from([None, "organic", "paid"]),
    st.sampled_from([list, tuple]),
)
def test_the_usual_book_is_told_apart_as_each_check_would(
    book: list[gr.ChannelMonth], today: dt.date | None, medium: str | None, kind: type
) -> None:
    """``plain_row_pass``: one loop for what reading the rows (their class), leaving
    out the months under way and classifying the sources (their mediums) each check,
    and the pass over the rows: what ``row_pass`` finds of the same rows."""
    if medium is not None:  # one row of some medium
        book = [*book[:-1], gr.ChannelMonth(**{**_fields(book[-1]), "medium": medium})]
    got = plain_row_pass(kind(book), today)
    usual = all(r.medium is None for r in book) and (
        today is None or all(r.month < first_open_month(today) for r in book)
    )
    assert (got is not None) is usual
    if got is not None:
        assert got.met == list(dict.fromkeys(r.channel for r in book))
        assert _found(got) == _found(row_pass(book))
    assert plain_row_pass([*book, {"channel": "x"}], today) is None  # not read yet
    assert plain_row_pass(iter(book), today) is None


def _found(found: RowPass) -> str:
    """Everything a pass found, written out (numbers by ``repr``: bit for bit; a set of
    channels in order)."""
    got = {name: getattr(found, name) for name in RowPass.__slots__}
    return repr({k: sorted(v) if isinstance(v, set) else v for k, v in got.items()})


@settings(max_examples=100, deadline=None)
@given(rows(names=SOCIAL + OTHER), st.data())
def test_the_pass_of_some_channels_is_the_pass_over_their_rows(
    book: list[gr.ChannelMonth], data: st.DataObject
) -> None:
    """``RowPass.of_channels``: what a pass over all the rows found of some channels is
    what a pass over their rows alone finds (a channel's columns and notes are its own)."""
    names = {r.channel for r in book}
    some = data.draw(st.sets(st.sampled_from(sorted(names))))
    found = row_pass(book).of_channels(some)
    alone = row_pass([r for r in book if r.channel in some])
    found.repeated = alone.repeated  # (a month of several rows, of any channel: a flag)
    assert _found(found) == _found(alone)


@settings(max_examples=100, deadline=None)
@given(rows(names=SOCIAL + OTHER))
def test_a_channel_judged_is_named_by_its_source_group(book: list[gr.ChannelMonth]) -> None:
    for d in gr.decide_channels(book, all_sources=True):
        source = "(direct)" if d.channel == "direct" else d.channel
        assert d.group == classify_source(source).name


def test_a_month_given_twice_after_today_is_still_a_duplicate() -> None:
    row = gr.ChannelMonth(channel="x", month="2025-08", visits=10, leads=1)
    book = [gr.ChannelMonth(channel="x", month="2025-01", visits=5, leads=1), row, row]
    with pytest.raises(DataError, match="rows 2 and 3 both give x in 2025-08"):
        gr.decide_channels(book, today=dt.date(2025, 6, 1))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, UNROLLED_POINTS + 4),
    st.integers(-1000, 30_000),
    st.data(),
)
def test_theil_sen_of_floats_with_float_gaps_is_theil_sen(
    n: int, start: int, data: st.DataObject
) -> None:
    """``theil_sen_at(xs, floats=True)``: a gap written as a float, for float values
    (a channel's monthly sums): the median of the pairwise slopes, bit for bit."""
    xs = list(range(start, start + n))
    ys = data.draw(st.lists(st.one_of(st.floats(-1e6, 1e6), st.just(-0.0),
                                      st.integers(0, 10**6).map(float)),
                            min_size=n, max_size=n))  # fmt: skip
    assert repr(theil_sen_at(xs, floats=True)(ys)) == repr(theil_sen(xs, ys))


@settings(max_examples=60, deadline=None)
@given(rows(), st.sampled_from([(), (("trial_months", 4),), (("low_volume", "20 %"),)]))
def test_the_numbers_check_skipped_gives_the_facts_back_as_they_are(
    book: list[gr.ChannelMonth], params: tuple[tuple[str, Any], ...]
) -> None:
    ruleset = _ruleset(params)
    assert not _converts(ruleset)
    measured, portfolio = measure_for_decisions(book, {}, 0.15, "EUR")
    for _, facts in measured.values():
        env = {"channel": facts, "portfolio": portfolio.facts()}
        assert ruleset._numbers(env) is env


def test_a_ruleset_converting_money_or_a_whole_fact_is_checked() -> None:
    class Declared:  # what _converts reads of a ruleset
        def __init__(self, quantities: dict[str, Any]) -> None:
            self._quantities = quantities

    money = (("[currency]", 1),), "EUR"
    assert _converts(Declared({"channel": {"spend": money}}))  # type: ignore[arg-type]
    assert _converts(Declared({"portfolio": {"cost_per_lead": money}}))  # type: ignore[arg-type]
    assert _converts(Declared({"channel": money}))  # type: ignore[arg-type]
    assert not _converts(Declared({"channel": {"visits": money}}))  # type: ignore[arg-type]
    assert not _converts(Declared({"history": {"span": money}}))  # type: ignore[arg-type]


def test_channels_sharing_months_are_each_put_in_order() -> None:
    """A channel whose months equal the channel before's (found in order) is in order;
    one of the same months given out of order, or with a month twice, is not taken as
    in order for sharing them."""
    months = [dt.date(2025, m, 1) for m in range(1, 5)]

    def of(name: str, order: list[int]) -> list[gr.ChannelMonth]:
        return [gr.ChannelMonth(channel=name, month=months[i], visits=10 + i, leads=i,
                                campaign="a" if order.count(i) > 1 and k else None)
                for k, i in enumerate(order)]  # fmt: skip

    book = of("facebook", [0, 1, 2, 3]) + of("instagram", [0, 1, 2, 3])
    book += of("linkedin", [3, 1, 0, 2]) + of("x", [0, 1, 1, 2, 3])
    found = row_pass(book)
    want = _reference(book)
    for name, (got_months, columns) in found.ordered.items():
        assert list(got_months) == want["columns"][name][0] == months
        assert repr([list(c) for c in columns[:2]]) == repr(
            [list(c) for c in want["columns"][name][1][:2]]
        )
    assert found.repeated  # x's month given by two rows (two campaigns): summed
