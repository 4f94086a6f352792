"""The ``goalrules`` command. It parses arguments and prints; the work happens in the
library. Exit status: 0 on success, 1 when ``--fail-under`` is not met, 2 on bad input
(one line on stderr; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

__all__ = ["main"]

Command = Callable[[argparse.Namespace, TextIO], int]


def _cmd_catalog(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.metrics import catalog

    metrics = list(catalog.for_objective(args.objective) if args.objective else catalog.values())
    if args.format == "json":
        rows = [
            {
                "key": m.key,
                "name": m.name,
                "unit": m.unit,
                "direction": m.direction.value,
                "kind": m.kind.value,
                "formula": m.formula,
                "objectives": [o.value for o in m.objectives],
                "aliases": list(m.aliases),
                "description": m.description,
            }
            for m in metrics
        ]
        json.dump({"metrics": rows}, out, indent=2)
        out.write("\n")
        return 0
    width = max(len(m.key) for m in metrics) if metrics else 10
    out.write(f"{'metric':<{width}}  {'unit':<16}  {'kind':<6}  {'better':<6}  formula\n")
    out.write(f"{'-' * width}  {'-' * 16}  {'-' * 6}  {'-' * 6}  {'-' * 30}\n")
    for m in metrics:
        out.write(
            f"{m.key:<{width}}  {m.unit:<16}  {m.kind.value:<6}  {m.direction.value:<6}  "
            f"{m.formula or '(measured)'}\n"
        )
    out.write(f"\n{len(metrics)} metrics")
    if args.objective:
        out.write(f" measuring {args.objective}")
    out.write("\n")
    return 0


def _cmd_rules_check(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.engine import load_rules
    from goalrules.errors import GoalRulesError, GoalRulesErrors

    failed = 0
    for path in args.files:
        try:
            rs = load_rules(Path(path))
        except GoalRulesErrors as group:
            failed += 1
            for err in group.errors:
                out.write(f"{err}\n")
            continue
        except GoalRulesError as err:
            failed += 1
            out.write(f"{err}\n")
            continue
        kinds = []
        if rs.criteria:
            kinds.append(f"criteria: {', '.join(rs.criteria)}")
        if rs.decisions:
            kinds.append(f"decisions: {', '.join(rs.decisions)}")
        extra = f" ({'; '.join(kinds)})" if kinds else ""
        out.write(f"{path}: ok, ruleset {rs.name}, {len(rs)} rules{extra}\n")
    return 2 if failed else 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="goalrules",
        description="Check social-media goals, channels and plans against the guides' advice.",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("catalog", help="list the metric catalog")
    c.add_argument("--objective", help="only metrics measuring this objective")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.set_defaults(func=_cmd_catalog)

    r = sub.add_parser("rules", help="work with rule files")
    rsub = r.add_subparsers(dest="rules_command", metavar="ACTION")
    rc = rsub.add_parser("check", help="parse and type-check rule files; print every error")
    rc.add_argument("files", nargs="+", metavar="FILE")
    rc.set_defaults(func=_cmd_rules_check)
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    stream = out if out is not None else sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(stream)
        return 0
    func: Command = args.func
    try:
        return func(args, stream)
    except Exception as exc:
        from goalrules.errors import GoalRulesError

        if args.debug:
            raise
        if isinstance(exc, GoalRulesError):
            print(f"goalrules: error: {exc.headline()}", file=sys.stderr)
            return 2
        if isinstance(exc, OSError):
            print(f"goalrules: error: {exc.strerror or exc}: {exc.filename or ''}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
