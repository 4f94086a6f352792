"""The source groups (GA4's channel grouping as data): the shipped patterns."""

from __future__ import annotations

import re

from goalrules.judgments.sources import source_groups


def test_every_shipped_source_group_pattern_is_a_regular_expression() -> None:
    # the shipped patterns compile when first tried (a plugin's when read): each one is a
    # valid expression and matches as compiled, ignoring case
    names = ["Facebook", "l.facebook.com", "google", "(direct)", "(none)", "cpc", "email"]
    patterns = [p for g in source_groups() for p in (g.source, g.medium) if p is not None]
    assert len(patterns) > 10
    for pattern in patterns:
        compiled = re.compile(pattern.pattern, re.IGNORECASE)
        for name in names:
            found, expected = pattern.fullmatch(name), compiled.fullmatch(name)
            assert (found and found.span()) == (expected and expected.span())
