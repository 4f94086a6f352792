"""Mutated exports of every preset: blank cells, duplicated rows, locale numbers, percents,
negatives, broken encodings, huge cells and deep JSON. Each import either fails with an
error naming the file and the line, or gives the totals the file holds, with a note for
every value left out: no foreign exception, no silent change.

The totals a mutated row should give come from the reader applied to that row alone (the
file cut down to its preamble, header and the one row): the full file's totals must be
the original's, less the row as it was, plus the row as it now is.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import math
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules.errors import GoalRulesError
from goalrules.io.exports import detect_preset, import_exports, presets
from goalrules.io.exports.rows import data_rows
from goalrules.io.exports.validate import number_columns
from tests import export_files as ef

D = dt.date
TODAY = D(2026, 11, 30)
SETTINGS = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# -- one sample file per preset (values drawn by Hypothesis) ----------------------------------

Maker = Callable[[Path, list[int]], Path]


def _v(vals: list[int], i: int) -> int:
    return vals[i % len(vals)]


def _days(n: int) -> list[D]:
    return [D(2026, 10, 1) + dt.timedelta(days=i) for i in range(n)]


MAKERS: dict[str, Maker] = {
    "ga4": lambda d, v: ef.ga4_report(d / "ga4.csv", [
        ("202601", "facebook / paid_social", _v(v, 0), _v(v, 1)),
        ("202601", "lnkd.in / referral", _v(v, 2), _v(v, 3)),
        ("202602", "t.co / referral", _v(v, 4), _v(v, 5))]),
    "ga4-api": lambda d, v: ef.write_csv(d / "api.csv", [
        ["yearMonth", "sessionSource", "sessionMedium", "sessions", "keyEvents"],
        ["202601", "linkedin", "paid_social", _v(v, 0), _v(v, 1)],
        ["202601", "google", "organic", _v(v, 2), _v(v, 3)]]),
    "ga4-bigquery": lambda d, v: ef.bigquery_events(d / "events.csv", [
        ("u1", "1", 1767607200000000, "session_start", "https://c.com/?gclid=x", "", ""),
        ("u1", "1", 1767607260000000, "generate_lead", "https://c.com/form", "", ""),
        ("u2", "7", 1767607300000000, "page_view", "https://c.com/", "https://t.co/a", "")]),
    "matomo": lambda d, v: ef.matomo_csv(d / "matomo.csv", [
        ("2026-01", "LinkedIn", _v(v, 0), _v(v, 1)), ("2026-02", "Facebook", _v(v, 2), _v(v, 3))]),
    "plausible": lambda d, v: ef.plausible_json(d / "plausible.json", [
        ("2026-01", "Facebook", _v(v, 0), _v(v, 1)), ("2026-01", "LinkedIn", _v(v, 2), _v(v, 3)),
        ("2026-02", "Facebook", _v(v, 4), _v(v, 5))]),
    "umami": lambda d, v: ef.umami_csv(d / "umami.csv", [
        ("v1", "2026-01-05 10:00:00", "/", "utm_source=linkedin&utm_medium=paid_social", "", ""),
        ("v1", "2026-01-05 10:01:00", "/signup", "", "", "signup"),
        ("v2", "2026-01-06 10:00:00", "/", "fbclid=abc", "m.facebook.com", "")]),
    "sessions": lambda d, v: ef.write_csv(d / "sessions.csv", [
        ["date", "landing_url", "referrer", "lead"],
        ["2026-01-03", "https://c.com/?utm_source=linkedin&utm_medium=cpc", "", "1"],
        ["2026-01-04", "https://c.com/?fbclid=1", "", "0"]]),
    "hubspot": lambda d, v: ef.hubspot_contacts(d / "hubspot-crm-exports-all-contacts.csv", [
        ("Paid social", "LinkedIn", "2026-01-05 10:00", "2026-02-10 09:30"),
        ("Organic social", "Twitter", "2026-02-04 10:00", "")]),
    "meta-page": lambda d, v: ef.meta_page(d / "Facebook follows.csv", "Facebook follows", [
        (f"2025-08-0{i + 1}T00:00:00", _v(v, i)) for i in range(4)]),
    "meta-content": lambda d, v: ef.meta_content(d / "posts.csv", [
        ("09/15/2026 18:00", "https://www.instagram.com/reel/a/", *[_v(v, i) for i in range(6)]),
        ("10/20/2026 09:00", "https://www.facebook.com/1/posts/2",
         *[_v(v, i + 3) for i in range(6)])]),
    "facebook-insights-posts": lambda d, v: ef.facebook_insights_posts(
        d / "Facebook Insights Data Export (Post Level) - C - 2019-12-01.csv",
        [("11/2/2019 9:00:00 AM", _v(v, 0), _v(v, 1)), ("12/1/2019 8:00:00 AM", _v(v, 2),
                                                         _v(v, 3))]),
    "linkedin-followers": lambda d, v: ef.write_csv(d / "campfire_followers.csv", [
        ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers",
         "Total followers"],
        *[[f"01/0{i + 1}/2026", 0, _v(v, i), 0, _v(v, i)] for i in range(3)]]),
    "linkedin-visitors": lambda d, v: ef.write_csv(d / "campfire_visitors.csv", [
        ["Date", "Total page views (desktop)", "Total page views (total)",
         "Total unique visitors (total)"],
        *[[f"01/0{i + 1}/2026", 1, _v(v, i), 1] for i in range(3)]]),
    "linkedin-content": lambda d, v: ef.write_csv(d / "campfire_content.csv", [
        ["Date", "Impressions (total)", "Clicks (total)", "Reactions (total)", "Comments (total)",
         "Reposts (total)"],
        *[[f"01/0{i + 1}/2026", *[_v(v, i + j) for j in range(5)]] for i in range(3)]]),
    "x-overview": lambda d, v: ef.x_overview(d / "account_overview_analytics.csv", [
        (day, _v(v, i), _v(v, i + 1), _v(v, i + 2), _v(v, i + 3))
        for i, day in enumerate(_days(4))]),
    "x-content": lambda d, v: ef.x_content(d / "account_content.csv", [
        ("Tue, Aug 25, 2026", _v(v, 0), _v(v, 1), _v(v, 2)),
        ("Wed, Sep 2, 2026", _v(v, 3), _v(v, 4), _v(v, 5))]),
    "youtube-chart": lambda d, v: ef.youtube_chart(d / "Chart data.csv", [
        (day, _v(v, i)) for i, day in enumerate(_days(4))]),
    "youtube-table": lambda d, v: ef.youtube_table(d / "Table data.csv", [
        ("a", "Sep 14, 2026", _v(v, 0), _v(v, 1), _v(v, 2)),
        ("b", "Oct 2, 2026", _v(v, 3), _v(v, 4), _v(v, 5))]),
    "tiktok-overview": lambda d, v: ef.tiktok_overview(d / "Overview.csv", [
        (day, *[_v(v, i + j) for j in range(5)]) for i, day in enumerate(_days(4))]),
    "tiktok-content": lambda d, v: ef.tiktok_content(d / "Content.csv", [  # a month a video
        (D(2026, 6 + i, 3), f"https://www.tiktok.com/@c/video/74{i}",
         *[_v(v, i + j) for j in range(4)]) for i in range(3)]),
    "tiktok-followers": lambda d, v: ef.tiktok_followers(d / "FollowerHistory.csv", [
        (day, 1000 + _v(v, i), _v(v, i + 1)) for i, day in enumerate(_days(4))]),
    "sprout": lambda d, v: ef.sprout(d / "Profile Performance.csv", [
        ("08/01/2026", "Instagram", _v(v, 0), _v(v, 1), _v(v, 2)),
        ("08/01/2026", "Twitter", _v(v, 3), _v(v, 4), _v(v, 5))]),
    "suite-network": lambda d, v: ef.suite_network(d / "buffer-linkedin-analytics.csv", [
        (f"2026-01-0{i + 1}", _v(v, i), _v(v, i + 1), _v(v, i + 2), 500 + _v(v, i))
        for i in range(3)]),
    "history": lambda d, v: ef.write_csv(d / "history.csv", [
        ["date", "channel", "metric", "value"],
        *[[f"2026-01-0{i + 1}", "linkedin", "followers", 1000 + _v(v, i)] for i in range(3)],
        ["2026-01-01", "x", "impressions", _v(v, 4)]]),
    "performance": lambda d, v: ef.write_csv(d / "performance.csv", [
        ["month", "channel", "visits", "leads", "customers"],
        ["2026-01", "linkedin", _v(v, 0) + 10, _v(v, 1), 0],
        ["2026-02", "linkedin", _v(v, 2) + 10, _v(v, 3), 1]]),
}  # fmt: skip


def test_every_preset_has_a_sample_here() -> None:
    assert set(MAKERS) == set(presets())


# -- reading a sample as lines, and writing it back ---------------------------------------------


def _encoding(raw: bytes) -> str:
    return "utf-16" if raw.startswith(codecs.BOM_UTF16_LE) else "utf-8"


def _lines(path: Path) -> tuple[list[str], str, str]:
    raw = path.read_bytes()
    enc = _encoding(raw)
    text = raw.decode(enc)
    newline = "\r\n" if "\r\n" in text else "\n"
    return text.split(newline), enc, newline


def _write(path: Path, lines: list[str], enc: str, newline: str) -> Path:
    text = newline.join(lines)
    path.write_bytes(
        codecs.BOM_UTF16_LE + text.encode("utf-16-le") if enc == "utf-16" else text.encode(enc)
    )
    return path


def _row_text(cells: list[Any], sep: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=sep, lineterminator="").writerow(cells)
    return out.getvalue()


def totals(result: Any) -> dict[tuple[Any, ...], float]:
    out: dict[tuple[Any, ...], float] = defaultdict(float)
    for r in result.history:
        out[(r.channel, r.metric)] += r.value
    for p in result.performance:
        for f in ("visits", "leads", "customers"):
            if getattr(p, f) is not None:  # customers not measured: no total to compare
                out[(p.channel, p.medium, f)] += getattr(p, f)
    return {k: round(v, 6) for k, v in out.items()}


def _imported(path: Path) -> tuple[Any, GoalRulesError | None]:
    try:
        return import_exports(path, today=TODAY), None
    except GoalRulesError as exc:
        return None, exc


def _names_file_and_line(exc: GoalRulesError, path: Path) -> None:
    assert exc.source is not None and Path(exc.source.split("[")[0]).name == path.name, exc
    assert exc.line is not None or exc.field is not None, exc


MUTATIONS = ("blank", "duplicate", "locale", "percent", "negative", "huge")
WHOLE = ("truncate", "append_utf8", "bom_latin1", "deep_json")


def _mutate_cell(kind: str, value: str) -> str:
    digits = "".join(c for c in value if c.isdigit()) or "0"
    n = int(digits)
    return {
        "blank": "",
        "locale": f"{(n + 1000) // 1000}.{(n + 1000) % 1000:03d}",  # German thousands
        "percent": f"{n}%",
        "negative": f"-{n + 1}",
        "huge": "9" * 200_000,
    }[kind]


def _sample(tmp: Path, preset: str, values: list[int]) -> Path:
    folder = tmp / f"{preset}-{len(list(tmp.iterdir()))}"
    folder.mkdir()
    return MAKERS[preset](folder, values)


def _check_row_mutation(path: Path, kind: str, pick: int, col_pick: int) -> None:
    original, error = _imported(path)
    assert error is None, error
    match = detect_preset(path)
    rows = list(data_rows(match))
    counts = [c for c, _, count in number_columns(match) if count]
    line, cells = rows[pick % len(rows)]
    lines, enc, newline = _lines(path)
    data_lines = {ln for ln, _ in rows}
    if kind == "duplicate":
        lines.insert(line, lines[line - 1])
        mutated = _write(path.with_name("m-" + path.name), lines, enc, newline)
        result, exc = _imported(mutated)
        if exc is not None:
            return _names_file_and_line(exc, mutated)
        if match.preset.id == "sessions":  # no row id: every row is a visit
            return
        assert totals(result) == totals(original)
        assert any("duplicate" in n for n in result.notes)
        return
    if not counts:
        return
    col = match.columns[counts[col_pick % len(counts)]]
    new = list(cells)
    new[col] = _mutate_cell(kind, str(cells[col]))
    lines_m = list(lines)
    lines_m[line - 1] = _row_text(new)
    mutated = _write(path.with_name("m-" + path.name), lines_m, enc, newline)
    result, exc = _imported(mutated)
    if kind in ("locale", "percent", "huge"):
        assert exc is not None, f"{kind}: {new[col][:20]!r} read without an error"
    if exc is not None:
        return _names_file_and_line(exc, mutated)
    # the oracle: the row alone, before and after
    keep = [i for i, _ in enumerate(lines, start=1) if i not in data_lines or i == line]
    before, e1 = _imported(_write(path.with_name("b-" + path.name),
                                  [lines[i - 1] for i in keep], enc, newline))  # fmt: skip
    after, e2 = _imported(_write(path.with_name("a-" + path.name),
                                 [lines_m[i - 1] for i in keep], enc, newline))  # fmt: skip
    assert e1 is None and e2 is None, (e1, e2)
    want: dict[tuple[Any, ...], float] = defaultdict(float, totals(original))
    for k, v in totals(before).items():
        want[k] -= v
    for k, v in totals(after).items():
        want[k] += v
    got = totals(result)
    assert all(math.isclose(got.get(k, 0.0), v, abs_tol=1e-6) for k, v in want.items()), (
        got, dict(want))  # fmt: skip
    assert set(got) <= set(want)
    if kind == "blank":  # a value left out, or read as unknown (customers), is said
        said = ("left out", "unknown, not 0")
        assert any(w in n for n in result.notes for w in said), result.notes


def _check_whole_mutation(path: Path, kind: str) -> None:
    raw = path.read_bytes()
    target = path.with_name("w-" + path.name)
    if kind == "deep_json":
        if path.suffix != ".json":
            return
        target.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    elif kind == "truncate":
        cut = len(raw) - 3 if _encoding(raw) == "utf-16" else None
        if cut is None:  # a UTF-8 file cut inside a character
            raw = raw.rstrip(b"\r\n") + ',"Caf\xc3\xa9"'.encode("latin-1")[:-1]
            target.write_bytes(raw)
        else:
            target.write_bytes(raw[: cut - (cut % 2 == 0)])
    elif kind == "append_utf8":
        if _encoding(raw) != "utf-16":
            return
        target.write_bytes(raw + b'"2025-08-09T00:00:00","7"\r\n')
    elif kind == "bom_latin1":
        if _encoding(raw) != "utf-8" or path.suffix == ".json":
            return
        target.write_bytes(codecs.BOM_UTF8 + raw.rstrip(b"\r\n") + "\r\nCafé".encode("latin-1"))
    result, exc = _imported(target)
    if kind == "truncate" and exc is None and _encoding(raw) == "utf-8":
        # a cell ending in a stray byte: read as Windows-1252, and said
        assert any("Windows-1252" in n for n in result.notes)
        return
    assert exc is not None, f"{kind} read without an error"
    assert exc.source is not None and Path(exc.source).name == target.name, exc


VALUES = st.lists(st.integers(0, 5000), min_size=6, max_size=6)


@SETTINGS
@given(st.sampled_from(sorted(MAKERS)), st.sampled_from(MUTATIONS), VALUES,
       st.integers(0, 10), st.integers(0, 10))  # fmt: skip
def test_a_mutated_cell_or_row_is_an_error_or_the_files_totals(
    tmp_path: Path, preset: str, kind: str, values: list[int], pick: int, col: int
) -> None:
    path = _sample(tmp_path, preset, values)
    if path.suffix == ".json":
        return _check_json(path, kind, pick)
    _check_row_mutation(path, kind, pick, col)


@SETTINGS
@given(st.sampled_from(sorted(MAKERS)), st.sampled_from(WHOLE), VALUES)
def test_a_broken_file_is_an_error_naming_it(
    tmp_path: Path, preset: str, kind: str, values: list[int]
) -> None:
    _check_whole_mutation(_sample(tmp_path, preset, values), kind)


def _check_json(path: Path, kind: str, pick: int) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    results = data["results"]
    i = pick % len(results)
    original = import_exports(path, today=TODAY)
    row = results[i]
    if kind == "duplicate":
        results.insert(i, json.loads(json.dumps(row)))
    else:
        value = {"blank": None, "locale": "60.234", "percent": "60%", "negative": -5,
                 "huge": "9" * 200_000}[kind]  # fmt: skip
        row["metrics"][pick % len(row["metrics"])] = value
    mutated = path.with_name("m-" + path.name)
    mutated.write_text(json.dumps(data), encoding="utf-8")
    result, exc = _imported(mutated)
    if kind in ("locale", "percent", "huge", "negative"):
        assert exc is not None
    if exc is not None:
        assert exc.source == str(mutated) and (exc.line or exc.field), exc
        return
    if kind == "duplicate":
        assert totals(result) == totals(original)
        assert any("duplicate" in n for n in result.notes)
    else:
        assert any("left out" in n for n in result.notes)
        assert sum(totals(result).values()) <= sum(totals(original).values())


def test_a_plausible_metrics_list_shorter_than_the_query_is_missing(tmp_path: Path) -> None:
    p = tmp_path / "plausible.json"
    p.write_text(json.dumps({
        "results": [{"dimensions": ["2026-01", "Facebook"], "metrics": [80]},
                    {"dimensions": ["2026-01", "X"], "metrics": [5, 1]}],
        "query": {"dimensions": ["time:month", "visit:source"], "metrics": ["visits", "events"],
                  "filters": [["is", "event:goal", ["Signup"]]]},
    }))  # fmt: skip
    r = import_exports(p)
    assert {(x.channel, x.visits, x.leads) for x in r.performance} == {("x", 5, 1)}
    assert any("left out" in n for n in r.notes)


@pytest.mark.parametrize("preset", ["ga4", "performance", "tiktok-overview", "meta-page"])
def test_a_header_only_file_imports_nothing_and_says_so(tmp_path: Path, preset: str) -> None:
    path = _sample(tmp_path, preset, [1, 2, 3, 4, 5, 6])
    match = detect_preset(path)
    lines, enc, newline = _lines(path)
    keep = lines[: match.header_line]
    header_only = _write(path.with_name("h-" + path.name), keep, enc, newline)
    r = import_exports(header_only, today=TODAY)
    assert not r.history and not r.performance
    assert any("no data rows" in n for n in r.notes)
