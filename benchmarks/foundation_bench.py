"""Foundation speed: import cost, first quantity() call, cached quantity parsing.

Run: python benchmarks/foundation_bench.py

Each figure is compared with a baseline measured in the same run: ``python -c pass``
for the imports, and a hand-written ``float(text.split()[0].replace(",", ""))`` for
quantity parsing (which understands no units at all).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import timeit


def _wall(code: str, repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [
                sys.executable,
                "-c",
                f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(runs)


def _process(code: str, repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        t = timeit.default_timer()
        subprocess.run([sys.executable, "-c", code], check=True)
        runs.append(timeit.default_timer() - t)
    return statistics.median(runs)


def main() -> None:
    base = _process("pass")
    imp = _process("import goalrules")
    print(f"python -c pass:            {base * 1e3:7.1f} ms")
    print(
        f"python -c 'import goalrules': {imp * 1e3:7.1f} ms "
        f"(+{(imp - base) * 1e3:.1f} ms; budget +100 ms)"
    )
    first = _wall("import goalrules as gr; gr.quantity('1200 followers')")
    print(
        f"first gr.quantity() incl. pint import and registry: {first * 1e3:.1f} ms (budget 200 ms)"
    )

    import goalrules as gr

    texts = ["1200 followers", "1,200 followers", "2.5 %", "500 USD", "1.2k visits"]
    for t in texts:
        gr.quantity(t)
    n = 200_000
    t_gr = timeit.timeit(
        "for t in texts: q(t)", globals={"texts": texts, "q": gr.quantity}, number=n // 5
    )
    t_base = timeit.timeit(
        "for t in texts: float(t.split()[0].replace(',', '').rstrip('k%'))",
        globals={"texts": texts},
        number=n // 5,
    )
    print(f"gr.quantity (cached):       {n / t_gr:12,.0f} per second (budget >= 100,000)")
    print(f"hand-written float parse:   {n / t_base:12,.0f} per second")
    print(f"ratio goalrules / baseline time: {t_gr / t_base:.2f}x")


if __name__ == "__main__":
    main()
