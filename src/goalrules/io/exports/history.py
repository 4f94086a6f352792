"""Network exports as history rows: wide tables made long, per-post rows summed by month,
and daily gains made into totals from one known total (an anchor).

Followers come as gains (LinkedIn's "Total followers" is the day's *new* followers; X
gives ``New follows`` and ``Unfollows``; Meta's "Facebook follows" lists only days with a
gain). They are kept as the flow ``new_followers``; with an anchor ("1,500 followers on
2025-12-31": the total at the end of that day, before, inside or after the data) they
also give the stock ``followers`` for every day the export covers. A day Meta's export
leaves out had no gain (it lists only days with one); a day without a row in an export
that lists every day (LinkedIn, X, YouTube) is unknown, and no total is carried across
it.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import attrs

from goalrules.errors import DataError
from goalrules.io.cells import (
    check_conflicts,
    drop_duplicates,
    number,
    rounded_id,
    whole_metric,
)
from goalrules.io.exports.anchors import (
    Anchor,
    anchor_for,
    gains_to_totals,
    sparse_days,
    unstated_period_note,
)
from goalrules.io.exports.breakdowns import absent_parts, drop_absent_parts
from goalrules.io.exports.post_links import post_link
from goalrules.io.exports.presets import Match, MetricSpec
from goalrules.io.exports.reach import PEOPLE_ONCE_A_DAY, counted_once_a_day
from goalrules.io.exports.row_network import channel_of
from goalrules.io.exports.rows import DateOptions, HistoryRow, data_rows, read_dates
from goalrules.io.exports.spans import Span, name_range, posts_in_part
from goalrules.io.exports.steps import check_days
from goalrules.metrics import catalog

Date = _dt.date


def _value(
    spec: MetricSpec,
    match: Match,
    cells: Sequence[Any],
    line: int,
    decimal: str | None,
    channel: str = "",
    net: list[tuple[int, str, float]] | None = None,
) -> float | None:
    """The metric's value in one row (``None``: unknown). With ``net``, a part of a sum
    of counts that is negative (TikTok's *Comments* of a day with more deleted than
    written: a net change, not a count) makes the sum unknown, and is added to ``net``."""
    source = match.sheet.source
    # a count of whole things (a Meta page export's metric is one: follows, views...)
    counts = spec.metric == "from_title" or whole_metric(spec.metric)
    if spec.column:
        col = match.find(spec.column)
        if col is None:
            return None
        return number(cells[match.columns[col]], source, line, col, decimal=decimal, whole=counts)
    plus = [c for c in spec.sum if c in match.columns]
    for part, wholes in spec.within.items():
        whole = next((w for w in wholes if w in plus), None)
        if part in plus and whole is not None:
            plus.remove(_counted_once(match, cells, line, decimal, channel, part, whole))
    minus = [c for c in spec.minus if c in match.columns]
    values = [number(cells[match.columns[c]], source, line, c, decimal=decimal, whole=counts)
              for c in plus]  # fmt: skip
    less = [number(cells[match.columns[c]], source, line, c, decimal=decimal, whole=counts)
            for c in minus]  # fmt: skip
    if any(v is None for v in (*values, *less)):  # a sum with a part missing is missing
        return None
    below = [(c, v) for c, v in zip(plus, values, strict=True) if v is not None and v < 0]
    if below and net is not None:  # a net change among counts: the sum counts nothing
        net += [(line, c, v) for c, v in below]
        return None
    return math.fsum(v for v in values if v is not None) - math.fsum(
        v for v in less if v is not None
    )


def _counted_once(
    match: Match,
    cells: Sequence[Any],
    line: int,
    decimal: str | None,
    channel: str,
    part: str,
    whole: str,
) -> str:
    """Of a column and one that already counts it (likes and reactions), the one not to
    add: the part, unless the whole is empty on an Instagram post (whose only reaction
    is a like). A whole below its part is an error naming the row (reactions include
    likes: 3 reactions and 8 likes cannot both be right)."""
    source = match.sheet.source
    have = number(cells[match.columns[whole]], source, line, whole, decimal=decimal, whole=True)
    some = number(cells[match.columns[part]], source, line, part, decimal=decimal, whole=True)
    if have is None:
        return whole if channel == "instagram" else part  # else: the sum is unknown
    if some is not None and have < some:
        raise DataError(
            f"{whole} ({have:g}) fewer than {part} ({some:g}): {whole} include {part}, so "
            "one of them is wrong; export the file again",
            source=source, line=line, field=whole,
        )  # fmt: skip
    return part


def _specs(match: Match, notes: list[str] | None = None) -> list[tuple[MetricSpec, str]]:
    """The metric specs that apply, with the metric each gives: of two specs for one
    metric (alternative columns), the first the file has. A sum that lacks a part it
    needs (a Meta export whose reactions column has a name goalrules does not know) is
    left out with a note in ``notes`` (an error when the metric is not optional): the
    other parts' sum would be too small, a confident wrong number."""
    out: list[tuple[MetricSpec, str]] = []
    for spec in match.preset.metrics:
        metric = spec.metric
        if metric == "from_title":
            title = match.title()
            # the title as a whole: "facebook unfollows" holds "follows", "views from
            # ads" holds "views", and neither is that metric (a part, or its opposite)
            metric = match.preset.title_metric.get(title, "")
            if not metric:
                raise DataError(
                    f"the export names its metric {title!r}, which goalrules does not map; "
                    f"it reads: {', '.join(sorted(match.preset.title_metric))}",
                    source=match.sheet.source,
                    line=match.header_line - 1 if match.header_line > 1 else None,
                )
            spec = attrs.evolve(spec, gains_of=spec.gains_of_title.get(metric))
        present = any(c in match.columns for c in spec.columns())
        # a net figure (gained minus lost) needs every column it subtracts: gains
        # without their losses are not the net
        lacking = [c for c in spec.minus if c not in match.columns] if present else []
        if not present or lacking:
            if spec.optional:
                continue
            missing = lacking[0] if lacking else spec.columns()[0]
            raise DataError(
                f"missing column {missing!r} for {metric}"
                + (f" ({' + '.join(spec.sum)} minus {' + '.join(spec.minus)})" if lacking else ""),
                source=match.sheet.source,
                line=match.header_line,
                field=missing,
            )
        if any(m == metric for _, m in out):  # an alternative column for a metric read
            continue
        if counted_once_a_day(match, spec, metric, notes):  # a day's reach
            continue
        absent = [group for group in spec.need if not any(c in match.columns for c in group)]
        if absent:
            what = " nor ".join(" or ".join(repr(n) for n in group[:2]) for group in absent)
            text = (
                f"{metric} not read: the file has no column {what} (in any language goalrules "
                f"knows the export in), and {metric} without it would be too small; if the "
                "file has it under another name, rename that column"
            )
            if not spec.optional:
                raise DataError(text, source=match.sheet.source, line=match.header_line,
                                field=absent[0][0])  # fmt: skip
            if notes is not None:
                notes.append(f"{match.sheet.source}: {text}.")
            continue
        out.append((spec, metric))
    return out


@attrs.frozen
class HistoryPart:
    """What one file gives: its history rows and notes, and the daily gains of a stock
    (``gains``, with the days whose gain is an empty cell in ``unknown``) that an anchor
    makes into totals once every file's gains are together (:func:`combine`)."""

    source: str
    rows: list[HistoryRow]
    notes: list[str]
    grain: str | None = "daily"  # "daily", "post" (monthly sums), None: a history file
    gains: dict[tuple[str, str], dict[Date, float]] = attrs.field(factory=dict)
    unknown: dict[tuple[str, str], set[Date]] = attrs.field(factory=dict)
    posts: list[PostRow] = attrs.field(factory=list)  # a per-post export's dated rows
    sparse: bool = False  # the export lists only days with a gain (a day left out: none)
    # the (channel, stock) whose gains are gross: gained, not net of those lost
    gross: frozenset[tuple[str, str]] = frozenset()
    period: tuple[Date, Date] | None = None  # a sparse export's, as its name states it


@attrs.frozen
class PostRow:
    """One post of a per-post export: its id (its link, else its id; ``None`` when the
    export cannot tell posts apart, as ids a spreadsheet wrote ``6.54E+17``), where it
    is, its month and network, and its metrics (``None``: an empty cell)."""

    key: str | None
    source: str
    line: int
    month: Date
    channel: str
    values: tuple[tuple[str, float | None], ...]


def _post_key(match: Match, cells: Sequence[Any]) -> str | None:
    """The post a row is about: its link, else its id (``None`` when neither tells it
    apart)."""
    for name in match.preset.fields.get("post", ()):
        if name in match.columns:
            value = str(cells[match.columns[name]]).strip()
            if value and not rounded_id(value):  # 6.54E+17: a spreadsheet's rounding
                return post_link(value)  # one post under any spelling of its link
    return None


def read_history(
    match: Match, options: DateOptions, anchors: Sequence[Anchor]
) -> tuple[list[HistoryRow], list[str], list[tuple[Anchor, str]]]:
    """History rows from a matched network export, the notes, and the anchors used (with
    the channel each was used for)."""
    return combine([read_history_part(match, options)], anchors)


def read_history_part(match: Match, options: DateOptions) -> HistoryPart:
    """One network export's history rows, notes and daily gains (no anchor applied)."""
    source = match.sheet.source
    rows, notes = drop_duplicates(list(data_rows(match)), source)
    post = match.preset.grain == "post"
    if not rows:
        notes.append(f"{source}: no data rows under the header: nothing imported.")
        return HistoryPart(source, [], notes, "post" if post else "daily")
    date_col = match.find(match.preset.date_columns)
    if date_col is None:
        raise DataError("no date column", source=source, line=match.header_line)
    days, date_notes = read_dates(match, rows, date_col, options)
    notes += date_notes
    specs = _specs(match, notes)
    if not post and not match.preset.sparse and options.dayfirst is None:  # (--monthfirst: as said)
        check_days(days, [m for _, m in specs], source, match.header_line, date_col)
    if not specs:  # rows, and not one metric read from them: nothing, said as an error
        reads = list(dict.fromkeys(c for m in match.preset.metrics for c in m.columns()))
        netted = any(m.minus for m in match.preset.metrics)
        raise DataError(
            f"none of its columns is one goalrules reads from this export ({', '.join(reads)}"
            f"{'; a gain without its loss is not the net' if netted else ''}): nothing to import",
            source=source, line=match.header_line,
        )  # fmt: skip
    notes += [f"{source}: {metric} are the followers gained (the export has no unfollows), "
              f"not net of those lost: {metric} count no one lost."
              for spec, metric in specs
              if spec.gross and not spec.gains_of and not spec.gains_of_title]  # fmt: skip
    value_cols = {match.columns[c] for spec, _ in specs for c in spec.columns()
                  if c in match.columns} | {match.columns[date_col]}  # fmt: skip
    if not post:  # a daily export has one row a day (per network and breakdown)
        dated = [(r, d) for r, d in zip(rows, days, strict=True) if d is not None]
        check_conflicts(
            [r for r, _ in dated], [d for _, d in dated], source,
            lambda d: f"{d.isoformat()}", value_cols,
        )  # fmt: skip
    # (channel, metric) -> date -> total: no key tuple a day and metric
    values: dict[tuple[str, str], dict[Date, float]] = defaultdict(dict)
    gains: dict[tuple[str, str], dict[Date, float]] = defaultdict(dict)  # (channel, stock)
    # days whose gain is an empty cell: unknown, so no total can be carried across them
    unknown: dict[tuple[str, str], set[Date]] = defaultdict(set)
    gross: set[tuple[str, str]] = set()  # gains that are gained, not net of those lost
    # (channel, metric) -> the days (months, for posts) one of whose rows is empty
    blank: dict[tuple[str, str], set[Date]] = defaultdict(set)
    empty: dict[str, int] = defaultdict(int)
    undated: dict[str, float] = defaultdict(float)
    undated_rows = 0
    negative_ok = {m: m not in catalog or catalog[m].can_be_negative for _, m in specs}
    units = {m: catalog[m].unit if m in catalog else "" for _, m in specs}
    posts: list[PostRow] = []
    net: list[tuple[int, str, float]] = []  # negative parts of sums of counts
    channels: list[str] = []  # each row's network
    for (line, cells), day in zip(rows, days, strict=True):
        if day is None and not post:
            raise DataError("an empty date", source=source, line=line, field=date_col)
        channel = channel_of(match, cells, line)
        channels.append(channel)
        read: list[tuple[str, float | None]] = []
        for spec, metric in specs:
            before = len(net)
            v = _value(spec, match, cells, line, options.decimal, channel,
                       None if negative_ok[metric] else net)  # fmt: skip
            netted = len(net) > before  # unknown, but not an empty cell
            if v is not None and v < 0 and not negative_ok[metric]:
                col = spec.columns()[0]
                raise DataError(
                    f"a negative count ({v:g}) of {metric}", source=source, line=line, field=col
                )
            if day is None:
                if v is not None:  # an empty cell holds nothing, not 0
                    undated[metric] += v
                continue
            when = day.replace(day=1) if post else day
            if post:  # summed by month once every file's posts are together
                read.append((metric, v))
                if v is None and not netted:
                    empty[metric] += 1
                continue
            if v is None:
                if not netted:
                    empty[metric] += 1
                blank[(channel, metric)].add(when)
                if spec.gains_of and not post:
                    unknown[(channel, spec.gains_of)].add(day)
                continue
            series = values[(channel, metric)]
            series[when] = series.get(when, 0.0) + v
            if spec.gains_of and not post:
                g = gains[(channel, spec.gains_of)]
                g[day] = g.get(day, 0.0) + v
                if spec.gross:
                    gross.add((channel, spec.gains_of))
        undated_rows += day is None
        if post and day is not None:
            posts.append(PostRow(_post_key(match, cells), source, line, day.replace(day=1),
                                 channel, tuple(read)))  # fmt: skip
    if undated_rows:
        held = ", ".join(f"{v:g} {m}" for m, v in sorted(undated.items()))
        notes.append(
            f"{source}: {undated_rows} row{'s' if undated_rows > 1 else ''} without a "
            f"{date_col!r} left out (holding {held or 'no values'}); the totals here are "
            "the dated rows'."
        )
    if net:
        shown = ", ".join(f"line {ln}: {c} {v:g}" for ln, c, v in net[:5])
        more = f" and {len(net) - 5} more" if len(net) > 5 else ""
        notes.append(
            f"{source}: {len(net)} negative part{'s' if len(net) > 1 else ''} of a sum of "
            f"counts ({shown}{more}): a net change (more deleted than added), not a count, "
            "so that row's sum (engagements) is unknown and left out, not read with the "
            "others cancelled."
        )
    for metric, n in sorted(empty.items()):
        notes.append(
            f"{source}: {n} empty cell{'s' if n > 1 else ''} of {metric} left out (not read as 0)."
        )
    notes += _drop_partial_sums(values, blank, source, post)
    if not post:  # a day one of whose parts (a profile) has no row: unknown, not the rest
        told = value_cols | {match.columns[c] for c in match.preset.channel.get("column", ())
                             if c in match.columns}  # fmt: skip
        absent = absent_parts(rows, days, channels, told)
        names = {pos: name for name, pos in match.columns.items()}
        notes += drop_absent_parts(absent, values, gains, unknown, names, source)
    for spec, metric in specs:
        for part, wholes in spec.within.items():
            whole = next((w for w in wholes if w in match.columns), None)
            if part in match.columns and whole is not None:
                notes.append(
                    f"{source}: {metric}: {part!r} not added to {whole!r}, which counts "
                    f"them already (each counted once; where {whole!r} is empty on an "
                    f"Instagram post, its {part!r} are its {whole!r})."
                )
    used = {c for spec, _ in specs for c in spec.columns()} | {date_col}
    used |= set(match.preset.channel.get("column", ()))
    if not post:  # a day's reach: its own note says why it is not read
        used |= {c for m in match.preset.metrics if m.metric in PEOPLE_ONCE_A_DAY
                 for c in m.columns()}  # fmt: skip
    unread = [c for c in match.columns if c not in used]
    if unread:
        notes.append(f"{source}: columns not read: {', '.join(unread)}.")
    groups = sorted(values)
    out = [
        HistoryRow(d, ch, m, values[(ch, m)][d], units[m])
        for d in sorted({d for series in values.values() for d in series})
        for ch, m in groups
        if d in values[(ch, m)]
    ]
    del values
    for stock, gaps in unknown.items():  # a day with an empty gain has no gain to carry
        for gap in gaps:
            gains[stock].pop(gap, None)
    return HistoryPart(
        source, out, notes, "post" if post else "daily", dict(gains), dict(unknown), posts,
        match.preset.sparse, frozenset(gross), name_range(match.sheet.name),
    )  # fmt: skip


def combine(
    parts: Sequence[HistoryPart], anchors: Sequence[Anchor]
) -> tuple[list[HistoryRow], list[str], list[tuple[Anchor, str]]]:
    """Every file's history rows together, and the totals the anchors give from every
    file's daily gains together (an anchor in one export applies across the next one's
    days). A day two files both give is kept once when they agree, and an error naming
    both files when they do not; a metric one file gives per post (by month) and
    another per day is an error too. Returns the rows, the notes and the anchors used
    (with the channel each was used for)."""
    notes = [n for part in parts for n in part.notes]
    files = [(p.source, p.grain, p.rows) for p in parts]
    posts = [r for p in parts for r in p.posts]
    if posts:
        where = ", ".join(dict.fromkeys(r.source for r in posts))
        by_month = _posts_by_month(posts, notes)
        # a month the periods the files' names state cover only in part: not the month's
        cut, said = posts_in_part([p.period for p in parts if p.posts], {r.date for r in by_month},
                                  where)  # fmt: skip
        by_month, notes = [r for r in by_month if r.date not in cut], notes + said
        files.append((where, "post", by_month))
        if by_month:
            notes.append(_by_publish_month_note(where, by_month))
    gains: dict[tuple[str, str], dict[Date, float]] = defaultdict(dict)
    unknown: dict[tuple[str, str], set[Date]] = defaultdict(set)
    sources: dict[tuple[str, str], list[str]] = defaultdict(list)
    # the gains of a stock that some export lists only on days with a gain (a day left
    # out: no gain); the others list every day, so a day no file has a row for is unknown
    sparse: dict[tuple[str, str], dict[str, Span | None]] = defaultdict(dict)  # their periods
    for part in parts:
        for key, by_day in part.gains.items():
            for day, v in by_day.items():
                gains[key].setdefault(day, v)  # two files' same day: checked equal above
            sources[key].append(part.source)
            if part.sparse:
                sparse[key][part.source] = part.period
        for key, days in part.unknown.items():
            unknown[key] |= days
            if part.source not in sources[key]:
                sources[key].append(part.source)
            if part.sparse:
                sparse[key][part.source] = part.period
    gross = {key for part in parts for key in part.gross}
    used_anchors: list[tuple[Anchor, str]] = []
    derived: list[HistoryRow] = []
    for (channel, stock), by_day in sorted(gains.items()):
        where = ", ".join(sources[(channel, stock)])
        anchor = anchor_for(anchors, channel, stock)
        if (channel, stock) in gross:
            notes.append(_gross_note(where, channel, stock, anchor))
        if anchor is None:
            notes.append(
                f"{where}: {channel} gives new {stock} per day, not totals: kept as "
                f'new_{stock}; pass --anchor "N {stock} on DATE" (the total at the end of '
                f"one day) to get the {stock} total."
            )
            continue
        used_anchors.append((anchor, channel))
        gaps = unknown.get((channel, stock), set()) - set(by_day)  # another file knows it
        if not by_day and not gaps:
            continue
        listed, unlisted = set(by_day) | gaps, {}
        if (channel, stock) in sparse:  # a day left out had no gain, within its period
            listed = sparse_days(list(sparse[(channel, stock)].values()), listed)
            unlisted = {"unlisted": "outside the period the export's name states"}
            if not listed:
                notes += [f"{where}: {n}" for n in unstated_period_note(
                    channel, stock, anchor, set(by_day) | gaps)]  # fmt: skip
        totals, said = gains_to_totals(by_day, anchor, channel, stock, gaps, listed, **unlisted)
        derived += totals
        notes += [f"{where}: {n}" for n in said]
    if derived:  # checked against a file that gives the same totals
        files.append(("the totals from the anchor", "daily", derived))
    return _merge_rows(files, notes), notes, used_anchors


def _by_publish_month_note(where: str, rows: Sequence[HistoryRow]) -> str:
    """What a per-post export's monthly figures are: each post's totals in the month it
    was published, not what the account made in that month."""
    metrics = ", ".join(sorted({r.metric for r in rows}))
    return (
        f"{where}: {metrics} are per-post figures added up by the month each post was "
        "published: a month's figure is what that month's posts gathered over the period the "
        "export covers (or their lifetime), not what the account made in that month, and "
        "the latest months' posts have had less time to gather theirs."
    )


def _gross_note(where: str, channel: str, stock: str, anchor: Anchor | None) -> str:
    """What gross gains (gained, not net of those lost) make of new_<stock> and of the
    totals an anchor gives from them."""
    text = (f"{where}: {channel}'s new {stock} are the {stock} gained, not net of those "
            f"lost (the export has no unfollows): new_{stock} count no one lost")  # fmt: skip
    if anchor is None:
        return text + "."
    return (f"{text}, and the {stock} totals from the anchor of {anchor.date.isoformat()} run "
            f"above the real total after that day (below it before) by the {stock} lost "
            "in between.")  # fmt: skip


def _merge_rows(
    files: Sequence[tuple[str, str | None, list[HistoryRow]]], notes: list[str]
) -> list[HistoryRow]:
    """The rows of several files as one list: a (day, channel, metric) two files give
    with the same value kept once (with a note), with two values an error naming both
    files. Only the series (channel, metric) that two files give are checked day by day
    (one export alone, the usual import, holds no key more than the pairs it gives)."""
    pairs_of = [{(r.channel, r.metric) for r in rows} for _, _, rows in files]
    grains: dict[tuple[str, str], tuple[str, str]] = {}
    for (source, grain, _), pairs in zip(files, pairs_of, strict=True):
        if grain is None:
            continue
        for channel, metric in sorted(pairs):
            g = grains.setdefault((channel, metric), (grain, source))
            if g[0] != grain:
                first, second = (g[1], source) if g[0] == "post" else (source, g[1])
                raise DataError(
                    f"{first} gives {channel} {metric} per post (summed by month) "
                    f"and {second} per day: the two cannot make one series; pass one "
                    "of them",
                    source=source,
                    field=metric,
                )
    given: dict[tuple[str, str], int] = defaultdict(int)
    for pairs in pairs_of:
        for pair in pairs:
            given[pair] += 1
    shared = {pair for pair, n in given.items() if n > 1}
    if not shared:
        return [r for _, _, rows in files for r in rows]
    seen: dict[tuple[Date, str, str], tuple[float, str]] = {}
    out: list[HistoryRow] = []
    repeated: dict[tuple[str, str], int] = defaultdict(int)
    for source, _, rows in files:
        for r in rows:
            if (r.channel, r.metric) not in shared:
                out.append(r)
                continue
            key = (r.date, r.channel, r.metric)
            if key not in seen:
                seen[key] = (r.value, source)
                out.append(r)
                continue
            value, where = seen[key]
            if value != r.value:
                raise DataError(
                    f"{where} and {source} give {r.channel} {r.metric} on "
                    f"{r.date.isoformat()} as {value:g} and {r.value:g}: which one is right? "
                    "Pass one of them (or exports whose days do not overlap)",
                    source=source,
                    field=r.metric,
                )
            repeated[(where, source)] += 1
    for (a, b), n in sorted(repeated.items()):
        notes.append(
            f"{b}: {n} value{'s' if n > 1 else ''} that {a} gives too (the same day, "
            "network and metric, the same value: overlapping exports) kept once."
        )
    return out


def _posts_by_month(posts: Sequence[PostRow], notes: list[str]) -> list[HistoryRow]:
    """Per-post rows (of every file) summed by month, network and metric. A post two
    rows give (in one file or two) counts once when the rows agree, and is an error
    naming both when they do not; a month with an empty cell among its posts is unknown
    (see :func:`_drop_partial_sums`)."""
    seen: dict[tuple[str, str], PostRow] = {}
    again: dict[str, int] = defaultdict(int)
    values: dict[tuple[str, str], dict[Date, float]] = defaultdict(dict)
    blank: dict[tuple[str, str], set[Date]] = defaultdict(set)
    for post in posts:
        if post.key is not None:
            first = seen.setdefault((post.key, post.channel), post)
            if first is not post:
                if (first.month, first.values) != (post.month, post.values):
                    here = "" if first.source == post.source else f"{first.source} "
                    raise DataError(
                        f"{here}line {first.line} and line {post.line} give two different "
                        f"rows for the post {post.key!r}: which one is right? Remove the "
                        "other (its views would count twice)",
                        source=post.source, line=post.line,
                    )  # fmt: skip
                again[post.source] += 1
                continue
        for metric, v in post.values:
            if v is None:
                blank[(post.channel, metric)].add(post.month)
                continue
            series = values[(post.channel, metric)]
            series[post.month] = series.get(post.month, 0.0) + v
    for source, n in sorted(again.items()):
        notes.append(
            f"{source}: {n} post{'s' if n > 1 else ''} given before (the same post, the "
            "same values: overlapping exports) counted once."
        )
    where = ", ".join(dict.fromkeys(r.source for r in posts))
    notes += _drop_partial_sums(values, blank, where, post=True)
    return [
        HistoryRow(d, ch, m, series[d], catalog[m].unit if m in catalog else "")
        for (ch, m), series in sorted(values.items())
        for d in sorted(series)
    ]


def _drop_partial_sums(
    values: dict[tuple[str, str], dict[Date, float]],
    blank: dict[tuple[str, str], set[Date]],
    source: str,
    post: bool,
) -> list[str]:
    """A day (a month of posts) whose value adds up several rows, one of them empty,
    has an unknown total, not the sum of the others: it is left out of ``values``, and
    a note gives what the other rows hold (the total is at least that)."""
    notes = []
    for (channel, metric), periods in sorted(blank.items()):
        series = values.get((channel, metric), {})
        partial = sorted(p for p in periods if p in series)
        if not partial:
            continue
        form = "%Y-%m" if post else "%Y-%m-%d"
        shown = ", ".join(f"{p:{form}} (at least {series[p]:g})" for p in partial[:5])
        more = f" and {len(partial) - 5} more" if len(partial) > 5 else ""
        for p in partial:
            del series[p]
        what = "month" if post else "day"
        n = len(partial)
        notes.append(
            f"{source}: {channel} {metric} left out on {n} {what}{'s' if n > 1 else ''} "
            f"where one of the rows that add up to it is empty ({shown}{more}): the total "
            "is unknown, not the sum of the others."
        )
    return notes
