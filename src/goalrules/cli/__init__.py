"""The ``goalrules`` command. It parses arguments and prints; the work happens in the
library. Exit status: 0 on success, 1 when ``--fail-under`` is not met, 2 on bad input
(one line on stderr; ``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from goalrules.cli.channels import cmd_channels, currency_code
from goalrules.cli.conventions import notice, quiet, say, writing

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


FORMATS = ["text", "json", "markdown", "html"]


def _today(value: str | None, option: str = "--today") -> Any:
    if value is None:
        return None
    from goalrules.dates import parse_date
    from goalrules.errors import GoalRulesError

    try:
        return parse_date(value)
    except GoalRulesError as exc:
        raise exc.with_location(field=option) from None


def _emit(text: str, args: argparse.Namespace, out: TextIO) -> None:
    if getattr(args, "output", None):
        from goalrules.visible import visible

        with writing(args.output):
            Path(args.output).write_text(visible(text, keep="\n\t"), encoding="utf-8")
        notice(f"goalrules: wrote {args.output}")
    else:
        out.write(text)


def _extra_rules(paths: list[str] | None) -> list[Any]:
    from goalrules.engine import load_rules

    return [load_rules(Path(p)) for p in paths or []]


def _progress() -> Callable[[str, int, int], None] | None:
    """A progress bar on stderr when it is a terminal, drawn once a stage has lasted
    half a second (short runs print nothing)."""
    if not sys.stderr.isatty() or quiet():
        return None
    import time

    from goalrules.visible import visible

    started: dict[str, float] = {}
    drawn: set[str] = set()

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - started.setdefault(stage, now) < 0.5 and stage not in drawn:
            return
        drawn.add(stage)
        width = 30
        filled = min(width, width * done // max(total, 1))
        bar = "#" * filled + "." * (width - filled)
        pct = min(100, 100 * done // max(total, 1))
        end = "\n" if done >= total else ""
        shown = visible(stage)  # a file's name, as written (never an escape code obeyed)
        print(f"\r{shown:<16.16} [{bar}] {pct:3d} %", end=end, file=sys.stderr, flush=True)

    return show


def _jobs(text: str) -> int:
    """``--jobs N``: a count of processes, 0 for one a core."""
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"expected 0 (one a core) or a number of processes, "
                                         f"got {text!r}")  # fmt: skip
    return n


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.check import start_check
    from goalrules.cli.exports import check_data
    from goalrules.report.stream import STREAM_FORMATS, stream_check
    from goalrules.report.workers import open_report

    if args.workspace is None:  # set here, after an option taking files gave it back
        args.workspace = "workspace.toml"
    if not os.path.lexists(args.workspace):  # (a link that leads nowhere: check_file says)
        from goalrules.errors import WorkspaceError

        raise WorkspaceError(
            "no such file: give the workspace's path, or run 'goalrules init' to start one",
            source=args.workspace,
        )
    from goalrules.io import load_workspace

    ws = load_workspace(args.workspace, today=_today(args.today))
    # the day the check is as of places the exports' year-less dates, as it does when
    # start_check reads one file: --today, else the workspace's
    history, performance, read_notes = check_data(args, _today(args.today) or ws.today, _progress())
    run = start_check(
        ws,
        history=history,
        performance=performance,
        sessions=args.utm,
        rules=_extra_rules(args.rules),
        today=_today(args.today),
        days=args.days,
        progress=_progress(),
        prior=args.prior,
        currency=args.currency,
    )
    run.notes[:0] = read_notes
    if args.format in STREAM_FORMATS:  # written as the goals are judged
        if args.output:
            from goalrules.visible import visible_stream

            with writing(args.output), open_report(args.output) as fh:
                summary = stream_check(run, args.format, visible_stream(fh), jobs=args.jobs)
            notice(f"goalrules: wrote {args.output}")
        else:
            summary = stream_check(run, args.format, out, jobs=args.jobs)
        lowest, notes = summary.lowest, summary.notes
    else:
        from goalrules.check import CheckResult
        from goalrules.report import render

        goals = tuple(run.goals())
        channels = run.channels()
        result = CheckResult(run.name, run.today, goals, channels, run.plan(), tuple(run.notes))
        _emit(render(result, args.format), args, out)
        lowest, notes = result.lowest_score, list(result.notes)
    _notes(notes)
    if args.fail_under is None:
        return 0
    if lowest is None:  # no goal: none scores under it (and none scores 0)
        _notes(["no goal to score: --fail-under holds nothing back"])
        return 0
    if lowest < args.fail_under:
        say(
            f"goalrules: a goal scores {_under(lowest, args.fail_under)}, under --fail-under "
            f"{args.fail_under:g}"
        )
        return 1
    return 0


def _under(score: float, limit: float) -> str:
    """A score under ``limit`` with the decimals that show it under (84.67 under 85
    reads "84.67", never "85")."""
    digits = 0
    while digits < 6 and round(score, digits) >= limit:
        digits += 1
    return f"{score:.{digits}f}"


def _notes(notes: Sequence[str]) -> None:
    """What reading the data assumed or left out, on stderr (never silently)."""
    for note in notes:
        notice(f"goalrules: note: {note}")


def _horizons(text: str) -> tuple[int, ...]:
    from goalrules.errors import GoalRulesError

    try:
        values = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        values = ()
    if not values or any(h < 1 for h in values):
        raise GoalRulesError(
            f"cannot read horizons {text!r}: write whole months, such as 3,6,12",
            field="--horizons",
        )
    return values


def _cmd_backtest(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.io.exports import read_history_file
    from goalrules.judgments.backtest import backtest
    from goalrules.judgments.growth import resolve_prior
    from goalrules.report.backtest import render_backtest

    horizons = _horizons(args.horizons)
    # read as check reads --history: goalrules' own file or an export, with its notes
    histories, notes = read_history_file(args.history, progress=_progress())
    growth = resolve_prior(args.prior, histories)
    result = backtest(histories, horizons=horizons, prior=growth)
    _emit(render_backtest(result, args.format), args, out)
    _notes(notes)
    return 0


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.check import demo_paths, run_check
    from goalrules.report import render

    paths = demo_paths()
    result = run_check(
        paths["workspace"],
        history=paths["history"],
        performance=paths["performance"],
        today=_today(args.today),
        currency="USD",  # (the demo's company counts in dollars)
    )
    _emit(render(result, args.format), args, out)
    return 0


def _cmd_plan(args: argparse.Namespace, out: TextIO) -> int:
    import datetime as dt

    from goalrules.check import run_check, run_plan
    from goalrules.io import load_workspace
    from goalrules.report import render_plan

    ws = load_workspace(args.workspace, today=_today(args.today))
    today = _today(args.today) or ws.today or dt.date.today()
    # the goals are judged as `check` judges them, so each scores the same in both
    # (its channels are not shown: the performance files are not read, nor noted on)
    result = run_check(ws, history=args.history, performance=(), today=today, days=args.days)
    plan = result.plan or run_plan(ws, today=today, days=args.days)
    _emit(render_plan(plan, args.format), args, out)
    _notes(result.notes)
    return 0


def _cmd_read(args: argparse.Namespace, out: TextIO) -> int:
    import datetime as dt

    from goalrules.judgments.smart import score_smart
    from goalrules.model import read_statement
    from goalrules.report.reading import render_reading

    start = _today(args.start, "--start") or dt.date.today()
    fields = {"baseline": args.baseline} if args.baseline else {}
    reading = read_statement(args.statement, start=start, lang=args.lang, **fields)
    smart = score_smart(reading.goal, today=start)
    out.write(render_reading(reading, smart, args.format))
    return 0


_FORMAT_HELP = "report format (default text)"
_TODAY_HELP = "judge as of this date, YYYY-MM-DD (default: the workspace's today, else today)"
_PRIOR_HELP = (
    "the growth model's prior: 'tau=0.02,mean=0,damping=0.9', 'flat' (the plain random "
    "walk), or 'fit' to fit it on the history's series (default: the workspace's, else "
    "goalrules' own, a flow's centre learnt across four or more histories of its metric)"
)


class _Parser(argparse.ArgumentParser):
    """argparse with the CLI's error contract: one line on stderr, exit 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"goalrules: error: {message} (see '{self.prog} --help')\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="goalrules",
        description="Check social-media goals, channels and plans against the guides' advice.",
    )
    p.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    p.add_argument(
        "--max-input-size",
        metavar="SIZE",
        help="largest input file read, such as 64MB (default 16MB for workspaces and rules, "
        "2GB for data)",
    )
    from goalrules import __version__
    from goalrules.cli.conventions import add_global_options

    add_global_options(p, __version__)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("catalog", help="list the metric catalog")
    c.add_argument("--objective", help="only metrics measuring this objective")
    c.add_argument("--format", choices=["text", "json"], default="text", help=_FORMAT_HELP)
    c.set_defaults(func=_cmd_catalog)

    d = sub.add_parser("demo", help="run the bundled Campfire example end to end")
    d.add_argument("--format", choices=FORMATS, default="text", help=_FORMAT_HELP)
    d.add_argument("--output", metavar="FILE", help="write the report here")
    d.add_argument("--today", metavar="DATE", help=_TODAY_HELP)
    d.set_defaults(func=_cmd_demo)

    ck = sub.add_parser("check", help="judge a workspace: goals, channels and plan")
    ck.add_argument("workspace", metavar="WORKSPACE", nargs="?",
                    help="the workspace file or its folder (default ./workspace.toml; '-': "
                    "standard input, its data files named from the current folder)")  # fmt: skip
    from goalrules.cli.exports import add_check_options

    add_check_options(ck)
    ck.add_argument(
        "--utm", metavar="CSV", help="raw sessions to attribute through utm_* / referrer"
    )
    ck.add_argument(
        "--rules", metavar="FILE", action="append", help="extra SMART rules (repeatable)"
    )
    ck.add_argument("--today", metavar="DATE", help=_TODAY_HELP)
    ck.add_argument("--currency", type=currency_code, metavar="CODE",
                    help="the currency of the performance file's spend, such as EUR "
                    "(default USD, said in a note)")  # fmt: skip
    ck.add_argument("--days", type=int, default=90, help="schedule window (default 90)")
    ck.add_argument(
        "--format",
        choices=[*FORMATS, "jsonl", "csv"],
        default="text",
        help="report format (default text; all but markdown are written as the goals are judged)",
    )
    ck.add_argument("--output", metavar="FILE", help="write the report to FILE")
    ck.add_argument("--fail-under", type=float, metavar="SCORE",
                    help="exit 1 when a goal's SMART score is under SCORE")  # fmt: skip
    ck.add_argument("--prior", metavar="PRIOR", help=_PRIOR_HELP)
    ck.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                    help="judge the goals in N processes side by side (0: one a core; "
                    "the same report; default: one a core for 2,000 goals or more, else "
                    "1)")  # fmt: skip
    ck.set_defaults(func=_cmd_check)

    rd = sub.add_parser("read", help="read a goal statement: its fields and SMART score")
    rd.add_argument("statement", metavar="STATEMENT", help='e.g. "Double our LinkedIn followers '
                    'within six months"')  # fmt: skip
    rd.add_argument("--start", metavar="DATE", help="the goal's start, YYYY-MM-DD (default today)")
    rd.add_argument(
        "--baseline", metavar="Q", help='the value at the start, e.g. "1,200 followers"'
    )
    rd.add_argument("--format", choices=["text", "json"], default="text", help=_FORMAT_HELP)
    rd.add_argument("--lang", metavar="XX", help="the statement's language: en, cy, ms, el, "
                    "tl or ar (default: detected)")  # fmt: skip
    rd.set_defaults(func=_cmd_read)

    bt = sub.add_parser(
        "backtest", help="replay a history to see how far to trust the chance of a target"
    )
    bt.add_argument("history", metavar="HISTORY",
                    help="date,channel,metric,value rows, or an export (as check "
                    "--history)")  # fmt: skip
    bt.add_argument("--horizons", default="3,6,12", metavar="MONTHS",
                    help="months from cutoff to deadline (default 3,6,12)")  # fmt: skip
    bt.add_argument("--prior", metavar="PRIOR", help=_PRIOR_HELP)
    bt.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default text)"
    )
    bt.add_argument("--output", metavar="FILE", help="write the report to FILE")
    bt.set_defaults(func=_cmd_backtest)

    ch = sub.add_parser("channels", help="keep, optimize or cut each channel")
    ch.add_argument("performance", metavar="PERFORMANCE.csv", nargs="*",
                    help="month,channel,visits,leads,customers rows (or a book), or exports "
                    "(GA4 and a CRM export: joined)")  # fmt: skip
    ch.add_argument("--utm", metavar="SESSIONS.csv", help="raw sessions to attribute")
    ch.add_argument("--workspace", metavar="WORKSPACE", help="roles and formats of the channels")
    ch.add_argument("--today", metavar="DATE", help=_TODAY_HELP)
    ch.add_argument("--all-sources", action="store_true",
                    help="judge search, direct, email, referral too")  # fmt: skip
    ch.add_argument("--currency", type=currency_code, metavar="CODE",
                    help="the currency of the spend column, such as EUR (default USD, "
                    "said in a note)")  # fmt: skip
    ch.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default text)"
    )
    ch.add_argument("--output", metavar="FILE", help="write the report to FILE")
    ch.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                    help="word a book's decisions in N processes side by side (0: one a "
                    "core; the same report; default: one a core for a book of 20,000 "
                    "channels or more, else 1)")  # fmt: skip
    ch.set_defaults(func=cmd_channels)

    pl = sub.add_parser("plan", help="the prioritised plan, its schedule and its lint")
    pl.add_argument("workspace", metavar="WORKSPACE", help="the workspace file (TOML, YAML, JSON)")
    pl.add_argument("--today", metavar="DATE", help=_TODAY_HELP)
    pl.add_argument("--history", metavar="CSV",
                    help="the goals' history, to score them as check does")  # fmt: skip
    pl.add_argument("--days", type=int, default=90, help="schedule window (default 90)")
    pl.add_argument(
        "--format", choices=FORMATS, default="text", help="report format (default text)"
    )
    pl.add_argument("--output", metavar="FILE", help="write the report to FILE")
    pl.set_defaults(func=_cmd_plan)

    from goalrules.cli.exports import add_commands

    add_commands(sub, _FORMAT_HELP, _TODAY_HELP)
    from goalrules.cli.conventions import add_completion
    from goalrules.cli.init import add_command as add_init
    from goalrules.cli.plugins import add_command as add_plugins_command

    add_init(sub)

    add_plugins_command(sub, _FORMAT_HELP)

    from goalrules.cli.review import add_command as add_review

    add_review(sub, FORMATS, _FORMAT_HELP, _TODAY_HELP)

    from goalrules.cli.rules import add_commands as add_rules

    add_rules(sub, _FORMAT_HELP, _TODAY_HELP)
    from goalrules.cli.lsp import add_command as add_lsp

    add_lsp(sub)
    add_completion(sub, p)  # it completes every command above (read when it runs)
    from goalrules.cli.conventions import global_options_everywhere

    global_options_everywhere(p)  # last: every command (`goalrules check ws --locale de`)
    return p


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command line; returns the exit status."""
    from goalrules.cli import conventions
    from goalrules.visible import visible_stream

    # what data holds is shown, never obeyed: no escape code reaches the terminal
    stream = visible_stream(out if out is not None else sys.stdout)
    parser = _parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    conventions.QUIET["on"] = bool(getattr(args, "quiet", False))
    conventions.format_from_output(parser, args, argv)
    conventions.unswallow_workspace(args)
    conventions.workspace_in_folder(args)
    if not conventions.reads_stdin(args):  # no folder needed (nor tempfile imported)
        return _run(parser, args, stream, None)
    import tempfile

    with tempfile.TemporaryDirectory(prefix="goalrules-") as folder:
        return _run(parser, args, stream, Path(folder))


def _run(
    parser: argparse.ArgumentParser, args: argparse.Namespace, stream: TextIO, folder: Path | None
) -> int:
    if args.command == "channels" and not (args.performance or args.utm or args.workspace):
        parser.error("channels needs a PERFORMANCE.csv, --utm SESSIONS.csv or a --workspace")
    if not getattr(args, "func", None):
        parser.print_help(stream)
        return 0
    func: Command = args.func
    from goalrules.io import files

    try:
        from goalrules.cli.conventions import read_stdin_arguments
        from goalrules.cli.inputs import check_inputs

        files.set_max_input_size(args.max_input_size)
        if folder is not None:
            read_stdin_arguments(args, folder, sys.stdin)
        check_inputs(args)
        if getattr(args, "locale", None):
            from goalrules.numbers import use_locale

            with use_locale(args.locale):
                status = func(args, stream)
        else:
            status = func(args, stream)
        _plugin_notes()
        return status
    except Exception as exc:
        from goalrules.cli.conventions import stdin_named
        from goalrules.errors import GoalRulesError

        if args.debug:
            raise
        if isinstance(exc, GoalRulesError):
            say(f"goalrules: error: {stdin_named(exc.headline(), folder)}")
            return 2
        if isinstance(exc, BrokenPipeError) and exc.filename is None:
            return _reader_stopped()  # `goalrules check | head`: nothing went wrong
        if isinstance(exc, OSError):
            where = f"{exc.filename}: " if exc.filename else ""
            say(f"goalrules: error: {where}{exc.strerror or exc}")
            return 2
        raise
    finally:
        files.set_max_input_size(None)
        if folder is not None:
            from goalrules.io.workspace_settings import from_standard_input

            from_standard_input(None)


def _reader_stopped() -> int:
    """The reader of standard output closed it (``| head``): stop quietly with the
    status a shell gives a command the pipe stopped (128 + SIGPIPE), and point standard
    output at the null device so that Python's last flush has nowhere to fail."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's buffer): nothing to flush
        pass
    return 141


def _plugin_notes() -> None:
    """What plugins replaced of goalrules' own, on stderr (never silently)."""
    from goalrules.plugins import notes

    for note in notes():
        say(f"goalrules: note: {note}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
