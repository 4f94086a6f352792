"""Workspace files (TOML, YAML, JSON): company objectives, goals, tactics and channels.

Every problem names the file and the place: ``workspace.toml:12:5`` for a syntax error,
``workspace.toml: goal[2].deadline`` for a bad field. Loading collects every problem it
finds and raises them together (:class:`~goalrules.errors.GoalRulesErrors`).

Structuring is done by the model's own converters (they read ``"1,200 followers"``,
``"within 6 months"``, ``"monthly on the 30th"``), item by item, so that each error
carries its ``$.path``.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from goalrules.errors import (
    GoalRulesError,
    GoalRulesErrors,
    LimitError,
    UnknownNameError,
    WorkspaceError,
)
from goalrules.io.files import MAX_TEXT_SIZE, _format_of, max_input_size, read_text
from goalrules.io.workspace_settings import HEAD_KEYS, calendar_settings, data_files
from goalrules.judgments.growth import GrowthPrior
from goalrules.metrics import catalog
from goalrules.model import (
    Channel,
    CompanyObjective,
    Goal,
    Plan,
    Tactic,
    complete_with_notes,
)
from goalrules.patterns import LazyPattern

Date = _dt.date


_SECTIONS: dict[str, tuple[type[Any], str]] = {
    "objective": (CompanyObjective, "objectives"),
    "goal": (Goal, "goals"),
    "tactic": (Tactic, "tactics"),
    "channel": (Channel, "channels"),
}


@attrs.frozen
class Workspace:
    """A team's workspace: company objectives, goals, tactics and channels."""

    name: str | None
    today: Date | None
    plan: Plan
    source: str | None = None
    prior: GrowthPrior | None = None  # the growth model's prior (``[workspace] prior``)
    #: what reading the goals' statements noted ("goal g1: "6/27" is read neither as a
    #: number nor as a date ..."), shown with a check's notes
    notes: tuple[str, ...] = ()
    #: the history and performance files ``[workspace]`` names, each a path from the
    #: folder the command runs in (read when no other history or performance is given)
    history: tuple[str, ...] = ()
    performance: tuple[str, ...] = ()
    #: the goals that give no start and start on the day their statements were read
    #: ("within six months" of it); a review keeps the day of their first review
    undated: frozenset[str] = frozenset()

    @property
    def goals(self) -> tuple[Goal, ...]:
        return self.plan.goals

    @property
    def channels(self) -> tuple[Channel, ...]:
        return self.plan.channels

    def __repr__(self) -> str:
        from goalrules.numbers import format_count

        p = self.plan
        counts = ", ".join(
            format_count(len(items), word)
            for items, word in ((p.objectives, "objective"), (p.goals, "goal"),
                                (p.tactics, "tactic"), (p.channels, "channel"))
        )  # fmt: skip
        today = f", today={self.today.isoformat()}" if self.today else ""
        return f"<Workspace {self.name or '(no name)'!r}{today}: {counts}>"


MAX_NESTING = 64
"""Deepest nesting of tables and lists in a workspace file (brackets, indentation)."""
MAX_KEY_PARTS = 64
"""Most parts of one dotted TOML key (``a.b.c`` has 3)."""
MAX_DIGITS = 100
"""Most digits of a number (outside strings) in a workspace."""
MAX_VALUES = 200_000
"""Most values (tables, lists, scalars) a workspace document may hold under the default
input size limit, YAML aliases counted each time they are used; a larger limit
(``--max-input-size``) allows proportionally more (an agency's book of 100,000 goals)."""


def _max_values() -> int:
    return max(MAX_VALUES, MAX_VALUES * max_input_size("text") // MAX_TEXT_SIZE)


def _too_deep(source: str, line: int, column: int, text: str) -> LimitError:
    return LimitError(
        f"tables and lists nest deeper than {MAX_NESTING} levels",
        source=source,
        line=line,
        column=column,
        text=text,
    )


_LONG = f"[0-9]{{{MAX_DIGITS + 1},}}"  # only a number too long to read is a token
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""  # a key's part
_PART = rf"[ \t]*\.[ \t]*{_KEY}"
_TOO_DOTTED = rf"\.[ \t]*{_KEY}(?:{_PART}){{{MAX_KEY_PARTS - 1}}}"  # from the first dot
_TOKENS = {
    # strings and comments are matched to be skipped; a dotted key is a token only when
    # it has more parts than a key may have
    "toml": LazyPattern(
        r'"""[\s\S]*?(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)|"(?:[^"\\\n]|\\.)*"?'
        rf"|'[^'\n]*'?|#[^\n]*|{_LONG}|[\[\]{{}}]|{_TOO_DOTTED}"
    ),
    "json": LazyPattern(rf'"(?:[^"\\\n]|\\.)*"?|{_LONG}|[\[\]{{}}]'),
    "yaml": LazyPattern(rf"#[^\n]*|{_LONG}|[\[\]{{}}]"),
}
_DOTS = LazyPattern(_PART)
_DOTTED = LazyPattern(_TOO_DOTTED)
_DIGITS = bytes.maketrans(b"123456789", b"000000000")


def _breaks_limit(text: str, fmt: str) -> bool:
    """Whether a number or (in TOML) a dotted key too long for a limit is anywhere in
    ``text``, inside strings and comments too: when not, no token but a bracket, a
    string or a comment can be met. Digits are found as bytes, all read as ``0``."""
    if fmt == "toml" and _DOTTED.search(text):
        return True
    data = text.encode("utf-8", "surrogatepass").translate(_DIGITS)
    return b"0" * (MAX_DIGITS + 1) in data


# Stretches the token scan above would walk through without raising and end at the same
# depth: text that is no token, whole strings and comments (each matched as the scan
# matches it), and bracket pairs nested at most _GROUP_LEVELS deep holding only these.
# Possessive repeats: the match never backtracks, so it runs in linear time.
_STRING = r'"[^"\\\n]*+(?:\\.[^"\\\n]*+)*+"'  # a whole "..." string, escapes and all
_PIECES = {
    "toml": rf"""[^\[\]{{}}"'#]++|(?!"{{3}}){_STRING}|#[^\n]*+|"{{3}}[\s\S]*?"{{3}}"""
    r"""|'{3}[\s\S]*?'{3}|'(?!'')[^'\n]*+'""",
    "json": rf'[^\[\]{{}}"]++|{_STRING}',
    "yaml": r"[^\[\]{}#]++|#[^\n]*+",
}
_GROUP_LEVELS = 3


@functools.cache
def _skips(fmt: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The stretch a scan of a ``fmt`` text may skip at a depth of at most
    ``MAX_NESTING - _GROUP_LEVELS`` (pieces and shallow bracket pairs), and deeper
    (pieces only). Compiled for the formats read: a TOML workspace needs no JSON's."""
    pieces = _PIECES[fmt]
    group = ""
    for _ in range(_GROUP_LEVELS):
        inner = f"{pieces}|{group}" if group else pieces
        group = rf"[\[{{](?:{inner})*+[\]}}]"
    return re.compile(f"(?:{pieces}|{group})*+"), re.compile(f"(?:{pieces})*+")


def _check_shape(text: str, source: str, fmt: str) -> None:
    """Refuse, before parsing, what would make a parser recurse past Python's stack or
    run out of memory: brackets nested deeper than :data:`MAX_NESTING`, dotted TOML
    keys of more than :data:`MAX_KEY_PARTS` parts, numbers of more than
    :data:`MAX_DIGITS` digits. Strings and comments are skipped (YAML's quotes are not
    tracked: an unbalanced bracket in a YAML text only makes the count lower).

    A scan by a regular expression whose tokens are only brackets, strings, comments
    and what breaks a limit. When no number or dotted key anywhere (strings included)
    breaks a limit, the scan leaps over what cannot change its outcome: everything
    between brackets and whole shallow bracket pairs, so that a workspace of 100,000
    goals is read in a few regular-expression matches rather than one per string."""
    if fmt == "yaml":
        _check_indentation(text, source)
    fmt = fmt if fmt in _TOKENS else "toml"
    tokens = _TOKENS[fmt]
    # with nothing that breaks a limit, a token is a bracket, a string or a comment
    leaps = not _breaks_limit(text, fmt)
    shallow, deep = _skips(fmt)
    depth = pos = 0
    while True:
        if leaps:
            skip = shallow if depth <= MAX_NESTING - _GROUP_LEVELS else deep
            pos = _end(skip.match(text, pos), pos)
        m = tokens.search(text, pos)
        if m is None:
            return
        pos = m.end()
        c = m.group()[0]
        if c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                raise _refuse(
                    text,
                    source,
                    f"tables and lists nest deeper than {MAX_NESTING} levels",
                    m.start(),
                )
        elif c in "]}":
            depth = max(0, depth - 1)
        elif c.isdigit():  # Python refuses to read an int of 4,300 digits
            raise _refuse(text, source, f"a number of more than {MAX_DIGITS} digits", m.start())
        elif c == ".":  # the dot that makes one part too many
            dots = _DOTS.finditer(text, m.start(), m.end())
            last = next(d for i, d in enumerate(dots, 1) if i == MAX_KEY_PARTS)
            at = text.index(".", last.start())
            raise _refuse(text, source, f"a dotted key of more than {MAX_KEY_PARTS} parts", at)


def _end(m: re.Match[str] | None, pos: int) -> int:
    return m.end() if m else pos  # a repeat that may be empty always matches


def _refuse(text: str, source: str, message: str, at: int) -> LimitError:
    """A limit broken at offset ``at`` of ``text``, with its line and column."""
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    return LimitError(message, source=source, line=line, column=column, text=text)


def _check_indentation(text: str, source: str) -> None:
    """YAML's block nesting: the levels of indentation (and of ``- `` on one line)."""
    levels: list[int] = []
    for number, raw in enumerate(text.split("\n"), 1):
        body = raw.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(raw) - len(body)
        while levels and indent < levels[-1]:
            levels.pop()
        if not levels or indent > levels[-1]:
            levels.append(indent)
        dashes = body[: len(body) - len(body.lstrip("- "))].count("-")
        if len(levels) + dashes > MAX_NESTING:
            raise _too_deep(source, number, indent + 1, text)


#: the types of parsed values that hold no others (a parser's scalars)
_SCALARS = frozenset({str, int, float, bool, type(None), _dt.date, _dt.datetime, _dt.time})


def _check_values(data: Any, source: str) -> None:
    """Refuse a parsed document nested deeper than :data:`MAX_NESTING` or holding more
    than :data:`MAX_VALUES` values (a YAML alias of an alias of ... counts each use),
    walking it without recursion, so that nothing later recurses past the stack.

    Level by level: a level's tables and lists are counted before any is opened (the
    count is refused as soon as the values met pass the limit, so memory stays
    bounded), then their values make the next level."""
    level: list[Any] = [data]
    seen = 1
    most = _max_values()
    for depth in range(1, MAX_NESTING + 2):
        tables: list[Any] = []
        lists: list[Any] = []
        for value in [v for v in level if type(v) not in _SCALARS]:
            kind = type(value)
            if kind is dict or (kind is not list and isinstance(value, Mapping)):
                tables.append(value)
            elif kind is list or isinstance(value, (list, tuple)):
                lists.append(value)
        seen += sum(map(len, tables)) + sum(map(len, lists))
        if seen > most:
            raise LimitError(
                f"the document holds more than {most:,} values (--max-input-size raises the limit)",
                source=source,
            )
        below: list[Any] = []
        for table in tables:
            below.extend(table.values())
        for items in lists:
            below.extend(items)
        if not below:
            return
        if depth > MAX_NESTING:
            raise LimitError(
                f"tables and lists nest deeper than {MAX_NESTING} levels",
                source=source,
                field=_deepest(data),
            )
        level = below


def _deepest(data: Any) -> str | None:
    """The path of a value below :data:`MAX_NESTING` levels (for the error)."""
    where, value = "", data
    for _ in range(MAX_NESTING + 1):
        if isinstance(value, Mapping) and value:
            key, value = next(
                ((k, v) for k, v in value.items() if _nests(v)), next(iter(value.items()))
            )
            where += f".{key}"
        elif isinstance(value, (list, tuple)) and value:
            i = next((i for i, v in enumerate(value) if _nests(v)), 0)
            where, value = f"{where}[{i}]", value[i]
        else:
            break
    return where.lstrip(".") or None


def _nests(value: Any) -> bool:
    return isinstance(value, (Mapping, list, tuple)) and bool(value)


class _Refused(Exception):
    """Raised inside a parser's hook, turned into a WorkspaceError with a place."""

    def __init__(self, message: str, needle: str) -> None:
        super().__init__(message)
        self.message, self.needle = message, needle


def _place(text: str, needle: str, nth: int = 1) -> tuple[int | None, int | None]:
    """Line and column of the ``nth`` occurrence of ``needle`` in ``text``."""
    at = -1
    for _ in range(nth):
        at = text.find(needle, at + 1)
        if at < 0:
            return None, None
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


def _json_hooks() -> dict[str, Any]:
    import math

    def number(s: str) -> Any:
        digits = sum(ch.isdigit() for ch in s)
        if digits > MAX_DIGITS:
            raise _Refused(f"a number of {digits:,} digits (at most {MAX_DIGITS})", s[:40])
        value = float(s) if any(ch in s for ch in ".eE") else int(s)
        if isinstance(value, float) and not math.isfinite(value):
            raise _Refused(f"the number {s[:40]} is too large", s[:40])
        return value

    def constant(s: str) -> Any:
        raise _Refused(f"{s} is not a number a workspace can hold", s)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise _Refused(f"the key {k!r} appears twice in one object", json.dumps(k))
            out[k] = v
        return out

    return {"parse_int": number, "parse_float": number, "parse_constant": constant,
            "object_pairs_hook": pairs}  # fmt: skip


def _parse_text(text: str, source: str, fmt: str) -> dict[str, Any]:
    if fmt == "toml":
        # tomli is the standard library's tomllib (same grammar, same messages), built
        # as compiled code: a workspace of 100,000 goals parses in a third of the time
        import tomli

        try:
            return tomli.loads(text)
        except tomli.TOMLDecodeError as exc:
            msg = str(exc)
            m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
            line, col = (int(m[1]), int(m[2])) if m else (None, None)
            if line is None:  # "at end of document": tomli still knows where that is
                line, col = getattr(exc, "lineno", None), getattr(exc, "colno", None)
            msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", msg)
            raise WorkspaceError(
                f"TOML syntax: {msg}", source=source, line=line, column=col, text=text
            ) from None
    if fmt == "json":
        try:
            data = json.loads(text, **_json_hooks())
        except json.JSONDecodeError as exc:
            raise WorkspaceError(
                f"JSON syntax: {exc.msg}",
                source=source,
                line=exc.lineno,
                column=exc.colno,
                text=text,
            ) from None
    else:
        try:
            import yaml
        except ImportError:
            raise WorkspaceError(
                "reading YAML needs PyYAML: pip install 'goalrules[yaml]'", source=source
            ) from None
        from goalrules.io.workspace_yaml import yaml_loader  # (read for YAML files only)

        try:
            data = yaml.load(text, Loader=yaml_loader())  # a SafeLoader that refuses duplicates
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise WorkspaceError(
                f"YAML syntax: {getattr(exc, 'problem', None) or exc}",
                source=source,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                text=text,
            ) from None
    if not isinstance(data, dict):
        raise WorkspaceError("the top level must be a table of sections", source=source)
    return data


def _parse_document(text: str, source: str, fmt: str) -> dict[str, Any]:
    _check_shape(text, source, fmt)
    try:
        data = _parse_text(text, source, fmt)
    except _Refused as exc:
        line, column = _place(text, exc.needle, 2 if "twice" in exc.message else 1)
        raise WorkspaceError(
            exc.message, source=source, line=line, column=column, text=text
        ) from None
    except WorkspaceError as exc:
        raise exc.with_location(source=source, text=text) from None
    except RecursionError:  # nesting the scan above could not see (YAML indentation)
        raise LimitError(
            f"tables and lists nest deeper than {MAX_NESTING} levels", source=source
        ) from None
    _check_values(data, source)
    return data


def load_workspace(
    path: str | Path,
    *,
    text: str | None = None,
    fmt: str | None = None,
    today: Date | None = None,
) -> Workspace:
    """Load a workspace file (TOML, YAML or JSON by its suffix).

    ``today``: the day the goals' statements are read on ("within six months" of it,
    when a goal gives no start), as a command's ``--today``; else the workspace's own
    ``today``, else the real date."""
    source = str(path)
    body = text if text is not None else read_text(path)
    data = _parse_document(body, source, fmt or _format_of(source))
    del body  # the text is not needed once parsed (a book's text is megabytes)
    # the parse checked its size and nesting; its tables are dropped as they are read
    return _structure(data, source, consume=True, reading_day=today)


def workspace_from_dict(
    data: Mapping[str, Any], *, source: str = "<workspace>", today: Date | None = None
) -> Workspace:
    """Structure a workspace document; every problem is collected with its path
    (``today`` as for :func:`load_workspace`)."""
    _check_values(data, source)
    return _structure(data, source, reading_day=today)


def _structure(
    data: Mapping[str, Any],
    source: str,
    *,
    consume: bool = False,
    reading_day: Date | None = None,
) -> Workspace:
    """The workspace ``data`` describes, every problem collected with its path.
    ``consume``: ``data`` is a parse of the caller's own, and each table is dropped
    from it once read, so a large book's parsed tables and its goals are not all held
    at once (the peak memory of a load is most of a check's)."""
    errors: list[GoalRulesError] = []
    known = {"workspace", *_SECTIONS}
    for key in data:
        if key not in known:
            errors.append(UnknownNameError("section", key, sorted(known), source=source))
    head = data.get("workspace", {}) or {}
    if not isinstance(head, Mapping):
        errors.append(
            WorkspaceError(
                "[workspace] must be a table of settings", source=source, field="workspace"
            )
        )
        head = {}
    for key in head:
        if key not in HEAD_KEYS:  # "nmae": a setting misspelt is said, never ignored
            errors.append(
                UnknownNameError(
                    "setting", key, sorted(HEAD_KEYS), source=source, field=f"workspace.{key}"
                )
            )
    name = head.get("name")
    if name is not None and not isinstance(name, str):
        errors.append(
            WorkspaceError(
                f"the name must be text, got {name!r}", source=source, field="workspace.name"
            )
        )
        name = None
    today: Date | None = None
    if isinstance(head, Mapping) and head.get("today") is not None:
        try:
            from goalrules.dates import parse_date

            today = parse_date(head["today"])
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.today", source=source))
    prior: GrowthPrior | None = None
    if isinstance(head, Mapping) and head.get("prior") is not None:
        try:
            prior = GrowthPrior.parse(head["prior"])
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.prior", source=source))
    calendar = calendar_settings(head, source, errors)
    files = data_files(head, source, errors)
    items: dict[str, list[Any]] = {attr: [] for _, attr in _SECTIONS.values()}
    notes: list[str] = []  # what the goals' statements noted
    undated: set[str] = set()  # the goals started on the reading day
    metric_keys: dict[str, str] = {}  # a book names the same few metrics again and again

    def metric_key(name: str) -> str:
        key = metric_keys.get(name)
        if key is None:
            key = metric_keys[name] = catalog[name].key
        return key

    for section, (cls, attr) in _SECTIONS.items():
        tables = data.get(section, [])
        if isinstance(tables, Mapping):
            tables = [tables]
        if not isinstance(tables, list):
            errors.append(WorkspaceError(f"[[{section}]] must be a list of tables", source=source))
            continue
        fields = [f.name for f in attrs.fields(cls)]
        known_fields = frozenset(fields)
        for i, table in enumerate(tables):
            where = f"{section}[{i}]"
            if type(table) is not dict and not isinstance(table, Mapping):
                errors.append(WorkspaceError("must be a table", source=source, field=where))
                continue
            if known_fields.issuperset(table):
                values = dict(table)
            else:
                for k in table:
                    if k not in known_fields:
                        errors.append(
                            UnknownNameError(
                                "field", k, fields, source=source, field=f"{where}.{k}"
                            )
                        )
                values = {k: v for k, v in table.items() if k in known_fields}
            if section == "goal" and values.get("metric"):
                try:
                    values["metric"] = metric_key(str(values["metric"]))
                except UnknownNameError as exc:
                    errors.append(exc.with_location(field=f"{where}.metric", source=source))
                    values.pop("metric")
            try:
                item = cls(**values)
                if section == "goal":
                    item, said = complete_with_notes(item, today=reading_day or today, **calendar)
                    notes.extend(f"goal {item.id}: {n}" for n in said)
                    if item.start is not None and values.get("start") is None:
                        undated.add(item.id)
                items[attr].append(item)
            except GoalRulesError as exc:
                errors.append(exc.with_location(field=where, source=source))
            except TypeError as exc:  # a required field is missing
                absent = [
                    a.name for a in attrs.fields(cls)
                    if a.default is attrs.NOTHING and a.init and a.name not in values
                ]  # fmt: skip
                errors.append(
                    WorkspaceError(
                        f"missing field {absent[0]!r} (each {section} needs one)",
                        source=source,
                        field=f"{where}.{absent[0]}",
                    )
                    if absent
                    else WorkspaceError(str(exc), source=source, field=where)
                )
            if consume:
                tables[i] = None
    if not errors:
        try:
            plan = Plan(
                objectives=tuple(items["objectives"]),
                goals=tuple(items["goals"]),
                tactics=tuple(items["tactics"]),
                channels=tuple(items["channels"]),
                name=name,
            )
        except GoalRulesErrors as group:
            errors.extend(e.with_location(source=source) for e in group.errors)
        except GoalRulesError as exc:
            errors.append(exc.with_location(source=source))
    if errors:
        raise errors[0] if len(errors) == 1 else GoalRulesErrors(errors, source=source)
    return Workspace(
        name=name, today=today, plan=plan, source=source, prior=prior, notes=tuple(notes),
        history=files.get("history", ()), performance=files.get("performance", ()),
        undated=frozenset(undated),
    )  # fmt: skip
