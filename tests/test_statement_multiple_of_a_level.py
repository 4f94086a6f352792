"""A multiple of a level said with "of" ("double our followers of 3,000", Welsh "dyblu ein
dilynwyr o 3,000") multiplies that level: x2 from 3,000.

Before: "Double our followers of 3,000 by the end of the year" read a target of 3,000
followers (a level, "of" as in "a level of 3,000"), and "Halve our cost per click of $2"
a target of $2: the goal judged as reaching what the team already has. Welsh "dyblu",
"treblu" and "haneru" ... "o N" read the same ("o", of), as did "Double the 3,000
followers", Greek "διπλασιασμός ... των 3.000" (of the 3,000), "μείωση στο μισό ... των 2 €"
and Tagalog "doblehin ang 3,000 followers namin" (our 3,000 followers, "namin" after),
"Double 3,000 followers" and "Double $5,000 in monthly revenue" (the level right after
the verb), Malay "gandakan 3,000 pengikut kami", "pengikut kami yang berjumlah 3,000"
(amounting to) and Arabic "متابعينا البالغ عددهم 3,000", "الـ 3,000 متابع".
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang=lang)


@pytest.mark.parametrize(
    ("statement", "lang", "target", "baseline"),
    [
        ("Double our followers of 3,000 by the end of the year", None, "x2", 3000),
        ("Triple our monthly impressions of 20,000 by Q4 2027", None, "x3", 20000),
        ("Halve our cost per click of $2 by Q4 2027", None, "x0.5", 2),
        ("Dyblu ein dilynwyr o 3,000 erbyn diwedd y flwyddyn", "cy", "x2", 3000),
        ("Treblu'r argraffiadau o 20,000 y mis erbyn Ch4 2027", "cy", "x3", 20000),
        ("Haneru'r gost fesul clic o £2 erbyn Ch4 2027", "cy", "x0.5", 2),
        ("Double the 3,000 followers by December", None, "x2", 3000),
        ("Διπλασιασμός των ακολούθων μας των 3.000 έως το τέλος του έτους", "el", "x2", 3000),
        ("Μείωση στο μισό του κόστους ανά κλικ των 2 € έως το Δ' τρίμηνο 2027", "el", "x0.5", 2),
        ("Doblehin ang 3,000 followers namin bago matapos ang taon", "tl", "x2", 3000),
        ("Double 3,000 followers by December", None, "x2", 3000),
        ("Double $5,000 in monthly revenue by Q4", None, "x2", 5000),
        ("Gandakan 3,000 pengikut kami menjelang akhir tahun", "ms", "x2", 3000),
        ("Gandakan pengikut kami yang berjumlah 3,000 menjelang akhir tahun", "ms", "x2", 3000),
        ("مضاعفة متابعينا البالغ عددهم 3,000 بحلول نهاية العام", "ar", "x2", 3000),
        ("مضاعفة الـ 3,000 متابع لدينا بحلول نهاية العام", "ar", "x2", 3000),
    ],
)
def test_the_level_is_where_the_multiple_starts(
    statement: str, lang: str | None, target: str, baseline: float
) -> None:
    reading = read(statement, lang)
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.baseline is not None, reading.notes
    assert reading.goal.baseline.magnitude == baseline


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Double followers to a level of 3,000 by December", "3000 follower"),
        ("Reach a level of 3,000 followers by December", "3000 follower"),
    ],
)
def test_a_level_to_reach_is_still_the_target(statement: str, target: str) -> None:
    assert str(read(statement).goal.target) == target


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from([("Double", "x2"), ("Triple", "x3"), ("Quadruple", "x4"), ("Halve", "x0.5")]),
    st.integers(100, 90_000),
)
def test_any_multiple_of_any_level(verb: tuple[str, str], level: int) -> None:
    reading = read(f"{verb[0]} our LinkedIn followers of {level:,} by December")
    assert str(reading.goal.target) == verb[1], reading.notes
    assert reading.goal.baseline is not None
    assert reading.goal.baseline.magnitude == level
