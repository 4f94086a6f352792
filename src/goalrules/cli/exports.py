"""``goalrules import`` and ``goalrules sources``: marketing tools' exports read into
goalrules' own history and performance files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from goalrules.cli.conventions import notice, writing
from goalrules.errors import DataError


def cmd_sources(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.io.exports import presets

    table = presets()
    if args.format == "json":
        rows = [{"id": p.id, "title": p.title, "output": p.output} for p in table.values()]
        json.dump({"sources": rows}, out, indent=2)
        out.write("\n")
        return 0
    width = max(len(p) for p in table)
    for p in table.values():
        out.write(f"{p.id:<{width}}  {p.output:<15}  {p.title}\n")
    out.write(f"\n{len(table)} presets; `goalrules import FILE` picks one from the file\n")
    return 0


def _targets(output: str | None, fmt: str, history: bool, performance: bool) -> dict[str, Path]:
    """Where each table goes: FILE itself for one table; FILE-history and
    FILE-performance (same suffix) for two; a directory gets history and performance."""
    suffix = ".parquet" if fmt == "parquet" else ".csv"
    kinds = [k for k, has in (("history", history), ("performance", performance)) if has]
    if output is None:
        if fmt == "parquet" or len(kinds) > 1:
            raise DataError(
                f"--format {fmt} writes "
                + (" and ".join(kinds) if len(kinds) > 1 else "a binary file")
                + ": give --output FILE",
                field="--output",
            )
        return {}
    path = Path(output)
    if path.is_dir() or not path.suffix:
        path.mkdir(parents=True, exist_ok=True)
        return {k: path / f"{k}{suffix}" for k in kinds}
    if len(kinds) == 1:
        return {kinds[0]: path}
    return {k: path.with_name(f"{path.stem}-{k}{path.suffix}") for k in kinds}


def _write_parquet(rows: list[dict[str, Any]], path: Path) -> None:
    try:
        import polars as pl
    except ImportError:
        raise DataError(
            "Parquet needs polars: pip install 'goalrules[arrow]'", field="--format"
        ) from None
    # every row's columns (a campaign or revenue first given past the rows polars
    # would look at to infer the columns was dropped)
    pl.DataFrame(rows, infer_schema_length=None).write_parquet(path)


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from goalrules.cli import _today
    from goalrules.cli.inputs import keep_inputs
    from goalrules.io.cells import CellErrors
    from goalrules.io.exports import import_exports

    try:
        result = import_exports(
            args.files,
            preset=args.source,
            anchors=args.anchor or (),
            today=_today(args.today),
            year=args.year,
            decimal=args.decimal,
            dayfirst=args.dayfirst,
            errors="collect" if args.all_errors else "raise",
            limit=args.all_errors or 100,
        )
    except CellErrors as exc:  # the table of bad cells on stdout, one line on stderr
        _write_problems(exc, args.format, out)
        raise
    if args.format == "json":
        text = json.dumps(result.to_dict(), indent=2) + "\n"
        if args.output:
            with writing(args.output):
                Path(args.output).write_text(text, encoding="utf-8")
        else:
            out.write(text)
        return 0
    for note in result.notes:
        notice(f"goalrules: note: {note}")
    tables = {"history": result.history_csv(), "performance": result.performance_csv()}
    targets = _targets(args.output, args.format, bool(result.history), bool(result.performance))
    keep_inputs(list(targets.values()), list(args.files))  # (--output . beside the files)
    if not targets:
        kind = "history" if result.history else "performance"
        out.write(tables[kind])
        return 0
    for kind, path in targets.items():
        with writing(path):
            if args.format == "parquet":
                _write_parquet(result.to_dict()[kind], path)
            else:
                path.write_text(tables[kind], encoding="utf-8")
        n = len(getattr(result, kind))
        notice(f"wrote {path} ({n} {kind} row{'s' if n != 1 else ''})")
    return 0


def _write_problems(exc: Any, fmt: str, out: TextIO) -> None:
    import csv

    from goalrules.visible import inert_cell

    if fmt == "json":
        json.dump({"errors": exc.table(), "truncated": exc.truncated}, out, indent=2)
        out.write("\n")
        return
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["file", "line", "column", "value", "why"])
    for p in exc.problems:
        cells = [p.file, "" if p.line is None else p.line, p.column or "", p.value, p.why]
        w.writerow([inert_cell(c) if isinstance(c, str) else c for c in cells])


def check_data(args: argparse.Namespace, today: Any, progress: Any) -> tuple[Any, Any, list[str]]:
    """``check``'s --history and --performance: one file is passed on as it is (read by
    ``run_check``); several (or an --anchor) are read here, exports together."""
    from goalrules.io.exports import read_history_files, read_performance_files

    notes: list[str] = []
    history: Any = args.history
    performance: Any = args.performance
    anchors = getattr(args, "anchor", None) or []
    if history and (len(history) > 1 or anchors):
        history, said = read_history_files(history, today=today, anchors=anchors,
                                           progress=progress)  # fmt: skip
        notes += said
    elif history:
        history = history[0]
    elif anchors:
        raise DataError("--anchor needs --history (the exports whose gains it anchors)",
                        field="--anchor")  # fmt: skip
    if performance and len(performance) > 1:
        performance, said = read_performance_files(performance, today=today, progress=progress)
        notes += said
    elif performance:
        performance = performance[0]
    return history, performance, notes


def add_check_options(ck: Any) -> None:
    """``check``'s data options: several files each, and --anchor as in ``import``."""
    ck.add_argument(
        "--history", metavar="FILE", nargs="+",
        help="date,channel,metric,value rows, or exports (several: read together; default: "
        "the files [workspace] history names)",
    )  # fmt: skip
    ck.add_argument(
        "--performance", metavar="FILE", nargs="+",
        help="month,channel,visits,leads,customers rows, or exports (GA4 and a CRM: joined; "
        "default: the files [workspace] performance names)",
    )  # fmt: skip
    ck.add_argument(
        "--anchor", action="append", metavar='"N UNIT on DATE"',
        help='a known total for exports of daily gains, as in import (repeatable)',
    )  # fmt: skip


def add_commands(sub: Any, fmt_help: str, today_help: str) -> None:
    """The ``import`` and ``sources`` subcommands."""
    im = sub.add_parser(
        "import", help="read exports (GA4, Meta, LinkedIn, X, TikTok, YouTube, HubSpot...)"
    )
    im.add_argument("files", nargs="+", metavar="FILE", help="export files (CSV, Excel, JSON)")
    im.add_argument(
        "--from",
        dest="source",
        metavar="PRESET",
        default=None,
        help="the export's preset (default auto: from the file; see 'sources')",
    )
    im.add_argument(
        "--anchor",
        action="append",
        metavar='"N UNIT on DATE"',
        help='a known total, e.g. "1500 followers on 2025-12-31" (repeatable)',
    )
    im.add_argument(
        "--today",
        metavar="DATE",
        help="the day the exports were downloaded; "
        "year-less dates fall on or before it (default today)",
    )
    im.add_argument("--year", type=int, metavar="YYYY", help="the year of year-less dates")
    im.add_argument(
        "--decimal",
        choices=[",", "."],
        help="the decimal mark of the files' numbers, where a number's form is ambiguous "
        "(60.234: ',' reads it as 60234, '.' as 60.234)",
    )
    order = im.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        action="store_true",
        default=None,
        help="dates such as 03/04/2026 are day first (3 April), where the export may write "
        "either and no day over 12 says which",
    )
    order.add_argument(
        "--monthfirst",
        dest="dayfirst",
        action="store_false",
        default=None,
        help="dates such as 03/04/2026 are month first (March 4)",
    )
    im.add_argument(
        "--all-errors",
        nargs="?",
        type=int,
        const=100,
        default=0,
        metavar="N",
        help="list every bad cell (file, line, column, value, why) as a table, up to N "
        "(default 100), instead of stopping at the first",
    )
    im.add_argument(
        "--format",
        choices=["csv", "json", "parquet"],
        default="csv",
        help="csv (default) or parquet: goalrules' own files; json: one object",
    )
    im.add_argument(
        "--output",
        metavar="FILE",
        help="write here (FILE-history and "
        "FILE-performance when there are both; a directory gets both)",
    )
    im.set_defaults(func=cmd_import)

    so = sub.add_parser("sources", help="list the export presets 'import' reads")
    so.add_argument("--format", choices=["text", "json"], default="text", help=fmt_help)
    so.set_defaults(func=cmd_sources)
