"""How well the statement reader reads goal statements as marketers write them.

Run: python benchmarks/statements_bench.py [CORPUS] [--show-misses] [--languages] [--long]

Reads every statement of the corpus (default ``tests/data/statements.txt``: statement |
metric | channel | target | deadline, read with start 2026-05-01) and prints, per field,
how many the reader got right: metric, channel (every channel named, in order), target
(same kind and amount in the same unit), relative (whether the target is relative to a
baseline), deadline, and vague (a statement with no target read as one without). The
budget: every field at least 97 %, and no vague statement read as specific. It also
prints the reading speed.

Point it at a file of your own statements in the same layout to see how the reader does
on your team's phrasing.

Without a file, it then reads the corpus of every language (``statements.txt`` and
``statements_<code>.txt``: Welsh, Malay, Greek, Tagalog, Arabic; ``--languages`` for those
alone), detecting each statement's language, and prints, per language, the share of
fields right (metric, channel, target, deadline) and how many wrong fields the
reader presented as read (the budget: at least 90 % right, none wrong). ``--long`` times
reading one long statement of 10 kB and of 100 kB, with their ratio (10 when reading is
linear in the length, 100 when quadratic).
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import goalrules as gr

ROOT = Path(__file__).resolve().parent.parent
START = dt.date(2026, 5, 1)
FIELDS = ("metric", "channel", "target", "relative", "deadline", "vague")


def load(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([p.strip() for p in line.split("|")])
    return rows


def same_target(got: gr.Target | None, expected: str) -> bool:
    if not expected or got is None:
        return not expected and got is None
    return got.means(expected)


LANGUAGE_FIELDS = ("metric", "channel", "target", "deadline")


def languages() -> int:
    """Per language: fields right and wrong fields presented as read."""
    data = ROOT / "tests" / "data"
    from goalrules.vocabulary.languages import detect_language

    print(
        f"{'language':<10} {'rows':>5} {'detected':>9} {'fields right':>14} {'share':>7} "
        f"{'wrong as read':>14}"
    )
    worst, wrong_total = 1.0, 0
    for path in [data / "statements.txt", *sorted(data.glob("statements_*.txt"))]:
        code = path.stem.partition("_")[2] or "en"
        rows = load(path)
        right = wrong = detected = 0
        for statement, metric, channel, target, deadline in rows:
            detected += detect_language(statement).code == code
            g = gr.read_statement(statement, start=START, lang=code).goal
            got = {
                "metric": g.metric,
                "channel": list(g.channels) or None,
                "target": g.target,
                "deadline": g.deadline.isoformat() if g.deadline else None,
            }
            want = {
                "metric": metric or None,
                "channel": [c.strip() for c in channel.split(",") if c.strip()] or None,
                "target": target or None,
                "deadline": deadline or None,
            }
            for field in LANGUAGE_FIELDS:
                if field == "target":
                    ok = same_target(got["target"], target)  # type: ignore[arg-type]
                else:
                    ok = got[field] == want[field]
                right += ok
                wrong += (not ok) and got[field] is not None
        share = right / (len(LANGUAGE_FIELDS) * len(rows))
        worst = min(worst, share)
        wrong_total += wrong
        print(
            f"{code:<10} {len(rows):>5} {detected:>9} {right:>8}/{4 * len(rows):<5} "
            f"{share:>7.1%} {wrong:>14}"
        )
    unread = load(data / "languages_unread.txt")
    named = sum(detect_language(s).name == lang for s, lang in unread)
    print(f"\nlanguages without a pack, named and not read: {named}/{len(unread)}")
    print("\nbudget: every language at least 90 % of fields right, 0 wrong fields read as right")
    return 0 if worst >= 0.9 and wrong_total == 0 else 1


def long_statements() -> int:
    """Reading time of one statement of 10 kB and of 100 kB (the limit is 200,000
    characters); their ratio is 10 when reading is linear."""
    from goalrules.model.statements import MAX_STATEMENT_LENGTH

    base = (
        "Double our LinkedIn followers within six months, grow visits from Instagram by 20% "
        "by Q3 and reach 5,000 leads a month; in by the in next during this of 12. "
    )
    gr.read_statement(base, start=START)  # warm the caches
    times = {}
    for size in (10_000, 100_000):
        text = (base * (size // len(base) + 1))[:size]
        best = min(_timed(text) for _ in range(3))
        times[size] = best
        print(f"{size:>7,} characters: {best:.3f} s")
    ratio = times[100_000] / times[10_000]
    print(f"ratio 100 kB / 10 kB: {ratio:.1f} (linear: 10, quadratic: 100)")
    print(f"the limit: {MAX_STATEMENT_LENGTH:,} characters")
    return 0 if ratio < 25 else 1


def _timed(text: str) -> float:
    started = time.perf_counter()
    gr.read_statement(text, start=START)
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    if "--languages" in argv:
        return languages()
    if "--long" in argv:
        return long_statements()
    paths = [a for a in argv if not a.startswith("--")]
    corpus = Path(paths[0]) if paths else ROOT / "tests" / "data" / "statements.txt"
    rows = load(corpus)
    right = dict.fromkeys(FIELDS, 0)
    vague_read_as_specific = 0
    misses: list[str] = []
    started = time.perf_counter()
    goals = [gr.read_statement(r[0], start=START).goal for r in rows]
    elapsed = time.perf_counter() - started
    for (statement, metric, channel, target, deadline), g in zip(rows, goals, strict=True):
        relative = bool(target) and target[0] in "x+-"
        ok = {
            "metric": (g.metric or "") == metric,
            "channel": list(g.channels) == [c.strip() for c in channel.split(",") if c.strip()],
            "target": same_target(g.target, target),
            "relative": relative == (g.target is not None and g.target.is_relative),
            "deadline": (g.deadline.isoformat() if g.deadline else "") == deadline,
            "vague": (not target) == (g.target is None),
        }
        vague_read_as_specific += int(not target and g.target is not None)
        for field, hit in ok.items():
            right[field] += hit
        if not all(ok.values()):
            wrong = ", ".join(f for f, hit in ok.items() if not hit)
            misses.append(
                f"{statement!r}: {wrong}\n    read {g.metric} | {g.channel} | {g.target} | "
                f"{g.deadline}\n    want {metric} | {channel} | {target} | {deadline}"
            )
    n = len(rows)
    print(f"{n} statements from {corpus.name}\n")
    print(f"{'field':<10} {'right':>9} {'share':>7}  budget 97 %")
    worst = 1.0
    for field in FIELDS:
        share = right[field] / n
        worst = min(worst, share)
        print(
            f"{field:<10} {right[field]:>4}/{n:<4} {share:>7.1%}  {'ok' if share >= 0.97 else 'UNDER'}"
        )
    print(f"\nvague statements read as specific: {vague_read_as_specific} (budget 0)")
    print(f"reading speed: {n / elapsed:,.0f} statements/s ({elapsed / n * 1e3:.2f} ms each)")
    if "--show-misses" in argv and misses:
        print("\nmisses:")
        print("\n".join(misses))
    english_ok = worst >= 0.97 and vague_read_as_specific == 0
    if paths:  # a team's own file: its figures only
        return 0 if english_ok else 1
    print("\nper language (python benchmarks/statements_bench.py --languages):\n")
    return 0 if english_ok and languages() == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
