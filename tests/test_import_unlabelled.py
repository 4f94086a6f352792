"""Analytics rows that do not say their channel: a GA4 export's row with an empty
'Session source / medium' (a total row without its label, or a damaged row) was read as
the channel '(none)', counting every visit twice. A total row is left out with a note;
any other such row is an error naming the file, line and column. Files laid out like
GA4's export (made here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError
from goalrules.io.exports import import_exports
from tests import export_files as ef

PREAMBLE = ["# Traffic acquisition", "# Start date: 20260101", "# End date: 20260131"]
HEADER = ["Session source / medium", "Sessions", "Key events"]
SOURCES = ["google / organic", "facebook.com / referral", "l.facebook.com / referral",
           "linkedin.com / referral", "(direct) / (none)", "newsletter / email"]  # fmt: skip


def _visits(path: Path) -> tuple[dict[str, float], tuple[str, ...]]:
    result = import_exports(path)
    out: dict[str, float] = {}
    for r in result.performance:
        out[r.channel] = out.get(r.channel, 0) + r.visits
    return out, result.notes


def test_a_total_row_without_its_label_is_left_out_with_a_note(tmp_path: Path) -> None:
    rows = [HEADER, ["google / organic", 100, 4], ["facebook.com / referral", 50, 2], ["", 150, 6]]
    p = ef.write_csv(tmp_path / "ga4.csv", rows, preamble=PREAMBLE)
    visits, notes = _visits(p)
    assert visits == {"google": 100, "facebook": 50}
    assert any("line 7 has an empty 'session source / medium'" in n for n in notes)


def test_a_row_without_its_channel_that_is_no_total_is_an_error(tmp_path: Path) -> None:
    rows = [HEADER, ["google / organic", 100, 4], ["", 30, 1], ["facebook.com / referral", 50, 2]]
    p = ef.write_csv(tmp_path / "ga4.csv", rows, preamble=PREAMBLE)
    with pytest.raises(DataError) as err:
        import_exports(p)
    assert err.value.source == str(p) and err.value.line == 6
    assert err.value.field == "session source / medium"


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(st.sampled_from(SOURCES), st.integers(0, 900), st.integers(0, 30)),
                  min_size=1, max_size=6, unique_by=lambda r: r[0]),
    at=st.integers(0, 6),
)  # fmt: skip
def test_an_unlabelled_total_row_anywhere_changes_no_channel(
    tmp_path: Path, rows: list[tuple[str, int, int]], at: int
) -> None:
    """The export read with its total row (unlabelled, at any place among the rows) and
    without it gives the same channels and visits."""
    body = [list(r) for r in rows]
    plain = ef.write_csv(tmp_path / "plain.csv", [HEADER, *body], preamble=PREAMBLE)
    total = ["", sum(r[1] for r in rows), sum(r[2] for r in rows)]
    with_total = [*body[:at], total, *body[at:]]
    p = ef.write_csv(tmp_path / "total.csv", [HEADER, *with_total], preamble=PREAMBLE)
    assert _visits(p)[0] == _visits(plain)[0]
