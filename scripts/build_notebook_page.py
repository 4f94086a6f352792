"""Build docs/notebooks.md, the notebook-style tutorial, by running its cells.

Run: python scripts/build_notebook_page.py [--check]

Each cell's code is executed in order, in one namespace (as a notebook runs); the value
of a cell's last line is shown as a notebook shows it: its ``_repr_html_`` when it has
one, else its ``repr``. ``--check`` rebuilds in memory and exits 1 when the page on disk
differs (the tests do this, so the page always shows what the code does now).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "notebooks.md"

INTRO = """\
# goalrules in a notebook

Results show themselves in Jupyter (or VS Code, or any notebook that renders HTML): a
report, a SMART report, an achievability judgment and channel decisions each have a
`_repr_html_` with the outcome badges of the HTML report, and `to_frame()` gives the
tabular ones as a pandas (or `to_frame("polars")`) DataFrame.

This page is built by running its cells (`python scripts/build_notebook_page.py`; the
tests check it is current), so every output below is what the code gives today.
"""

CELLS: list[tuple[str, str]] = [
    (
        "A goal and its SMART report",
        """\
import datetime as dt
import goalrules as gr

TODAY = dt.date(2026, 5, 1)
goal = gr.Goal.from_statement(
    "Double our LinkedIn followers within six months", start=TODAY,
    baseline="1,200 followers", objective="brand_awareness", supports=["new-segment"],
)
history = [(dt.date(2025, m, 28), 1000 * 1.04 ** m) for m in range(1, 13)]
report = gr.score_smart(goal, history, today=TODAY, objectives=["new-segment"])
report""",
    ),
    ("The achievability judgment", "report.achievability"),
    ("The same as a DataFrame", "report.to_frame()[['criterion', 'passed', 'score']]"),
    (
        "Rules of your own, and what they decided",
        """\
rules = gr.load_rules('''
fact visits: visit
fact leads: lead
rule volume criterion reach check visits >= 1000 visits
rule rate criterion reach when visits > 0 visits check leads / visits > 2 %
rule keep decision keep priority 2 check leads / visits > 5 %
rule cut decision cut priority 1 check leads == 0 leads
''')
rules.evaluate(visits=800, leads=60)""",
    ),
    (
        "Keep, optimize or cut each network",
        """\
paths = gr.demo_paths()
decisions = gr.decide_channels(gr.load_performance(paths["performance"]), today=TODAY)
decisions""",
    ),
    (
        "Decisions as a DataFrame",
        "decisions.to_frame()[['channel', 'decision', 'visits', 'leads', 'lead_rate']]",
    ),
]


def _show(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "_repr_html_"):
        return value._repr_html_()
    if type(value).__module__.startswith("pandas") and hasattr(value, "to_html"):
        return value.to_html(index=False, float_format=lambda x: f"{x:.4g}")
    return f"<pre>{value!r}</pre>"


def run_cells() -> str:
    namespace: dict[str, Any] = {"__name__": "notebook"}
    out = [INTRO]
    for title, code in CELLS:
        tree = ast.parse(code)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        body = tree.body[:-1] if last is not None else tree.body
        exec(compile(ast.Module(body=body, type_ignores=[]), title, "exec"), namespace)
        value = (
            eval(compile(ast.Expression(last.value), title, "eval"), namespace) if last else None
        )
        out.append(f"## {title}\n\n```python\n{code}\n```\n")
        shown = _show(value)
        if shown:
            out.append(f'<div class="nb-output" markdown="0">\n{shown}\n</div>\n')
    return "\n".join(out)


def main(argv: list[str]) -> int:
    page = run_cells()
    if "--check" in argv:
        if not PAGE.exists() or PAGE.read_text("utf-8") != page:
            print(f"{PAGE} is not current: python scripts/build_notebook_page.py")
            return 1
        return 0
    PAGE.write_text(page, "utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
