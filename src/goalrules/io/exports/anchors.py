"""Known totals (anchors) and the stock they give from daily gains.

An anchor ("1,500 followers on 2025-12-31") is the total at the end of one day; with the
daily gains of an export (LinkedIn's new followers, X's new follows minus unfollows) it
gives the total of every day the export covers, before, inside or after the anchor. A day
whose gain is an empty cell is unknown, so no total is carried across it.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Collection, Sequence

import attrs

from goalrules.errors import DataError, GoalRulesError
from goalrules.io.cells import number
from goalrules.io.exports.rows import HistoryRow
from goalrules.metrics import catalog
from goalrules.vocabulary import KNOWN_CHANNELS, normalize_channel

Date = _dt.date


@attrs.frozen
class Anchor:
    """One known total: ``value`` of ``metric`` at the end of ``date`` (on ``channel``,
    or on the only channel whose gains are read)."""

    value: float
    date: Date
    metric: str = "followers"
    channel: str | None = None

    @classmethod
    def parse(cls, text: str) -> Anchor:
        """``"1500 followers on 2025-12-31"``, ``"1,500 LinkedIn followers on
        2025-12-31"``."""
        from goalrules.dates import parse_date

        m = re.fullmatch(r"\s*(?P<what>.+?)\s+(?:on|at|as of)\s+(?P<date>[^\s].*?)\s*", text or "")
        if m is None:
            raise DataError(
                f"cannot read an anchor from {text!r}", field="--anchor",
                hint='write e.g. "1500 followers on 2025-12-31"',
            )  # fmt: skip
        try:
            day = parse_date(m["date"], require_year=True)
        except GoalRulesError as exc:
            raise exc.with_location(field="--anchor") from None
        lead = _ANCHOR_NUMBER.match(m["what"])
        if lead is None:
            raise DataError(
                f"the anchor {text!r} does not start with a number",
                field="--anchor",
                hint='write e.g. "1500 followers on 2025-12-31"',
            )
        words = m["what"][lead.end() :].split()
        _words_read(words, text)
        value = _anchor_value(lead[0].strip(), text)
        channels: list[str] = []
        metric = "followers"
        for w in words:
            key = w.lower()
            if normalize_channel(key) in KNOWN_CHANNELS and key not in ("all", "social"):
                channels.append(normalize_channel(key))
            elif key in catalog:
                metric = catalog[key].key
            elif key.rstrip("s") in catalog:
                metric = catalog[key.rstrip("s")].key
        if len(set(channels)) > 1:
            raise DataError(
                f"the anchor {text!r} names {' and '.join(dict.fromkeys(channels))}: an anchor "
                "is the total of one network (give one anchor each)",
                field="--anchor",
            )
        channel = channels[0] if channels else None
        if catalog[metric].kind.value != "stock":
            raise DataError(
                f"an anchor is a total (a stock such as followers), not {metric}", field="--anchor"
            )
        return cls(value, day, metric, channel)


# the number an anchor starts with: digits, and the marks and spaces that group them
_ANCHOR_NUMBER = re.compile(r"\s*\d[\d.,'\u2019\s\u00a0\u202f]*")


#: words after an anchor's number that scale it (the total was rounded to be shown:
#: LinkedIn shows 1,523 followers as 1.5K), and words that make it a gain, not a total
_SCALE_WORDS = frozenset({"k", "m", "mn", "mm", "b", "bn", "thousand", "thousands",
                          "million", "millions", "mil", "tsd", "mio", "lakh", "crore"})  # fmt: skip
_GAIN_WORDS = frozenset({"new", "gained", "more", "additional", "extra", "net"})


def _words_read(words: Sequence[str], text: str) -> None:
    """An anchor whose number a word scales (``2k``, ``2 thousand``: it was read as 2)
    or whose words make it a gain (``50 new followers``: it was read as a total of 50)
    is an error naming the word."""
    for word in words:
        key = word.lower().strip(".,")
        if key in _SCALE_WORDS:
            raise DataError(
                f"the anchor {text!r} scales its number with {word!r}: a total rounded to "
                "be shown (LinkedIn shows 1,523 followers as 1.5K) is not the exact total "
                "an anchor is",
                field="--anchor",
                hint='write it in digits, e.g. "1523 followers on 2025-12-31"',
            )
        if key in _GAIN_WORDS:
            raise DataError(
                f"the anchor {text!r} says {word!r}: an anchor is the total on a day (all "
                "the followers then), not a gain",
                field="--anchor",
                hint='write the total, e.g. "1500 followers on 2025-12-31"',
            )


def _anchor_value(written: str, text: str) -> float:
    """The anchor's total as written (``1,500``, ``1 500``, ``1'500``): a whole number;
    ``1.500`` (1500 in German, 1.5 in English) is an error, never 1.5."""
    try:
        value = number(written, "--anchor", 1, "--anchor")
    except GoalRulesError as exc:
        raise DataError(
            f"the anchor {text!r} starts with {written!r}, which is not a number goalrules "
            f"can read for sure ({exc.message.split(': ', 1)[0]})",
            field="--anchor",
            hint='write the total without separators, e.g. "1500 followers on 2025-12-31"',
        ) from None
    if value is None or not value.is_integer():
        raise DataError(
            f"the anchor {text!r} starts with {written!r}: a total of followers (members, "
            "people) is a whole number",
            field="--anchor",
            hint='write e.g. "1500 followers on 2025-12-31"',
        )
    return value


def anchor_for(anchors: Sequence[Anchor], channel: str, stock: str) -> Anchor | None:
    """The anchor naming ``channel``, else one naming no network (the import checks that
    such an anchor is used for one network only)."""
    for a in anchors:
        if a.metric == stock and a.channel == channel:
            return a
    loose = [a for a in anchors if a.metric == stock and a.channel is None]
    return loose[0] if loose else None


def gains_to_totals(
    by_day: dict[Date, float],
    anchor: Anchor,
    channel: str,
    stock: str,
    unknown: Collection[Date] = (),
    listed: Collection[Date] = (),
    unlisted: str = "the exports list every day: a day without a row is not a day without gain",
) -> tuple[list[HistoryRow], list[str]]:
    """The stock at the end of every day from the first to the last day of the data,
    from the daily gains and the anchor, and notes. A day whose gain is an empty cell is
    unknown, not 0: the total of a day is given only when no such day lies between it
    and the anchor. ``listed``: the days the exports have a row for, when they list
    every day (LinkedIn, X, YouTube): a day between the anchor and the data, or between
    two files, that none lists is unknown too (never a day without gain); empty: the
    exports list only days with a gain (Meta), and a day left out had none (``listed``:
    the days of their periods, when their names state them; ``unlisted``: why a day
    outside ``listed`` is unknown)."""
    days = set(by_day) | set(unknown)
    first, last = min(days), max(days)
    absent: set[Date] = set()
    if listed:
        lo, hi = min(first, anchor.date), max(last, anchor.date)
        absent = {lo + _dt.timedelta(days=i) for i in range(1, (hi - lo).days + 1)}
        absent -= set(listed)
        unknown = set(unknown) | absent
    unit = catalog[stock].unit
    # the total at the end of `first`, from the anchor
    if anchor.date >= first:
        between = math.fsum(v for d, v in by_day.items() if first < d <= anchor.date)
        level = anchor.value - between
    else:
        between = math.fsum(v for d, v in by_day.items() if anchor.date < d <= first)
        level = anchor.value + between
    # the day before which (and the day from which) an unknown gain lies between a day
    # and the anchor: the total at the end of day d needs the gains of (d, anchor] or
    # of (anchor, d]
    below = max((u for u in unknown if u <= anchor.date), default=None)
    above = min((u for u in unknown if u > anchor.date), default=None)
    out = []
    skipped: list[Date] = []
    day = first
    total = level
    while day <= last:
        if day != first:
            total += by_day.get(day, 0.0)
        if (below is not None and day < below) or (above is not None and day >= above):
            skipped.append(day)
        else:
            out.append(HistoryRow(day, channel, stock, round(total, 9), unit))
        day += _dt.timedelta(days=1)
    if any(r.value < 0 for r in out):
        bad = next(r for r in out if r.value < 0)
        raise DataError(
            f"with the anchor {anchor.value:g} {stock} on {anchor.date.isoformat()}, {channel} "
            f"would have {bad.value:g} {stock} on {bad.date.isoformat()}: the anchor does not "
            "fit these gains",
            field="--anchor",
        )
    if not skipped:
        return out, []
    empty = sorted(set(unknown) - absent)
    gaps = ", ".join(d.isoformat() for d in empty[:5])
    more = f" and {len(empty) - 5} more" if len(empty) > 5 else ""

    def shown(days: Sequence[Date]) -> str:
        return ", ".join(f"{a.isoformat()} to {b.isoformat()}" if a != b else a.isoformat()
                         for a, b in _spans(days))  # fmt: skip

    why = []
    if empty:
        why.append(f"the new {stock} of {gaps}{more} are empty")
    if absent:
        why.append(f"no export has a row for {shown(sorted(absent))} ({unlisted})")
    return out, [
        f"{channel} {stock}: {'; and '.join(why)}: unknown, not 0, so the total from the "
        f"anchor on {anchor.date.isoformat()} cannot be carried across them: no {stock} "
        f"total on {len(skipped)} day{'s' if len(skipped) > 1 else ''} ({shown(skipped)})."
    ]


def _spans(days: Sequence[Date]) -> list[tuple[Date, Date]]:
    """Sorted days as runs of consecutive days (first, last)."""
    out: list[tuple[Date, Date]] = []
    for d in days:
        if out and (d - out[-1][1]).days == 1:
            out[-1] = (out[-1][0], d)
        else:
            out.append((d, d))
    return out


def sparse_days(periods: Sequence[tuple[Date, Date] | None], days: Collection[Date]) -> set[Date]:
    """The days the gains of exports that list only the days with a gain (Meta's) are
    known on: ``days`` (those listed) and every day of the periods their names state (a
    day left out had no gain); empty when one of them states none."""
    if not periods or any(p is None for p in periods):
        return set()
    out = set(days)
    for p in periods:
        if p is not None:
            out |= {p[0] + _dt.timedelta(days=i) for i in range((p[1] - p[0]).days + 1)}
    return out


def unstated_period_note(
    channel: str, stock: str, anchor: Anchor, days: Collection[Date]
) -> list[str]:
    """A note when an anchor lies beyond the days of an export that lists only the days
    with a gain and states no period: the days between are read as days without gain,
    which holds only if the export covers them."""
    first, last = min(days), max(days)
    if first - _dt.timedelta(days=1) <= anchor.date <= last:
        return []
    day = _dt.timedelta(days=1)
    lo, hi = (last + day, anchor.date) if anchor.date > last else (anchor.date + day, first - day)
    span = lo.isoformat() if lo == hi else f"{lo.isoformat()} to {hi.isoformat()}"
    return [
        f"{channel} {stock}: the export lists only the days with a gain and its name states "
        f"no period, so {span}, between its days and the anchor's, are read as days without "
        f"gain; if the export does not cover them, the totals are off by the {stock} gained "
        "then (Meta names an export by its period, Jan-01-2026_Jan-31-2026_<id>.csv: keep "
        "that name, and the days outside it are unknown, never read as no gain)."
    ]
