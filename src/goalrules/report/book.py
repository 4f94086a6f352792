"""A book's channel decisions (many accounts) written as they are worded, a slice of
rows at a time.

:func:`write_book` takes the polars table of
:func:`goalrules.scale.batch.decide_channels_table` and writes JSON, text or markdown
to a stream: each slice of rows becomes decisions (:func:`~goalrules.scale.batch.
book_decisions`), their words and their text, which is written and let go before the
next slice is read, so that memory does not grow with the book. The text is the same,
byte for byte, as :func:`goalrules.report.render_book` builds in one string (HTML, one
page with a table over every row, is built that way).

With ``jobs`` above 1 (``None``: one a core from :data:`LARGE_BOOK` rows, else 1),
slices are worded in that many forked processes (each a fork of
the process holding the table's columns as Python lists, so that no worker calls into
polars: nothing is sent to it but a slice's bounds) and written in the table's order,
so the text is the same as from one process. A slice whose wording fails in a worker is
worded again in the main process, to raise its own error.
"""

from __future__ import annotations

import datetime as _dt
import multiprocessing
from collections import Counter
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring_ascii as _string  # the C escaper json uses
from typing import Any, TextIO

from goalrules.numbers import format_count
from goalrules.report.json_text import dumps
from goalrules.report.markdown import _md_escape
from goalrules.report.text import WIDTH, _wrap
from goalrules.report.workers import forked_pool, workers

__all__ = ["STREAM_FORMATS", "book_rows", "book_summary", "write_book"]

#: the formats written a slice at a time (HTML is one page built whole)
STREAM_FORMATS = ("json", "text", "markdown")
_SLICE = 2048  # rows worded and written at a time
_FEWEST = 8192  # rows below which forking costs more than it saves
#: rows from which ``jobs=None`` (the command line's default) words a book in one process
#: a core: the table stage already runs on every core (polars, and two threads for the
#: trends), and on 100,000 channels x 24 months the words are half of the time left
LARGE_BOOK = 20_000

#: the table, the day and currency, and the row writer a forked worker words with (set only while a
#: pool runs)
_WORK: tuple[Any, tuple[_dt.date | None, str | None], Callable[[dict[str, Any]], str]] | None = None


def book_summary(decided: Any) -> str:
    """The line above a book's decisions: accounts, channels and each decision's count."""
    counts = Counter(decided.get_column("decision").to_list())
    accounts = decided.get_column("account").n_unique() if decided.height else 0
    return (
        f"{format_count(accounts, 'account')}, {format_count(decided.height, 'channel')}: "
        + ", ".join(f"{name} {format_count(n)}" for name, n in sorted(counts.items()))
        + "; each account's judged channels are its portfolio"
    )


#: what a book's decisions are worded with: the day they were judged on and the
#: currency of their spend
_How = tuple[_dt.date | None, str | None]


def _rows(part: Any, how: _How) -> Iterator[dict[str, Any]]:
    from goalrules.scale.batch import book_decisions

    for account, d in book_decisions(part, today=how[0], currency=how[1]):
        yield {"account": account, "channel": d.channel, "decision": d.decision.value,
               "rule": d.rule, "reasons": list(d.reasons)}  # fmt: skip


def book_rows(
    decided: Any, *, today: _dt.date | None = None, currency: str | None = None
) -> Iterator[dict[str, Any]]:
    """Each decision of the book as a row (``account``, ``channel``, ``decision``,
    ``rule``, ``reasons``), worded a slice of the table at a time (costs in
    ``currency``: the table's, which it need not be given)."""
    for start in range(0, decided.height, _SLICE):
        yield from _rows(decided.slice(start, _SLICE), (today, currency))


_KEYS = ("account", "channel", "decision", "rule", "reasons")


def _json_row(row: dict[str, Any]) -> str:
    """``row`` as ``json.dumps`` writes it as an item of an indented list, after a comma
    (a book's row, all text but its rule, written in one expression; the C escaper takes
    text only, so anything else goes to the general writer)."""
    if tuple(row) == _KEYS and row["reasons"].__class__ is list:
        rule, reasons = row["rule"], row["reasons"]
        try:
            return (
                f',\n  {{\n    "account": {_string(row["account"])},\n    "channel": '
                f'{_string(row["channel"])},\n    "decision": {_string(row["decision"])},'
                f'\n    "rule": {"null" if rule is None else _string(rule)},\n    "reasons": '
                + (
                    "[\n      " + ",\n      ".join(map(_string, reasons)) + "\n    ]"
                    if reasons
                    else "[]"
                )
                + "\n  }"
            )
        except TypeError:  # a value that is not text
            pass
    return ",\n  " + dumps(row, 1)


_ROOM = WIDTH - len("  - ")  # a reason's first line
_NARROW = WIDTH - len("      ")  # its next lines


def _reason_lines(reason: str) -> list[str]:
    """``_wrap(reason, "      ", "  - ")``, in fewer steps for a reason of words between
    single spaces (printable, none longer than a line): textwrap then fills each line
    with as many words as fit (a " %" held to the word before it), and that is what this
    does. Anything else goes to it."""
    if (
        reason
        and reason.isprintable()  # no tab, line break or other space textwrap would alter
        and "  " not in reason
        and reason[0] != " "
        and reason[-1] != " "
    ):
        words = reason.split(" ")
        if "%" in reason:  # "3.3 %" stays on one line, as _wrap keeps it
            held: list[str] = []
            for word in words:
                if held and word.startswith("%"):
                    held[-1] += " " + word
                else:
                    held.append(word)
            words = held
        if max(map(len, words)) <= _NARROW:
            lines: list[str] = []
            prefix, room, line = "  - ", _ROOM, words[0]
            for word in words[1:]:
                if len(line) + 1 + len(word) <= room:
                    line = f"{line} {word}"
                else:
                    lines.append(prefix + line)
                    prefix, room, line = "      ", _NARROW, word
            lines.append(prefix + line)
            return lines
    return _wrap(reason, "      ", "  - ")


def _text_row(row: dict[str, Any]) -> str:
    lines = [f"{row['account']!s:<16} {row['channel']:<12} {row['decision'].upper()}"]
    for reason in row["reasons"]:
        lines += _reason_lines(reason)
    return "\n".join(lines) + "\n"


def _markdown_row(row: dict[str, Any]) -> str:
    return (
        f"\n| {_md_escape(str(row['account']))} | {_md_escape(row['channel'])} | "
        f"**{row['decision']}** | {_md_escape('; '.join(row['reasons']))} |"
    )


_WRITERS = {"json": _json_row, "text": _text_row, "markdown": _markdown_row}


def _slice_text(
    decided: Any, lo: int, hi: int, how: _How, write: Callable[[dict[str, Any]], str]
) -> str:
    if isinstance(decided, dict):  # columns as lists: a slice of each
        part: Any = {name: values[lo:hi] for name, values in decided.items()}
    else:
        part = decided.slice(lo, hi - lo)
    return "".join(map(write, _rows(part, how)))


def _worded(
    decided: Any,
    how: _How,
    write: Callable[[dict[str, Any]], str],
    jobs: int | None,
) -> Iterator[str]:
    """The text of each slice of the table, in order (see the module for ``jobs``)."""
    n = decided.height
    bounds = [(lo, min(n, lo + _SLICE)) for lo in range(0, n, _SLICE)]
    count = workers(jobs if jobs is not None else (0 if n >= LARGE_BOOK else 1))
    if count == 1 or n < _FEWEST or "fork" not in multiprocessing.get_all_start_methods():
        for lo, hi in bounds:
            yield _slice_text(decided, lo, hi, how, write)
        return
    global _WORK
    # the workers read the table's columns as Python lists, taken before the fork: a
    # forked process must not call into polars, whose threads the fork leaves behind
    columns = {name: decided.get_column(name).to_list() for name in decided.columns}
    _WORK = (columns, how, write)
    try:
        with forked_pool(count) as pool:
            for (lo, hi), text in zip(bounds, pool.imap(_in_worker, bounds), strict=True):
                yield _slice_text(columns, lo, hi, how, write) if text is None else text
    finally:
        _WORK = None


def _in_worker(bounds: tuple[int, int]) -> str | None:
    """In a worker: the rows ``lo`` to ``hi`` worded and written (``None``: it failed)."""
    assert _WORK is not None  # set by the process this one was forked from
    columns, how, write = _WORK
    try:
        return _slice_text(columns, *bounds, how, write)
    except Exception:
        return None


def write_book(
    decided: Any,
    fmt: str,
    out: TextIO,
    *,
    today: _dt.date | None = None,
    jobs: int | None = 1,
    currency: str | None = None,
) -> None:
    """Write a book's decisions to ``out`` in ``json``, ``text`` or ``markdown`` (one of
    :data:`STREAM_FORMATS`), a slice of rows at a time; ``jobs`` above 1 words slices
    in that many processes (``0``: one a core; ``None``: one a core for a book of
    :data:`LARGE_BOOK` rows or more, else one process); costs are in ``currency`` (the
    table's, which it need not be given)."""
    if fmt not in _WRITERS:
        raise ValueError(f"a book is written a slice at a time in {STREAM_FORMATS}, not {fmt!r}")
    write = _WRITERS[fmt]
    if fmt == "json":
        if not decided.height:
            out.write("[]\n")
            return
        first = True
        for text in _worded(decided, (today, currency), write, jobs):
            if first:  # the first row opens the list: no comma before it
                text = "[\n  " + text[4:]
                first = False
            out.write(text)
        out.write("\n]\n")
        return
    summary = book_summary(decided)
    if fmt == "markdown":
        out.write(f"# Channels by account\n\n{summary}\n\n| account | channel | decision | why |\n"
                  "|---|---|---|---|")  # fmt: skip
    else:
        out.write(f"{summary}\n\n")
    for text in _worded(decided, (today, currency), write, jobs):
        out.write(text)
    if fmt == "markdown":
        out.write("\n")
