"""Halves as each language writes them: "Reduce cost per click to half" (and Welsh "i'r
hanner", Tagalog "sa kalahati", Malay "separuh" and "kepada separuh") read no target and
said nothing; Malay "separuh pertama tahun 2027" (H1 2027) no deadline. Welsh "erbyn Gŵyl
Dewi" (St David's Day, 1 March) gave no deadline and no note."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


def _goal(statement: str, lang: str | None = None) -> gr.Goal:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {})).goal


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Reduce cost per click to half by September", None),
        ("Reduce the CPC to the half by September", None),
        ("Lleihau'r gost fesul clic i'r hanner erbyn mis Medi", "cy"),
        ("Bawasan ang CPC sa kalahati pagsapit ng Setyembre", "tl"),
        ("Kurangkan kos setiap klik separuh menjelang September", "ms"),
        ("Kurangkan kos setiap klik kepada separuh menjelang September", "ms"),
    ],
)
def test_a_cut_to_half_is_halved(statement: str, lang: str | None) -> None:
    goal = _goal(statement, lang)
    assert goal.metric == "cost_per_click"
    assert goal.target is not None and goal.target.means("x0.5")
    assert goal.deadline == dt.date(2026, 9, 30)


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Grow followers to half a million by December", None, "500000 follower"),
        ("Capai separuh juta pengikut menjelang Disember", "ms", "500000 follower"),
    ],
)
def test_half_a_million_is_still_a_level(statement: str, lang: str | None, target: str) -> None:
    goal = _goal(statement, lang)
    assert goal.target is not None and goal.target.means(target)


@pytest.mark.parametrize(
    ("statement", "lang", "deadline"),
    [
        ("Tingkatkan pengikut 20% pada separuh pertama tahun 2027", "ms", dt.date(2027, 6, 30)),
        ("Tingkatkan pengikut 20% menjelang separuh kedua 2027", "ms", dt.date(2027, 12, 31)),
        ("Cynyddu dilynwyr Facebook a Twitter 25% erbyn Gŵyl Dewi", "cy", dt.date(2027, 3, 1)),
        ("Cynyddu dilynwyr 25% erbyn Dydd Gŵyl Dewi 2027", "cy", dt.date(2027, 3, 1)),
    ],
)
def test_halves_of_a_year_and_st_davids_day(statement: str, lang: str, deadline: dt.date) -> None:
    assert _goal(statement, lang).deadline == deadline
