"""Careful code (the slow path that explains) is generated on first use: what it
records and explains does not depend on when, in which order, or from how many threads
it is first asked for."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.engine import RuleSet
from goalrules.engine.compile import compile_text
from goalrules.engine.load import _shipped_texts
from goalrules.invariants import _facts

TEXT, SOURCE = _shipped_texts()["channels"]


def _fresh() -> RuleSet:
    return compile_text(TEXT, source=SOURCE)


def _explained(rules: RuleSet, facts: dict[str, Any], today: dt.date) -> Any:
    report = rules.evaluate(facts, today=today)
    return (
        [r.trace(facts, today=today) for r in rules.rules],
        [f.to_dict() for f in report.findings],
        report.explain(skipped=True),
    )


FACTS = _facts(_fresh(), {})
DAYS = st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS, DAYS)
def test_the_order_careful_code_is_first_asked_for_changes_nothing(
    facts: dict[str, Any], today: dt.date
) -> None:
    traces_first = _fresh()
    for r in reversed(traces_first.rules):  # every careful function, last rule first
        r.trace(facts, today=today)
    findings_first = _fresh()
    for f in findings_first.evaluate(facts, today=today).findings:
        f.to_dict()  # messages and fixes before any trace
    expected = _explained(_fresh(), facts, today)
    assert _explained(traces_first, facts, today) == expected
    assert _explained(findings_first, facts, today) == expected


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FACTS, DAYS)
def test_threads_asking_at_once_get_what_one_thread_gets(
    facts: dict[str, Any], today: dt.date
) -> None:
    expected = _explained(_fresh(), facts, today)
    rules = _fresh()
    start = threading.Barrier(6)
    got: list[Any] = []

    def work() -> None:
        start.wait()
        got.append(_explained(rules, facts, today))

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [expected] * 6


def test_a_trace_names_each_value_by_its_text() -> None:
    rules = compile_text(
        "fact visits: visit\nfact leads: lead\n"
        "rule converts\n  check leads / visits >= 2 % and visits > 10 visits\n"
    )
    trace = rules.rules[0].trace({"visits": 100.0, "leads": 1.0})  # false and: right unread
    assert dict(trace.values) == {
        "leads": "1 lead",
        "visits": "100 visits",
        "leads / visits": "1 %",
        "leads / visits >= 2 %": "false",
        "leads / visits >= 2 % and visits > 10 visits": "false",
    }
