"""``goalrules init [DIR]``: start a workspace of your own.

It writes a commented ``workspace.toml`` (every key, what it means, its default), a
small ``history.csv`` and ``performance.csv`` ending last month, and prints the next
commands to run. The keys' meanings live here, in `KEYS`, and nowhere else: the
file ``init`` writes and ``docs/workspace.md`` (``scripts/workspace_reference.py``) are
both built from them, with types and defaults read from the model's own classes, and a
test fails when a class gains a field `KEYS` does not explain.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import attrs

__all__ = [
    "KEYS",
    "SECTIONS",
    "add_command",
    "init_workspace",
    "key_rows",
    "workspace_toml",
]

# section -> (how it is written, the model class, what it holds)
SECTIONS: dict[str, tuple[str, str, str]] = {
    "workspace": ("[workspace]", "goalrules.io.Workspace", "the team's settings (one table)"),
    "objective": ("[[objective]]", "goalrules.model.CompanyObjective", "a company objective"),
    "goal": ("[[goal]]", "goalrules.model.Goal", "a social-media goal"),
    "tactic": ("[[tactic]]", "goalrules.model.Tactic", "a piece of work that moves a goal"),
    "channel": ("[[channel]]", "goalrules.model.Channel", "a network as the team uses it"),
}

# section -> key -> (meaning, an example as TOML writes it)
KEYS: dict[str, dict[str, tuple[str, str]]] = {
    "workspace": {
        "name": ("the team's or company's name, shown in the reports", '"Acme"'),
        "today": (
            "judge as of this date instead of the real date (handy for a fixed report); a "
            "goal with no start starts on it ('within six months' of it); a command's "
            "--today wins",
            "2026-01-10",
        ),
        "prior": (
            "the growth model's prior for achievability: 'flat', or its fields",
            '"tau=0.02, mean=0"',
        ),
        "history": (
            "the history file(s) check and review read when no --history is given (a path "
            "from this file's folder; goalrules' own or exports)",
            '"history.csv"',
        ),
        "performance": (
            "the channel performance file(s) check, review and channels read when none is "
            "given (a path from this file's folder)",
            '["ga4.csv", "hubspot.csv"]',
        ),
    },
    "objective": {
        "id": ("a short name goals refer to in `supports`", '"new-segment"'),
        "text": ("the objective in words", '"Expand into a new market segment"'),
    },
    "goal": {
        "id": ("a short name (letters, digits, '-', '_')", '"li-followers"'),
        "statement": (
            "the goal in words; fields left out are read from it",
            '"Double our LinkedIn followers within six months"',
        ),
        "objective": (
            "what it is for: brand_awareness, traffic, leads, engagement, ... "
            "(`goalrules catalog` lists the metrics of each)",
            '"brand_awareness"',
        ),
        "metric": ("the metric that moves (`goalrules catalog` lists them)", '"followers"'),
        "channel": ("the network, several joined by ',', or 'all'", '"linkedin"'),
        "baseline": ("the value at the start", '"1,200 followers"'),
        "target": (
            "an absolute value, or a change from the baseline",
            '"2,400 followers", "x2", "+50%", "40 leads per month"',
        ),
        "start": (
            "when the goal starts (none: check reads it from its day, review from the goal's "
            "first review)",
            "2026-01-10",
        ),
        "deadline": ("a date, or words", '2026-06-30, "within 6 months", "end of Q3 2026"'),
        "supports": ("the ids of the company objectives it serves", '["new-segment"]'),
        "owner": ("who answers for it", '"Brian"'),
        "review": ("how often it is reviewed", '"monthly"'),
        "recurs": (
            "the period the target is set for, every period; when not set, the statement "
            "says it ('every month', or '50 leads a month' with no deadline)",
            '"month", "every quarter"',
        ),
        "tiers": (
            "base, target and stretch targets, each judged with its own chance and pace",
            '{base = "40 leads", target = "50 leads", stretch = "65 leads"}',
        ),
    },
    "tactic": {
        "id": ("a short name", '"weekly-carousel"'),
        "goal": ("the id of the goal it moves", '"li-followers"'),
        "text": ("the work in words", '"A carousel every Monday"'),
        "value": ("how much it moves the goal, 1 (little) to 5 (much)", "4"),
        "complexity": ("how hard it is, 1 (easy) to 5 (hard)", "2"),
        "owners": ("who does it", '["Hailley"]'),
        "eta": (
            "a due date, or a recurrence naming its days or the day it counts from",
            '2026-02-01, "every Monday", "monthly on the 30th", "every 2 weeks from 2026-02-02"',
        ),
    },
    "channel": {
        "id": ("the network: linkedin, instagram, facebook, x, tiktok, youtube, ...", '"x"'),
        "role": ("what the team uses it for (an objective, as for goals)", '"traffic"'),
        "formats_tried": ("the formats tried on it", '["image", "video"]'),
        "name": ("a display name when the id is not enough", '"X (Twitter)"'),
    },
}

# how the model's annotations read in a workspace file
_TOML_TYPES = {
    "str": "text",
    "Date": "date (YYYY-MM-DD)",
    "Objective": "objective (text)",
    "Quantity": "quantity (text: number and unit)",
    "Target": "target (text)",
    "tuple[str, ...]": "list of text",
    "int": "whole number",
    "float": "number",
    "bool": "true or false",
    "GrowthPrior": "prior (text or table)",
    "Recurrence": "recurrence (text)",
    "tuple[Tier, ...]": "tiers (table)",
}


def _model_class(section: str) -> type[Any]:
    import importlib

    module, _, name = SECTIONS[section][1].rpartition(".")
    cls: type[Any] = getattr(importlib.import_module(module), name)
    return cls


def _fields(section: str) -> list[attrs.Attribute[Any]]:
    import attrs

    # a Workspace's parts, notes and what reading it found, not [workspace] keys
    skip = {"plan", "source", "notes", "undated"}
    return [f for f in attrs.fields(_model_class(section)) if f.name not in skip]


def _type_text(annotation: Any) -> str:
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
    parts = [p.strip() for p in str(text).split("|")]
    optional = "None" in parts
    words = [_TOML_TYPES.get(p, p) for p in parts if p != "None"]
    return " or ".join(words) + (", optional" if optional else "")


def _default_text(section: str, field: attrs.Attribute[Any]) -> str:
    import attrs

    if section == "workspace":  # every [workspace] key may be left out
        return "not set" if field.default in (attrs.NOTHING, None, ()) else str(field.default)
    if field.default is attrs.NOTHING:
        return "required"
    value = field.default
    if value is None:
        return "not set"
    if value == ():
        return "none"
    if value == "":
        return "empty"
    return str(value)


#: the type of a key whose model field holds more than the file says (a file or a
#: list of files, kept as a tuple of paths)
_KEY_TYPES = {
    ("workspace", "history"): "text or list of text",
    ("workspace", "performance"): "text or list of text",
}


def key_rows(section: str) -> list[tuple[str, str, str, str, str]]:
    """``(key, type, default, meaning, example)`` for each key of ``section``, in the
    model's field order; a field `KEYS` does not explain is a ``KeyError``."""
    rows = []
    for field in _fields(section):
        meaning, example = KEYS[section][field.name]
        kind = _KEY_TYPES.get((section, field.name)) or _type_text(field.type)
        default = _default_text(section, field)
        rows.append((field.name, kind, default, meaning, example))
    return rows


def _key_comments(section: str) -> str:
    lines = [f"# {SECTIONS[section][0]}: {SECTIONS[section][2]}. Keys:"]
    for key, kind, default, meaning, _example in key_rows(section):
        lines.append(f"#   {key} ({kind}; default: {default}): {meaning}")
    return "\n".join(lines) + "\n"


def _months_before(day: dt.date, n: int) -> list[dt.date]:
    """The first days of the ``n`` months before ``day``'s month, oldest first."""
    out = []
    year, month = day.year, day.month
    for _ in range(n):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append(dt.date(year, month, 1))
    return out[::-1]


def workspace_toml(*, name: str, today: dt.date, fixed: bool = False) -> str:
    """The commented workspace ``init`` writes, its goals starting ``today`` (written as
    the workspace's ``today`` when ``fixed``)."""
    today_line = (
        f"today = {today.isoformat()}"
        if fixed
        else f"# today = {today.isoformat()}      # uncomment to judge as of a fixed date"
    )
    deadline = dt.date(today.year + (today.month + 5) // 12, (today.month + 5) % 12 + 1, 1)
    quarter_end = dt.date(deadline.year, 3 * ((deadline.month - 1) // 3) + 3, 1)
    quarter = f"Q{(quarter_end.month - 1) // 3 + 1} {quarter_end.year}"
    return f"""\
# A goalrules workspace: your company objectives, the social goals that serve them,
# the tactics that move the goals, and the channels you use. Every key is listed in
# the comments above its section, with what it means and its default; the full
# reference, with examples, is docs/workspace.md. Dates are YYYY-MM-DD; amounts are
# written as you would say them ("1,200 followers", "+50%", "40 leads per month").

{_key_comments("workspace")}
[workspace]
name = {_toml_str(name)}
{today_line}
history = "history.csv"
performance = "performance.csv"

{_key_comments("objective")}
[[objective]]
id = "grow-pipeline"
text = "Grow the sales pipeline from social media"

{_key_comments("goal")}
# A goal can be written two ways. As a sentence: goalrules reads the metric, channel,
# target and deadline from the words (`goalrules read "..."` shows how it reads one).
[[goal]]
id = "li-followers"
statement = "Grow our LinkedIn followers by 25% within six months"
start = {today.isoformat()}
supports = ["grow-pipeline"]
owner = "Sam"
review = "monthly"

# Or field by field (fields given win over the words of the statement).
[[goal]]
id = "li-leads"
statement = "40 leads a month from LinkedIn by the end of {quarter}"
objective = "leads"
metric = "leads"
channel = "linkedin"
target = "40 leads per month"
start = {today.isoformat()}
deadline = "end of {quarter}"
supports = ["grow-pipeline"]
owner = "Sam"
review = "monthly"

{_key_comments("tactic")}
[[tactic]]
id = "weekly-carousel"
goal = "li-followers"
text = "A carousel on our customers' problems every Monday"
value = 4
complexity = 2
owners = ["Sam"]
eta = "every Monday"

{_key_comments("channel")}
[[channel]]
id = "linkedin"
role = "leads"
formats_tried = ["carousel", "article"]

[[channel]]
id = "instagram"
role = "brand_awareness"
formats_tried = ["reels"]
"""


def _toml_str(text: str) -> str:
    import json

    # JSON's escapes are TOML's; TOML also refuses DEL as it is
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def history_csv(today: dt.date) -> str:
    """Six months of LinkedIn followers and leads before ``today`` (goalrules' own
    long form: date, channel, metric, value)."""
    lines = ["date,channel,metric,value"]
    months = _months_before(today, 6)
    for i, month in enumerate(months):
        day = dt.date(month.year, month.month, 28)
        lines.append(f"{day.isoformat()},linkedin,followers,{round(1000 * math.exp(0.04 * i))}")
    for i, month in enumerate(months):
        lines.append(f"{_month_end(month).isoformat()},linkedin,leads,{22 + 2 * i}")
    return "\n".join(lines) + "\n"


def _month_end(month: dt.date) -> dt.date:
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def performance_csv(today: dt.date) -> str:
    """Six months of visits, leads and customers per channel before ``today``."""
    lines = ["month,channel,visits,leads,customers,spend"]
    for i, month in enumerate(_months_before(today, 6)):
        stamp = f"{month.year:04d}-{month.month:02d}"
        lines.append(f"{stamp},linkedin,{300 + 10 * i},{22 + 2 * i},{4 + i // 2},400")
        lines.append(f"{stamp},instagram,{900 + 25 * i},{6 + i // 3},1,250")
    return "\n".join(lines) + "\n"


def init_workspace(
    folder: str | Path = ".",
    *,
    name: str | None = None,
    today: dt.date | None = None,
    force: bool = False,
) -> list[Path]:
    """Write ``workspace.toml``, ``history.csv`` and ``performance.csv`` into ``folder``
    (created when missing); returns the paths written. ``today`` (default: the real
    date) starts the goals and is written as the workspace's ``today``. An existing file
    is kept (a [WorkspaceError][goalrules.errors.WorkspaceError]) unless ``force``."""
    from goalrules.errors import WorkspaceError

    root = Path(folder)
    day = today or dt.date.today()
    files = {
        "workspace.toml": workspace_toml(
            name=name or _name_of(root), today=day, fixed=today is not None
        ),
        "history.csv": history_csv(day),
        "performance.csv": performance_csv(day),
    }
    if not force:
        for filename in files:
            if (root / filename).exists():
                raise WorkspaceError(
                    "already exists; keep it, or run init with --force to replace it",
                    source=str(root / filename),
                )
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, text in files.items():
        (root / filename).write_text(text, encoding="utf-8")
        written.append(root / filename)
    return written


def _name_of(root: Path) -> str:
    folder = root.resolve().name
    return folder.replace("-", " ").replace("_", " ").strip().title() or "My team"


def _cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.cli import _today

    written = init_workspace(
        args.directory, name=args.name, today=_today(args.today), force=args.force
    )
    folder = Path(args.directory)
    for path in written:
        out.write(f"wrote {path}\n")
    # (the workspace names its history and performance files: each command reads them)
    here = folder == Path(".")
    ws = " workspace.toml" if here else f" {shlex.quote(str(folder))}"
    store = shlex.quote(str(folder / "goals.db"))
    out.write(
        "\nNext:\n"
        f"  goalrules check{'' if here else ws}\n"
        f"  goalrules review{ws} --store {store}\n"
        f"  goalrules channels --workspace{ws}\n"
        "\nEdit workspace.toml: every key is explained in its comments.\n"
    )
    return 0


def add_command(sub: Any) -> None:
    """Register ``init`` on the CLI's subparsers."""
    p = sub.add_parser("init", help="start a workspace: a commented workspace.toml and data")
    p.add_argument("directory", metavar="DIR", nargs="?", default=".",
                   help="the folder to write into (default: here)")  # fmt: skip
    p.add_argument("--name", help="the team's name (default: from the folder's name)")
    p.add_argument("--today", metavar="DATE", help="start the goals on this date (default today)")
    p.add_argument("--force", action="store_true", help="replace files that already exist")
    p.set_defaults(func=_cmd_init)
