"""The model's name for :class:`goalrules.patterns.LazyPattern` (it lives in the bottom
layer, so that dates, vocabulary, the DSL and io can use it too)."""

from __future__ import annotations

from goalrules.patterns import LazyPattern

__all__ = ["LazyPattern"]
