"""A goal statement as read: each field with the words it came from, what was not
understood, and the SMART score with its fixes (``goalrules read``)."""

from __future__ import annotations

import json
from typing import Any

from goalrules.judgments.smart import SmartReport
from goalrules.model import StatementReading
from goalrules.numbers import (
    format_number,
    format_score,
    format_whole_percent,
    plural,
)
from goalrules.visible import shown_as_written

__all__ = ["reading_to_dict", "render_reading"]

FIELDS = ("metric", "channel", "target", "baseline", "deadline", "objective")


def _value(reading: StatementReading, field: str) -> Any:
    value = getattr(reading.goal, field)
    if value is None:
        return None
    if field == "channel":
        return list(reading.goal.channels)
    if field == "deadline":
        return value.isoformat()
    if field == "objective":
        return value.value
    return str(value)


def _shown(reading: StatementReading, field: str, value: Any) -> Any:
    """A field's value as the text report writes it: a target's (or baseline's) amount
    as the reports write amounts ("1,200 followers", "+2,000 followers", "300 leads / month", "2
    hours"), not its canonical text ("1200 follower", which the JSON keeps)."""
    target = reading.goal.target
    amount: Any = None
    if field == "target" and target is not None:
        amount = target.amount
    elif field == "baseline":  # "from 2,000 to 3,000": the baseline written alike
        amount = reading.goal.baseline
    if amount is None or isinstance(amount, (int, float)):  # a multiple, a percent change
        return value
    mag = float(amount.magnitude)
    unit = str(amount.units)
    delta = field == "target" and target is not None and target.kind.value == "delta"
    sign = "+" if delta and mag >= 0 else ""
    if unit == "percent":
        return f"{sign}{format_number(mag)} %"
    if unit == "dimensionless":
        return f"{sign}{format_number(mag)}"
    head, slash, rest = unit.replace("_", " ").partition(" / ")  # "percentage points"
    return f"{sign}{format_number(mag)} {plural(head, mag)}{slash}{rest}"


def reading_to_dict(reading: StatementReading, smart: SmartReport) -> dict[str, Any]:
    """JSON-ready: ``{"statement", "start", "fields": {name: {"value", "words"}},
    "not_understood", "notes", "language", "smart"}``."""
    goal = reading.goal
    return {
        "statement": goal.statement,
        "start": goal.start.isoformat() if goal.start else None,
        "fields": {
            f: {"value": _value(reading, f), "words": reading.understood.get(f)} for f in FIELDS
        },
        "not_understood": list(reading.not_understood),
        "notes": list(reading.notes),
        "language": reading.language,
        "smart": smart.to_dict(),
    }


@shown_as_written
def render_reading(reading: StatementReading, smart: SmartReport, fmt: str = "text") -> str:
    """``text`` (for a terminal) or ``json``."""
    if fmt == "json":
        return json.dumps(reading_to_dict(reading, smart), indent=2) + "\n"
    goal = reading.goal
    lines = [f"Statement: {goal.statement}", ""]
    for f in FIELDS:
        value = _value(reading, f)
        shown = ", ".join(value) if isinstance(value, list) else _shown(reading, f, value)
        words = reading.understood.get(f)
        if shown is None:
            note = "not understood" if f in reading.not_understood else "not given"
            lines.append(f"  {f:<10} -{'':<22} {note}")
        else:
            origin = f'from "{words}"' if words else "given"
            lines.append(f"  {f:<10} {shown!s:<23} {origin}")
    if reading.notes:
        lines.append("")
        lines.append("Notes:")
        lines.extend(f"  - {n}" for n in reading.notes)
    lines.append("")
    lines.append(f"SMART score: {format_score(smart.score)}/100")
    for name, c in smart.criteria.items():
        mark = "pass" if c.passed else "miss"
        lines.append(f"  {name:<11} {mark:<5} {format_whole_percent(c.score)}")
    if smart.suggestions:
        lines.append("")
        lines.append("To make it SMART:")
        lines.extend(f"  - {s}" for s in smart.suggestions)
    return "\n".join(lines) + "\n"
