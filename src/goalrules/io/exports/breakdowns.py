"""Daily exports whose rows for one day are parts of the network's figure: Sprout
Social's Profile Performance (or a suite's export) gives a row a day for each profile,
and two LinkedIn pages make the network's followers and impressions by their sum. A day
on which one of those profiles has no row, though it has rows on other days (a profile
connected to the tool later, or a day it did not report), has an unknown figure: the
other profiles' sum is too small (a total of followers that drops by a page's followers
and comes back). Such a day is left out for that network, with a note naming the
profile, never read as the others' sum.

The parts are told apart as :func:`goalrules.io.cells.breakdown` tells rows apart (their
text cells outside the columns read), restricted to the columns whose text differs
between two rows of one day: a column that says the same on every row of a day (a
weekday, the network's name) is no part.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from goalrules.io.cells import breakdown

Date = _dt.date

#: a part of a day's figure: (column position, its text) of each column that tells parts apart
Part = tuple[tuple[int, Any], ...]


def absent_parts(
    rows: Sequence[tuple[int, Sequence[Any]]],
    days: Sequence[Date | None],
    channels: Sequence[str],
    read: Collection[int],
) -> dict[str, dict[Date, list[Part]]]:
    """For each network whose days add up several rows, the days on which a part that
    has rows on other days has none, with those parts. ``read``: the positions of the
    columns read (the date's, the values', the network's)."""
    by_day: dict[str, dict[Date, list[dict[int, Any]]]] = defaultdict(lambda: defaultdict(list))
    for (_, cells), day, channel in zip(rows, days, channels, strict=True):
        if day is not None:
            by_day[channel][day].append(dict(breakdown(cells, read)))
    out: dict[str, dict[Date, list[Part]]] = {}
    for channel, days_rows in by_day.items():
        telling = sorted(
            {
                j
                for texts in days_rows.values()
                if len(texts) > 1
                for j in {k for t in texts for k in t}
                if len({t.get(j) for t in texts}) > 1
            }
        )
        if not telling:
            continue
        present = {
            day: {tuple((j, t.get(j)) for j in telling) for t in texts}
            for day, texts in days_rows.items()
        }
        every = set().union(*present.values())
        short = {
            day: sorted(every - parts, key=str)
            for day, parts in sorted(present.items())
            if every - parts
        }
        if short:
            out[channel] = short
    return out


def drop_absent_parts(
    absent: Mapping[str, Mapping[Date, Sequence[Part]]],
    values: dict[tuple[str, str], dict[Date, float]],
    gains: dict[tuple[str, str], dict[Date, float]],
    unknown: dict[tuple[str, str], set[Date]],
    names: Mapping[int, str],
    source: str,
) -> list[str]:
    """The days of :func:`absent_parts` taken out of ``values`` (and out of the daily
    ``gains`` of a stock, marked ``unknown`` so that no total is carried across them),
    with a note a network. ``names``: column position -> name."""
    notes = []
    for channel, short in sorted(absent.items()):
        for (ch, _), series in values.items():
            if ch == channel:
                for day in short:
                    series.pop(day, None)
        for (ch, stock), by_day in gains.items():
            if ch == channel:
                for day in short:
                    by_day.pop(day, None)
                    unknown[(ch, stock)].add(day)
        parts = list(dict.fromkeys(p for ps in short.values() for p in ps))
        shown_parts = ", ".join(
            " / ".join(f"{names.get(j, j)} {text!r}" for j, text in part if text is not None)
            or "a row without its part's name"
            for part in parts[:3]
        ) + (f" and {len(parts) - 3} more" if len(parts) > 3 else "")
        n = len(short)
        days = ", ".join(d.isoformat() for d in sorted(short)[:4]) + (
            f" and {n - 4} more" if n > 4 else ""
        )
        notes.append(
            f"{source}: {channel} left out on {n} day{'s' if n > 1 else ''} ({days}) on "
            f"which a part of the day's figures that has rows on other days has none "
            f"({shown_parts}): the {channel} figures "
            f"{'those days are' if n > 1 else 'that day are'} unknown, not the other rows' sum."
        )
    return notes
