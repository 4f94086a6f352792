"""The domain's vocabulary: company objectives, metric directions and kinds, network names.

The words every layer shares, kept at the bottom so that the metric catalog, the statement
reader and the model can all use them (re-exported from :mod:`goalrules.model`).
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from typing import TYPE_CHECKING

from goalrules import plugins
from goalrules.errors import UnknownNameError, ValidationError
from goalrules.patterns import LazyPattern

if TYPE_CHECKING:  # pragma: no cover
    pass

Date = _dt.date

# -- enums ---------------------------------------------------------------------------


class Objective(enum.StrEnum):
    """What a social goal is for (the guides' eleven objectives)."""

    BRAND_AWARENESS = "brand_awareness"
    REPUTATION = "reputation"
    TRAFFIC = "traffic"
    ENGAGEMENT = "engagement"
    COMMUNITY = "community"
    CONVERSIONS = "conversions"
    LEADS = "leads"
    CUSTOMER_SERVICE = "customer_service"
    SOCIAL_LISTENING = "social_listening"
    PRESS_MENTIONS = "press_mentions"
    RECRUITING = "recruiting"

    @classmethod
    def parse(cls, text: str | Objective) -> Objective:
        """Read an objective from its value or a common phrasing ("awareness", "sales").

        >>> Objective.parse("Brand awareness")
        <Objective.BRAND_AWARENESS: 'brand_awareness'>
        """
        if isinstance(text, Objective):
            return text
        if not isinstance(text, str):
            raise ValidationError(f"expected an objective name, got {text!r}")
        key = re.sub(r"[\s-]+", "_", text.strip().lower())
        key = _OBJECTIVE_ALIASES.get(key, key)
        try:
            return cls(key)
        except ValueError:
            raise UnknownNameError("objective", text, [o.value for o in cls]) from None


_OBJECTIVE_ALIASES = {
    "awareness": "brand_awareness", "brand": "brand_awareness", "reach": "brand_awareness",
    "brand_health": "reputation", "sentiment": "reputation",
    "website_traffic": "traffic", "visits": "traffic",
    "community_building": "community", "audience": "community",
    "sales": "conversions", "revenue": "conversions", "conversion": "conversions",
    "lead_generation": "leads", "lead_gen": "leads", "lead": "leads",
    "support": "customer_service", "customer_support": "customer_service",
    "listening": "social_listening", "press": "press_mentions", "pr": "press_mentions",
    "hiring": "recruiting", "recruitment": "recruiting", "talent": "recruiting",
}  # fmt: skip


class Direction(enum.StrEnum):
    """Whether more of a metric is better (followers) or less (bounce rate)."""

    HIGHER = "higher"
    LOWER = "lower"


class MetricKind(enum.StrEnum):
    """A *stock* is measured at a point in time (followers), a *flow* is counted per
    period (visits per month), a *ratio* divides two flows (click-through rate)."""

    STOCK = "stock"
    FLOW = "flow"
    RATIO = "ratio"


# -- channels ----------------------------------------------------------------------------

_CHANNEL_ALIASES: dict[str, str] = {
    "twitter": "x", "x": "x", "t.co": "x", "x.com": "x", "twitter.com": "x",
    "mobile.twitter.com": "x", "tw": "x",
    # the network as teams have named it since its rename ("X (Twitter)", "Twitter/X")
    "x (twitter)": "x", "twitter (x)": "x", "x/twitter": "x", "twitter/x": "x",
    "x / twitter": "x", "twitter / x": "x", "x (formerly twitter)": "x", "x-twitter": "x",
    "x twitter": "x", "twitter x": "x", "x (ex-twitter)": "x", "x.com (twitter)": "x",
    "facebook": "facebook", "fb": "facebook", "fb.com": "facebook", "fb.me": "facebook",
    "facebook.com": "facebook", "m.facebook.com": "facebook", "l.facebook.com": "facebook",
    "lm.facebook.com": "facebook", "meta": "facebook",
    "linkedin": "linkedin", "linked in": "linkedin", "lnkd.in": "linkedin",
    "linkedin.com": "linkedin", "li": "linkedin",
    "instagram": "instagram", "ig": "instagram", "instagram.com": "instagram",
    "l.instagram.com": "instagram", "insta": "instagram",
    "youtube": "youtube", "yt": "youtube", "youtube.com": "youtube", "youtu.be": "youtube",
    "m.youtube.com": "youtube",
    "tiktok": "tiktok", "tiktok.com": "tiktok", "tik tok": "tiktok",
    "pinterest": "pinterest", "pin.it": "pinterest", "pinterest.com": "pinterest",
    "threads": "threads", "threads.net": "threads",
    "reddit": "reddit", "reddit.com": "reddit", "out.reddit.com": "reddit",
    "snapchat": "snapchat", "snap": "snapchat",
    "bluesky": "bluesky", "bsky": "bluesky", "bsky.app": "bluesky",
    "mastodon": "mastodon", "whatsapp": "whatsapp", "wa.me": "whatsapp",
    "messenger": "facebook", "discord": "discord", "discord.gg": "discord", "slack": "slack",
    "twitch": "twitch", "twitch.tv": "twitch", "quora": "quora", "quora.com": "quora",
    "glassdoor": "glassdoor", "vimeo": "vimeo", "tumblr": "tumblr", "telegram": "telegram",
    "t.me": "telegram",
    "all": "all", "all channels": "all", "social": "all",
    # Android apps, as a referrer names them ("android-app://com.linkedin.android/")
    "com.linkedin.android": "linkedin", "com.facebook.katana": "facebook",
    "com.facebook.lite": "facebook", "com.facebook.orca": "facebook",
    "com.instagram.android": "instagram", "com.twitter.android": "x",
    "com.zhiliaoapp.musically": "tiktok", "com.ss.android.ugc.trill": "tiktok",
    "com.google.android.youtube": "youtube", "com.pinterest": "pinterest",
    "com.reddit.frontpage": "reddit", "com.snapchat.android": "snapchat",
    "com.whatsapp": "whatsapp", "org.telegram.messenger": "telegram",
    "com.instagram.barcelona": "threads",
}  # fmt: skip

#: the channel of email traffic, whichever tool sent the email: a CRM's "Email
#: marketing", GA4's Email group ("newsletter / email", "mailchimp / email")
EMAIL = "email"

#: the names email tools, webmail and mail apps give as a source or referrer (GA4's
#: Email group): one channel, :data:`EMAIL`, so that their visits meet a CRM's email leads
_EMAIL_SOURCES = frozenset({
    "email", "e-mail", "e_mail", "e mail", "newsletter", "newsletters",
    "mailchimp", "mailchi.mp", "klaviyo", "sendgrid", "brevo", "sendinblue", "mailerlite",
    "hs_email", "hs_automation", "hubspot email", "hubspot_email", "hubspot-email",
    "activecampaign", "convertkit", "constant contact", "constantcontact",
    "gmail", "mail.google.com", "com.google.android.gm", "outlook.live.com",
    "outlook.office.com", "outlook.office365.com", "mail.yahoo.com",
})  # fmt: skip


@functools.cache
def _channel_aliases() -> dict[str, str]:
    table = dict(_CHANNEL_ALIASES)
    for alias, channel in plugins.collect("goalrules_channel_aliases"):
        table[str(alias).strip().lower()] = str(channel).strip().lower()
    return table


plugins.on_reset(_channel_aliases.cache_clear)

#: the channel of sessions with no source (no ``utm_source``, no referrer)
UNATTRIBUTED = "(none)"

KNOWN_CHANNELS: tuple[str, ...] = tuple(sorted(set(_CHANNEL_ALIASES.values())))


def normalize_channel(name: str) -> str:
    """The canonical name of a channel: ``"Twitter"`` -> ``"x"``, ``"fb"`` -> ``"facebook"``.

    Unknown names are kept (lower-cased): a team may use a network this table does not
    know yet. Domains lose ``www.`` and a path. Email tools and webmail (``mailchimp``,
    ``newsletter``, ``hs_email``, ``mail.google.com``) are the channel ``"email"``.

    >>> normalize_channel("m.facebook.com"), normalize_channel("Twitter")
    ('facebook', 'x')
    """
    if not isinstance(name, str):
        raise ValidationError(f"expected a channel name, got {name!r}")
    key = name.strip().lower()
    key = re.sub(r"^(?:https?|android-app)://", "", key)
    key = key.split("/", 1)[0] if "." in key.split("/", 1)[0] else key
    key = key.removeprefix("www.")
    if not key:
        raise ValidationError("a channel name cannot be empty")
    aliases = _channel_aliases()
    found = aliases.get(key)
    if found is not None:
        return found
    if key.endswith(_KINDS):  # "instagram business", "linkedin company page"
        kind = _KIND_OF_ACCOUNT.fullmatch(key)
        if kind is not None and kind[1] in aliases and aliases[kind[1]] != "all":
            return aliases[kind[1]]
    return EMAIL if key in _EMAIL_SOURCES else key


#: the kinds of account or place on a network a tool may add to its name (tested with
#: ``str.endswith`` first: every row's channel is read here)
_KINDS = ("business", "page", "company", "profile", "channel", "account", "app")
_KIND_OF_ACCOUNT = LazyPattern(rf"(.+?)[\s_-]+(?:company page|{'|'.join(_KINDS)})")


#: ad platforms named after a search engine or marketplace rather than a network
#: ("Google Ads", "Microsoft Ads"): their paid half, classified as paid search
_AD_PLATFORMS = frozenset({"google", "bing", "microsoft", "amazon", "yahoo", "apple search"})

_ADS = LazyPattern(r"(.+?)[\s_\-]*ads")


def paid_network(channel: str) -> str | None:
    """The network of an ad platform's name, already normalised: ``"facebook ads"``,
    ``"fb_ads"``, ``"linkedin-ads"`` -> ``"facebook"``, ``"facebook"``, ``"linkedin"``;
    ``"google ads"`` -> ``"google"``. ``None`` when the name is no network's ads (a
    channel the team calls ``"leads"`` or ``"ads"`` stays as named).

    >>> paid_network("facebook ads"), paid_network("meta ads"), paid_network("ads")
    ('facebook', 'facebook', None)
    """
    if not channel.endswith("ads"):
        return None
    m = _ADS.fullmatch(channel)
    if m is None:
        return None
    stem = m.group(1).strip()
    known = _channel_aliases()
    network = known.get(stem)
    if network is not None and network != "all":
        return network
    return stem if stem in _AD_PLATFORMS else None
