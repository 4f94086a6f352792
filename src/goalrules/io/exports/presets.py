"""Export presets: one declarative description per tool's export, shipped as package
data (``presets.toml``) and extendable by plugins (the ``goalrules_sources`` hook).

A preset names the columns that identify the export, where its header is (the first of
the first rows that holds them: preambles, title lines and note rows are skipped), its
date column and forms, where the channel comes from, and which columns are which
metric. :func:`detect` picks the preset for a file from its content (and its name where
the export's own name is distinctive); a file no preset matches is an error naming the
closest one and what differs.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from goalrules import plugins
from goalrules.errors import DataError, PluginError, listed
from goalrules.io.cells import DIRECTION_MARKS

if TYPE_CHECKING:  # the readers' module: not loaded for a run on goalrules' own files
    from goalrules.io.exports.raw import Sheet

HEADER_SEARCH = 12  # rows searched for the header


class NoPresetError(DataError):
    """No preset reads the file; ``closest`` is the preset that came nearest."""

    def __init__(self, message: str, *, closest: str, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.closest = closest


_UNSEEN = str.maketrans(dict.fromkeys("\ufeff" + DIRECTION_MARKS))


def norm(name: Any) -> str:
    """A column name as compared: lower case, spaces collapsed, quotes, a byte-order
    mark and the direction marks of a right-to-left text removed."""
    text = str(name).translate(_UNSEEN).strip().strip('"').strip()
    return re.sub(r"\s+", " ", text).lower()


@attrs.frozen
class MetricSpec:
    """How one metric is read from a preset's columns."""

    metric: str
    column: tuple[str, ...] = ()
    sum: tuple[str, ...] = ()
    minus: tuple[str, ...] = ()
    gains_of: str | None = None
    optional: bool = False
    gains_of_title: Mapping[str, str] = attrs.field(factory=dict)
    # a column of ``sum`` that another one already counts (Meta's likes are among its
    # reactions): part -> the columns that include it
    within: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    # the parts a sum cannot do without, each a group of alternative names (in every
    # language the export comes in): a file with none of a group's names has that part
    # under a name goalrules does not know, so the sum of the others would be too small
    need: tuple[tuple[str, ...], ...] = ()
    # the gains are followers gained, not net of those lost (LinkedIn's new followers,
    # Meta's follows: the export has no unfollows)
    gross: bool = False

    def columns(self) -> tuple[str, ...]:
        return (*self.column, *self.sum, *self.minus)


@attrs.frozen
class Preset:
    """One export layout (see ``presets.toml`` for the fields)."""

    id: str
    title: str
    output: str
    require: tuple[str, ...] = ()
    any: tuple[tuple[str, ...], ...] = ()
    names: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()
    date: Mapping[str, Any] = attrs.field(factory=dict)
    channel: Mapping[str, Any] = attrs.field(factory=dict)
    medium: tuple[str, ...] = ()
    grain: str = "daily"
    totals: tuple[str, ...] = ()
    metrics: tuple[MetricSpec, ...] = ()
    fields: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    title_metric: Mapping[str, str] = attrs.field(factory=dict)
    title_channel: Mapping[str, str] = attrs.field(factory=dict)
    name_required: bool = False  # columns too generic: only by the export's own file name
    skip: int = 0  # rows right under the header that are not data (a row of descriptions)
    decimal: str | None = None  # "," or ".": how the tool writes numbers, when it says
    # the export lists only the days with a value (Meta's "Facebook follows"): a day it
    # leaves out had no gain; otherwise it lists every day, and a day without a row is
    # unknown (a gap between two files, a row deleted)
    sparse: bool = False
    # columns the export never has: a file with one is another export (a chart by day
    # holds a "Date" column that a table of videos over the whole period never has)
    absent: tuple[str, ...] = ()
    # columns that make the file a part of the channel's figures (a chart split by
    # video holds only the videos drawn in it): such a file is an error saying why
    partial: tuple[str, ...] = ()
    partial_why: str = ""
    # the channel column's values that name the row a tool adds for the rows past a
    # report's limit (Matomo's "Others"): the channel "(other)", as GA4 names it
    other: tuple[str, ...] = ()
    # dimensions written as numbers (GA4's Hour, Day, Nth day): rows that differ in one
    # are parts of a day's (a month's) figure, added up, as rows that differ in a text
    # dimension are (a number elsewhere is a metric: two such rows contradict)
    parts: tuple[str, ...] = ()
    # what the tool writes in a cell that holds no value (HubSpot's reports: "(No
    # value)"): read as an empty cell, never as a value (a date, a source named so)
    blank: tuple[str, ...] = ()

    @property
    def date_columns(self) -> tuple[str, ...]:
        return tuple(norm(c) for c in self.date.get("columns", ()))

    @property
    def date_forms(self) -> tuple[str, ...]:
        return tuple(self.date.get("forms", ("iso",)))


_OUTPUTS = (
    "history",
    "performance",
    "contacts",
    "sessions",
    "events",
    "own-history",
    "own-performance",
)


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (norm(value),)
    return tuple(norm(v) for v in value)


def preset_from_dict(data: Mapping[str, Any], *, source: str = "<preset>") -> Preset:
    """A preset from its TOML table (or a plugin's mapping)."""
    try:
        pid = str(data["id"])
        output = str(data["output"])
    except KeyError as exc:
        raise PluginError(f"{source}: a preset needs {exc.args[0]!r}") from None
    if output not in _OUTPUTS:
        raise PluginError(f"{source}: preset {pid!r}: output must be one of {', '.join(_OUTPUTS)}")
    metrics = tuple(
        MetricSpec(
            metric=str(m["metric"]),
            column=_strings(m.get("column")),
            sum=_strings(m.get("sum")),
            minus=_strings(m.get("minus")),
            gains_of=m.get("gains_of"),
            optional=bool(m.get("optional", False)),
            gains_of_title=dict(m.get("gains_of_title", {})),
            within={norm(k): _strings(v) for k, v in dict(m.get("within", {})).items()},
            need=tuple(_strings(group) for group in m.get("need", ())),
            gross=bool(m.get("gross", False)),
        )
        for m in data.get("metric", ())
    )
    channel = dict(data.get("channel", {}))
    if "column" in channel:
        channel["column"] = _strings(channel["column"])
    if "type" in channel:
        channel["type"] = _strings(channel["type"])
    return Preset(
        id=pid,
        title=str(data.get("title", pid)),
        output=output,
        require=_strings(data.get("require")),
        any=tuple(_strings(group) for group in data.get("any", ())),
        names=tuple(str(n) for n in data.get("names", ())),
        sheets=_strings(data.get("sheets")),
        date=dict(data.get("date", {})),
        channel=channel,
        medium=_strings(data.get("medium")),
        grain=str(data.get("grain", "daily")),
        totals=_strings(data.get("totals")),
        metrics=metrics,
        fields={k: _strings(v) for k, v in dict(data.get("fields", {})).items()},
        title_metric={norm(k): v for k, v in dict(data.get("title_metric", {})).items()},
        title_channel={norm(k): v for k, v in dict(data.get("title_channel", {})).items()},
        name_required=bool(data.get("name_required", False)),
        skip=int(data.get("skip", 0)),
        decimal=_decimal(data.get("decimal"), pid, source),
        sparse=bool(data.get("sparse", False)),
        absent=_strings(data.get("absent")),
        partial=_strings(dict(data.get("partial", {})).get("columns")),
        partial_why=str(dict(data.get("partial", {})).get("why", "")),
        other=_strings(data.get("other")),
        parts=_strings(data.get("parts")),
        blank=_strings(data.get("blank")),
    )


def _decimal(value: Any, pid: str, source: str) -> str | None:
    if value is None:
        return None
    if value in (",", "."):
        return str(value)
    raise PluginError(f"{source}: preset {pid!r}: decimal must be ',' or '.', not {value!r}")


def _from_toml(text: str, source: str) -> list[Preset]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PluginError(f"{source}: not valid TOML: {exc}") from None
    return [preset_from_dict(p, source=source) for p in data.get("preset", ())]


@functools.cache
def presets() -> dict[str, Preset]:
    """Every preset by id: goalrules' own, then the plugins' (a plugin's preset with a
    shipped id replaces it)."""
    text = resources.files("goalrules.io.exports").joinpath("presets.toml").read_text("utf-8")
    found = {p.id: p for p in _from_toml(text, "presets.toml")}
    for item in plugins.collect("goalrules_sources"):
        if isinstance(item, Preset):
            extra = [item]
        elif isinstance(item, Mapping):
            extra = [preset_from_dict(item, source="a goalrules_sources plugin")]
        elif isinstance(item, Path) or (
            isinstance(item, str) and "\n" not in item and item.endswith(".toml")
        ):
            extra = _from_toml(Path(item).read_text("utf-8"), str(item))
        elif isinstance(item, str):
            extra = _from_toml(item, "a goalrules_sources plugin")
        else:
            raise PluginError(f"a goalrules_sources plugin returned {type(item).__name__}")
        for p in extra:
            found[p.id] = p
    return found


plugins.on_reset(presets.cache_clear)


# -- matching -----------------------------------------------------------------------------


@attrs.frozen
class Match:
    """Where a preset finds its columns in a sheet."""

    preset: Preset
    sheet: Sheet
    header_index: int  # position of the header in sheet.rows
    columns: Mapping[str, int]  # normalised name -> position
    missing: tuple[str, ...] = ()  # what a near miss lacks
    score: float = 0.0

    @property
    def header_line(self) -> int:
        return self.sheet.rows[self.header_index][0]

    def find(self, names: Sequence[str]) -> str | None:
        """The first of ``names`` the header has."""
        return next((n for n in names if n in self.columns), None)

    def title(self) -> str:
        """The text of the line above the header, when there is one (Meta's metric name)."""
        for _, cells in reversed(self.sheet.rows[: self.header_index]):
            text = " ".join(str(c) for c in cells if str(c).strip())
            if text:
                return norm(text)
        return ""


#: the metric types dlt's Google Analytics source adds to a metric's name
#: (``sessions_INTEGER``, written ``sessions_integer``): GA4's MetricType names
_LOADER_TYPES = re.compile(
    r"_(?:integer|float|seconds|milliseconds|minutes|hours|standard|currency|feet|miles"
    r"|meters|kilometers)$"
)


def _spellings(name: str) -> tuple[str, ...]:
    """The names a loader's snake_case column may stand for: ``session_default_channel_group``
    is the export's "session default channel group" and the Data API's
    ``sessionDefaultChannelGroup``; dlt's ``key_events_integer`` is ``keyEvents``."""
    if "_" not in name:
        return ()
    out = []
    for base in dict.fromkeys((name, _LOADER_TYPES.sub("", name))):
        out += [base, base.replace("_", " "), base.replace("_", "")]
    return tuple(dict.fromkeys(out))


def _names(preset: Preset) -> frozenset[str]:
    """Every column name ``preset`` looks for."""
    wanted = set(preset.require) | {g for group in preset.any for g in group}
    wanted |= {c for m in preset.metrics for c in m.columns()}
    wanted |= {c for cols in preset.fields.values() for c in cols}
    wanted |= {*preset.date_columns, *preset.partial, *preset.medium, *preset.absent}
    wanted |= set(preset.channel.get("column", ())) | set(preset.channel.get("type", ()))
    return frozenset(wanted)


def _headers(
    sheet: Sheet, tables: Sequence[tuple[int, tuple[Any, ...]]] = ()
) -> list[tuple[int, list[str]]]:
    """The rows a header may be in, as :func:`norm` writes their names: ``sheet``'s first
    rows and the headers of its later ``tables`` (a GA4 Reports snapshot's cards), read
    once for every preset matched against them."""
    top = [(i, cells) for i, (_, cells) in enumerate(sheet.rows[:HEADER_SEARCH])]
    return [(i, [norm(c) for c in cells]) for i, cells in [*top, *tables]]


def _match(
    preset: Preset,
    sheet: Sheet,
    tables: Sequence[tuple[int, tuple[Any, ...]]] = (),
    headers: list[tuple[int, list[str]]] | None = None,
) -> Match:
    """The best header position for ``preset`` in ``sheet`` (a near miss lists what it
    lacks): among its first rows, and the headers of its later ``tables`` (``headers``:
    those rows as :func:`_headers` gives them)."""
    best: Match | None = None
    looked_for = _names(preset)
    for i, names in headers if headers is not None else _headers(sheet, tables):
        columns: dict[str, int] = {}
        for pos, n in enumerate(names):
            # a loader's snake_case name, read as the name the preset knows (dlt's GA4
            # tables), when the name as written is none the preset looks for
            if n and n not in looked_for:
                n = next((s for s in _spellings(n) if s in looked_for), n)
            if n:
                columns.setdefault(n, pos)
        if not columns:
            continue
        missing = [c for c in preset.require if c not in columns]
        missing += [
            " or ".join(repr(g) for g in group[:3])
            for group in preset.any
            if not any(g in columns for g in group)
        ]
        missing += [f"no {c!r} column" for c in preset.absent if c in columns]
        wanted = set(preset.require) | {g for group in preset.any for g in group}
        wanted |= {c for m in preset.metrics for c in m.columns()}
        wanted |= {c for cols in preset.fields.values() for c in cols}
        known = sum(1 for n in columns if n in wanted)
        total = len(preset.require) + len(preset.any)
        # a full match scores the evidence it rests on (more required columns: a more
        # specific preset); a near miss the share of it found
        score = (total if not missing else (total - len(missing)) / max(total, 1)) + known / 100
        if best is None or score > best.score:
            best = Match(preset, sheet, i, columns, tuple(missing), score)
    if best is None:
        return Match(preset, sheet, 0, {}, ("a header",), 0.0)
    return best


def _name_bonus(preset: Preset, sheet: Sheet) -> float:
    name = sheet.name.lower()
    bonus = 0.0
    if any(re.search(p, name) for p in preset.names):
        bonus += 0.5
    if sheet.sheet is not None and norm(sheet.sheet) in preset.sheets:
        bonus += 0.5
    return bonus


def candidates(sheets: Sequence[Sheet], wanted: str | None = None) -> list[Match]:
    """Every (preset, sheet) pairing, best first; full matches before near misses."""
    table = presets()
    if wanted is not None and wanted != "auto":
        if wanted not in table:
            from goalrules.errors import UnknownNameError

            raise UnknownNameError("preset", wanted, sorted(table))
        chosen = [table[wanted]]
    else:
        chosen = list(table.values())
    from goalrules.io.exports.blocks import table_headers

    out = []
    for sheet in sheets:
        tables = table_headers(sheet)
        headers = _headers(sheet, tables)
        for p in chosen:
            m = _match(p, sheet, tables, headers)
            bonus = _name_bonus(p, sheet)
            if p.name_required and not bonus and wanted in (None, "auto") and not m.missing:
                shown = " or ".join(repr(n.strip("^$").replace("\\", "")) for n in p.names[:2])
                m = attrs.evolve(m, missing=(f"a file named like {shown}",), score=m.score / 10)
            out.append(attrs.evolve(m, score=m.score + bonus * (not m.missing)))
    return sorted(out, key=lambda m: (bool(m.missing), -m.score))


def detect(sheets: Sequence[Sheet], wanted: str | None = None) -> Match:
    """The preset to read ``sheets`` with (the best full match over every sheet), or an
    error naming the closest preset and what differs."""
    found = candidates(sheets, wanted)
    full = [m for m in found if not m.missing]
    if full:
        return full[0]
    source = sheets[0].source if sheets else "<input>"
    if not found:
        raise DataError("no rows to read", source=source)
    near = max(found, key=lambda m: m.score)
    header = [str(c) for c in near.sheet.rows[near.header_index][1]] if near.sheet.rows else []
    shown = listed(h for h in header if h)
    from goalrules.io.exports.blocks import table_headers

    tables = table_headers(near.sheet)
    if tables:
        raise NoPresetError(
            f"a file of {len(tables) + 1} tables, each under its own '#' lines (a GA4 "
            "Reports snapshot: one table a card), and none is one goalrules reads (sessions "
            "by source / medium or by channel group); export Reports > Acquisition > "
            "Traffic acquisition (add the dimension Year month) > Share > Download CSV "
            "instead",
            source=near.sheet.source,
            closest=near.preset.id,
        )
    raise NoPresetError(
        f"no export preset matches; the closest is {near.preset.id!r} ({near.preset.title}), "
        f"which needs {', '.join(near.missing)} (the header is: {shown})",
        source=near.sheet.source,
        line=near.header_line if near.sheet.rows else None,
        closest=near.preset.id,
    )
