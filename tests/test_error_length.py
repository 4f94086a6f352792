"""An error's one stderr line stays short whatever the input: a CSV header of 100,000
columns read as goalrules' own file gave a 789 kB line naming every column, and a table
of many columns alike. The message names the first columns and how many more there are."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.errors import DataError, GoalRulesError, LimitError, listed
from goalrules.io.tables import read_rows
from goalrules.model.tables import table_history


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=400))
def test_listed_is_bounded_and_names_the_first(names: list[str]) -> None:
    text = listed(names)
    assert len(text) <= 12 * 42 + 40
    if names:
        assert text.startswith(names[0][:39])
    if len(names) > 12:
        assert text.endswith(f"and {len(names) - 12:,} more")
    else:
        assert "more" not in text or any("more" in n for n in names)


def test_a_wide_header_gives_a_short_error(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text(",".join(f"column{i}" for i in range(16_000)) + "\n1\n")
    with pytest.raises(DataError) as err:
        list(read_rows(path, ("date", "value")))
    message = str(err.value)
    assert len(message) < 1_000
    assert "missing columns date, value" in message
    assert "column0, column1" in message and "and 15,988 more" in message
    # wider than a spreadsheet: a limit, as short
    path.write_text(",".join(f"column{i}" for i in range(100_000)) + "\n1\n")
    with pytest.raises(LimitError) as limit:
        list(read_rows(path, ("date", "value")))
    assert len(str(limit.value)) < 1_000 and "a row of 100,000 cells" in str(limit.value)


def test_a_wide_table_gives_a_short_error() -> None:
    row = {f"column{i}": i for i in range(5_000)}
    with pytest.raises(GoalRulesError) as err:
        table_history([row], "followers")
    assert len(str(err.value)) < 1_000 and "and 4,988 more" in str(err.value)


def test_one_monthly_observation_is_singular() -> None:
    """'Only 1 monthly observations over 0.0 months' (one count spans no time)."""
    import datetime as dt

    import goalrules as gr

    goal = gr.Goal(id="g", metric="followers", channel="linkedin", target="2000 followers",
                   start=dt.date(2026, 12, 3), deadline=dt.date(2027, 6, 30))  # fmt: skip
    a = gr.assess_achievability(goal, [(dt.date(2026, 11, 1), 1000.0)], today=dt.date(2026, 12, 3))
    assert a.verdict is gr.Verdict.INSUFFICIENT_DATA
    assert "Only 1 monthly observation: too little history" in a.explanation
