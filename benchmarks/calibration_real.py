"""Calibration of the achievability probability on real series, on halves it was not tuned on.

Run: python benchmarks/calibration_real.py [--data-dir DIR] [--series N] [--seed S]
     [--no-anchor] [--tune] [--half tune|held] [--sources M3,GH_STARS]
     [--series-for GH_STARS=250] [--ets-cache FILE] [--bands-svg FILE] [--bootstrap B]

Data (../shared/data, see its README): the 1,428 monthly M3 series (judged as stocks) and
the 1,460 social-like series of social-monthly.json: GitHub star counts (GH_STARS, smooth
stocks), new stars (GH_NEWSTARS), PyPI downloads (PYPI) and Wikipedia film views
(WIKI_FILMS), the last three flows. Each source is split in two by position (even: the
tuning half the defaults were chosen on; odd: the held-out half reported here). To keep the
run short, ``--series`` series of each source's half are drawn with a fixed seed (default
120; 0: all); ``--series-for SOURCE=N`` sets it for one source (a larger sample of a source
whose largest bin is mostly sampling noise), ``--sources`` keeps only some sources.
``--bootstrap B`` adds, per source, the central 90 % interval of the ECE and of the largest
bin error over B redraws of its series (with replacement; a series' goals go together):
how far a figure would move on another sample of the same kind of series.

Rolling origins as in :mod:`goalrules.judgments.backtest`: every third month a cutoff
(never an interpolated month), 6 to 24 months of history, deadlines 3, 6 and 12 months
later (never an interpolated month), targets at 0.9, 1, 1.1, 1.25, 1.5 and 2 times the
value at the cutoff (a flow's level). goalrules' chance is the same predictive mixture
``assess_achievability`` uses (checked against it on a sample at start), computed once per
cutoff and horizon. Printed per source and horizon: goals, expected calibration error,
largest bin error (bins of 100+ goals), Brier score, the share of truths inside the
central 80 % range; beside them the Brier score and 80 % coverage of statsforecast's
AutoETS on the same goals (its mean and 80 % interval on the log values read as a normal
predictive). Then the smooth-growth bands: on stock histories growing at least 2 % a month
with a month-to-month deviation under 1 %, goals needing a given share of the historical
rate, mean chance against the share met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from statistics import NormalDist

import goalrules as gr
from goalrules.dates import add_months, month_end
from goalrules.judgments import growth, pooled
from goalrules.judgments.backtest import DEFAULT_HISTORIES, DEFAULT_MULTIPLES
from goalrules.judgments.growth import GrowthPrior, fit
from goalrules.judgments.pooled import flow_centre

HORIZONS = (3, 6, 12)
# ../shared/data beside the checkout (or beside the folder holding a worktree of it)
DATA = next(
    (
        found / "shared" / "data"
        for found in Path(__file__).resolve().parents
        if (found / "shared" / "data").is_dir()
    ),
    Path("shared") / "data",
)
_NORMAL = NormalDist()
BANDS = ((0.0, 0.5), (0.5, 0.77), (0.77, 1.0), (1.0, 1.3), (1.3, 9.9))
BAND_LABELS = ("under 0.5", "0.5-0.77", "0.77-1", "1-1.3", "over 1.3")
FRACTIONS = (0.25, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1, 1.2, 1.5, 2.0)


class Series:
    def __init__(self, item: dict[str, object]) -> None:
        self.id = str(item["id"])
        self.source = str(item["source"])
        self.kind = str(item.get("kind", "stock"))
        self.values = [float(v) for v in item["values"]]  # type: ignore[attr-defined]
        start = str(item.get("start", "2000-01"))
        self.first = int(start[:4]) * 12 + int(start[5:7]) - 1
        interp = item.get("interp") or [False] * len(self.values)
        self.bad = {self.first + i for i, flag in enumerate(interp) if flag}  # type: ignore[arg-type]


def load(data_dir: Path) -> dict[str, list[Series]]:
    by_source: dict[str, list[Series]] = {}
    for name in ("m3-monthly.json", "social-monthly.json"):
        for item in json.loads((data_dir / name).read_text()):
            s = Series(item)
            by_source.setdefault(s.source, []).append(s)
    return by_source


def halves(series: list[Series], which: str, n: int, seed: int) -> list[Series]:
    half = series[0::2] if which == "tune" else series[1::2]
    if n and len(half) > n:
        half = random.Random(seed).sample(half, n)
    return half


class Case:
    __slots__ = ("band", "h", "high", "low", "met", "p", "series", "source", "truth_in")

    def __init__(self, source: str, h: int, p: float, met: bool, band: int | None) -> None:
        self.source, self.h, self.p, self.met, self.band = source, h, p, met, band
        self.truth_in = False
        self.series = 0  # the position of its series in the replayed list (the bootstrap's unit)


Origin = tuple[int, list[float], list[int]]  # cutoff, values seen, their month numbers


def origins(s: Series) -> Iterator[Origin]:
    first, last = s.first, s.first + len(s.values) - 1
    turn = 0
    for cutoff in range(first + min(DEFAULT_HISTORIES) - 1, last - min(HORIZONS) + 1, 3):
        months = DEFAULT_HISTORIES[turn % len(DEFAULT_HISTORIES)]
        turn += 1
        if cutoff in s.bad:
            continue
        months = min(months, cutoff - first + 1)
        idx = list(range(cutoff - months + 1, cutoff + 1))
        vals = [s.values[m - first] for m in idx]
        if len(vals) >= 3 and min(vals) > 0:
            yield cutoff, vals, idx


def smooth_growth(vals: list[float]) -> float | None:
    """The window's compound rate when the history is a smooth grower, else None."""
    w = vals[-7:]
    if len(w) < 4:
        return None
    r = [math.log(b / a) for a, b in itertools.pairwise(w)]
    m = sum(r) / len(r)
    sd = math.sqrt(sum((x - m) ** 2 for x in r) / (len(r) - 1))
    rate = (w[-1] / w[0]) ** (1 / (len(w) - 1)) - 1
    return rate if rate >= 0.02 and sd < 0.01 else None


Forecaster = Callable[
    [list[float], list[int], float], tuple[Callable[[float], float], float, float]
]


def goalrules_forecaster(prior: GrowthPrior, flow: bool = False) -> Forecaster:
    """(chance of reaching a log level, 10 % and 90 % quantiles) at horizon h, the way
    assess_achievability forms them (the prior's window of months, logs)."""

    def forecast(
        vals: list[float], idx: list[int], h: float
    ) -> tuple[Callable[[float], float], float, float]:
        keep = prior.months or len(vals)
        y = [math.log(v) for v in vals[-(keep + 1) :]]
        model = fit(y, idx[-(keep + 1) :], prior, flow=flow)
        pred = model.predictive(h)
        return pred.sf, pred.quantile(0.1), pred.quantile(0.9)

    return forecast


def workspace_forecaster(series: Sequence[Series], prior: GrowthPrior) -> Forecaster:
    """A flow judged as ``goalrules check`` judges it in a workspace holding all of
    ``series``: the centre learnt from every history as it stood at the goal's cutoff
    (nothing after it; :func:`goalrules.judgments.pooled.flow_centre`)."""
    centres: dict[int, GrowthPrior] = {}

    def prior_at(cutoff: int) -> GrowthPrior:
        found = centres.get(cutoff)
        if found is None:
            seen = []
            for s in series:
                last = min(cutoff, s.first + len(s.values) - 1)
                if last - s.first + 1 >= 2:
                    months = list(range(s.first, last + 1))
                    seen.append((s.values[: last - s.first + 1], months))
            centre = flow_centre(seen, prior)
            found = centres[cutoff] = centre.prior if centre is not None else prior
        return found

    def forecast(
        vals: list[float], idx: list[int], h: float
    ) -> tuple[Callable[[float], float], float, float]:
        return goalrules_forecaster(prior_at(idx[-1]), True)(vals, idx, h)

    return forecast


def ets_forecaster() -> Callable[[list[float], list[int]], dict[int, tuple[float, float]]] | None:
    try:
        import numpy as np
        from statsforecast.models import AutoETS
    except ImportError:
        return None
    z80 = _NORMAL.inv_cdf(0.9)

    def forecast(vals: list[float], idx: list[int]) -> dict[int, tuple[float, float]]:
        y = np.log(np.asarray(vals))
        season = 12 if len(y) >= 24 else 1
        try:
            out = AutoETS(season_length=season).forecast(y=y, h=max(HORIZONS), level=[80])
            mean, hi = out["mean"], out["hi-80"]
            return {h: (float(mean[h - 1]), float(hi[h - 1] - mean[h - 1]) / z80) for h in HORIZONS}
        except Exception:  # a fit that fails: the random walk from the last value
            d = [b - a for a, b in itertools.pairwise(y)]
            s = float(np.std(d, ddof=1)) if len(d) > 1 else 0.0
            return {h: (float(y[-1]), s * math.sqrt(h)) for h in HORIZONS}

    return forecast


def replay(series: Sequence[Series], forecaster: Forecaster, *, bands: bool = True) -> list[Case]:
    cases: list[Case] = []
    for number, s in enumerate(series):
        first_case = len(cases)
        for cutoff, vals, idx in origins(s):
            current = vals[-1]
            rate = smooth_growth(vals) if bands and s.kind == "stock" else None
            for h in HORIZONS:
                judged = cutoff + h
                if judged - s.first >= len(s.values) or judged in s.bad:
                    continue
                truth = s.values[judged - s.first]
                sf, lo, hi = forecaster(vals, idx, h)
                inside = lo <= math.log(truth) <= hi
                for mult in DEFAULT_MULTIPLES:
                    c = Case(
                        s.source, h, sf(math.log(current * mult)), truth >= current * mult, None
                    )
                    c.truth_in = inside
                    cases.append(c)
                if rate is not None:
                    for f in FRACTIONS:
                        target = current * (1 + f * rate) ** h
                        band = next(i for i, (a, b) in enumerate(BANDS) if a <= f < b)
                        c = Case(s.source, h, sf(math.log(target)), truth >= target, band)
                        c.band = band + 100  # marks a band case, kept out of the ECE
                        cases.append(c)
        for c in cases[first_case:]:
            c.series = number
    return cases


def interval(
    cases: Sequence[Case], series: int, draws: int, seed: int = 0
) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """The central 90 % interval of the ECE and of the largest bin error when the
    ``series`` series behind ``cases`` are drawn again with replacement ``draws`` times
    (a series' goals go together: they share its history)."""
    by: dict[int, list[Case]] = {}
    for c in cases:
        by.setdefault(c.series, []).append(c)
    rng = random.Random(seed)
    eces: list[float] = []
    bins: list[float] = []
    keys = sorted(by)
    for _ in range(draws):
        drawn = [c for k in rng.choices(keys, k=series) for c in by[k]]
        _n, ece, mbe, _brier, _cover = figures(drawn)
        eces.append(ece)
        if mbe is not None:
            bins.append(mbe)
    eces.sort()
    bins.sort()

    def central(xs: list[float]) -> tuple[float, float]:
        return xs[int(0.05 * (len(xs) - 1))], xs[int(0.95 * (len(xs) - 1))]

    return central(eces), central(bins) if len(bins) >= draws // 2 else None


class EtsCache:
    """AutoETS forecasts kept in a JSON file between runs (keyed by series, cutoff and
    history length): the anchor does not depend on goalrules' settings, so a second run
    with other settings reuses it."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.items: dict[str, dict[str, list[float]]] = {}
        if path is not None and path.exists():
            self.items = json.loads(path.read_text())

    def get(
        self,
        key: str,
        make: Callable[[], dict[int, tuple[float, float]]],
    ) -> dict[int, tuple[float, float]]:
        found = self.items.get(key)
        if found is None:
            made = make()
            self.items[key] = found = {str(h): list(v) for h, v in made.items()}
        return {int(h): (v[0], v[1]) for h, v in found.items()}

    def save(self) -> None:
        if self.path is not None:
            self.path.write_text(json.dumps(self.items))


def ets_replay(
    series: Sequence[Series],
    ets: Callable[..., dict[int, tuple[float, float]]],
    cache: EtsCache | None = None,
) -> list[Case]:
    cases: list[Case] = []
    store = cache or EtsCache(None)
    for s in series:
        for cutoff, vals, idx in origins(s):
            current = vals[-1]
            pred = store.get(f"{s.id}@{cutoff}/{len(vals)}", lambda v=vals, i=idx: ets(v, i))
            for h in HORIZONS:
                judged = cutoff + h
                if judged - s.first >= len(s.values) or judged in s.bad:
                    continue
                truth = s.values[judged - s.first]
                mean, sd = pred[h]
                inside = abs(math.log(truth) - mean) <= sd * _NORMAL.inv_cdf(0.9)
                for mult in DEFAULT_MULTIPLES:
                    goal = math.log(current * mult)
                    p = (1 - _NORMAL.cdf((goal - mean) / sd)) if sd > 0 else float(mean >= goal)
                    c = Case(s.source, h, p, truth >= current * mult, None)
                    c.truth_in = inside
                    cases.append(c)
    return cases


def figures(
    cases: Sequence[Case], min_bin: int = 100
) -> tuple[int, float, float | None, float, float]:
    """goals, ECE, largest bin error (bins of min_bin+), Brier, 80 % coverage."""
    n = len(cases)
    if not n:
        return 0, math.nan, None, math.nan, math.nan
    counts, ps, mets = [0] * 10, [0.0] * 10, [0] * 10
    for c in cases:
        b = min(int(c.p * 10), 9)
        counts[b] += 1
        ps[b] += c.p
        mets[b] += c.met
    gaps = [abs(ps[b] - mets[b]) / counts[b] if counts[b] else 0.0 for b in range(10)]
    ece = sum(counts[b] * gaps[b] for b in range(10)) / n
    big = [gaps[b] for b in range(10) if counts[b] >= min_bin]
    brier = sum((c.p - c.met) ** 2 for c in cases) / n
    cover = sum(c.truth_in for c in cases) / n
    return n, ece, max(big) if big else None, brier, cover


def fitted_prior(series: Sequence[Series]) -> GrowthPrior:
    """:func:`goalrules.fit_prior` on whole series (what an agency does with its accounts)."""
    histories = [
        [(month_end(dt.date(m // 12, m % 12 + 1, 1)), v) for m, v in enumerate(s.values, s.first)]
        for s in series
    ]
    return gr.fit_prior(histories)


def report(
    held: dict[str, list[Series]],
    tuning: dict[str, list[Series]],
    prior: GrowthPrior,
    anchor: bool,
    cache: EtsCache | None = None,
    svg: Path | None = None,
    draws: int = 0,
) -> None:
    ets = ets_forecaster() if anchor else None
    if anchor and ets is None:
        print("(statsforecast is not installed: pip install '.[bench]' for the AutoETS anchor)")
    print("goalrules with its default prior; 'fitted': with fit_prior on the source's tuning half;")
    print("'workspace' (flows): as `goalrules check` judges a workspace holding the source's")
    print("series, the flow's centre learnt from all of them as they stood at each cutoff")
    print(
        f"{'source':<12} {'h':>3} {'goals':>7} {'ECE':>6} {'maxbin':>6} {'Brier':>6} {'cov80':>6}"
        f" | {'fitted ECE':>10} {'Brier':>6} | {'workspace ECE':>13} {'Brier':>6}"
        f" | {'AutoETS Brier':>13} {'cov80':>6}"
    )
    bands: dict[str, list[Case]] = {}
    for source, series in held.items():
        flow = series[0].kind == "flow"
        t0 = time.perf_counter()
        all_cases = replay(series, goalrules_forecaster(prior, flow))
        spent = time.perf_counter() - t0
        cases = [c for c in all_cases if c.band is None]
        bands[source] = [c for c in all_cases if c.band is not None]
        own = fitted_prior(tuning[source])
        fitted = replay(series, goalrules_forecaster(own, flow), bands=False)
        pooled = replay(series, workspace_forecaster(series, prior), bands=False) if flow else []
        t1 = time.perf_counter()
        ets_cases = ets_replay(series, ets, cache) if ets is not None else []
        if cache is not None:
            cache.save()
        ets_spent = time.perf_counter() - t1
        for h in (*HORIZONS, 0):
            mine = [c for c in cases if h in (0, c.h)]
            n, ece, mbe, brier, cover = figures(mine)
            f = figures([c for c in fitted if h in (0, c.h)])
            w = figures([c for c in pooled if h in (0, c.h)]) if pooled else None
            pooled_text = f"{w[1]:13.3f} {w[3]:6.4f}" if w else f"{'-':>13} {'-':>6}"
            theirs = [c for c in ets_cases if h in (0, c.h)]
            e = figures(theirs) if theirs else None
            label = "all" if h == 0 else str(h)
            mb = f"{mbe:6.3f}" if mbe is not None else "     -"
            ets_text = f"{e[3]:13.4f} {e[4]:6.1%}" if e else f"{'-':>13} {'-':>6}"
            print(
                f"{source:<12} {label:>3} {n:>7,} {ece:6.3f} {mb} {brier:6.4f} {cover:6.1%} | "
                f"{f[1]:10.3f} {f[3]:6.4f} | {pooled_text} | {ets_text}",
                flush=True,
            )
        if draws:
            for label, found in (("default", cases), ("workspace", pooled)):
                if found:
                    (e_lo, e_hi), mb = interval(found, len(series), draws)
                    mb_text = f", largest bin {mb[0]:.3f}-{mb[1]:.3f}" if mb else ""
                    print(f"{'':<12} 90 % interval over {draws} redraws of the {len(series)} "
                          f"series ({label}): ECE {e_lo:.3f}-{e_hi:.3f}{mb_text}")  # fmt: skip
        per = len({(c.h, id(c)) for c in cases}) or 1
        print(
            f"{'':<12} time: goalrules {spent * 1e6 / per:.0f} us a goal"
            + (f", AutoETS {ets_spent * 1e6 / per:.0f} us a goal" if ets_cases else "")
        )
    print("\nsmooth-growth bands (stocks growing >= 2 %/month, deviation < 1 %):")
    print(f"{'source':<12} {'needs x hist. rate':<20} {'goals':>6} {'mean P':>7} {'met':>6}")
    chart: list[tuple[str, float, float]] = []
    for source, found in bands.items():
        for i, (a, b) in enumerate(BANDS):
            inside = [c for c in found if c.band == i + 100]
            if inside:
                mean_p = sum(c.p for c in inside) / len(inside)
                met = sum(c.met for c in inside) / len(inside)
                label = f"{a:.2f}-{b:.2f}" if b < 9 else f"{a:.2f}+"
                print(f"{source:<12} {label:<20} {len(inside):>6} {mean_p:7.3f} {met:6.1%}")
                if source == "GH_STARS":
                    chart.append((BAND_LABELS[i], mean_p, met))
    if svg is not None and chart:
        svg.write_text(bands_svg(chart) + "\n")


def bands_svg(rows: Sequence[tuple[str, float, float]]) -> str:
    """The chart of docs/judgments.md: per band (label, mean chance given, share met), two
    bars on a 0-1 scale."""
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" width="520" height="220" role="img" '
        'aria-label="Mean chance against share met, per band of the rate needed" '
        'style="font:11px sans-serif">'
    ]
    for tick in range(5):
        y = 180 - 40 * tick
        parts.append(f'<line x1="40" y1="{y}" x2="510" y2="{y}" stroke="#e5e7eb"/>')
        parts.append(f'<text x="36" y="{y + 4}" text-anchor="end">{tick / 4:.2f}</text>')
    for i, (label, given, met) in enumerate(rows):
        x = 60 + 92 * i
        for dx, value, colour in ((0, given, "#2563eb"), (32, met, "#f59e0b")):
            height = 160 * value
            parts.append(
                f'<rect x="{x + dx}" y="{180 - height:.1f}" width="30" height="{height:.1f}" '
                f'fill="{colour}"/>'
            )
        parts.append(f'<text x="{x + 30}" y="194" text-anchor="middle">{label}</text>')
    parts.append(
        '<rect x="350" y="20" width="10" height="10" fill="#2563eb"/>'
        '<text x="364" y="29">mean chance given</text>'
        '<rect x="350" y="36" width="10" height="10" fill="#f59e0b"/>'
        '<text x="364" y="45">share that came true</text>'
        '<text x="260.0" y="216" text-anchor="middle">'
        "target needs this share of the history's rate</text></svg>"
    )
    return "".join(parts)


def check_same_as_library(series: Sequence[Series], prior: GrowthPrior) -> None:
    """The chance computed here is assess_achievability's, on a few cases."""
    forecaster = goalrules_forecaster(prior)
    for s in series[:3]:
        for cutoff, vals, idx in list(origins(s))[:2]:
            days = [month_end(dt.date(m // 12, m % 12 + 1, 1)) for m in idx]
            hist = gr.MetricSeries("followers", points=list(zip(days, vals, strict=True)))
            target = vals[-1] * 1.1
            goal = gr.Goal("g", metric="followers", target=f"{target!r} followers",
                           start=days[-1], deadline=month_end(add_months(days[-1].replace(day=1), 6)))  # fmt: skip
            a = gr.assess_achievability(goal, hist, today=days[-1], prior=prior)
            if a.probability is None:  # (a forecast too wide to give a chance: no check)
                continue
            sf, _, _ = forecaster(vals, idx, a.months_left or 6)  # month ends: 6.03...
            assert abs((a.probability or 0) - sf(math.log(target))) < 1e-9, (s.id, cutoff)


def tune(tuning: dict[str, list[Series]]) -> None:
    """The grid the defaults were chosen on, on the tuning half: the drift spread, the
    persistence half-points (``steady``, ``rough``) and the persistence spread; per source
    ECE / largest bin / Brier, and the gap of the 0.5-0.77 and 0.77-1.0 smooth-growth
    bands."""
    grid = itertools.product(
        (0.015, 0.02), (1.0, 1.5, 2.0), (0.03, 0.06, math.inf), (0.1, 0.12, 0.15)
    )
    for tau, steady, rough, spread in grid:
        prior = GrowthPrior(tau=tau, steady=steady, rough=rough, spread=spread)
        row = []
        for source, series in tuning.items():
            flow = series[0].kind == "flow"
            cases = replay(series, goalrules_forecaster(prior, flow))
            _n, ece, mbe, brier, _ = figures([c for c in cases if c.band is None])
            gaps = []
            for band in (101, 102):
                inside = [c for c in cases if c.band == band]
                gaps.append(
                    abs(sum(c.p for c in inside) - sum(c.met for c in inside)) / len(inside)
                    if inside
                    else math.nan
                )
            row.append(f"{source} {ece:.3f}/{mbe or 0:.3f}/{brier:.4f}/{gaps[0]:.2f}/{gaps[1]:.2f}")
        print(
            f"tau {tau} steady {steady} rough {rough} spread {spread}: " + "  ".join(row),
            flush=True,
        )
    print(
        "\nthe persistence shape on the star counts: the share of phi 0.9 among the damped"
        " levels and the persistence spread; ECE / largest bin / Brier, every band's gap"
        " (mean P - share met) and the worst of the gaps and the largest bin"
    )
    stars = tuning.get("GH_STARS", [])
    kept = growth._PERSISTENCE
    for share, spread in itertools.product((0.25, 0.3, 0.35, 0.4), (0.12, 0.13, 0.14, 0.15)):
        growth._PERSISTENCE = ((0.9, share), (0.95, 1.0 - share))
        cases = replay(stars, goalrules_forecaster(GrowthPrior(spread=spread), False))
        _n, ece, mbe, brier, _ = figures([c for c in cases if c.band is None])
        gaps = []
        for band in range(100, 100 + len(BANDS)):
            inside = [c for c in cases if c.band == band]
            if inside:
                gaps.append(sum(c.p - c.met for c in inside) / len(inside))
        worst = max([mbe or 0.0, *map(abs, gaps)])
        print(
            f"phi 0.9 share {share} spread {spread}: {ece:.3f}/{mbe or 0:.3f}/{brier:.4f} bands "
            + " ".join(f"{g:+.3f}" for g in gaps)
            + f" worst {worst:.3f}",
            flush=True,
        )
    growth._PERSISTENCE = kept
    print("\nthe wander of a flow's learnt centre (workspace ECE / Brier)")
    kept_wander = pooled.CENTRE_WANDER
    for wander in (0.0, 0.01, 0.02):
        pooled.CENTRE_WANDER = wander
        row = []
        for source, series in tuning.items():
            if series[0].kind == "flow":
                cases = replay(series, workspace_forecaster(series, GrowthPrior()), bands=False)
                _n, ece, _mbe, brier, _ = figures(cases)
                row.append(f"{source} {ece:.3f}/{brier:.4f}")
        print(f"wander {wander}: " + "  ".join(row), flush=True)
    pooled.CENTRE_WANDER = kept_wander


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=DATA)
    parser.add_argument("--series", type=int, default=120, help="series per source (0: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-anchor", action="store_true", help="skip AutoETS (slow)")
    parser.add_argument(
        "--bands-svg", type=Path, default=None, help="write the star counts' band chart (SVG)"
    )
    parser.add_argument(
        "--ets-cache", type=Path, default=None, help="a JSON file keeping AutoETS's forecasts"
    )
    parser.add_argument("--tune", action="store_true", help="run the tuning grid instead")
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        metavar="B",
        help="also print the 90 %% interval of the ECE and largest bin over B redraws of the series",
    )
    parser.add_argument("--half", choices=("tune", "held"), default="held")
    parser.add_argument("--prior", default=None, help="a prior, e.g. 'persist=0.6, steady=3'")
    parser.add_argument("--sources", default=None, help="comma-separated sources (default: all)")
    parser.add_argument(
        "--series-for",
        action="append",
        default=[],
        metavar="SOURCE=N",
        help="series of one source's half (repeatable; overrides --series for it)",
    )
    args = parser.parse_args()
    data = load(args.data_dir)
    if args.sources:
        wanted = [name.strip() for name in args.sources.split(",") if name.strip()]
        unknown = sorted(set(wanted) - set(data))
        if unknown:
            parser.error(f"unknown source {unknown[0]!r}; the sources are {', '.join(data)}")
        data = {k: v for k, v in data.items() if k in wanted}
    sizes_for: dict[str, int] = {}
    for item in args.series_for:
        name, sep, count = item.partition("=")
        if not sep or name not in data or not count.isdigit():
            parser.error(f"--series-for wants SOURCE=N with a known source, got {item!r}")
        sizes_for[name] = int(count)
    prior = GrowthPrior() if args.prior is None else GrowthPrior.parse(args.prior)
    if args.tune:
        tune(
            {
                k: halves(v, "tune", sizes_for.get(k, args.series), args.seed)
                for k, v in data.items()
            }
        )
        return
    chosen = {
        k: halves(v, args.half, sizes_for.get(k, args.series), args.seed) for k, v in data.items()
    }
    stocks = [v for v in chosen.values() if v and v[0].kind == "stock"]
    if stocks:
        check_same_as_library(stocks[0], prior)
    sizes = ", ".join(f"{k} {len(v)}" for k, v in chosen.items())
    print(f"{args.half} half, series per source (seed {args.seed}): {sizes}")
    tuning = {k: halves(v, "tune", 0, args.seed) for k, v in data.items()}
    cache = EtsCache(args.ets_cache) if args.ets_cache is not None else None
    report(chosen, tuning, prior, anchor=not args.no_anchor, cache=cache, svg=args.bands_svg,
           draws=args.bootstrap)  # fmt: skip


if __name__ == "__main__":
    main()
