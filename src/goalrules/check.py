"""One run over a workspace: SMART and achievability per goal, channel decisions, the
prioritised plan and its lint. The CLI and the reports are built on :func:`run_check`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

import attrs

from goalrules.dates import as_date
from goalrules.engine import RuleSet
from goalrules.errors import UnitError
from goalrules.io import (
    Workspace,
    histories_for,
    history_for,
    load_history,
    load_performance,
    load_workspace,
)
from goalrules.io.own_or_export import (
    read_history_file,
    read_history_files,
    read_performance_file,
    read_performance_files,
    read_sessions_file,
)
from goalrules.io.workspace_settings import existing_files
from goalrules.judgments.achievability import Achievability, Verdict, assess_achievability
from goalrules.judgments.achievability_text import chance_percent
from goalrules.judgments.achievability_units import infer_cumulative
from goalrules.judgments.channels import ChannelDecision, decide_channels
from goalrules.judgments.growth import GrowthPrior, resolve_prior
from goalrules.judgments.planning import (
    Due,
    GoalLinter,
    LintFinding,
    RankedTactic,
    lint_plan,
    owner_load,
    prioritize,
    schedule,
)
from goalrules.judgments.pooled import FlowCentre, workspace_centres
from goalrules.judgments.smart import CriterionScore, SmartReport, score_smart
from goalrules.metrics import catalog
from goalrules.model import ChannelMonth, Goal, MetricSeries
from goalrules.model.tables import is_table
from goalrules.numbers import format_score

__all__ = [
    "CheckResult",
    "CheckRun",
    "GoalResult",
    "PlanResult",
    "demo_paths",
    "run_check",
    "run_plan",
    "start_check",
]

Date = _dt.date

#: judgments a check keeps for the goals that ask the same question
#: (:meth:`CheckRun.judgment`)
KEPT_JUDGMENTS = 1024


@attrs.frozen
class GoalResult:
    """One goal's SMART report (with its achievability judgment when there was a
    history)."""

    smart: SmartReport
    history: MetricSeries | None = None

    @property
    def id(self) -> str:
        return self.smart.goal.id

    def to_dict(
        self,
        *,
        criterion: Callable[[CriterionScore], Any] | None = None,
        judgment: Callable[[Achievability], tuple[Any, Any]] | None = None,
    ) -> dict[str, Any]:
        """The goal's report as JSON data (``criterion``: see :meth:`SmartReport.to_dict`;
        ``judgment`` writes the achievability judgment and its forecast, by default
        :meth:`Achievability.to_dict` and :meth:`Achievability.forecast_json`: a JSON
        report may stand a part it writes once for them)."""
        ach = self.smart.achievability
        written: tuple[Any, Any] = (None, None)
        if ach is not None:
            written = (
                judgment(ach) if judgment is not None else (ach.to_dict(), ach.forecast_json())
            )
        return {
            "id": self.id,
            "statement": self.smart.goal.statement,
            "smart": self.smart.to_dict(criterion=criterion),
            "achievability": written[0],
            "forecast": written[1],
        }


@attrs.frozen
class PlanResult:
    """The prioritised tactics, their due dates in the window, owners' load and lint."""

    ranked: tuple[RankedTactic, ...]
    due: tuple[Due, ...]
    lint: tuple[LintFinding, ...]
    start: Date
    days: int

    def due_dates(self, tactic_id: str) -> list[Date]:
        return [d.date for d in self.due if d.tactic == tactic_id]

    def next_due(self, tactic_id: str) -> Date | None:
        """The tactic's first due date in the window, else its next one after it (a
        tactic due every 30 June, or on a date past the window's end, read "-" as if it
        had no date); ``None`` when it has none to come."""
        due = self.due_dates(tactic_id)
        if due:
            return due[0]
        tactic = next((r.tactic for r in self.ranked if r.id == tactic_id), None)
        if tactic is None or tactic.eta is None:
            return None
        if isinstance(tactic.eta, Date):
            return tactic.eta if tactic.eta > self.start else None
        return tactic.eta.after(self.start)

    def beyond(self, tactic_id: str) -> str:
        """How the markdown and HTML due column say a tactic due only after the window:
        "- (next 2027-06-30)"; "-" when it has no date to come."""
        nxt = None if self.due_dates(tactic_id) else self.next_due(tactic_id)
        return f"- (next {nxt.isoformat()})" if nxt is not None else "-"

    @property
    def load(self) -> dict[str, dict[Date, int]]:
        return owner_load(list(self.due))

    def to_dict(self) -> dict[str, Any]:
        return {
            "tactics": [
                {
                    "id": r.id,
                    "goal": r.tactic.goal,
                    "quadrant": r.quadrant.value,
                    "rank": r.rank,
                    "value": r.tactic.value,
                    "complexity": r.tactic.complexity,
                    "owners": list(r.tactic.owners),
                    "due": [d.isoformat() for d in self.due_dates(r.id)],
                }
                for r in self.ranked
            ],
            "lint": [f.to_dict() for f in self.lint],
            "window": {"start": self.start.isoformat(), "days": self.days},
        }


@attrs.frozen
class CheckResult:
    """Everything ``goalrules check`` reports."""

    name: str | None
    today: Date
    goals: tuple[GoalResult, ...]
    channels: tuple[ChannelDecision, ...] | list[ChannelDecision]  # with its portfolio
    plan: PlanResult | None
    notes: tuple[str, ...] = ()  # what reading the data files assumed or left out

    @property
    def lowest_score(self) -> float | None:
        return min((g.smart.score for g in self.goals), default=None)

    def __repr__(self) -> str:
        from goalrules.numbers import format_count as n

        low = self.lowest_score
        lowest = f", lowest SMART {low:.0f}" if low is not None else ""
        tactics = len(self.plan.ranked) if self.plan else 0
        return (f"<CheckResult {self.name or '(no name)'!r} as of {self.today.isoformat()}: "
                f"{n(len(self.goals), 'goal')}{lowest}, {n(len(self.channels), 'channel')}, "
                f"{n(tactics, 'tactic')}>")  # fmt: skip

    def _repr_html_(self) -> str:
        """The check in a notebook: goals, channels and the plan as compact tables."""
        from goalrules.engine.notebook import badge, table

        goals = [(g.id, f"{format_score(g.smart.score)}/100",
                  badge(g.smart.achievability.verdict.value) if g.smart.achievability else "-",
                  g.smart.suggestions[0] if g.smart.suggestions else "")
                 for g in self.goals]  # fmt: skip
        title = f"{self.name or 'workspace'}, as of {self.today.isoformat()}"
        out = table(["goal", "SMART", "achievability", "first fix"], goals,
                    caption=f"Goals: {title}", raw=(2,))  # fmt: skip
        if self.channels:
            rows = [(c.channel, badge(c.decision.value), c.reasons[0] if c.reasons else "")
                    for c in self.channels]  # fmt: skip
            out += table(["channel", "decision", "why"], rows, caption="Channels", raw=(1,))
        if self.plan is not None and self.plan.ranked:
            ranked = [(str(r.rank), r.id, r.quadrant.value.replace("_", " "),
                       ", ".join(r.tactic.owners) or "(nobody)")
                      for r in self.plan.ranked]  # fmt: skip
            out += table(["#", "tactic", "quadrant", "owners"], ranked, caption="Plan")
        return f"<div>{out}</div>"

    def to_frame(self, kind: str = "pandas") -> Any:
        """One row per goal: SMART score, achievability verdict and chance."""
        from goalrules.engine.notebook import frame

        rows = []
        for g in self.goals:
            ach = g.smart.achievability
            rows.append({"goal": g.id, "smart": g.smart.score,
                         "verdict": ach.verdict.value if ach else None,
                         "probability": ach.probability if ach else None})  # fmt: skip
        return frame(rows, kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "workspace": self.name,
            "today": self.today.isoformat(),
            "goals": [g.to_dict() for g in self.goals],
            "channels": [c.to_dict() for c in self.channels],
            "plan": self.plan.to_dict() if self.plan is not None else None,
            "notes": list(self.notes),
        }


def run_plan(
    workspace: Workspace,
    *,
    today: Date,
    days: int = 90,
    smart_scores: Mapping[str, float] | None = None,
    goal_lint: Mapping[str, Sequence[LintFinding]] | None = None,
) -> PlanResult:
    """The plan of ``workspace`` prioritised, scheduled over ``days`` days and linted
    (see :func:`~goalrules.judgments.planning.lint_plan` for ``smart_scores`` and
    ``goal_lint``)."""
    plan = workspace.plan
    today = as_date(today) or Date.today()
    due = schedule(plan, start=today, days=days)
    lint = lint_plan(plan, today=today, smart_scores=smart_scores, days=days, goal_lint=goal_lint)
    return PlanResult(tuple(prioritize(plan)), tuple(due), tuple(lint), today, days)


@attrs.define
class CheckRun:
    """A check under way: the workspace and its data read, the goals judged one at a
    time by :meth:`goals` (so a report can write each goal as it is judged and hold
    none of them), the channels and the plan by :meth:`channels` and :meth:`plan`.
    :func:`run_check` collects all of it into a :class:`CheckResult`; the CLI streams
    it (:func:`goalrules.report.stream.stream_check`)."""

    workspace: Workspace
    today: Date
    histories: Mapping[tuple[str | None, str], MetricSeries]
    prior: GrowthPrior | None
    rubric: RuleSet | None
    notes: list[str]
    days: int = 90
    progress: Callable[[str, int, int], None] | None = None
    performance: Iterable[ChannelMonth] | str | Path | Any = None
    sessions: str | Path | None = None
    #: the currency of the spend; ``None``: none was said (USD is written, with a note)
    currency: str | None = None
    scores: dict[str, float] = attrs.Factory(dict)
    centres: dict[str, FlowCentre] = attrs.Factory(dict)
    #: each judged goal's findings of the plan's lint (judged and linted in one go)
    lint: dict[str, list[LintFinding]] = attrs.Factory(dict)
    _linter: GoalLinter | None = attrs.field(default=None, init=False, repr=False)
    #: the achievability judgments made so far, by what a judgment reads of its goal
    #: (:meth:`judgment`)
    _judgments: dict[tuple[Any, ...], tuple[tuple[Any, ...], Achievability]] = attrs.field(
        factory=dict, init=False, repr=False
    )

    def prior_for(self, goal: Goal) -> GrowthPrior | None:
        """The prior a goal is judged with: its flow metric's centre, learnt across the
        history file's histories of it (:mod:`goalrules.judgments.pooled`), when the
        user gave no prior and there are enough of them; else the run's prior."""
        found = self.centres.get(goal.metric) if goal.metric is not None else None
        return found.prior if found is not None else self.prior

    @property
    def name(self) -> str | None:
        return self.workspace.name

    def goals(self, start: int = 0, stop: int | None = None) -> Iterator[GoalResult]:
        """Each goal's result as it is judged, in the workspace's order (the goals
        ``start`` to ``stop``: all by default); its SMART score is kept for the plan's
        lint (a number a goal)."""
        ws = self.workspace
        total = len(ws.goals)
        chosen = ws.goals if start == 0 and stop is None else ws.goals[start:stop]
        for i, g in enumerate(chosen, start=start + 1):
            prior = self.prior_for(g)
            series, ach = _judge_channels(g, self.histories, self.today, prior)
            if ach is None and series is not None and g.target is not None:
                ach = self.judgment(g, series, prior)
            # achievability measures a target against the history: without a target there
            # is nothing to judge, and the criterion stays unknown, as it is without a
            # history (so a goal scores the same in `check`, `plan` and `demo`)
            judged = series if g.target is not None else None
            report = score_smart(
                g,
                judged,
                today=self.today,
                context=ws.plan,
                rules=self.rubric,
                prior=prior,
                achievability=ach if g.target is not None else None,
            )
            self.scores[g.id] = report.score
            self.lint[g.id] = self.linter()(g, report.score)
            if self.progress is not None and (i % 50 == 0 or i == total):
                self.progress("goals", i, total)
            yield GoalResult(report, series)

    def judgment(
        self, goal: Goal, series: MetricSeries, prior: GrowthPrior | None
    ) -> Achievability:
        """``assess_achievability(goal, series, today=self.today, prior=prior)``, made
        once for the goals of the run that ask the same question: an agency's book
        holds many goals of the same metric, channel, target and deadline, which
        differ in their ids, owners and the words of their statements. A judgment reads
        of its goal its metric, target, baseline, start and deadline and, of the
        statement, only whether it reads as a total over the period
        (:func:`~goalrules.judgments.achievability_units.infer_cumulative`); the key
        holds these, the channel, the recurrence and the tiers. The objects that cost
        more to compare than to hold (the series, the prior, a target, a baseline) are
        compared by identity: each kept judgment holds them, so that their ids stay
        theirs. Two goals share a judgment only where judging each gives the same. At
        most :data:`KEPT_JUDGMENTS` are kept (forgotten all at once): a judgment kept
        with what it was made of takes some 15 to 20 kB."""
        same = (series, prior, goal.target, goal.baseline, goal.recurs)
        key = (goal.metric, goal.channel, goal.start, goal.deadline, goal.tiers,
               infer_cumulative(goal), *map(id, same))  # fmt: skip
        known = self._judgments.get(key)
        if known is not None:
            return known[1]
        ach = judge_goal(goal, series, today=self.today, prior=prior)
        if len(self._judgments) >= KEPT_JUDGMENTS:
            self._judgments.clear()
        self._judgments[key] = (same, ach)
        return ach

    def linter(self) -> GoalLinter:
        """The plan's lint of one goal (made once, before any worker is forked)."""
        if self._linter is None:
            self._linter = GoalLinter.for_plan(self.workspace.plan, today=self.today)
        return self._linter

    def channels(self) -> list[ChannelDecision]:
        """The channel decisions (when performance data or sessions were given)."""
        rows: list[ChannelMonth] = []
        performance, day = self.performance, self.today
        if isinstance(performance, (str, Path)):
            rows, said = read_performance_file(performance, today=day, progress=self.progress)
            self.notes += said
        elif _paths(performance):  # several files: analytics joined with a CRM
            rows, said = read_performance_files(performance, today=day, progress=self.progress)
            self.notes += said
        elif performance is not None:
            rows = load_performance(performance) if is_table(performance) else list(performance)
        if isinstance(self.sessions, (str, Path)):
            attributed, said = read_sessions_file(self.sessions, today=day, progress=self.progress)
            rows += attributed
            self.notes += said
        ws = self.workspace
        if not rows:
            return []
        decided = decide_channels(rows, goals=ws.goals, channels=ws.channels, today=day,
                                  currency=self.currency or "USD")  # fmt: skip
        self.notes += decided.notes  # the months left out, not over by today
        portfolio = decided.portfolio
        if self.currency is None and portfolio is not None and portfolio.spend is not None:
            self.notes.append(USD_NOTE)  # USD written, never named: said
        return decided

    def plan(self) -> PlanResult | None:
        """The prioritised plan, linted with the SMART scores of the goals judged so far
        (run it after :meth:`goals`)."""
        ws = self.workspace
        if not (ws.plan.tactics or ws.plan.goals):
            return None
        return run_plan(
            ws, today=self.today, days=self.days, smart_scores=self.scores, goal_lint=self.lint
        )


def start_check(
    workspace: Workspace | str | Path,
    *,
    history: Mapping[tuple[str | None, str], MetricSeries] | str | Path | Any = None,
    performance: Iterable[ChannelMonth] | str | Path | Any = None,
    sessions: str | Path | None = None,
    rules: Sequence[RuleSet] = (),
    today: Date | str | None = None,
    days: int = 90,
    progress: Callable[[str, int, int], None] | None = None,
    prior: GrowthPrior | Mapping[str, Any] | float | str | None = None,
    currency: str | None = None,
) -> CheckRun:
    """Read the workspace and the history and get ready to judge (the arguments of
    :func:`run_check`); nothing is judged until the run's :meth:`CheckRun.goals` is
    iterated."""
    ws = (
        workspace
        if isinstance(workspace, Workspace)
        else load_workspace(workspace, today=as_date(today))
    )
    day = as_date(today) or ws.today or Date.today()
    notes: list[str] = list(ws.notes)  # what the goals' statements left unread, and why
    if history is None and ws.history:  # the files [workspace] names
        history = existing_files(ws.history, ws.source, "history")
    if performance is None and ws.performance:
        performance = existing_files(ws.performance, ws.source, "performance")
    histories: Mapping[tuple[str | None, str], MetricSeries]
    if isinstance(history, (str, Path)):
        histories, said = read_history_file(history, today=day, progress=progress)
        notes += said
    elif _paths(history):  # several files (goalrules' own or exports): read together
        histories, said = read_history_files(history, today=day, progress=progress)
        notes += said
    elif history is not None and not isinstance(history, Mapping):
        histories = load_history(history)  # a table: date, channel, metric, value
    else:
        histories = history or {}
    growth = resolve_prior(prior if prior is not None else ws.prior, histories)
    centres: dict[str, FlowCentre] = {}
    if growth is None and histories:  # no prior given: flows learn their centre together
        centres = workspace_centres(histories, GrowthPrior(), day)
        notes += [_centre_note(metric, found) for metric, found in centres.items()]
    rubric: RuleSet | None = None
    if rules:
        from goalrules.engine import shipped_ruleset

        rubric = shipped_ruleset("smart")
        for extra in rules:
            rubric = rubric.merge(extra)
    return CheckRun(
        ws,
        day,
        histories,
        growth,
        rubric,
        notes,
        days=days,
        progress=progress,
        performance=performance,
        sessions=sessions,
        currency=currency,
        centres=centres,
    )


#: the note of costs written in USD because no currency was given (as ``channels`` says)
USD_NOTE = "the spend is read as USD: no currency was given (--currency EUR names yours)"


def _paths(value: Any) -> TypeGuard[Sequence[str | Path]]:
    """Whether ``value`` is a list or tuple of file paths (not of rows)."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(v, (str, Path)) for v in value)
    )


def _centre_note(metric: str, found: FlowCentre) -> str:
    from goalrules.numbers import format_percent

    return (
        f"The {metric} forecasts lean on where the {found.histories} {metric} histories "
        f"together are heading ({format_percent(found.monthly_growth, digits=1, signed=True)}"
        f" a month): one flow's own months do not tell it."
    )


def run_check(
    workspace: Workspace | str | Path,
    *,
    history: Mapping[tuple[str | None, str], MetricSeries] | str | Path | Any = None,
    performance: Iterable[ChannelMonth] | str | Path | Any = None,
    sessions: str | Path | None = None,
    rules: Sequence[RuleSet] = (),
    today: Date | str | None = None,
    days: int = 90,
    progress: Callable[[str, int, int], None] | None = None,
    prior: GrowthPrior | Mapping[str, Any] | float | str | None = None,
    currency: str | None = None,
) -> CheckResult:
    """Judge a workspace: every goal (SMART, with achievability when a history of its
    metric is given), every channel (when performance data or sessions are given) and
    the plan. ``history`` and ``performance`` are files (goalrules' own or exports; a
    list of them is read together), tables or what they hold; not given, the files the
    workspace's ``[workspace] history`` and ``performance`` name. ``rules`` are extra
    rulesets merged into the SMART rubric (a rule with the same id replaces the shipped
    one). Data files are read as streams;
    ``progress(stage, done, total)`` is called as each file is read (bytes of a CSV
    file, rows of a Parquet file) and as goals are judged (the CLI draws a progress bar
    with it). ``prior`` is the growth model's prior for achievability (default: the
    workspace's ``[workspace] prior``, else goalrules' own, with the centre of each flow
    metric learnt across its histories when there are four or more:
    :mod:`goalrules.judgments.pooled`, said in the notes); ``"fit"`` fits one on the
    history's series (:func:`goalrules.fit_prior`). The whole result is held in memory;
    :func:`start_check` judges a goal at a time for reports that stream. ``currency``
    is the spend's (``"EUR"``); not given, costs are written in USD and a note says
    so."""
    run = start_check(
        workspace,
        history=history,
        performance=performance,
        sessions=sessions,
        rules=rules,
        today=today,
        days=days,
        progress=progress,
        prior=prior,
        currency=currency,
    )
    goals = tuple(run.goals())
    decisions = run.channels()
    plan = run.plan()
    return CheckResult(run.name, run.today, goals, decisions, plan, tuple(run.notes))


def judge_goal(
    goal: Goal, series: MetricSeries, *, today: Date, prior: GrowthPrior | None
) -> Achievability:
    """:func:`assess_achievability`, where a goal whose target (or baseline) is in
    another unit than its history ("500 leads" for followers) is one goal the history
    cannot judge, said as its reason, not an error that ends the whole check (it ended
    it, naming no goal, after the goals before it had been written)."""
    try:
        return assess_achievability(goal, series, today=today, prior=prior)
    except UnitError as exc:
        defn = catalog.get(goal.metric) if goal.metric else None
        name = defn.words if defn is not None else "the unit of its history"
        return Achievability(  # (the advice is SMART's own for a target in another unit)
            Verdict.INSUFFICIENT_DATA,
            note=f"{exc.message[:1].upper()}{exc.message[1:]}.",
            remedy=f"State the target in {name}.",
        )


def _judge_channels(
    goal: Goal,
    histories: Mapping[tuple[str | None, str], MetricSeries],
    today: Date,
    prior: GrowthPrior | None,
) -> tuple[MetricSeries | None, Achievability | None]:
    """The history a goal is judged on, and its achievability when it covers several
    channels: a count on the channels' sum, a ratio on each channel (the goal holds
    only where every channel gets there, so the weakest channel's judgment stands)."""
    series = history_for(goal, histories)
    names = goal.channels
    several = len(names) > 1 or (names == ("all",) and (goal.channel, goal.metric) not in histories)
    if not several:
        return series, None
    parts = histories_for(goal, histories)
    listed = ", ".join(parts) or ", ".join(names)
    if series is not None:
        ach = judge_goal(goal, series, today=today, prior=prior)
        return series, attrs.evolve(ach, note=f"Judged on the sum of {listed}.")
    if len(parts) < 2:
        return None, None
    judged = {
        ch: judge_goal(goal.evolve(channel=ch), s, today=today, prior=prior)
        for ch, s in parts.items()
    }
    weakest = min(
        judged, key=lambda ch: (judged[ch].probability is None, judged[ch].probability or 0.0)
    )
    others = ", ".join(
        f"{ch} {chance_percent(p, judged[ch].chance_edges)}"
        for ch in judged
        if (p := judged[ch].probability) is not None
    )
    note = (
        f"A ratio does not add up across channels, so each is judged on its own "
        f"({others}); the weakest, {weakest}, stands for the goal."
    )
    return parts[weakest], attrs.evolve(judged[weakest], note=note)


def demo_paths() -> dict[str, Path]:
    """The bundled Campfire example: workspace, history and performance files."""
    root = resources.files("goalrules").joinpath("data/campfire")
    return {
        "workspace": Path(str(root.joinpath("workspace.toml"))),
        "history": Path(str(root.joinpath("history.csv"))),
        "performance": Path(str(root.joinpath("performance.csv"))),
    }
