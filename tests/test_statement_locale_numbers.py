"""A number written as the statement's language writes it reads back as itself, or is
refused with a note; never another number. Before, a decimal kept six significant digits
("76.096,48" in Greek, "76,096.48" in English read 76096.5; "$1,234,567.89" read
1.23457e+06 USD)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)
# language: (Babel locale, Babel's options, a statement with the number's place)
STATEMENTS = {
    "en": ("en", {}, "Grow Instagram followers to {n} by June 2027"),
    "el": ("el", {}, "Αύξηση των ακολούθων στο Instagram στους {n} έως τον Ιούνιο 2027"),
    "ms": ("ms", {}, "Tingkatkan pengikut Instagram kepada {n} menjelang Jun 2027"),
    "cy": ("cy", {}, "Cynyddu dilynwyr Instagram i {n} erbyn Mehefin 2027"),
    "tl": ("fil", {}, "Pataasin ang followers sa Instagram sa {n} bago ang Hunyo 2027"),
    "ar": ("ar", {"numbering_system": "arab"}, "زيادة المتابعين على إنستغرام إلى {n} بحلول يونيو 2027"),
}  # fmt: skip

_VALUES = st.one_of(
    st.integers(1, 50_000_000).map(Decimal),
    st.decimals(min_value=1, max_value=10_000_000, places=2, allow_nan=False),
    st.decimals(min_value=1, max_value=10_000, places=1, allow_nan=False),
)


@given(st.sampled_from(sorted(STATEMENTS)), _VALUES)
def test_a_locale_number_reads_as_itself_or_not_at_all(lang: str, value: Decimal) -> None:
    locale, options, shape = STATEMENTS[lang]
    written = format_decimal(value, locale=locale, **options)
    reading = gr.read_statement(shape.format(n=written), start=TODAY, lang=lang)
    target = reading.goal.target
    if target is None:  # refused: a note says why
        assert [n for n in reading.notes if not n.startswith("read as")], reading.notes
    else:
        assert target.means(f"{value.normalize():f} followers"), (written, str(target))


@given(st.decimals(min_value=1000, max_value=10**9, places=2, allow_nan=False))
def test_money_keeps_every_digit(value: Decimal) -> None:
    reading = gr.read_statement(f"Grow Instagram revenue to ${value:,} by June 2027", start=TODAY)
    assert reading.goal.target is not None
    assert reading.goal.target.means(f"{value.normalize():f} USD")
    assert "e+" not in str(reading.goal.target)


_BY_A_PERCENT = {
    "en": "Grow Instagram followers by {p} by June 2027",
    "ar": "زيادة المتابعين على إنستغرام بنسبة {p} بحلول يونيو 2027",
    "el": "Αύξηση των ακολούθων στο Instagram κατά {p} έως τον Ιούνιο 2027",
    "ms": "Tingkatkan pengikut Instagram sebanyak {p} menjelang Jun 2027",
}


@given(
    st.sampled_from(sorted(_BY_A_PERCENT)),
    st.decimals(min_value=1, max_value=300, places=1, allow_nan=False),
    st.booleans(),
)
def test_a_percent_sign_before_the_number_is_a_percent(
    lang: str, value: Decimal, arabic_digits: bool
) -> None:
    """ "%20", as Arabic (and Turkish) write a percent, reads as "20%" does: it read a change
    of 20 followers. Arabic-Indic digits and the Arabic percent sign "٪" alike."""
    number = format_decimal(value, locale="en", group_separator=False)
    if lang == "el":
        number = number.replace(".", ",")
    after, before = f"{number}%", f"%{number}"
    if arabic_digits and lang == "ar":
        to_arabic = str.maketrans("0123456789.%", "٠١٢٣٤٥٦٧٨٩٫٪")
        after, before = after.translate(to_arabic), before.translate(to_arabic)
    shape = _BY_A_PERCENT[lang]
    plain = gr.read_statement(shape.format(p=after), start=TODAY, lang=lang).goal.target
    signed = gr.read_statement(shape.format(p=before), start=TODAY, lang=lang).goal.target
    assert plain is not None and plain.means(f"+{value.normalize():f}%")
    assert str(signed) == str(plain)


def test_arabic_two_thousand_and_two_million_in_the_dual() -> None:
    """ "ألفي متابع", "ألفين", "مليوني مشاهدة" (the dual: two thousand, two million) were
    left unread and the target dropped without a word; "ألفًا" (one thousand, accusative)
    is not two thousand."""
    shape = "الوصول إلى {n} على إنستغرام بحلول ديسمبر 2027"
    for words, target in (
        ("ألفي متابع", "2000 follower"),
        ("ألفين متابع", "2000 follower"),
        ("مليوني مشاهدة", "2000000 view"),
    ):
        reading = gr.read_statement(shape.format(n=words), start=TODAY)
        assert str(reading.goal.target) == target, reading.notes
    once = gr.read_statement(shape.format(n="عشرين ألفًا من المتابعين"), start=TODAY)
    assert once.goal.target is None or once.goal.target.means("20000 followers")
