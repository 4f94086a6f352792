"""Every bad cell of a matched export, not only the first (``errors="collect"``,
``goalrules import --all-errors``), as pandera's lazy validation reports a frame: one row
per cell (file, line, column, value, why), up to a limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from goalrules.errors import GoalRulesError
from goalrules.io.cells import WHOLE_FIELDS, Problem, number, problem, whole_metric
from goalrules.io.exports.dates import ambiguous_month, column_months, read_date
from goalrules.io.exports.presets import Match
from goalrules.io.exports.rows import DateOptions, data_rows
from goalrules.metrics import catalog

_OWN_NUMBERS = {"own-history": ("value",), "own-performance": ("visits", "leads", "customers")}
# goalrules' own performance file: a blank count (visits, leads, customers) is not
# measured, unknown (never 0): no count is required in every row
_REQUIRED_COUNTS: dict[str, tuple[str, ...]] = {}
_COUNT_FIELDS = ("visits", "leads", "customers")


def number_columns(match: Match) -> list[tuple[str, str | None, bool]]:
    """(column, metric, count) for every column read as a number."""
    preset = match.preset
    out: list[tuple[str, str | None, bool]] = []
    if preset.output in _OWN_NUMBERS:
        return [(c, None, True) for c in _OWN_NUMBERS[preset.output] if c in match.columns]
    for spec in preset.metrics:
        metric = None if spec.metric == "from_title" else spec.metric
        cols = [match.find(spec.column)] if spec.column else [*spec.sum, *spec.minus]
        out += [(c, metric, True) for c in cols if c is not None and c in match.columns]
    for field in ("visits", "leads", "customers", "revenue"):
        col = match.find(preset.fields.get(field, ()))
        if col is not None:
            out.append((col, field, field != "revenue"))
    return out


def field_is_whole(match: Match, metric: str | None) -> bool:
    """Whether a number column of ``match`` (its metric or performance field) counts
    whole things: goalrules' own files are read as written."""
    if match.preset.output in _OWN_NUMBERS:
        return False
    return metric in WHOLE_FIELDS or whole_metric(metric) or (
        metric is None and any(s.metric == "from_title" for s in match.preset.metrics))  # fmt: skip


def _forms(match: Match, options: DateOptions) -> list[str]:
    if options.date_format:
        return [options.date_format]
    forms = list(match.preset.date_forms)
    if options.dayfirst:
        forms.append("dmy")
    return [*forms, "iso", "yyyymmdd", "mon d, yyyy", "x"]


def cell_problems(match: Match, options: DateOptions) -> Iterator[Problem]:
    """The bad cells of ``match``'s data rows: numbers that cannot be read (text, a
    percent, an ambiguous form), negative counts and dates in no form the export uses."""
    source = match.sheet.source
    numbers = number_columns(match)
    required = _REQUIRED_COUNTS.get(match.preset.output, ())
    date_col = match.find(match.preset.date_columns) or match.find(("date", "month"))
    forms = _forms(match, options)
    # a negative part of a sum of counts (TikTok's net Comments) leaves the row's sum
    # unknown, with a note: not a bad cell
    parts = {c for spec in match.preset.metrics if len(spec.sum) > 1 for c in spec.sum}
    try:
        rows = list(data_rows(match))
    except GoalRulesError as exc:
        yield problem(exc.with_location(source=source))
        return
    months: dict[str, int] | None = None  # names languages give to different months
    for line, cells in rows:
        for col, metric, count in numbers:
            value: Any = cells[match.columns[col]]
            try:
                whole = field_is_whole(match, metric)
                x = number(value, source, line, col, decimal=options.decimal, count=count,
                           whole=whole)  # fmt: skip
            except GoalRulesError as exc:
                yield problem(exc, value)
                continue
            if x is None and col in required:
                yield Problem(source, line, col, "", "an empty cell where a number belongs")
            defn = catalog.get(metric or "")
            negative_ok = (defn is not None and defn.can_be_negative) or metric == "revenue"
            if x is not None and x < 0 and count and not negative_ok and col not in parts:
                yield Problem(source, line, col, str(value), f"a negative count ({x:g})")
        if date_col is not None:
            value = cells[match.columns[date_col]]
            if value not in (None, "") and not any(read_date(value, f) for f in forms):
                if months is None:  # read by the column, once a cell needs it
                    months = column_months([c[match.columns[date_col]] for _, c in rows])
                if any(read_date(value, f, months) for f in forms):
                    continue
                forms_shown = " or ".join(match.preset.date_forms)
                why = ambiguous_month(value) or f"not a date in {forms_shown}"
                yield Problem(source, line, date_col, str(value)[:80], why)
