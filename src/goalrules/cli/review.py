"""``goalrules review``: review the goals and keep the review; render a stored review by
date; explain a stored verdict; send alerts; the track record.

Exit status: 0 on success, 2 on bad input or a fault of the store (one line on stderr),
3 when the review is saved but its alerts could not be delivered (one line).
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from goalrules.cli.conventions import say

__all__ = ["add_command", "cmd_review"]


def _params(items: list[str] | None, option: str) -> dict[str, str]:
    from goalrules.errors import ValidationError

    out: dict[str, str] = {}
    for item in items or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ValidationError(f"{item!r} is not NAME=VALUE", field=option)
        out[name.strip()] = value.strip()
    return out


def _ruleset(kind: str, items: list[str] | None, option: str) -> Any:
    if not items:
        return None
    from goalrules.engine import shipped_ruleset
    from goalrules.errors import GoalRulesError

    try:
        return shipped_ruleset(kind).with_params(**_params(items, option))
    except GoalRulesError as exc:
        raise exc.with_location(field=option) from None


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.reviews import reviews_of

    kept = reviews_of(args.store, args.name)  # (--name: that workspace's only)
    if args.format == "json":
        json.dump({"reviews": kept}, out, indent=2)
        out.write("\n")
        return 0
    for r in kept:
        more = f"  ({r['revisions']} revisions)" if r.get("revisions", 1) > 1 else ""
        goals = f"{r['goals']} goal{'s' if r['goals'] != 1 else ''}"
        out.write(f"{r['workspace']}  #{r['number']}  {r['date']}  {goals}{more}\n")
    of = f" of {args.name}" if args.name else ""
    out.write(f"{len(kept)} review{'s' if len(kept) != 1 else ''}{of} in {args.store}\n")
    return 0


def _notify(result: Any, args: argparse.Namespace) -> int:
    from goalrules.reviews.notify import DeliveryError, notify

    rules = _ruleset("alerts", args.alert_param, "--alert-param")
    status = 0
    for target in args.notify or []:
        try:
            done = notify(
                result,
                target,
                store=args.store,
                fmt=args.notify_format,
                digest=args.digest,
                rules=rules,
                workspace=args.workspace,
            )
        except DeliveryError as exc:
            say(f"goalrules: error: {exc.headline()}")
            status = 3
            continue
        say(
            f"goalrules: {len(done.sent)} alert{'s' if len(done.sent) != 1 else ''} sent "
            f"in {done.messages} message{'s' if done.messages != 1 else ''}"
            f"{f', {len(done.already)} already sent' if done.already else ''}"
        )
    return status


def cmd_review(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.cli import _emit, _notes, _today
    from goalrules.errors import ValidationError

    if args.revision is not None and not args.date:
        raise ValidationError(
            "--revision N needs --date DATE (the review it is a revision of)", field="--revision"
        )
    if args.list:
        return _list(args, out)
    if args.track_record:
        from goalrules.report.track import render_track_record
        from goalrules.reviews.track import track_record

        record = track_record(args.store, workspace=args.name, today=_today(args.today))
        _emit(render_track_record(record, args.format), args, out)
        return 0
    if args.explain:
        if not args.date:
            raise ValidationError(
                "--explain GOAL needs --date DATE (the review's date)", field="--explain"
            )
        from goalrules.reviews.stored import explain

        said = explain(
            args.store,
            args.explain,
            _today(args.date, "--date"),
            name=args.name,
            revision=args.revision,
            rules=_ruleset("review", args.param, "--param"),
        )
        _emit(said.render(), args, out)
        return 0
    from goalrules.report.review import render_review

    if args.date:
        from goalrules.reviews.stored import stored_review

        result = stored_review(
            args.store, _today(args.date, "--date"), name=args.name, revision=args.revision
        )
    else:
        if not args.workspace:
            raise ValidationError(
                "review needs a WORKSPACE (with --history FILE, or a workspace naming its "
                "history), or --list, --date, --track-record"
            )
        from goalrules.reviews import review

        result = review(
            args.workspace,
            args.history,
            store=args.store,
            performance=args.performance,
            today=_today(args.today),
            name=args.name,
            rules=_ruleset("review", args.param, "--param"),
            prior=args.prior,
            anchors=args.anchor or (),
        )
    _emit(render_review(result, args.format), args, out)
    _notes(result.notes)
    if args.why and not args.date:
        from goalrules.reviews.moved import why_moved

        for moved in why_moved(
            args.workspace,
            args.history,
            store=args.store,
            today=result.date,
            performance=args.performance,
            name=args.name,
            rules=_ruleset("review", args.param, "--param"),
            prior=args.prior,
            anchors=args.anchor or (),
        ):
            say(f"goalrules: why: {moved.sentence()}")
    return _notify(result, args) if args.notify else 0


def add_command(sub: Any, formats: list[str], format_help: str, today_help: str) -> None:
    """Register ``goalrules review`` on the subparsers ``sub``."""
    rv = sub.add_parser("review", help="review the goals, keep the review, compare with the last")
    rv.add_argument("workspace", metavar="WORKSPACE", nargs="?",
                    help="the workspace file ('-': standard input, its data files named from "
                    "the current folder)")  # fmt: skip
    rv.add_argument(
        "--history",
        metavar="FILE",
        nargs="+",
        action="extend",
        help="history files (goalrules' own or exports; default: the files [workspace] history "
        "names)",
    )
    rv.add_argument(
        "--performance",
        metavar="FILE",
        nargs="+",
        action="extend",
        help="performance files (goalrules' own or exports)",
    )
    rv.add_argument(
        "--anchor", action="append", metavar='"N UNIT on DATE"',
        help="a known total for history exports of daily gains, as in import (repeatable)",
    )  # fmt: skip
    rv.add_argument(
        "--store",
        metavar="DB",
        required=True,
        help="the review store: a file (SQLite) or a postgresql:// URL",
    )
    rv.add_argument("--today", metavar="DATE", help=today_help)
    rv.add_argument("--format", choices=formats, default="text", help=format_help)
    rv.add_argument("--output", metavar="FILE", help="write the report to FILE")
    rv.add_argument("--list", action="store_true", help="list the reviews kept in the store")
    rv.add_argument(
        "--name",
        metavar="NAME",
        help="the workspace's name in the store (default: its [workspace] name; with "
        "--list: its reviews only)",
    )
    rv.add_argument(
        "--date",
        metavar="DATE",
        help="render the stored review of DATE again, without re-running it",
    )
    rv.add_argument(
        "--revision",
        metavar="N",
        type=int,
        help="with --date: that revision of the review (default the latest)",
    )
    rv.add_argument(
        "--explain", metavar="GOAL", help="with --date: explain GOAL's stored verdict and re-run it"
    )
    rv.add_argument(
        "--param",
        metavar="NAME=VALUE",
        action="append",
        help="a param of the review flags' ruleset (slipping=10%%)",
    )
    rv.add_argument("--prior", metavar="PRIOR", help="the growth model's prior (as check)")
    rv.add_argument(
        "--notify",
        metavar="TARGET",
        action="append",
        help="send the alerts: a webhook URL, mailto:ADDRESS, or a file (JSON lines)",
    )
    rv.add_argument(
        "--notify-format",
        choices=["json", "slack"],
        default="json",
        help="the webhook's body: json (default) or slack",
    )
    rv.add_argument(
        "--digest", action="store_true", help="one message per review instead of one per change"
    )
    rv.add_argument(
        "--alert-param",
        metavar="NAME=VALUE",
        action="append",
        help="a param of the alerts ruleset (min_move=5%%)",
    )
    rv.add_argument(
        "--why",
        action="store_true",
        help="say why each goal's chance moved since the last review (on stderr)",
    )
    rv.add_argument(
        "--track-record",
        action="store_true",
        help="the chances given against what happened, for goals past deadline",
    )
    rv.set_defaults(func=cmd_review)
