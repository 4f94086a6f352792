"""The exports whose leads, or whose channels, cannot be known as they are: the notes
and errors that say so, and what to export instead (a channel read with 0 leads would
look as if it converted nobody; a channel group joined with networks gives two wrong
rows).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from goalrules.errors import DataError
from goalrules.io.exports.blocks import table_headers
from goalrules.io.exports.contacts import NOT_SET
from goalrules.io.exports.funnel import GROUPED, unjoinable
from goalrules.io.exports.performance import LEAD_EVENTS
from goalrules.io.exports.presets import Match
from goalrules.io.exports.rows import PerformanceRow
from goalrules.io.exports.spans import AnalyticsPart


def no_leads_column(match: Match) -> str:
    """The note for an analytics report without a leads column (GA4 without *Key
    events*, a traffic report of sessions and users, a Reports snapshot's card, Matomo
    without conversions, Plausible without a goal filter): it gives visits only, so its
    rows carry leads unknown (``None``, never 0: a channel read with 0 leads would look
    as if it converted nobody), and the note says how to add them."""
    header = match.sheet.rows[match.header_index][1]
    wanted = " or ".join(repr(c) for c in match.preset.fields.get("leads", ())) or "leads"
    snapshot = (
        "a GA4 Reports snapshot (one table a card, read: its sessions; Reports > "
        "Acquisition > Traffic acquisition with Year month and Key events gives leads too): "
        if table_headers(match.sheet)
        else ""
    )
    columns = ", ".join(str(c) for c in header if str(c).strip())[:120]
    return (
        f"{match.sheet.source}: {snapshot}no leads column ({wanted}; the header at line "
        f"{match.header_line} is: {columns}): its visits are read, its leads are unknown "
        "(not 0), so no lead rate is given. To add them, export the report with its key "
        "events (conversions), or give the CRM export (e.g. HubSpot contacts) beside it: "
        f"goalrules import {Path(match.sheet.source).name} contacts.csv."
    )


def no_lead_flags(match: Match) -> None:
    """Raw sessions without a ``lead`` column: each session is a lead or not, and the
    flag is the file's data; an error, unless a CRM export gives the leads."""
    header = match.sheet.rows[match.header_index][1]
    raise DataError(
        "no leads column ('lead', 1 or 0 a session): its leads are unknown, not 0, and a "
        "channel read with 0 leads would look as if it converted nobody (the header at "
        f"line {match.header_line} is: "
        f"{', '.join(str(c) for c in header if str(c).strip())[:120]}); add a 'lead' column "
        "(1 for a session that became a lead, else 0), or give the CRM export with it",
        source=match.sheet.source,
        line=match.header_line,
    )


def no_lead_events(matches: Sequence[Match]) -> None:
    """Event exports (GA4 BigQuery, Umami) none of whose events marks a lead: the site's
    leads were not tracked as events, or there were none; unknown either way, and a
    channel read with 0 leads would look as if it converted nobody. An error, unless a
    CRM export gives the leads (as for an analytics export without a leads column)."""
    others = list(dict.fromkeys(m.sheet.source for m in matches[1:]))
    where = f" (nor in {', '.join(others)})" if others else ""
    raise DataError(
        f"no event marks a lead{where} (an event named like {LEAD_EVENTS.pattern!r}): its "
        "leads are unknown, not 0, and a channel read with 0 leads would look as if it "
        "converted nobody; export the events that mark leads (a form submitted, a sign-up), "
        "or give the CRM export with it",
        source=matches[0].sheet.source,
    )


def not_joinable(
    analytics: Sequence[AnalyticsPart], crm: Sequence[PerformanceRow], crm_files: Sequence[str]
) -> None:
    """An error when one side counts a channel group (``social``) and the other its
    networks (``facebook``): see :func:`~goalrules.io.exports.funnel.unjoinable`. In a
    report by source / medium (a file that names the group's networks), the group's rows
    are the visits whose source names no network (``newsletter / social``): a channel
    the CRM may lack, as any other (the join notes it), not a report by group."""
    rows = []
    for part in analytics:
        named = {r.channel for r in part.rows}
        rows += [r for r in part.rows
                 if r.channel not in GROUPED or not (GROUPED[r.channel] & named)]  # fmt: skip
    web_files = [a.source for a in analytics]
    clash = unjoinable(rows, crm)
    if clash is None:
        return
    group, network, side = clash
    web, crms = ", ".join(web_files), ", ".join(crm_files)
    by_group, by_network = (web, crms) if side == "analytics" else (crms, web)
    raise DataError(
        f"{by_group} counts {group!r} as one channel and {by_network} counts its "
        f"networks ({network!r}...): joined, {group!r} would have visits and no leads "
        f"and {network!r} leads and no visits; export both by network (GA4: Session "
        "source / medium; HubSpot: with Original Source Drill-Down 1)",
        source=by_group.split(", ")[0],
    )


def campaigns_without_channel(parts: Sequence[AnalyticsPart]) -> None:
    """An error when an analytics export's rows are campaigns whose channel it does not
    say (Matomo's Referrers.getCampaigns, read under the channel ``(not set)``) and a
    CRM's leads are to be joined on channel: its visits would meet the CRM's contacts of
    unknown source (also ``(not set)``), two unrelated unknowns read as one channel."""
    for part in parts:
        if any(r.channel == NOT_SET and r.campaign for r in part.rows):
            raise DataError(
                "its rows are campaigns whose channel the export does not say, and the "
                "CRM's leads are joined on channel: its visits would meet the CRM's "
                "contacts of unknown source as one channel '(not set)'; give an export by "
                "channel (Matomo: Referrers.getSocials) with the CRM export",
                source=part.source,
            )
