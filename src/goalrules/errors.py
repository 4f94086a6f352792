"""The error family of goalrules.

Every error the library raises is a :class:`GoalRulesError`. An error carries what is
known of where it happened: the source (a file name or ``<rules>``), the 1-based line
and column, the field path (``goal[2].deadline``) and, when the source text is known,
it renders the offending line with a caret under the culprit::

    smart.rules:4:12: cannot compare follower with visit
        check goal.target > 1000 visits
                          ^^^^^^^^^^^^^

Errors found together (a rule file with several mistakes, a workspace with several
bad fields) are raised as one :class:`GoalRulesErrors`, which is itself a
``GoalRulesError`` and lists every problem in ``.errors``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = [
    "DataError",
    "DateError",
    "GoalRulesError",
    "GoalRulesErrors",
    "LimitError",
    "MissingFactError",
    "PluginError",
    "RuleSyntaxError",
    "RuleTypeError",
    "UnitError",
    "UnknownMetricError",
    "UnknownNameError",
    "ValidationError",
    "WorkspaceError",
    "listed",
    "suggest",
]


def suggest(
    word: str, candidates: Iterable[str], *, n: int = 3, cutoff: float = 0.6
) -> tuple[str, ...]:
    """Return up to ``n`` close matches of ``word`` among ``candidates`` (best first);
    ``cutoff`` is the least similarity (0..1) a match needs."""
    import difflib  # here, not at import: only a mistyped name needs it

    pool = list(dict.fromkeys(candidates))
    lowered = {c.lower(): c for c in pool}
    hits = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=cutoff)
    found = [lowered[h] for h in hits]
    # A prefix or substring match is a good hint even when the ratio is low.
    if len(found) < n:
        for c in pool:
            if c in found:
                continue
            cl = c.lower()
            if len(word) >= 3 and (cl.startswith(word.lower()) or word.lower() in cl):
                found.append(c)
            if len(found) >= n:
                break
    return tuple(found)


def listed(names: Iterable[object], *, limit: int = 12, width: int = 40) -> str:
    """``names`` joined by commas for an error message, of a bounded length whatever the
    input: the first ``limit`` of them, each cut to ``width`` characters, then how many
    more there are (a header of 100,000 columns, or a JSON file read as a CSV whose one
    "column" is its whole first line, is no 800 kB line on stderr)."""
    items = [str(n) for n in names]
    shown = [n if len(n) <= width else n[: width - 1] + "\u2026" for n in items[:limit]]
    rest = len(items) - len(shown)
    return ", ".join(shown) + (f" and {rest:,} more" if rest > 0 else "")


class GoalRulesError(Exception):
    """Base of every error raised by goalrules.

    Attributes are all optional: ``source`` (file name), ``line`` and ``column``
    (1-based), ``end_column`` (exclusive, for a caret run), ``field`` (a dotted path
    such as ``goal[2].deadline``), ``text`` (the whole source text, used to show the
    offending line), ``suggestions`` (close matches for an unknown name) and ``hint``.
    """

    #: the stable code of this kind of error (``docs/errors/``); never reused
    code = "GR100"

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        column: int | None = None,
        end_column: int | None = None,
        field: str | None = None,
        text: str | None = None,
        suggestions: Sequence[str] = (),
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.column = column
        self.end_column = end_column
        self.field = field
        self.text = text
        self.suggestions = tuple(suggestions)
        self.hint = hint

    # -- rendering -------------------------------------------------------------------
    @property
    def location(self) -> str:
        """``source:line:col`` (or as much of it as is known), plus the field path."""
        parts: list[str] = []
        if self.source:
            parts.append(self.source)
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        loc = ":".join(parts)
        if self.field:
            loc = f"{loc}: {self.field}" if loc else self.field
        return loc

    def detail(self) -> str:
        """The message with its suggestions and hint, without the location (to re-raise
        the error elsewhere with a location of its own)."""
        msg = self.message
        if self.suggestions:
            quoted = ", ".join(repr(s) for s in self.suggestions)
            msg += f" (did you mean {quoted}?)"
        if self.hint:
            msg += f"; {self.hint}"
        return msg

    def headline(self) -> str:
        """One line: location, message, suggestions and hint."""
        loc = self.location
        return f"{loc}: {self.detail()}" if loc else self.detail()

    def context(self) -> str:
        """The offending source line with a caret under the culprit, or ``""``."""
        if self.text is None or self.line is None:
            return ""
        lines = self.text.split("\n")
        if not 1 <= self.line <= len(lines):
            return ""
        src = lines[self.line - 1]
        col = self.column or 1
        end = self.end_column if self.end_column and self.end_column > col else col + 1
        end = min(end, max(len(src) + 1, col + 1))
        return f"    {src}\n    {' ' * (col - 1)}{'^' * (end - col)}"

    def __str__(self) -> str:
        ctx = self.context()
        head = self.headline()
        return f"{head}\n{ctx}" if ctx else head

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: the code, the message (with suggestions and hint) and where."""
        return {
            "code": self.code,
            "message": self.detail(),
            "source": self.source,
            "line": self.line,
            "column": self.column,
            "field": self.field,
        }

    def with_location(
        self,
        *,
        source: str | None = None,
        field: str | None = None,
        line: int | None = None,
        column: int | None = None,
        text: str | None = None,
    ) -> GoalRulesError:
        """Fill in location details that are not known yet (returns ``self``).

        A field path is prefixed: an error about ``deadline`` re-raised by the loader of
        ``goal[2]`` becomes ``goal[2].deadline``.
        """
        if source is not None and self.source is None:
            self.source = source
        if field is not None:
            if self.field and not self.field.startswith("["):
                self.field = f"{field}.{self.field}"
            elif self.field:
                self.field = f"{field}{self.field}"
            else:
                self.field = field
        if line is not None and self.line is None:
            self.line = line
            if column is not None:
                self.column = column
        if text is not None and self.text is None:
            self.text = text
        self.args = (self.message,)
        return self


class GoalRulesErrors(GoalRulesError):
    """Several problems found in one pass; ``.errors`` lists each of them."""

    code = "GR100"

    def __init__(self, errors: Sequence[GoalRulesError], *, source: str | None = None) -> None:
        self.errors = tuple(errors)
        n = len(self.errors)
        first = self.errors[0].headline() if self.errors else "no errors"
        summary = first if n == 1 else f"{n} problems; first: {first}"
        super().__init__(summary, source=source)

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)

    def headline(self) -> str:
        return self.message


class RuleSyntaxError(GoalRulesError):
    """A rule or expression does not parse."""

    code = "GR101"


class RuleTypeError(GoalRulesError):
    """A rule is well formed but ill typed (units, dates, booleans, unknown fields)."""

    code = "GR102"


class UnitError(GoalRulesError):
    """A quantity or unit text is not understood, or two units do not fit together."""

    code = "GR103"


class DateError(GoalRulesError):
    """A date, deadline, period or recurrence text is not understood or not valid."""

    code = "GR201"


class ValidationError(GoalRulesError):
    """A model object got a value it cannot hold (the ``field`` names which)."""

    code = "GR202"


class DataError(GoalRulesError):
    """Tabular data (histories, performance rows, sessions) has a bad row or column."""

    code = "GR203"


class WorkspaceError(GoalRulesError):
    """A workspace file is missing, malformed or inconsistent."""

    code = "GR204"


class LimitError(GoalRulesError):
    """An input is over a safety bound (source size, nesting depth)."""

    code = "GR205"


class PluginError(GoalRulesError):
    """A plugin could not be loaded or returned something unusable."""

    code = "GR401"


class MissingFactError(GoalRulesError):
    """An expression read a fact that is missing (absent or ``None``)."""

    code = "GR104"

    def __init__(self, name: str, **kwargs: object) -> None:
        super().__init__(f"missing fact {name!r}", **kwargs)  # type: ignore[arg-type]
        self.name = name


class UnknownNameError(GoalRulesError, KeyError):
    """A name (metric, objective, field, function, id) is not known.

    It is also a :class:`KeyError`, so mapping-style lookups behave as Python expects.
    """

    code = "GR105"

    def __init__(
        self, kind: str, name: str, candidates: Iterable[str] = (), **kwargs: object
    ) -> None:
        sugg = suggest(name, candidates) if candidates else ()
        super().__init__(f"unknown {kind} {name!r}", suggestions=sugg, **kwargs)  # type: ignore[arg-type]
        self.kind = kind
        self.name = name

    def __str__(self) -> str:  # KeyError would show repr(args)
        return GoalRulesError.__str__(self)


class UnknownMetricError(UnknownNameError):
    """A metric key or alias is not in the catalog."""

    code = "GR106"

    def __init__(self, name: str, candidates: Iterable[str] = (), **kwargs: object) -> None:
        super().__init__("metric", name, candidates, **kwargs)
