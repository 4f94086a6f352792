"""Why the chance moved between two reviews (``goalrules review --why``): the change in
P split into a change of rules, params or prior (or of past data), time passing, and
new data, said in one sentence::

    P fell from 55 % to 30 %: two weaker months (-20 points), five weeks less (-5)

The split re-runs the judgment three times, from the current files, and telescopes, so
the parts add up to the whole change:

- ``P0``: the chance the earlier review stored (its date ``d0``);
- ``P0'``: the same date, its data (the files cut at ``d0``), the current rules and
  goals; ``P0' - P0`` is the change of the goal itself (its target, deadline, ...), else
  of rules, params or prior (or of past data when the audit trail shows none of those
  changed);
- ``Pe``: the later date ``d1``, with the months since ``d0`` as the earlier review
  expected them (the growth model's median forecast at each new data point's date);
  ``Pe - P0'`` is time passing;
- ``P1``: the later review; ``P1 - Pe`` is the new data: how the months that came
  differ from what was expected ("two weaker months" fell short of it).

A goal whose model gives no forecast (a cumulative flow target, too short a history)
keeps its data cut at ``d0`` for ``Pe``.
"""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.engine import RuleSet
from goalrules.io import Workspace
from goalrules.io.store import ReviewStore, open_store
from goalrules.judgments.achievability import shipped_chance_edges
from goalrules.judgments.achievability_text import chance_percent, whole_percent
from goalrules.reviews import review
from goalrules.reviews.audit import differences
from goalrules.vocabulary import MetricKind

__all__ = ["Moved", "why_moved"]

Date = _dt.date
_WORDS = (
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


EDGES = shipped_chance_edges()


def _count(n: int, unit: str) -> str:
    word = _WORDS[n] if 0 <= n < len(_WORDS) else str(n)
    return f"{word} {unit}{'s' if n != 1 else ''}"


def _split(parts: tuple[float, ...], total: int) -> list[int]:
    """``parts`` (changes of chance) in whole points adding up to ``total``, the change
    the sentence's two chances show: each rounded, then the rounding moved, a point at a
    time, to the parts it changes least ("+36, +2" beside 18 % -> 55 % is "+35, +2")."""
    raw = [100 * x for x in parts]
    out = [round(x) for x in raw]
    for _ in range(abs(total - sum(out))):
        step = 1 if total > sum(out) else -1
        i = min(range(len(out)), key=lambda k: abs(out[k] + step - raw[k]))
        out[i] += step
    return out


@attrs.frozen
class Moved:
    """The change in one goal's chance between two reviews, split in three."""

    goal: str
    before_date: Date
    after_date: Date
    before: float
    after: float
    rules: float  # a change of rules, params or prior (or of past data)
    time: float  # time passing, the new months as expected
    data: float  # the new data, against what was expected
    new_months: int  # months with new data between the two reviews
    rules_changed: tuple[str, ...] = ()  # what the audit trail says changed
    goal_changed: tuple[str, ...] = ()  # what of the goal itself changed (its target, ...)

    def sentence(self) -> str:
        """One sentence (the parts in points of chance; a part under half a point is
        left out)."""
        # as the review's trend gives a chance: never "0 %" for one that is not
        a, b = chance_percent(self.before, EDGES), chance_percent(self.after, EDGES)
        if a == b:
            head = f"{self.goal}: P held {'' if b[0].isalpha() else 'at '}{b}"  # held under 1 %
        else:
            verb = "fell" if self.after < self.before else "rose"
            head = f"{self.goal}: P {verb} from {a} to {b}"
        # the parts in whole points that add up to the change the head shows
        data, time, rules = _split(
            (self.data, self.time, self.rules),
            whole_percent(self.after, EDGES)[0] - whole_percent(self.before, EDGES)[0],
        )
        parts: list[tuple[str, int]] = []
        if self.new_months:
            kind = "weaker" if self.data < 0 else "stronger" if self.data > 0 else "new"
            parts.append((f"{_count(self.new_months, 'month').replace(' ', f' {kind} ', 1)}", data))
        elif data:
            parts.append(("revised recent data", data))
        days = (self.after_date - self.before_date).days
        span = _count(days // 7, "week") if days < 56 else _count(round(days / 30.44), "month")
        parts.append((f"{span} less", time))
        label = ("the changed goal" if self.goal_changed else
                 "new rules or params" if self.rules_changed else "revised past data")  # fmt: skip
        parts.append((label, rules))
        shown = [(t, p) for t, p in parts if p]
        if not shown:
            return head + "." if a == b else head + ": no single cause moved it a full point."
        first = True
        said = []
        for text, p in shown:
            unit = (" point" if abs(p) == 1 else " points") if first else ""
            said.append(f"{text} ({p:+d}{unit})")
            first = False
        return f"{head}: {', '.join(said)}."


def _chances(result: Any) -> dict[str, float]:
    return {g.goal.id: g.probability for g in result.goals if g.probability is not None}


def why_moved(
    workspace: Workspace | str | Path,
    history: Any,
    *,
    store: ReviewStore | str | Path,
    today: Date,
    performance: Any = None,
    name: str | None = None,
    rules: RuleSet | None = None,
    prior: Any = None,
    anchors: Sequence[str] = (),
) -> list[Moved]:
    """Why each goal's chance moved between the last review before ``today`` in
    ``store`` and a review on ``today`` from ``history`` (nothing is saved)."""
    db = store if isinstance(store, ReviewStore) else open_store(store)
    try:
        kw: dict[str, Any] = {
            "store": db,
            "performance": performance,
            "name": name,
            "keep": False,
            "rules": rules,
            "prior": prior,
            "anchors": anchors,
        }
        now = review(workspace, history, today=today, **kw)
        if now.previous_date is None or now.earlier is None:
            return []
        d0 = now.previous_date
        stored = db.review_at(d0, now.workspace)
        then = review(workspace, history, today=d0, **kw)
        expected = _expected(history, then, d0, today, anchors)
        still = review(workspace, expected, today=today, **kw)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
    changed = tuple(
        c for c in differences((stored or {}).get("audit") or {}, now.audit) if "file" not in c
    )
    p0 = {gid: row.get("probability") for gid, row in now.earlier.items()}
    p0r, pt, p1 = _chances(then), _chances(still), _chances(now)
    months = _new_months(now, d0, today)
    out = []
    for g in now.goals:
        gid = g.goal.id
        before = p0.get(gid)
        if before is None or gid not in p1 or gid not in p0r or gid not in pt:
            continue
        out.append(
            Moved(
                gid,
                d0,
                today,
                float(before),
                p1[gid],
                p0r[gid] - float(before),
                pt[gid] - p0r[gid],
                p1[gid] - pt[gid],
                months.get(gid, 0),
                changed,
                g.previous.changed if g.previous is not None else (),
            )
        )
    return out


def _new_months(result: Any, d0: Date, d1: Date) -> dict[str, int]:
    out: dict[str, int] = {}
    for g in result.check.goals if result.check is not None else ():
        series = g.history
        if series is None:
            continue
        months = {(p.date.year, p.date.month) for p in series.points if d0 < p.date <= d1}
        out[g.id] = len(months)
    return out


def _expected(
    history: Any, then: Any, d0: Date, d1: Date, anchors: Sequence[str] = ()
) -> dict[Any, Any]:
    """The history as the review of ``d0`` expected it on ``d1``: its points up to ``d0``,
    then, at each later point's date, the model's median forecast for that date (a flow:
    one point a month, the month's forecast total), in the history's own scale (a share
    given as 0.47 is forecast in percent: the forecast is scaled back to the file's)."""
    from goalrules.reviews.inputs import review_histories

    merged, _ = review_histories(history, d1, anchors)
    forecasts: dict[Any, Any] = {}
    for g in then.check.goals if then.check is not None else ():
        ach = g.smart.achievability
        if g.history is not None and ach is not None and ach.last_date is not None:
            forecasts.setdefault((g.history.channel, g.history.metric), (ach, g.history.kind))
    out = {}
    for key, series in merged.items():
        kept = [p for p in series.points if p.date <= d0]
        later = [p for p in series.points if d0 < p.date <= d1]
        ach, kind = forecasts.get((series.channel, series.metric), (None, None))
        scale = _scale(ach, kind, kept)
        guessed: list[Any] = []
        if kind is MetricKind.FLOW and ach is not None and ach.last_date is not None:
            # one point a month after the last complete one the review judged (a month
            # under way then, its days so far included): the month's forecast total
            later = [p for p in series.points if ach.last_date < p.date <= d1]
            kept = [p for p in kept if p.date <= ach.last_date]
            last_of: dict[tuple[int, int], Any] = {}
            for p in later:
                last_of[(p.date.year, p.date.month)] = p
            later = list(last_of.values())
        for p in later:
            band = None
            if ach is not None and ach.last_date is not None and scale is not None:
                band = ach.band(max((p.date - ach.last_date).days, 0) / 30.4375)
            if band is None or scale is None:
                guessed = []
                break
            guessed.append(attrs.evolve(p, value=band[1] / scale))
        out[key] = attrs.evolve(series, points=(*kept, *guessed))
    return out


def _scale(ach: Any, kind: MetricKind | None, kept: list[Any]) -> float | None:
    """How many of the judgment's units one of the file's is: its current value against
    the file's value for the same month (1 when the file gives the judgment's unit; 100
    for a share given as 0.47 and judged as 47 %); ``None`` when it cannot be told."""
    if ach is None or ach.current_value is None or ach.last_date is None or not kept:
        return None
    month = (ach.last_date.year, ach.last_date.month)
    inside = [p.value for p in kept if (p.date.year, p.date.month) == month]
    if not inside:
        return None
    if kind is MetricKind.FLOW:
        raw = math.fsum(inside)
    elif kind is MetricKind.RATIO:
        raw = math.fsum(inside) / len(inside)
    else:
        raw = inside[-1]
    if raw == 0 or ach.current_value == 0:
        return 1.0 if raw == ach.current_value else None
    return float(ach.current_value / raw)
