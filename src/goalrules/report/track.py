"""The track record (``goalrules review --track-record``) in text, markdown, JSON and
HTML (with a reliability chart: the chance given against how often it came true)."""

from __future__ import annotations

import html
import json

from goalrules.judgments.achievability_text import chance_percent
from goalrules.numbers import format_count, format_decimal
from goalrules.report.charts import _svg, charts_available, pyplot
from goalrules.report.markdown import _md_escape
from goalrules.reviews.track import Group, TrackRecord
from goalrules.visible import shown_as_written

__all__ = ["render_track_record"]


def _pct(x: float) -> str:
    """A chance or a hit rate in whole percent, never "0 %" or "100 %" for one that is
    neither ("under 1 %")."""
    return "-" if x != x else chance_percent(x, ())


def _brier(x: float) -> str:
    """A Brier score to three decimals in the locale's signs, never "0.000" (perfect)
    for one that is not."""
    if x != x:
        return "-"
    return f"under {format_decimal(0.001, 3)}" if 0 < x < 0.0005 else format_decimal(x, 3)


def _scale() -> str:
    """What a Brier score is measured against."""
    return f"0 is perfect; always 50 % scores {format_decimal(0.25, 3)}"


def _rows(groups: list[Group]) -> list[list[str]]:
    return [
        [
            g.name,
            format_count(g.forecasts),
            format_count(g.goals),
            format_count(g.hits),
            _pct(g.hit_rate),
            _pct(g.mean_probability),
            _brier(g.brier),
        ]
        for g in groups
    ]


HEAD = ["", "forecasts", "goals", "hits", "hit rate", "mean chance", "Brier"]


def _sections(record: TrackRecord) -> list[tuple[str, list[list[str]]]]:
    return [
        ("Reliability (chance given, by band)", _rows(record.reliability())),
        ("Hits per verdict", _rows(record.by("verdict"))),
        ("By network", _rows(record.by("network"))),
        ("By metric", _rows(record.by("metric"))),
    ]


def _text(record: TrackRecord) -> str:
    head = f"goalrules track record ({record.today.isoformat()})"
    out = [head, "=" * len(head), "", record.rests_on()]
    if record.brier is not None:
        out.append(f"Brier score: {_brier(record.brier)} ({_scale()})")
    for title, rows in _sections(record) if record.forecasts else []:
        out += ["", title]
        table = [HEAD, *rows]
        widths = [max(len(r[i]) for r in table) for i in range(len(HEAD))]
        for r in table:
            out.append(
                "  ".join(
                    c.ljust(w) if i == 0 else c.rjust(w)
                    for i, (c, w) in enumerate(zip(r, widths, strict=True))
                )
            )
    return "\n".join(out) + "\n"


def _markdown(record: TrackRecord) -> str:
    out = [f"# goalrules track record ({record.today.isoformat()})", "", record.rests_on()]
    if record.brier is not None:
        out += [
            "",
            f"Brier score: **{_brier(record.brier)}** ({_scale()}).",
        ]
    for title, rows in _sections(record) if record.forecasts else []:
        out += ["", f"## {title}", "", "| " + " | ".join(HEAD) + " |", "|" + "---|" * len(HEAD)]
        out += ["| " + " | ".join(_md_escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out) + "\n"


def _chart(record: TrackRecord) -> str | None:
    if not charts_available() or not record.forecasts:
        return None
    with pyplot() as plt:
        bands = record.reliability()
        fig, ax = plt.subplots(figsize=(4.5, 4.5))
        ax.plot([0, 100], [0, 100], linestyle="--", color="#9ca3af", label="perfectly calibrated")
        ax.scatter(
            [100 * g.mean_probability for g in bands],
            [100 * g.hit_rate for g in bands],
            s=[20 + 10 * g.forecasts for g in bands],
            color="#2563eb",
            label="forecasts (size: how many)",
        )
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 100)
        ax.set_xlabel("chance given, %", fontsize=8)
        ax.set_ylabel("how often it came true, %", fontsize=8)
        ax.set_title("Reliability", fontsize=10)
        ax.legend(fontsize=7, loc="upper left")
        ax.tick_params(labelsize=7)
        return _svg(fig)


def _html(record: TrackRecord) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>goalrules track record</title></head><body>",
        f"<h1>goalrules track record ({record.today.isoformat()})</h1>",
        f"<p>{html.escape(record.rests_on())}</p>",
    ]
    if record.brier is not None:
        parts.append(f"<p>Brier score: <strong>{_brier(record.brier)}</strong> ({_scale()}).</p>")
    chart = _chart(record)
    if chart:
        parts.append(f'<figure class="chart">{chart}</figure>')
    for title, rows in _sections(record) if record.forecasts else []:
        parts.append(f"<h2>{html.escape(title)}</h2><table><thead><tr>")
        parts += [f"<th>{html.escape(h)}</th>" for h in HEAD]
        parts.append("</tr></thead><tbody>")
        for r in rows:
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


@shown_as_written
def render_track_record(record: TrackRecord, fmt: str = "text") -> str:
    """The track record in ``text``, ``markdown``, ``json`` or ``html``."""
    if fmt == "json":
        return json.dumps(record.to_dict(), indent=2) + "\n"
    if fmt == "markdown":
        return _markdown(record)
    if fmt == "html":
        return _html(record)
    return _text(record)
