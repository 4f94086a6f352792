"""Loading a workspace quickly: the limit checks and the converters' fast paths give what
the plain logic gives (the same refusals at the same places, equal objects)."""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.errors import GoalRulesError, LimitError, ValidationError
from goalrules.io.workspace import (
    MAX_DIGITS,
    MAX_KEY_PARTS,
    MAX_NESTING,
    _check_shape,
    _check_values,
    load_workspace,
)
from goalrules.model import Goal, fields, goals

# -- a reference: the token scan, one match per string, bracket or comment -----------------

_LONG = f"[0-9]{{{MAX_DIGITS + 1},}}"
_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_PART = rf"[ \t]*\.[ \t]*{_KEY}"
_REFERENCE_TOKENS = {
    "toml": re.compile(
        r'"""[\s\S]*?(?:"""|\Z)|\'\'\'[\s\S]*?(?:\'\'\'|\Z)|"(?:[^"\\\n]|\\.)*"?'
        rf"|'[^'\n]*'?|#[^\n]*|{_LONG}|[\[\]{{}}]|\.[ \t]*{_KEY}(?:{_PART}){{{MAX_KEY_PARTS - 1}}}"
    ),
    "json": re.compile(rf'"(?:[^"\\\n]|\\.)*"?|{_LONG}|[\[\]{{}}]'),
    "yaml": re.compile(rf"#[^\n]*|{_LONG}|[\[\]{{}}]"),
}


def reference_shape(text: str, fmt: str) -> tuple[str, int, int] | None:
    """The limit a text breaks first (message, line, column), token by token."""

    def at(message: str, offset: int) -> tuple[str, int, int]:
        line = text.count("\n", 0, offset) + 1
        return message, line, offset - (text.rfind("\n", 0, offset) + 1) + 1

    depth = 0
    for m in _REFERENCE_TOKENS[fmt].finditer(text):
        c = m.group()[0]
        if c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return at(f"tables and lists nest deeper than {MAX_NESTING} levels", m.start())
        elif c in "]}":
            depth = max(0, depth - 1)
        elif c.isdigit():
            return at(f"a number of more than {MAX_DIGITS} digits", m.start())
        elif c == ".":
            dots = re.compile(_PART).finditer(text, m.start(), m.end())
            last = next(d for i, d in enumerate(dots, 1) if i == MAX_KEY_PARTS)
            return at(
                f"a dotted key of more than {MAX_KEY_PARTS} parts", text.index(".", last.start())
            )
    return None


def shape(text: str, fmt: str) -> tuple[str, int, int] | None:
    try:
        _check_shape(text, "ws", fmt)
    except LimitError as exc:
        return str(exc.message), exc.line or 0, exc.column or 0
    return None


# fragments that open, close or hide brackets, and that come near a limit
_FRAGMENTS = st.sampled_from(
    ["[", "]", "{", "}", "[[", "]]", '"', "'", '"""', "'''", '""', "''", "#", "\n", "\\",
     '\\"', ".", " . ", "a", "key", " = ", ", ", "0", "7" * 50, "9" * (MAX_DIGITS - 10),
     ".k" * 20, '."q"' * 10, ".'s'" * 10, "[" * 20, "]" * 20, "{" * 21, "}" * 21,
     "[" * (MAX_NESTING - 3), "{" * (MAX_NESTING - 1), "[[x]]", "[{[]}]", "[[[]]]",
     '"x[{"', "'y]}'", "# [[{{\n", '"""\n[[\n"""', "é", "\t"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_FRAGMENTS, max_size=40), st.sampled_from(["toml", "json", "yaml"]))
def test_the_shape_check_refuses_what_the_token_scan_refuses(
    fragments: list[str], fmt: str
) -> None:
    text = "".join(fragments)
    if fmt == "yaml":  # indentation is checked apart, line by line, as before
        text = text.replace("\n", " ")
    assert shape(text, fmt) == reference_shape(text, fmt)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(_FRAGMENTS, max_size=12),
    st.integers(MAX_NESTING - 8, MAX_NESTING + 2),
    st.lists(_FRAGMENTS, max_size=12),
    st.sampled_from(["toml", "json", "yaml"]),
)
def test_the_shape_check_refuses_what_the_token_scan_refuses_near_the_limits(
    before: list[str], opened: int, after: list[str], fmt: str
) -> None:
    text = "".join(before) + "[" * opened + "".join(after)
    if fmt == "yaml":
        text = text.replace("\n", " ")
    assert shape(text, fmt) == reference_shape(text, fmt)
    dotted = "".join(before) + "a" + ".b" * (opened - 1) + "".join(after)  # near 64 parts
    assert shape(dotted, fmt) == reference_shape(dotted, fmt)


@pytest.mark.parametrize("fmt", ["toml", "json", "yaml"])
@pytest.mark.parametrize(
    "text",
    [
        "[" * MAX_NESTING + "]" * MAX_NESTING,
        "[" * (MAX_NESTING + 1),
        "'''\n" + "[" * (MAX_NESTING + 1),
        '"""\n' + "[" * (MAX_NESTING + 1),
        "'''x'''\n" + "[" * (MAX_NESTING + 1),
        "a" + ".b" * (MAX_KEY_PARTS - 1) + " = 1",
        "[[a]]\n" * 5 + "[" * (MAX_NESTING - 1) + "[[x]]" + "]" * MAX_NESTING,
        "[[a]]\n" * 5 + "[" * (MAX_NESTING - 3) + "[[[x]]]" + "]" * MAX_NESTING,
        "[[a]]\n" * 5 + "[" * (MAX_NESTING - 4) + "[[[x]]]" + "]" * MAX_NESTING,
        '"[[[[" ' * 30 + "[" * MAX_NESTING + '"]" [',
        "x = " + "1" * (MAX_DIGITS + 1),
        'x = "' + "1" * (MAX_DIGITS + 1) + '"\n[' + "[" * MAX_NESTING,
        "a" + ".b" * MAX_KEY_PARTS + " = 1",
        'x = "' + "a" + ".b" * MAX_KEY_PARTS + '"\n' + "[" * (MAX_NESTING + 2),
        '[[goal]]\nid = "g"\nsupports = ["a", "b"]\n' * 50 + "[" * 70,
    ],
)
def test_the_shape_check_at_the_limits(text: str, fmt: str) -> None:
    assert shape(text, fmt) == reference_shape(text, fmt)


def test_a_large_workspace_passes_the_shape_check() -> None:
    goal = '[[goal]]\nid = "g"\nstatement = """x\n[[y"""\ntiers = {a = "1", b = ["2"]}\n'
    text = goal * 2000
    assert shape(text, "toml") is None and reference_shape(text, "toml") is None


# -- counting values ------------------------------------------------------------------------


def reference_values(data: object, most: int) -> str | None:
    """What the level-by-level walk refuses first: too many values, or too deep."""
    from collections.abc import Mapping

    level, seen = [data], 1
    for depth in range(1, MAX_NESTING + 2):
        below: list[object] = []
        for value in level:
            if isinstance(value, (Mapping, list, tuple)):
                seen += len(value)
                if seen > most:
                    return "values"
                below.extend(value.values() if isinstance(value, Mapping) else value)
        if not below:
            return None
        if depth > MAX_NESTING:
            return "deep"
        level = below
    return None


def _values(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        leaves,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.tuples(inner, inner)
            | st.dictionaries(st.text("abc", max_size=2), inner, max_size=4)
        ),
        max_leaves=40,
    )


@settings(max_examples=200, deadline=None)
@given(_values(st.none() | st.integers() | st.text(max_size=3) | st.booleans()), st.integers(1, 60))
def test_the_value_count_refuses_what_the_walk_refuses(data: object, most: int) -> None:
    from goalrules.io import workspace

    expected = reference_values(data, workspace._max_values())
    try:
        _check_values(data, "ws")
        got = None
    except LimitError as exc:
        got = "values" if "values" in str(exc) else "deep"
    assert got == expected
    # and with a small limit on the count, the same refusal
    old = workspace._max_values
    workspace._max_values = lambda: most  # type: ignore[assignment]
    try:
        try:
            _check_values(data, "ws")
            got = None
        except LimitError as exc:
            got = "values" if "values" in str(exc) else "deep"
    finally:
        workspace._max_values = old  # type: ignore[assignment]
    assert got == reference_values(data, most)


def test_a_document_nested_too_deep_is_refused_with_its_path() -> None:
    data: object = {"x": 1}
    for _ in range(MAX_NESTING):
        data = {"k": [data]}
    with pytest.raises(LimitError, match="nest deeper") as info:
        _check_values({"goal": data}, "ws")
    assert info.value.field is not None and info.value.field.startswith("goal.k[0].k")


# -- the goal's converters: one call a field, remembered texts ----------------------------


def _reference_guard(name: str, fn: Any) -> Any:
    """A converter whose failures name the field (the guard without a fast path)."""

    def convert(value: Any) -> Any:
        try:
            return fn(value)
        except GoalRulesError as exc:
            raise exc.with_location(field=name) from None
        except (TypeError, ValueError, ArithmeticError) as exc:
            raise ValidationError(f"invalid value {value!r}: {exc}", field=name) from None

    return convert


def _reference_opt(fn: Any) -> Any:
    def convert(value: Any) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return fn(value)

    return convert


def _reference_strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [v for v in re.split(r"\s*[,;]\s*|\s+and\s+", value) if v]
    if not isinstance(value, Iterable):
        raise ValidationError(f"expected a list of names, got {value!r}")
    return tuple(fields._text(v) for v in value)


def _reference_converters() -> dict[str, Any]:
    g, o = _reference_guard, _reference_opt
    return {
        "id": g("id", fields._ident),
        "statement": g("statement", o(fields._text)),
        "objective": g("objective", o(goals._objective.__wrapped__)),  # type: ignore[attr-defined]
        "metric": g("metric", o(goals._metric_key.__wrapped__)),  # type: ignore[attr-defined]
        "channel": g("channel", o(goals._channel.__wrapped__)),  # type: ignore[attr-defined]
        "baseline": g("baseline", o(fields._quantity)),
        "target": g("target", o(goals._target)),
        "start": g("start", o(fields._date)),
        "supports": g("supports", _reference_strings),
        "owner": g("owner", o(fields._text)),
        "review": g("review", o(fields._text)),
    }


def reference_goal(values: dict[str, Any]) -> tuple[Any, ...]:
    """A goal's fields converted one by one, as the plain converters read them."""
    out: dict[str, Any] = {}
    for name, convert in _reference_converters().items():
        out[name] = convert(values.get(name, () if name == "supports" else None))
        if name == "start":
            holder = types.SimpleNamespace(start=out["start"])
            out["deadline"] = goals._deadline_converter(values.get("deadline"), holder)
    return tuple(out[f.name] for f in attrs.fields(Goal) if f.name in out)


def _outcome(build: Any) -> Any:
    try:
        return build()
    except GoalRulesError as exc:
        return type(exc).__name__, str(exc), exc.field, exc.suggestions


_TEXTS = st.sampled_from(["", "  ", " a ", "Alice", "x", 5, 2.5, None, ["x"], True])
_GOAL_VALUES = st.fixed_dictionaries(
    {"id": st.sampled_from(["g1", " g2 ", "", "  ", 3, None])},
    optional={
        "statement": _TEXTS,
        "objective": st.sampled_from(
            ["brand_awareness", "Brand awareness", "sales", "lead-gen", "nonsense", "", 7, None]
        ),
        "metric": st.sampled_from(
            ["followers", "Followers", " website traffic ", "folowers", "cpc", "", " ", 3, None]
        ),
        "channel": st.sampled_from(
            [
                "linkedin",
                "LinkedIn and Instagram",
                ["li", "ig"],
                ("fb", "fb"),
                "fb; x",
                "all",
                "all, linkedin",
                "",
                " , ",
                "https://www.facebook.com/page",
                "tik tok",
                "Other",
                5,
                None,
                [" "],
            ]
        ),
        "baseline": st.sampled_from(["1200 followers", "1,200", "", "lots", 40, None]),
        "target": st.sampled_from(["x2", "+50%", "2,400 followers", "banana", "", 12, None]),
        "start": st.sampled_from([dt.date(2026, 1, 10), "2026-02-01", "", "soon", 5, None]),
        "deadline": st.sampled_from(
            ["within 6 months", "end of Q2 2026", "", "someday", dt.date(2026, 12, 31), None]
        ),
        "supports": st.sampled_from(
            [["grow"], ["grow", " grow "], "grow, grow", "a and b", [], [1], 3, None, ("x",)]
        ),
        "owner": _TEXTS,
        "review": _TEXTS,
    },
)


@settings(max_examples=400, deadline=None)
@given(_GOAL_VALUES, st.booleans())
def test_a_goal_reads_its_fields_as_the_plain_converters_do(
    values: dict[str, Any], again: bool
) -> None:
    def goal() -> tuple[Any, ...]:
        g = Goal(**values)
        return tuple(getattr(g, f.name) for f in attrs.fields(Goal) if f.name in _FIELDS)

    expected = _outcome(lambda: reference_goal(values))
    assert _outcome(goal) == expected
    if again:  # read a second time, from what was remembered
        assert _outcome(goal) == expected


_FIELDS = {*_reference_converters(), "deadline"}


def test_remembered_channels_are_forgotten_when_plugins_change() -> None:
    from goalrules import plugins

    class Aliases:
        @staticmethod
        @plugins.hookimpl
        def goalrules_channel_aliases() -> dict[str, str]:
            return {"gram": "instagram"}

    assert Goal("g", channel="gram").channel == "gram"
    plugins.register(Aliases)
    try:
        assert Goal("g", channel="gram").channel == "instagram"
    finally:
        plugins.unregister(Aliases)
    assert Goal("g", channel="gram").channel == "gram"


def test_a_workspace_loads_the_goals_the_plain_converters_read() -> None:
    import tomli

    from goalrules.io.workspace import load_workspace

    lines = ['[workspace]\ntoday = 2026-01-10\n[[objective]]\nid = "grow"\ntext = "Grow"\n']
    for i in range(60):
        lines.append(
            f'[[goal]]\nid = "g{i}"\nstatement = "Goal {i}"\ntarget = "x{1 + i % 5}"\n'
            f'metric = "{["followers", "Leads", "impressions"][i % 3]}"\n'
            f'channel = "{["li", "LinkedIn and Instagram", "fb; x", "Other"][i % 4]}"\n'
            f'objective = "{["awareness", "sales", "Lead-gen"][i % 3]}"\nsupports = ["grow"]\n'
            f'owner = " owner{i % 4} "\nstart = 2026-01-{1 + i % 28:02}\n'
            f'deadline = "within {1 + i % 7} months"\n'
        )
    text = "\n".join(lines)
    ws = load_workspace("book.toml", text=text)
    tables = tomli.loads(text)["goal"]
    assert len(ws.goals) == len(tables) == 60
    for goal, table in zip(ws.goals, tables, strict=True):
        read = tuple(getattr(goal, f.name) for f in attrs.fields(Goal) if f.name in _FIELDS)
        assert read == reference_goal(table)


def test_a_dict_given_is_left_as_it_was_and_a_file_reads_the_same() -> None:
    """load_workspace drops each parsed table once read (its own parse); a document the
    caller gives (workspace_from_dict) is read without a change to it, into the same
    workspace."""
    import copy
    import json

    from goalrules.io.workspace import load_workspace, workspace_from_dict

    doc = {
        "workspace": {"name": "Book", "today": "2026-01-10"},
        "objective": [{"id": "grow", "text": "Grow the brand"}],
        "goal": [
            {"id": f"g{i}", "statement": f"Reach {1000 + i} followers on LinkedIn by June 2026",
             "supports": ["grow"]}
            for i in range(5)
        ],
    }  # fmt: skip
    kept = copy.deepcopy(doc)
    given = workspace_from_dict(doc)
    assert doc == kept
    loaded = load_workspace("book.json", text=json.dumps(doc))
    assert loaded.goals == given.goals and loaded.plan.objectives == given.plan.objectives


_NOTED = [
    "Double LinkedIn followers by 6/27",
    "With a $500 budget, get 100 leads from Facebook by June 2027",
    "Grow LinkedIn followers to 5,000 in Q1 or Q2 2027",
    "Avoid losing more than 200 followers on X by March 2027",
    "Reach 10,000 newsletter subscribers by June 2027",
    "Double LinkedIn followers within six months",
]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(_NOTED), min_size=1, max_size=4))
def test_what_reading_a_statement_noted_is_the_workspaces_notes(said: list[str]) -> None:
    """Every note of reading a goal's statement (a number it did not read, and why) is
    one of the workspace's notes, named by the goal: shown with a check's notes, never
    lost."""
    import goalrules as gr
    from goalrules.check import start_check
    from goalrules.io.workspace import load_workspace

    text = "[workspace]\ntoday = 2026-12-03\n" + "".join(
        f'[[goal]]\nid = "g{i}"\nstatement = "{s}"\n' for i, s in enumerate(said)
    )
    ws = load_workspace("ws.toml", text=text)
    expected = [
        f"goal g{i}: {n}"
        for i, s in enumerate(said)
        for n in gr.read_statement(s, start=dt.date(2026, 12, 3)).notes
        if not n.startswith("read as ")
    ]
    assert list(ws.notes) == expected
    assert start_check(ws).notes[: len(expected)] == expected


@given(st.sampled_from(["nmae", "todya", "priors", "fiscal_year", "retail_day", "timezone"]))
def test_a_workspace_setting_not_known_is_an_error_naming_it(key: str) -> None:
    from goalrules.errors import UnknownNameError
    from goalrules.io.workspace import load_workspace

    with pytest.raises(UnknownNameError) as raised:
        load_workspace("ws.toml", text=f'[workspace]\n{key} = "x"\n')
    assert raised.value.field == f"workspace.{key}"
    assert key in str(raised.value)


@pytest.mark.parametrize(
    ("day", "column"), [("2026-13-01", 10), ("2026-02-30", 10), ("2027-02-29", 10)]
)
def test_a_yaml_date_that_is_no_day_is_an_error_naming_its_place(day: str, column: int) -> None:
    """YAML reads "2026-13-01" as a date by its shape and raised ValueError out of the
    loader (a traceback on the command line); it is now an error at its line and column."""
    text = f"workspace:\n  name: a\n  today: {day}\n"
    with pytest.raises(GoalRulesError) as caught:
        load_workspace("ws.yaml", text=text)
    err = caught.value
    assert (err.line, err.column) == (3, column)
    assert f"'{day}' is not a date" in str(err)
