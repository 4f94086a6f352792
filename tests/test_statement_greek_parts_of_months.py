"""The middle, end and start of a month as Greek writes them: "ως τα μέσα Ιουνίου" (by
mid-June) gave no deadline and no note; "μέχρι τέλη Ιουνίου" and "μέχρι αρχές Ιουλίου"
(no article) were said as words not known. Now the end of June is 30 June, and mid-June
and early July are said, as English "by mid-June" is."""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr


@pytest.mark.parametrize(
    ("statement", "deadline", "said"),
    [
        ("Αύξηση ακολούθων κατά 20% ως τα μέσα Ιουνίου", None, '"by mid june" says when'),
        ("Αύξηση ακολούθων κατά 20% μέχρι τα μέσα Ιουνίου", None, '"by mid june" says when'),
        ("Αύξηση ακολούθων κατά 20% μέχρι τέλη Ιουνίου", dt.date(2026, 6, 30), None),
        ("Αύξηση ακολούθων κατά 20% ως τα τέλη Ιουνίου", dt.date(2026, 6, 30), None),
        ("Αύξηση ακολούθων κατά 20% μέχρι αρχές Ιουλίου", None, '"by early july" says when'),
    ],
)
def test_greek_mid_end_and_early_of_a_month(
    statement: str, deadline: dt.date | None, said: str | None
) -> None:
    reading = gr.read_statement(statement, start=dt.date(2026, 5, 1), lang="el")
    assert reading.goal.deadline == deadline
    assert reading.goal.target is not None and reading.goal.target.means("+20%")
    if said is not None:
        assert any(said in note for note in reading.notes), reading.notes
    else:
        assert "deadline" in reading.understood
