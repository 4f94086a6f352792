"""Analytics exports as monthly performance rows.

Visits come from web analytics (GA4, Matomo, Plausible, raw sessions and events), leads
and customers from the CRM (:mod:`~goalrules.io.exports.contacts`);
:func:`~goalrules.io.exports.funnel.join_funnel` puts them on one row per month,
channel and medium.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from goalrules.errors import DataError
from goalrules.io.attribution import _flag, ads_network, attribute_sessions, normalize_source
from goalrules.io.cells import WHOLE_FIELDS, check_conflicts, drop_duplicates, number
from goalrules.io.exports.contacts import NOT_SET
from goalrules.io.exports.matomo import campaign_report, campaigns_note
from goalrules.io.exports.presets import Match, norm
from goalrules.io.exports.rows import DateOptions, PerformanceRow, data_rows, read_dates
from goalrules.io.exports.segments import compared_ranges, segment_note
from goalrules.io.exports.spans import (
    AnalyticsPart,
    declared_periods,
    outside_the_period,
    preamble_range,
    rows_span,
)
from goalrules.model.series import _medium
from goalrules.vocabulary import UNATTRIBUTED

Date = _dt.date

#: the channel of a report's rows past its limit, together (GA4's "(other)" row,
#: Matomo's "Others"): several sources, shown as an unknown source, never judged
OTHER = "(other)"

#: GA4's default channel groups (support.google.com/analytics/answer/9756891) as
#: (channel, medium): the medium a group's rule implies (an ad medium or an ad network's
#: campaign: paid; none: organic), ``None`` where it implies neither. Affiliates (medium
#: ``affiliate``) and Audio (medium ``audio``) may be paid or not; Unassigned is a
#: session none of Google's rules placed: its source and medium are unknown
_GROUPS = {
    "organic social": ("social", "organic"), "paid social": ("social", "paid"),
    "organic search": ("search", "organic"), "paid search": ("search", "paid"),
    "direct": (UNATTRIBUTED, "organic"), "referral": ("referral", "organic"),
    "email": ("email", "organic"), "display": ("display", "paid"),
    "organic video": ("video", "organic"), "paid video": ("video", "paid"),
    "unassigned": ("unassigned", None), "cross-network": ("cross-network", "paid"),
    "affiliates": ("affiliates", None), "audio": ("audio", None),
    "organic shopping": ("shopping", "organic"), "paid shopping": ("shopping", "paid"),
    "paid other": ("other", "paid"), "sms": ("sms", "organic"),
    "mobile push notifications": ("push", "organic"),
}  # fmt: skip
#: a group's name that says its medium (a custom channel group's "Paid Podcasts")
_NAMED_MEDIUM = re.compile(r"^(paid|organic)\b")


def _channel_group(value: str) -> tuple[str, str | None]:
    """A GA4 channel group's row as (channel, medium): Google's default groups as Google
    defines them; another (a custom channel group) by its name, its medium only when
    the name says it ("Paid Podcasts"), else unknown (never a guess of organic)."""
    group = norm(value)
    if not group:  # no group named: unknown, not direct traffic
        return NOT_SET, None
    if group in _GROUPS:
        return _GROUPS[group]
    said = _NAMED_MEDIUM.match(group)
    return group, said.group(1) if said else None


LEAD_EVENTS = re.compile(r"lead|sign_?up|signup|register|form_submit|subscribe|demo|contact", re.I)
CUSTOMER_EVENTS = re.compile(
    r"purchase|order_complete|checkout_complete|payment|subscription_paid", re.I
)
#: names that hold a lead or purchase word and mark its undoing or a step before it:
#: ``newsletter_unsubscribe``, ``disqualify_lead``, ``form_start``, GA4's
#: ``add_payment_info`` (payment details entered, nothing bought), ``refund``
NOT_A_MARK = re.compile(
    r"un_?subscri|un_?regist|de_?regist|disqualif|unconvert|cancel|abandon|fail|refund"
    r"|(?:^|[_\s-])(?:start|started|begin|view|viewed|add)(?:$|[_\s-])|page_?view|_info$",
    re.I,
)


def marks(pattern: re.Pattern[str], name: str) -> bool:
    """Whether an event's name marks a lead (or a purchase): a word of ``pattern``,
    not in a name that says its undoing or a step before it (:data:`NOT_A_MARK`)."""
    return bool(pattern.search(name)) and not NOT_A_MARK.search(name)


def _month(
    days: Sequence[Date | None], match: Match, rows: Sequence[tuple[int, Any]], column: str
) -> list[Date]:
    out = []
    for d, (line, _) in zip(days, rows, strict=True):
        if d is None:
            raise DataError("an empty date", source=match.sheet.source, line=line, field=column)
        out.append(d.replace(day=1))
    return out


def _preamble_month(match: Match) -> Date | None:
    """GA4's ``# Start date: 20260101`` / ``# End date: 20260131``: the month, when the
    export covers one. A report compared with another period states both, and its rows
    without a date column could be either's: an error."""
    periods = declared_periods(match)
    if len(periods) > 1:
        shown = " and ".join(f"{a.isoformat()} to {b.isoformat()}" for a, b in periods)
        raise DataError(
            f"the export states {len(periods)} periods ({shown}: a comparison) and has no "
            "date column, so a row's period is not known; export one period, or add "
            "'Year month' (or 'Date') as a dimension",
            source=match.sheet.source,
        )
    declared = preamble_range(match)
    if declared is None:
        return None
    s, e = declared
    if (s.year, s.month) == (e.year, e.month):
        return s.replace(day=1)
    raise DataError(
        f"the export covers {s.isoformat()} to {e.isoformat()} without a date column: add "
        "'Year month' (or 'Date') as a dimension so each row has its month (a Reports "
        "snapshot's card cannot: export Reports > Acquisition > Traffic acquisition with "
        "Year month instead)",
        source=match.sheet.source,
    )


def _source_medium(match: Match, cells: Sequence[Any]) -> tuple[str, str | None]:
    column = match.find(match.preset.channel.get("column", ()))
    if column is None:
        return UNATTRIBUTED, None
    value = str(cells[match.columns[column]]).strip()
    medium: str | None = None
    if norm(value) in match.preset.other:  # the rows past the report's limit, together
        return OTHER, None
    if "group" in column:  # GA4's default channel group: "Organic Social", "Paid Search"
        return _channel_group(value)
    split = match.preset.channel.get("split")
    raw: str | None = None
    if split and split in value:
        value, raw = value.split(split, 1)
        medium = _given(raw)
    mcol = match.find(match.preset.medium)
    if mcol is not None and str(cells[match.columns[mcol]]).strip():
        raw = str(cells[match.columns[mcol]]).strip()
        medium = _given(raw)
    return ads_network(normalize_source(value, raw), medium)


def _given(medium: str) -> str | None:
    """A medium as an export wrote it, read as organic or paid: ``(none)`` (GA4's
    direct traffic, no medium) is organic; ``(not set)`` or nothing (GA4 could not tell)
    is unknown, never a guess of organic."""
    text = medium.strip()
    if text.lower() in ("(not set)", ""):
        return None
    return "organic" if text.lower() == "(none)" else _medium(text)


def _unknown_media(match: Match, rows: Sequence[PerformanceRow]) -> list[str]:
    """A note on the channel groups whose medium is unknown (GA4's Unassigned: no rule
    placed its sessions; Affiliates, Audio, a custom group whose name does not say)."""
    column = match.find(match.preset.channel.get("column", ()))
    if column is None:
        return []
    group = "group" in column
    if not group and match.find(match.preset.medium) is None and "medium" not in column:
        return []  # no medium in the export at all ("Session source"): nothing to say of a row
    visits: dict[str, float] = defaultdict(float)
    for r in rows:
        if r.medium is None and r.channel not in (NOT_SET, OTHER):
            visits[r.channel] += r.visits or 0.0
    if not visits:
        return []
    shown = ", ".join(f"{ch!r} ({v:g} visits)" for ch, v in sorted(visits.items()))
    if not group:
        return [
            f"{match.sheet.source}: the medium of {shown} is '(not set)' or empty (the "
            "analytics could not tell it): organic or paid is unknown, so it is left empty, "
            "never read as organic."
        ]
    unassigned = (
        " Unassigned are sessions none of GA4's rules placed in a group: their source is "
        "unknown too, shown as an unknown source."
        if "unassigned" in visits
        else ""
    )
    return [
        f"{match.sheet.source}: the channel group{'s' if len(visits) > 1 else ''} {shown}: "
        "organic or paid is unknown (the group does not say), so the medium is left empty, "
        f"never read as organic.{unassigned}"
    ]


def read_performance(match: Match, options: DateOptions) -> tuple[list[PerformanceRow], list[str]]:
    """Performance rows from an analytics export (GA4, its Data API, Matomo, Plausible)."""
    part, notes = read_performance_part(match, options)
    return list(part.rows), notes


def read_performance_part(match: Match, options: DateOptions) -> tuple[AnalyticsPart, list[str]]:
    """An analytics export's performance rows with the period they cover (the one it
    declares, else its first to its last date), and the notes."""
    source = match.sheet.source
    rows, notes = drop_duplicates(list(data_rows(match)), source)
    if not rows:
        notes.append(f"{source}: no data rows under the header: nothing imported.")
        return AnalyticsPart(source, None, []), notes
    notes += segment_note(match, rows)
    compared_ranges(match, rows)  # date ranges compared: never added up
    date_col = match.find(match.preset.date_columns)
    if date_col is not None:
        days, date_notes = read_dates(match, rows, date_col, options)
        months = _month(days, match, rows, date_col)
        notes += date_notes
    else:
        month = _preamble_month(match)
        if month is None:
            raise DataError(
                "no date column: export with a month (or date) dimension so each row has its month",
                source=source,
                line=match.header_line,
            )
        days = [month] * len(rows)
        months = [month] * len(rows)
    declared = preamble_range(match)
    if declared is not None and date_col is not None:
        outside_the_period(months, rows, match, date_col)
    # the months it covers in part are said once every file's period is known
    span = declared or (rows_span(match, rows, days, date_col) if date_col else None)
    fields = match.preset.fields
    cols = {f: match.find(fields.get(f, ())) for f in ("visits", "leads", "customers", "revenue")}
    rows, months, days, more = _unlabelled_totals(match, rows, months, days, cols, options)
    notes += more
    value_cols = {match.columns[c] for c in cols.values() if c is not None}
    if date_col is not None:
        value_cols.add(match.columns[date_col])
    # a dimension written as a number (GA4's Hour) tells rows apart as a text one does
    parts = [match.columns[c] for c in match.preset.parts if c in match.columns]
    if parts:  # (a key a row only where there are such columns: a large report has none)
        keys: Sequence[Any] = [
            (d, tuple(str(cells[i]) for i in parts))
            for d, (_, cells) in zip(days, rows, strict=True)
        ]
        check_conflicts(rows, keys, source, lambda k: f"{k[0].isoformat()}", value_cols)
    else:
        check_conflicts(rows, days, source, lambda d: f"{d.isoformat()}", value_cols)
    totals: dict[tuple[Date, str, str | None, str | None], list[float]] = defaultdict(
        lambda: [0.0, 0.0, 0.0, 0.0]
    )
    has_revenue = cols["revenue"] is not None
    has_customers = cols["customers"] is not None
    no_customers: set[tuple[Date, str, str | None, str | None]] = set()
    campaign_col = match.find(fields.get("campaign", ()))
    # Matomo's Referrers.getCampaigns: each label a campaign, of a channel not given
    campaigns = match.preset.id == "matomo" and campaign_report(match, rows)
    if campaigns:
        campaign_col = match.find(match.preset.channel.get("column", ()))
        notes.append(campaigns_note(source, rows, campaign_col, match))
    if not campaigns and match.find(match.preset.channel.get("column", ())) is None:
        # every row's visits were read as the unattributed channel (direct traffic)
        raise DataError(
            "no column says where each row's visits came from (the export reads it from "
            f"{' or '.join(repr(c) for c in match.preset.channel.get('column', ())[:3])}): "
            "export by Session source / medium",
            source=source, line=match.header_line,
        )  # fmt: skip
    left_out: dict[str, int] = defaultdict(int)
    no_revenue: set[tuple[Date, str, str | None, str | None]] = set()
    held: dict[str, float] = defaultdict(float)
    # channel months one of whose rows has an empty count: their totals are unknown
    unknown: set[tuple[Date, str, str | None, str | None]] = set()
    for (line, cells), month in zip(rows, months, strict=True):
        channel, medium = (NOT_SET, None) if campaigns else _source_medium(match, cells)
        campaign = str(cells[match.columns[campaign_col]]).strip() if campaign_col else ""
        if campaign in ("(not set)", "(none)", "(organic)", "(direct)", "(referral)"):
            campaign = ""
        read: dict[str, float | None] = {}
        for field, col in cols.items():
            if col is None:
                continue
            v = number(cells[match.columns[col]], source, line, col, decimal=options.decimal,
                       count=field != "revenue", whole=field in WHOLE_FIELDS)  # fmt: skip
            if v is not None and v < 0 and field != "revenue":
                raise DataError(f"a negative count ({v:g}) of {field}", source=source,
                                line=line, field=col)  # fmt: skip
            read[field] = v
        key = (month, channel, medium, campaign or None)
        if "revenue" in read and read["revenue"] is None:  # unknown revenue, known visits
            no_revenue.add(key)
            del read["revenue"]
        if "customers" in read and read["customers"] is None:  # unknown customers
            no_customers.add(key)
            del read["customers"]
        blank = [f for f, v in read.items() if v is None]
        if blank:  # missing is not 0: the row is left out, and said so
            for f in blank:
                left_out[str(cols[f])] += 1
            for f, v in read.items():
                held[f] += v or 0.0
            left_out[""] += 1
            unknown.add(key)
            continue
        acc = totals[key]
        for i, field in enumerate(("visits", "leads", "customers", "revenue")):
            acc[i] += read.get(field) or 0.0
    if left_out:
        n = left_out.pop("")
        why = ", ".join(f"{k!r} empty in {v}" for k, v in sorted(left_out.items()))
        what = ", ".join(f"{v:g} {f}" for f, v in held.items() if v)
        notes.append(
            f"{source}: {n} row{'s' if n > 1 else ''} with an empty count left out ({why}; "
            f"{'they hold ' + what if what else 'they hold nothing else'}): missing, not 0."
        )
    notes += _drop_partial_months(totals, unknown, source)
    if no_revenue:
        notes.append(
            f"{source}: revenue is empty in {len(no_revenue)} channel month"
            f"{'s' if len(no_revenue) > 1 else ''}: their revenue is unknown (not 0); "
            "visits and leads are kept."
        )
    if not has_customers:
        notes.append(f"{source}: customers: not in this export; unknown, not 0.")
    elif no_customers:
        notes.append(
            f"{source}: customers are empty in {len(no_customers)} channel month"
            f"{'s' if len(no_customers) > 1 else ''}: their customers are unknown (not 0); "
            "visits and leads are kept."
        )
    out = [
        PerformanceRow(
            m,
            ch,
            med,
            v,
            le if cols["leads"] is not None else None,  # no leads column: unknown, never 0
            cu if has_customers and (m, ch, med, camp) not in no_customers else None,
            rev if has_revenue and (m, ch, med, camp) not in no_revenue else None,
            camp,
        )
        for (m, ch, med, camp), (v, le, cu, rev) in sorted(
            totals.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "", kv[0][3] or "")
        )
    ]
    notes += _unknown_media(match, out)
    leads = cols["leads"]
    if leads is not None:
        caveat = (
            " Plausible's events are conversions only when the query filtered by a goal; "
            "else they count every event, pageviews included"
            if match.preset.id == "plausible" and leads == "events"
            else ""
        )
        notes.append(f"{source}: leads are its {leads!r} (without a CRM export).{caveat}")
    # a report compared with another period covers both, not the days between them
    periods = declared_periods(match)
    covers = tuple(periods) if len(periods) > 1 else ()
    return AnalyticsPart(source, span, out, declared=declared is not None, covers=covers), notes


def _unlabelled_totals(
    match: Match,
    rows: list[tuple[int, Sequence[Any]]],
    months: list[Date],
    days: Sequence[Date | None],
    cols: Mapping[str, str | None],
    options: DateOptions,
) -> tuple[list[tuple[int, Sequence[Any]]], list[Date], list[Date | None], list[str]]:
    """Rows whose channel cell (source / medium, channel group, label) is empty: an
    analytics tool writes ``(not set)`` or ``(direct) / (none)`` for traffic without a
    source, so an empty cell is a total row without its label (its counts the other
    rows' sum: left out, with a note) or a row that does not say its channel (an error
    naming it). Read as a channel, it counted every visit twice."""
    column = match.find(match.preset.channel.get("column", ()))
    if column is None:
        return rows, months, list(days), []
    pos = match.columns[column]
    blank = [i for i, (_, cells) in enumerate(rows) if not str(cells[pos]).strip()]
    if not blank:
        return rows, months, list(days), []
    source = match.sheet.source
    counted = [f for f in ("visits", "leads") if cols.get(f) is not None]

    def counts(i: int) -> list[float]:
        line, cells = rows[i]
        out = []
        for f in counted:
            col = str(cols[f])
            v = number(cells[match.columns[col]], source, line, col, decimal=options.decimal)
            out.append(math.nan if v is None else v)
        return out

    others = [i for i in range(len(rows)) if i not in set(blank)]
    for i in blank:
        month = months[i]
        same = [j for j in others if months[j] == month]
        total = [math.fsum(x) for x in zip(*(counts(j) for j in same), strict=True)] if same else []
        if len(blank) > 1 or not same or counts(i) != total:
            raise DataError(
                f"the row has an empty {column!r}: which channel are its visits? (a tool "
                "writes '(not set)' or '(direct) / (none)' for traffic without a source, and "
                "its counts are not the other rows' total); fill it in or remove the row",
                source=source, line=rows[i][0], field=column,
            )  # fmt: skip
    line = rows[blank[0]][0]
    keep = [i for i in range(len(rows)) if i not in set(blank)]
    return (
        [rows[i] for i in keep],
        [months[i] for i in keep],
        [days[i] for i in keep],
        [
            f"{source}: line {line} has an empty {column!r} and holds the other rows' "
            "total: a total row without its label, left out."
        ],
    )


def _drop_partial_months(
    totals: dict[tuple[Date, str, str | None, str | None], list[float]],
    unknown: set[tuple[Date, str, str | None, str | None]],
    source: str,
) -> list[str]:
    """A channel month that adds up several rows (days, landing pages), one of them with
    an empty count, has unknown visits and leads, not the other rows' sum: it is left
    out of ``totals``, and a note gives what the other rows hold."""
    partial = sorted((k for k in unknown if k in totals),
                     key=lambda k: (k[0], k[1], k[2] or "", k[3] or ""))  # fmt: skip
    if not partial:
        return []

    def shown(k: tuple[Date, str, str | None, str | None]) -> str:
        v, le = totals[k][:2]
        what = "".join(f" ({x})" for x in k[2:] if x)
        return f"{k[1]}{what} in {k[0]:%Y-%m} (the other rows: {v:g} visits, {le:g} leads)"

    text = "; ".join(shown(k) for k in partial[:5])
    more = f"; and {len(partial) - 5} more" if len(partial) > 5 else ""
    for k in partial:
        del totals[k]
    n = len(partial)
    return [
        f"{source}: {n} channel month{'s' if n > 1 else ''} left out, where a row with an "
        f"empty count would add to the total: {text}{more}. Their visits and leads are "
        "unknown, not the other rows' sum."
    ]


# -- sessions and events -----------------------------------------------------------------


def sessions_performance(rows: Iterable[Mapping[str, Any]]) -> list[PerformanceRow]:
    """Raw sessions attributed to month, channel and medium (``utm_*`` and click ids)."""
    return [
        PerformanceRow(
            cm.month, cm.channel, cm.medium, cm.visits, cm.leads, cm.customers, None, cm.campaign
        )
        for cm in attribute_sessions(rows, first_row=2)
    ]


def read_sessions(match: Match, options: DateOptions) -> tuple[list[PerformanceRow], list[str]]:
    part, notes = read_sessions_part(match, options)
    return list(part.rows), notes


def read_sessions_part(match: Match, options: DateOptions) -> tuple[AnalyticsPart, list[str]]:
    """goalrules' own sessions file attributed, with the days its sessions run over (it
    states no other period: a month they cover only in part is said, and left out of
    the channel decisions, as an event export's is)."""
    rows = list(data_rows(match))
    header = [norm(c) for c in match.sheet.rows[match.header_index][1]]
    date_col = match.find(match.preset.date_columns)
    days, notes = read_dates(match, rows, date_col, options) if date_col else ([], [])
    records = []
    for i, (line, cells) in enumerate(rows):
        rec = {h: cells[j] for j, h in enumerate(header) if h}
        if date_col:
            day = days[i]
            if day is None:  # named here, at the file's own line
                raise DataError("a session without a date", source=match.sheet.source,
                                line=line, field=date_col)  # fmt: skip
            rec["date"] = day.isoformat()
        for flag in ("lead", "customer"):  # a flag that is neither yes nor no, at its line
            if flag in rec:
                try:
                    _flag(rec[flag], line, flag)
                except DataError as exc:
                    raise exc.with_location(source=match.sheet.source, line=line) from None
        records.append(rec)
    known = [d for d in days if d is not None]
    span = (min(known), max(known)) if known else None
    return AnalyticsPart(match.sheet.source, span, sessions_performance(records)), notes


def read_events(match: Match, options: DateOptions) -> tuple[list[PerformanceRow], list[str]]:
    """Event rows (GA4 BigQuery, Umami) grouped into sessions, then attributed."""
    return read_events_together([(match, options)])


def read_events_together(
    files: Sequence[tuple[Match, DateOptions]],
) -> tuple[list[PerformanceRow], list[str]]:
    """Event rows of one or more exports (GA4 BigQuery, Umami: a day's or a range's
    events a file) grouped into sessions together, then attributed: a session whose
    events two files share (one that ran past midnight, where daily exports are cut)
    is one visit, landing where its first event is."""
    part, notes = read_events_part(files)
    return list(part.rows), notes


def read_events_part(
    files: Sequence[tuple[Match, DateOptions]],
) -> tuple[AnalyticsPart, list[str]]:
    """:func:`read_events_together`, with the days the files cover: each file's first
    to last event's day (a day between two files, or missing from a file's run, is a
    gap said as such)."""
    sessions: dict[tuple[str, str], dict[str, Any]] = {}
    events: set[str] = set()
    notes: list[str] = []
    spans: list[tuple[Date, Date]] = []
    for match, options in files:
        notes += _add_events(match, options, sessions, events, spans)
    where = ", ".join(dict.fromkeys(m.sheet.source for m, _ in files))
    if not any(s["customer"] for s in sessions.values()):
        # no purchase event in the whole export: not tracked, or none; unknown, not 0
        for s in sessions.values():
            del s["customer"]
        notes.append(f"{where}: customers: no purchase events in this export; unknown, not 0.")
    if events:
        notes.append(
            f"{where}: {len(sessions)} sessions; leads and customers from the "
            f"events {', '.join(sorted(events))}."
        )
    else:
        notes.append(f"{where}: {len(sessions)} sessions; no lead or purchase events.")
    span = (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None
    rows = sessions_performance(sessions.values())
    return AnalyticsPart(where, span, rows, covers=tuple(spans)), notes


def _add_events(
    match: Match,
    options: DateOptions,
    sessions: dict[tuple[str, str], dict[str, Any]],
    events: set[str],
    spans: list[tuple[Date, Date]],
) -> list[str]:
    """One export's events added to ``sessions`` (by user and session id), the lead and
    purchase events seen to ``events`` and the days it covers (its first to its last
    event's) to ``spans``; its notes."""
    rows, dropped = drop_duplicates(list(data_rows(match)), match.sheet.source)
    f = match.preset.fields
    days, notes = _event_days(match, rows, options)
    if days:
        spans.append((min(days), max(days)))
    notes = dropped + notes

    def get(cells: Sequence[Any], field: str) -> str:
        col = match.find(f.get(field, ()))
        return str(cells[match.columns[col]]).strip() if col is not None else ""

    session_col = match.find(f.get("session", ()))
    if session_col is None:  # every user's events would be one visit, whatever their days
        raise DataError(
            f"no session id column ({' or '.join(map(repr, f.get('session', ())))}): the "
            "events cannot be told into visits; export the events with their session id",
            source=match.sheet.source, line=match.header_line, field=f.get("session", ("",))[0],
        )  # fmt: skip
    no_session: list[tuple[int, str]] = []  # events without a session id: left out
    for (line, cells), day in zip(rows, days, strict=True):
        if not get(cells, "session"):
            no_session.append((line, get(cells, "event")))
            continue
        key = (get(cells, "user"), get(cells, "session"))
        stamp = (day, get(cells, "timestamp").zfill(24))  # the first event lands
        url = get(cells, "url")
        if not url and get(cells, "path"):
            query = get(cells, "query")
            url = get(cells, "path") + (f"?{query}" if query else "")
        s = sessions.get(key)
        if s is None or stamp < s["_first"]:
            # an earlier event of the session: it is the landing, and only the session's
            # conversions are kept from the events read before (never their source)
            kept = {"lead": s["lead"], "customer": s["customer"]} if s else {
                "lead": False, "customer": False}  # fmt: skip
            s = {
                **kept,
                "_first": stamp,
                "date": day.isoformat(),
                "landing_url": url,
                "referrer": get(cells, "referrer"),
            }
            for field in ("source", "medium", "campaign"):
                if get(cells, field):
                    s[f"utm_{field}"] = get(cells, field)
            if get(cells, "gclid"):
                s["gclid"] = get(cells, "gclid")
            sessions[key] = s
        name = get(cells, "event")
        if marks(LEAD_EVENTS, name):
            s["lead"] = True
            events.add(name)
        if marks(CUSTOMER_EVENTS, name):
            s["customer"] = True
            events.add(name)
    if no_session:
        n = len(no_session)
        marked = sorted(
            {e for _, e in no_session if marks(LEAD_EVENTS, e) or marks(CUSTOMER_EVENTS, e)}
        )
        notes.append(
            f"{match.sheet.source}: {n} event{'s' if n > 1 else ''} without a "
            f"{session_col!r} left out (line {no_session[0][0]}"
            f"{' and more' if n > 1 else ''}): their visits are unknown"
            + (f", and so are the leads or purchases among them ({', '.join(marked)})"
               if marked else "") + "."
        )  # fmt: skip
    return notes


def _event_days(
    match: Match, rows: Sequence[tuple[int, Sequence[Any]]], options: DateOptions
) -> tuple[list[Date], list[str]]:
    """Each event's day: from the first date column the export has (GA4 BigQuery's
    ``event_date``, the property's day), and where that cell is empty from the next one
    (``event_timestamp``: its UTC day, with the note on UTC days near a month's end). An
    event with no date at all is an error naming its line (never a session in year 1)."""
    source = match.sheet.source
    columns = [c for c in match.preset.date_columns if c in match.columns]
    if not columns:
        raise DataError("no date column", source=source, line=match.header_line)
    days, notes = read_dates(match, rows, columns[0], options)
    for other in columns[1:]:
        empty = [i for i, d in enumerate(days) if d is None]
        if not empty:
            break
        more, said = read_dates(match, [rows[i] for i in empty], other, options)
        for i, d in zip(empty, more, strict=True):
            days[i] = d
        known = sum(d is not None for d in more)
        if known:
            notes += said
            notes.append(
                f"{source}: {known} event{'s' if known > 1 else ''} with an empty "
                f"{columns[0]!r} dated by {other!r}."
            )
    out: list[Date] = []
    for (line, _), d in zip(rows, days, strict=True):
        if d is None:
            raise DataError(
                f"an event without a date ({' and '.join(map(repr, columns))} empty): its "
                "session's month is unknown",
                source=source, line=line, field=columns[0],
            )  # fmt: skip
        out.append(d)
    return out, notes
