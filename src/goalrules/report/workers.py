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

import contextlib
import gc
import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from goalrules.check import CheckRun, GoalResult
from goalrules.judgments.planning import LintFinding

__all__ = ["forked_pool", "judged", "workers"]

T = TypeVar("T")

#: the run and the writer a forked worker judges with (set only while a pool runs)
_WORK: tuple[CheckRun, Callable[[GoalResult], Any]] | None = None
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
    count = workers(jobs if jobs is not None else (0 if n >= LARGE_WORKSPACE else 1))
    if count == 1 or n < _FEWEST or "fork" not in multiprocessing.get_all_start_methods():
        for g in run.goals():
            yield g.smart.score, write(g)
        return
    yield from _forked(run, write, count, n)


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


def _forked(
    run: CheckRun, write: Callable[[GoalResult], T], count: int, n: int
) -> Iterator[tuple[float, T]]:
    global _WORK
    size = max(32, min(512, n // (count * 8)))
    bounds = [(lo, min(n, lo + size)) for lo in range(0, n, size)]
    progress, run.progress = run.progress, None  # a worker draws no progress bar
    _WORK = (run, write)
    run.linter()  # made before the fork: each worker lints with the same one
    try:
        with forked_pool(count) as pool:
            done = 0
            for (lo, hi), part in zip(bounds, pool.imap(_slice, bounds), strict=True):
                if part is None:  # it failed there: judged here, to raise its own error
                    part = _judge(run, write, lo, hi)
                for goal_id, score, lint, text in part:
                    run.scores[goal_id] = score  # the plan's lint reads them
                    run.lint[goal_id] = lint
                    yield score, text
                done += hi - lo
                if progress is not None:
                    progress("goals", done, n)
    finally:
        _WORK = None
        run.progress = progress


_Judged = list[tuple[str, float, list[LintFinding], Any]]


def _judge(run: CheckRun, write: Callable[[GoalResult], Any], lo: int, hi: int) -> _Judged:
    """The goals ``lo`` to ``hi``: each one's id, SMART score, the plan's lint of it and
    what ``write`` makes of it."""
    return [(g.id, g.smart.score, run.lint[g.id], write(g)) for g in run.goals(lo, hi)]


def _slice(bounds: tuple[int, int]) -> _Judged | None:
    """In a worker: the goals ``lo`` to ``hi`` judged and written (``None``: one failed)."""
    assert _WORK is not None  # set by the process this one was forked from
    run, write = _WORK
    try:
        return _judge(run, write, *bounds)
    except Exception:
        return None
