"""The review loop: judge a workspace's goals as ``check`` does, keep the review in a
store with its audit trail, and compare it with the last earlier review (``goalrules
review``). ``stored`` renders and explains stored reviews again; ``alerts`` and
``notify`` speak up when a flag or a pace changes; ``track`` checks the chances given
against what happened; ``moved`` says why a chance moved.

>>> import datetime as dt, goalrules as gr
>>> paths = gr.demo_paths()
>>> result = gr.review(paths["workspace"], paths["history"], store=":memory:",
...                    today=dt.date(2026, 1, 10))
>>> result.number, result.goals[0].previous is None
(1, True)
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules.check import CheckResult, GoalResult, run_check
from goalrules.engine import RuleSet
from goalrules.io import Workspace
from goalrules.io.store import ReviewStore, open_store
from goalrules.io.workspace_settings import existing_files, piped
from goalrules.judgments.review import (
    GoalReview,
    Previous,
    goal_changes,
    previous_from,
    review_goal,
    review_rules,
)
from goalrules.model import Goal
from goalrules.reviews.audit import audit_of
from goalrules.reviews.inputs import review_histories, review_performance
from goalrules.reviews.targets import (
    Targets,
    load_with_targets,
    started_at_first_review,
    targets_of,
)

__all__ = ["ReviewResult", "review", "reviews_of"]

Date = _dt.date


@attrs.frozen
class ReviewResult:
    """One review of a workspace: its date, its number among the workspace's reviews
    (1 for the first), each goal's review, and the check it rests on."""

    workspace: str
    date: Date
    number: int
    goals: tuple[GoalReview, ...]
    check: CheckResult | None = attrs.field(repr=False)  # None: rendered from the store
    history: dict[str, list[dict[str, Any]]] = attrs.field(factory=dict, repr=False)
    notes: tuple[str, ...] = ()
    revision: int = 1  # which revision of the review of this date (1 for the first)
    audit: dict[str, Any] = attrs.field(factory=dict, repr=False)
    previous_date: Date | None = None  # the date of the review this one compares with
    earlier: dict[str, dict[str, Any]] | None = attrs.field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """``{"review": {"date", "number"}, "goals": [...]}`` (see docs/reviews.md)."""
        return {
            "review": {"date": self.date.isoformat(), "number": self.number},
            "goals": [g.to_dict() for g in self.goals],
        }


def _findings(g: GoalResult) -> tuple[str, ...]:
    out = list(g.smart.suggestions)
    ach = g.smart.achievability
    if ach is not None and ach.explanation:
        out.insert(0, ach.explanation)
    return tuple(out)


def review(
    workspace: Workspace | str | Path,
    history: Any = None,
    *,
    store: ReviewStore | str | Path,
    performance: Any = None,
    today: Date | None = None,
    name: str | None = None,
    keep: bool = True,
    rules: RuleSet | None = None,
    prior: Any = None,
    previous: dict[str, Previous | None] | None = None,
    data_until: Date | None = None,
    anchors: Sequence[str] = (),
) -> ReviewResult:
    """Review every goal of ``workspace`` on ``today`` and keep the review in ``store``
    (a :class:`~goalrules.io.store.ReviewStore`, a file path, ``":memory:"`` or a
    ``postgresql://`` URL).

    ``history`` and ``performance`` are files (goalrules' own or exports), lists of them,
    or tables; not given, the files the workspace's ``[workspace] history`` and
    ``performance`` name. Each goal's review compares with the last earlier review of the same
    workspace (``name``, default the workspace's name, else its file's stem), or with
    ``previous`` (per goal id) when given. Reviewing a date again appends a revision of
    that review (its number stays); nothing is replaced. ``rules`` is the flags'
    ruleset (default the shipped ``review``), ``prior`` the growth prior (as ``check``).
    ``keep=False`` computes without saving; ``data_until`` (with ``keep=False``) cuts
    the history at an earlier date than the review's. ``anchors`` ("1,500 followers on
    2025-12-31") make the history exports' daily gains into totals, as in ``import``.
    Everything the review reads from the store is read before it writes, so a fault
    leaves the store as it was.
    """
    from goalrules.dates import as_date

    if rules is not None:  # before the store is opened (or made)
        _checked(rules)
    targets: Targets
    if isinstance(workspace, Workspace):
        ws, targets = workspace, targets_of(workspace)
    else:
        ws, targets = load_with_targets(workspace, today=as_date(today))
    if not (name or ws.name) and piped(workspace):
        from goalrules.errors import ValidationError

        raise ValidationError(
            "a workspace read from standard input has no file name to keep its reviews "
            "under: give --name NAME, or a name in its [workspace] table",
            field="--name",
        )
    key = (
        name
        or ws.name
        or (Path(workspace).stem if isinstance(workspace, (str, Path)) else "workspace")
    )
    day = as_date(today) or ws.today or Date.today()
    db = store if isinstance(store, ReviewStore) else open_store(store)
    try:
        # a goal with no start starts on its first review, at every review
        ws, targets, started = started_at_first_review(
            ws, targets, None if isinstance(workspace, Workspace) else workspace,
            _first_reviews(db, key, ws.undated, day), day,
        )  # fmt: skip
        if not (name or ws.name) and isinstance(workspace, (str, Path)):
            started = [*started, *_another_workspace(db, key, day, workspace)]
        return _review(ws, targets, workspace, key, day, history, performance, db, rules,
                       prior, previous, data_until, anchors, keep, started)  # fmt: skip
    finally:
        if not isinstance(store, ReviewStore):
            db.close()


def _another_workspace(db: ReviewStore, key: str, day: Date, workspace: str | Path) -> list[str]:
    """A note when the reviews kept under ``key`` (a workspace's file name: it names
    itself no other way) were made from another workspace file, neither this one moved
    nor copied (another path and other bytes): two teams' "workspace.toml" in one store
    would be compared with each other's reviews, and one date's review of the second
    kept as a revision of the first's."""
    from goalrules.reviews.audit import _inputs

    last = db.review_at(day, key)
    if last is None:
        earlier = db.previous(key, day)
        last = db.review_at(earlier[0], key) if earlier else None
    if last is None:
        return []
    then = ((last.get("audit") or {}).get("inputs") or {}).get("workspace") or [{}]
    now = _inputs(workspace)[0]
    if not then[0].get("path") or then[0]["path"] == now["path"]:
        return []
    if then[0].get("sha256") and then[0]["sha256"] == now["sha256"]:
        return []  # the same workspace, moved or copied
    return [
        f"the reviews kept under {key!r} (this workspace's file name: it has no name of its "
        f"own) were last made from {then[0]['path']} (the review of "
        f"{last['date'].isoformat()}), not {now['path']}: this review is compared with "
        "them and kept beside them; if it is another workspace, give it --name NAME or a "
        "name in its [workspace] table"
    ]


def _first_reviews(db: ReviewStore, key: str, ids: frozenset[str], day: Date) -> dict[str, Date]:
    """The date of each goal's (of ``ids``) first review as made, when not ``day``: a
    goal with no start starts on it, and a review of an earlier date made since (a
    missed month reviewed late) finds it not started yet, not started earlier (then the
    next review read "the goal changed since the last review (start ... then, ... now)")."""
    if not ids:
        return {}
    return {gid: when for gid, when in db.first_made(key).items() if gid in ids and when != day}


def _review(
    ws: Workspace, targets: Targets, workspace: Any, key: str, day: Date, history: Any,
    performance: Any, db: ReviewStore, rules: RuleSet | None, prior: Any,
    previous: dict[str, Previous | None] | None, data_until: Date | None,
    anchors: Sequence[str], keep: bool, started: list[str],
) -> ReviewResult:  # fmt: skip
    ruleset = rules or review_rules()
    if history is None and ws.history:  # the files [workspace] names
        history = existing_files(ws.history, ws.source, "history")
    if performance is None and ws.performance:
        performance = existing_files(ws.performance, ws.source, "performance")
    histories, notes = review_histories(history, day, anchors)
    # a review sees the history up to its date, so reviewing an earlier date with a
    # later file gives what that review would have seen
    if data_until is not None and keep:
        from goalrules.errors import ValidationError

        raise ValidationError("data_until is for what-if runs: give keep=False too")
    cut = min(day, data_until) if data_until is not None else day
    histories = {
        k: attrs.evolve(s, points=tuple(p for p in s.points if p.date <= cut))
        for k, s in histories.items()
    }
    histories = {k: s for k, s in histories.items() if s.points}
    rows, more = review_performance(performance, day)
    notes += more
    check = run_check(ws, history=histories, performance=rows, today=day, prior=prior)
    # (the notes of its goals' starts kept too: a stored review rendered by date says them)
    audit = audit_of(workspace=workspace, history=history, performance=performance,
                     review_rules=ruleset, prior=prior if prior is not None else ws.prior,
                     notes=(*started, *notes))  # fmt: skip
    earlier = db.previous(key, day)
    previous_rows = earlier[1] if earlier else {}
    past = {g.id: db.history(key, g.id, until=day - _dt.timedelta(days=1))
            for g in check.goals}  # fmt: skip
    reviews = tuple(
        review_goal(
            g.smart.goal,
            g.history,
            g.smart.achievability,
            day,
            previous[g.id] if previous is not None and g.id in previous
            else _previous(previous_rows.get(g.id), g.smart.goal, past.get(g.id, [])),
            rules=ruleset,
            smart_score=g.smart.score,
            findings=_findings(g),
        )
        for g in check.goals
    )  # fmt: skip
    histories_of = {g.id: g.history for g in check.goals}
    reviews = tuple(
        _with_targets(r, histories_of.get(r.goal.id), targets.get(r.goal.id), day, ruleset,
                      prior if prior is not None else ws.prior)
        for r in reviews
    )  # fmt: skip
    goal_rows = [row_of(r) for r in reviews]
    revision = 1
    if keep:
        number = db.save(key, day, goal_rows, audit)
        revision = db.last_revision
    else:
        kept = [r for r in db.reviews(key) if r["date"] == day.isoformat()]
        number = db.number(key, day) + (0 if kept else 1)
        revision = kept[0]["revisions"] + 1 if kept else 1
    for row in goal_rows:
        past.setdefault(row["goal_id"], []).append({**row, "date": day})
    return ReviewResult(
        key,
        day,
        number,
        reviews,
        check,
        past,
        (*started, *notes),
        revision,
        audit,
        earlier[0] if earlier else None,
        earlier[1] if earlier else None,
    )


# the review's own params, and the shares each may be: a tolerance around the path of
# 100 % or more holds any value on it; a negative one none (every value read "behind the
# path by 1 %"); a negative fall in the chance flags a chance that rose too little as
# slipping ("the chance fell from 45 % to 57 %")
_PARAM_RANGES = {
    "on_track": (0.0, 1.0, "the tolerance around the required path", "from 0 % to under 100 %"),
    "slipping": (0.0, 1.0, "the fall in the chance that flags a goal", "from 0 % to 100 %"),
}


def _checked(ruleset: RuleSet) -> RuleSet:
    """``ruleset`` when its ``on_track`` and ``slipping`` params are shares they can be."""
    from goalrules.errors import ValidationError
    from goalrules.numbers import format_percent

    for name, (low, high, what, may) in _PARAM_RANGES.items():
        value = ruleset.params.get(name)
        if value is None:
            continue
        share = float(value)
        if not (low <= share <= high) or (name == "on_track" and share == high):
            raise ValidationError(
                f"{what} is a share {may}, not {format_percent(share)}", field=f"param {name}"
            )
    return ruleset


def _with_targets(
    r: GoalReview, series: Any, said: Any, day: Date, rules: RuleSet, prior: Any
) -> GoalReview:
    """A goal's review with its recurring periods and its tiers (when it has them)."""
    if said is None:
        return r
    from goalrules.judgments.review import pace_of
    from goalrules.judgments.review_periods import (
        _lower,
        period_tiers,
        review_periods,
        review_tiers,
    )

    recurs, tiers = said
    tolerance = float(rules.params.get("on_track", 0.05))
    periods = review_periods(r.goal, series, recurs, day, tolerance=tolerance) if recurs else ()
    # a recurring goal's months are its periods, each judged on its own: the start's
    # month among them (no "no month measured since the start" beside its "missed")
    no_month = None if recurs else r.no_month_since
    # nothing measured since the start: no tier has made a way or is on a path either
    value = r.value if r.unseen_since is None and no_month is None else None
    judged = review_tiers(r.goal, series, tiers, day, value=value, baseline=r.baseline,
                          elapsed=r.path_elapsed(), tolerance=tolerance, prior=prior,
                          by_deadline=r.by_deadline)  # fmt: skip
    if recurs and judged:  # each tier a target for every period, as the goal's
        judged = period_tiers(r.goal, series, recurs, tiers, judged, day, tolerance=tolerance)
    pace, under = r.pace, r.behind_by
    now = periods[-1] if periods else None
    if now is not None and (now.actual is None or now.status == "partial"):
        # its current period has no data yet (a monthly export in the month under way):
        # its pace is not known, and the goal's own level path is not its period's
        pace = under = None
    elif (
        now is not None and now.actual is not None and now.status in ("ahead", "on_track", "behind")
    ):
        # a recurring goal's pace is its current period's, and so is how far off it is
        # (the goal's own path may lie on the other side: "behind the path by 7 %" read
        # the goal's 7 % ahead beside its month's pace)
        pace = now.status
        under = pace_of(now.actual, now.due, lower_is_better=_lower(r.goal),
                        tolerance=tolerance)[1]  # fmt: skip
    return attrs.evolve(r, recurs=recurs.period if recurs else None, periods=periods,
                        tiers=judged, pace=pace, behind_by=under,
                        no_month_since=no_month)  # fmt: skip


def _previous(
    record: dict[str, Any] | None, goal: Goal, earlier: Sequence[dict[str, Any]] = ()
) -> Previous | None:
    """The last earlier review of ``goal`` (a stored row), with what of the goal changed
    since it (then it judged another goal: no streak or flag runs across the change), and
    its streak as the goal's stored reviews before the date (``earlier``, oldest first)
    run now: a review stored later of an earlier date counts among them (the streak
    stored with the row was counted without it)."""
    found = previous_from(record)
    if found is None or record is None:
        return found
    streak = _streak(earlier, record)
    return attrs.evolve(
        found,
        changed=goal_changes(record.get("goal"), goal_fields(goal)),
        streak=streak if streak is not None else found.streak,
    )


def _streak(earlier: Sequence[dict[str, Any]], last: dict[str, Any]) -> int | None:
    """How many of a goal's reviews in a row, ending at ``last``, gave its verdict of
    one unchanged goal (``None`` when ``last`` is not the latest of ``earlier``)."""
    if not earlier or earlier[-1]["date"] != last["date"] or last.get("verdict") is None:
        return None
    n = 1
    for before, after in zip(reversed(earlier[:-1]), reversed(earlier[1:]), strict=True):
        if before.get("verdict") != last["verdict"] or goal_changes(
            before.get("goal"), after.get("goal") or {}
        ):
            break
        n += 1
    return n


def goal_fields(goal: Goal) -> dict[str, Any]:
    """A goal as the store keeps it with each review."""
    return {
        "id": goal.id, "statement": goal.statement, "metric": goal.metric,
        "channel": goal.channel, "target": str(goal.target) if goal.target else None,
        "baseline": str(goal.baseline) if goal.baseline is not None else None,
        "start": goal.start.isoformat() if goal.start else None,
        "deadline": goal.deadline.isoformat() if goal.deadline else None,
    }  # fmt: skip


def row_of(r: GoalReview) -> dict[str, Any]:
    """A goal's review as the store keeps it (:data:`goalrules.io.store_schema.COLUMNS`)."""
    goal = goal_fields(r.goal)
    if r.recurs is not None:
        goal["recurs"] = r.recurs
        goal["periods"] = [p.to_dict() for p in r.periods]
    if r.tiers:
        goal["tiers"] = [t.to_dict() for t in r.tiers]
    if r.data_date is not None:  # the day the value stands for (the trend says its age)
        goal["data_to"] = r.data_date.isoformat()
    if r.by_deadline:  # the value by the deadline, from a history that runs past it
        goal["data_by_deadline"] = True
    if r.met_at_start:  # the baseline met the target already (no share of a way)
        goal["met_at_start"] = True
    if r.gaps:  # a total's months with no data: its progress is a floor
        goal["gaps"] = list(r.gaps)
    if r.unseen_since is not None:  # its data ends before its start: no way, no pace
        goal["no_data_since"] = r.unseen_since.isoformat()
    if r.no_month_since is not None:  # a flow with no month measured since its start
        goal["no_month_since"] = r.no_month_since.isoformat()
    if r.baseline_from is not None:  # the way counted from the history's first value
        goal["baseline_from"] = r.baseline_from.isoformat()
    previous = None
    if r.previous is not None:
        previous = {**r.previous.to_dict(), "streak": r.previous.streak}
        if r.previous.changed:
            previous["changed"] = list(r.previous.changed)
    return {
        "goal_id": r.goal.id, "goal": goal, "verdict": r.verdict,
        "probability": _finite(r.probability), "progress": _finite(r.progress),
        "elapsed": _finite(r.elapsed), "pace": r.pace, "value": _finite(r.value),
        "baseline": _finite(r.baseline), "target": _finite(r.target), "unit": r.unit,
        "flags": [f.name for f in r.flags],
        "findings": [f.message for f in r.flags] + list(r.findings),
        "smart_score": _finite(r.smart_score), "streak": r.streak, "path": _finite(r.path),
        "behind_by": _finite(r.behind_by), "previous": previous, "outcomes": dict(r.outcomes),
    }  # fmt: skip


def _finite(x: float | None) -> float | None:
    return None if x is None or x != x or x in (float("inf"), float("-inf")) else float(x)


def reviews_of(
    store: ReviewStore | str | Path, workspace: str | None = None
) -> list[dict[str, Any]]:
    """The reviews kept in ``store`` (``goalrules review --store DB --list``)."""
    db = store if isinstance(store, ReviewStore) else open_store(store, create=False)
    try:
        return db.reviews(workspace)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
