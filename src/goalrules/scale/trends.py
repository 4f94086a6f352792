"""Theil-Sen trends of many channels at once: a row of a month matrix per channel."""

from __future__ import annotations

from typing import Any

from goalrules.judgments.stats import EXACT_POINTS, theil_sen

__all__ = ["month_days_matrix", "theil_sen_matrix"]

_MATRIX_CELLS = 2_000_000  # pairwise slopes held at once (16 MB)


def theil_sen_matrix(values: Any, index: Any) -> Any:
    """Row-wise Theil-Sen slope over the observed (non-NaN) months, as in
    :func:`goalrules.judgments.stats.theil_sen`; NaN with fewer than 2 months. Rows are
    taken a chunk at a time so that the pairwise slopes held stay under 16 MB; past
    :data:`~goalrules.judgments.stats.EXACT_POINTS` months a row goes to ``theil_sen``
    itself (exact by slope selection, a bounded sample of pairs past
    :data:`~goalrules.judgments.stats.SELECTED_POINTS`)."""
    import numpy as np

    rows, m = values.shape
    out = np.full(rows, np.nan)
    if m > EXACT_POINTS:
        for r in range(rows):
            seen = ~np.isnan(values[r]) & ~np.isnan(index[r])
            if int(seen.sum()) >= 2 and len(set(index[r][seen].tolist())) >= 2:
                out[r] = theil_sen(index[r][seen].tolist(), values[r][seen].tolist())
        return out
    i, j = np.triu_indices(m, k=1)
    if len(i) == 0:  # one month: no pair of months, no slope (NaN, as theil_sen says)
        return out
    step = max(1, _MATRIX_CELLS // max(len(i), 1))
    # the same months on every row (a book's usual shape): their differences taken once
    shared = rows > 0 and not np.isnan(index).any() and bool((index == index[0]).all())
    for start in range(0, rows, step):
        block = slice(start, start + step)
        dx = index[0, j] - index[0, i] if shared else index[block][:, j] - index[block][:, i]
        with np.errstate(invalid="ignore", divide="ignore"):
            slopes = (values[block][:, j] - values[block][:, i]) / dx
        bad = ~np.isfinite(slopes)
        part = out[block]
        full = ~bad.any(axis=1)  # every month observed: the plain median, far quicker
        if full.all():
            part[:] = np.median(slopes, axis=1, overwrite_input=True)
        elif full.any():
            part[full] = np.median(slopes[full], axis=1, overwrite_input=True)
        gaps = ~full & ~bad.all(axis=1)
        if gaps.any():
            some = slopes[gaps]
            some[~np.isfinite(some)] = np.nan
            part[gaps] = np.nanmedian(some, axis=1)
        out[block] = part
    return out


def month_days_matrix(index: Any) -> Any:
    """The days of each month of a matrix of months numbered ``year * 12 + month`` (NaN
    where a row has no month: NaN), as :func:`~goalrules.judgments.channel_measures.
    month_days` gives them: what a month's visits or leads are divided by before their
    trend is read."""
    import numpy as np

    seen = ~np.isnan(index)
    x = np.where(seen, index, 1.0).astype(np.int64) - 1
    year, month = x // 12, x % 12 + 1
    days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=float)[month - 1]
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    days = days + ((month == 2) & leap)
    return np.where(seen, days, np.nan)
