"""A book's decisions written a slice at a time (and in worker processes) read exactly as
the plain path writes them: every list of rows built, then ``json.dumps`` or the lines
joined; the quick formatting paths agree with the general ones they stand for."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pl = pytest.importorskip("polars")

from goalrules.cli import main  # noqa: E402
from goalrules.dsl.display import format_value, value_formatter  # noqa: E402
from goalrules.dsl.runtime import DQ  # noqa: E402
from goalrules.dsl.types import Type  # noqa: E402
from goalrules.numbers import _english, _general, format_percent  # noqa: E402
from goalrules.report import book as book_module  # noqa: E402
from goalrules.report import render_book  # noqa: E402
from goalrules.report.book import write_book  # noqa: E402
from goalrules.report.text import _wrap  # noqa: E402
from goalrules.scale.batch import book_decisions, decide_channels_table  # noqa: E402
from tests.books import row_path_decision  # noqa: E402

from .test_batch import CHANNELS, book  # noqa: E402

# -- the plain path: every row built first, then written whole -----------------------------


def plain_rows(decided: Any) -> list[dict[str, Any]]:
    return [
        {"account": a, "channel": d.channel, "decision": d.decision.value, "rule": d.rule,
         "reasons": list(d.reasons)}
        for a, d in book_decisions(decided)
    ]  # fmt: skip


def plain(decided: Any, fmt: str) -> str:
    rows = plain_rows(decided)
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["decision"]] = counts.get(r["decision"], 0) + 1
    accounts = len({r["account"] for r in rows})
    summary = (
        f"{accounts:,} account{'s' if accounts != 1 else ''}, {len(rows):,} "
        f"channel{'s' if len(rows) != 1 else ''}: "
        + ", ".join(f"{name} {n:,}" for name, n in sorted(counts.items()))
        + "; each account's judged channels are its portfolio"
    )
    if fmt == "markdown":
        esc = lambda t: t.replace("|", "\\|").replace("\n", " ")  # noqa: E731
        table = ["| account | channel | decision | why |", "|---|---|---|---|"]
        table += [f"| {esc(str(r['account']))} | {esc(r['channel'])} | **{r['decision']}** | "
                  f"{esc('; '.join(r['reasons']))} |" for r in rows]  # fmt: skip
        return f"# Channels by account\n\n{summary}\n\n" + "\n".join(table) + "\n"
    lines = [summary, ""]
    for r in rows:
        lines.append(f"{r['account']!s:<16} {r['channel']:<12} {r['decision'].upper()}")
        for reason in r["reasons"]:
            lines += _wrap(reason, "      ", "  - ")  # textwrap, a " %" held to its number
    return "\n".join(lines) + "\n"


def decided_book(seed: int, accounts: int, months: int, cents: bool) -> Any:
    rows = book(seed, accounts, months, unknown=0.3 if seed % 4 == 0 else 0.0)
    rng = random.Random(seed)
    if cents:
        for r in rows:
            if r["spend"] is not None:
                r["spend"] = round(rng.uniform(0, 900), 2)
    if not rows:
        return None
    return decide_channels_table(
        pl.DataFrame(rows, strict=False), channels=CHANNELS, all_sources=seed % 3 == 0
    )


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 12), st.integers(1, 14), st.booleans(),
       st.integers(1, 7))  # fmt: skip
def test_a_book_streamed_in_slices_reads_as_the_plain_path(
    seed: int, accounts: int, months: int, cents: bool, size: int
) -> None:
    decided = decided_book(seed, accounts, months, cents)
    if decided is None:
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(book_module, "_SLICE", size)  # slices that cut through accounts
        for fmt in ("json", "text", "markdown"):
            out = io.StringIO()
            write_book(decided, fmt, out)
            assert out.getvalue() == plain(decided, fmt), fmt
            assert render_book(decided, fmt) == out.getvalue()


@pytest.mark.parametrize("fmt", ["json", "text", "markdown"])
def test_worker_processes_write_the_same_bytes(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    decided = decided_book(17, 30, 9, True)
    monkeypatch.setattr(book_module, "_SLICE", 7)
    monkeypatch.setattr(book_module, "_FEWEST", 1)
    one, two = io.StringIO(), io.StringIO()
    write_book(decided, fmt, one)
    write_book(decided, fmt, two, jobs=2)
    assert two.getvalue() == one.getvalue() == plain(decided, fmt)


def test_a_large_book_by_default_uses_a_process_a_core(monkeypatch: pytest.MonkeyPatch) -> None:
    decided = decided_book(17, 30, 9, True)
    monkeypatch.setattr(book_module, "_SLICE", 7)
    monkeypatch.setattr(book_module, "_FEWEST", 1)
    asked: list[int] = []
    real = book_module.workers
    monkeypatch.setattr(book_module, "workers", lambda jobs: asked.append(jobs) or real(jobs))
    for large, expected in ((decided.height + 1, 1), (decided.height, 0)):
        monkeypatch.setattr(book_module, "LARGE_BOOK", large)
        out = io.StringIO()
        write_book(decided, "json", out, jobs=None)
        assert asked[-1] == expected  # 0: one a core
        assert out.getvalue() == plain(decided, "json")


def test_a_slice_that_fails_in_a_worker_is_worded_again_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    decided = decided_book(5, 20, 6, False)
    monkeypatch.setattr(book_module, "_SLICE", 5)
    monkeypatch.setattr(book_module, "_FEWEST", 1)
    parent, plain_json = os.getpid(), book_module._json_row

    def fails_in_a_worker(row: dict[str, Any]) -> str:
        if os.getpid() != parent:
            raise RuntimeError("a worker's failure")
        return plain_json(row)

    monkeypatch.setitem(book_module._WRITERS, "json", fails_in_a_worker)
    out = io.StringIO()
    write_book(decided, "json", out, jobs=2)
    assert out.getvalue() == plain(decided, "json")


def test_an_empty_book_writes_an_empty_list_and_a_zero_summary() -> None:
    decided = decided_book(3, 2, 4, False).head(0)
    for fmt in ("json", "text", "markdown"):
        assert render_book(decided, fmt) == plain(decided, fmt)
    assert render_book(decided, "json") == "[]\n"


def test_html_is_not_written_a_slice_at_a_time() -> None:
    with pytest.raises(ValueError, match="html"):
        write_book(decided_book(3, 2, 4, False), "html", io.StringIO())


def test_the_command_line_writes_a_book_alike_with_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = book(23, 25, 8)
    path = tmp_path / "book.csv"
    pl.DataFrame(rows).write_csv(path)
    monkeypatch.setattr(book_module, "_SLICE", 9)
    monkeypatch.setattr(book_module, "_FEWEST", 1)
    decided = decide_channels_table(pl.read_csv(path, try_parse_dates=True))
    for fmt in ("json", "text", "markdown", "html"):
        texts = []
        for jobs in ("1", "2"):
            out = io.StringIO()
            assert main(["channels", str(path), "--format", fmt, "--jobs", jobs], out=out) == 0
            texts.append(out.getvalue())
            target = tmp_path / f"out-{jobs}.{fmt}"
            code = main(["channels", str(path), "--format", fmt, "--jobs", jobs,
                         "--output", str(target)])  # fmt: skip
            assert code == 0
            texts.append(target.read_text(encoding="utf-8"))
        if fmt != "html":  # (the page carries today's date: compared among its runs)
            texts.append(plain(decided, fmt))
        assert len(set(texts)) == 1, fmt


# -- the quick formatting paths ---------------------------------------------------------

finite = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12)
numbers = st.one_of(
    finite,
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e-3, max_value=1e-3),
    st.integers(-(10**9), 10**9),
    st.sampled_from([0.0, -0.0, 0.00049, -0.00049, 0.9995, 1.0, -0.04, 12.05, 99.95]),
)


@given(numbers, st.integers(0, 6))
def test_english_numbers_are_the_general_paths(value: float, places: int) -> None:
    assert _english(value, places) == _general(value, places, "en", 0)


@given(numbers, st.integers(-1, 4), st.booleans())
def test_english_percentages_are_the_general_paths(value: float, digits: int, signed: bool) -> None:
    text = _general(value * 100, max(0, digits), "en", 0) if value == value else "n/a"
    if value == value and signed and not text.startswith(("-", "\u200e-", "−")):
        text = "+" + text
    want = text if value != value else "n/a"
    if value == value:
        want = f"{text} %"
    assert format_percent(value, digits=digits, signed=signed) == want


TYPES = [
    Type("quantity", (), display="%"),
    Type("quantity", (), display="percent"),
    Type("quantity", ()),
    Type("quantity", (("[lead]", 1),)),
    Type("quantity", (("[currency_USD]", 1),)),
    Type("quantity", (("[currency_USD]", 1), ("[lead]", -1))),
    Type("quantity", (("[time]", 1),)),
    Type("quantity", None),
    Type("text"),
    Type("bool"),
    Type("date"),
    Type("any"),
    None,
]

values = st.one_of(
    numbers,
    st.none(),
    st.booleans(),
    st.text(max_size=8),
    st.dates(),
    st.builds(DQ, finite, st.sampled_from([(), (("[lead]", 1),), (("[time]", 1),)])),
    st.lists(finite, max_size=3).map(tuple),
)


@given(st.sampled_from(TYPES), values)
def test_a_formatter_chosen_once_writes_as_format_value(typ: Type | None, value: Any) -> None:
    try:
        want = format_value(value, typ)
    except Exception as exc:  # a value the type cannot show fails alike
        with pytest.raises(type(exc)):
            value_formatter(typ)(value)
        return
    assert value_formatter(typ)(value) == want


def test_rule_messages_render_as_the_parts_format_their_values() -> None:
    """Each shipped channel rule's message, on a book's facts, is its template with each
    part's value through ``format_value`` (the formatter chosen once changes no word),
    its percentages all given more decimals when two different ones would read the same
    (or a value that is not 0 would read "0 %")."""
    from goalrules.numbers import format_percent

    decided = decided_book(41, 12, 10, True)
    seen = 0
    for _, d in book_decisions(decided):
        assert d.ruling is not None
        for rule in d.ruling.ruleset.rules:
            for kind in ("says", "pass", "fail"):
                parts = rule._templates.get(kind)
                if parts is None:
                    assert rule.render(kind, d.ruling.facts, None) is None
                    continue
                want = []
                percents: dict[int, float] = {}
                for part in parts:
                    if isinstance(part, str):
                        want.append(part)
                        continue
                    try:
                        value = part.fn(d.ruling.facts, None, None)
                        want.append(format_value(value, part.type))
                    except Exception:
                        want.append("unknown")
                        continue
                    typ = part.type
                    percent = typ is not None and typ.dim == () and typ.display in ("%", "percent")
                    if percent and isinstance(value, float):
                        percents[len(want) - 1] = value
                for digits in range(2, 9):
                    sizes = {abs(v) for v in percents.values()}
                    zero = any(v and want[i].lstrip("+-") == "0 %" for i, v in percents.items())
                    if len({want[i].lstrip("+-") for i in percents}) == len(sizes) and not zero:
                        break
                    for i, v in percents.items():
                        want[i] = format_percent(v, digits=digits)
                assert rule.render(kind, d.ruling.facts, None) == "".join(want)
                seen += 1
    assert seen > 100


def test_the_first_and_last_rows_of_a_slice_keep_their_account() -> None:
    decided = decided_book(8, 9, 6, False)
    accounts = decided.get_column("account").to_list()
    rows = list(book_module.book_rows(decided, today=dt.date(2030, 1, 1)))
    assert [r["account"] for r in rows] == accounts


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 6), st.integers(2, 12))
def test_a_book_with_months_in_two_rows_in_any_order_reads_as_its_accounts(
    seed: int, accounts: int, months: int
) -> None:
    """Rows of one channel and month given twice, each its own campaign (and the rows in
    any order): the table sums them as one account's rows do, and words each decision
    alike. (The same channel and month twice with no campaign to tell them apart is an
    error: see test_batch.)"""

    rng = random.Random(seed)
    rows = [r for r in book(seed, accounts, months) if r["visits"] or not r["leads"]]
    if not rows:
        return
    twice = [dict(r) for r in rng.sample(rows, max(1, len(rows) // 3))]
    for r in twice:
        r["visits"] = rng.randint(1, 500)
        r["leads"] = rng.randint(0, min(5, r["visits"]))  # (a quality note is the row path's)
        r["customers"], r["spend"] = 0, rng.choice([None, rng.randint(0, 90)])
        r["campaign"] = "spring"
    rows = [{"campaign": None, **r} for r in rows] + twice
    rng.shuffle(rows)
    table = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    pairs = book_decisions(table)
    assert [a for a, _ in pairs] == sorted(a for a, _ in pairs)
    for account, d in pairs:
        one = row_path_decision(rows, account, d.channel, CHANNELS)
        assert (d.decision, d.rule, d.reasons) == (one.decision, one.rule, one.reasons)


@given(st.fixed_dictionaries({
    "account": st.text(max_size=6), "channel": st.text(max_size=6),
    "decision": st.sampled_from(["keep", "cut"]), "rule": st.none() | st.text(max_size=6),
    "reasons": st.lists(st.text(max_size=12), max_size=3),
}))  # fmt: skip
def test_a_json_row_is_json_dumps_of_it_in_a_list(row: dict[str, Any]) -> None:
    whole = json.dumps([row, row], indent=2)
    assert whole == "[\n  " + (book_module._json_row(row) * 2)[4:] + "\n]"


def test_workers_never_call_into_polars(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked process must not use polars (its thread pool is not forked with it): the
    workers read the columns as lists taken before the fork."""
    decided = decided_book(29, 20, 6, True)
    parent, marker = os.getpid(), tmp_path / "polars-in-a-worker"

    def watched(name: str) -> Any:
        plain_method = getattr(pl.DataFrame, name)

        def method(self: Any, *args: Any, **kwargs: Any) -> Any:
            if os.getpid() != parent:
                marker.write_text(name)
            return plain_method(self, *args, **kwargs)

        return method

    for name in ("slice", "get_column", "iter_rows", "row", "rows"):
        monkeypatch.setattr(pl.DataFrame, name, watched(name))
    monkeypatch.setattr(book_module, "_SLICE", 6)
    monkeypatch.setattr(book_module, "_FEWEST", 1)
    out = io.StringIO()
    write_book(decided, "text", out, jobs=2)
    assert not marker.exists()
    assert out.getvalue() == plain(decided, "text")


words = st.text(alphabet=st.sampled_from("abcé%.-,()'"), min_size=1, max_size=12)
spaces = st.sampled_from([" ", " ", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "\u2028", "\r"])


@st.composite
def reasons(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(words, spaces), max_size=40))
    long_word = draw(st.sampled_from(["", "x" * 74, "y" * 75, "z" * 90]))
    text = "".join(w + s for w, s in parts) + long_word
    return draw(st.sampled_from([text, text.strip(), " " + text, text.strip() + " "]))


@settings(max_examples=300)
@given(reasons() | st.text(max_size=200))
def test_a_reason_is_wrapped_as_textwrap_wraps_it(reason: str) -> None:
    from goalrules.report.text import _wrap

    assert book_module._reason_lines(reason) == _wrap(reason, "      ", "  - ")


@settings(max_examples=5, deadline=None)
@given(st.integers(0, 10**6), st.integers(1, 10), st.integers(1, 14))
def test_trends_taken_in_two_threads_are_the_trends_taken_in_one(
    seed: int, accounts: int, months: int
) -> None:
    from goalrules.scale import book_measures

    rows = book(seed, accounts, months)
    if not rows:
        return
    one = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(book_measures, "_SIDE_BY_SIDE", 1)
        two = decide_channels_table(pl.DataFrame(rows), channels=CHANNELS)
    assert two.equals(one)


@settings(max_examples=100)
@given(st.lists(st.sampled_from(["lead", "rate", "3.3 %", "95 % CI", "vs", "2.5 %-3.3 %"]),
                min_size=1, max_size=60))  # fmt: skip
def test_a_percent_sign_stays_with_its_number(parts: list[str]) -> None:
    from goalrules.report.text import _wrap

    reason = " ".join(parts)
    for lines in (_wrap(reason, "      ", "  - "), book_module._reason_lines(reason)):
        assert not any(line.lstrip(" -").startswith("%") for line in lines), lines
        assert " ".join(line.lstrip(" -") for line in lines) == reason  # nothing lost
