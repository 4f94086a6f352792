"""Which report a Matomo Reporting API export is. ``Referrers.getSocials`` and
``Referrers.getCampaigns`` have the same columns (``label, nb_visits, nb_conversions,
revenue``), but a label is a network in the one and a campaign's name in the other.

Matomo writes each row's metadata beside its metrics (``metadata_segment``,
``metadata_url`` in CSV; ``segment``, ``url`` in JSON): a campaign's segment is
``referrerType==campaign;referrerName==...``, a network has its site's ``url`` and
``logo``. Without them, labels that are all networks goalrules knows are networks; any
other label could be a campaign's name, and the file cannot say: an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote

from goalrules.errors import DataError
from goalrules.io.attribution import normalize_source
from goalrules.io.exports.presets import Match, norm
from goalrules.vocabulary import KNOWN_CHANNELS, UNATTRIBUTED

_SEGMENT = ("metadata_segment", "segment")
_SOCIAL = ("metadata_url", "url", "metadata_logo", "logo")
_CAMPAIGN = "referrertype==campaign"


def _cells(
    match: Match, rows: Sequence[tuple[int, Sequence[Any]]], names: Sequence[str]
) -> list[str]:
    out = []
    for name in names:
        if name in match.columns:
            pos = match.columns[name]
            out += [unquote(str(cells[pos])).strip().lower() for _, cells in rows]
    return [c for c in out if c]


def campaign_report(match: Match, rows: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a Matomo export's rows are campaigns (``Referrers.getCampaigns``): its
    labels campaigns' names, never channels. ``False`` for networks
    (``Referrers.getSocials``); an error when the file cannot say."""
    segments = _cells(match, rows, _SEGMENT)
    if segments:
        campaign = [_CAMPAIGN in s for s in segments]
        if all(campaign) or not any(campaign):
            return all(campaign)
        raise DataError(
            "the rows are campaigns (segment referrerType==campaign) and other referrers "
            "together: a campaign's name is not a channel; export Referrers.getSocials and "
            "Referrers.getCampaigns apart",
            source=match.sheet.source, line=match.header_line,
        )  # fmt: skip
    if _cells(match, rows, _SOCIAL):
        return False
    label = match.find(match.preset.channel.get("column", ()))
    if label is None:
        return False
    networks = (set(KNOWN_CHANNELS) - {"all"}) | {UNATTRIBUTED}
    for line, cells in rows:
        name = str(cells[match.columns[label]]).strip()
        if name and norm(name) not in match.preset.other and normalize_source(name) not in networks:
            raise DataError(
                f"the label {name!r} is no network goalrules knows, and the file does not "
                "say which Matomo report it is (no metadata_segment or metadata_url "
                "column): a label of Referrers.getCampaigns is a campaign's name, not a "
                "channel; export the report with the metadata Matomo writes beside each "
                "row (its CSV and JSON have it unless it was removed), or "
                "Referrers.getSocials for visits by network",
                source=match.sheet.source, line=line, field=label,
            )  # fmt: skip
    return False


def campaigns_note(
    source: str, rows: Sequence[tuple[int, Sequence[Any]]], label: str | None, match: Match
) -> str:
    """What a Matomo campaigns export's rows are read as: campaigns of an unknown channel."""
    names = {str(c[match.columns[label]]).strip() for _, c in rows} if label else set()
    n = len(names - {""})
    return (
        f"{source}: Matomo's Referrers.getCampaigns: each label is a campaign's name, not "
        f"a channel, and the export does not say which channel a campaign's visits came "
        f"from: its {n} campaign{'s are' if n != 1 else ' is'} read under the channel "
        f"'(not set)' (unknown); export Referrers.getSocials for visits by network."
    )
