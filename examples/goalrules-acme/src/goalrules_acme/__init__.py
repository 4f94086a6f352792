"""An example goalrules plugin.

It adds a count unit (``download``), two metrics that use it, and channel aliases for
podcast hosts. Installed, goalrules finds it through the ``goalrules`` entry point.
"""

from __future__ import annotations

from goalrules.metrics import MetricDefinition
from goalrules.plugins import hookimpl


@hookimpl
def goalrules_units() -> list[str]:
    return ["download = [download] = dl"]


@hookimpl
def goalrules_metrics() -> list[MetricDefinition]:
    return [
        MetricDefinition(
            key="podcast_downloads",
            name="Podcast downloads",
            unit="download",
            direction="higher",
            kind="flow",
            objectives=("brand_awareness",),
            aliases=("downloads",),
            description="Episode downloads in the period.",
        ),
        MetricDefinition(
            key="downloads_per_follower",
            name="Downloads per follower",
            unit="download / follower",
            direction="higher",
            kind="ratio",
            formula="podcast_downloads / followers",
            objectives=("engagement",),
        ),
    ]


@hookimpl
def goalrules_channel_aliases() -> dict[str, str]:
    return {"spotify": "podcast", "apple podcasts": "podcast", "podcasts": "podcast"}
