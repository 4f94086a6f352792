"""GA4 tables as the loaders write them: dlt's verified Google Analytics source (and
Windsor.ai, Fivetran-style warehouses) name the Data API's columns in snake_case
(``session_default_channel_group``, ``session_source``, ``year_month``), dlt adds the
metric's type to its name (``sessions_integer``, ``key_events_integer``) and its own
columns (``_dlt_load_id``, ``property_id``), and gives ``date`` as a timestamp. None of
them was matched ("no export preset matches")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.io.exports import import_exports
from tests import export_files as ef

D = dt.date


def _rows(result: object) -> dict[tuple[str, str, str | None], tuple[float | None, float | None]]:
    return {
        (f"{r.month:%Y-%m}", r.channel, r.medium): (r.visits, r.leads)
        for r in result.performance  # type: ignore[attr-defined]
    }


def test_dlt_snake_case_columns_by_channel_group(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4_dlt.csv", [
        ["date", "session_default_channel_group", "sessions", "key_events", "property_id",
         "_dlt_load_id", "_dlt_id"],
        ["2026-01-05 00:00:00+00:00", "Organic Social", "120", "3", "123", "1.7e9", "a"],
        ["2026-01-06 00:00:00+00:00", "Organic Social", "80", "1", "123", "1.7e9", "b"],
        ["2026-02-01 00:00:00+00:00", "Paid Search", "40", "2", "123", "1.7e9", "c"],
    ])  # fmt: skip
    assert _rows(import_exports(p)) == {
        ("2026-01", "social", "organic"): (200, 4),
        ("2026-02", "search", "paid"): (40, 2),
    }


def test_dlt_typed_metric_names_and_source_medium(tmp_path: Path) -> None:
    p = ef.write_csv(tmp_path / "ga4_dlt.csv", [
        ["year_month", "session_source", "session_medium", "sessions_integer",
         "key_events_integer", "total_revenue_currency"],
        ["202601", "linkedin.com", "referral", "50", "5", "10.5"],
        ["202601", "facebook", "cpc", "30", "1", "0"],
    ])  # fmt: skip
    assert _rows(import_exports(p)) == {
        ("2026-01", "linkedin", "organic"): (50, 5),
        ("2026-01", "facebook", "paid"): (30, 1),
    }


@settings(max_examples=20, deadline=None)
@given(days=st.lists(st.tuples(st.dates(D(2025, 1, 1), D(2026, 12, 31)), st.integers(0, 10**5)),
                     min_size=1, max_size=8, unique_by=lambda t: t[0]))  # fmt: skip
def test_a_dlt_dataframe_of_timestamps_sums_by_month(days: list[tuple[D, int]]) -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "date": pd.to_datetime([d for d, _ in days]).tz_localize("UTC"),
        "session_default_channel_group": ["Organic Social"] * len(days),
        "sessions_integer": [n for _, n in days],
        "key_events_integer": [0] * len(days),
    })  # fmt: skip
    want: dict[str, float] = {}
    for d, n in days:
        want[f"{d:%Y-%m}"] = want.get(f"{d:%Y-%m}", 0) + n
    got = {k[0]: v[0] for k, v in _rows(import_exports(df)).items()}
    assert got == want
