"""Arabic writes "و" (and) onto the next word: "على إنستغرام وتيك توك" is on Instagram and
TikTok.

Before: "وتيك توك" was no word the pack knew, so the goal read Instagram alone, a channel
field shown as read with one of its two channels lost (numbers and months written onto
"و" were split off; channels were not).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
CHANNELS = {
    "إنستغرام": "instagram",
    "تيك توك": "tiktok",
    "فيسبوك": "facebook",
    "لينكد إن": "linkedin",
    "يوتيوب": "youtube",
    "تويتر": "x",
    "سناب شات": "snapchat",
    "بنترست": "pinterest",
}


def channels(statement: str) -> tuple[str, ...]:
    return gr.read_statement(statement, start=START, lang="ar").goal.channels


def test_instagram_and_tiktok() -> None:
    got = channels("زيادة المتابعين على إنستغرام وتيك توك بنسبة 20% بحلول يونيو")
    assert got == ("instagram", "tiktok")


@pytest.mark.parametrize("whatsapp", ["واتساب", "وواتساب"])
def test_whatsapp_keeps_its_own_letter(whatsapp: str) -> None:
    got = channels(f"زيادة المتابعين على فيسبوك {whatsapp} بنسبة 20% بحلول يونيو")
    assert "whatsapp" in got, got


@settings(max_examples=40, deadline=None)
@given(st.permutations(sorted(CHANNELS)))
def test_any_two_channels_joined(names: list[str]) -> None:
    first, second = names[:2]
    got = channels(f"زيادة المتابعين على {first} و{second} بنسبة 20% بحلول يونيو")
    assert set(got) == {CHANNELS[first], CHANNELS[second]}, got
