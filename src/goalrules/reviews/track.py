"""The live track record (``goalrules review --track-record``, ``gr.track_record``): for
every stored goal whose deadline has passed, the chances its reviews gave against what
happened.

The goal is the one its last review judged: reviews of it before a change (another
target, deadline, metric, ...) forecast another goal and are left out (counted as such).

What happened is what the reviews saw: a review after the deadline whose history
reaches it settles the goal as it read the value by then, **hit** (met) or **missed**
(``expired``), whatever an earlier review saw (a stock reached in April and short by the
deadline is a miss, as that review says). Without one, a goal **hit** its target when a
review on or before its deadline found it reached (verdict ``achieved``, or its
``achieved`` flag: all the way from baseline to target, for a flow's monthly level only
by the deadline) and no later review before the deadline found it short again; otherwise
it is **unsettled** (no review after its deadline whose history reaches it, or a goal
reached and then lost: whether it was met is not known) and left out, and counted as
such. Each review on or before the deadline that gave a chance is one
forecast of that outcome.

A review after the deadline settles the goal only when it was judged on the value by the
deadline: stored with the day its data stands for (``data_to``, kept since goalrules
judges a passed deadline on the value by then and says ``expired`` only when the history
reaches it). A review stored before that keeps its verdict as it was (the store is an
audit trail), but its ``expired`` may rest on a history that ended before the deadline,
and its ``achieved`` on a value from after it: it settles nothing. Reviewing that date
again stores a new revision, judged as today, which does.

The record says how much it rests on: forecasts, goals and workspaces. Reviews of one
goal are not independent (the same outcome judges them all), so the goals count more
than the forecasts.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.io.store import ReviewStore, open_store
from goalrules.judgments.achievability_text import shown_chance
from goalrules.judgments.review import goal_changes
from goalrules.numbers import format_count

__all__ = ["Forecast", "TrackRecord", "track_record", "track_record_of"]

Date = _dt.date
BINS = 10


@attrs.frozen
class Forecast:
    """One review's chance for a goal whose deadline has passed, and what happened."""

    workspace: str
    goal: str
    date: Date
    probability: float
    verdict: str | None
    hit: bool
    network: str | None
    metric: str | None


@attrs.frozen
class Group:
    """Forecasts of one kind (a verdict, a network, a metric): how many, hits, Brier."""

    name: str
    forecasts: int
    goals: int
    hits: int
    mean_probability: float
    brier: float

    @property
    def hit_rate(self) -> float:
        return self.hits / self.forecasts if self.forecasts else float("nan")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "forecasts": self.forecasts,
            "goals": self.goals,
            "hits": self.hits,
            "hit_rate": _kept(self.hit_rate),
            "mean_probability": _kept(self.mean_probability),
            "brier": _kept(self.brier),
        }


def _kept(x: float) -> float | None:
    """A share or a score in 0..1 to four decimals, as the review's JSON writes a chance:
    never 0 or 1 for one that is neither (a mean chance of 0.00003 is not 0)."""
    return None if x != x else shown_chance(x, ())


def _group(name: str, items: Sequence[Forecast]) -> Group:
    n = len(items)
    hits = sum(f.hit for f in items)
    goals = len({(f.workspace, f.goal) for f in items})
    mean = sum(f.probability for f in items) / n if n else float("nan")
    brier = sum((f.probability - f.hit) ** 2 for f in items) / n if n else float("nan")
    return Group(name, n, goals, hits, mean, brier)


@attrs.frozen
class TrackRecord:
    """The chances given against what happened."""

    today: Date
    forecasts: tuple[Forecast, ...]
    goals_hit: int
    goals_missed: int
    unsettled: tuple[tuple[str, str], ...]  # (workspace, goal) past deadline, no review after
    workspaces: int
    # chances given for a goal since changed (another target or deadline): left out
    superseded: int = 0

    @property
    def goals(self) -> int:
        return self.goals_hit + self.goals_missed

    @property
    def brier(self) -> float | None:
        """The mean squared gap between each chance and what happened (0 is perfect;
        always saying 50 % scores 0.25)."""
        if not self.forecasts:
            return None
        return sum((f.probability - f.hit) ** 2 for f in self.forecasts) / len(self.forecasts)

    def reliability(self) -> list[Group]:
        """The forecasts in ten bands of chance (0-10 %, ..., 90-100 %): in each, the mean
        chance given and how often the goal was hit. Empty bands are left out."""
        bands: dict[int, list[Forecast]] = {}
        for f in self.forecasts:
            bands.setdefault(min(int(f.probability * BINS), BINS - 1), []).append(f)
        return [_group(f"{10 * b}-{10 * (b + 1)} %", bands[b]) for b in sorted(bands)]

    def by(self, field: str) -> list[Group]:
        """Groups by ``"verdict"``, ``"network"`` or ``"metric"``."""
        groups: dict[str, list[Forecast]] = {}
        for f in self.forecasts:
            groups.setdefault(str(getattr(f, field) or "-"), []).append(f)
        return [_group(k, v) for k, v in sorted(groups.items())]

    def rests_on(self) -> str:
        """How much data the record rests on, plainly (its counts in the locale's signs)."""
        if not self.forecasts:
            base = "No goal in the store has both passed its deadline and been reviewed after it"
            if self.unsettled:
                base += (f" ({format_count(len(self.unsettled))} past deadline wait for a "
                         "review whose data reaches it)")  # fmt: skip
            return base + ": there is no track record yet."
        n, g = len(self.forecasts), self.goals
        text = (
            f"It rests on {format_count(n, 'forecast')} from {format_count(g, 'goal')}"
            f" ({format_count(self.goals_hit)} hit, {format_count(self.goals_missed)} missed)"
            f" in {format_count(self.workspaces, 'workspace')}"
        )
        if self.unsettled:
            text += (f"; {format_count(len(self.unsettled))} more past deadline wait for a "
                     "review whose data reaches it")  # fmt: skip
        if self.superseded:
            text += (f"; {format_count(self.superseded, 'chance')} given before a goal changed "
                     "(its target or deadline) are left out")  # fmt: skip
        text += "."
        if g < 30:
            text += (
                f" With {format_count(g, 'goal')}, read it as a first sketch, not a "
                "calibration: reviews of one goal share its outcome."
            )
        return text

    def to_dict(self) -> dict[str, Any]:
        return {
            "today": self.today.isoformat(),
            "forecasts": len(self.forecasts),
            "goals": self.goals,
            "goals_hit": self.goals_hit,
            "goals_missed": self.goals_missed,
            "unsettled": [{"workspace": w, "goal": g} for w, g in self.unsettled],
            "workspaces": self.workspaces,
            "superseded": self.superseded,
            "brier": None if self.brier is None else _kept(self.brier),
            "rests_on": self.rests_on(),
            "reliability": [g.to_dict() for g in self.reliability()],
            "by_verdict": [g.to_dict() for g in self.by("verdict")],
            "by_network": [g.to_dict() for g in self.by("network")],
            "by_metric": [g.to_dict() for g in self.by("metric")],
        }


def _reached(row: Mapping[str, Any]) -> bool:
    """Whether a review found the goal reached: its verdict, or its ``achieved`` flag
    (the review's rule: a stock's count or a total at the target; a flow's month at it
    only by the deadline, since the months to come may fall short before it)."""
    if row.get("verdict") == "achieved":
        return True
    if "flags" in row:  # the review's own reading
        return "achieved" in (row.get("flags") or ())
    progress = row.get("progress")  # a row without its flags: all the way
    return progress is not None and progress >= 1.0


def _deadline(row: Mapping[str, Any]) -> Date | None:
    text = (row.get("goal") or {}).get("deadline")
    try:
        return Date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _judged_by_deadline(row: Mapping[str, Any]) -> bool:
    """Whether a review after the deadline was judged on the value by the deadline (see
    the module): it kept the day its data stands for."""
    return bool((row.get("goal") or {}).get("data_to"))


def _outcome(
    before: Sequence[Mapping[str, Any]], after: Sequence[Mapping[str, Any]]
) -> bool | None:
    """Whether a goal was hit, from its reviews on or before its deadline (``before``)
    and after it judged on the value by then (``after``), oldest first; ``None`` when
    they do not tell.

    A review after the deadline whose history reaches it settles the goal: the value by
    the deadline met the target, or fell short (``expired``), whatever an earlier review
    saw (a count of 1,210 followers in April, 1,180 by the deadline of a target of 1,200,
    is a miss: its review says expired). Without one, a review on or before the deadline
    that found the goal reached settles it as hit, unless a later one before the
    deadline judged it short again (then whether it was met by the deadline is not
    known)."""
    settling = [r for r in after if r.get("verdict") == "expired" or _reached(r)]
    if settling:
        return _reached(settling[-1])
    reached = [i for i, r in enumerate(before) if _reached(r)]
    if not reached:
        return None
    lost = any(
        r.get("verdict") not in (None, "insufficient_data") and not _reached(r)
        for r in before[reached[-1] + 1 :]
    )
    return None if lost else True


def track_record_of(rows: Iterable[Mapping[str, Any]], today: Date) -> TrackRecord:
    """The track record of stored goal rows (:meth:`ReviewStore.goal_reviews`)."""
    goals: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for r in rows:
        goals.setdefault((str(r["workspace"]), str(r["goal_id"])), []).append(r)
    forecasts: list[Forecast] = []
    hit = missed = 0
    unsettled: list[tuple[str, str]] = []
    spaces: set[str] = set()
    superseded = 0
    for (ws, gid), reviews in sorted(goals.items()):
        reviews = sorted(reviews, key=lambda r: r["date"])
        deadline = _deadline(reviews[-1])
        if deadline is None or deadline >= today:
            continue
        # the goal as its last review judged it: reviews of it before a change (another
        # target, deadline, ...) forecast another goal, and settle nothing of this one
        final = reviews[-1].get("goal") or {}
        same = [r for r in reviews if not goal_changes(r.get("goal"), final)]
        superseded += sum(
            r.get("probability") is not None and r["date"] <= deadline
            for r in reviews
            if goal_changes(r.get("goal"), final)
        )
        reviews = same
        before = [r for r in reviews if r["date"] <= deadline]
        after = [r for r in reviews if r["date"] > deadline and _judged_by_deadline(r)]
        outcome = _outcome(before, after)
        if outcome is None:  # no review after it whose history reaches the deadline (or
            # none judged on the value by then: stored by an older goalrules), and none
            # before it found the goal reached and kept
            unsettled.append((ws, gid))
            continue
        given = [r for r in before if r.get("probability") is not None]
        if not given:
            continue
        hit += outcome
        missed += not outcome
        spaces.add(ws)
        goal = reviews[-1].get("goal") or {}
        for r in given:
            forecasts.append(
                Forecast(
                    ws,
                    gid,
                    r["date"],
                    float(r["probability"]),
                    r.get("verdict"),
                    outcome,
                    goal.get("channel"),
                    goal.get("metric"),
                )
            )
    return TrackRecord(today, tuple(forecasts), hit, missed, tuple(unsettled), len(spaces),
                       superseded)  # fmt: skip


def track_record(
    store: ReviewStore | str | Path, *, workspace: str | None = None, today: Date | None = None
) -> TrackRecord:
    """The track record of every goal in ``store`` (of ``workspace``) whose deadline has
    passed by ``today`` (default: today)."""
    db = store if isinstance(store, ReviewStore) else open_store(store, create=False)
    try:
        rows = db.goal_reviews(workspace)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
    return track_record_of(rows, today or Date.today())
