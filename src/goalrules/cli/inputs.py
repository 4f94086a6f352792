"""The file arguments of the commands, checked before any is read or written: each a
regular file within its size limit, and no ``--output`` that is one of them."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

__all__ = ["check_inputs", "keep_inputs"]

# the file arguments of the commands: read whole and parsed ("text") or streamed ("data")
_INPUTS = {"workspace": "text", "rules": "text", "history": "data", "performance": "data",
           "utm": "data"}  # fmt: skip


def check_inputs(args: argparse.Namespace) -> None:
    """Every file argument is a regular file within the size limit before any is read
    (``-``, standard input, where a command reads text; folders where it takes them)."""
    from goalrules.io.files import check_file

    # a link that leads nowhere (a loop, a missing target) is named by check_file below
    if args.command == "check" and args.workspace and not os.path.lexists(args.workspace):
        from goalrules.errors import WorkspaceError

        raise WorkspaceError(
            "no such file: give the workspace's path, or run 'goalrules init' to start one",
            source=args.workspace,
        )

    named: list[tuple[Any, Any]] = [(getattr(args, a, None), k) for a, k in _INPUTS.items()]
    if args.command == "import":
        named.append((getattr(args, "files", None), "data"))
    elif args.command == "rules" and args.rules_command == "check":
        named.append((args.files, "text"))
    elif args.command == "rules":  # fmt and test take folders
        for p in getattr(args, "files", None) or getattr(args, "paths", None) or []:
            if not Path(p).is_dir():
                named.append((p, "text"))
    for value, kind in named:
        for path in value if isinstance(value, list) else [value]:
            if path is not None and not (path == "-" and kind == "text"):
                check_file(path, kind)
    given = [p for v, _ in named for p in (v if isinstance(v, list) else [v])]
    if args.command == "check" and args.workspace is None:
        given.append("workspace.toml")  # what check reads without one
    keep_inputs([getattr(args, "output", None)], [*given, getattr(args, "store", None)])


def keep_inputs(outputs: list[Any], inputs: list[Any]) -> None:
    """An output that is one of the command's own input files is an error naming it,
    before anything is written: ``check ... --history history.csv --output history.csv``
    once replaced the history with the report (``--output`` picks the format from the
    extension, and ``.csv`` is a report format too)."""
    import os

    from goalrules.errors import GoalRulesError

    for output in outputs:
        if output is None or not os.path.isfile(output):
            continue
        for given in inputs:
            if given is None or given == "-":
                continue
            try:
                same = os.path.samefile(output, given)
            except (OSError, ValueError):
                continue
            if same:
                raise GoalRulesError(
                    f"{output} is an input of this command ({given}): writing there would "
                    "replace it; give another file",
                    field="--output",
                )
