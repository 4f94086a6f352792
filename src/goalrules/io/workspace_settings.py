"""The settings of a workspace's ``[workspace]`` table beyond its name, day and prior:
the team's calendar (how goal statements read "fiscal Q3" or "Prime Day") and the data
files the workspace is checked with.

``history`` and ``performance`` name files (one, or a list), each relative to the
workspace file's folder: ``goalrules check my-team`` then reads them as ``--history``
and ``--performance`` would, and a file given on the command line replaces the
workspace's. A workspace read from standard input (``goalrules check - <
team/workspace.toml``) has no folder of its own: its files are named from the current
folder, as a command line's are.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from goalrules.errors import GoalRulesError, WorkspaceError

__all__ = [
    "DATA_KEYS",
    "HEAD_KEYS",
    "calendar_settings",
    "data_files",
    "existing_files",
    "from_standard_input",
    "piped",
]

#: the settings naming the data a workspace is checked with
DATA_KEYS = ("history", "performance")

#: the settings of ``[workspace]``: the Workspace's own, the calendar's and its data's
HEAD_KEYS = frozenset({"name", "today", "prior", "fiscal_year_start", "retail_days", *DATA_KEYS})

# the files standard input was saved in (``-``): the folder they are in is a temporary
# one the user never made, so a workspace's data files are named from the current
# folder, and its file's name is no name to keep reviews under
_STANDARD_INPUT: set[str] = set()


def from_standard_input(path: str | Path | None = None) -> None:
    """Mark ``path`` as the file standard input (``-``) was saved in; ``None``: forget
    every one (the command is done, its temporary folder gone)."""
    if path is None:
        _STANDARD_INPUT.clear()
    else:
        _STANDARD_INPUT.add(str(path))


def piped(source: Any) -> bool:
    """Whether ``source`` is the file standard input was saved in."""
    return isinstance(source, (str, Path)) and str(source) in _STANDARD_INPUT


def data_files(
    head: Any, source: str | None, errors: list[GoalRulesError]
) -> dict[str, tuple[str, ...]]:
    """The files ``[workspace] history`` and ``performance`` name (text, or a list of
    text), each relative to the folder of the workspace file ``source`` (an absolute
    path as it is; from the current folder for a workspace read from standard input);
    a value of another kind is an error naming the setting."""
    out: dict[str, tuple[str, ...]] = {}
    if not isinstance(head, Mapping):
        return out
    folder = Path()
    if source and not source.startswith("<") and not piped(source):
        folder = Path(source).parent
    for key in DATA_KEYS:
        value = head.get(key)
        if value is None:
            continue
        names = [value] if isinstance(value, str) else value
        if (
            not isinstance(names, list)
            or not names
            or not all(isinstance(n, str) and n.strip() for n in names)
        ):
            errors.append(
                WorkspaceError(
                    f'{key} must name a file, or a list of files (such as "{key}.csv"), '
                    f"got {value!r}",
                    source=source,
                    field=f"workspace.{key}",
                )
            )
            continue
        out[key] = tuple(str(folder / Path(n.strip()).expanduser()) for n in names)
    return out


def existing_files(paths: tuple[str, ...], source: str | None, key: str) -> tuple[str, ...]:
    """``paths``, the files ``[workspace] <key>`` of the workspace file ``source``
    names, when each is a file; one missing is an error naming the setting as well as
    the file (a typo in the workspace, not in a command)."""
    for path in paths:
        if not Path(path).is_file():
            where = (
                f"a workspace on standard input names its files from the current folder, "
                f"{Path.cwd()}"
                if piped(source)
                else "give the path from the workspace file's folder"
            )
            raise WorkspaceError(
                f"no such file: {path} ({where})",
                source=source,
                field=f"workspace.{key}",
            )
    return paths


def calendar_settings(
    head: Any, source: str | None, errors: list[GoalRulesError]
) -> dict[str, Any]:
    """The team's calendar for reading goal statements: ``[workspace] fiscal_year_start``
    (the month its fiscal year starts in, 1 to 12; default 1, the calendar year) and
    ``retail_days`` (``{"prime day" = "2027-07-13"}``, dates that move year to year)."""
    if not isinstance(head, Mapping):
        return {}
    out: dict[str, Any] = {}
    first = head.get("fiscal_year_start")
    if first is not None:
        if isinstance(first, int) and not isinstance(first, bool) and 1 <= first <= 12:
            out["fiscal_year_start"] = first
        else:
            errors.append(
                WorkspaceError(
                    f"fiscal_year_start must be a month number, 1 to 12, got {first!r}",
                    source=source,
                    field="workspace.fiscal_year_start",
                )
            )
    days = head.get("retail_days")
    if days is not None:
        from goalrules.dates import parse_date

        if not isinstance(days, Mapping):
            errors.append(
                WorkspaceError(
                    'retail_days must be a table, e.g. {"prime day" = "2027-07-13"}',
                    source=source,
                    field="workspace.retail_days",
                )
            )
            return out
        try:
            out["retail_days"] = tuple((str(k).lower(), parse_date(v)) for k, v in days.items())
        except GoalRulesError as exc:
            errors.append(exc.with_location(field="workspace.retail_days", source=source))
    return out
