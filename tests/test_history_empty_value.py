"""An empty value in a history file was an error saying "write 0 if there were none",
whatever the metric: for followers (a stock), a 0 is a count, and two months written 0
read as an account emptied and filled again (a straight line "233 followers a month"
through them). The error now says to leave the row out for a stock or a ratio, and keeps
"write 0 if there were none" for a flow, with the row left out if not measured."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalrules.errors import GoalRulesError
from goalrules.io.tables import load_history


@pytest.mark.parametrize(
    ("metric", "said", "not_said"),
    [
        ("followers", "leave the row out", "write 0"),
        ("post_engagement_rate", "leave the row out", "write 0"),
        ("leads", "write 0 if there were none; leave the row out", ""),
    ],
)
def test_an_empty_value_says_what_to_write_for_its_metric(
    tmp_path: Path, metric: str, said: str, not_said: str
) -> None:
    p = tmp_path / "history.csv"
    p.write_text(f"date,channel,metric,value\n2025-07-31,instagram,{metric},12\n"
                 f"2025-08-31,instagram,{metric},\n", encoding="utf-8")  # fmt: skip
    with pytest.raises(GoalRulesError) as caught:
        load_history(p)
    message = str(caught.value)
    assert said in message and "history.csv" in message and ":3" in message
    if not_said:
        assert not_said not in message
