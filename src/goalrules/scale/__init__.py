"""Judgments at scale: many accounts at once over long tables, on Dask or Spark.

- :mod:`~goalrules.scale.batch`: channel decisions over long-form tables (polars), each
  account its own portfolio; the answers are those of the per-object judgments
  (``pip install 'goalrules[arrow]'``);
- :mod:`~goalrules.scale.achievability`: achievability for many goals over tables of
  goals and histories (also importable from ``goalrules.scale.batch``);
- :mod:`~goalrules.scale.distributed`: any ruleset over a Dask DataFrame, partition by
  partition (``pip install 'goalrules[dask]'``); Spark through ``mapInArrow``;
- :mod:`~goalrules.scale.spark`: a book's channel decisions on Spark, an account a group
  (``pip install 'goalrules[spark]'``).

Nothing here is imported by ``import goalrules``: polars, pandas and Dask load only when
one of these modules is used.
"""
