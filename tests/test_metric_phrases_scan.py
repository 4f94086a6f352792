"""The metric phrases a statement names are found by a scan of its text; it finds what
the pattern of every phrase (``metric_pattern()``) finds, where it finds it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.model.metric_phrases import (
    _metric_phrases,
    is_metric_phrase,
    metric_pattern,
    metric_phrases_in,
)

PHRASES = [p for p, _ in _metric_phrases()]
PIECES = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from([p[: len(p) // 2] for p in PHRASES] + [p[1:] for p in PHRASES]),
    st.sampled_from([" ", "  ", "-", "_", "s", "ing", "é", "1", "%", ".", "\n", "new "]),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=10))
def test_the_scan_finds_what_the_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = metric_pattern()
    assert list(metric_phrases_in(text)) == [
        (m.start(), m.group(0)) for m in pattern.finditer(text)
    ]
    assert is_metric_phrase(text) == (pattern.fullmatch(text) is not None)


def test_statements_name_their_metrics() -> None:
    assert list(metric_phrases_in("grow page followers and site visits by 20%")) == [
        (5, "page followers"),
        (24, "site visits"),
    ]
    assert list(metric_phrases_in("grow followership")) == []  # no word boundary after
    assert is_metric_phrase("followers") and not is_metric_phrase("followers 2")
