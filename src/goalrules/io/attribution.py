"""UTM attribution: raw sessions (landing URLs, referrers) as monthly rows per channel and
campaign."""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from goalrules.errors import DataError
from goalrules.model import ChannelMonth, normalize_channel
from goalrules.vocabulary import EMAIL, UNATTRIBUTED

if TYPE_CHECKING:  # pragma: no cover
    from publicsuffixlist import PublicSuffixList

Date = _dt.date

_SEARCH = {"google", "bing", "duckduckgo", "yahoo", "baidu", "ecosia"}


def normalize_source(source: str | None, medium: str | None = None) -> str:
    """A ``utm_source`` or referrer domain as a channel: ``fb``, ``m.facebook.com`` and
    ``l.facebook.com`` are ``facebook``; ``t.co``, ``x.com`` and ``twitter`` are ``x``;
    ``lnkd.in`` is ``linkedin``; empty and direct traffic (GA4's ``(direct)``,
    Plausible's ``Direct / None``) are ``(none)``.

    Email is one channel, ``email``, whichever tool sent it: an email tool's or
    webmail's name (``mailchimp``, ``newsletter``, ``mail.google.com``), and any source
    whose ``medium`` puts it in GA4's Email group (``spring_sale / email``; a network's
    name with the medium ``email`` stays the network, as GA4 groups it), so that its
    visits meet a CRM's email leads ("Email marketing"). An email word with a social
    medium (``newsletter / social``: GA4's Organic Social) names no network: the channel
    ``social``, as GA4's channel group names such visits, never ``email``."""
    group = _group(source, medium) if medium is not None and source else None
    if group == "Email":
        return EMAIL
    if source is None:
        return UNATTRIBUTED
    text = " ".join(source.lower().split())
    # direct traffic as each tool writes it: GA4 "(direct)", Plausible "Direct / None"
    if not text or text in ("(none)", "(direct)", "direct", "none", "direct / none",
                            "(direct) / (none)"):  # fmt: skip
        return UNATTRIBUTED
    if "://" in text:
        text = urlsplit(text).netloc or text
    text = text.split("/", 1)[0].split(":", 1)[0].removeprefix("www.")
    channel = normalize_channel(text)
    if "." in channel:  # an unknown domain: the name it is registered under
        channel = site_name(channel)
    if channel == EMAIL and group in _SOCIAL_GROUPS:  # an email word, a social medium
        return SOCIAL
    if channel == "all":  # utm_source=social: social visits that name no network
        return SOCIAL
    if group is not None and medium is not None:
        # a site its medium alone puts in a group not judged (partnerblog.com / referral,
        # awin / affiliate): that group's channel, never a channel judged of its own
        from goalrules.judgments.sources import medium_group_channel

        return medium_group_channel(channel, medium.strip().lower()) or channel
    return channel


@functools.cache
def _public_suffixes() -> PublicSuffixList:
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(only_icann=True)


def site_name(domain: str) -> str:
    """The name a domain is registered under, the label before its public suffix (the
    Public Suffix List's ICANN part), as a channel: ``news.example.com`` -> ``example``,
    ``pinterest.co.uk`` -> ``pinterest``, ``google.com.au`` -> ``google`` (never the
    ``co`` or ``com`` of ``.co.uk`` or ``.com.au``: every such site was one channel)."""
    labels = domain.split(".")
    if all(label.isdigit() for label in labels):  # an IP address: no name
        return domain
    registered = _public_suffixes().privatesuffix(domain)
    if registered is None:  # a public suffix itself ("co.uk"): nothing registered
        return domain
    return normalize_channel(registered.split(".", 1)[0])


def ads_network(channel: str, medium: str | None) -> tuple[str, str | None]:
    """A network's ads named as a source (``facebook ads``, ``fb_ads``, ``LinkedIn Ads``,
    as a CRM's drill-down or a ``utm_source`` writes them) as the network and the medium
    ``paid`` (when none is given), as :class:`~goalrules.model.ChannelMonth` reads them:
    so that its visits and its leads meet on one channel."""
    from goalrules.vocabulary import paid_network

    network = paid_network(channel)
    if network is None:
        return channel, medium
    return network, medium or "paid"


#: the channel of social visits whose source names no network (GA4's Organic Social and
#: Paid Social groups, as a report by channel group names them)
SOCIAL = "social"
_SOCIAL_GROUPS = frozenset({"Organic Social", "Paid Social"})


def _group(source: str, medium: str) -> str | None:
    """The group GA4's channel grouping (:mod:`goalrules.judgments.sources`, as the
    channel decisions group sources) puts ``source / medium`` in; ``None`` without a
    medium."""
    from goalrules.judgments.sources import classify_source

    med = medium.strip().lower()
    return classify_source(source.strip().lower(), med).name if med else None


_YES = frozenset({"1", "1.0", "true", "yes", "y", "t"})
_NO = frozenset({"0", "0.0", "false", "no", "n", "f"})


def _flag(value: Any, row: int, column: str) -> bool | None:
    """A session's ``lead`` or ``customer`` flag: yes (``1``, ``true``, ``yes``), no
    (``0``, ``false``, ``no``), or ``None`` for an empty cell (a sparse flag column: the
    caller reads it as no). Anything else (``2``, ``ja``, ``✓``) is an error naming the
    row and column, never a quiet no."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if value in (0, 1):
            return bool(value)
        if value != value:  # NaN: an empty cell of a table
            return None
    else:
        text = str(value).strip().lower()
        if not text:
            return None
        if text in _YES:
            return True
        if text in _NO:
            return False
    raise DataError(
        f"{value!r} is not a yes or no (write 1 or 0, true or false)", line=row, field=column
    )


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


#: Ad click ids in landing URLs: the network they come from, and ``paid`` when only ads
#: add them (``fbclid`` is added to every Facebook and Instagram link click).
CLICK_IDS: dict[str, tuple[str, str | None]] = {
    "fbclid": ("facebook", None), "gclid": ("google", "paid"), "gbraid": ("google", "paid"),
    "wbraid": ("google", "paid"), "li_fat_id": ("linkedin", "paid"),
    "ttclid": ("tiktok", "paid"), "twclid": ("x", "paid"), "msclkid": ("bing", "paid"),
}  # fmt: skip


def _param(row: Mapping[str, Any], params: Mapping[str, list[str]], name: str) -> Any:
    return row.get(name) or _first_param(params, name)


def session_source(row: Mapping[str, Any]) -> tuple[str, str, str | None]:
    """A session's (channel, medium, campaign): ``utm_source`` (a column or a parameter
    of the landing URL), else an ad click id, else the referrer's domain; the medium is
    ``paid`` for a paid ``utm_medium`` (``cpc``, ``paid_social``...) or an ads-only click
    id, ``organic`` otherwise."""
    from goalrules.model.series import _medium

    params: dict[str, list[str]] = {}
    url = row.get("landing_url") or row.get("url") or row.get("landing_page")
    if url:
        params = parse_qs(urlsplit(str(url)).query)
    source = _param(row, params, "utm_source")
    medium = _param(row, params, "utm_medium") or row.get("medium")
    for click, (network, click_medium) in CLICK_IDS.items():
        if _param(row, params, click):
            source = source or network
            medium = medium or click_medium
            break
    grouped_as = str(medium) if medium else None
    if not source:
        referrer = row.get("referrer") or row.get("referer")
        source = str(referrer) if referrer else None
        if source and not medium:  # a referrer alone: GA4's "referrer / referral"
            grouped_as = "referral"
    campaign = _param(row, params, "utm_campaign")
    return (
        normalize_source(source, grouped_as),
        _medium(medium) if medium else "organic",
        campaign or None,
    )


def attribute_sessions(
    sessions: Iterable[Mapping[str, Any]], *, first_row: int = 1
) -> list[ChannelMonth]:
    """Aggregate raw sessions into monthly rows per channel, medium and campaign.

    Each session has a ``date`` (or ``timestamp``); the channel and medium come from
    :func:`session_source` (``utm_source`` and ``utm_medium``, ad click ids such as
    ``gclid`` or ``fbclid``, the referrer); ``utm_campaign`` gives the campaign.
    ``lead`` and ``customer`` flags count conversions; a session without a ``customer``
    flag at all (no such column) makes its month's customers unknown (``None``), never
    0; an empty flag cell is a no. A flag that is neither yes nor no (``2``, ``ja``) is
    an error naming the row, never a quiet no.
    Sessions with no source stay visible as the channel ``(none)``.
    """
    counts: dict[tuple[str, Date, str, str | None], list[float]] = defaultdict(lambda: [0, 0, 0])
    for i, row in enumerate(sessions, start=first_row):
        when = row.get("date") or row.get("timestamp") or row.get("month")
        month = _session_month(when, i)
        channel, medium, campaign = session_source(row)
        c = counts[(channel, month, medium, campaign)]
        c[0] += 1
        c[1] += bool(_flag(row.get("lead", False), i, "lead"))  # an empty flag: no
        # no customer flag (no such column): not measured, and NaN keeps the month's
        # total unknown; an empty cell in the column is a no, as for leads
        c[2] += bool(_flag(row["customer"], i, "customer")) if "customer" in row else math.nan
    return [
        ChannelMonth(
            channel=ch,
            month=m,
            campaign=camp,
            visits=v,
            leads=l_,
            medium=med,
            customers=None if math.isnan(c_) else c_,  # NaN: a session without the flag
        )
        for (ch, m, med, camp), (v, l_, c_) in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or "")
        )
    ]
