"""``goalrules plugins``: the plugins installed, what each adds and what it replaces."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from goalrules.cli.conventions import say


def cmd_plugins(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.plugins import inventory

    reports = inventory()
    if args.format == "json":
        rows = [
            {
                "name": r.origin.name,
                "distribution": r.origin.distribution,
                "version": r.origin.version,
                "entry_point": r.origin.entry_point,
                "adds": r.adds,
                "replaces": r.replaces,
                "problem": r.problem,
            }
            for r in reports
        ]
        json.dump({"plugins": rows}, out, indent=2)
        out.write("\n")
    else:
        for r in reports:
            o = r.origin
            head = f"{o.distribution} {o.version or ''}".strip() if o.distribution else o.name
            where = f"entry point {o.entry_point}" if o.entry_point else "registered by hand"
            out.write(f"{head} ({where})\n")
            for kind, names in r.adds.items():
                out.write(f"  adds {_plural(kind, len(names))}: {', '.join(names)}\n")
            if not r.adds:
                out.write("  adds nothing\n")
            out.write(f"  replaces: {', '.join(r.replaces) if r.replaces else 'nothing'}\n")
            if r.problem:
                out.write(f"  problem: {r.problem}\n")
        n = len(reports)
        out.write(f"{_plural('plugin', n)} installed\n" if n else "no plugins installed\n")
    broken = [r for r in reports if r.problem]
    if broken:  # listed above; one line on stderr, as every exit 2
        more = f" ({len(broken)} plugins with problems)" if len(broken) > 1 else ""
        say(f"goalrules: error: {broken[0].problem}{more}")
        return 2
    return 0


def _plural(kind: str, n: int) -> str:
    if n == 1:
        return kind if kind != "plugin" else "1 plugin"
    if kind == "plugin":
        return f"{n} plugins"
    return kind + "es" if kind.endswith("s") else kind + "s"


def add_command(sub: Any, fmt_help: str) -> None:
    """The ``plugins`` subcommand."""
    pl = sub.add_parser("plugins", help="list the plugins installed: what each adds, replaces")
    pl.add_argument("--format", choices=["text", "json"], default="text", help=fmt_help)
    pl.set_defaults(func=cmd_plugins)
