"""``goalrules rules``: check, format, test, lint and diff rule files and decision
tables."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from goalrules.cli.conventions import notice, say, writing

__all__ = ["add_commands"]

FORMATS = ["text", "json", "markdown", "html"]


def _check_one(path: str) -> tuple[dict[str, Any], list[Any], int]:
    """One file checked: its JSON entry, its errors, its table problems."""
    from goalrules.engine import load_rules
    from goalrules.errors import GoalRulesError, GoalRulesErrors

    entry: dict[str, Any] = {"path": path}
    try:
        if path.endswith((".csv", ".xlsx")):
            from goalrules.engine.decision_table import load_table

            table = load_table(Path(path))
            issues = table.analyse()
            entry.update(ok=True, kind="decision table", name=table.name, hit=table.hit,
                         rows=len(table.rows),
                         problems=[{"code": i.code, "message": i.message, "line": i.line}
                                   for i in issues])  # fmt: skip
            return entry, [], len(issues)
        rs = load_rules(Path(path))
    except GoalRulesErrors as group:
        entry.update(ok=False, errors=[e.to_dict() for e in group.errors])
        return entry, list(group.errors), 0
    except GoalRulesError as err:
        entry.update(ok=False, errors=[err.to_dict()])
        return entry, [err], 0
    entry.update(ok=True, kind="ruleset", name=rs.name, rules=len(rs),
                 criteria=list(rs.criteria), decisions=list(rs.decisions))  # fmt: skip
    return entry, [], 0


def _errors_line(errors: Any) -> None:
    """The report written is for CI; one line on stderr, as for every exit 2."""
    if errors:
        more = f" ({len(errors)} errors)" if len(errors) > 1 else ""
        say(f"goalrules: error: {errors[0].headline()}{more}")


def _cmd_rules_check(args: argparse.Namespace, out: TextIO) -> int:
    failed = 0
    found: list[Any] = []
    problems = 0
    entries = []
    bidi: list[Any] = []
    for path in map(str, args.files):
        warnings = _bidi_warnings(path, out if args.format != "json" else None)
        bidi += warnings
        entry, errors, issues = _check_one(path)
        if warnings:
            entry["warnings"] = [w.to_dict() for w in warnings]
        entries.append(entry)
        problems += issues
        if errors:
            failed += 1
            found += errors
        if args.format == "json":
            continue
        out.writelines(f"{err}\n" for err in errors)
        if not entry["ok"]:
            continue
        if entry["kind"] == "decision table":
            out.writelines(f"{p['message']}\n" for p in entry["problems"])
            out.write(f"{path}: ok, decision table {entry['name']} (hit {entry['hit']}), "
                      f"{entry['rows']} rows\n")  # fmt: skip
            continue
        kinds = []
        if entry["criteria"]:
            kinds.append(f"criteria: {', '.join(entry['criteria'])}")
        if entry["decisions"]:
            kinds.append(f"decisions: {', '.join(entry['decisions'])}")
        extra = f" ({'; '.join(kinds)})" if kinds else ""
        rules = f"{entry['rules']} rule{'s' if entry['rules'] != 1 else ''}"
        out.write(f"{path}: ok, ruleset {entry['name']}, {rules}{extra}\n")
    if args.format == "json":
        json.dump({"files": entries}, out, indent=2)
        out.write("\n")
    if found:
        # the listing above is for editors; one line on stderr for people and scripts
        count = f"{len(found)} error{'s' if len(found) != 1 else ''}"
        more = f" ({count} in {failed} file{'s' if failed != 1 else ''})"
        say(f"goalrules: error: {found[0].headline()}{more}")
        return 2
    if bidi:  # a warning people see even when the listing goes to a file
        more = f" ({len(bidi)} such characters)" if len(bidi) > 1 else ""
        say(f"goalrules: warning: {bidi[0].headline()}{more}")
    return 1 if (problems or bidi) and args.strict else 0


def _bidi_warnings(path: str, out: TextIO | None) -> list[Any]:
    """Warn, as compilers do, of bidirectional control characters (Trojan Source)."""
    from goalrules.dsl.bidi import bidi_warnings
    from goalrules.errors import GoalRulesError
    from goalrules.io.files import read_text

    try:
        warnings = bidi_warnings(read_text(path), source=str(path))
    except GoalRulesError:
        return []  # an unreadable file: the check says why
    if out is not None:
        out.writelines(f"{w.location}: warning: {w.detail()}\n" for w in warnings)
    return warnings


def _cmd_rules_fmt(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.dsl.format import format_rules
    from goalrules.engine.rule_tests import find_rule_files
    from goalrules.io.files import read_text

    changed = 0
    for path in find_rule_files(args.files):
        text = read_text(path)
        formatted = format_rules(text, source=str(path))
        if formatted == text:
            continue
        changed += 1
        if args.check:
            out.write(f"{path}: not in the canonical layout (goalrules rules fmt {path})\n")
        else:
            path.write_text(formatted, encoding="utf-8")
            out.write(f"formatted {path}\n")
    return 1 if changed and args.check else 0


def _cmd_rules_test(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.cli import _today
    from goalrules.engine.rule_tests import run_rule_tests

    run = run_rule_tests(args.paths, today=_today(args.today))
    if args.format == "json":
        json.dump(run.to_dict(), out, indent=2)
        out.write("\n")
    elif args.format == "junit":
        out.write(run.junit())
    else:
        out.write(run.text())
    _errors_line(run.errors)
    return run.exit_code


def _params(items: list[str] | None) -> dict[str, str]:
    from goalrules.errors import GoalRulesError

    out: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise GoalRulesError(f"write a param as NAME=VALUE, got {item!r}", field="--param")
        out[name.strip()] = value.strip()
    return out


def _cmd_rules_diff(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.cli import _today
    from goalrules.diff import diff_rules, rule_side

    old = rule_side([args.old] if args.old else [])
    new = rule_side([args.new] if args.new else [], params=_params(args.param))
    result = diff_rules(old, new, workspace=args.workspace, history=args.history,
                        performance=args.performance, today=_today(args.today))  # fmt: skip
    text = result.render(args.format)
    if args.output:
        with writing(args.output):
            Path(args.output).write_text(text, encoding="utf-8")
        notice(f"goalrules: wrote {args.output}")
        notice(f"goalrules: {result.summary()}")  # (the file holds it too)
    else:
        out.write(text)
    return result.exit_code


def _cmd_rules_lint(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.engine.lint import lint_paths

    run = lint_paths(args.paths, select=_codes(args.select), ignore=_codes(args.ignore),
                     sample=args.sample)  # fmt: skip
    if args.format == "json":
        json.dump(run.to_dict(), out, indent=2)
        out.write("\n")
    else:
        out.write(run.text())
    _errors_line(run.errors)
    return run.exit_code


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in (text or "").split(",") if c.strip())


def add_commands(sub: Any, format_help: str, today_help: str) -> None:
    """Register ``goalrules rules ...`` on the command's subparsers."""
    r = sub.add_parser("rules", help="work with rule files")
    rsub = r.add_subparsers(dest="rules_command", metavar="ACTION")
    rc = rsub.add_parser("check", help="parse and type-check rule files; print every error")
    rc.add_argument(
        "files", nargs="+", metavar="FILE", help="rule files and decision tables (.csv, .xlsx)"
    )
    rc.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when a decision table has overlapping rows or uncovered inputs, or "
        "a file holds bidirectional control characters",
    )
    rc.add_argument("--format", choices=["text", "json"], default="text",
                    help="text (default) or json (with the codes)")  # fmt: skip
    rc.set_defaults(func=_cmd_rules_check)
    rf = rsub.add_parser("fmt", help="rewrite rule files in the canonical layout")
    rf.add_argument("files", nargs="+", metavar="FILE", help="rule files (or folders)")
    rf.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 when a file is not in the layout",
    )
    rf.set_defaults(func=_cmd_rules_fmt)
    rt = rsub.add_parser("test", help="run the tests of the rule files under PATH")
    rt.add_argument("paths", nargs="+", metavar="PATH", help="rule files or folders")
    rt.add_argument(
        "--format",
        choices=["text", "json", "junit"],
        default="text",
        help="text (default), json, or JUnit XML for CI",
    )
    rt.add_argument("--today", metavar="DATE", help="evaluate as of this date (default today)")
    rt.set_defaults(func=_cmd_rules_test)

    rd = rsub.add_parser("diff", help="what a rule edit changes on a workspace's judgments")
    rd.add_argument("old", metavar="OLD", nargs="?", help="the rules before: a rule file, folder, "
                    "decision table or git:REV:path (default: the shipped rules)")  # fmt: skip
    rd.add_argument("new", metavar="NEW", nargs="?",
                    help="the rules after (default: the shipped rules)")  # fmt: skip
    rd.add_argument("--param", metavar="NAME=VALUE", action="append",
                    help="a param override on the NEW side, e.g. channels.low_volume=12%% "
                    "(repeatable)")  # fmt: skip
    rd.add_argument("--workspace", metavar="WORKSPACE", required=True, help="the workspace file")
    rd.add_argument("--history", metavar="CSV", help="date,channel,metric,value rows")
    rd.add_argument("--performance", metavar="CSV", help="month,channel,visits,leads rows")
    rd.add_argument("--today", metavar="DATE", help=today_help)
    rd.add_argument("--format", choices=FORMATS, default="text", help=format_help)
    rd.add_argument("--output", metavar="FILE", help="write the report to FILE")
    rd.set_defaults(func=_cmd_rules_diff)
    rl = rsub.add_parser("lint", help="find rules that cannot be right (see docs/errors/lint.md)")
    rl.add_argument("paths", nargs="+", metavar="PATH", help="rule files, tables or folders")
    rl.add_argument("--select", metavar="CODES", help="only these codes (GR301,GR302)")
    rl.add_argument("--ignore", metavar="CODES", help="leave these codes out")
    rl.add_argument("--sample", type=int, default=0, metavar="N",
                    help="also draw N inputs a file: checks that never vary (GR309)")  # fmt: skip
    rl.add_argument("--format", choices=["text", "json"], default="text", help=format_help)
    rl.set_defaults(func=_cmd_rules_lint)
