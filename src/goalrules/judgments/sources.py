"""Which sources are social channels to judge and which are context: GA4's default
channel grouping as data.

The groups live in ``rules/source_groups.toml`` (GA4's rules for source / medium, the
social networks' referrer domains, AI assistants); a plugin adds groups of its own
through the ``goalrules_source_groups`` hook, tried before the shipped ones.
:func:`classify_source` names the group of a source and medium; :func:`context_shares`
sums the sources that are not judged (search, direct, email, referral...) into their
share of visits, leads and customers.
"""

from __future__ import annotations

import contextlib
import functools
import math
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from goalrules import plugins
from goalrules.errors import ValidationError
from goalrules.numbers import format_count, format_percent
from goalrules.patterns import LazyPattern
from goalrules.vocabulary import UNATTRIBUTED, normalize_channel

__all__ = [
    "MEDIUM_GROUPS",
    "SourceGroup",
    "SourceShare",
    "classify_source",
    "context_shares",
    "known_sum",
    "medium_group_channel",
    "source_groups",
]

_SHIPPED = "goalrules/rules/source_groups.toml"


@attrs.frozen
class SourceGroup:
    """A group of sources (GA4's "Organic Social", "Organic Search", "Direct"...) and
    whether its channels are judged (keep, optimize, cut) or shown as context."""

    name: str
    judged: bool
    source: re.Pattern[str] | LazyPattern | None = attrs.field(default=None, eq=False, repr=False)
    medium: re.Pattern[str] | LazyPattern | None = attrs.field(default=None, eq=False, repr=False)

    def matches(self, sources: Sequence[str], medium: str) -> bool:
        if self.source is None and self.medium is None:
            return True
        if self.source is not None and not any(self.source.fullmatch(s) for s in sources):
            return False
        return self.medium is None or self.medium.fullmatch(medium) is not None


def _pattern(value: Any, where: str, shipped: bool) -> re.Pattern[str] | LazyPattern | None:
    """A group's pattern; a plugin's is compiled now, so that a wrong one is an error
    when the groups are read. The shipped ones (tested to compile) are compiled when
    first tried: classifying a few sources tries only the groups before theirs."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"{where}: expected a regular expression, got {value!r}")
    if shipped:
        return LazyPattern(value, re.IGNORECASE)
    try:
        return re.compile(value, re.IGNORECASE)
    except re.error as exc:
        raise ValidationError(f"{where}: not a regular expression ({exc})") from None


def _groups(data: Mapping[str, Any], source: str, *, shipped: bool = False) -> list[SourceGroup]:
    items = data.get("group")
    if not isinstance(items, list):
        raise ValidationError(f"{source}: expected [[group]] tables")
    out = []
    for i, item in enumerate(items, start=1):
        where = f"{source}: group {i}"
        if not isinstance(item, Mapping) or not isinstance(item.get("name"), str):
            raise ValidationError(f"{where}: a group needs a name")
        unknown = set(item) - {"name", "judged", "source", "medium"}
        if unknown:
            raise ValidationError(f"{where}: unknown key {', '.join(sorted(unknown))}")
        judged = item.get("judged", False)
        if not isinstance(judged, bool):
            raise ValidationError(f"{where}: judged is true or false, not {judged!r}")
        out.append(SourceGroup(item["name"], judged, _pattern(item.get("source"), where, shipped),
                               _pattern(item.get("medium"), where, shipped)))  # fmt: skip
    return out


def _read(item: Any) -> list[SourceGroup]:
    """Groups from a plugin: TOML text, a path to a TOML file, or mappings of groups."""
    if isinstance(item, Mapping):
        return _groups(item, "a goalrules_source_groups plugin")
    if isinstance(item, (list, tuple)):
        return _groups({"group": list(item)}, "a goalrules_source_groups plugin")
    text, source = str(item), "a goalrules_source_groups plugin"
    if "\n" not in text and "=" not in text:
        source = text
        try:
            with open(text, encoding="utf-8") as fh:
                text = fh.read()
        except OSError as exc:
            raise ValidationError(f"{source}: {exc.strerror}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"{source}: {exc}") from None
    return _groups(data, source)


@functools.cache
def source_groups() -> tuple[SourceGroup, ...]:
    """The groups in the order they are tried: the plugins' first, then the shipped."""
    from importlib import resources

    text = resources.files("goalrules").joinpath("rules/source_groups.toml").read_text("utf-8")
    shipped = _groups(tomllib.loads(text), _SHIPPED, shipped=True)
    extra: list[SourceGroup] = []
    for item in plugins.plugin_manager().hook.goalrules_source_groups():
        if item is not None:
            extra += _read(item)
    return (*extra, *shipped)


plugins.on_reset(source_groups.cache_clear)


@functools.lru_cache(maxsize=4096)
def classify_source(source: str, medium: str | None = None) -> SourceGroup:
    """The group of a source (a ``utm_source``, a referrer domain or a channel name) and
    its medium (``cpc``, ``referral``, ``email``..., or goalrules' ``organic`` / ``paid``).

    >>> classify_source("l.facebook.com", "referral").name
    'Organic Social'
    >>> classify_source("google", "organic").name, classify_source("(direct)", "(none)").name
    ('Organic Search', 'Direct')
    """
    raw = (source or "").strip().lower()
    names = [raw]
    if raw:
        with contextlib.suppress(ValidationError):
            names.append(normalize_channel(raw))
    else:
        names.append(UNATTRIBUTED)
    med = (medium or "").strip().lower()
    for group in source_groups():
        if group.matches(names, med):
            return group
    return SourceGroup("Unassigned", True)


plugins.on_reset(classify_source.cache_clear)


#: the groups not judged that a medium alone puts a source in (GA4's rules for referral,
#: affiliate, SMS, push and display mediums), by the channel that names their visits, as
#: a report by GA4's default channel group names them
MEDIUM_GROUPS = {
    "Referral": "referral",
    "Affiliates": "affiliates",
    "SMS": "sms",
    "Mobile Push Notifications": "push",
    "Display": "display",
}


@functools.lru_cache(maxsize=4096)
def medium_group_channel(channel: str, medium: str) -> str | None:
    """When ``medium`` (as given: ``referral``, ``affiliate``...) alone puts a source of
    ``channel`` (a name as normalised, that no group knows) in a group not judged: the
    channel GA4's default channel group names such visits (``partnerblog / referral`` is
    ``referral``); ``None`` for any other row. A medium read as organic or paid alone
    loses the group, and the site would be judged as a channel of its own beside the
    networks: an import names it by its group, a row keeps its medium as given
    (:class:`~goalrules.model.ChannelMonth`). A source known by its name (a network, a
    search engine) is not one (``tiktok / display`` is TikTok's paid half).

    >>> medium_group_channel("partnerblog", "referral")
    'referral'
    >>> medium_group_channel("facebook", "referral") is None
    True
    """
    group = classify_source(channel, medium).name
    if group not in MEDIUM_GROUPS:
        return None
    from goalrules.model.series import _medium  # (the model reads rows through this)

    if classify_source(channel, _medium(medium)).name != "Unassigned":
        return None
    return MEDIUM_GROUPS[group]


plugins.on_reset(medium_group_channel.cache_clear)


@attrs.frozen
class SourceShare:
    """A group of sources shown as context: its totals and shares of all sources."""

    group: str
    sources: tuple[str, ...]
    visits: float | None  # None: not measured for every source of the group
    leads: float | None  # None: not measured for every source of the group
    customers: float | None  # None: not measured for every source of the group
    visits_share: float | None
    leads_share: float | None
    customers_share: float | None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self, recurse=False) | {"sources": list(self.sources)}

    def describe(self) -> str:
        """One line: ``Organic Search (google): 24,553 visits (48.8 % of all), ...``."""

        def share(x: float | None) -> str:
            return "" if x is None else f" ({format_percent(x)} of all)"

        return (f"{self.group} ({', '.join(self.sources)}): {_count(self.visits, 'visits')}"
                f"{share(self.visits_share)}, {_count(self.leads, 'leads')}"
                f"{share(self.leads_share)}, "
                f"{_customers(self.customers)}{share(self.customers_share)}")  # fmt: skip


def _count(n: float | None, what: str) -> str:
    return f"{what} unknown (not measured)" if n is None else f"{format_count(n)} {what}"


def _customers(n: float | None) -> str:
    return "customers not measured" if n is None else format_count(n, "customer")


def known_sum(values: Iterable[float | None]) -> float | None:
    """The exactly rounded sum of ``values``; ``None`` (unknown) when one of them is
    ``None`` (not measured): never the sum of the known ones shown as the total."""
    got = list(values)
    return None if any(v is None for v in got) else math.fsum(v for v in got if v is not None)


def context_shares(
    context: Iterable[tuple[str, str, float | None, float | None, float | None]],
    totals: tuple[float | None, float | None, float | None],
) -> tuple[SourceShare, ...]:
    """``(group, source, visits, leads, customers)`` rows summed per group, with their
    shares of ``totals`` (all sources' visits, leads, customers), largest first.
    A count not measured (``None``) makes the group's count and share unknown."""
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    names: dict[str, set[str]] = defaultdict(set)
    for group, source, visits, leads, customers in context:
        acc = sums[group]
        acc[0] += math.nan if visits is None else visits  # NaN: unknown
        acc[1] += math.nan if leads is None else leads
        acc[2] += math.nan if customers is None else customers  # NaN: unknown
        names[group].add(source)

    def share(x: float | None, total: float | None) -> float | None:
        return x / total if x is not None and total else None

    def known(x: float) -> float | None:
        return None if math.isnan(x) else x

    out = [
        SourceShare(
            group,
            tuple(sorted(names[group])),
            known(v),
            known(le),
            known(c),
            share(known(v), totals[0]),
            share(known(le), totals[1]),
            share(known(c), totals[2]),
        )
        for group, (v, le, c) in sums.items()
    ]
    # (visits not measured: after those measured, as though none)
    return tuple(sorted(out, key=lambda s: (-(s.visits or 0.0), s.visits is None, s.group)))
