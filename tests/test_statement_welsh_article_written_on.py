"""Welsh writes "the" onto the word before it ("Cynyddu'r gyfradd", "Lleihau'r gost").

Before, a short statement whose Welsh words all carried it was read as English: "Cynyddu'r
gyfradd ymgysylltu 1%" (increase the engagement rate 1 %) read a level of 1 % of no
metric, without a word. Now it is read as Welsh (and "1%" after a verb of change is said,
as in English)."""

from __future__ import annotations

import pytest

from goalrules.vocabulary.languages import detect_language


@pytest.mark.parametrize(
    "statement",
    [
        "Cynyddu'r gyfradd ymgysylltu 1%",
        "Lleihau'r gyfradd adlam i lai na 40%",
        "Lleihau'r gost fesul clic 20%",
    ],
)
def test_welsh_with_its_article_written_on(statement: str) -> None:
    assert detect_language(statement).code == "cy"


@pytest.mark.parametrize(
    "statement",
    ["Don't lose more than 5% of followers", "Grow our brand's followers by 20%"],
)
def test_english_with_an_apostrophe_stays_english(statement: str) -> None:
    assert detect_language(statement).code == "en"
