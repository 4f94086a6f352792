"""The network a row of a network export is for: the export's own (LinkedIn's, X's), a
column naming it (a suite's *Network*), a post's permalink (Meta's content export, with
its post type when the permalink is empty), or the file's name (``buffer-instagram.csv``);
never a guess when none says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from goalrules.errors import DataError
from goalrules.io.attribution import normalize_source
from goalrules.io.exports.presets import Match
from goalrules.vocabulary import KNOWN_CHANNELS, normalize_channel


def channel_of(match: Match, cells: Sequence[Any], line: int) -> str:
    spec = match.preset.channel
    if "fixed" in spec:
        title = match.title()
        for word, channel in match.preset.title_channel.items():
            if word in title:
                return channel
        return str(spec["fixed"])
    column = match.find(spec.get("column", ()))
    if column is not None:
        value = str(cells[match.columns[column]]).strip()
        if spec.get("from") == "permalink":
            if not value:  # no link: the post type may say (IG reel), else no guess
                return _network_of_type(match, cells, line, column)
            channel = normalize_source(value)
            if channel in KNOWN_CHANNELS:
                return channel
            return str(spec.get("fallback", channel))
        if value:
            return normalize_channel(value)
    if spec.get("from_name"):
        named = _networks_named(match.sheet.name)
        if len(named) > 1:
            raise DataError(
                f"the file's name names {' and '.join(named)}: which network is this export "
                "for? Rename the file to name only that one (e.g. 'instagram-2026.csv')",
                source=match.sheet.source,
                line=line,
            )
        if named:
            return named[0]
    raise DataError(
        "this export does not say which network it is for: include the network in the "
        "file's name (e.g. 'instagram-2026.csv') or pass channel=",
        source=match.sheet.source,
        line=line,
    )


def _network_of_type(match: Match, cells: Sequence[Any], line: int, link: str) -> str:
    """The network of a post whose permalink is empty, from its post type (Meta writes
    ``IG reel``, ``IG image`` for Instagram); an error naming the line when it does not
    say (the export mixes Facebook and Instagram posts: never a guess)."""
    column = match.find(match.preset.channel.get("type", ()))
    kind = str(cells[match.columns[column]]).strip().lower() if column else ""
    if re.match(r"ig\b|ig-|instagram", kind):
        return "instagram"
    if re.match(r"fb\b|facebook", kind):
        return "facebook"
    raise DataError(
        f"the post has no {link!r}"
        + (f" and its type {kind!r} does not say its network" if kind else "")
        + ": is it a Facebook or an Instagram post? Export it again with its permalink",
        source=match.sheet.source,
        line=line,
        field=link,
    )


def _networks_named(name: str) -> list[str]:
    """The networks a file's name names, as whole words (``buffer-linkedin.csv``)."""
    name = name.lower()
    found = [
        alias
        for alias in sorted(KNOWN_CHANNELS)
        if alias not in ("all", "x") and re.search(rf"(?<![a-z]){alias}(?![a-z])", name)
    ]
    if re.search(r"(?<![a-z])(?:x|twitter)(?![a-z])", name):
        found.append("x")
    return found
