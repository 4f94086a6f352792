from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import goalrules as gr
from goalrules.units import dimension_key, format_quantity, to_base, unit_info

COUNTS = ["follower", "visit", "lead", "click", "impression", "engagement", "mention", "hire"]


@pytest.mark.parametrize(
    ("text", "magnitude", "unit"),
    [
        ("1200 followers", 1200, "follower"),
        ("1,200 followers", 1200, "follower"),
        ("1.2k followers", 1200, "follower"),
        ("12%", 12, "percent"),
        ("2.5 %", 2.5, "percent"),
        ("500 USD", 500, "USD"),
        ("$500", 500, "USD"),
        ("€1,200", 1200, "EUR"),
        ("3 h", 3, "hour"),
        ("45 min", 45, "minute"),
        ("1 follower", 1, "follower"),
        ("10 people", 10, "person"),
        ("1.5M impressions", 1_500_000, "impression"),
        ("50 leads per month", 50, "lead / month"),
    ],
)
def test_quantity_texts(text: str, magnitude: float, unit: str) -> None:
    q = gr.quantity(text)
    assert q.magnitude == pytest.approx(magnitude)
    assert str(q.units) == unit


def test_percent_is_dimensionless_hundredth() -> None:
    assert to_base(gr.quantity("2 %")) == (pytest.approx(0.02), ())


def test_counts_do_not_mix() -> None:
    with pytest.raises(Exception, match=r"follower|visit|dimension"):
        gr.quantity("10 followers") + gr.quantity("10 visits")


def test_currencies_do_not_convert() -> None:
    assert dimension_key(gr.quantity("1 USD").dimensionality) != dimension_key(
        gr.quantity("1 EUR").dimensionality
    )


def test_quotient_of_counts_is_a_ratio_but_count_per_time_is_a_rate() -> None:
    assert unit_info("leads / visits").key == ()
    assert unit_info("engagements / person").key == ()
    assert unit_info("followers / month").key == (("[follower]", 1), ("[time]", -1))
    assert unit_info("USD / lead").key == (("[currency_USD]", 1), ("[lead]", -1))


def test_month_is_a_twelfth_of_a_year() -> None:
    assert unit_info("month").factor * 12 == pytest.approx(unit_info("year").factor)


@pytest.mark.parametrize("bad", ["12 folowers", "abc", "", "5 bananas", "$5 USD"])
def test_bad_quantity_is_a_unit_error(bad: str) -> None:
    with pytest.raises(gr.UnitError) as info:
        gr.quantity(bad)
    assert bad.strip() == "" or repr(bad) in str(info.value) or "unknown unit" in str(info.value)


def test_unknown_unit_suggests() -> None:
    with pytest.raises(gr.UnitError) as info:
        gr.quantity("12 folowers")
    assert "follower" in info.value.suggestions


@given(
    st.floats(0, 1e12, allow_nan=False, allow_infinity=False),
    st.sampled_from([*COUNTS, "percent", "USD", "hour", "follower / month"]),
)
def test_format_parse_round_trip(x: float, unit: str) -> None:
    q = gr.quantity(x, unit)
    back = gr.quantity(format_quantity(q))
    assert back.magnitude == pytest.approx(q.magnitude, rel=1e-12)
    assert unit_info(str(back.units)).key == unit_info(str(q.units)).key


@given(st.integers(0, 10**9), st.sampled_from(COUNTS), st.booleans())
def test_grouping_and_plural_do_not_matter(n: int, unit: str, plural: bool) -> None:
    word = unit + ("s" if plural else "")
    assert gr.quantity(f"{n:,} {word}") == gr.quantity(f"{n} {unit}")


# (no subnormal floats: 5e-324 percent is 0 as a ratio, an underflow of the float, not
# a unit's doing)
@given(
    st.floats(0, 1e6, allow_nan=False, allow_subnormal=False),
    st.floats(0, 1e6, allow_nan=False, allow_subnormal=False),
    st.sampled_from([("hour", "minute"), ("day", "hour"), ("month", "week"), ("percent", "ratio")]),
)
def test_unit_change_never_changes_a_comparison(a: float, b: float, units: tuple[str, str]) -> None:
    big, small = units
    qa, qb = gr.quantity(a, big), gr.quantity(b, big)
    assume(not math.isclose(a, b, rel_tol=1e-9))
    qb_small = qb.to(small)
    assert (qa > qb) == (to_base(qa)[0] > to_base(qb_small)[0])


@given(st.integers(0, 10**6), st.integers(1, 10**6))
def test_simplify_turns_count_quotients_into_ratios(leads: int, visits: int) -> None:
    q = gr.simplify(gr.quantity(leads, "lead") / gr.quantity(visits, "visit"))
    assert q.to("percent").magnitude == pytest.approx(100 * leads / visits)


def test_simplify_keeps_rates() -> None:
    q = gr.quantity("50 followers per month")
    assert gr.simplify(q) is q


def test_currency_code_first() -> None:
    assert gr.quantity("USD 500") == gr.quantity("500 USD")
    assert gr.quantity("EUR 1,200") == gr.quantity("€1,200")


def test_the_first_quantity_loads_no_array_library() -> None:
    # pint imports every optional integration it finds installed (numpy, scipy, dask:
    # about 200 ms); a process that has not imported them does not pay for a scalar
    # registry, and one that has keeps pint's integration with them
    import subprocess
    import sys

    code = (
        "import sys, goalrules as gr; gr.quantity('1200 followers'); "
        "print(' '.join(m for m in ('numpy', 'scipy', 'dask') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []
    first = "import numpy, pint.compat; import goalrules as gr; gr.quantity('1 visit'); "
    out = subprocess.run(
        [sys.executable, "-c", first + "print(pint.compat.HAS_NUMPY)"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert out.stdout.strip() == "True"


def test_ten_thousand_written_the_greek_way_is_not_read_as_ten() -> None:
    # "10.000 followers" was a target of 10 followers: "achieved" on a history of 990
    with pytest.raises(gr.UnitError) as info:
        gr.Goal("g", metric="followers", target="10.000 followers", deadline="2026-06-30")
    assert info.value.field == "target"
    assert "10,000 followers with '.' between thousands" in info.value.message
    for text in ("€1.500", "12.500 USD", "1.500 leads per month", "2.000 USD / lead"):
        with pytest.raises(gr.UnitError, match="is ambiguous"):
            gr.quantity(text)
    # a share, a time, a suffix and a fourth decimal say what they are
    assert gr.quantity("3.125 %").magnitude == 3.125
    assert gr.quantity("1.500 hours").magnitude == 1.5
    assert gr.quantity("1.500k followers").magnitude == 1500
    assert gr.quantity("10.0001 followers").magnitude == 10.0001


@given(st.integers(1000, 999_999), st.sampled_from(["followers", "USD", "leads / month"]))
def test_a_count_is_read_as_itself_or_refused(n: int, unit: str) -> None:
    assert gr.quantity(f"{n} {unit}").magnitude == n
    assert gr.quantity(f"{n:,} {unit}").magnitude == n
    if n < 1_000_000 and n % 1000 != n:
        dotted = f"{n:,}".replace(",", ".")
        with pytest.raises(gr.UnitError, match=f"{n:,} .* with '.' between thousands"):
            gr.quantity(f"{dotted} {unit}")


@given(
    st.integers(0, 99_999),
    st.integers(0, 99).map(str) | st.sampled_from(["05", "5", "50"]),
    st.sampled_from(["%", " %", " followers", " USD", "k followers", ""]),
)
def test_a_decimal_comma_is_refused_with_the_number_it_may_mean(
    whole: int, decimals: str, unit: str
) -> None:
    """ "12,5%" once read as an unknown unit ",5%"; "1.234,5 USD" the same. A comma that
    no group of three digits follows is a decimal comma: never a number read, always
    the error saying how to write it (the number it may mean, with a decimal point)."""
    dotted = f"{whole:,}".replace(",", ".")  # 12.345: German/Greek thousands
    for number in {str(whole), dotted}:
        text = f"{number},{decimals}{unit}"
        with pytest.raises(gr.UnitError, match="has a decimal comma") as info:
            gr.quantity(text)
        meant = f"{whole}.{decimals}"
        assert f"write {meant}" in info.value.message
        # and the spelling it suggests reads as that number
        suggested = info.value.message.split("write ", 1)[1].rsplit(" with a decimal", 1)[0]
        got = gr.quantity(suggested).magnitude
        assert got == pytest.approx(float(meant) * (1000 if unit.startswith("k") else 1))


@given(st.integers(1000, 999_999_999), st.sampled_from([" ", "\u00a0", "\u202f"]),
       st.sampled_from(["followers", "EUR", "visits / month", ""]))  # fmt: skip
def test_thousands_grouped_by_spaces_read_as_themselves(n: int, space: str, unit: str) -> None:
    """ "30 000 EUR" (SI's grouping, and Swedish, French, Greek...) said "unknown unit
    '000 EUR'": a group of three digits after a space is a thousands group."""
    text = f"{n:,}".replace(",", space)
    assert gr.quantity(f"{text} {unit}".strip()).magnitude == n


@given(st.integers(1, 999), st.sampled_from([("thousand", 10**3), ("million", 10**6),
                                              ("billion", 10**9)]))  # fmt: skip
def test_a_number_word_multiplies(n: int, word: tuple[str, int]) -> None:
    """ "10 thousand followers", "1.5 million impressions" were unit errors."""
    name, factor = word
    assert gr.quantity(f"{n} {name} followers").magnitude == n * factor
    assert gr.quantity(f"{n}.5 {name} impressions").magnitude == pytest.approx((n + 0.5) * factor)
    assert str(gr.quantity(f"{n} {name} followers").units) == "follower"


def test_a_space_not_before_three_digits_is_no_group() -> None:
    for text in ("12 34 followers", "1 2345 followers", "10 thousandfollowers"):
        with pytest.raises(gr.UnitError):
            gr.quantity(text)
