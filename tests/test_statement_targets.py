"""Targets that read confidently wrong before: a scale written short ("1.5 mln", "3 K",
"$3 grand") read as its bare number, "mil" (a million, or a thousand?) as its bare number,
"improve" a cost or a time read as a rise of it, "reduce ... 3x" as a tripling, a cut of
more than all of a cost, and a target set for a period the catalog has no word for
("biweekly", "semi-annually") read as a total. Each is now read as meant, or not read,
with a note."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


SCALES = [
    ("million", 10**6), ("mln", 10**6), ("mio", 10**6), ("mn", 10**6), ("M", 10**6),
    ("billion", 10**9), ("bn", 10**9), ("bln", 10**9), ("bil", 10**9), ("B", 10**9),
    ("thousand", 1000), ("thou", 1000), ("k", 1000), ("K", 1000),
]  # fmt: skip


@given(
    st.integers(1, 99),
    st.sampled_from(["", ".5", ".25"]),
    st.sampled_from(SCALES),
    st.sampled_from(["", " "]),
    st.sampled_from([("followers", "followers"), ("impressions", "impressions")]),
)
def test_a_scale_written_short_or_apart_is_the_scale(
    n: int, part: str, scale: tuple[str, int], space: str, noun: tuple[str, str]
) -> None:
    words, factor = scale
    space = " " if len(words) > 1 and words not in ("mn", "bn") else space
    said = f"Reach {n}{part}{space}{words} {noun[0]} on TikTok by June 2027"
    target = read(said).goal.target
    assert target is not None and target.means(f"{float(f'{n}{part}') * factor:g} {noun[1]}")


@given(st.integers(1, 99), st.sampled_from(["$", "£", "€"]))
def test_grand_is_a_thousand_of_money(n: int, sign: str) -> None:
    code = {"$": "USD", "£": "GBP", "€": "EUR"}[sign]
    target = read(f"Make {sign}{n} grand in sales from Instagram by June 2027").goal.target
    assert target is not None and target.means(f"{n * 1000} {code}")


@given(st.integers(1, 99), st.sampled_from(["", ".5"]), st.sampled_from(["mil", "mil.", "mils"]))
def test_mil_is_a_million_or_a_thousand_and_not_read(n: int, part: str, mil: str) -> None:
    reading = read(f"Reach {n}{part} {mil} followers on Instagram by June 2027")
    assert reading.goal.target is None and "target" in reading.not_understood
    assert any("could be" in note and "million" in note and "thousand" in note
               for note in reading.notes)  # fmt: skip


def test_welsh_mil_is_still_a_thousand() -> None:
    reading = read("Cyrraedd 10 mil o ddilynwyr ar Instagram erbyn diwedd 2027")
    assert reading.goal.target is not None and reading.goal.target.means("10000 followers")
