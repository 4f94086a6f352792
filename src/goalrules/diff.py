"""What a rule edit changes on your own data: ``goalrules rules diff`` and
:func:`diff_rules`.

Both sides (the rules before and after an edit) judge the same workspace, history and
performance data with :func:`goalrules.check.run_check`; every goal and channel whose
verdict, decision, score, flag or message differs is listed with both explanations and
the rules responsible. An edit that changes no judgment (a comment, the layout, a
param set to the value it had) lists nothing.

A side is a list of rule sources: rule files (a file whose ruleset is shipped, such as
``channels``, replaces it; any other is added to the SMART rubric, as ``check --rules``
does), folders of them, decision tables (``platform_fit.table.csv`` replaces the
platform-fit table), ``git:REV:path`` for a file at a revision, and param overrides
(``channels.low_volume=12 %``) on top.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from goalrules import plugins
from goalrules.check import CheckResult, run_check
from goalrules.engine import Outcome, Report, RuleSet, load_rules
from goalrules.engine.load import overriding_rulesets, shipped_names, shipped_ruleset
from goalrules.errors import GoalRulesError, UnknownNameError
from goalrules.numbers import format_score, format_whole_percent

__all__ = ["Change", "RuleSide", "RulesDiff", "SubjectDiff", "diff_rules", "rule_side"]

Date = _dt.date
PLATFORM_FIT = "platform_fit"


@attrs.frozen
class RuleSide:
    """One side of a diff: rulesets that replace shipped ones, extra SMART rules, a
    platform-fit table's text, and a label for reports."""

    label: str
    rulesets: Mapping[str, RuleSet] = attrs.field(factory=dict)
    extra: tuple[RuleSet, ...] = ()
    table: str | None = None  # a platform-fit table's text


def _git_show(spec: str) -> tuple[str, str]:
    """``git:REV:path`` -> the file's text at that revision, and its name."""
    _, _, rest = spec.partition(":")
    rev, sep, path = rest.partition(":")
    if not sep or not rev or not path:
        raise GoalRulesError("write a file at a revision as git:REV:path", source=spec)
    try:
        done = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True,
                              text=True, check=False)  # fmt: skip
    except OSError as exc:
        raise GoalRulesError(f"cannot run git: {exc.strerror}", source=spec) from None
    if done.returncode != 0:
        said = (done.stderr.strip().splitlines() or ["git show failed"])[-1]
        raise GoalRulesError(f"git show {rev}:{path}: {said}", source=spec)
    return done.stdout, f"{path}@{rev}"


def _sources(spec: str) -> list[tuple[str, str]]:
    """``(text, name)`` of every rule file and table a spec names."""
    if spec.startswith("git:"):
        return [_git_show(spec)]
    path = Path(spec)
    if path.is_dir():
        files = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and (p.name.endswith((".rules", ".table.csv", ".xlsx")))
            and not p.name.endswith(".test.rules")
        )
        if not files:
            raise GoalRulesError("the folder holds no rule file or decision table", source=spec)
        return [_read(p) for p in files]
    return [_read(path)]


def _read(path: Path) -> tuple[str, str]:
    if path.name.endswith(".xlsx"):
        from goalrules.engine.table_files import xlsx_text

        return xlsx_text(path), str(path)
    from goalrules.io.files import read_text

    return read_text(path), str(path)


def _is_table(name: str) -> bool:
    return name.split("@")[0].endswith((".csv", ".xlsx"))


def rule_side(
    specs: Sequence[str] = (), *, params: Mapping[str, Any] | None = None, label: str | None = None
) -> RuleSide:
    """A side from rule sources (paths, folders, ``git:REV:path``; none: the shipped
    rules) and param overrides (``{"channels.low_volume": "12 %"}``; a name without its
    ruleset is looked up in the rulesets that declare it)."""
    rulesets: dict[str, RuleSet] = {}
    extra: list[RuleSet] = []
    table: str | None = None
    shipped = set(shipped_names())
    for spec in specs:
        if spec == "shipped":
            continue
        for text, name in _sources(spec):
            if _is_table(name):
                from goalrules.engine.decision_table import load_table

                loaded = load_table(text, source=name)
                if loaded.name != PLATFORM_FIT:
                    raise GoalRulesError(
                        f"the judgments read no decision table named {loaded.name!r} "
                        f"(only {PLATFORM_FIT!r})",
                        source=name,
                    )
                table = text
                continue
            rs = load_rules(text, source=name)
            if rs.name in shipped:
                rulesets[rs.name] = rs
            else:
                extra.append(rs)
    for key, value in (params or {}).items():
        target, name = _param_target(key, rulesets, extra)
        base = rulesets.get(target) or shipped_ruleset(target)
        rulesets[target] = base.with_params(**{name: value})
    shown = label or (" ".join(specs) if specs else "shipped rules")
    if params:
        shown += " with " + ", ".join(f"{k}={v}" for k, v in params.items())
    return RuleSide(shown, rulesets, tuple(extra), table)


def _param_target(
    key: str, rulesets: Mapping[str, RuleSet], extra: Sequence[RuleSet]
) -> tuple[str, str]:
    names = list(dict.fromkeys([*shipped_names(), *rulesets]))
    if "." in key:
        target, name = key.split(".", 1)
        if target not in names:
            raise UnknownNameError("ruleset", target, names, field=f"--param {key}")
        declared = (rulesets.get(target) or shipped_ruleset(target)).params
        if name not in declared:
            raise UnknownNameError(f"param of {target}", name, list(declared),
                                   field=f"--param {key}")  # fmt: skip
        return target, name
    having = [n for n in names if key in (rulesets.get(n) or shipped_ruleset(n)).params]
    if not having:
        every = [p for n in names for p in (rulesets.get(n) or shipped_ruleset(n)).params]
        raise UnknownNameError("param", key, every, field=f"--param {key}")
    if len(having) > 1:
        choices = ", ".join(f"{n}.{key}" for n in having)
        raise GoalRulesError(f"param {key!r} is declared by several rulesets: write {choices}",
                             field=f"--param {key}")  # fmt: skip
    return having[0], key


def _judgment_caches() -> list[Callable[[], None]]:
    """The judgments keep their compiled rulesets; a side's rules take effect only
    when these are emptied."""
    import importlib

    out: list[Callable[[], None]] = []
    for module, name in (("smart", "_ruleset"), ("channels", "_ruleset"),
                         ("achievability", "_ruleset"), ("planning", "_ruleset"),
                         ("review", "review_rules")):  # fmt: skip
        fn = getattr(importlib.import_module(f"goalrules.judgments.{module}"), name, None)
        clear = getattr(fn, "cache_clear", None)
        if callable(clear):
            out.append(clear)
    return out


class _Table:
    goalrules_replaces = ("platform_fit",)  # the edited table replaces the shipped one

    def __init__(self, text: str) -> None:
        self.text = text

    @plugins.hookimpl
    def goalrules_platform_fit(self) -> str:
        return self.text


@contextlib.contextmanager
def judging_with(side: RuleSide) -> Iterator[None]:
    """Within the block the judgments use the side's rules."""
    caches = _judgment_caches()
    for clear in caches:
        clear()
    # the table joins the plugin manager in use, and only the platform fit is read
    # again: a full plugins.reset() would also rebuild the unit registry under the
    # quantities already read
    from goalrules.metrics import platform_fit

    plugin = _Table(side.table) if side.table is not None else None
    manager = plugins.plugin_manager()
    restore_notes = plugins.kept_notes()
    if plugin is not None:
        manager.register(plugin)
        platform_fit.cache_clear()
    try:
        with overriding_rulesets(side.rulesets):
            yield
    finally:
        if plugin is not None:
            manager.unregister(plugin)
            platform_fit.cache_clear()
            restore_notes()  # its "replaces the platform-fit table" note goes with it
        for clear in caches:
            clear()


# -- comparing two runs ------------------------------------------------------------


@attrs.frozen
class Change:
    """One thing that differs for a subject: ``what`` (``decision``, ``score``,
    ``verdict``, ``criterion measurable``, ``rule keep.fulfils-role``, ``flag``...)."""

    what: str
    before: Any
    after: Any

    def to_dict(self) -> dict[str, Any]:
        return {"what": self.what, "before": self.before, "after": self.after}


@attrs.frozen
class SubjectDiff:
    """A goal, channel or plan item whose judgment changes."""

    kind: str  # "goal", "channel" or "plan"
    subject: str
    changes: tuple[Change, ...]
    rules: tuple[str, ...]  # the rules whose outcome or message changed
    before: str  # the explanation on each side
    after: str

    @property
    def headline(self) -> str:
        first = self.changes[0]
        return f"{first.what} {_shown(first.before)} -> {_shown(first.after)}"

    @property
    def move(self) -> str:
        """The change in a few words, for the summary: ``optimize -> cut``,
        ``score 80 -> 70``, ``message``."""
        first = self.changes[0]
        if first.what in ("decision", "verdict"):
            return f"{_shown(first.before)} -> {_shown(first.after)}"
        if first.what in ("score", "SMART", "flags") or first.what.startswith("criterion"):
            return self.headline
        return first.what.split(" ")[0] if first.what.startswith("message") else first.what

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "subject": self.subject,
            "changes": [c.to_dict() for c in self.changes],
            "rules": list(self.rules),
            "before": self.before,
            "after": self.after,
        }


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@attrs.frozen
class RulesDiff:
    """Every judgment that differs between two rule sides on the same data."""

    old: str
    new: str
    goals: tuple[SubjectDiff, ...]
    channels: tuple[SubjectDiff, ...]
    plan: tuple[SubjectDiff, ...]
    counts: Mapping[str, int]  # how many goals, channels and plan items were judged

    @property
    def changed(self) -> bool:
        return bool(self.goals or self.channels or self.plan)

    @property
    def exit_code(self) -> int:
        return 1 if self.changed else 0

    def summary(self) -> str:
        """ "3 of 41 channels change: 2 optimize -> cut, 1 keep -> reduce; ..." """
        parts = []
        for kind, items in (("goal", self.goals), ("channel", self.channels),
                            ("plan item", self.plan)):  # fmt: skip
            total = self.counts.get(kind, 0)
            if not items and not total:
                continue
            noun = f"{kind}s" if total != 1 else kind
            if not items:
                parts.append(f"0 of {total} {noun} change")
                continue
            moves: dict[str, int] = {}
            for d in items:
                moves[d.move] = moves.get(d.move, 0) + 1
            listed = ", ".join(f"{n} {m}" for m, n in sorted(moves.items(), key=lambda x: -x[1]))
            verb = "changes" if len(items) == 1 else "change"
            parts.append(f"{len(items)} of {total} {noun} {verb}: {listed}")
        return "; ".join(parts) or "nothing to compare"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "changed": self.changed,
            "summary": self.summary(),
            "counts": dict(self.counts),
            "goals": [d.to_dict() for d in self.goals],
            "channels": [d.to_dict() for d in self.channels],
            "plan": [d.to_dict() for d in self.plan],
        }

    def render(self, fmt: str = "text") -> str:
        from goalrules.report.rules_diff import render_diff

        return render_diff(self, fmt)


def _findings(report: Report) -> dict[str, tuple[str, str]]:
    return {
        f.rule_id: (f.outcome.value, f.message)
        for f in report.findings
        if f.outcome is not Outcome.SKIPPED
    }


def _rule_changes(a: Report, b: Report) -> tuple[list[Change], list[str]]:
    before, after = _findings(a), _findings(b)
    changes: list[Change] = []
    rules: list[str] = []
    for rid in dict.fromkeys([*before, *after]):
        x, y = before.get(rid), after.get(rid)
        if x == y:
            continue
        rules.append(rid)
        if (x and x[0]) != (y and y[0]):
            changes.append(Change(f"rule {rid}", x[0] if x else "skipped",
                                  y[0] if y else "skipped"))  # fmt: skip
        else:
            changes.append(Change(f"message of {rid}", x[1] if x else None, y[1] if y else None))
    return changes, rules


def _shown_findings(report: Report) -> list[str]:
    """The messages a goal's report shows: those of the rules that miss or cannot tell."""
    return [
        f"[{f.rule_id}] {f.message}"
        for f in report.findings
        if f.outcome in (Outcome.FAIL, Outcome.UNKNOWN) and f.message
    ]


def _goal_text(g: Any) -> str:
    smart = g.smart
    lines = [f"SMART {format_score(smart.score)}/100"]
    for name, c in smart.criteria.items():
        lines.append(f"{name}: {'pass' if c.passed else 'miss'} ({format_whole_percent(c.score)})")
    if smart.achievability is not None:
        lines.append(f"achievability: {smart.achievability.verdict.value}")
    return "\n".join(lines + _shown_findings(smart.report))


def _goal_diffs(a: CheckResult, b: CheckResult) -> list[SubjectDiff]:
    out = []
    after = {g.id: g for g in b.goals}
    for ga in a.goals:
        gb = after.get(ga.id)
        if gb is None:
            continue
        sa, sb = ga.smart, gb.smart
        changes: list[Change] = []
        if round(sa.score, 2) != round(sb.score, 2):
            changes.append(Change("score", round(sa.score, 1), round(sb.score, 1)))
        if sa.passed != sb.passed:
            changes.append(Change("SMART", _passed(sa.passed), _passed(sb.passed)))
        for name in dict.fromkeys([*sa.criteria, *sb.criteria]):
            x, y = sa.criteria.get(name), sb.criteria.get(name)
            px, py = (x.passed if x else None), (y.passed if y else None)
            if px != py:
                changes.append(Change(f"criterion {name}", _passed(px), _passed(py)))
        va = sa.achievability.verdict.value if sa.achievability else None
        vb = sb.achievability.verdict.value if sb.achievability else None
        if va != vb:
            changes.append(Change("verdict", va, vb))
        elif sa.achievability and sb.achievability:
            ea, eb = sa.achievability.explanation, sb.achievability.explanation
            if ea != eb:
                changes.append(Change("achievability message", ea, eb))
        if list(sa.suggestions) != list(sb.suggestions):
            changes.append(Change("suggestions", list(sa.suggestions), list(sb.suggestions)))
        shown_a, shown_b = _shown_findings(sa.report), _shown_findings(sb.report)
        if not changes and shown_a != shown_b:
            changes.append(Change("messages", shown_a, shown_b))
        if changes:
            ruled, rules = _rule_changes(sa.report, sb.report)
            out.append(SubjectDiff("goal", ga.id, tuple(changes + ruled), tuple(rules),
                                   _goal_text(ga), _goal_text(gb)))  # fmt: skip
    return out


def _passed(value: bool | None) -> str | None:
    return None if value is None else ("pass" if value else "miss")


def _channel_text(c: Any) -> str:
    decided = c.report.decided_by
    head = f"{c.decision.value} ({decided.rule_id})" if decided is not None else c.decision.value
    return "\n".join([head, *c.reasons[:1]])


def _channel_diffs(a: CheckResult, b: CheckResult) -> list[SubjectDiff]:
    out = []
    after = {c.channel: c for c in b.channels}
    for ca in a.channels:
        cb = after.get(ca.channel)
        if cb is None:
            continue
        changes: list[Change] = []
        if ca.decision != cb.decision:
            changes.append(Change("decision", ca.decision.value, cb.decision.value))
        da, db = ca.report.decided_by, cb.report.decided_by
        ra, rb = (da.rule_id if da else None), (db.rule_id if db else None)
        if ra != rb:
            changes.append(Change("deciding rule", ra, rb))
        if list(ca.reasons) != list(cb.reasons):
            changes.append(Change("message", _first(ca.reasons), _first(cb.reasons)))
        if changes:
            _, rules = _rule_changes(ca.report, cb.report)
            responsible = tuple(dict.fromkeys([r for r in (ra, rb) if r] + rules))
            out.append(SubjectDiff("channel", ca.channel, tuple(changes), responsible,
                                   _channel_text(ca), _channel_text(cb)))  # fmt: skip
    return out


def _first(reasons: Sequence[str]) -> str | None:
    return reasons[0] if reasons else None


def _plan_diffs(a: CheckResult, b: CheckResult) -> list[SubjectDiff]:
    def flags(r: CheckResult) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for f in r.plan.lint if r.plan is not None else ():
            out.setdefault(f.item, []).append((f.rule, f.message))
        return out

    fa, fb = flags(a), flags(b)
    diffs = []
    for item in dict.fromkeys([*fa, *fb]):
        x, y = fa.get(item, []), fb.get(item, [])
        if x == y:
            continue
        rules = tuple(dict.fromkeys(r for r, m in [*x, *y] if ((r, m) in x) != ((r, m) in y)))
        changes: tuple[Change, ...] = ()
        if len(x) != len(y):
            changes = (Change("flags", len(x), len(y)),)
        changes += tuple(Change(f"flag {r}", _msg(x, r), _msg(y, r)) for r in rules)
        diffs.append(SubjectDiff("plan", item, changes, rules,
                                 "\n".join(m for _, m in x) or "no flag",
                                 "\n".join(m for _, m in y) or "no flag"))  # fmt: skip
    return diffs


def _msg(flags: list[tuple[str, str]], rule: str) -> str | None:
    return next((m for r, m in flags if r == rule), None)


def _plan_items(r: CheckResult) -> int:
    if r.plan is None:
        return 0
    return len({t.id for t in r.plan.ranked} | {f.item for f in r.plan.lint})


def diff_rules(
    old: RuleSide | Sequence[str] | str | None = None,
    new: RuleSide | Sequence[str] | str | None = None,
    *,
    workspace: Any,
    history: Any = None,
    performance: Any = None,
    params: Mapping[str, Any] | None = None,
    today: Date | None = None,
) -> RulesDiff:
    """Judge ``workspace`` (with its history and performance data) with the ``old`` and
    the ``new`` rules and list every goal, channel and plan item whose judgment
    changes. A side is a :class:`RuleSide` or rule sources (see :func:`rule_side`;
    ``None``: the shipped rules); ``params`` are overrides applied to the new side."""
    a = old if isinstance(old, RuleSide) else rule_side(_specs(old))
    b = new if isinstance(new, RuleSide) else rule_side(_specs(new), params=params)
    if isinstance(new, RuleSide) and params:
        raise GoalRulesError("give params to rule_side() when the new side is a RuleSide")
    from goalrules.io import load_workspace

    ws = (
        workspace
        if not isinstance(workspace, (str, Path))
        else load_workspace(workspace, today=today)
    )
    results = []
    for side in (a, b):
        with judging_with(side):
            results.append(run_check(ws, history=history, performance=performance,
                                     rules=side.extra, today=today))  # fmt: skip
    ra, rb = results
    counts = {"goal": len(ra.goals), "channel": len(ra.channels), "plan item": _plan_items(ra)}
    return RulesDiff(a.label, b.label, tuple(_goal_diffs(ra, rb)), tuple(_channel_diffs(ra, rb)),
                     tuple(_plan_diffs(ra, rb)), counts)  # fmt: skip


def _specs(value: Sequence[str] | str | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (str, Path)):
        return [str(value)]
    return [str(v) for v in value]
