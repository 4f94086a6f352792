"""Money and halves as Arabic and Greek write them.

Before: Arabic "50,000 جنيه" read 50,000 GBP (the pack wrote "pounds", which English reads
as sterling), though most who write it mean Egyptian pounds and others Sudanese ones; a
pound or lira not named is now a currency nobody can name, so no target, with a note
("جنيه مصري" is EGP, "جنيه إسترليني" GBP, "ليرة لبنانية" LBP). Greek "μείωση στο μισό" and
Arabic "خفض ... إلى النصف" (cut in half) dropped their target without a word."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import goalrules as gr

TODAY = dt.date(2026, 12, 4)


def read(statement: str) -> gr.StatementReading:
    return gr.read_statement(statement, start=TODAY)


@given(
    st.integers(1_000, 9_000_000),
    st.sampled_from(["جنيه", "جنيها", "ليرة"]),
)
def test_a_pound_or_lira_not_named_is_no_guess(amount: int, word: str) -> None:
    reading = read(f"زيادة المبيعات من إنستغرام إلى {amount:,} {word} بحلول يونيو 2027")
    assert reading.goal.target is None
    assert any("currency" in note and "not clear" in note for note in reading.notes)


@pytest.mark.parametrize(
    ("said", "code"),
    [("جنيه مصري", "EGP"), ("جنيه إسترليني", "GBP"), ("ليرة لبنانية", "LBP"), ("د.إ", "AED")],
)
def test_a_pound_named_is_read(said: str, code: str) -> None:
    reading = read(f"زيادة المبيعات من إنستغرام إلى 50,000 {said} بحلول يونيو 2027")
    assert str(reading.goal.target) == f"50000 {code}"


@pytest.mark.parametrize(
    "statement",
    [
        "Μείωση στο μισό του κόστους ανά κλικ στο Facebook έως τον Μάρτιο 2027",
        "Μείωση του κόστους ανά κλικ στο Facebook κατά το ήμισυ έως τον Μάρτιο 2027",
        "خفض تكلفة النقرة على فيسبوك إلى النصف بحلول مارس 2027",
        "خفض تكلفة النقرة على فيسبوك بمقدار النصف بحلول مارس 2027",
        "Halve our cost per click on Facebook by March 2027",
    ],
)
def test_a_cost_cut_in_half(statement: str) -> None:
    reading = read(statement)
    assert reading.goal.metric == "cost_per_click"
    assert str(reading.goal.target) == "x0.5"


@given(
    st.integers(100, 9_000_000),
    st.sampled_from(["S$", "SG$", "B$", "Z$"]),
)
def test_a_dollar_no_symbol_names_is_no_usd(amount: int, sign: str) -> None:
    """ "S$50,000" read 50,000 USD (the "$" of it); a dollar whose symbol goalrules does
    not know is a currency not named: no target, with a note."""
    reading = read(f"Increase Instagram revenue to {sign}{amount:,} by June 2027")
    assert reading.goal.target is None
    assert any("not clear" in note for note in reading.notes), reading.notes


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Increase Instagram revenue to 50K AED by June 2027", "50000 AED"),
        ("Increase Instagram revenue to HK$50,000 by June 2027", "50000 HKD"),
        ("Increase Instagram revenue to A$50,000 by June 2027", "50000 AUD"),
        ("Cynyddu refeniw Instagram i 50 mil o bunnoedd erbyn Mehefin 2027", "50000 GBP"),
        ("Pataasin ang kita mula sa Instagram sa ₱50 libo bago ang Hunyo 2027", "50000 PHP"),
    ],
)
def test_money_written_short_or_in_words(statement: str, target: str) -> None:
    reading = read(statement)
    assert str(reading.goal.target) == target
    assert reading.goal.metric == "revenue"


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        ("Kumita ng P20,000 mula sa Instagram sa ikatlong quarter", "20000 PHP"),
        ("Kumita ng Php20,000 mula sa Instagram sa ikatlong quarter", "20000 PHP"),
        ("Kumita ng P 1.5M mula sa Instagram sa 2027", "1500000 PHP"),
        ("Panatilihin ang cost per lead sa ibaba ng P500 bago ang Hunyo 2027", "500 PHP / lead"),
    ],
)
def test_tagalog_pesos_written_with_a_p(statement: str, target: str) -> None:
    """ "P20,000" is how the Philippines write pesos without the sign ₱: the number was
    dropped, without a word, and the metric with it."""
    reading = gr.read_statement(statement, start=dt.date(2026, 5, 1))
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.metric in ("revenue", "cost_per_lead")


@pytest.mark.parametrize(
    ("statement", "target"),
    [
        # Arabic tens and the accusative thousand (no target was read, without a note)
        ("تحقيق مبيعات بقيمة عشرين ألفًا دولار", "20000 USD"),
        ("الوصول إلى خمسين ألف متابع بحلول يونيو", "50000 follower"),
        ("زيادة المتابعين بنسبة عشرين بالمئة بحلول يونيو", "+20%"),
        # the Philippine peso typed as "P" (no target, and no note)
        ("Earn P20,000 in sales by June", "20000 PHP"),
        ("Earn P1.5M in revenue in Q3", "1500000 PHP"),
    ],
)
def test_money_written_as_its_people_write_it(statement: str, target: str) -> None:
    assert str(gr.read_statement(statement, start=dt.date(2026, 5, 1)).goal.target) == target


def test_a_compound_arabic_number_is_read_whole() -> None:
    # "خمسة وعشرين ألف" (twenty-five thousand): never 5,000 (it was said and not read;
    # tests/test_statement_arabic_numbers.py reads the compounds)
    reading = gr.read_statement(
        "الوصول إلى خمسة وعشرين ألف متابع بحلول يونيو", start=dt.date(2026, 5, 1)
    )
    assert str(reading.goal.target) == "25000 follower"


def test_a_p_before_a_small_number_is_no_peso() -> None:
    reading = gr.read_statement("Get 500 leads for P1 accounts by June", start=dt.date(2026, 5, 1))
    assert str(reading.goal.target) == "500 lead"
