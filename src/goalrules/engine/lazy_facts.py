"""A fact whose fields are partly computed on first read: the values a decision does
not read (a channel's trends when a rule of higher priority decides) are never computed.

:class:`LazyFields` is a ``dict`` of a fact's fields, some of them *pending*: a pending
field is computed (by ``fill``) when it is first read as ``facts[key]`` (the rules' fast
code) or ``facts.get(key)`` (their careful code), and kept. Reading the fields as a
whole (iterating, comparing, copying to a plain dict, ``len``) computes every pending
one first, so the mapping reads as the plain dict it stands for. The needs test of a
rule (:func:`goalrules.engine.needs.lacking`) reads a pending field (or an absent one)
as present, computing nothing: only a field known to be ``None`` is surely missing, and
the rule itself reads the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

__all__ = ["LazyFields", "settled"]


class LazyFields(dict[str, Any]):
    """A fact's fields, the ``pending`` ones computed by ``fill(key)`` on first read;
    ``order`` is the order of every field of the plain dict it stands for."""

    __slots__ = ("_fill", "_order", "_pending")

    def __init__(
        self,
        known: Mapping[str, Any],
        pending: frozenset[str],
        fill: Callable[[str], Any],
        order: tuple[str, ...],
    ) -> None:
        dict.update(self, known)  # (the dict's own update: no super() made each time)
        self._pending = pending
        self._fill = fill
        self._order = order

    def __missing__(self, key: str) -> Any:
        if key in self._pending:
            value = self[key] = self._fill(key)  # (the dict's own setitem: none of ours)
            return value
        raise KeyError(key)

    def get(self, key: str, default: Any = None) -> Any:
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        if key in self._pending:
            return self.__missing__(key)
        return default

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._pending

    def settle(self) -> dict[str, Any]:
        """The plain dict this stands for: every pending field computed, in order."""
        return {key: self[key] for key in self._order}

    # read as a whole: the plain dict, every field computed
    def __iter__(self) -> Iterator[str]:
        return iter(self.settle())

    def __len__(self) -> int:
        return len(self._order)

    def keys(self) -> Any:
        return self.settle().keys()

    def values(self) -> Any:
        return self.settle().values()

    def items(self) -> Any:
        return self.settle().items()

    def copy(self) -> LazyFields:
        """A copy with the same fields pending (those not computed yet: the copy computes
        its own with the same ``fill``)."""
        return LazyFields(dict(dict.items(self)), self._pending, self._fill, self._order)

    def __eq__(self, other: object) -> bool:
        return self.settle() == other

    def __ne__(self, other: object) -> bool:
        return self.settle() != other

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self.settle())

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (self.settle(),))


def settled(facts: Mapping[str, Any]) -> Mapping[str, Any]:
    """``facts`` with every :class:`LazyFields` among its values computed and made the
    plain dict it stands for (``facts`` itself when there is none)."""
    if not any(v.__class__ is LazyFields for v in facts.values()):
        return facts
    return {k: v.settle() if v.__class__ is LazyFields else v for k, v in facts.items()}
