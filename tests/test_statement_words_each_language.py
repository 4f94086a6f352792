"""Words marketers use that the packs did not know, each read as English reads its own.

Before: Malay "Tigakalikan tera di LinkedIn" (triple impressions) read no target, and
"masa respons" (response time) no metric; Tagalog "Bawasan sa kalahati ang cost per lead"
(cut in half) no target. Each was listed as not understood, never read wrong.
"""

from __future__ import annotations

import datetime as dt

import pytest

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "lang", "metric", "target"),
    [
        ("Tigakalikan tera di LinkedIn menjelang akhir tahun", "ms", "impressions", "x3"),
        ("Kurangkan separuh masa respons di Facebook menjelang akhir tahun", "ms",
         "average_response_time", "x0.5"),
        ("Kurangkan purata masa respons di Facebook kepada 2 jam menjelang Jun", "ms",
         "average_response_time", "2 hour"),
        ("Bawasan sa kalahati ang cost per lead mula ₱400 pagsapit ng Q3 2027", "tl",
         "cost_per_lead", "x0.5"),
        ("Bawasan ng kalahati ang response time sa Facebook bago matapos ang taon", "tl",
         "average_response_time", "x0.5"),
    ],
)  # fmt: skip
def test_the_word_is_read(statement: str, lang: str, metric: str, target: str) -> None:
    goal = gr.read_statement(statement, start=START, lang=lang).goal
    assert goal.metric == metric
    assert str(goal.target) == target
