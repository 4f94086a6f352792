"""A criterion's score and pass from its rules' outcome codes: what
:meth:`~goalrules.engine.results.Report.scored` adds up for each criterion of a report
made from codes, kept per ruleset and per combination of outcomes (a criterion's few
rules meet few combinations; the score is a pure function of them and the weights)."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

__all__ = ["FAIL", "PASS", "SKIPPED", "UNKNOWN", "criterion_groups", "criterion_mark"]

#: a rule's outcome as a small code (``results._CODES`` orders the outcomes by them)
FAIL, PASS, UNKNOWN, SKIPPED = 0, 1, 2, 3

Group = tuple[str, Callable[[Sequence[Any]], tuple[Any, ...]], dict[tuple[int, ...], Any]]


def criterion_groups(members: Mapping[str, Sequence[tuple[int, float]]]) -> list[Group]:
    """Per criterion of a ruleset's ``criterion_members``: its name, a function that
    takes its members' items of a sequence by index (a tuple), and the memo of its score
    and pass by its members' outcome codes (see :func:`criterion_mark`). Kept per
    ruleset (by the identity of its members' mapping, kept alongside)."""
    kept = _GROUPS.get(id(members))
    if kept is not None and kept[0] is members:
        return kept[1]
    groups: list[Group] = []
    for name, pairs in members.items():
        idx = [i for i, _ in pairs]
        take: Any = operator.itemgetter(*idx) if len(idx) > 1 else _one(idx[0])
        groups.append((name, take, {}))
    if len(_GROUPS) >= 64:
        _GROUPS.clear()
    _GROUPS[id(members)] = (members, groups)
    return groups


_GROUPS: dict[int, tuple[Any, list[Group]]] = {}


def _one(i: int) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    def take(items: Sequence[Any]) -> tuple[Any, ...]:
        return (items[i],)

    return take


def criterion_mark(
    codes: tuple[int, ...], members: Sequence[tuple[int, float]]
) -> tuple[float, bool]:
    """A criterion's score (the weighted share of its applicable rules that pass) and
    pass (every applicable rule passes, and one applies) from its members' outcome
    codes, added up in the members' order."""
    total = got = 0.0
    applicable = 0
    all_pass = True
    for code, (_, weight) in zip(codes, members, strict=True):
        if code == SKIPPED:
            continue
        applicable += 1
        total += weight
        if code == PASS:
            got += weight
        else:
            all_pass = False
    return (got / total if total > 0 else 0.0), applicable > 0 and all_pass
