"""Text from data as a terminal or a page shows it: every control character written out.

A workspace's name, a goal's id or a channel in an export is text someone else wrote,
and reports and messages print it. A control character in it is not shown but obeyed:
``ESC [ 2 J`` clears the terminal, ``ESC ] 0 ;`` retitles its window, ``ESC ] 8 ;``
makes a hidden link, a carriage return overwrites the line before it, and a line feed
in an error makes it two lines. :func:`visible` writes each such character as its
escape (``\\x1b``, ``\\n``, ``\\u202e``), so a report shows what the data holds and
nothing it tells the terminal to do. Line feeds and tabs of the report's own layout are
kept with ``keep``.

>>> visible("Acme\\x1b[2J")
'Acme\\\\x1b[2J'
>>> visible("two\\nlines"), visible("two\\nlines", keep="\\n")
('two\\\\nlines', 'two\\nlines')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import ParamSpec, TextIO, cast

__all__ = [
    "FORMULA_STARTS",
    "VisibleStream",
    "inert_cell",
    "shown_as_written",
    "spreadsheet_text",
    "visible",
    "visible_stream",
]

_P = ParamSpec("_P")

# C0 controls, DEL and C1 controls (U+0080..U+009F: a terminal reads U+009B as "ESC ["),
# the line and paragraph separators, and the bidirectional embeddings, overrides and
# isolates, which reorder what follows them on screen ("Trojan Source")
_CONTROLS = "\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_PATTERNS: dict[str, re.Pattern[str]] = {}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    named = _NAMED.get(c)
    if named is not None:
        return named
    code = ord(c)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _pattern(keep: str) -> re.Pattern[str]:
    found = _PATTERNS.get(keep)
    if found is None:
        kept = "".join(re.escape(c) for c in keep)
        found = re.compile(f"(?![{kept}])[{_CONTROLS}]" if kept else f"[{_CONTROLS}]")
        _PATTERNS[keep] = found
    return found


def visible(text: str, *, keep: str = "") -> str:
    """``text`` with each control character written as its escape, but those in
    ``keep`` (``"\\n\\t"`` for a report's own lines and columns)."""
    return _pattern(keep).sub(_escape, text)


def shown_as_written(render: Callable[_P, str]) -> Callable[_P, str]:
    """A report renderer whose text shows each control character of its data as its
    escape (its own line feeds and tabs kept)."""

    @functools.wraps(render)
    def shown(*args: _P.args, **kwargs: _P.kwargs) -> str:
        return visible(render(*args, **kwargs), keep="\n\t")

    return shown


class VisibleStream:
    """A text stream that writes what it is given through :func:`visible`, keeping
    line feeds and tabs (standard output of a command that prints reports)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def raw(self) -> TextIO:
        """The stream written to (for text already made visible, such as a report's
        goals judged in worker processes)."""
        return self._stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text, keep="\n\t"))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)


def visible_stream(stream: TextIO) -> TextIO:
    """``stream`` wrapped in a :class:`VisibleStream` (itself, if it is one)."""
    if isinstance(stream, VisibleStream):
        return stream
    return cast(TextIO, VisibleStream(stream))


#: what makes a spreadsheet read a cell as a formula ("=HYPERLINK(...)", "+cmd|...",
#: "-2+3", "@SUM(...)"), or a tab or carriage return before one
FORMULA_STARTS = frozenset("=+-@\t\r")


def inert_cell(text: str) -> str:
    """A text cell of a CSV file goalrules writes, as a spreadsheet shows it rather than
    runs it: one a spreadsheet would read as a formula (a channel named
    ``=HYPERLINK("https://...")`` in an export, a campaign ``+cmd|...``) gets the
    spreadsheet's text mark, a leading ``'``, which :func:`spreadsheet_text` takes off
    again when goalrules reads the file. A number (``-5``) is left as it is.

    >>> inert_cell("=1+2"), inert_cell("@campfire"), inert_cell("-5")
    ("'=1+2", "'@campfire", '-5')
    """
    if text[:1] not in FORMULA_STARTS or not text:
        return text
    try:
        float(text)
    except ValueError:
        return "'" + text
    return text


def spreadsheet_text(cell: str) -> str:
    """A cell read back as it was before :func:`inert_cell` marked it (``'@campfire``
    is ``@campfire``); any other cell as it is."""
    if cell[:1] == "'" and cell[1:2] in FORMULA_STARTS and cell[1:2]:
        return cell[1:]
    return cell
