"""A target set for each channel: "Get 10k followers on each of Instagram and TikTok" read
a target of 10k for the two together (their sum judged against it, where 20k was meant),
"10k followers per channel", "on every platform", "on Instagram and TikTok each", "5k
apiece" alike, and Malay "bagi setiap platform", Tagalog "sa bawat platform", Greek "σε
κάθε πλατφόρμα", Arabic "على كل منصة", Welsh "ar bob platfform" too. Such a target is not
read, with a note; "across all platforms" is still their sum."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)
EACH = "sets the target for each channel"


def _read(statement: str, lang: str | None = None) -> gr.StatementReading:
    return gr.read_statement(statement, start=START, **({"lang": lang} if lang else {}))


@pytest.mark.parametrize(
    ("statement", "lang"),
    [
        ("Get 10k followers on each of Instagram and TikTok by Q4", None),
        ("Get 10k followers per channel by Q4", None),
        ("Get 10k followers on every platform by Q4", None),
        ("Get 10k followers on Instagram and TikTok each by Q4", None),
        ("Get 5k followers apiece on Instagram and TikTok by Q4", None),
        ("Keep CPA under $20 on every channel through Q4", None),
        ("Capai 10k pengikut bagi setiap platform menjelang S4", "ms"),
        ("Makakuha ng 10k followers sa bawat platform sa Q4", "tl"),
        ("10.000 ακόλουθοι σε κάθε πλατφόρμα έως το Δ' τρίμηνο", "el"),
        ("الوصول إلى 10 آلاف متابع على كل منصة بحلول الربع الرابع", "ar"),
        ("Cyrraedd 10,000 o ddilynwyr ar bob platfform erbyn Ch4", "cy"),
    ],
)
def test_a_target_for_each_channel_is_said_not_read(statement: str, lang: str | None) -> None:
    reading = _read(statement, lang)
    assert reading.goal.target is None
    assert reading.goal.deadline == dt.date(2026, 12, 31)
    assert any(EACH in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Get 10k followers across all platforms by Q4", None, "10000 follower"),
        ("Grow followers 20% across every channel by Q4", None, "+20%"),
        ("Get 500 leads per month by Q4", None, "500 lead / month"),
        ("Post daily on every platform and grow followers 20% by Q4", None, "+20%"),
        ("Αύξηση ακολούθων κατά 20% σε όλες τις πλατφόρμες έως το Δ' τρίμηνο", "el", "+20%"),
        ("زيادة المتابعين بنسبة 20% على جميع المنصات بحلول الربع الرابع", "ar", "+20%"),
        ("Cynyddu dilynwyr 20% ar draws pob sianel erbyn Ch4", "cy", "+20%"),
    ],
)
def test_a_target_for_the_channels_together_is_read(
    statement: str, lang: str | None, target: str
) -> None:
    reading = _read(statement, lang)
    assert reading.goal.target is not None and reading.goal.target.means(target)
    assert not any(EACH in note for note in reading.notes)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Get {n} followers", "Reach {n} Instagram followers", "Grow leads by {n}"]),
    st.sampled_from(["5k", "12,000", "20%", "300"]),
    st.sampled_from(["per channel", "on each platform", "on every network", "per account"]),
    st.sampled_from(["by Q4", "by December 31", "within 6 months"]),
)
def test_each_channel_never_reads_a_shared_target(
    shape: str, n: str, each: str, deadline: str
) -> None:
    together = _read(f"{shape.format(n=n)} {deadline}")
    reading = _read(f"{shape.format(n=n)} {each} {deadline}")
    assert reading.goal.target is None
    assert reading.goal.deadline == together.goal.deadline
    assert any(EACH in note for note in reading.notes), reading.notes
