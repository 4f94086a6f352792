from __future__ import annotations

import importlib.util
from collections.abc import Iterator

import pytest

import goalrules as gr
from goalrules import plugins
from goalrules.metrics import MetricDefinition
from goalrules.plugins import hookimpl


class Example:
    @hookimpl
    def goalrules_units(self) -> list[str]:
        return ["story = [story]"]

    @hookimpl
    def goalrules_metrics(self) -> list[MetricDefinition]:
        return [
            MetricDefinition(
                "stories",
                "Stories",
                "story",
                "higher",
                "flow",
                None,
                ("engagement",),
                ("story_count",),
            )
        ]

    @hookimpl
    def goalrules_channel_aliases(self) -> dict[str, str]:
        return {"gram": "instagram"}


@pytest.fixture
def example() -> Iterator[Example]:
    plugin = Example()
    plugins.register(plugin)
    yield plugin
    plugins.unregister(plugin)


def test_registered_plugin_feeds_every_registry(example: Example) -> None:
    assert gr.quantity("3 stories").units == gr.quantity("1 story").units
    assert gr.catalog["story_count"].key == "stories"
    assert "stories" in gr.metrics_for("engagement")
    assert gr.normalize_channel("gram") == "instagram"


def test_unregistering_removes_contributions(example: Example) -> None:
    plugins.unregister(example)
    assert "stories" not in gr.catalog
    with pytest.raises(gr.UnitError):
        gr.quantity("3 stories")


def test_bad_plugin_metric_is_a_plugin_error() -> None:
    class Bad:
        @hookimpl
        def goalrules_metrics(self) -> list[object]:
            return ["not a metric"]

    bad = Bad()
    plugins.register(bad)
    try:
        with pytest.raises(gr.PluginError):
            len(gr.catalog)
    finally:
        plugins.unregister(bad)


@pytest.mark.skipif(
    importlib.util.find_spec("goalrules_acme") is None,
    reason="the example plugin in examples/goalrules-acme is not installed",
)
def test_installed_example_plugin_loads_through_its_entry_point() -> None:
    plugins.reset()
    assert gr.catalog["downloads"].key == "podcast_downloads"
    assert str(gr.quantity("1.5k downloads").units) == "download"
    gr.catalog["downloads_per_follower"].check_formula()
    assert gr.normalize_channel("Spotify") == "podcast"


class RulesPlugin:
    @hookimpl
    def goalrules_functions(self) -> list[object]:
        from goalrules.dsl.builtins import Function
        from goalrules.dsl.types import NUMBER

        def score(e: float, f: float) -> float:
            return 100 * e / f

        return [Function("engagement_score", ("quantity", "quantity"), NUMBER, score)]

    @hookimpl
    def goalrules_rulesets(self) -> list[str]:
        return ["ruleset house\nfact n: number\nrule big criterion size check n > 10\n"]


def test_plugin_functions_and_rulesets() -> None:
    plugin = RulesPlugin()
    plugins.register(plugin)
    try:
        fields = {"e": "engagement", "f": "follower"}
        fn = gr.compile_expression("engagement_score(e, f) > 5", fields)
        assert fn({"e": 60, "f": 1000}) is True
        with pytest.raises(gr.RuleTypeError):
            gr.compile_expression("engagement_score(e)", {"e": "engagement"})
        house = gr.shipped_ruleset("house")
        assert house.evaluate(n=11).criteria["size"].passed
    finally:
        plugins.unregister(plugin)
    with pytest.raises(gr.RuleTypeError):
        gr.compile_expression("engagement_score(e, e) > 5", {"e": "engagement"})
