"""The metric catalog: what each metric means, how it is computed, its unit, whether
more is better, whether it is a stock, a flow or a ratio, and which objectives it
measures; plus the platform-fit table (which networks suit which objectives).

The module is ``goalrules.metrics``; the mapping itself is ``goalrules.catalog`` (a
module of that name would shadow the mapping on the package).

``catalog`` is a read-only mapping from key to :class:`MetricDefinition`. Aliases work
as keys too (``catalog["ctr"]``); an unknown key raises
:class:`~goalrules.errors.UnknownMetricError` naming close matches. Plugins add
metrics through the ``goalrules_metrics`` hook.
"""

from __future__ import annotations

import ast
import functools
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from goalrules import plugins
from goalrules.errors import (
    GoalRulesError,
    PluginError,
    UnitError,
    UnknownMetricError,
    ValidationError,
)
from goalrules.units import DimensionKey, dimension_key, format_dimension, unit_info
from goalrules.vocabulary import Direction, MetricKind, Objective, normalize_channel

__all__ = [
    "PLATFORM_FIT",
    "Catalog",
    "MetricDefinition",
    "catalog",
    "channel_fits",
    "formula_names",
    "metrics_for",
]

H, L = Direction.HIGHER, Direction.LOWER
S, F, R = MetricKind.STOCK, MetricKind.FLOW, MetricKind.RATIO
O = Objective  # noqa: E741

_BINOPS: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
}


def _formula_tree(formula: str) -> ast.expr:
    try:
        tree = ast.parse(formula, mode="eval").body
    except SyntaxError as exc:
        raise GoalRulesError(f"formula {formula!r} does not parse: {exc.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(
            node, (ast.BinOp, ast.Name, ast.Constant, ast.Load, *_BINOPS, ast.UnaryOp, ast.USub)
        ):
            raise GoalRulesError(f"formula {formula!r}: only + - * / on metric names are allowed")
        if isinstance(node, ast.Constant) and not isinstance(node.value, (int, float)):
            raise GoalRulesError(f"formula {formula!r}: only numbers may appear as constants")
    return tree


def formula_names(formula: str) -> tuple[str, ...]:
    """The metric keys a formula refers to, in order of first use."""
    names = [n.id for n in ast.walk(_formula_tree(formula)) if isinstance(n, ast.Name)]
    return tuple(dict.fromkeys(names))


def _fold(node: ast.expr, leaf: Callable[[str], Any], const: Callable[[float], Any]) -> Any:
    if isinstance(node, ast.Name):
        return leaf(node.id)
    if isinstance(node, ast.Constant):
        value = node.value
        assert isinstance(value, (int, float))
        return const(float(value))
    if isinstance(node, ast.UnaryOp):
        return -_fold(node.operand, leaf, const)
    assert isinstance(node, ast.BinOp)
    return _BINOPS[type(node.op)](_fold(node.left, leaf, const), _fold(node.right, leaf, const))


def _objectives(values: Iterable[Objective | str]) -> tuple[Objective, ...]:
    return tuple(Objective.parse(x) for x in values)


def _aliases(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(str(v).strip().lower().replace(" ", "_") for v in values)


@attrs.frozen
class MetricDefinition:
    """One metric of the catalog.

    ``unit`` is a unit text of the goalrules registry (``"follower"``, ``"percent"``,
    ``"USD / lead"``, ``"hour"``); ``formula`` (optional) computes the metric from other
    catalog metrics with ``+ - * /`` (``"engagements / post_reach"``).
    """

    key: str
    name: str
    unit: str
    direction: Direction = attrs.field(converter=Direction)
    kind: MetricKind = attrs.field(converter=MetricKind)
    formula: str | None = None
    objectives: tuple[Objective, ...] = attrs.field(default=(), converter=_objectives)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_aliases)
    description: str = ""

    @property
    def dimension(self) -> DimensionKey:
        """The unit's dimension after the count-ratio rule (see :mod:`goalrules.units`)."""
        return unit_info(self.unit).key

    @property
    def can_be_negative(self) -> bool:
        """Whether a value below zero can be real: money, rates and net changes (net new
        followers: more unfollows than follows) can, counts cannot."""
        return (
            self.kind is MetricKind.RATIO
            or self.unit in ("USD", "percent", "percentage_point")
            or self.key.startswith("new_")
        )

    @property
    def never_negative(self) -> bool:
        """Whether no value of the metric is below zero: counts, and rates whose formula
        adds, multiplies and divides only such metrics (engagements over reach, clicks
        over impressions); not net changes (net new followers over followers) or a
        difference (NPS)."""
        return not self.can_be_negative or self.share_of_a_whole or _sums_of_counts(self, 0)

    @property
    def share_of_a_whole(self) -> bool:
        """Whether the metric is a part over the whole it is a part of (the bounce rate:
        single-page sessions among sessions; CSAT, share of voice): never past 100 %.
        Rates whose numerator may outnumber their denominator (engagements by reach,
        conversions by clicks) are not."""
        return self.key in SHARES_OF_A_WHOLE

    @property
    def words(self) -> str:
        """The metric as a sentence names it: "followers", "engagement rate by reach"."""
        return self.name.lower()

    @property
    def higher_is_better(self) -> bool:
        return self.direction is Direction.HIGHER

    def inputs(self) -> tuple[str, ...]:
        """The catalog metrics the formula reads (``()`` for a measured metric)."""
        return formula_names(self.formula) if self.formula else ()

    def compute(self, values: Mapping[str, float]) -> float:
        """Evaluate the formula on plain numbers given in each input's catalog unit.

        The result is in this metric's unit (a ratio shown in percent is returned as
        a fraction times 100 when the unit is ``percent``).

        >>> round(catalog["click_through_rate"].compute({"clicks": 30, "impressions": 1000}), 6)
        3.0
        """
        if not self.formula:
            raise GoalRulesError(f"metric {self.key!r} has no formula")
        tree = _formula_tree(self.formula)
        missing = [n for n in self.inputs() if n not in values]
        if missing:
            raise GoalRulesError(f"computing {self.key!r} needs {', '.join(missing)}")
        cat = catalog

        def leaf(name: str) -> float:
            return float(values[name]) * unit_info(cat[name].unit).factor

        try:
            base = _fold(tree, leaf, lambda x: x)
        except ZeroDivisionError:
            raise GoalRulesError(f"computing {self.key!r} divides by zero") from None
        return float(base) / unit_info(self.unit).factor

    def check_formula(self) -> None:
        """Raise unless every name is a catalog metric and the units work out."""
        if not self.formula:
            return
        from goalrules.units import registry

        ureg = registry()
        cat = catalog
        for name in self.inputs():
            if name not in cat:
                raise UnknownMetricError(name, cat.keys(), field=f"{self.key}.formula")
        try:
            result = _fold(
                _formula_tree(self.formula),
                lambda n: ureg.Quantity(1.0, cat[n].unit),
                lambda x: ureg.Quantity(x, "dimensionless"),
            )
        except GoalRulesError:
            raise
        except Exception as exc:
            raise UnitError(f"formula of {self.key!r} mixes units: {exc}") from None
        got = dimension_key(result.to_base_units().dimensionality)
        if got != self.dimension:
            raise UnitError(
                f"formula of {self.key!r} gives {format_dimension(got)}, "
                f"but the metric is in {format_dimension(self.dimension)}"
            )


def _sums_of_counts(defn: MetricDefinition, depth: int) -> bool:
    """Whether ``defn``'s formula adds, multiplies and divides only catalog metrics that
    are never negative and constants that are not."""
    if not defn.formula or depth > 8:
        return False
    try:
        tree = _formula_tree(defn.formula)
    except GoalRulesError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, (ast.Sub, ast.USub, ast.UnaryOp)):
            return False
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, (int, float))
            and node.value < 0
        ):
            return False
        if isinstance(node, ast.Name):
            used = catalog.get(node.id)
            if used is None:
                return False
            if used.can_be_negative and not _sums_of_counts(used, depth + 1):
                return False
    return True


#: the catalog metrics that are a part over the whole it is a part of
SHARES_OF_A_WHOLE = frozenset({
    "bounce_rate", "share_of_traffic", "share_of_voice", "sentiment_score",
    "resolution_rate", "csat", "source_of_hire_share",
})  # fmt: skip


def _m(
    key: str,
    name: str,
    unit: str,
    direction: Direction,
    kind: MetricKind,
    formula: str | None = None,
    objectives: tuple[Objective, ...] = (),
    aliases: tuple[str, ...] = (),
    description: str = "",
) -> MetricDefinition:
    return MetricDefinition(
        key, name, unit, direction, kind, formula, objectives, aliases, description
    )


_BUILTIN: tuple[MetricDefinition, ...] = (
    # brand awareness
    _m("post_reach", "Post reach", "person", H, F, None, (O.BRAND_AWARENESS,), ("reach",),
       "Unique people who saw a post."),
    _m("impressions", "Impressions", "impression", H, F, None, (O.BRAND_AWARENESS,), (),
       "Times content was shown, counting repeats."),
    _m("followers", "Followers", "follower", H, S, None, (O.BRAND_AWARENESS, O.COMMUNITY),
       ("audience", "audience_size", "fans", "subscribers", "follower_count"),
       "Accounts following the profile at a point in time."),
    _m("new_followers", "Net new followers", "follower", H, F, None, (), ("net_new_followers",),
       "Followers gained minus followers lost in the period."),
    _m("audience_growth_rate", "Audience growth rate", "percent", H, R,
       "new_followers / followers", (O.BRAND_AWARENESS,), ("follower_growth_rate", "growth_rate"),
       "Net new followers in the period over the followers at its start."),
    _m("potential_reach", "Potential reach", "person", H, S, None, (O.BRAND_AWARENESS,), (),
       "People who could have seen a post (followers plus their networks)."),
    _m("share_of_voice", "Share of voice", "percent", H, R,
       "mentions / (mentions + competitor_mentions)",
       (O.BRAND_AWARENESS, O.REPUTATION, O.SOCIAL_LISTENING), ("sov",),
       "Brand mentions over brand plus competitor mentions."),
    _m("video_views", "Video views", "view", H, F, None, (O.BRAND_AWARENESS,), ("views",),
       "Times videos were watched."),
    # reputation
    _m("sentiment_score", "Sentiment score", "percent", H, R,
       "positive_mentions / (positive_mentions + negative_mentions)",
       (O.REPUTATION, O.SOCIAL_LISTENING), ("sentiment",),
       "Positive mentions over positive plus negative mentions."),
    _m("nps", "Net Promoter Score", "percentage_point", H, R,
       "(promoters - detractors) / responses", (O.REPUTATION,), ("net_promoter_score",),
       "Share of promoters minus share of detractors, in points (-100..100)."),
    # traffic
    _m("visits", "Visits from social", "visit", H, F, None, (O.TRAFFIC,),
       ("sessions", "traffic", "website_visits", "social_visits", "clicks_to_site"),
       "Website sessions that came from social media."),
    _m("click_through_rate", "Click-through rate", "percent", H, R, "clicks / impressions",
       (O.TRAFFIC,), ("ctr",), "Clicks over impressions."),
    _m("bounce_rate", "Bounce rate", "percent", L, R, "single_page_sessions / visits",
       (O.TRAFFIC,), (), "Single-page sessions over sessions (lower is better)."),
    _m("share_of_traffic", "Share of traffic from social", "percent", H, R,
       "visits / total_visits", (O.TRAFFIC,), ("social_share_of_traffic",),
       "Sessions from social over all website sessions."),
    # engagement
    _m("engagement_rate_by_reach", "Engagement rate by reach", "percent", H, R,
       "engagements / post_reach", (O.ENGAGEMENT,), ("err", "engagement_rate"),
       "Engagements on a post over its reach, averaged over posts."),
    _m("post_engagement_rate", "Post engagement rate", "percent", H, R,
       "engagements / followers", (O.ENGAGEMENT,), ("engagement_rate_by_followers",),
       "Engagements over followers."),
    _m("daily_engagement_rate", "Daily engagement rate", "percent", H, R,
       "daily_engagements / followers", (O.ENGAGEMENT,), ("daily_er",),
       "Daily engagements over followers."),
    _m("amplification_rate", "Amplification rate", "percent", H, R, "shares / followers",
       (O.ENGAGEMENT,), (), "Shares over followers."),
    _m("virality_rate", "Virality rate", "percent", H, R, "shares / impressions",
       (O.ENGAGEMENT,), (), "Shares over impressions."),
    _m("engagements", "Engagements", "engagement", H, F, None, (O.ENGAGEMENT,),
       ("interactions", "total_engagements"), "Likes, comments, shares, saves and clicks."),
    # community
    _m("active_members", "Active members", "member", H, S, None, (O.COMMUNITY,), (),
       "Members who posted or engaged in the period."),
    _m("comments", "Comments", "comment", H, F, None, (O.COMMUNITY,), ("replies",),
       "Comments received."),
    _m("user_generated_posts", "User-generated posts", "post", H, F, None, (O.COMMUNITY,),
       ("ugc", "user_generated_content"), "Posts about the brand made by its audience."),
    # conversions
    _m("conversions", "Conversions", "conversion", H, F, None, (O.CONVERSIONS,), ("sales",),
       "Completed purchases, sign-ups or other goal actions."),
    _m("conversion_rate", "Conversion rate", "percent", H, R, "conversions / clicks",
       (O.CONVERSIONS,), ("cvr",), "Conversions over clicks."),
    _m("social_conversion_rate", "Social conversion rate", "percent", H, R,
       "social_conversions / clicks", (O.CONVERSIONS,), (),
       "Conversions from social over clicks from social."),
    _m("revenue", "Revenue", "USD", H, F, None, (O.CONVERSIONS,), ("sales_revenue",),
       "Revenue attributed to social."),
    _m("return_on_ad_spend", "Return on ad spend", "ratio", H, R, "revenue / spend",
       (O.CONVERSIONS,), ("roas",), "Revenue over ad spend."),
    _m("cost_per_acquisition", "Cost per acquisition", "USD / conversion", L, R,
       "spend / conversions", (O.CONVERSIONS,), ("cpa",), "Spend over conversions."),
    # leads
    _m("leads", "Leads", "lead", H, F, None, (O.LEADS,), ("contacts", "signups"),
       "Contacts who gave their details."),
    _m("leads_per_platform", "Leads per platform", "lead", H, F, None, (O.LEADS,), (),
       "Leads attributed to one network."),
    _m("lead_conversion_rate", "Lead conversion rate", "percent", H, R, "leads / visits",
       (O.LEADS,), ("lead_rate",), "Leads over visits."),
    _m("cost_per_lead", "Cost per lead", "USD / lead", L, R, "spend / leads", (O.LEADS,),
       ("cpl",), "Spend over leads."),
    # customer service
    _m("average_response_time", "Average response time", "hour", L, R, None,
       (O.CUSTOMER_SERVICE,), ("response_time", "avg_response_time"),
       "Mean time to the first reply (lower is better)."),
    _m("first_response_time", "First response time", "hour", L, R, None,
       (O.CUSTOMER_SERVICE,), ("frt",), "Time to the first reply (lower is better)."),
    _m("resolution_rate", "Resolution rate", "percent", H, R, "resolved_tickets / tickets",
       (O.CUSTOMER_SERVICE,), (), "Resolved conversations over conversations."),
    _m("csat", "Customer satisfaction (CSAT)", "percent", H, R,
       "satisfied_responses / responses", (O.CUSTOMER_SERVICE,),
       ("customer_satisfaction", "csat_score"), "Satisfied responses over responses."),
    # listening, press, recruiting
    _m("mentions", "Mentions", "mention", H, F, None, (O.SOCIAL_LISTENING,),
       ("brand_mentions",), "Mentions of the brand."),
    _m("press_mentions", "Press mentions", "mention", H, F, None, (O.PRESS_MENTIONS,),
       ("press_coverage",), "Articles and press pieces mentioning the brand."),
    _m("applications", "Applications", "application", H, F, None, (O.RECRUITING,),
       ("job_applications",), "Job applications received from social."),
    _m("hires", "Hires", "hire", H, F, None, (O.RECRUITING,), (), "People hired."),
    _m("source_of_hire_share", "Source-of-hire share", "percent", H, R,
       "social_hires / hires", (O.RECRUITING,), ("source_of_hire",),
       "Hires from social over all hires."),
    # building blocks for formulas
    _m("clicks", "Clicks", "click", H, F, None, (), ("link_clicks",), "Link clicks."),
    _m("profile_visits", "Profile visits", "visit", H, F, None, (), ("page_views", "profile_views"),
       "Visits to the account's page or profile on the network (LinkedIn page views, X "
       "profile visits, TikTok profile views); not visits to the website."),
    _m("shares", "Shares", "share", H, F, None, (), ("reposts", "retweets"), "Shares of posts."),
    _m("daily_engagements", "Daily engagements", "engagement", H, F, None, (), (),
       "Engagements in one day."),
    _m("spend", "Spend", "USD", L, F, None, (), ("ad_spend", "cost"), "Money spent."),
    _m("customers", "Customers", "customer", H, F, None, (O.CONVERSIONS,), ("new_customers",),
       "New customers attributed to social."),
    _m("competitor_mentions", "Competitor mentions", "mention", L, F, None, (), (),
       "Mentions of competitors."),
    _m("positive_mentions", "Positive mentions", "mention", H, F, None, (), (),
       "Mentions with a positive sentiment."),
    _m("negative_mentions", "Negative mentions", "mention", L, F, None, (), (),
       "Mentions with a negative sentiment."),
    _m("single_page_sessions", "Single-page sessions", "visit", L, F, None, (), ("bounces",),
       "Sessions that left after one page."),
    _m("total_visits", "All website visits", "visit", H, F, None, (), ("total_sessions",),
       "All website sessions, from every source."),
    _m("social_conversions", "Social conversions", "conversion", H, F, None, (), (),
       "Conversions from social."),
    _m("tickets", "Conversations", "ticket", L, F, None, (), ("cases", "conversations"),
       "Customer-service conversations opened."),
    _m("resolved_tickets", "Resolved conversations", "ticket", H, F, None, (), (),
       "Customer-service conversations resolved."),
    _m("responses", "Survey responses", "response", H, F, None, (), (), "Survey responses."),
    _m("satisfied_responses", "Satisfied responses", "response", H, F, None, (), (),
       "Responses rating the service as satisfying."),
    _m("promoters", "Promoters", "response", H, F, None, (), (), "NPS responses of 9 or 10."),
    _m("detractors", "Detractors", "response", L, F, None, (), (), "NPS responses of 0 to 6."),
    _m("social_hires", "Hires from social", "hire", H, F, None, (), (),
       "Hires whose source was social."),
    _m("cost_per_click", "Cost per click", "USD / click", L, R, "spend / clicks", (), ("cpc",),
       "Spend over clicks."),
    _m("cpm", "Cost per mille", "USD / thousand_impressions", L, R, "spend / impressions", (),
       ("cost_per_mille",), "Spend per thousand impressions."),
)  # fmt: skip


class Catalog(Mapping[str, MetricDefinition]):
    """Read-only mapping of metric key -> :class:`MetricDefinition` (aliases resolve)."""

    def _tables(self) -> tuple[dict[str, MetricDefinition], dict[str, str]]:
        return _build()

    def __getitem__(self, key: str) -> MetricDefinition:
        hit = _FOUND.get(key) if key.__class__ is str else None
        if hit is not None:  # a check looks a goal's metric up many times
            return hit
        found = self._lookup(key)
        if len(_FOUND) >= 4096:
            _FOUND.clear()
        _FOUND[key] = found
        return found

    def __contains__(self, key: object) -> bool:
        if key.__class__ is str:
            if key in _FOUND:
                return True
            if key in _MISSING:
                return False
        try:
            self[key]  # type: ignore[index]
        except KeyError:
            _missing(key)
            return False
        return True

    def get(self, key: str, default: Any = None) -> Any:
        """The definition of a key or alias, or ``default`` when there is none."""
        hit = _FOUND.get(key) if key.__class__ is str else None
        if hit is not None:
            return hit
        if key.__class__ is str and key in _MISSING:
            return default
        try:
            return self[key]
        except KeyError:
            _missing(key)
            return default

    def _lookup(self, key: str) -> MetricDefinition:
        """The definition of a key or alias, read from the tables (``__getitem__``
        keeps what it finds)."""
        metrics, aliases = self._tables()
        if not isinstance(key, str):
            raise UnknownMetricError(repr(key), metrics)
        k = key.strip().lower().replace(" ", "_").replace("-", "_")
        if k in metrics:
            return metrics[k]
        if k in aliases:
            return metrics[aliases[k]]
        raise UnknownMetricError(key, list(metrics) + list(aliases))

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables()[0])

    def __len__(self) -> int:
        return len(self._tables()[0])

    def __repr__(self) -> str:
        return f"<goalrules catalog of {len(self)} metrics>"

    def resolve(self, name: str) -> str:
        """The canonical key for a key or alias."""
        return self[name].key

    def for_objective(self, objective: Objective | str) -> tuple[MetricDefinition, ...]:
        """The metrics that measure ``objective``."""
        obj = Objective.parse(objective)
        return tuple(m for m in self.values() if obj in m.objectives)


@functools.cache
def _build() -> tuple[dict[str, MetricDefinition], dict[str, str]]:
    metrics: dict[str, MetricDefinition] = {m.key: m for m in _BUILTIN}
    for extra in plugins.collect("goalrules_metrics"):
        if not isinstance(extra, MetricDefinition):
            raise PluginError(f"a plugin returned {extra!r} where a MetricDefinition was expected")
        metrics[extra.key] = extra
    aliases: dict[str, str] = {}
    for m in metrics.values():
        for a in m.aliases:
            aliases.setdefault(a, m.key)
    return metrics, aliases


plugins.on_reset(_build.cache_clear)

_FOUND: dict[str, MetricDefinition] = {}
"""Keys and aliases as written, with the definition each names (cleared when plugins
change: they add metrics)."""
plugins.on_reset(_FOUND.clear)
_MISSING: set[str] = set()
"""Keys ``get`` and ``in`` found in no table (the error ``[]`` raises is built each time)."""
plugins.on_reset(_MISSING.clear)


def _missing(key: object) -> None:
    """Keep ``key``, a text no table holds, among the known misses."""
    if key.__class__ is str:
        if len(_MISSING) >= 4096:
            _MISSING.clear()
        _MISSING.add(key)


catalog = Catalog()
"""The metric catalog (a read-only mapping)."""


def metrics_for(objective: Objective | str) -> tuple[str, ...]:
    """Keys of the metrics that measure ``objective`` (the guides' objective table)."""
    return tuple(m.key for m in catalog.for_objective(objective))


def _fit_table(text: str, source: str) -> dict[str, frozenset[Objective]]:
    """The platform-fit table (``rules/platform_fit.table.csv``, a decision table with
    hit policy first) as {channel: objectives it suits}. Only its simple cells are read
    here: a network, ``in [...]`` or ``-`` for the objective, ``true`` or ``false``."""
    fit: dict[str, set[Objective]] = {}
    decided: set[tuple[str, Objective]] = set()
    header = False
    for n, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not header:
            header = True
            continue
        m = re.fullmatch(
            r'"?([\w.-]+)"?\s*,\s*(-|in\s*\[(.*)\]|"?[\w_]+"?)\s*,\s*(true|false)', line
        )
        if m is None:
            raise ValidationError(f"{source}:{n}: cannot read this row of the platform-fit table")
        channel = normalize_channel(m[1])
        if m[2] == "-":
            objectives = list(Objective)
        elif m[3] is not None:
            objectives = [
                Objective.parse(o.strip().strip('"')) for o in m[3].split(",") if o.strip()
            ]
        else:
            objectives = [Objective.parse(m[2].strip('"'))]
        for o in objectives:  # hit policy first: the first row that covers a pair decides
            if (channel, o) in decided:
                continue
            decided.add((channel, o))
            if m[4] == "true":
                fit.setdefault(channel, set()).add(o)
            else:
                fit.setdefault(channel, set())
    return {k: frozenset(v) for k, v in fit.items()}


@functools.cache
def platform_fit() -> Mapping[str, frozenset[Objective]]:
    """Which objectives each network suits: the shipped table, or the last one a plugin
    gives through the ``goalrules_platform_fit`` hook (a table's text or path)."""
    from importlib import resources

    text = resources.files("goalrules").joinpath("rules/platform_fit.table.csv").read_text("utf-8")
    source = "goalrules/rules/platform_fit.table.csv"
    for item in reversed(plugins.collect("goalrules_platform_fit")):  # the last one given
        if "\n" not in str(item):
            from goalrules.io.files import named_file, read_text

            source = str(item)  # (read within the limits, never standard input)
            text = read_text(named_file(item))
        else:
            text, source = str(item), "a goalrules_platform_fit plugin"
    return _fit_table(text, source)


plugins.on_reset(platform_fit.cache_clear)


#: Which objectives each network suits ({channel: objectives}): the platform-fit table,
#: read on first use (see :func:`platform_fit`).
PLATFORM_FIT: Mapping[str, frozenset[Objective]]


def __getattr__(name: str) -> Any:
    if name == "PLATFORM_FIT":  # read from the table on first use (plugins may replace it)
        return platform_fit()
    raise AttributeError(f"module 'goalrules.metrics' has no attribute {name!r}")


def channel_fits(
    channel: str,
    objective: Objective | str,
    table: Mapping[str, frozenset[Objective]] | None = None,
) -> bool | None:
    """Whether ``channel`` suits ``objective`` per the platform-fit table; ``None`` when
    the table does not know the channel.

    >>> channel_fits("LinkedIn", "leads"), channel_fits("tiktok", "customer_service")
    (True, False)
    """
    fit = table if table is not None else platform_fit()
    if table is None and channel.__class__ is str and isinstance(objective, str):
        # the shipped (or plugin's) table: a book asks about the same few pairs
        kept = _FITS.get(id(fit))
        if kept is None or kept[0] is not fit:  # another table: nothing said of it yet
            _FITS.clear()
            kept = _FITS[id(fit)] = (fit, {})
        said = kept[1]
        key = (channel, objective)
        if key in said:
            return said[key]
        found = _channel_fits(channel, objective, fit)
        if len(said) >= 4096:
            said.clear()
        said[key] = found
        return found
    return _channel_fits(channel, objective, fit)


def _channel_fits(
    channel: str, objective: Objective | str, fit: Mapping[str, frozenset[Objective]]
) -> bool | None:
    key = normalize_channel(channel)
    if key not in fit:
        return None
    return Objective.parse(objective) in fit[key]


_FITS: dict[int, tuple[Mapping[str, frozenset[Objective]], dict[tuple[str, str], bool | None]]] = {}
"""What :func:`channel_fits` said of each (channel, objective) on the platform-fit table
in use (kept with the table: another table starts afresh; cleared when plugins change,
as they may give other channel names)."""
plugins.on_reset(_FITS.clear)
