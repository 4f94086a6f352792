"""UTM attribution: raw sessions (landing URLs, referrers) as monthly rows per channel and
campaign."""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

from goalrules.errors import DataError
from goalrules.model import ChannelMonth, normalize_channel
from goalrules.vocabulary import UNATTRIBUTED

Date = _dt.date

_SEARCH = {"google", "bing", "duckduckgo", "yahoo", "baidu", "ecosia"}


def normalize_source(source: str | None) -> str:
    """A ``utm_source`` or referrer domain as a channel: ``fb``, ``m.facebook.com`` and
    ``l.facebook.com`` are ``facebook``; ``t.co``, ``x.com`` and ``twitter`` are ``x``;
    ``lnkd.in`` is ``linkedin``; empty is ``(none)``."""
    if source is None:
        return UNATTRIBUTED
    text = source.strip().lower()
    if not text or text in ("(none)", "(direct)", "direct", "none"):
        return UNATTRIBUTED
    if "://" in text:
        text = urlsplit(text).netloc or text
    text = text.split("/", 1)[0].split(":", 1)[0].removeprefix("www.")
    channel = normalize_channel(text)
    if "." in channel:  # an unknown domain: keep its name ("news.example.com" -> "example")
        parts = channel.split(".")
        channel = parts[-2] if len(parts) >= 2 else channel
    return channel


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "t")
    return bool(value)


def _session_month(value: Any, row: int) -> Date:
    if isinstance(value, _dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, Date):
        return value.replace(day=1)
    if isinstance(value, str) and len(value) >= 7:
        try:
            return _dt.date.fromisoformat(value[:10]).replace(day=1)
        except ValueError:
            try:
                return _dt.date(int(value[:4]), int(value[5:7]), 1)
            except ValueError:
                pass
    raise DataError(f"row {row}: cannot read a date from {value!r}", field="date", line=row)


def _first_param(params: Mapping[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    return values[0] if values else None


def attribute_sessions(
    sessions: Iterable[Mapping[str, Any]], *, first_row: int = 1
) -> list[ChannelMonth]:
    """Aggregate raw sessions into monthly rows per channel and campaign.

    Each session has a ``date`` (or ``timestamp``); the channel comes from
    ``utm_source`` (a column, or a parameter of ``landing_url``/``url``), else the
    ``referrer``'s domain; ``utm_campaign`` gives the campaign. ``lead`` and
    ``customer`` flags count conversions. Sessions with no source stay visible as the
    channel ``(none)``.
    """
    counts: dict[tuple[str, Date, str | None], list[float]] = defaultdict(lambda: [0, 0, 0])
    for i, row in enumerate(sessions, start=first_row):
        when = row.get("date") or row.get("timestamp") or row.get("month")
        month = _session_month(when, i)
        params: dict[str, list[str]] = {}
        url = row.get("landing_url") or row.get("url") or row.get("landing_page")
        if url:
            params = parse_qs(urlsplit(str(url)).query)
        source = row.get("utm_source") or _first_param(params, "utm_source")
        if not source:
            referrer = row.get("referrer") or row.get("referer")
            source = str(referrer) if referrer else None
        campaign = row.get("utm_campaign") or _first_param(params, "utm_campaign")
        channel = normalize_source(source)
        key = (channel, month, campaign or None)
        c = counts[key]
        c[0] += 1
        c[1] += 1 if _truthy(row.get("lead", False)) else 0
        c[2] += 1 if _truthy(row.get("customer", False)) else 0
    return [
        ChannelMonth(channel=ch, month=m, campaign=camp, visits=v, leads=l_, customers=c_)
        for (ch, m, camp), (v, l_, c_) in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")
        )
    ]
