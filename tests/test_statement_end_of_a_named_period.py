"""The end of a period that a word after it names, in the languages that name it after.

Before: Arabic "حتى نهاية الربع الثالث" (until the end of the third quarter) read "the end
of the quarter third", so the end of the quarter under way (2026-06-30), without a word;
"قبل نهاية الربع الأول من ٢٠٢٧" (before the end of Q1 2027) the same day, 2027 dropped.
Welsh "erbyn diwedd y chwarter cyntaf 2027" read the end of this quarter, Malay "menjelang
akhir tahun lalu" (by the end of last year) the end of this year. A pack's phrase for "the
end of the quarter" took the quarter's noun from the phrase that says which quarter
("الربع الثالث": the third quarter), only "بحلول نهاية" (by the end of) leaving it whole."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.vocabulary.languages import language_packs

START = dt.date(2026, 5, 15)


@pytest.mark.parametrize(
    ("statement", "due"),
    [
        ("الوصول إلى ٥٠٠٠ متابع حتى نهاية الربع الثالث", dt.date(2026, 9, 30)),
        ("الوصول إلى ٥٠٠٠ متابع قبل نهاية الربع الثالث", dt.date(2026, 9, 30)),
        ("الوصول إلى ٥٠٠٠ متابع في نهاية الربع الرابع", dt.date(2026, 12, 31)),
        ("الوصول إلى ٥٠٠٠ متابع قبل نهاية الربع الأول من ٢٠٢٧", dt.date(2027, 3, 31)),
        ("الحفاظ على تكلفة الاكتساب أقل من ٢٥ دولار حتى نهاية الربع الثالث", dt.date(2026, 9, 30)),
        ("الوصول إلى ٥٠٠٠ متابع حتى نهاية الشهر المقبل", dt.date(2026, 6, 30)),
        ("Cael 5,000 o ddilynwyr erbyn diwedd y chwarter cyntaf 2027", dt.date(2027, 3, 31)),
        ("Cael 5,000 o ddilynwyr cyn diwedd y chwarter cyntaf", dt.date(2027, 3, 31)),
        ("Makakuha ng 5,000 followers sa katapusan ng buwan na ito", dt.date(2026, 5, 31)),
    ],
)
def test_the_end_of_the_period_named_after_it(statement: str, due: dt.date) -> None:
    assert gr.read_statement(statement, start=START).goal.deadline == due


@pytest.mark.parametrize(
    "statement",
    [
        "Tingkatkan pengikut sebanyak 20% menjelang akhir tahun lalu",
        "Cael 5,000 o ddilynwyr erbyn diwedd y mis diwethaf",
    ],
)
def test_the_end_of_a_past_period_is_not_this_ones(statement: str) -> None:
    """ "by the end of last year" is never read as the end of this one."""
    reading = gr.read_statement(statement, start=START)
    assert reading.goal.deadline is None or reading.goal.deadline < START


def _end_phrases_and_periods() -> list[tuple[str, str, str]]:
    """Every pack's "the end of the quarter" (month, year, week) phrase joined with a
    phrase that names which one and begins with its noun ("الربع الثالث", "tahun lalu"):
    (language, the words, the period's English)."""
    found = []
    for code, pack in sorted(language_packs().items()):
        words = pack.words
        ends = [
            p.split()
            for p, english in words.items()
            if re.fullmatch(
                r"(?:by |before )?(?:the )?end of (?:the )?(?:quarter|month|year|week)", english
            )
        ]
        periods = [
            (p.split(), english)
            for p, english in words.items()
            if re.fullmatch(r"q[1-4]|(?:next|this|last) (?:quarter|month|year|week)", english, re.I)
        ]
        for end in ends:
            for period, english in periods:
                for k in range(1, min(len(end), len(period))):
                    if end[-k:] == period[:k]:
                        found.append((code, " ".join(end + period[k:]), english))
    return found


CASES = _end_phrases_and_periods()


def test_the_packs_have_such_phrases() -> None:
    assert {code for code, _, _ in CASES} >= {"ar", "cy", "ms", "tl"}


@given(case=st.sampled_from(CASES))
def test_every_pack_reads_the_end_of_the_period_named(case: tuple[str, str, str]) -> None:
    """Whatever the language, the end of the period the later words name."""
    code, words, period = case
    english = language_packs()[code].to_english(words)
    assert re.search(rf"end of (?:the )?{period}\b", english, re.I), (words, english)
