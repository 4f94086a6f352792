"""The audit trail of a review: what it rested on (goalrules' version, a hash of each
ruleset's text and of its params, of the growth prior, and a digest of every input
file), and a goal's explanation as text, the same bytes for the same review.

>>> from goalrules.engine import shipped_ruleset
>>> ruleset_hash(shipped_ruleset("review")) == ruleset_hash(shipped_ruleset("review"))
True
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.judgments.achievability import shipped_chance_edges
from goalrules.judgments.achievability_text import format_value, number_text, shown_chance
from goalrules.numbers import current_locale, format_decimal

__all__ = [
    "audit_of",
    "changed_since",
    "differences",
    "explanation",
    "file_digest",
    "ruleset_hash",
    "stored_locale",
]

# The rulesets a review runs: SMART and achievability inside the check, then the flags.
RULESETS = ("smart", "achievability")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def ruleset_hash(rules: RuleSet) -> str:
    """A hash of a ruleset's rules (the text it was compiled from, else each rule's
    guard, check and source line); its params are hashed apart (:func:`params_hash`)."""
    text = getattr(rules.origin, "text", None)
    if not isinstance(text, str):
        text = json.dumps(
            [[r.id, r.guard_text, r.check_text, r.line] for r in rules.rules], sort_keys=True
        )
    return _sha(text.encode("utf-8"))


def params_hash(rules: RuleSet) -> str:
    return _sha(json.dumps({k: str(v) for k, v in rules.params.items()}, sort_keys=True).encode())


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of a file's bytes (``None`` when it cannot be read)."""
    try:
        with Path(path).open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return None


def _inputs(items: Any) -> list[dict[str, Any]]:
    if items is None:
        return []
    if isinstance(items, (str, Path)):
        items = [items]
    if isinstance(items, Mapping):
        return [{"path": None, "sha256": None, "kind": "series in memory"}]
    out: list[dict[str, Any]] = []
    from goalrules.io.workspace_settings import piped

    for item in items:
        if isinstance(item, (str, Path)) and piped(item):  # a temporary file, gone after
            out.append({"path": None, "sha256": file_digest(item), "kind": "standard input"})
        elif isinstance(item, (str, Path)):
            out.append({"path": str(Path(item).resolve()), "sha256": file_digest(item)})
        else:
            out.append({"path": None, "sha256": None, "kind": "a table in memory"})
    return out


def audit_of(
    *,
    workspace: Any,
    history: Any,
    performance: Any,
    review_rules: RuleSet,
    prior: Any,
    notes: Sequence[str] = (),
) -> dict[str, Any]:
    """The audit trail of one review (stored with it; see docs/reviews.md)."""
    from goalrules import __version__

    rulesets = {name: shipped_ruleset(name) for name in RULESETS}
    rulesets["review"] = review_rules
    ws = _inputs(workspace if isinstance(workspace, (str, Path)) else [object()])
    return {
        "goalrules": __version__,
        "rulesets": {name: ruleset_hash(rs) for name, rs in rulesets.items()},
        "params": {name: params_hash(rs) for name, rs in rulesets.items()},
        "review_params": {k: str(v) for k, v in review_rules.params.items()},
        "prior": _sha(repr(prior).encode()),
        "prior_text": prior if isinstance(prior, str) else None,
        "inputs": {
            "workspace": ws,
            "history": _inputs(history),
            "performance": _inputs(performance),
        },
        "notes": list(notes),
        # the locale its messages wrote numbers for ("1.400 followers" in German): the
        # review is rendered from the store in it (read in English, 1.400 is 1.4)
        "locale": current_locale(),
    }


def stored_locale(audit: Mapping[str, Any]) -> str | None:
    """The locale a stored review's messages were written for (``None``: a review
    stored before goalrules kept it)."""
    locale = audit.get("locale") if audit else None
    return str(locale) if locale else None


def differences(before: Mapping[str, Any], now: Mapping[str, Any]) -> list[str]:
    """What changed between two audit trails, in words (empty: nothing)."""
    if not before:
        return ["the review was stored before goalrules kept an audit trail"]
    out: list[str] = []
    if before.get("goalrules") != now.get("goalrules"):
        out.append(f"goalrules {before.get('goalrules')} then, {now.get('goalrules')} now")
    for key, what in (("rulesets", "rules"), ("params", "params")):
        was, is_ = before.get(key) or {}, now.get(key) or {}
        for name in sorted(set(was) | set(is_)):
            if was.get(name) != is_.get(name):
                out.append(f"the {name} ruleset's {what} changed")
    if before.get("prior") != now.get("prior"):
        out.append("the growth prior changed")
    if before.get("locale") and now.get("locale") and before["locale"] != now["locale"]:
        out.append(f"its numbers written for the locale {before['locale']} then, "
                   f"{now['locale']} now")  # fmt: skip
    was_in, now_in = before.get("inputs") or {}, now.get("inputs") or {}
    for kind in ("workspace", "history", "performance"):
        old = {i.get("path"): i.get("sha256") for i in was_in.get(kind) or []}
        new = {i.get("path"): i.get("sha256") for i in now_in.get(kind) or []}
        for path in sorted(set(old) | set(new), key=str):
            label = f"the {kind} file {Path(path).name if path else '(in memory)'}"
            if path not in new:
                out.append(f"{label} is no longer read")
            elif path not in old:
                out.append(f"{label} is read now and was not then")
            elif new[path] is None and old[path] is not None:
                out.append(f"{label} is gone")
            elif old[path] != new[path]:
                out.append(f"{label} changed (sha256 {str(old[path])[:12]} then, "
                           f"{str(new[path])[:12]} now)")  # fmt: skip
    return out


def changed_since(audit: Mapping[str, Any]) -> list[str]:
    """What differs, in goalrules and the rules it ships, between a stored review's audit
    trail and goalrules now (its data and params aside: a stored review is rendered
    without them), in words; empty when nothing the trail records differs."""
    if not audit:
        return ["it was stored before goalrules kept an audit trail"]
    from goalrules import __version__

    out = []
    if audit.get("goalrules") != __version__:
        out.append(f"goalrules {audit.get('goalrules')} then, {__version__} now")
    was = audit.get("rulesets") or {}
    names = [n for n in (*RULESETS, "review")
             if n in was and was[n] != ruleset_hash(shipped_ruleset(n))]  # fmt: skip
    if names:
        which = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        out.append(f"the {which} rules differ from "
                   "those goalrules ships now")  # fmt: skip
    return out


def _down(x: Any) -> Any:
    """A floor's share to the four decimals shown, rounded down (never up past it)."""
    import math

    return math.floor(float(x) * 10000 + 1e-9) / 10000 if x is not None else None


def _pct(x: Any, edges: tuple[float, ...] = ()) -> str:
    """A stored share (or, with ``edges``, a chance) in percent with two decimals, the
    JSON's four decimals of it (:func:`shown_chance`: a chance never rounded across one
    half or a verdict's threshold), never shown as a certainty it is not ("under 0.01
    %", "over 99.99 %")."""
    if x is None:
        return "-"
    p = float(x)
    shown = shown_chance(p, edges)
    if p > 0.0 and shown < 0.0001:
        return f"under {format_decimal(0.01, 2)} %"
    if p < 1.0 and shown > 0.9999:
        return f"over {format_decimal(99.99, 2)} %"
    return f"{format_decimal(100 * shown, 2)} %"  # (in the locale's signs)


def _chance(x: Any) -> str:
    return _pct(x, shipped_chance_edges())


def _unit(x: Any, unit: Any) -> str:
    """The unit after a value, as the judgment names it ("followers"), or nothing."""
    if x is None or not unit or unit == "dimensionless":
        return ""
    return format_value(float(x), str(unit))[len(number_text(float(x), str(unit))) :]


def _num(x: Any, unit: Any = None) -> str:
    """A value as the judgment writes the metric's values (a count in whole numbers)."""
    return "-" if x is None else number_text(float(x), str(unit or "dimensionless"))


def explanation(row: Mapping[str, Any], messages: Mapping[str, str] | None = None) -> str:
    """A goal's verdict with its explanation, from its stored row: the numbers, what it
    was compared with, each review rule's outcome with the message of a raised flag, and
    what SMART and achievability said. The same row gives the same bytes."""
    goal = row.get("goal") or {}
    said_as = f" ({goal['statement']})" if goal.get("statement") else ""
    unit = row.get("unit")
    gaps = list(goal.get("gaps") or [])  # a total's months with no data: a floor
    floor = "at least " if gaps and row.get("progress") is not None else ""
    no_data = f" (no data for {', '.join(gaps)})" if floor else ""
    # a baseline the goal does not give, read from the history's first value
    first = (
        f" (the history's first value, {goal['baseline_from']})"
        if goal.get("baseline_from")
        else ""
    )
    periods = goal.get("periods") or []
    whose = ""  # a recurring goal's pace is its current period's, not the line's path
    if periods and periods[-1].get("status") in ("ahead", "on_track", "behind"):
        whose = f" (its {goal.get('recurs')} from {periods[-1].get('start')})"
    elif periods and periods[-1].get("actual") is None:
        whose = f" (no data yet for its {goal.get('recurs')} from {periods[-1].get('start')})"
    if goal.get("no_month_since"):  # nothing measured since the start: why no way is said
        whose += f" (no month measured since the start ({goal['no_month_since']}))"
    elif goal.get("no_data_since"):
        whose += f" (no data since its start ({goal['no_data_since']}))"
    lines = [
        f"goal: {row.get('goal_id')}{said_as}",
        f"verdict: {row.get('verdict') or '-'}, chance {_chance(row.get('probability'))}",
        f"value {floor}{_num(row.get('value'), unit)}{_unit(row.get('value'), unit)} against "
        f"the path's {_num(row.get('path'), unit)}; baseline {_num(row.get('baseline'), unit)}"
        f"{first}, target {_num(row.get('target'), unit)}",
        f"progress {floor}{_pct(_down(row.get('progress')) if floor else row.get('progress'))}"
        f"{no_data}, elapsed "
        f"{_pct(row.get('elapsed'))}, pace "
        f"{row.get('pace') or '-'}{whose}, {row.get('verdict') or '-'} {row.get('streak') or 1} "
        "review(s) running",
    ]
    prev = row.get("previous")
    if prev:
        changed = "; ".join(prev.get("changed") or [])
        lines.append(
            f"compared with the review of {prev.get('date')}: "
            f"{prev.get('verdict') or '-'}, chance {_chance(prev.get('probability'))}"
            + (
                f", of the goal before it changed ({changed}): no streak or flag runs across"
                if changed
                else ""
            )
        )
    else:
        lines.append("compared with: no earlier review")
    flags = list(row.get("flags") or [])
    findings = list(row.get("findings") or [])
    said = dict(zip(flags, findings[: len(flags)], strict=False))
    said.update(messages or {})
    outcomes = row.get("outcomes") or {}
    if outcomes:
        lines.append("review rules:")
        width = max(len(k) for k in outcomes)
        for rule, outcome in outcomes.items():
            text = f"  {rule:<{width}}  {outcome}"
            if outcome == "fail" and rule in said:
                text += f": {said[rule]}"
            lines.append(text)
    for period in goal.get("periods") or []:
        lines.append(
            f"{goal.get('recurs')} from {period.get('start')}: {period.get('status')}, "
            f"{_num(period.get('actual'), unit)} of {_num(period.get('due'), unit)} due "
            f"({_num(period.get('target'), unit)} for the period)"
        )
    for tier in goal.get("tiers") or []:
        lines.append(
            f"tier {tier.get('name')} ({_num(tier.get('target'), unit)}): chance "
            f"{_chance(tier.get('probability'))}, pace {tier.get('pace') or '-'}"
        )
    rest = findings[len(flags) :]
    if rest:
        lines.append("findings:")
        lines += [f"  - {f}" for f in rest]
    return "\n".join(lines) + "\n"
