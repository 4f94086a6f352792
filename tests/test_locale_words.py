"""The words in a locale: the English words with the locale's signs. With ``--locale
de`` a channel's evidence once read "6,800 visits (59,6 % of the channels judged)" and
"spend 1,200.00 USD" beside "lead rate 1,1 %", and a goal "(6.2 months) needs growth of
3,6 % a month": English grouping and decimals beside German ones, so that a German
reader took 6,800 visits for 6.8."""

from __future__ import annotations

import io
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.cli import main
from goalrules.numbers import use_locale

MONTHS = [f"2025-{m:02d}" for m in range(1, 7)]
NAMES = ("linkedin", "facebook", "instagram", "google")


def _german(text: str) -> str:
    """English number signs swapped for German ones (between digits only)."""
    return re.sub(r"(?<=\d)[,.](?=\d)", lambda m: "." if m[0] == "," else ",", text)


def _words(rows: list[dict[str, Any]]) -> list[str]:
    decided = gr.decide_channels(rows)
    lines = [line for d in decided for line in d.reasons]
    lines += [s.describe() for s in decided.context]
    return lines


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 90_000), st.integers(0, 3_000), st.integers(0, 2_000_000)),
        min_size=4,
        max_size=4,
    ),
    st.lists(st.booleans(), min_size=4, max_size=4),
)
def test_german_words_are_the_english_ones_in_german_signs(
    sizes: list[tuple[int, int, int]], paid: list[bool]
) -> None:
    rows: list[dict[str, Any]] = []
    for name, (visits, leads, cents), has in zip(NAMES, sizes, paid, strict=True):
        for i, month in enumerate(MONTHS):
            row: dict[str, Any] = {
                "channel": name,
                "month": month,
                "visits": visits + 97 * i,
                "leads": min(leads + 3 * i, visits + 97 * i),
                "customers": 2,
            }
            if has:
                row["spend"] = cents / 100
            rows.append(row)  # fmt: skip
    english = _words(rows)
    with use_locale("de"):
        german = _words(rows)
    assert german == [_german(line) for line in english]


def test_a_german_team_reads_its_counts_and_money_in_german() -> None:
    rows = [{"channel": n, "month": m, "visits": v, "leads": 30, "spend": 1234.5}
            for n, v in (("linkedin", 6800), ("facebook", 12000)) for m in MONTHS]  # fmt: skip
    with use_locale("de"):
        said = " ".join(gr.decide_channels(rows)[0].reasons)
    assert "72.000 visits" in said
    assert "spend 7.407,00 USD" in said


def test_the_demo_in_german_is_the_english_demo_in_german_signs() -> None:
    """Every line of the demo's report but the examples of how to write a statement
    (English statements write English numbers) and the statements quoted."""
    pages = {}
    for argv in ([], ["--locale", "de"]):
        out = io.StringIO()
        assert main([*argv, "demo"], out=out) == 0
        pages[bool(argv)] = out.getvalue().splitlines()
    english, german = pages[False], pages[True]
    assert len(english) == len(german)
    example = re.compile(r"'[^']*\d[^']*'")  # 'reach 2,400 followers': how to write one
    kept = [(e, g) for e, g in zip(english, german, strict=True)
            if not example.search(e) and not e.strip().startswith('"')]  # fmt: skip
    assert len(kept) > 0.9 * len(english)
    for e, g in kept:
        assert g == _german(e)


def test_a_review_and_its_explanation_in_german_are_the_english_ones_in_german_signs(
    tmp_path: Any,
) -> None:
    """The review's lines and a goal's --explain ("chance under 0.01 %", "progress 0.00 %"
    were written in English signs for a German team)."""
    paths = gr.demo_paths()
    pages: dict[bool, list[str]] = {}
    for german in (False, True):
        store = str(tmp_path / f"{german}.db")
        head = ["--locale", "de"] if german else []
        common = [str(paths["workspace"]), "--history", str(paths["history"]), "--store", store]
        lines = []
        for argv in (["--today", "2026-01-10"], ["--today", "2026-03-10"],
                     ["--date", "2026-03-10", "--explain", "li-followers"]):  # fmt: skip
            out = io.StringIO()
            assert main([*head, "-q", "review", *common, *argv], out=out) == 0
            lines += out.getvalue().splitlines()
        pages[german] = lines
    assert len(pages[False]) == len(pages[True]) > 10
    for e, g in zip(pages[False], pages[True], strict=True):
        assert g == _german(e)


def test_the_html_pages_write_their_shares_as_the_text_does() -> None:
    """A missed criterion's share on the HTML page read "40%" whatever the locale (the
    text and markdown write "40 %", a German team "40 %" with its own signs)."""
    for head in ([], ["--locale", "de"]):
        out = io.StringIO()
        assert main([*head, "demo", "--today", "2026-01-10", "--format", "html"], out=out) == 0
        page = re.sub(r"<svg.*?</svg>|<style>.*?</style>", "", out.getvalue(), flags=re.S)
        badges = re.findall(r'class="badge miss">([^<]*)<', page)
        assert badges and all(re.fullmatch(r"\d+ %", b) for b in badges), badges
        assert not re.search(r"\d%", page)
