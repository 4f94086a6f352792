"""Words that fold alike but are spelled apart keep their own meanings.

A pack's words are matched on folded text (lower case, no accents, Arabic hamza seats
as plain letters), so Arabic "ميتا" (Meta, the company behind Facebook and Instagram)
and "مئتا" (two hundred) were one word: "مضاعفة المتابعين على ميتا" (double our
followers on Meta) read "double followers on two hundred", a target of 200 followers and
no channel. Each is now read as it is spelled."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.vocabulary.languages import _load, fold, language_packs

START = dt.date(2026, 5, 1)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, lang="ar")


@pytest.mark.parametrize(
    ("statement", "target", "channels"),
    [
        # double our followers on Meta within six months
        ("مضاعفة المتابعين على ميتا خلال ستة أشهر", "x2", ("facebook",)),
        # cut the cost per click of Meta ads by 20%
        ("خفض تكلفة النقرة على إعلانات ميتا بنسبة 20%", "-20%", ("facebook",)),
        # two hundred thousand followers, the dual written with its hamza: still a number
        ("زيادة المتابعين على إنستغرام إلى مئتا ألف متابع", "200000 follower", ("instagram",)),
        ("زيادة المتابعين على إنستغرام إلى مائتا ألف متابع", "200000 follower", ("instagram",)),
    ],
)
def test_meta_is_a_channel_and_two_hundred_a_number(
    statement: str, target: str, channels: tuple[str, ...]
) -> None:
    goal = read(statement).goal
    assert str(goal.target) == target
    assert goal.channels == channels


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(["ميتا", "فيسبوك", "إنستغرام", "تيك توك", "لينكد إن"]),
    st.sampled_from([("مضاعفة", "x2"), ("زيادة", None)]),
)
def test_a_channel_named_gives_no_number(channel: str, verb: tuple[str, str | None]) -> None:
    """However the channel is written, naming it adds no amount to the goal."""
    word, target = verb
    goal = read(f"{word} المتابعين على {channel} خلال ستة أشهر").goal
    assert len(goal.channels) == 1
    assert (str(goal.target) if goal.target else None) == target


def test_a_pack_reads_each_spelling_of_words_that_fold_alike() -> None:
    """The rule is the loader's, for any pack: two phrases that fold to one word but mean
    two things are each read as spelled; another spelling of them as the last given."""
    pack = _load(
        {
            "language": {"code": "xx", "name": "Test"},
            "words": {"metrics": {"résumé": "applications"}, "other": {"resume": "continue"}},
        },
        "a test",
    )
    assert fold("résumé") == fold("resume")
    assert pack.to_english("résumé") == "applications"
    assert pack.to_english("RESUME") == "continue"
    assert pack.to_english("resumé") == "continue"


def test_the_shipped_packs_read_each_word_spelled_apart_as_given() -> None:
    """Every word the shipped packs spell apart reads the English the pack gives it."""
    spelled = {pack.code: dict(pack.spelled_words) for pack in language_packs().values()}
    assert spelled["ar"]["ميتا"] == "Meta" and spelled["ar"]["مئتا"] == "two hundred"
    for code, words in spelled.items():
        for spelling, english in words.items():
            assert language_packs()[code].to_english(spelling) == english, (code, spelling)
