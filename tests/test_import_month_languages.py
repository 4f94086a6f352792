"""A month name two languages give to different months: ``listopada`` is November in
Polish and October in Croatian (``lis``, ``listopad``, ``srp``, ``lip`` the same way).
Croatian was not among the languages read, so a Croatian TikTok export of October
(``1. listopada`` ... ``28. listopada``) was read as November 1 to 28, without a word.
Now Croatian is read too, and such a name is read by its column: the languages that
name every month of the column (a Polish file's ``października`` says ``listopada`` is
November, a Croatian file's ``studenoga`` says it is October), else the language whose
own pattern writes the cell (Babel: ``8 listopada`` is Polish, ``8. listopada``
Croatian); a column neither tells is an error naming the cell and both readings.
TikTok Overview files laid out as the real ones in the account's language (made here)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.dates import format_skeleton
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import CellErrors, import_exports
from goalrules.io.exports.dates import MONTH_LOCALES
from tests import export_files as ef

D = dt.date


def _overview(path: Path, days: list[D], locale: str) -> Path:
    cells = [format_skeleton("MMMMd", d, locale=locale) for d in days]
    return ef.tiktok_overview_localized(path, [(c, 100 + i, 1) for i, c in enumerate(cells)])


def _views(path: Path, today: D) -> dict[D, float]:
    result = import_exports(path, today=today)
    return {r.date: r.value for r in result.history if r.metric == "video_views"}


def _run(first: D, n: int) -> list[D]:
    return [first + dt.timedelta(days=i) for i in range(n)]


def test_a_croatian_october_is_october(tmp_path: Path) -> None:
    days = _run(D(2026, 10, 1), 28)  # "1. listopada" ... "28. listopada"
    f = _overview(tmp_path / "Overview.csv", days, "hr")
    assert "1. listopada" in f.read_text(encoding="utf-8-sig")
    assert sorted(_views(f, D(2026, 11, 29))) == days


def test_a_polish_november_is_november(tmp_path: Path) -> None:
    days = _run(D(2026, 11, 1), 7)  # "1 listopada" ... "7 listopada"
    f = _overview(tmp_path / "Overview.csv", days, "pl")
    assert sorted(_views(f, D(2026, 11, 8))) == days


@pytest.mark.parametrize(("locale", "first"), [("pl", D(2026, 10, 20)), ("hr", D(2026, 10, 20)),
                                               ("hr", D(2026, 9, 20))])  # fmt: skip
def test_the_column_s_other_months_say_the_language(tmp_path: Path, locale: str, first: D) -> None:
    days = _run(first, 28)
    f = _overview(tmp_path / "Overview.csv", days, locale)
    assert sorted(_views(f, days[-1] + dt.timedelta(days=1))) == days


def test_a_column_that_does_not_say_its_language_is_an_error(tmp_path: Path) -> None:
    # the name alone, in no language's own pattern: November (Polish, Czech) or October
    f = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [("listopad 7", 10, 1), ("listopad 8", 12, 1)])  # fmt: skip
    with pytest.raises(DataError) as err:
        import_exports(f, today=D(2026, 11, 30))
    assert err.value.line == 2 and err.value.field == "date"
    assert "October in hr" in str(err.value) and "November in" in str(err.value)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(locale=st.sampled_from(MONTH_LOCALES), first=st.dates(D(2025, 1, 1), D(2026, 12, 31)),
       n=st.integers(1, 40))  # fmt: skip
def test_a_day_in_any_language_is_that_day_or_an_error(
    tmp_path_factory: pytest.TempPathFactory, locale: str, first: D, n: int
) -> None:
    """Never a confident wrong date: a TikTok export whose dates are written in a
    language's own day-month pattern reads as its days, or is an error."""
    days = _run(first, n)
    f = _overview(tmp_path_factory.mktemp("x") / "Overview.csv", days, locale)
    try:
        got = _views(f, days[-1] + dt.timedelta(days=1))
    except DataError:
        return
    assert sorted(got) == days


def test_every_bad_cell_names_both_readings(tmp_path: Path) -> None:
    f = ef.tiktok_overview_localized(tmp_path / "Overview.csv",
                                     [("listopad 7", 10, 1), ("listopad 8", 12, 1)])  # fmt: skip
    with pytest.raises(CellErrors) as err:
        import_exports(f, today=D(2026, 11, 30), errors="collect")
    table = err.value.table()
    assert [(row["line"], row["column"]) for row in table] == [(2, "date"), (3, "date")]
    assert all("October in hr" in row["why"] for row in table)
