"""The command line's conventions, shared by every command: ``--version``, ``--quiet``,
``-`` for standard input where a file is read, the report format picked from
``--output``'s extension, options that take several files leaving the positional
workspace alone, and shell completion (``goalrules completion bash|zsh``, with shtab).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

__all__ = [
    "QUIET",
    "add_completion",
    "add_global_options",
    "format_from_output",
    "quiet",
    "read_stdin_arguments",
    "say",
    "stdin_named",
    "unswallow_workspace",
    "writing",
]

# ``--quiet``: notes, progress and "wrote FILE" stay off stderr (errors are printed)
QUIET = {"on": False}

# what an ``--output`` file's extension asks for, by the command's format choices
_EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".txt": "text",
    ".csv": "csv",
    ".parquet": "parquet",
    ".xml": "junit",
}

_WORKSPACE_SUFFIXES = (".toml", ".yaml", ".yml")

# the arguments that name a file to read, and the suffix standard input is given
_FILE_ARGUMENTS = {"workspace": ".toml", "history": ".csv", "performance": ".csv", "utm": ".csv"}


def quiet() -> bool:
    return QUIET["on"]


def add_global_options(parser: argparse.ArgumentParser, version: str) -> None:
    parser.add_argument("--version", action="version", version=f"goalrules {version}")
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no notes, progress or 'wrote FILE' on stderr (errors still)",
    )
    parser.add_argument(
        "--locale",
        metavar="LANG",
        help="write numbers for this locale, e.g. de or fr_CH (default: $GOALRULES_LOCALE, "
        "else en)",
    )


def global_options_everywhere(parser: argparse.ArgumentParser) -> None:
    """The options every command takes (``--quiet``, ``--locale``, ``--debug``,
    ``--max-input-size``, ``--version``) after its name too: ``goalrules check ws
    --locale de`` as ``goalrules --locale de check ws``. Given after a command, an
    option replaces the one given before it; not given, the one before it stands (the
    command's default is no value)."""
    shared = [a for a in parser._actions if a.option_strings and a.dest not in ("help", "command")]
    for command in _commands(parser):
        own = {s for a in command._actions for s in a.option_strings}
        for action in shared:
            names = [s for s in action.option_strings if s not in own]
            if len(names) != len(action.option_strings):
                continue  # (a command's own option of that name)
            if isinstance(action, argparse._VersionAction):
                command.add_argument(*names, action="version", version=str(action.version),
                                     help=action.help)  # fmt: skip
            elif isinstance(action, argparse._StoreTrueAction):
                command.add_argument(*names, dest=action.dest, action="store_true",
                                     help=action.help, default=argparse.SUPPRESS)  # fmt: skip
            else:
                command.add_argument(*names, dest=action.dest, metavar=str(action.metavar),
                                     help=action.help, default=argparse.SUPPRESS)  # fmt: skip


def _commands(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """Every command's parser under ``parser``, nested ones (``rules check``) included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in dict.fromkeys(action.choices.values()):  # (aliases: once)
                found.append(command)
                found.extend(_commands(command))
    return found


def _subparser(parser: argparse.ArgumentParser, command: str | None) -> Any:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            return action.choices[command]
    return None


def format_from_output(
    parser: argparse.ArgumentParser, args: argparse.Namespace, argv: list[str]
) -> None:
    """``--output report.html`` writes HTML unless ``--format`` says otherwise; an
    extension the command has no format for leaves the default."""
    output = getattr(args, "output", None)
    if not output or not hasattr(args, "format"):
        return
    if any(a == "--format" or a.startswith("--format=") for a in argv):
        return
    wanted = _EXTENSIONS.get(Path(output).suffix.lower())
    sub = _subparser(parser, args.command)
    choices: list[str] = []
    for action in getattr(sub, "_actions", []):
        if action.dest == "format" and action.choices:
            choices = list(action.choices)
    if wanted in choices:
        args.format = wanted


def unswallow_workspace(args: argparse.Namespace) -> None:
    """``review --history A B workspace.toml``: an option taking several files swallows
    the workspace that follows them; give it back to the positional argument."""
    if not hasattr(args, "workspace") or args.workspace is not None:
        return
    for dest in ("history", "performance"):
        files = getattr(args, dest, None)
        if not isinstance(files, list):
            continue
        found = [f for f in files if str(f).lower().endswith(_WORKSPACE_SUFFIXES)]
        if len(found) == 1 and len(files) > 1:
            args.workspace = found[0]
            files.remove(found[0])
            return


def workspace_in_folder(args: argparse.Namespace) -> None:
    """``goalrules check ws``: a folder given as the workspace means the
    ``workspace.toml`` in it, as ``goalrules init ws`` wrote it. A folder without one
    stays as given, and reading it says it is a directory."""
    value = getattr(args, "workspace", None)
    if not isinstance(value, str) or not value or value == "-":
        return
    folder = Path(value)
    if folder.is_dir() and (folder / "workspace.toml").is_file():
        args.workspace = str(folder / "workspace.toml")


def reads_stdin(args: argparse.Namespace) -> bool:
    """Whether a file argument is ``-`` (standard input, saved in a folder of its own)."""
    for dest in _FILE_ARGUMENTS:
        value = getattr(args, dest, None)
        if "-" in (value if isinstance(value, list) else [value]):
            return True
    return False


def read_stdin_arguments(args: argparse.Namespace, folder: Path, stdin: TextIO) -> None:
    """Each file argument given as ``-`` reads standard input (once): it is saved in
    ``folder`` under the name ``stdin`` and the argument points there."""
    taken = False
    for dest, suffix in _FILE_ARGUMENTS.items():
        value = getattr(args, dest, None)
        values = value if isinstance(value, list) else [value]
        if "-" not in values:
            continue
        if taken:
            from goalrules.errors import ValidationError

            raise ValidationError("only one argument can read standard input ('-')")
        taken = True
        path = _save_stdin(stdin, folder, suffix, "text" if dest == "workspace" else "data")
        if dest == "workspace" and _starts_json(path):
            path = path.rename(path.with_suffix(".json"))
        from goalrules.io.workspace_settings import from_standard_input

        from_standard_input(path)  # (a workspace's data files: from the current folder)
        if isinstance(value, list):
            setattr(args, dest, [str(path) if v == "-" else v for v in value])
        else:
            setattr(args, dest, str(path))


def _save_stdin(stdin: TextIO, folder: Path, suffix: str, kind: Any) -> Path:
    """Standard input saved as the bytes that came, for the file's reader to judge as it
    judges a file's (a UTF-16 export, a byte that is not UTF-8: a one-line error naming
    it; read as text, they were a UnicodeEncodeError traceback), within the size limit
    of a file of its kind (``cat /dev/zero | goalrules check -`` once read until memory
    ran out)."""
    from goalrules.errors import LimitError
    from goalrules.io.files import ENV, max_input_size

    limit = max_input_size(kind)
    raw = getattr(stdin, "buffer", None)
    path = folder / f"stdin{suffix}"
    size = 0
    with path.open("wb") as fh:
        while chunk := (raw.read(1 << 16) if raw is not None else stdin.read(1 << 16).encode()):
            size += len(chunk)
            if size > limit:
                raise LimitError(
                    f"over the limit of {limit:,} bytes (raise it with --max-input-size or {ENV})",
                    source="standard input",
                )
            fh.write(chunk)
    return path


def _starts_json(path: Path) -> bool:
    """Whether a workspace's text opens a JSON object."""
    with path.open("rb") as fh:
        return fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")


def stdin_named(message: str, folder: Path | None) -> str:
    """An error's words with the file standard input was saved in (``-``) named as
    standard input, not as a temporary file the user never made."""
    if folder is None:
        return message
    import os
    import re

    return re.sub(re.escape(f"{folder}{os.sep}") + r"stdin\.\w+", "standard input", message)


def add_completion(sub: Any, parser: argparse.ArgumentParser) -> None:
    """``goalrules completion bash|zsh|tcsh``: the shell's completion script (shtab)."""
    c = sub.add_parser(
        "completion",
        help="print the shell completion script",
        description="Print the completion script for a shell, e.g. "
        "'goalrules completion bash > ~/.local/share/bash-completion/completions/goalrules' "
        "or, for zsh, into a folder of your $fpath as _goalrules.",
    )
    c.add_argument("shell", choices=["bash", "zsh", "tcsh"], help="the shell")

    def run(args: argparse.Namespace, out: TextIO) -> int:
        try:
            import shtab
        except ImportError:
            from goalrules.errors import GoalRulesError

            raise GoalRulesError(
                "shell completion needs shtab: pip install 'goalrules[completion]'"
            ) from None
        out.write(shtab.complete(parser, shell=args.shell))
        out.write("\n")
        return 0

    c.set_defaults(func=run)


@contextlib.contextmanager
def writing(path: Any) -> Iterator[None]:
    """Writing ``path``: an error of the system that names no file (a full disk: "No
    space left on device") names it."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise


def say(message: str) -> None:
    """One line on stderr: an error, a warning or a note. Text from data in it (a key,
    a cell, a name) is shown as written, never obeyed: a line feed in it is ``\\n``,
    not a second line, and a terminal's escape codes are written out
    (:func:`goalrules.visible.visible`)."""
    from goalrules.visible import visible

    print(visible(message), file=sys.stderr)


def notice(message: str) -> None:
    """A line on stderr for people (not an error), unless ``--quiet``."""
    if not quiet():
        say(message)
