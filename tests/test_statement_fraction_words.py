"""Parts of a number as marketers write them: "Grow followers to 2½k" read a target of 2
followers and "$1½M" one of $1; "Increase CTR by half a percentage point" read +50 %
(Malay "setengah mata peratusan" and Arabic "نصف نقطة مئوية" alike), "by one percentage
point" no target; "Grow leads by a factor of 3" a target of 3 leads; "by ½" no target.
Each now reads as its plain spelling does."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def _target(statement: str, lang: str | None = None) -> gr.Target | None:
    kwargs = {"lang": lang} if lang else {}
    return gr.read_statement(statement, start=START, **kwargs).goal.target


@pytest.mark.parametrize(
    ("statement", "lang", "target"),
    [
        ("Grow followers to 2½k by December", None, "2500 follower"),
        ("Grow revenue to $1½M by December", None, "1500000 USD"),
        ("Grow followers 1½ times by December", None, "x1.5"),
        ("Increase leads by ½ by June", None, "+50%"),
        ("Cut CPA by ⅓ by June", None, "-33.3333%"),
        ("Increase CTR by half a percentage point by Q4", None, "+0.5 percentage_point"),
        ("Increase CTR by one percentage point by Q4", None, "+1 percentage_point"),
        ("Increase CTR by a quarter of a percentage point by Q4", None, "+0.25 percentage_point"),
        ("Increase CTR by half a point by Q4", None, "+0.5 percentage_point"),
        ("Grow leads by a factor of 3 by Q4", None, "x3"),
        ("Grow leads by a factor of three by Q4", None, "x3"),
        ("Tingkatkan CTR sebanyak setengah mata peratusan menjelang S4", "ms",
         "+0.5 percentage_point"),
        ("رفع معدل النقر بمقدار نصف نقطة مئوية بحلول الربع الرابع", "ar", "+0.5 percentage_point"),
        ("رفع معدل النقر بمقدار نقطة مئوية واحدة بحلول الربع الرابع", "ar", "+1 percentage_point"),
        ("Αύξηση του CTR κατά μισή ποσοστιαία μονάδα έως το Δ' τρίμηνο", "el",
         "+0.5 percentage_point"),
        ("Taasan ang CTR ng kalahating percentage point sa Q4", "tl", "+0.5 percentage_point"),
    ],
)  # fmt: skip
def test_parts_of_numbers_are_read(statement: str, lang: str | None, target: str) -> None:
    got = _target(statement, lang)
    assert got is not None and got.means(target), got


def test_one_point_that_is_no_amount_stays_words() -> None:
    reading = gr.read_statement("At one point we had 5k followers; reach 8k by Q4", start=START)
    assert reading.goal.target is not None and reading.goal.target.means("8000 follower")


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 99),
    st.sampled_from([("½", "5"), ("¼", "25"), ("¾", "75")]),
    st.sampled_from(["k", "M", " thousand", ""]),
    st.sampled_from(["Grow followers to {n} by December", "Drive ${n} in sales by Q4"]),
)
def test_a_fraction_character_reads_as_its_decimal(
    whole: int, fraction: tuple[str, str], scale: str, template: str
) -> None:
    char, decimals = fraction
    written = _target(template.format(n=f"{whole}{char}{scale}"))
    spelled = _target(template.format(n=f"{whole}.{decimals}{scale}"))
    assert written is not None and written == spelled


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from([("half a", "0.5"), ("a quarter of a", "0.25"), ("one", "1"), ("a", "1")]),
    st.sampled_from(["CTR", "conversion rate", "engagement rate"]),
    st.sampled_from(["Increase", "Cut"]),
)
def test_a_share_of_a_point_reads_as_its_number(
    share: tuple[str, str], metric: str, verb: str
) -> None:
    words, number = share
    written = _target(f"{verb} {metric} by {words} percentage point by Q4")
    spelled = _target(f"{verb} {metric} by {number} percentage points by Q4")
    assert written is not None and written == spelled
