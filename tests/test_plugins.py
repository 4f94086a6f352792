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
