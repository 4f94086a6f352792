"""Opening files: one place that turns a missing, unreadable or non-text file into an error
naming it."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from goalrules.errors import (
    WorkspaceError,
)


def _open_binary(path: Path) -> BinaryIO:
    """The file opened for reading bytes; a missing or unreadable file, or a directory,
    is a :class:`~goalrules.errors.WorkspaceError` naming it."""
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise WorkspaceError("no such file", source=str(path)) from None
    except IsADirectoryError:
        raise WorkspaceError("is a directory, not a file", source=str(path)) from None
    except OSError as exc:
        raise WorkspaceError(f"cannot read it: {exc.strerror}", source=str(path)) from None


def read_text(path: str | Path) -> str:
    """The file's text; a missing, unreadable, empty or non-UTF-8 file is a
    :class:`~goalrules.errors.WorkspaceError` naming it."""
    p = Path(path)
    with _open_binary(p) as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(
            f"not UTF-8 text (byte {exc.start} is {raw[exc.start]:#04x})", source=str(p)
        ) from None
    if not text.strip():
        raise WorkspaceError("the file is empty", source=str(p))
    return text


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".toml": "toml", ".json": "json", ".yaml": "yaml", ".yml": "yaml"}.get(suffix, "toml")
