"""Reports of a review (``goalrules review``): one line of trend per goal in text, a table
in markdown, the JSON of :meth:`ReviewResult.to_dict`, and an HTML page with, per goal, a
burn-up chart (the values, the path the target requires, the projection with its band,
a mark per review) and the chance across reviews."""

from __future__ import annotations

import json
from typing import Any

from goalrules.judgments.achievability import shipped_chance_edges
from goalrules.judgments.achievability_text import chance_percent, number_text
from goalrules.judgments.review import GoalReview, goal_changes, share_percent
from goalrules.numbers import words
from goalrules.report.charts import (
    _day_number,
    _style,
    _svg,
    charts_available,
    dated_points,
    pyplot,
    running_total,
)
from goalrules.report.markdown import _md_escape
from goalrules.reviews import ReviewResult, goal_fields
from goalrules.reviews.alerts import flag_words
from goalrules.visible import shown_as_written

__all__ = ["render_review"]


def _pct(x: float | None) -> str:
    return share_percent(x, "-")


def _chance_pct(x: float | None) -> str:
    """A chance beside its verdict: never rounded across one half or the shipped
    verdict thresholds ("10 %" beside "unrealistic")."""
    return "-" if x is None else chance_percent(x, shipped_chance_edges())


def _num(x: float | None, unit: str | None = None) -> str:
    """A value as the judgment writes the metric's values (a count in whole numbers), so
    that a review's value and its path are written alike."""
    return "-" if x is None else number_text(x, unit or "dimensionless")


def _verdict(verdict: str | None) -> str:
    """A verdict as a reader says it ("not enough data"); the JSON keeps its name."""
    return words(verdict) if verdict else "-"


def _flag(name: str) -> str:
    """A flag as a reader says it ("a candidate to reset"); the JSON keeps its name."""
    return flag_words(name) or name


def _text(result: ReviewResult) -> str:
    head = f"goalrules review: {result.workspace}, review {result.number} ({result.date})"
    if result.revision > 1:
        head += f", revision {result.revision}"
    lines = [head, "=" * len(head), ""]
    width = max((len(g.goal.id) for g in result.goals), default=4)
    for g in result.goals:
        lines.append(f"{g.goal.id:<{width}}  {_verdict(g.verdict):<17} {g.trend()}")
        for f in g.flags:
            lines.append(f"{'':<{width}}  ! {_flag(f.name)}: {f.message}")
        for line in g.targets_lines():
            lines.append(f"{'':<{width}}  - {line}")
    for note in result.notes:
        lines.append(f"note: {note}")
    return "\n".join(lines) + "\n"


def _markdown(result: ReviewResult) -> str:
    revision = f", revision {result.revision}" if result.revision > 1 else ""
    out = [f"# goalrules review: {_md_escape(result.workspace)}", "",
           f"Review {result.number}, {result.date}{revision}.", "",
           "| goal | verdict | P | progress | elapsed | pace | trend | flags |",
           "|---|---|---|---|---|---|---|---|"]  # fmt: skip
    for g in result.goals:
        flags = ", ".join(_flag(f.name) for f in g.flags) or "-"
        pace = words(g.pace or "-")
        out.append(f"| {_md_escape(g.goal.id)} | {_verdict(g.verdict)} | "
                   f"{_chance_pct(g.probability)} | {g.way()} | {_pct(g.elapsed)} | {pace} | "
                   f"{_md_escape(g.trend())} | {flags} |")  # fmt: skip
    targets = [(g, line) for g in result.goals for line in g.targets_lines()]
    if targets:
        out += ["", "## Periods and tiers", ""]
        out += [f"- **{_md_escape(g.goal.id)}**, {_md_escape(line)}" for g, line in targets]
    flagged = [(g, f) for g in result.goals for f in g.flags]
    if flagged:
        out += ["", "## Flags", ""]
        out += [f"- **{_md_escape(g.goal.id)}**, {_flag(f.name)}: {_md_escape(f.message)}"
                for g, f in flagged]  # fmt: skip
    if result.notes:  # what reading the data assumed, as the text says it
        out += ["", "## Notes", ""]
        out += [f"- {_md_escape(note)}" for note in result.notes]
    return "\n".join(out) + "\n"


def _value_date(points: Any, review: dict[str, Any]) -> Any:
    """Where a review's mark sits: on the value it read (the history's latest point on
    or before the review's date), not at the review's own date, off the line."""
    seen = [p for p in points if p.date <= review["date"]]
    if seen and abs(seen[-1].value - review["value"]) <= 1e-9 * max(1.0, abs(review["value"])):
        return seen[-1].date
    return review["date"]


def _burn_up(result: ReviewResult, g: GoalReview) -> str | None:
    """Values, the required path, the projection with its band, a mark per review."""
    if result.check is None:  # a review rendered from the store: no history behind it
        return None
    check = next((c for c in result.check.goals if c.id == g.goal.id), None)
    ach = check.smart.achievability if check else None
    goal = g.goal
    if (not charts_available() or check is None or check.history is None or ach is None
            or g.baseline is None or g.target is None or goal.start is None
            or goal.deadline is None):  # fmt: skip
        return None
    with pyplot() as plt:
        from goalrules.judgments.review import compounds, required_path

        pts: Any = dated_points(check.history, result.date)  # each on the day it stands for
        if ach.cumulative:  # a total ("600 leads in 2026"): the running total since the start
            pts = running_total(pts, goal.start.replace(day=1))
        fig, ax = plt.subplots(figsize=(6, 3))
        ax.xaxis_date()
        ax.plot([_day_number(p.date) for p in pts], [p.value for p in pts], marker="o",
                color="#2563eb", label="value")  # fmt: skip
        compound = compounds(goal, ach)
        begin = g.baseline_from or goal.start  # (a baseline first seen after the start)
        days = (goal.deadline - begin).days
        path = [required_path(g.baseline, g.target, i / 20, compound=compound) for i in range(21)]
        ax.plot([_day_number(begin) + days * i / 20 for i in range(21)], path, color="#16a34a",
                label="required path")  # fmt: skip
        if ach.last_date is not None and ach.months_left and ach.months_left > 0:
            steps = max(2, int(ach.months_left) + 1)
            bx, lo, mid, hi = [], [], [], []
            for i in range(steps + 1):
                band = ach.band(ach.months_left * i / steps)
                if band is None:
                    break
                bx.append(_day_number(ach.last_date) + ach.months_left * i / steps * 365.25 / 12)
                lo.append(band[0])
                mid.append(band[1])
                hi.append(band[2])
            if bx:
                ax.fill_between(bx, lo, hi, color="#93c5fd", alpha=0.4, label="80 % band")
                ax.plot(bx, mid, linestyle="--", color="#2563eb", label="projection")
        marks = [r for r in result.history.get(goal.id, []) if r.get("value") is not None]
        if marks:
            reviewed = [_day_number(_value_date(pts, r)) for r in marks]
            ax.scatter(reviewed, [r["value"] for r in marks], marker="D", color="#111827",
                       zorder=5, label="reviews")  # fmt: skip
        ax.axhline(g.target, color="#dc2626", linewidth=0.8, label="target")
        ax.set_title(f"{goal.id}: burn-up", fontsize=11)
        ax.set_ylabel(goal.metric.replace("_", " ") if goal.metric else "value", fontsize=10)
        _style(ax)
        fig.autofmt_xdate()
        return _svg(fig)


def _chance(result: ReviewResult, g: GoalReview) -> str | None:
    """The chance across the reviews of the goal as it is now (a chance given before its
    target or deadline changed was of another goal: no line runs across the change)."""
    now = goal_fields(g.goal)
    rows = [
        r
        for r in result.history.get(g.goal.id, [])
        if r.get("probability") is not None and not goal_changes(r.get("goal"), now)
    ]
    if not charts_available() or len(rows) < 2:
        return None
    with pyplot() as plt:
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.xaxis_date()
        ax.plot([_day_number(r["date"]) for r in rows], [100 * r["probability"] for r in rows],
                marker="o", color="#7c3aed")  # fmt: skip
        ax.set_ylim(0, 100)
        ax.set_ylabel("chance, %", fontsize=8)
        ax.set_title(f"{g.goal.id}: chance across reviews", fontsize=10)
        ax.tick_params(labelsize=7)
        fig.autofmt_xdate()
        return _svg(fig)


def _html(result: ReviewResult) -> str:
    from goalrules import __version__
    from goalrules.report.html import _environment

    goals: list[dict[str, Any]] = []
    for g in result.goals:
        past = result.history.get(g.goal.id, [])
        goals.append({
            "id": g.goal.id, "statement": g.goal.statement, "verdict": _verdict(g.verdict),
            "probability": _chance_pct(g.probability), "progress": g.way(),
            "elapsed": _pct(g.elapsed), "pace": g.pace, "trend": g.trend(),
            "flags": [_flag(f.name) for f in g.flags], "messages": [f.message for f in g.flags],
            "targets": g.targets_lines(),
            "charts": [c for c in (_burn_up(result, g), _chance(result, g)) if c],
            "reviews": [{"date": r["date"].isoformat(), "verdict": _verdict(r.get("verdict")),
                         "probability": _chance_pct(r.get("probability")),
                         # a total with months of no data: its total so far is a floor
                         "value": ("at least " if (r.get("goal") or {}).get("gaps") else "")
                                  + _num(r.get("value"), r.get("unit")),
                         "path": _num(r.get("path"), r.get("unit")),
                         "pace": words(r["pace"]) if r.get("pace") else None,
                         "flags": ", ".join(_flag(f) for f in r.get("flags") or []) or "-"}
                        for r in past],
        })  # fmt: skip
    template = _environment().get_template("review.html.j2")
    return str(template.render(
        title=f"goalrules review: {result.workspace}", workspace=result.workspace,
        number=result.number, date=result.date.isoformat(), version=__version__, goals=goals,
        charts_available=charts_available(), notes=list(result.notes),
        revision=result.revision,
    ))  # fmt: skip


@shown_as_written
def render_review(result: ReviewResult, fmt: str = "text") -> str:
    """A review in ``text``, ``markdown``, ``json`` or ``html``; one read back from the
    store in the locale its messages were written for (its audit trail's), so that the
    numbers around them read alike ("1.400 followers", written in German, is not 1.4)."""
    from goalrules.numbers import current_locale, use_locale
    from goalrules.reviews.audit import stored_locale

    locale = stored_locale(result.audit) if result.check is None else None
    if locale is not None and locale != current_locale():
        with use_locale(locale):
            return _render(result, fmt)
    return _render(result, fmt)


def _render(result: ReviewResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.to_dict(), indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(result)
    if fmt == "html":
        return _html(result)
    return _text(result)
