"""``goalrules channels``: keep, optimize or cut each channel, of one account's
performance (rows, exports, raw sessions) or of a book of accounts (a file with an
``account`` column, decided column-wise), with the currency of the spend named
(``--currency``) or said in a note."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from goalrules.cli.conventions import notice

__all__ = ["cmd_channels", "currency_code"]


def currency_code(text: str) -> str:
    """``--currency``: a currency's code (``eur`` is EUR)."""
    from goalrules.units import define_currency

    code = text.strip().upper()
    if not define_currency(code):  # (any ISO 4217 code: MYR, PHP, SAR as well as EUR)
        raise argparse.ArgumentTypeError(f"{text!r} is no currency code (such as EUR)")
    return code


def _spend_note(currency: str | None, has_spend: bool) -> list[str]:
    """The note of costs written in USD because no currency was given."""
    from goalrules.check import USD_NOTE

    if currency is not None or not has_spend:
        return []
    return [USD_NOTE]


def _has_account_column(path: str) -> bool:
    if path.lower().endswith((".parquet", ".pq")):
        try:
            import polars as pl
        except ImportError:
            return False
        try:
            return "account" in [c.strip().lower() for c in pl.read_parquet_schema(path)]
        except Exception:
            return False
    try:
        with open(path, encoding="utf-8") as fh:
            header = fh.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return "account" in [h.strip().lower() for h in header.split(",")]


def _cmd_channels_book(args: argparse.Namespace, out: TextIO, ws: Any) -> int:
    """Many accounts in one file: stream it through polars and decide column-wise."""
    import importlib.util

    from goalrules.cli import _emit, _notes, _progress, _today
    from goalrules.errors import DataError, GoalRulesError
    from goalrules.io import scan_table
    from goalrules.report import render_book
    from goalrules.scale.batch import decide_channels_table

    if importlib.util.find_spec("polars") is None:
        raise DataError(
            "a file with an 'account' column (many accounts) is judged column-wise with "
            "polars: pip install 'goalrules[arrow]' (or drop the column for one account)",
            source=args.performance,
        )
    import datetime as dt

    progress = _progress()
    channels = []
    today = _today(args.today)
    if ws is not None:  # (the workspace, read)
        channels = list(ws.channels)
        today = today or ws.today
    # a month under way is not judged as if over (it would read as a fall), as for one
    # account: the book once judged the month of the day it was run
    today = today or dt.date.today()
    notes: list[str] = []  # what was left out of the rows (the months not over)
    try:  # the file's rows are handed over, not kept: the table frees them once typed
        decided = decide_channels_table(
            scan_table(args.performance, progress=progress),
            channels=channels,
            today=today,
            all_sources=args.all_sources,
            currency=args.currency or "USD",
            notes=notes,
        )
    except GoalRulesError as exc:
        raise exc.with_location(source=args.performance) from None
    from goalrules.report.book import STREAM_FORMATS, write_book

    words: dict[str, Any] = {"today": today, "currency": args.currency or "USD"}
    if args.format not in STREAM_FORMATS:
        _emit(render_book(decided, args.format, **words), args, out)
    elif args.output:  # written a slice of accounts at a time, as they are worded
        from goalrules.cli.conventions import writing
        from goalrules.visible import visible_stream

        with writing(args.output), Path(args.output).open("w", encoding="utf-8", newline="") as fh:
            write_book(decided, args.format, visible_stream(fh), jobs=args.jobs, **words)
        notice(f"goalrules: wrote {args.output}")
    else:
        write_book(decided, args.format, out, jobs=args.jobs, **words)
    has_spend = bool(decided.get_column("p_spend").is_not_null().any())
    _notes([*notes, *_spend_note(args.currency, has_spend)])
    return 0


def cmd_channels(args: argparse.Namespace, out: TextIO) -> int:
    """Decide each channel of the performance files (or a book's accounts)."""
    from goalrules.cli import _emit, _notes, _progress, _today

    paths = args.performance or []
    ws = None
    if args.workspace:
        from goalrules.io import load_workspace
        from goalrules.io.workspace_settings import existing_files

        ws = load_workspace(args.workspace)
        if not paths and not args.utm:  # the performance files the workspace names
            paths = list(existing_files(ws.performance, ws.source, "performance"))
            if not paths:
                from goalrules.errors import ValidationError

                raise ValidationError(
                    "channels needs a PERFORMANCE.csv or --utm SESSIONS.csv: the workspace "
                    "names no performance file ([workspace] performance)",
                    source=args.workspace,
                )
            args.performance = paths
    if len(paths) == 1 and not args.utm and _has_account_column(paths[0]):
        args.performance = paths[0]
        return _cmd_channels_book(args, out, ws)
    import datetime as dt

    from goalrules.io.exports import read_performance_files, read_sessions_file
    from goalrules.judgments.channels import decide_channels
    from goalrules.report import render_channels

    progress = _progress()
    today = _today(args.today)
    rows: list[Any] = []
    notes: list[str] = []
    if paths:
        rows, said = read_performance_files(paths, today=today, progress=progress)
        notes += said
    if args.utm:
        attributed, said = read_sessions_file(args.utm, today=today, progress=progress)
        rows += attributed
        notes += said
    channels = []
    if ws is not None:
        channels = list(ws.channels)
        today = today or ws.today
    today = today or dt.date.today()  # a month under way is not judged as if over
    decisions = decide_channels(rows, channels=channels, today=today, all_sources=args.all_sources,
                                currency=args.currency or "USD")  # fmt: skip
    _emit(render_channels(decisions, args.format, today=today), args, out)
    has_spend = decisions.portfolio is not None and decisions.portfolio.spend is not None
    _notes([*notes, *decisions.notes, *_spend_note(args.currency, has_spend)])
    return 0
