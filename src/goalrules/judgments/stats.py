"""Small numeric helpers the judgments need, in pure Python (no scipy at run time).

* :func:`student_t_cdf`: the Student t distribution function, through the regularised
  incomplete beta function (a Lentz continued fraction), accurate to about 1e-12;
* :func:`wilson_interval`: the Wilson score interval of a rate;
* :func:`theil_sen`: the median of pairwise slopes, a trend robust to outliers, with
  :func:`select_slope` (the k-th pairwise slope without listing the pairs).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import random
import statistics
from collections.abc import Callable, Sequence
from typing import Any

__all__ = [
    "betainc",
    "select_slope",
    "student_t_cdf",
    "student_t_pdf",
    "student_t_quantile",
    "student_t_sf",
    "t_cdf",
    "t_quantile",
    "theil_sen",
    "theil_sen_at",
    "theil_sen_increasing",
    "wilson_interval",
]


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction for the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def betainc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"x must lie in [0, 1], got {x}")
    if x in (0.0, 1.0):
        return x
    ln_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(ln_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def student_t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom (df > 0)."""
    if df <= 0:
        raise ValueError("degrees of freedom must be positive")
    if math.isinf(t):
        return 1.0 if t > 0 else 0.0
    x = df / (df + t * t)
    tail = 0.5 * betainc(df / 2.0, 0.5, x)
    return 1.0 - tail if t > 0 else tail


def student_t_quantile(p: float, df: float) -> float:
    """The Student t quantile, by bisection on the distribution function."""
    lo, hi = -1e3, 1e3
    for _ in range(200):
        mid = (lo + hi) / 2
        if student_t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def student_t_sf(t: float, df: float) -> float:
    """P(T > t)."""
    return student_t_cdf(-t, df)


def wilson_interval(successes: float, trials: float, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval for the rate ``successes / trials``."""
    if trials <= 0:
        return (0.0, 1.0)
    # min(1.0, max(0.0, rate)) without the calls (NaN and -0.0 come out as there: 0.0)
    p = successes / trials
    p = p if p > 0.0 else 0.0
    p = p if p < 1.0 else 1.0
    n = trials
    zz = z * z
    denom = 1.0 + zz / n
    centre = (p + zz / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + zz / (4 * n * n))
    # the interval holds the observed rate (at 0 and 1 its bound is the rate itself):
    # clamped so that rounding never puts a rate of 100 % above its own upper bound
    # (max(0.0, min(p, low)) and min(1.0, max(p, high)), written out)
    low = centre - half
    low = low if low < p else p
    high = centre + half
    high = high if high > p else p
    return (low if low > 0.0 else 0.0), (high if high < 1.0 else 1.0)


#: up to this many points the slope is the median of all pairwise slopes, listed
EXACT_POINTS = 256
#: up to this many points, past EXACT_POINTS, the exact median is found by slope
#: selection (:func:`select_slope`), a few O(n log n) rounds: in pure Python, on a
#: 2-core VM, 0.09 s at 2,000 points (listing the 2 million pairs takes about 9 s),
#: 0.25 s at 5,000 and 0.56 s at 10,000. 5,000 months are over four centuries: past
#: them lies only input made to cost time (100,000 points took 17 s exactly), where
#: the work stays bounded instead
SELECTED_POINTS = 5_000
#: beyond it, the median of this many pairs drawn at random (seeded by the data's size)
SAMPLED_PAIRS = 40_000


def _key(x: float, y: float, t: float) -> tuple[float, ...]:
    """The order of points along a slope ``t``: ``y - t x``, ties (a pair of slope
    exactly ``t``) broken by the larger ``x`` first, so that a pair of slope ``t`` lies
    in (t', t] and not in (t, t'']. As ``t`` goes to -inf the order is that of ``x``,
    to +inf the reverse (ties, equal ``x``: by ``y``)."""
    if t == -math.inf:
        return (x, y)
    if t == math.inf:
        return (-x, y)
    return (y - t * x, -x)


def _count_at_most(xs: Sequence[float], ys: Sequence[float], t: float, same: int) -> int:
    """How many pairs of points (of distinct ``x``; the points sorted by x then y) have
    a slope of at most ``t``: for i < j, the slope is at most t when ``y_j - t x_j <=
    y_i - t x_i``, counted with a sorted list (``same``: pairs of equal points, whose
    keys tie and which are no pair)."""
    if t == -math.inf:
        return 0
    seen: list[float] = []
    count = 0
    for j in range(len(xs)):
        u = ys[j] - t * xs[j]
        count += len(seen) - bisect.bisect_left(seen, u)
        bisect.insort(seen, u)
    return count - same


def _pairs_between(
    xs: Sequence[float], ys: Sequence[float], lo: float, hi: float, picks: Sequence[int] | None
) -> tuple[list[float], int]:
    """The slopes of the pairs in (lo, hi]: those whose order along ``lo`` and along
    ``hi`` differ (inversions), all of them, or with ``picks`` (sorted ranks among the
    inversions) only those; and how many inversions there are."""
    n = len(xs)
    order = sorted(range(n), key=lambda i: (_key(xs[i], ys[i], lo), _key(xs[i], ys[i], hi)))
    seen: list[tuple[tuple[float, ...], int]] = []
    out: list[float] = []
    total = 0
    p = 0
    for b in order:
        kb = _key(xs[b], ys[b], hi)
        start = bisect.bisect_left(seen, (kb, -1))
        found = len(seen) - start
        if picks is None:
            out += [(ys[b] - ys[a]) / (xs[b] - xs[a]) for _, a in seen[start:] if xs[a] != xs[b]]
        else:
            while p < len(picks) and picks[p] < total + found:
                a = seen[start + picks[p] - total][1]
                if xs[a] != xs[b]:
                    out.append((ys[b] - ys[a]) / (xs[b] - xs[a]))
                p += 1
        total += found
        bisect.insort(seen, (kb, b))
    return out, total


def select_slope(xs: Sequence[float], ys: Sequence[float], ranks: Sequence[int]) -> list[float]:
    """The pairwise slopes of the given ``ranks`` (0-based, in increasing order of slope,
    among the pairs of distinct ``x``), without listing the n(n-1)/2 pairs: randomised
    slope selection. Each round counts the pairs below two pivots in O(n log n) and draws
    pivots from the pairs between them (the inversions of two orders of the points),
    narrowing the interval by a factor of about sqrt(n) a round; once it holds a few
    times n pairs they are listed. The random draws are seeded by the number of points:
    the same data give the same answer, which is the exact k-th slope (up to rounding:
    of slopes that tie, and of huge slopes between points of nearly equal ``x``)."""
    pts = sorted(zip(xs, ys, strict=True))
    sx = [p[0] for p in pts]
    sy = [p[1] for p in pts]
    n = len(pts)
    same_x = same = 0
    run = run_xy = 1
    for i in range(1, n + 1):
        if i < n and sx[i] == sx[i - 1]:
            run += 1
            run_xy = run_xy + 1 if sy[i] == sy[i - 1] else 1
            same += run_xy - 1
            continue
        same_x += run * (run - 1) // 2
        run = run_xy = 1
    total = n * (n - 1) // 2 - same_x
    rng = random.Random(n)
    out = []
    for k in ranks:
        if not 0 <= k < total:
            raise ValueError(f"no slope of rank {k} among {total}")
        lo, hi, below_lo, below_hi = -math.inf, math.inf, 0, total
        for _ in range(64):
            between = below_hi - below_lo
            if between <= max(4 * n, 4096):
                break
            draws = min(between, max(4096, 2 * n))
            picks = sorted(rng.randrange(between + same) for _ in range(draws))
            sample, _ = _pairs_between(sx, sy, lo, hi, picks)
            sample.sort()
            if not sample:
                break
            at = (k - below_lo) / between * len(sample)
            spread = 3 * math.sqrt(len(sample)) + 1
            new_lo = sample[int(at - spread)] if at - spread >= 0 else lo
            new_hi = sample[int(at + spread)] if at + spread < len(sample) else hi
            c_lo = below_lo if new_lo == lo else _count_at_most(sx, sy, new_lo, same)
            c_hi = below_hi if new_hi == hi else _count_at_most(sx, sy, new_hi, same)
            if k < c_lo:  # the slope lies at or below new_lo
                hi, below_hi = new_lo, c_lo
            elif k >= c_hi:  # above new_hi
                lo, below_lo = new_hi, c_hi
            else:
                lo, hi, below_lo, below_hi = new_lo, new_hi, c_lo, c_hi
        slopes, _ = _pairs_between(sx, sy, lo, hi, None)
        slopes.sort()
        out.append(slopes[min(max(k - below_lo, 0), len(slopes) - 1)])
    return out


def _median_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The exact median of the pairwise slopes by :func:`select_slope` (as
    ``statistics.median`` of them all: the mean of the middle two for an even count)."""
    n = len(xs)
    xs_sorted = sorted(xs)
    same_x = 0
    run = 1
    for i in range(1, n + 1):
        if i < n and xs_sorted[i] == xs_sorted[i - 1]:
            run += 1
            continue
        same_x += run * (run - 1) // 2
        run = 1
    total = n * (n - 1) // 2 - same_x
    if total == 0:
        return 0.0
    if total % 2:
        return select_slope(xs, ys, [total // 2])[0]
    a, b = select_slope(xs, ys, [total // 2 - 1, total // 2])
    return (a + b) / 2


def theil_sen(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Median of the slopes between pairs of points (0 with fewer than 2 distinct ``x``).

    Exact up to :data:`EXACT_POINTS` points (32,640 pairs, listed), and exact up to
    :data:`SELECTED_POINTS` by slope selection (:func:`select_slope`, O(n log n) a
    round, a few rounds, never listing all the pairs). Past that, the median of
    :data:`SAMPLED_PAIRS` pairs drawn at random with a seed fixed by the number of points
    (the same data give the same slope): time and memory stay linear in the points, and
    the answer's rank among all the pairwise slopes lies within 0.5 percentage points of
    the median's with 95 % probability (the sample median of 40,000: 1.96 * 0.5 / 200).
    """
    n = len(xs)
    if n <= EXACT_POINTS:
        slopes = [
            (y2 - y1) / (x2 - x1)
            for (x1, y1), (x2, y2) in itertools.combinations(zip(xs, ys, strict=True), 2)
            if x2 != x1
        ]
        return statistics.median(slopes) if slopes else 0.0
    if n <= SELECTED_POINTS:
        return _median_slope(xs, ys)
    rng = random.Random(n)
    sample: list[float] = []
    for _ in range(SAMPLED_PAIRS * 4):  # pairs of equal x are drawn again, a few times
        i, j = rng.randrange(n), rng.randrange(n)
        if xs[i] != xs[j]:
            sample.append((ys[j] - ys[i]) / (xs[j] - xs[i]))
            if len(sample) == SAMPLED_PAIRS:
                break
    return statistics.median(sample) if sample else 0.0


#: up to this many points, :func:`theil_sen_increasing` runs straight-line code
#: generated for the number of points (each slope one inline subtraction and division)
UNROLLED_POINTS = 48

_Gather = Callable[[Sequence[float]], tuple[float, ...]]


@functools.lru_cache(maxsize=64)
def _pairs(n: int) -> tuple[_Gather, _Gather, tuple[int, ...]]:
    """For ``n`` points (n >= 3): a gatherer of each pair's later point, one of its
    earlier point (the pairs ``i < j`` in the order :func:`itertools.combinations`
    lists them) and the pairs' index gaps ``j - i``."""
    pairs = list(itertools.combinations(range(n), 2))
    later = operator.itemgetter(*[j for _, j in pairs])
    earlier = operator.itemgetter(*[i for i, _ in pairs])
    return later, earlier, tuple(j - i for i, j in pairs)


#: gaps whose division is a multiplication by an exact reciprocal (the same float: a
#: power of two scales without rounding), which Python runs quicker
_POWERS_OF_TWO = frozenset(2**k for k in range(8))


@functools.lru_cache(maxsize=3 * UNROLLED_POINTS)
def _unrolled(n: int, consecutive: bool, floats: bool = False) -> Callable[..., float]:
    """``median_slope(ys[, xs])`` of ``n`` values (and points): the median of the pairwise
    slopes ``(y_j - y_i) / (x_j - x_i)``, ``i < j``, listed in the order of
    :func:`itertools.combinations` and taken as :func:`statistics.median` takes it.
    With ``consecutive`` the ``x`` are ``0, 1, ..., n - 1`` plus a constant, and each
    gap ``x_j - x_i`` is the whole number ``j - i`` written in the code (a power of
    two as a multiplication by its reciprocal: the same float). With ``floats`` too,
    every ``y`` is a float, and a gap is written as a float: a float divided by a small
    whole number is divided by that number as a float, the same division, without the
    int converted each time (an int ``y`` past 2**53 would round first: not for ints).
    The code is made from ``n`` alone."""
    pairs = list(itertools.combinations(range(n), 2))
    slopes = ", ".join(
        (
            f"y{j} - y{i}"  # a float's difference over a gap of 1: itself
            if floats and j - i == 1
            else f"(y{j} - y{i}) * {1 / (j - i)!r}"
            if j - i in _POWERS_OF_TWO
            else f"(y{j} - y{i}) / {float(j - i) if floats else j - i!r}"
        )
        if consecutive
        else f"(y{j} - y{i}) / (x{j} - x{i})"
        for i, j in pairs
    )
    half = len(pairs) // 2
    middle = f"s[{half}]" if len(pairs) % 2 else f"(s[{half - 1}] + s[{half}]) / 2"
    ys = ", ".join(f"y{i}" for i in range(n))
    xs = ", ".join(f"x{i}" for i in range(n))
    code = (
        f"def median_slope(ys{'' if consecutive else ', xs'}):\n"
        f"    {ys}, = ys\n" + ("" if consecutive else f"    {xs}, = xs\n") + f"    s = [{slopes}]\n"
        "    s.sort()\n"
        f"    return {middle}\n"
    )
    space: dict[str, Any] = {}
    exec(compile(code, f"<median slope of {n} points>", "exec"), space)
    fn: Callable[..., float] = space["median_slope"]
    return fn


def theil_sen_increasing(xs: Sequence[float], ys: Sequence[float]) -> float:
    """:func:`theil_sen` of points whose ``xs`` strictly increase (months in order, each
    once), bit for bit: every pairwise slope is ``(y_j - y_i) / (x_j - x_i)`` for ``i <
    j``, listed in the same order, and the median is taken as there. Up to
    :data:`UNROLLED_POINTS` points the slopes come from straight-line code generated
    for ``n`` (cached); up to :data:`EXACT_POINTS` from C-level gathers over the index
    pairs; past that it is :func:`theil_sen`."""
    n = len(xs)
    if n < 3 or n > EXACT_POINTS:
        return theil_sen(xs, ys)
    first: object = xs[0]
    consecutive = first.__class__ is int and xs[-1] - xs[0] == n - 1
    if n <= UNROLLED_POINTS:
        if consecutive:  # whole, strictly increasing and n - 1 apart: 0, 1, ... apart
            return _unrolled(n, True)(ys)
        return _unrolled(n, False)(ys, xs)
    later, earlier, gaps = _pairs(n)
    steps = gaps if consecutive else list(map(operator.sub, later(xs), earlier(xs)))
    slopes: list[float] = list(
        map(operator.truediv, map(operator.sub, later(ys), earlier(ys)), steps)
    )
    slopes.sort()
    half = len(slopes) // 2
    if len(slopes) % 2:
        return slopes[half]
    return (slopes[half - 1] + slopes[half]) / 2


def theil_sen_at(
    xs: Sequence[float], *, floats: bool = False
) -> Callable[[Sequence[float]], float]:
    """``ys -> theil_sen_increasing(xs, ys)``: the slope function of points at ``xs``
    (strictly increasing), its code looked up once for several series of values;
    ``floats``: for ``ys`` of floats only (a channel's monthly sums)."""
    n = len(xs)
    first: object = xs[0] if n else None
    if 3 <= n <= UNROLLED_POINTS and first.__class__ is int and xs[-1] - xs[0] == n - 1:
        return _unrolled(n, True, floats)
    return functools.partial(theil_sen_increasing, xs)


def student_t_pdf(t: float, df: float) -> float:
    """The Student t density with ``df`` degrees of freedom."""
    if math.isinf(df):
        return math.exp(-0.5 * t * t) / math.sqrt(2.0 * math.pi)
    front = math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
    return math.exp(front - (df + 1) / 2 * math.log1p(t * t / df))


def t_cdf(t: float, df: float) -> float:
    """P(T <= t), with ``df = inf`` (or above 200) read as the standard normal; a whole
    ``df`` takes the closed form in ``theta = atan(t / sqrt(df))`` (a finite series, far
    quicker than the incomplete beta function and as exact)."""
    if math.isinf(df) or df > 200:
        return 0.5 * math.erfc(-t / math.sqrt(2.0))
    if df != int(df) or math.isinf(t):
        return student_t_cdf(t, df)
    n = int(df)
    theta = math.atan(t / math.sqrt(n))
    c2 = math.cos(theta) ** 2
    steps = _T_STEPS.get(n)
    if steps is None:
        steps = _t_steps(n)
    if n % 2:  # odd
        total, term = 0.0, 1.0
        if n > 1:
            total = term
            for up, down in steps:
                term *= c2 * up / down
                total += term
        inner = theta + math.sin(theta) * math.cos(theta) * total
        return min(1.0, max(0.0, 0.5 + inner / math.pi))
    total, term = 1.0, 1.0
    for up, down in steps:
        term *= c2 * up / down
        total += term
    return min(1.0, max(0.0, 0.5 + 0.5 * math.sin(theta) * total))


def _t_steps(n: int) -> tuple[tuple[float, float], ...]:
    """The factors of :func:`t_cdf`'s series for ``n`` degrees of freedom, as floats:
    ``(2j, 2j + 1)`` for odd ``n``, ``(2j - 1, 2j)`` for even (each a whole number a
    float holds exactly, so ``c2 * up / down`` rounds as ``c2 * (2 * j) / (2 * j + 1)``
    does); kept for the few ``n`` a check meets (bounded)."""
    if n % 2:
        steps = tuple((float(2 * j), float(2 * j + 1)) for j in range(1, (n - 1) // 2))
    else:
        steps = tuple((float(2 * j - 1), float(2 * j)) for j in range(1, n // 2))
    if len(_T_STEPS) >= 256:
        _T_STEPS.clear()
    _T_STEPS[n] = steps
    return steps


_T_STEPS: dict[int, tuple[tuple[float, float], ...]] = {}


@functools.lru_cache(maxsize=1024)
def t_quantile(p: float, df: float) -> float:
    """The quantile of :func:`t_cdf`: Newton steps from the normal quantile, bisection
    as a guard (cached: the same few levels are asked for)."""
    z = statistics.NormalDist().inv_cdf(p)
    if math.isinf(df) or df > 200:
        return z
    lo, hi = -1e3, 1e3
    t = z
    for _ in range(100):
        f = t_cdf(t, df) - p
        if abs(f) <= 1e-15:
            return t
        if f > 0:
            hi = t
        else:
            lo = t
        d = student_t_pdf(t, df)
        step = t - f / d if d > 0 else math.nan
        t = step if lo < step < hi else 0.5 * (lo + hi)
        if hi - lo <= 1e-13 * max(1.0, abs(t)):
            break
    return t
