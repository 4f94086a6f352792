"""Channel decisions on Spark: a book's accounts decided side by side in Spark's Python
workers, each by :func:`~goalrules.scale.batch.decide_channels_table`.

``pip install 'goalrules[spark]'`` (and a Java runtime); Spark's workers must import
goalrules (set ``PYSPARK_PYTHON`` to an interpreter that has it). Nothing here runs on
``import goalrules``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from goalrules.scale.batch import DECIDED_COLUMNS, decide_channels_table

__all__ = ["decide_channels_spark", "decided_arrow_schema", "decided_spark_schema"]

_SPARK = {"text": "string", "count": "bigint", "number": "double", "flag": "boolean",
          "texts": "array<string>"}  # fmt: skip


def decided_spark_schema() -> str:
    """The Spark schema (DDL) of a decided table: :data:`DECIDED_COLUMNS`."""
    return ", ".join(f"`{name}` {_SPARK[kind]}" for name, kind in DECIDED_COLUMNS)


@functools.cache
def decided_arrow_schema() -> Any:
    """The Arrow schema a worker hands a decided table to Spark in (made once a
    process: every account's table is cast to it)."""
    import pyarrow as pa

    kinds = {"text": pa.string(), "count": pa.int64(), "number": pa.float64(),
             "flag": pa.bool_(), "texts": pa.list_(pa.string())}  # fmt: skip
    return pa.schema([(name, kinds[kind]) for name, kind in DECIDED_COLUMNS])


def decide_channels_spark(frame: Any, **options: Any) -> Any:
    """:func:`~goalrules.scale.batch.decide_channels_table` over a Spark DataFrame of a
    book (``account, channel, month, visits, leads`` and the optional columns): the rows
    are grouped by account (each account is its own portfolio) and each account is
    decided in a Python worker (``GroupedData.applyInArrow``, Spark 4). ``options`` go
    to ``decide_channels_table`` (give ``today``: a worker's clock is not the driver's).
    Returns a lazy Spark DataFrame of the decided table's columns, one row a channel;
    the answers are those of ``decide_channels_table`` over the whole book. Bad input
    fails the Spark job with the ``DataError`` the account's rows raise."""
    chosen = dict(options)

    # Spark reads the function's annotations for the kind of Arrow function it is (and
    # fails on a functools.partial): with none, it is one table in, one table out
    def decide(table):  # type: ignore[no-untyped-def]
        return _decide_account(chosen, table)

    return frame.groupBy("account").applyInArrow(decide, decided_spark_schema())


def _decide_account(options: Mapping[str, Any], table: Any) -> Any:
    """In a Spark worker: one account's rows (an Arrow table) decided, as Arrow."""
    import polars as pl

    decided = decide_channels_table(pl.from_arrow(table), **options)
    return decided.to_arrow().cast(decided_arrow_schema())
