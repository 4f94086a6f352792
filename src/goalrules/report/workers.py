"""Goals judged side by side: slices of a workspace's goals in worker processes, their
reports written in the workspace's order.

A goal's judgment reads only the workspace, the histories and the prior, all read
before the workers start; each worker is a fork of the process that read them (nothing
is sent to it but the bounds of its slice), judges its slice and sends back what the
report writes of each goal (text), its SMART score and the plan's lint of it (so the
plan's lint after the goals is not a second pass over them). The report is the same,
byte for byte, as the one judged in one process: the memos a worker keeps never change
an answer, and the slices are written in order. A slice whose judging fails in a worker
is judged again in the main process, so that the error it raises is the one a single
process raises.

Forking needs the ``fork`` start method (Linux, macOS, the BSDs); elsewhere, or for a
workspace of few goals, the goals are judged in the one process.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import io
import multiprocessing
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, TextIO, TypeVar

from goalrules.check import CheckRun, GoalResult
from goalrules.judgments.planning import LintFinding
from goalrules.visible import VisibleStream

__all__ = ["LineFeedText", "forked_pool", "judged", "open_report", "workers", "write_judged"]

T = TypeVar("T")

#: the run and the writer a forked worker judges with (set only while a pool runs)
_WORK: tuple[CheckRun, Callable[[GoalResult], Any]] | None = None
#: for :func:`write_judged`: what comes before goal ``i``, and the folder a worker
#: writes its slices' text to (set only while a pool runs)
_FILED: tuple[Callable[[int], str], str] | None = None
_FEWEST = 256  # goals below which forking costs more than it saves
#: goals from which ``jobs=None`` (the command line's default) judges in one process a
#: core: 10,000 goals took 15.3 s in one process and 7.4 s in two on a 2-core machine
LARGE_WORKSPACE = 2000


def workers(jobs: int) -> int:
    """How many processes ``jobs`` asks for (``0``: one a core; at least 1)."""
    if jobs < 0:
        raise ValueError(f"jobs must be 0 (one a core) or more, got {jobs}")
    return max(1, (os.cpu_count() or 1) if jobs == 0 else jobs)


def judged(
    run: CheckRun, write: Callable[[GoalResult], T], jobs: int | None = 1
) -> Iterator[tuple[float, T]]:
    """Each goal's SMART score and ``write(result)``, in the workspace's order; with
    ``jobs`` above 1, judged in that many forked processes (see the module; ``None``:
    one a core from :data:`LARGE_WORKSPACE` goals, else one process)."""
    n = len(run.workspace.goals)
    count = _count(jobs, n)
    if count == 1:
        for g in run.goals():
            yield g.smart.score, write(g)
        return
    for scores, made in _forked(run, write, count, n, _made):
        yield from zip(scores, made, strict=True)


def write_judged(
    run: CheckRun,
    write: Callable[[GoalResult], str],
    out: TextIO,
    jobs: int | None = 1,
    lead: Callable[[int], str] | None = None,
) -> Iterator[float]:
    """Write ``lead(i) + write(goal)`` to ``out`` for each goal ``i`` of ``run``, in the
    workspace's order, and yield each goal's SMART score once it is written (``jobs``
    as for :func:`judged`).

    In worker processes, a worker writes the text of a slice to a file (in a private
    temporary folder, as UTF-8) and sends back only the goals' scores and lint; the file
    is copied into ``out`` (by the kernel, :func:`os.sendfile`, when ``out`` writes
    UTF-8 to a file descriptor) and deleted. The goals' text never goes through a pipe
    or the main process's memory: 100,000 goals make some 600 MB of JSON, and sent back
    as strings it took the main process 6.9-7.3 s of CPU in all (loading included)
    where it now takes 5.6-6.0 s, on the cores the workers need."""
    global _FILED
    before = lead if lead is not None else _nothing
    n = len(run.workspace.goals)
    count = _count(jobs, n)
    if count == 1:
        for i, g in enumerate(run.goals()):
            out.write(before(i))
            out.write(write(g))
            yield g.smart.score
        return
    raw = _bytes_out(out)
    with tempfile.TemporaryDirectory(prefix="goalrules-") as folder:
        _FILED = (before, folder)
        try:
            i = 0
            for scores, made in _forked(run, write, count, n, _filed):
                if isinstance(made, str):  # a file a worker wrote
                    _copy(made, out, raw)
                else:  # judged here (it failed in a worker): its texts themselves
                    out.write("".join([before(i + k) + t for k, t in enumerate(made)]))
                i += len(scores)
                yield from scores
        finally:
            _FILED = None


def _count(jobs: int | None, n: int) -> int:
    """The processes that judge ``n`` goals for ``jobs`` (1 where forking cannot help)."""
    count = workers(jobs if jobs is not None else (0 if n >= LARGE_WORKSPACE else 1))
    if n < _FEWEST or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return count


def _nothing(i: int) -> str:
    return ""


class LineFeedText(io.TextIOWrapper):
    """A UTF-8 text file that writes each ``"\\n"`` as it is (``newline=""``): goals
    judged in worker processes are copied into it as the bytes their workers wrote (see
    :func:`write_judged`). Open one with :func:`open_report`."""


def open_report(path: str | os.PathLike[str]) -> LineFeedText:
    """``path`` opened for writing a report (UTF-8, ``"\\n"`` line ends)."""
    return LineFeedText(open(path, "wb"), encoding="utf-8", newline="")


def _bytes_out(out: TextIO) -> BinaryIO | None:
    """Where a UTF-8 file of goals' text can go into ``out`` byte for byte: the binary
    file under a :class:`LineFeedText` or under Python's own standard output (which
    writes ``"\\n"`` as :data:`os.linesep`) where it is ``"\\n"``; else ``None``."""
    if isinstance(out, VisibleStream):  # the goals' text is made visible as it is made
        out = out.raw
    plain = isinstance(out, LineFeedText) or (out is sys.__stdout__ and os.linesep == "\n")
    encoding = getattr(out, "encoding", None)
    if not plain or encoding is None or codecs.lookup(encoding).name != "utf-8":
        return None
    raw: BinaryIO | None = getattr(out, "buffer", None)
    return raw


def _copy(path: str, out: TextIO, raw: BinaryIO | None) -> None:
    """The UTF-8 file at ``path`` written to ``out``, then deleted (``raw``: the binary
    file under ``out`` it is copied into byte for byte, :func:`_bytes_out`)."""
    with open(path, "rb") as src:
        if raw is None:
            out.write(src.read().decode("utf-8"))
        else:
            out.flush()  # what was written before the file goes before it
            size, sent = os.fstat(src.fileno()).st_size, 0
            with contextlib.suppress(OSError, AttributeError, io.UnsupportedOperation):
                fd = raw.fileno()  # none for io.BytesIO and the like: copied below
                while sent < size and (done := os.sendfile(fd, src.fileno(), sent, size - sent)):
                    sent += done
                if sent and raw.seekable():  # the buffer's idea of where it is, kept true
                    raw.seek(os.lseek(fd, 0, os.SEEK_CUR))
            if sent < size:
                src.seek(sent)
                while chunk := src.read(1 << 20):
                    raw.write(chunk)
    os.unlink(path)


@contextlib.contextmanager
def forked_pool(count: int) -> Iterator[Any]:
    """A pool of ``count`` processes forked from this one, the objects made so far left
    out of their garbage collections (:func:`gc.freeze`, as Python's documentation
    advises before a fork): a collection in a worker writes to every page that holds an
    object it looks at, which copies the page into that worker. Judging 100,000 goals in
    two workers took 488 MB in all (the processes' proportional set sizes, added), not
    518 MB."""
    thawed = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            yield pool
    finally:
        if thawed:  # what the caller froze stays frozen
            gc.unfreeze()


_Entries = list[tuple[str, float, list[LintFinding]]]


def _forked(
    run: CheckRun,
    write: Callable[[GoalResult], Any],
    count: int,
    n: int,
    task: Callable[[tuple[int, int]], tuple[_Entries, Any] | None],
) -> Iterator[tuple[list[float], Any]]:
    """Each slice's goals' scores and what ``task`` made of the slice (or, where it
    failed in a worker, the list of ``write(goal)`` judged here), in order."""
    global _WORK
    size = max(32, min(512, n // (count * 8)))
    bounds = [(lo, min(n, lo + size)) for lo in range(0, n, size)]
    progress, run.progress = run.progress, None  # a worker draws no progress bar
    _WORK = (run, write)
    run.linter()  # made before the fork: each worker lints with the same one
    try:
        with forked_pool(count) as pool:
            done = 0
            for (lo, hi), part in zip(bounds, pool.imap(task, bounds), strict=True):
                if part is None:  # it failed there: judged here, to raise its own error
                    part = _judge(run, write, lo, hi)
                entries, made = part
                for goal_id, _score, lint in entries:
                    run.lint[goal_id] = lint
                for goal_id, score, _lint in entries:
                    run.scores[goal_id] = score  # the plan's lint reads them
                yield [score for _id, score, _lint in entries], made
                done += hi - lo
                if progress is not None:
                    progress("goals", done, n)
    finally:
        _WORK = None
        run.progress = progress


def _judge(
    run: CheckRun, write: Callable[[GoalResult], Any], lo: int, hi: int
) -> tuple[_Entries, list[Any]]:
    """The goals ``lo`` to ``hi``: each one's id, SMART score and the plan's lint of it,
    and what ``write`` makes of each."""
    entries: _Entries = []
    made = []
    for g in run.goals(lo, hi):
        made.append(write(g))
        entries.append((g.id, g.smart.score, run.lint[g.id]))
    return entries, made


def _made(bounds: tuple[int, int]) -> tuple[_Entries, list[Any]] | None:
    """In a worker: the goals ``lo`` to ``hi`` judged and written (``None``: one failed)."""
    assert _WORK is not None  # set by the process this one was forked from
    run, write = _WORK
    try:
        return _judge(run, write, *bounds)
    except Exception:
        return None


def _filed(bounds: tuple[int, int]) -> tuple[_Entries, str] | None:
    """In a worker: the goals ``lo`` to ``hi`` judged, their text (each after its lead)
    written to a file of the run's folder; the file's path (``None``: one failed)."""
    assert _WORK is not None and _FILED is not None  # set by the process forked from
    run, write = _WORK
    before, folder = _FILED
    lo, hi = bounds
    try:
        entries, made = _judge(run, write, lo, hi)
        text = "".join([before(i) + t for i, t in enumerate(made, lo)]).encode()
    except Exception:
        return None
    path = os.path.join(folder, f"{lo}.part")
    with open(path, "wb") as fh:
        fh.write(text)
    return entries, path
