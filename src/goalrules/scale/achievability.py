"""Achievability for many goals at once: a table of goals and a long table of their
histories (in memory, or a Dask DataFrame), each goal judged by
:func:`goalrules.assess_achievability` on its own rows, so the answers are the
per-object ones. Needs ``goalrules[arrow]`` (``[dask]`` for the Dask form)."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any

import attrs

from goalrules.dsl.columnar import to_polars
from goalrules.scale.columns import _checked_table
from goalrules.scale.distributed import in_partition

__all__ = ["assess_achievability_dask", "assess_achievability_table"]


def assess_achievability_table(
    goals: Any,
    history: Any,
    *,
    today: _dt.date | None = None,
    **options: Any,
) -> Any:
    """Achievability for many goals at once.

    ``goals`` has a row per goal: ``id`` and the goal's fields (``metric``, ``target``,
    ``baseline``, ``start``, ``deadline``, ``statement``...); ``history`` is long-form
    with ``goal`` (the goal's id), ``date`` and ``value`` (and an optional ``unit``).
    Each goal is judged by :func:`goalrules.assess_achievability` on its own history,
    so the answers are the per-object ones. Returns a polars DataFrame with ``goal``,
    ``verdict``, ``probability``, ``required_rate``, ``historical_rate``, ``projected``
    and ``months_left``.
    """
    import polars as pl

    from goalrules.errors import GoalRulesError
    from goalrules.judgments.achievability import assess_achievability
    from goalrules.model import Goal, MetricSeries

    gdf = _checked_table(goals, "goals", ("id",))
    hdf = _checked_table(history, "history", ("goal", "date", "value"))
    fields = {f.name for f in attrs.fields(Goal)}
    points: dict[str, list[tuple[Any, float]]] = {}
    units: dict[str, str | None] = {}
    for row in hdf.select(
        pl.col("goal").cast(pl.String),
        "date",
        "value",
        *(["unit"] if "unit" in hdf.columns else []),
    ).iter_rows(named=True):
        points.setdefault(row["goal"], []).append((row["date"], row["value"]))
        units.setdefault(row["goal"], row.get("unit"))
    out: list[dict[str, Any]] = []
    for i, row in enumerate(gdf.iter_rows(named=True)):
        values = {k: v for k, v in row.items() if v is not None and k in fields}
        try:
            goal = Goal(**values)
            series = MetricSeries(
                metric=goal.metric, points=points.get(goal.id, []), unit=units.get(goal.id)
            )
            a = assess_achievability(goal, series, today=today, **options)
        except GoalRulesError as exc:
            raise exc.with_location(field=f"goals[{i}]") from None
        out.append(
            {
                "goal": goal.id,
                "verdict": a.verdict.value,
                "probability": a.probability,
                "required_rate": a.required_rate,
                "historical_rate": a.historical_rate,
                "projected": a.projected_value,
                "months_left": a.months_left,
            }
        )
    return pl.DataFrame(out, schema=_achievability_schema())


def _achievability_schema() -> dict[str, Any]:
    import polars as pl

    numbers = ("probability", "required_rate", "historical_rate", "projected", "months_left")
    return {"goal": pl.String, "verdict": pl.String} | dict.fromkeys(numbers, pl.Float64)


def assess_achievability_dask(
    goals: Any, history: Any, *, today: _dt.date | None = None, **options: Any
) -> Any:
    """:func:`assess_achievability_table` with the history a Dask DataFrame (``goal``,
    ``date``, ``value``): rows are shuffled so that each goal's history lies in one
    partition, and each partition judges its goals; ``goals`` is a table in memory
    (one row per goal), sent to every partition. Goals with no history rows are judged
    too (insufficient data): the goal ids present in the history are computed first.
    Returns a Dask DataFrame with the columns of :func:`assess_achievability_table`."""
    import dask.dataframe
    import polars as pl

    dd: Any = dask.dataframe  # partly typed: called as untyped
    gdf = _checked_table(goals, "goals", ("id",))
    day = today or _dt.date.today()  # one day for every worker
    meta = pl.DataFrame(schema=_achievability_schema()).to_pandas()
    judged = history.shuffle("goal").map_partitions(
        _assess_partition, gdf, day, options, meta, meta=meta
    )
    present = {str(g) for g in history["goal"].dropna().unique().compute()}
    absent = gdf.filter(~pl.col("id").cast(pl.String).is_in(sorted(present)))
    if absent.height:
        empty = pl.DataFrame(schema={"goal": pl.String, "date": pl.Date, "value": pl.Float64})
        rest = assess_achievability_table(absent, empty, today=day, **options).to_pandas()
        judged = dd.concat([judged, dd.from_pandas(rest.astype(meta.dtypes), npartitions=1)])
    return judged


def _assess_partition(
    part: Any,
    goals: Any,
    today: _dt.date,
    options: Mapping[str, Any],
    meta: Any,
    partition_info: Any = None,
) -> Any:
    import polars as pl

    def compute() -> Any:
        history = to_polars(part)
        ids = history["goal"].cast(pl.String).unique().to_list()
        mine = goals.filter(pl.col("id").cast(pl.String).is_in(ids))
        return assess_achievability_table(mine, history, today=today, **options).to_pandas()

    return in_partition(part, meta, partition_info, compute)
