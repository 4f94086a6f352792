"""Never a confident wrong answer from an export: numbers in the file's own locale (or an
error when the file cannot say which), dates whose day and month the column decides,
days in the property's time zone, one contact counted once. Each file is laid out like
the tool's real export (made here, small)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.cli import main
from goalrules.errors import DataError
from goalrules.io.cells import number
from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date
FILES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
GA4_HEADER = ["Year month", "Session source / medium", "Sessions", "Key events", "Total revenue"]
GA4_PREAMBLE = ["# Start date: 20260101", "# End date: 20260131"]


def _import(path: Path) -> tuple[Any, str | None]:
    """The import's result, or its error's text."""
    try:
        return import_exports(path), None
    except DataError as exc:
        return None, str(exc)


def perf(result: Any) -> dict[tuple[str, str], tuple[float, float, float | None]]:
    return {(r.channel, r.medium): (r.visits, r.leads, r.revenue) for r in result.performance}


# -- numbers -------------------------------------------------------------------------------


def test_revenue_written_10_000_is_ambiguous_not_ten(tmp_path: Path, capsys: Any) -> None:
    """German GA4 (or a sheet saved in German): '10.000' revenue is ten thousand; read as
    10.0 it was a confident wrong answer."""
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_HEADER, ["202601", "facebook / cpc", "12", "1",
                     "10.000"], ["202601", "google / organic", "5", "0", "0"]],
                     preamble=GA4_PREAMBLE)  # fmt: skip
    with pytest.raises(DataError, match="ambiguous") as e:
        import_exports(p)
    assert (e.value.line, e.value.field) == (4, "total revenue")
    assert main(["import", str(p)], out=io.StringIO()) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ga4.csv:4" in err[0] and "Traceback" not in err[0]
    assert perf(import_exports(p, decimal=","))[("facebook", "paid")][2] == 10000
    assert perf(import_exports(p, decimal="."))[("facebook", "paid")][2] == 10


def test_revenue_written_1_234_is_ambiguous_unless_the_file_says(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_HEADER,
                     ["202601", "facebook / cpc", "12", "1", "1,234"]])  # fmt: skip
    with pytest.raises(DataError, match="ambiguous"):
        import_exports(p)
    english = ef.write_csv(tmp_path / "ga4-en.csv", [GA4_HEADER,
                           ["202601", "facebook / cpc", "12", "1", "1,234"],
                           ["202601", "x / cpc", "3", "0", "12.50"]])  # fmt: skip
    r = import_exports(english)
    assert perf(r)[("facebook", "paid")][2] == 1234
    assert any("decimal point" in n and "12.50" in n for n in r.notes)


def test_a_german_file_reads_by_its_own_decimal_comma(tmp_path: Path) -> None:
    """'12,5' in one cell says the file writes a decimal comma, so its '1.234' sessions
    are 1234 (an error before: ambiguous) and its '1,5' revenue is 1.5; a note says so."""
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_HEADER,
                     ["202601", "facebook / cpc", "1.234", "1", "12,5"],
                     ["202601", "google / organic", "5", "0", "1.234,5"]],
                     preamble=GA4_PREAMBLE)  # fmt: skip
    r = import_exports(p)
    assert perf(r)[("facebook", "paid")] == (1234, 1, 12.5)
    assert perf(r)[("google", "organic")] == (5, 0, 1234.5)
    assert any("decimal comma" in n and "line 4" in n for n in r.notes)


def test_a_file_with_both_decimal_marks_is_an_error_naming_both(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_HEADER,
                     ["202601", "facebook / cpc", "1,234", "1", "12.5"],
                     ["202601", "google / organic", "5", "0", "7,25"]])  # fmt: skip
    with pytest.raises(DataError, match="two ways") as e:
        import_exports(p)
    assert (e.value.line, e.value.field) == (3, "total revenue")
    assert "'12.5' (line 2" in str(e.value)


@pytest.mark.parametrize(
    ("cell", "value"),
    [("١٬٢٣٤", 1234), ("١٫٥", 1.5), ("1’234", 1234), ("−5", -5), ("٥٠٪", None), ("0.125", 0.125)],
)
def test_cells_in_other_scripts_and_signs(cell: str, value: float | None) -> None:
    if value is None:
        with pytest.raises(DataError, match="percent"):
            number(cell, "f.csv", 2, "views")
    else:
        assert number(cell, "f.csv", 2, "views", count=False) == value


LOCALES = ["en", "de", "fr", "es", "it", "nl", "pt_BR", "de_CH", "sv", "pl", "ar_EG", "fa", "hi"]


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(LOCALES),
)
def test_a_number_in_any_locale_reads_its_value_when_the_mark_is_said(
    value: Decimal, locale: str
) -> None:
    from babel.numbers import format_decimal, get_decimal_symbol

    text = format_decimal(value, format="#,##0.##", locale=locale)
    mark = get_decimal_symbol(locale)
    decimal = mark if mark in (",", ".") else None
    assert number(text, "f.csv", 2, "revenue", decimal=decimal, count=False) == float(value)


NETWORKS = ["facebook", "linkedin", "x", "tiktok", "youtube", "pinterest"]


@FILES
@given(
    st.lists(st.tuples(st.integers(0, 10**7), st.decimals(0, 10**6, places=2)), min_size=1,
             max_size=6),
    st.sampled_from(["en", "de", "fr", "es", "it", "de_CH", "pt_BR"]),
)  # fmt: skip
def test_a_ga4_file_in_any_locale_reads_right_or_not_at_all(
    tmp_path: Path, rows: list[tuple[int, Decimal]], locale: str
) -> None:
    """Written in any locale and read without --decimal: the values the file holds, or
    an error; never another number."""
    from babel.numbers import format_decimal

    def fmt(x: Any) -> str:
        return str(format_decimal(x, format="#,##0.##", locale=locale))

    body = [["202601", f"{NETWORKS[i]} / referral", fmt(s), "0", fmt(r)]
            for i, (s, r) in enumerate(rows)]  # fmt: skip
    p = ef.write_csv(tmp_path / "ga4.csv", [GA4_HEADER, *body])
    result, error = _import(p)
    if error is not None:
        assert "ambiguous" in error
        return
    assert perf(result) == {
        (NETWORKS[i], "organic"): (s, 0, float(r)) for i, (s, r) in enumerate(rows)
    }


# -- dates ---------------------------------------------------------------------------------


def test_dotted_dates_are_day_first_even_where_slashes_are_month_first(tmp_path: Path) -> None:
    """LinkedIn writes 02/01/2026 month first; a sheet saved in German writes 01.02.2026,
    which was read as January 2."""
    p = ef.linkedin_followers(tmp_path / "followers.xlsx", [("01.02.2026", 3), ("02.02.2026", 2)])
    got = {(r.date, r.value) for r in import_exports(p).history}
    assert got == {(D(2026, 2, 1), 3), (D(2026, 2, 2), 2)}
    slashed = ef.linkedin_followers(tmp_path / "f2.xlsx", [("02/01/2026", 3)])
    assert {r.date for r in import_exports(slashed).history} == {D(2026, 2, 1)}


def _meta_posts(path: Path, times: list[str]) -> Path:
    return ef.meta_content(path, [(t, f"https://www.instagram.com/p/{i}/", 100, 50, 1, 1, 1, 1)
                                  for i, t in enumerate(times)])  # fmt: skip


def test_a_column_that_reads_day_first_and_month_first_is_an_error(
    tmp_path: Path, capsys: Any
) -> None:
    """Meta's content export may write either order (in the account's language); with
    no day over 12, 03/04/2026 was read month first without a word."""
    p = _meta_posts(tmp_path / "meta.csv", ["03/04/2026 18:00", "05/04/2026 09:00"])
    with pytest.raises(DataError, match="--dayfirst") as e:
        import_exports(p)
    assert (e.value.line, e.value.field) == (2, "publish time")
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    months = {r.date for r in import_exports(p, dayfirst=True).history}
    assert months == {D(2026, 4, 1)}
    assert {r.date for r in import_exports(p, dayfirst=False).history} == {
        D(2026, 3, 1), D(2026, 5, 1)}  # fmt: skip
    out = io.StringIO()
    assert main(["import", str(p), "--dayfirst"], out=out) == 0
    assert "2026-04-01" in out.getvalue()
    # the column's own evidence decides: a day over 12 in one cell
    told = _meta_posts(tmp_path / "meta2.csv", ["03/04/2026 18:00", "13/04/2026 09:00"])
    assert {r.date for r in import_exports(told).history} == {D(2026, 4, 1)}
    # the same day both ways is no ambiguity
    same = _meta_posts(tmp_path / "meta3.csv", ["04/04/2026 18:00", "09/15/2026 09:00"])
    assert {r.date for r in import_exports(same).history} == {D(2026, 4, 1), D(2026, 9, 1)}


@FILES
@given(st.lists(st.dates(D(2020, 1, 1), D(2030, 12, 31)), min_size=1, max_size=8),
       st.booleans())  # fmt: skip
def test_a_post_date_in_either_order_reads_right_or_not_at_all(
    tmp_path: Path, days: list[D], dayfirst: bool
) -> None:
    fmt = "%d/%m/%Y 10:00" if dayfirst else "%m/%d/%Y 10:00"
    p = _meta_posts(tmp_path / "meta.csv", [d.strftime(fmt) for d in days])
    result, error = _import(p)
    if error is not None:
        assert "--dayfirst" in error
        return
    assert {r.date for r in result.history} == {d.replace(day=1) for d in days}


# -- time zones ----------------------------------------------------------------------------


def test_bigquery_events_fall_on_the_propertys_day_not_utcs(tmp_path: Path) -> None:
    """A session at 23:20 on January 31 in Los Angeles is 07:20 on February 1 in UTC:
    event_date (the property's day, as GA4's reports count it) says January; the month
    came from event_timestamp before. Events are still ordered by their timestamp."""
    header = ["event_date", "event_timestamp", "event_name", "user_pseudo_id", "ga_session_id",
              "page_location", "page_referrer"]  # fmt: skip
    later, first = 1769930400000000, 1769930000000000  # 2026-02-01 07:20 and 07:13 UTC
    p = ef.write_csv(tmp_path / "bq-events.csv", [header,
        ["20260131", later, "generate_lead", "u1", "7", "https://a.com/thanks", ""],
        ["20260131", first, "session_start", "u1", "7",
         "https://a.com/?utm_source=facebook&utm_medium=paid_social", ""],
    ])  # fmt: skip
    rows = import_exports(p).performance
    assert [(r.month, r.channel, r.medium, r.visits, r.leads) for r in rows] == [
        (D(2026, 1, 1), "facebook", "paid", 1, 1)
    ]


# -- duplicates ----------------------------------------------------------------------------


HUBSPOT = ["Record ID", "First Name", "Create Date", "Lifecycle Stage", "Original Source",
           "Original Source Drill-Down 1", "Original Source Drill-Down 2", "Became a Lead Date",
           "Became a Customer Date"]  # fmt: skip


def test_one_contact_in_two_rows_is_not_two_leads(tmp_path: Path, capsys: Any) -> None:
    """Two exports put together: contact 101 as a lead, then as a customer. Its lead
    counted twice (2 leads in January); now an error naming both lines."""
    lead = ["101", "Ada", "2026-01-05 10:00", "lead", "Organic social", "LinkedIn", "",
            "2026-01-05 10:00", ""]  # fmt: skip
    customer = [*lead[:3], "customer", *lead[4:8], "2026-01-20 09:00"]
    other = ["102", "Bo", "2026-01-06 10:00", "lead", "Organic social", "LinkedIn", "",
             "2026-01-06 10:00", ""]  # fmt: skip
    p = ef.write_csv(tmp_path / "hubspot-contacts.csv", [HUBSPOT, lead, other, customer])
    with pytest.raises(DataError, match="lines 2 and 4") as e:
        import_exports(p)
    assert (e.value.line, e.value.field) == (4, "record id")
    assert main(["import", str(p)], out=io.StringIO()) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    # the same row twice, cell for cell, is one contact (dropped with a note)
    twice = ef.write_csv(tmp_path / "hubspot-2.csv", [HUBSPOT, lead, other, lead])
    r = import_exports(twice)
    assert [(r.channel, r.leads) for r in r.performance] == [("linkedin", 2)]
    assert any("exact duplicate" in n for n in r.notes)


@FILES
@given(st.permutations(range(5)))
def test_reordering_a_contacts_export_changes_nothing(tmp_path: Path, order: list[int]) -> None:
    rows = [[str(100 + i), "A", "2026-01-05 10:00", "lead", src, net, "", f"2026-0{i % 3 + 1}-05",
             "2026-03-01 10:00" if i == 4 else ""]
            for i, (src, net) in enumerate([("Organic social", "LinkedIn"), ("Paid social",
            "Facebook"), ("Organic search", "Google"), ("Organic social", "LinkedIn"),
            ("Direct traffic", "")])]  # fmt: skip

    def rows_of(path: Path) -> list[dict[str, Any]]:
        return [r.to_dict() for r in import_exports(path).performance]

    base = rows_of(ef.write_csv(tmp_path / "a.csv", [HUBSPOT, *rows]))
    assert len(base) == 5  # four lead months and channels, and the customer's
    shuffled = [rows[i] for i in order]
    assert rows_of(ef.write_csv(tmp_path / "b.csv", [HUBSPOT, *shuffled])) == base


@given(
    st.decimals(min_value=1, max_value=10**7, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["$", "€", "£"]),
    st.sampled_from(["USD", "EUR", "MYR"]),
    st.booleans(),
)
def test_a_cell_holding_its_currency_says_how_to_write_it(
    amount: Decimal, sign: str, code: str, before: bool
) -> None:
    """A spend cell "$1,200.00" (or "1,200.00 USD") said "'$1,200.00' is not a number
    with '.' as the decimal mark": true, and no help. It says the cell holds its
    currency and to write the amount alone, never a number read."""
    text = f"{amount:,.2f}"
    for cell, cur in ((f"{sign}{text}", sign), (f"{text} {code}", code), (f"{code} {text}", code)):
        with pytest.raises(DataError, match=r"holds its currency") as info:
            number(cell, "f.csv", 2, "spend", decimal=".", count=False)
        assert f"({cur})" in str(info.value) and f"alone ({text})" in str(info.value)
    assert number(text, "f.csv", 2, "spend", decimal=".", count=False) == float(amount)
