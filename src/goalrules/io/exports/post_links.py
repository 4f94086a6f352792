"""A post's link as the one key of the post, whichever way an export spelled it.

The same post comes under several links: TikTok's ``?lang=en`` and
``?is_from_webapp=1``, Instagram's ``?igsh=``, X's ``?s=20``, a trailing slash, ``http``
for ``https``, ``m.`` or ``www.`` before the site, ``twitter.com`` for ``x.com``. Read as
written, they were two posts, their views summed twice.

>>> post_link("https://www.tiktok.com/@c/video/74?lang=en") == post_link("http://tiktok.com/@c/video/74/")
True
>>> post_link("https://www.facebook.com/permalink.php?story_fbid=1&id=9")
'facebook.com/permalink.php?id=9&story_fbid=1'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit

#: query parameters that say how a link was shared or shown, never which post it is
_NOT_THE_POST = frozenset({
    "lang", "is_from_webapp", "sender_device", "sender_web_id", "web_id", "is_copy_url",
    "igsh", "igshid", "img_index", "s", "t", "si", "ref", "ref_src", "ref_url", "feature",
    "fbclid", "mibextid", "rdid", "share_url", "share_app_id", "share_item_id", "locale",
    "hl", "_r", "_t", "tt_from", "u_code", "timestamp", "user_id", "source", "from",
    "comment_id", "notif_id", "notif_t", "__cft__", "__tn__", "sfnsn", "app",
})  # fmt: skip
#: a site's other names: the key names it one way
_SAME_SITE = {"twitter.com": "x.com", "mobile.twitter.com": "x.com", "fb.com": "facebook.com"}
_PREFIX = re.compile(r"^(?:www|m|mobile|web|business)\.")


def post_link(value: str) -> str:
    """The key of the post ``value`` names: a link without its scheme, the ``www.`` or
    ``m.`` before its site, its trailing slash, its fragment and the query parameters
    that say how it was shared (those that name the post, ``story_fbid``, ``v``, are
    kept, sorted); anything that is no link (an id) as written."""
    text = value.strip()
    if not re.match(r"^(?:https?://|www\.)", text, re.IGNORECASE):
        return text
    parts = urlsplit(text if "://" in text else f"https://{text}")
    host = _PREFIX.sub("", (parts.hostname or "").lower())
    host = _SAME_SITE.get(host, host)
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in _NOT_THE_POST and not k.lower().startswith("utm_")
    )
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")
