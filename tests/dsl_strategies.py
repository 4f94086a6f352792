"""Hypothesis strategies for rule-language syntax trees (tests only)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from goalrules.dsl import ast

NAMES = st.sampled_from(["visits", "leads", "goal", "channel", "x", "rate_1"])
UNITS = st.sampled_from(["%", "followers", "visits", "months", "USD", "followers / month", "hours"])
FUNCS = st.sampled_from(["max", "min", "share", "unit", "wilson_lower"])


def _number() -> st.SearchStrategy[float]:
    return st.one_of(
        st.integers(0, 10**9).map(float),
        st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
    )


leaves: st.SearchStrategy[ast.Expr] = st.one_of(
    _number().map(ast.Number),
    st.builds(ast.Quantity, _number(), UNITS),
    st.dates(dt.date(1900, 1, 1), dt.date(2200, 1, 1)).map(ast.DateLit),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12).map(ast.Str),
    st.booleans().map(ast.Bool),
    st.just(ast.Today()),
    NAMES.map(ast.Name),
)


def _fields(inner: st.SearchStrategy[ast.Expr]) -> st.SearchStrategy[ast.Expr]:
    return st.builds(ast.Field, NAMES.map(ast.Name), NAMES)


def _extend(inner: st.SearchStrategy[ast.Expr]) -> st.SearchStrategy[ast.Expr]:
    ops = st.sampled_from(["<", "<=", ">", ">=", "==", "!="])
    return st.one_of(
        _fields(inner),
        st.builds(ast.Call, FUNCS, st.lists(inner, max_size=3).map(tuple)),
        st.lists(inner, max_size=3).map(lambda xs: ast.ListLit(tuple(xs))),
        st.builds(ast.Neg, inner),
        st.builds(ast.Arith, st.sampled_from(["+", "-", "*", "/"]), inner, inner),
        st.integers(1, 3).flatmap(
            lambda n: st.builds(
                ast.Compare,
                st.lists(ops, min_size=n, max_size=n).map(tuple),
                st.lists(inner, min_size=n + 1, max_size=n + 1).map(tuple),
            )
        ),
        st.builds(ast.IsSet, inner, st.booleans()),
        st.builds(ast.In, inner, inner, st.booleans()),
        st.builds(ast.Not, inner),
        st.builds(ast.And, inner, inner),
        st.builds(ast.Or, inner, inner),
        st.builds(ast.IfExp, inner, inner, inner),
    )


expressions: st.SearchStrategy[ast.Expr] = st.recursive(leaves, _extend, max_leaves=12)
