"""The options every command takes are read after the command's name as before it.

README: "Every command takes --version, -q/--quiet and --locale". ``goalrules demo
--locale el`` was refused ("unrecognized arguments"): the options were read only before
the command. Now they are read in either place, the one after the command replacing the
one before it.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.cli import _parser, main
from goalrules.cli.conventions import _commands

GLOBAL = ("debug", "max_input_size", "quiet", "locale")


def _commands_named() -> list[tuple[list[str], list[str]]]:
    """Each command as the words that name it (``["rules", "check"]``) and the words its
    required arguments take (one placeholder each)."""
    parser = _parser()
    named: list[tuple[list[str], list[str]]] = []

    def walk(p: Any, words: list[str]) -> None:
        for action in p._actions:
            if action.__class__.__name__ == "_SubParsersAction":
                for name, command in action.choices.items():
                    needed = [
                        (a.choices and sorted(a.choices)[0]) or "x"
                        for a in command._actions
                        if not a.option_strings and a.nargs not in ("?", "*", 0)
                        and a.__class__.__name__ != "_SubParsersAction"
                    ]  # fmt: skip
                    for a in command._actions:  # (required options: --store)
                        if a.option_strings and a.required:
                            needed += [a.option_strings[-1], "x"]
                    named.append(([*words, name], needed))
                    walk(command, [*words, name])

    walk(parser, [])
    return named


COMMANDS = _commands_named()


def _read(argv: list[str]) -> dict[str, Any]:
    args = _parser().parse_known_args(argv)[0]
    return {k: getattr(args, k, None) for k in GLOBAL}


@settings(max_examples=60)
@given(
    st.sampled_from(COMMANDS),
    st.sampled_from(
        [
            [],
            ["--locale", "de"],
            ["-q"],
            ["--debug"],
            ["--max-input-size", "64MB"],
            ["--locale", "fr_CH", "-q"],
        ]
    ),
)
def test_an_option_after_the_command_reads_as_before_it(
    command: tuple[list[str], list[str]], options: list[str]
) -> None:
    words, needed = command
    assert _read([*words, *needed, *options]) == _read([*options, *words, *needed])


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[0]))
def test_after_the_command_it_replaces_the_one_before(command: tuple[list[str], list[str]]) -> None:
    words, needed = command
    got = _read(["--locale", "de", *words, *needed, "--locale", "fr"])
    assert got["locale"] == "fr"
    assert _read(["--locale", "de", *words, *needed])["locale"] == "de"  # (kept when not given)


def test_every_command_takes_them() -> None:
    for command in _commands(_parser()):
        own = {s for a in command._actions for s in a.option_strings}
        assert {"--version", "-q", "--quiet", "--locale", "--debug"} <= own, command.prog


def test_the_demo_in_greek_numbers_with_the_option_after_it() -> None:
    out = io.StringIO()
    assert main(["demo", "--locale", "el"], out=out) == 0
    assert "1.136 followers" in out.getvalue()
    assert "2,6 % a month" in out.getvalue()
