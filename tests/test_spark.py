"""The documented Spark path: a ruleset over a Spark DataFrame through mapInArrow."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys

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


def test_map_in_arrow_gives_the_row_backend_answers() -> None:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers use this interpreter
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        rows = [(1200.0, 30.0), (300.0, 20.0), (None, 5.0), (0.0, 0.0)]
        frame = spark.createDataFrame(rows, "visits double, leads double")
        got = frame.mapInArrow(judge, "volume byte, rate byte, `score:reach` double").collect()
    finally:
        spark.stop()
    rules = gr.load_rules(RULES)
    codes = {"fail": 0, "pass": 1, "unknown": 2, "skipped": 3}
    for (visits, leads), row in zip(rows, got, strict=True):
        report = rules.evaluate(visits=visits, leads=leads, today=dt.date(2026, 5, 1))
        assert row["volume"] == codes[report.finding("volume").outcome.value]
        assert row["rate"] == codes[report.finding("rate").outcome.value]
        assert row["score:reach"] == pytest.approx(report.criteria["reach"].score)
