"""The documented Spark path: a ruleset over a Spark DataFrame through mapInArrow."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from typing import Any

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("polars")
if shutil.which("java") is None:  # pragma: no cover
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

import goalrules as gr

RULES = """
fact visits: visit
fact leads: lead
rule volume criterion reach check visits >= 1000
rule rate criterion reach when visits > 0 check leads / visits > 2 %
"""


def judge(batches):  # type: ignore[no-untyped-def]
    import goalrules

    rules = goalrules.load_rules(RULES)
    for batch in batches:
        out = rules.evaluate_table(batch, outcomes="code", today=dt.date(2026, 5, 1))
        yield from out.select("volume", "rate", "score:reach").to_arrow().to_batches()


@pytest.fixture(scope="module")
def spark() -> Any:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers use this interpreter
    session = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_map_in_arrow_gives_the_row_backend_answers(spark: Any) -> None:
    rows = [(1200.0, 30.0), (300.0, 20.0), (None, 5.0), (0.0, 0.0)]
    frame = spark.createDataFrame(rows, "visits double, leads double")
    got = frame.mapInArrow(judge, "volume byte, rate byte, `score:reach` double").collect()
    rules = gr.load_rules(RULES)
    codes = {"fail": 0, "pass": 1, "unknown": 2, "skipped": 3}
    for (visits, leads), row in zip(rows, got, strict=True):
        report = rules.evaluate(visits=visits, leads=leads, today=dt.date(2026, 5, 1))
        assert row["volume"] == codes[report.finding("volume").outcome.value]
        assert row["rate"] == codes[report.finding("rate").outcome.value]
        assert row["score:reach"] == pytest.approx(report.criteria["reach"].score)


def test_a_book_decided_on_spark_is_the_book_decided_in_one_process(spark: Any) -> None:
    import polars as pl

    from goalrules.scale.batch import decide_channels_table
    from goalrules.scale.spark import decide_channels_spark
    from tests.test_batch import CHANNELS, book

    day = dt.date(2025, 3, 1)  # a book's last months after it: left out, on both paths
    frame = pl.DataFrame(book(31, 8, 16, unknown=0.2), strict=False).with_columns(
        pl.col("spend").cast(pl.Float64)
    )
    schema = ("account string, channel string, month date, visits bigint, leads bigint, "
              "customers bigint, spend double")  # fmt: skip
    rows = spark.createDataFrame(frame.rows(), schema)
    decided = decide_channels_spark(rows.repartition(3), channels=CHANNELS, today=day)
    got = pl.from_arrow(decided.toArrow()).sort("account", "channel")
    want = decide_channels_table(frame, channels=CHANNELS, today=day).sort("account", "channel")
    assert want["p_left_out"].max() > 0 and want["customers"].null_count() > 0
    assert got.columns == want.columns
    assert got.to_dicts() == want.with_columns(pl.col("months").cast(pl.Int64)).to_dicts()


def test_a_book_of_followers_and_reach_on_spark_is_the_book_in_one_process(spark: Any) -> None:
    import polars as pl

    from goalrules.scale.batch import decide_channels_table
    from goalrules.scale.spark import decide_channels_spark
    from tests.test_batch import AWARE, social_book

    day = dt.date(2025, 3, 1)
    frame = pl.DataFrame(social_book(32, 6, 12), strict=False).with_columns(
        pl.col("spend").cast(pl.Float64)
    )
    schema = ("account string, channel string, month date, visits bigint, leads bigint, "
              "customers bigint, spend double, followers bigint, reach bigint")  # fmt: skip
    rows = spark.createDataFrame(frame.rows(), schema)
    decided = decide_channels_spark(rows.repartition(3), channels=AWARE, today=day)
    got = pl.from_arrow(decided.toArrow()).sort("account", "channel")
    want = decide_channels_table(frame, channels=AWARE, today=day).sort("account", "channel")
    assert want["role_metric_trend"].drop_nulls().len() > 0
    assert got.to_dicts() == want.with_columns(pl.col("months").cast(pl.Int64)).to_dicts()


def test_a_book_of_counts_not_measured_on_spark_is_the_book_in_one_process(spark: Any) -> None:
    """Visits or leads null (not measured) in some rows: unknown on Spark's workers as in
    one process (never summed as 0)."""
    import polars as pl

    from goalrules.scale.batch import decide_channels_table
    from goalrules.scale.spark import decide_channels_spark
    from tests.test_batch import CHANNELS, book

    rows = book(33, 6, 12, unknown=0.2, unmeasured=0.15)
    frame = pl.DataFrame(rows, strict=False).with_columns(pl.col("spend").cast(pl.Float64))
    schema = ("account string, channel string, month date, visits bigint, leads bigint, "
              "customers bigint, spend double")  # fmt: skip
    decided = decide_channels_spark(spark.createDataFrame(frame.rows(), schema).repartition(3),
                                    channels=CHANNELS)  # fmt: skip
    got = pl.from_arrow(decided.toArrow()).sort("account", "channel")
    want = decide_channels_table(frame, channels=CHANNELS).sort("account", "channel")
    assert want["visits"].null_count() > 0 and want["p_unmeasured"].max() > 0
    assert got.to_dicts() == want.with_columns(pl.col("months").cast(pl.Int64)).to_dicts()
