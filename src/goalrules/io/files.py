"""Opening files: one place that turns a missing, unreadable, non-text, special or
oversized file into an error naming it.

Every file goalrules reads is checked before a byte is read: it must be a regular file
(a directory, ``/dev/zero``, a FIFO or a socket is refused at once, never read until
memory runs out or waited on forever) no larger than a limit:

- :data:`MAX_TEXT_SIZE` (16 MB) for the files read whole and parsed: workspaces, rule
  files, decision tables;
- :data:`MAX_DATA_SIZE` (2 GB) for the data files read as streams: histories,
  performance files, exports.

``--max-input-size SIZE`` on the command line (or the environment variable
``GOALRULES_MAX_INPUT_SIZE``; ``SIZE`` such as ``64MB`` or ``8GB``) sets both limits.
A read that fails half-way (``/proc/self/mem``, a disk error) is an error naming the
file too.
"""

from __future__ import annotations

import io
import os
import re
import stat
from fractions import Fraction
from pathlib import Path
from typing import Any, BinaryIO, Literal

from goalrules.errors import LimitError, WorkspaceError

__all__ = [
    "MAX_COLUMNS",
    "MAX_DATA_SIZE",
    "MAX_TEXT_SIZE",
    "check_columns",
    "check_file",
    "max_input_size",
    "parse_size",
    "read_bytes",
    "read_text",
    "set_max_input_size",
]

Kind = Literal["text", "data"]

MAX_TEXT_SIZE = 16 * 1000**2
"""Largest workspace, rule file or decision table read, in bytes (16 MB)."""
MAX_DATA_SIZE = 2 * 1000**3
"""Largest history, performance file or export read, in bytes (2 GB)."""

MAX_COLUMNS = 16_384
"""Most columns a table may have: as many as a spreadsheet holds (Excel's XFD). Each
preset is matched against every column of a file's first rows, so a row of 200,000
cells (1 MB of text) took half a minute and 700 MB before it was named no export."""


def check_columns(count: int, source: str, line: int) -> None:
    """A row of ``count`` cells, at ``line`` of ``source``, within :data:`MAX_COLUMNS`."""
    if count > MAX_COLUMNS:
        raise LimitError(
            f"a row of {count:,} cells: more columns than a spreadsheet holds "
            f"({MAX_COLUMNS:,}); no export or goalrules file has so many",
            source=source,
            line=line,
        )


ENV = "GOALRULES_MAX_INPUT_SIZE"
_override: int | None = None
_stdin: bytes | None = None
_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3,
          "gb": 1000**3, "t": 1000**4, "tb": 1000**4, "kib": 1024, "mib": 1024**2,
          "gib": 1024**3, "tib": 1024**4}  # fmt: skip


def parse_size(text: str, *, field: str = "--max-input-size") -> int:
    """Bytes of ``"64MB"``, ``"8 GB"``, ``"500k"``, ``"1GiB"`` or ``"1000000"``."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(text))
    unit = m[2].lower() if m else ""
    if not m or unit not in _UNITS or Fraction(m[1]) * _UNITS[unit] < 1:
        raise LimitError(
            f"cannot read the size {text!r}: write bytes or a size such as 64MB or 8GB",
            field=field,
        )
    return int(Fraction(m[1]) * _UNITS[unit])


def set_max_input_size(size: int | str | None) -> None:
    """Set both limits to ``size`` (bytes or ``"64MB"``), or back to the defaults."""
    global _override
    _override = parse_size(size) if isinstance(size, str) else size


def max_input_size(kind: Kind = "data") -> int:
    """The limit in force for a ``"text"`` or ``"data"`` file, in bytes."""
    if _override is not None:
        return _override
    env = os.environ.get(ENV, "").strip()
    if env:
        return parse_size(env, field=ENV)
    return MAX_TEXT_SIZE if kind == "text" else MAX_DATA_SIZE


def _size(n: int) -> str:
    for unit, scale in (("GB", 1000**3), ("MB", 1000**2), ("kB", 1000)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _kind_of(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"  # pragma: no cover


def _check_stat(st: os.stat_result, source: str, kind: Kind) -> int:
    problem = _kind_of(st.st_mode)
    if problem:
        raise WorkspaceError(problem, source=source)
    limit = max_input_size(kind)
    if st.st_size > limit:
        raise LimitError(
            f"the file is {_size(st.st_size)}, over the limit of {_size(limit)} "
            f"(raise it with --max-input-size or {ENV})",
            source=source,
        )
    return st.st_size


def _os_error(exc: OSError, source: str) -> WorkspaceError:
    if isinstance(exc, FileNotFoundError):
        return WorkspaceError("no such file", source=source)
    if isinstance(exc, IsADirectoryError):
        return WorkspaceError("is a directory, not a file", source=source)
    if isinstance(exc, NotADirectoryError):
        return WorkspaceError("no such file (a folder on its path is a file)", source=source)
    return WorkspaceError(f"cannot read it: {exc.strerror or exc}", source=source)


def check_file(path: str | Path, kind: Kind = "data") -> int:
    """The size of ``path`` once it is known to be a regular file within the limit for
    its kind; otherwise a :class:`~goalrules.errors.WorkspaceError` (missing, a folder,
    a device, a FIFO) or :class:`~goalrules.errors.LimitError` (too large) naming it.
    For readers that open the file by its name (polars, openpyxl)."""
    source = str(path)
    try:
        st = os.stat(path)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):  # an embedded NUL byte
            raise WorkspaceError("not a valid file name", source=source) from None
        raise _os_error(exc, source) from None
    return _check_stat(st, source, kind)


class _Checked(io.BufferedReader):
    """A file whose failed reads name it, and that stops at the size limit (a file that
    grows while read, or one in ``/proc`` that says it is empty)."""

    source: str
    limit: int
    done: int

    def _count(self, n: int | None) -> None:
        self.done += n or 0
        if self.done > self.limit:
            raise LimitError(
                f"the file is over the limit of {_size(self.limit)} "
                f"(raise it with --max-input-size or {ENV})",
                source=self.source,
            )

    def read(self, size: int | None = -1, /) -> bytes:
        try:
            data = super().read(size)
        except OSError as exc:
            raise _os_error(exc, self.source) from None
        self._count(len(data))
        return data

    def read1(self, size: int = -1, /) -> bytes:
        try:
            data = super().read1(size)
        except OSError as exc:
            raise _os_error(exc, self.source) from None
        self._count(len(data))
        return data

    def readinto(self, buffer: Any, /) -> int:
        try:
            n = super().readinto(buffer)
        except OSError as exc:
            raise _os_error(exc, self.source) from None
        self._count(n)
        return n

    def readline(self, size: int | None = -1, /) -> bytes:
        try:
            data = super().readline(size)
        except OSError as exc:
            raise _os_error(exc, self.source) from None
        self._count(len(data))
        return data


def _open_binary(path: Path, kind: Kind = "data") -> BinaryIO:
    """The file opened for reading bytes; a missing or unreadable file, a directory, a
    device or FIFO, or a file over the limit is a :class:`~goalrules.errors.GoalRulesError`
    naming it. The file is opened without blocking and checked on its descriptor, so a
    FIFO is refused, not waited on."""
    source = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        if isinstance(exc, ValueError):
            raise WorkspaceError("not a valid file name", source=source) from None
        raise _os_error(exc, source) from None
    try:
        _check_stat(os.fstat(fd), source, kind)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        raw = io.FileIO(fd, "rb", closefd=True)
    except BaseException:
        os.close(fd)
        raise
    fh = _Checked(raw)
    fh.source, fh.limit, fh.done = source, max_input_size(kind), 0
    return fh


def named_file(path: str | os.PathLike[str]) -> Path:
    """``path`` as a file's path, never standard input: a plugin's (or any caller's)
    ``"-"`` is the file named ``-`` in the current folder, which :func:`read_text`
    and :func:`read_bytes` read as such (given ``"-"``, they read standard input)."""
    p = Path(path)
    return p.absolute() if str(p) == "-" else p


def read_bytes(path: str | Path, kind: Kind = "data") -> bytes:
    """The file's bytes, read within the limit for its kind (see :func:`check_file`);
    ``"-"`` reads standard input, within the same limit."""
    if str(path) == "-":
        import sys

        global _stdin
        limit = max_input_size(kind)
        if _stdin is None:  # read once: a command that reads "-" twice gets it twice
            _stdin = sys.stdin.buffer.read(limit + 1)
        raw = _stdin
        if len(raw) > limit:
            raise LimitError(
                f"standard input is over the limit of {_size(limit)} "
                f"(raise it with --max-input-size or {ENV})",
                source="<stdin>",
            )
        return raw
    with _open_binary(Path(path), kind) as fh:
        return fh.read()


def read_text(path: str | Path, kind: Kind = "text") -> str:
    """The file's text; a missing, unreadable, empty, special, oversized or non-UTF-8
    file is a :class:`~goalrules.errors.GoalRulesError` naming it."""
    p = Path(path)
    raw = read_bytes(p, kind)
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
