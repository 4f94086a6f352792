from __future__ import annotations

import io
import json
import subprocess
import sys

from goalrules.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_catalog_text() -> None:
    code, text = run("catalog")
    assert code == 0
    assert "engagement_rate_by_reach" in text and "engagements / post_reach" in text


def test_catalog_for_objective_json() -> None:
    code, text = run("catalog", "--objective", "leads", "--format", "json")
    assert code == 0
    keys = {m["key"] for m in json.loads(text)["metrics"]}
    assert {"leads", "cost_per_lead", "lead_conversion_rate"} <= keys


def test_bad_objective_exits_2_with_one_line() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "goalrules.cli", "catalog", "--objective", "salez"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unknown objective 'salez'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_import_is_lazy() -> None:
    code = (
        "import sys, goalrules; goalrules.__version__; "
        "print(all(m not in sys.modules for m in ('pint', 'cattrs', 'lark', 'hypothesis')))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "True"
