"""Stored reviews read back: a review rendered again by date in any format without
re-running it (:func:`stored_review`), and a goal's verdict explained and reproduced
from its audit trail (:func:`explain`, ``goalrules review --explain GOAL --date D``).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from goalrules.engine import RuleSet
from goalrules.errors import GoalRulesError
from goalrules.io.store import ReviewStore, StoreError, open_store
from goalrules.judgments.review import Flag, GoalReview, Previous, previous_from
from goalrules.judgments.review_periods import PeriodReview, TierReview
from goalrules.model import Goal
from goalrules.numbers import current_locale, use_locale
from goalrules.reviews import ReviewResult, review
from goalrules.reviews.audit import changed_since, differences, explanation, stored_locale

__all__ = ["Explained", "explain", "explain_review", "stored_review"]

Date = _dt.date


def _goal(row: Mapping[str, Any]) -> Goal:
    g = row.get("goal") or {}
    fields = {k: g.get(k) for k in ("metric", "channel", "target", "baseline", "start",
                                     "deadline") if g.get(k) is not None}  # fmt: skip
    try:
        return Goal(str(row["goal_id"]), statement=g.get("statement"), **fields)
    except (GoalRulesError, ValueError, TypeError):
        return Goal(str(row["goal_id"]), statement=g.get("statement"))


def goal_review_of(row: Mapping[str, Any], day: Date, tolerance: float = 0.05) -> GoalReview:
    """A :class:`GoalReview` as it was stored (no history, no check behind it), judged
    on track within ``tolerance`` of its path (the review ruleset's param then)."""
    flags = list(row.get("flags") or [])
    findings = list(row.get("findings") or [])
    messages = findings[: len(flags)]
    prev = row.get("previous")
    previous = previous_from(prev) if prev else None
    said = row.get("goal") or {}
    return GoalReview(
        goal=_goal(row), date=day, verdict=row.get("verdict"),
        probability=row.get("probability"), progress=row.get("progress"),
        elapsed=row.get("elapsed"), pace=row.get("pace"), behind_by=row.get("behind_by"),
        value=row.get("value"), baseline=row.get("baseline"), target=row.get("target"),
        path=row.get("path"), unit=row.get("unit"), streak=int(row.get("streak") or 1),
        previous=previous,
        flags=tuple(Flag(n, m) for n, m in zip(flags, messages, strict=False)),
        smart_score=row.get("smart_score"), findings=tuple(findings[len(flags):]),
        outcomes=tuple((row.get("outcomes") or {}).items()),
        recurs=said.get("recurs"),
        periods=tuple(PeriodReview.from_dict(p) for p in said.get("periods") or []),
        tiers=tuple(TierReview.from_dict(t) for t in said.get("tiers") or []),
        data_date=_day(said.get("data_to")), tolerance=tolerance,
        by_deadline=bool(said.get("data_by_deadline")),
        met_at_start=bool(said.get("met_at_start")),
        gaps=tuple(str(m) for m in said.get("gaps") or ()),
        unseen_since=_day(said.get("no_data_since")),
        no_month_since=_day(said.get("no_month_since")),
        baseline_from=_day(said.get("baseline_from")),
    )  # fmt: skip


def _day(text: Any) -> Date | None:
    """A stored ISO day, or ``None`` (a review stored before it was kept, or a value no
    day can be read from)."""
    try:
        return Date.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def _tolerance(audit: Mapping[str, Any]) -> float:
    """The ``on_track`` param the review was judged with (its audit trail's), else the
    shipped 5 %."""
    try:
        return float((audit.get("review_params") or {}).get("on_track", 0.05))
    except (TypeError, ValueError):
        return 0.05


def _open(store: ReviewStore | str | Path) -> ReviewStore:
    return store if isinstance(store, ReviewStore) else open_store(store, create=False)


def stored_review(
    store: ReviewStore | str | Path,
    day: Date,
    *,
    name: str | None = None,
    revision: int | None = None,
) -> ReviewResult:
    """The review of ``day`` as it was stored (its latest revision, or ``revision``),
    ready for :func:`goalrules.report.review.render_review` in any format."""
    db = _open(store)
    try:
        kept = db.review_at(day, name, revision)
        if kept is None:
            which = f" (revision {revision})" if revision is not None else ""
            raise StoreError(
                f"no review of {day.isoformat()}{which}"
                + (f" for {name}" if name else "")
                + ": see --list",
                source=db.location,
            )
        past = {
            g["goal_id"]: db.history(kept["workspace"], g["goal_id"], until=day)
            for g in kept["goals"]
        }
        earlier = db.previous(kept["workspace"], day)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()
    tolerance = _tolerance(kept["audit"])
    goals = tuple(goal_review_of(g, day, tolerance) for g in kept["goals"])
    notes = tuple(str(n) for n in kept["audit"].get("notes") or [])
    changed = changed_since(kept["audit"])
    locale = stored_locale(kept["audit"])
    if locale is not None and locale != current_locale():
        notes += (f"shown in the locale it was stored in, {locale} (its messages were "
                  "written for it)",)  # fmt: skip
    if changed:  # its verdicts are the record of that day, not what goalrules says now
        notes += (
            f"shown as stored (revision {kept['revision']} of {kept['revisions']}), with its "
            f"verdicts, chances and flags as judged then ({'; '.join(changed)}); reviewing "
            f"{day.isoformat()} again stores a new revision judged as today.",
        )
    return ReviewResult(
        kept["workspace"], day, kept["number"], goals, None, past, notes,
        kept["revision"], kept["audit"], earlier[0] if earlier else None,
        earlier[1] if earlier else None,
    )  # fmt: skip


@attrs.frozen
class Explained:
    """A goal's stored verdict with its explanation, and what re-running it gives."""

    goal_id: str
    workspace: str
    date: Date
    number: int
    revision: int
    stored: str  # the explanation, from the stored row
    now: str | None  # the same, re-run from the recorded inputs (None: cannot re-run)
    changes: tuple[str, ...]  # what differs since (rules, params, prior, data, version)
    why_not: str | None = None  # why it could not be re-run

    @property
    def reproduced(self) -> bool:
        """The re-run gives the stored explanation byte-for-byte."""
        return self.now is not None and self.now == self.stored

    def render(self) -> str:
        head = (f"{self.goal_id}: review {self.number} of {self.workspace} "
                f"({self.date.isoformat()}, revision {self.revision}), as stored")  # fmt: skip
        out = [head, "", self.stored.rstrip("\n"), ""]
        changed = "; ".join(self.changes)
        if self.now is None:
            out.append(f"Not re-run: {self.why_not}.")
        elif self.reproduced and not self.changes:
            out.append("Reproduced byte-for-byte: the same goalrules, rules, params, prior "
                       "and data give the same verdict and explanation.")  # fmt: skip
        elif self.reproduced:
            out.append(f"Reproduced byte-for-byte, though since then {changed}.")
        else:
            why = changed or "nothing the audit trail records differs"
            out += [f"Not reproduced: since then {why}. Re-run today it says:", "",
                    self.now.rstrip("\n")]  # fmt: skip
        return "\n".join(out) + "\n"


def explain(
    store: ReviewStore | str | Path,
    goal_id: str,
    day: Date,
    *,
    name: str | None = None,
    revision: int | None = None,
    rules: RuleSet | None = None,
) -> Explained:
    """Explain ``goal_id``'s verdict at the review of ``day`` as stored, and re-run it
    from the files its audit trail names, with the current rules (``rules``: the flags'
    ruleset, default the shipped one): the same explanation byte-for-byte when nothing
    changed, else the changes named."""
    db = _open(store)
    try:
        kept = db.review_at(day, name, revision)
        if kept is None:
            raise StoreError(f"no review of {day.isoformat()}: see --list", source=db.location)
        row = next((g for g in kept["goals"] if g["goal_id"] == goal_id), None)
        if row is None:
            ids = ", ".join(g["goal_id"] for g in kept["goals"]) or "none"
            raise StoreError(
                f"the review of {day.isoformat()} has no goal {goal_id!r} (it has: {ids})",
                source=db.location,
            )
        audit = kept["audit"]
        # told and re-run in the locale its messages were written for
        locale = stored_locale(audit) or current_locale()
        with use_locale(locale):
            return _explain(db, kept, row, goal_id, day, rules)
    finally:
        if not isinstance(store, ReviewStore):
            db.close()


def _explain(
    db: ReviewStore,
    kept: Mapping[str, Any],
    row: Mapping[str, Any],
    goal_id: str,
    day: Date,
    rules: RuleSet | None,
) -> Explained:
    """:func:`explain` with the store open, in the stored review's locale."""
    stored = explanation(row)
    audit = kept["audit"]
    inputs = audit.get("inputs") or {}
    paths = {k: [i.get("path") for i in inputs.get(k) or []] for k in
             ("workspace", "history", "performance")}  # fmt: skip
    why_not = None
    piped = [k for k in ("workspace", "history", "performance")
             if any(i.get("kind") == "standard input" for i in inputs.get(k) or [])]  # fmt: skip
    if not audit:
        why_not = "it was stored before goalrules kept an audit trail"
    elif piped:
        why_not = f"its {piped[0]} was read from standard input, not a file"
    elif not paths["workspace"] or any(p is None for v in paths.values() for p in v):
        why_not = "it was made from data in memory, not files"
    elif missing := [p for v in paths.values() for p in v if not Path(p).exists()]:
        why_not = f"{Path(missing[0]).name} is gone"
    now = None
    changes: list[str] = []
    if why_not is None:
        previous = {g["goal_id"]: _previous(g) for g in kept["goals"]}
        again = review(
            paths["workspace"][0], paths["history"] or None, store=db,
            performance=paths["performance"] or None, today=day, name=kept["workspace"],
            keep=False, rules=rules, prior=audit.get("prior_text"), previous=previous,
        )  # fmt: skip
        from goalrules.reviews import row_of

        match = next((g for g in again.goals if g.goal.id == goal_id), None)
        now = explanation(row_of(match)) if match is not None else "(no such goal now)\n"
        changes = differences(audit, again.audit)
    else:
        changes = differences(audit, audit) if audit else []
    return Explained(goal_id, kept["workspace"], day, kept["number"], kept["revision"],
                     stored, now, tuple(changes), why_not)  # fmt: skip


def _previous(row: Mapping[str, Any]) -> Previous | None:
    prev = row.get("previous")
    return previous_from(prev) if prev else None


explain_review = explain
