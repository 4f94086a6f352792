"""A CRM's contacts export (HubSpot) as leads and customers by month, channel and medium.

Leads count by the month of "Became a Lead Date", customers by the month of "Became a
Customer Date"; the network comes from "Original Source Drill-Down 1", paid or organic
from "Original Source". A contact is one row: two different rows for one Record ID (in
one export or two) are an error, the same row again is counted once; without a Record ID
column, two rows alike in every cell cannot be told apart, and are an error.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from goalrules.errors import DataError
from goalrules.io.attribution import ads_network, normalize_source
from goalrules.io.cells import drop_duplicates, rounded_id
from goalrules.io.exports.presets import Match, norm
from goalrules.io.exports.rows import (
    DateOptions,
    PerformanceRow,
    data_rows,
    file_day_order,
    read_dates,
)
from goalrules.vocabulary import EMAIL, UNATTRIBUTED

Date = _dt.date


def read_contacts(
    match: Match,
    options: DateOptions,
    seen: dict[str, tuple[str, int, Any]] | None = None,
    within: Mapping[Date, Sequence[tuple[Date, Date]]] | None = None,
) -> tuple[list[PerformanceRow], list[str]]:
    """Leads and customers per month, channel and medium from a CRM contacts export.
    ``seen``: the contacts (by Record ID) of the exports read before, which this one's
    are checked against (and added to). ``within``: the months the analytics export
    covers only in part, with the days it covers: a lead (customer) of such a month is
    counted only on those days, so that the month's leads and visits count the same."""
    f = match.preset.fields
    every = list(data_rows(match))
    id_col = match.find(f.get("id", ()))
    if id_col is None:
        _twins_without_ids(match, every)
    rounded_note: list[str] = []
    if id_col is not None:  # ids a spreadsheet rounded (1.23457E+11): rows with no id
        pos = match.columns[id_col]
        rounded = [(line, cells) for line, cells in every if rounded_id(cell_text(cells[pos]))]
        if rounded:
            _twins_without_ids(match, rounded)
            rounded_note.append(
                f"{match.sheet.source}: {len(rounded)} {id_col!r} cell"
                f"{'s' if len(rounded) > 1 else ''} a spreadsheet rounded (line "
                f"{rounded[0][0]}: {cell_text(rounded[0][1][pos])!r}) tell no contact apart: "
                "each such row is counted as a contact of its own, and none is matched with "
                "another export's contacts."
            )
    rows, dropped = drop_duplicates(every, match.sheet.source)
    dropped = rounded_note + dropped
    _one_row_a_contact(match, rows)
    if seen is not None:
        rows, more = _contacts_not_seen(match, rows, seen)
        dropped += more
    src_col, detail_col = match.find(f["source"]), match.find(f.get("detail", ()))
    counts: dict[tuple[Date, str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0])
    notes: list[str] = dropped
    dated = [c for c in (match.find(f.get(n, ())) for n in ("lead_date", "customer_date")) if c]
    options = file_day_order(match, rows, dated, options)
    stage_col = match.find(f.get("stage", ()))
    outside: dict[tuple[Date, int], int] = defaultdict(int)
    for index, name in ((0, "lead_date"), (1, "customer_date")):
        col = match.find(f.get(name, ()))
        if col is None:
            continue
        days, date_notes = read_dates(match, rows, col, options)
        notes += date_notes
        undated: list[int] = []  # a lead (or customer) by its stage, with no such date
        for (line, cells), day in zip(rows, days, strict=True):
            if day is None:
                stage = norm(str(cells[match.columns[stage_col]])) if stage_col else ""
                if stage in (_LEADS if index == 0 else _CUSTOMERS):
                    undated.append(line)
                continue
            channel, medium = _crm_channel(
                str(cells[match.columns[src_col]]) if src_col else "",
                str(cells[match.columns[detail_col]]) if detail_col else "",
            )
            days_of_month = (within or {}).get(day.replace(day=1))
            if days_of_month is not None and not any(a <= day <= b for a, b in days_of_month):
                outside[(day.replace(day=1), index)] += 1  # a day the visits do not cover
                # the channel had none on the days covered: 0, not unknown
                counts.setdefault((day.replace(day=1), channel, medium), [0.0, 0.0])
                continue
            counts[(day.replace(day=1), channel, medium)][index] += 1
        if undated:
            notes.append(_undated_note(match.sheet.source, "lead" if index == 0 else "customer",
                                       col, stage_col, undated))  # fmt: skip
    n = int(sum(sum(v) for (_, ch, _), v in counts.items() if ch == NOT_SET))
    if n:
        notes.append(
            f"{match.sheet.source}: {n} lead{'s' if n != 1 else ''} or customer"
            f"{'s' if n != 1 else ''} with an empty {src_col!r}: counted as the channel "
            f"{NOT_SET!r} (where they came from is unknown), not as direct traffic."
        )
    notes += _outside_note(match.sheet.source, outside, within or {})
    # no customer date column: the CRM export does not say who became a customer
    measured = match.find(f.get("customer_date", ())) is not None
    if not measured:
        notes.append(f"{match.sheet.source}: customers: not in this export; unknown, not 0.")
    out = [
        PerformanceRow(m, ch, med, None, le, cu if measured else None)  # no visits
        for (m, ch, med), (le, cu) in sorted(
            counts.items(), key=lambda kv: (*kv[0][:2], kv[0][2] or "")
        )
    ]
    return out, notes


#: HubSpot's lifecycle stages (labels and internal names) of a contact that became a
#: lead, and a customer: every stage from lead on
_CUSTOMERS = frozenset({"customer", "evangelist"})
_LEADS = _CUSTOMERS | frozenset({
    "lead", "marketing qualified lead", "marketingqualifiedlead", "sales qualified lead",
    "salesqualifiedlead", "opportunity",
})  # fmt: skip


def _outside_note(
    source: str, outside: Mapping[tuple[Date, int], int],
    within: Mapping[Date, Sequence[tuple[Date, Date]]],
) -> list[str]:  # fmt: skip
    """What was left out of the months the analytics cover in part."""
    out = []
    for month in sorted({m for m, _ in outside}):
        days = " and ".join(f"{a.isoformat()} to {b.isoformat()}" for a, b in within[month])
        n = [outside.get((month, i), 0) for i in (0, 1)]
        what = " and ".join(f"{k} {w}{'s' if k != 1 else ''}"
                            for k, w in zip(n, ("lead", "customer"), strict=True) if k)  # fmt: skip
        out.append(
            f"{source}: {month:%Y-%m}: the analytics cover only {days}, so its leads and "
            f"customers are counted on those days too: {what} of other days of the month "
            "left out (the month's visits and leads count the same days)."
        )
    return out


def _undated_note(source: str, what: str, col: str, stage: str | None, lines: list[int]) -> str:
    """A note for contacts whose lifecycle stage says they became a lead (a customer)
    but whose date of it is empty (a contact imported at that stage, or moved past it):
    their month is unknown, so no month counts them, and the months' counts fall short."""
    n = len(lines)
    shown = ", ".join(str(x) for x in lines[:5]) + (f" and {n - 5} more" if n > 5 else "")
    return (
        f"{source}: {n} contact{'s' if n > 1 else ''} whose {stage!r} is a {what} or later "
        f"{'have' if n > 1 else 'has'} no {col!r} (line{'s' if n > 1 else ''} {shown}): "
        f"the month {'they' if n > 1 else 'it'} became a {what} is unknown, so no month "
        f"counts {'them' if n > 1 else 'it'}, and the {what}s by month are short by {n} in "
        f"all; fill in the date in the CRM and export again."
    )


def _contacts_not_seen(
    match: Match,
    rows: Sequence[tuple[int, Sequence[Any]]],
    seen: dict[str, tuple[str, int, Any]],
) -> tuple[list[tuple[int, Sequence[Any]]], list[str]]:
    """The rows of contacts no earlier export gave: a contact an earlier export gives
    with the same cells (exports that overlap) is left out with a note; with other
    cells (a lead then, a customer now), it is an error naming both files and lines."""
    col = match.find(match.preset.fields.get("id", ()))
    source = match.sheet.source
    if col is None:
        return list(rows), []
    header = [norm(c) for c in match.sheet.rows[match.header_index][1]]
    pos = match.columns[col]
    out: list[tuple[int, Sequence[Any]]] = []
    again = 0
    mine: dict[str, tuple[str, int, Any]] = {}
    for line, cells in rows:
        key = cell_text(cells[pos])
        if key and rounded_id(key):  # told by the whole row: alike in two files, asked
            twin = "\x00" + "\x1f".join(cell_text(c) for c in cells)
            if twin in seen:
                where, first, _ = seen[twin]
                raise DataError(
                    f"{where} (line {first}) and this file (line {line}) give rows alike in "
                    f"every cell, whose {col!r} a spreadsheet rounded ({key!r}): one contact "
                    "in two exports, or two contacts? Export the contacts again, not saved by "
                    "a spreadsheet",
                    source=source, line=line, field=col,
                )  # fmt: skip
            mine[twin] = (source, line, None)
        if not key or rounded_id(key):
            out.append((line, cells))
            continue
        row = {h: cell_text(c) for h, c in zip(header, cells, strict=False) if h}
        if key in seen:
            where, first, before = seen[key]
            if before != row:
                raise DataError(
                    f"{where} (line {first}) and this file (line {line}) give two different "
                    f"rows for the contact {key!r} ({col}): its lead would count twice; "
                    "keep the export that is right, or one whose contacts the other lacks",
                    source=source, line=line, field=col,
                )  # fmt: skip
            again += 1
            continue
        mine[key] = (source, line, row)
        out.append((line, cells))
    seen.update(mine)
    notes = []
    if again:
        notes.append(
            f"{source}: {again} contact{'s' if again > 1 else ''} an export read before "
            "gives too, row for row (overlapping exports): counted once."
        )
    return out, notes


def _twins_without_ids(match: Match, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
    """Two rows alike in every cell, in a contacts export without its Record ID column:
    the same contact given twice, or two contacts who came the same way in the same
    minute? Either reading changes the leads; an error naming both lines (with the
    Record ID, a repeated contact is told apart and counted once)."""
    seen: dict[tuple[str, ...], int] = {}
    for line, cells in rows:
        first = seen.setdefault(tuple(str(c) for c in cells), line)
        if first != line:
            raise DataError(
                f"lines {first} and {line} are alike in every cell, and the export has no "
                "Record ID column to tell one contact given twice from two contacts: "
                "export the contacts with their Record ID",
                source=match.sheet.source, line=line,
            )  # fmt: skip


def _one_row_a_contact(match: Match, rows: Sequence[tuple[int, Sequence[Any]]]) -> None:
    """Two different rows for one contact (the same Record ID: exports of two days put
    together, a contact before and after it became a customer) would count its lead
    twice: an error naming both lines (an exact duplicate is dropped before)."""
    col = match.find(match.preset.fields.get("id", ()))
    if col is None:
        return
    pos = match.columns[col]
    seen: dict[str, int] = {}
    for line, cells in rows:
        key = cell_text(cells[pos])
        if not key or rounded_id(key):
            continue
        first = seen.setdefault(key, line)
        if first != line:
            raise DataError(
                f"lines {first} and {line} are two different rows for the contact {key!r} "
                f"({col}): its lead would count twice; keep the row that is right",
                source=match.sheet.source, line=line, field=col,
            )  # fmt: skip


def cell_text(value: Any) -> str:
    """A cell as the text a CSV export writes for it, so that one contact in a CSV and
    in an Excel export of the CRM (whose Record ID is the number ``1.0``, whose dates are
    date-times) is one contact: ``1.0`` -> ``"1"``, ``datetime(2026, 1, 7, 10, 0)`` ->
    ``"2026-01-07 10:00"`` (HubSpot's form), any other cell as it is, stripped."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    if isinstance(value, _dt.datetime):
        return value.isoformat(" ", "minutes" if not value.second else "seconds")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value).strip()


#: the channel of a contact whose Original Source is empty (as GA4 names an unknown one)
NOT_SET = "(not set)"


#: HubSpot's sources that say no traffic: imports, the CRM's own forms and calls
#: ("Offline sources"), campaigns not tracked otherwise ("Other campaigns"): organic or
#: paid is unknown
_NO_MEDIUM = frozenset({"offline sources", "other campaigns"})


def _crm_channel(source: str, detail: str) -> tuple[str, str | None]:
    """HubSpot's Original Source (and Drill-Down 1) as (channel, medium); the medium
    ``None`` where the source does not say (never a guess of organic)."""
    s = norm(source)
    if not s:  # the CRM does not know where the contact came from: not direct traffic
        return NOT_SET, None
    if s in _NO_MEDIUM:
        return s, None
    medium = "paid" if s.startswith("paid") else "organic"
    if detail.strip() and ("social" in s or "search" in s or "referral" in s):
        # the network, the search engine or the referring site, as analytics names it
        # (a network's ads, "Facebook Ads", are the network's paid half)
        return ads_network(normalize_source(detail.strip()), medium)[0], medium
    name = re.sub(r"^(?:organic|paid)\s+", "", s) or UNATTRIBUTED
    name = {
        "direct traffic": UNATTRIBUTED,
        "referrals": "referral",
        "email marketing": EMAIL,
        "social media": "social",
    }.get(name, name)
    return name, medium
