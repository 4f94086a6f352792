"""Ranges of amounts: "by 5-10%", "between 200 and 300 leads", two targets offered as
"10 or 20 percent", written as their lower bound for the target reader, with the range
kept for its note; "grow followers 4,000 to 6,000" is a change from the first to the
second, and "by March 15-20" days of a month, no range."""

from __future__ import annotations

import re

from goalrules.model.amounts import plain_number
from goalrules.patterns import LazyPattern

__all__ = ["find_ranges"]

_RANGE = LazyPattern(
    r"(?<![\w.,/\-])"  # nor a number inside a date ("06-30" of "2027-06-30")
    r"(?P<cur>¤(?:[A-Za-z]{3}|\?) ?|[$€£])?(?P<lo>\d[\d,]*(?:\.\d+)?)\s?(?P<u1>%|(?i:k|m|mn|bn)\b)?"
    r"\s?(?P<join>-|to|or|/)\s?(?P<cur2>¤(?:[A-Za-z]{3}|\?) ?|[$€£])?(?P<hi>\d[\d,]*(?:\.\d+)?)"
    r"(?!\d|[/.\-]\d)"  # a number of a date ("to 31/03/2027", "2027-06-30") is no bound
    r"(?P<u2>\s?%|\s?percent\b|(?i:k|m|mn|bn)\b)?"
)


# a verb of change and the words it changes, right before a number ("grow Instagram
# followers 4,000 to 6,000"; not "grow followers by 4,000 to 6,000", nor "reach 500 to 600")
_CHANGED = LazyPattern(
    r"\b(?:increas|grow|rais|boost|lift|improv|cut|reduc|lower|decreas|drop|shrink|bring|tak)"
    r"[a-z]*(?:\s+(?!(?:by|to|from|between|of|at|reach|hit|get)\b)[^\s\d$€£¤%]+){0,5}"
    r"(?:\s+of)?\s*$",  # ("increase revenue of $10,000 to $15,000": its level, then the aim)
    re.IGNORECASE,
)
_MONTH_BEFORE = LazyPattern(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.I
)
_POINTS_AFTER = LazyPattern(r"\s*(?:percentage\s+)?(?:points?|pp|bps|basis)\b", re.IGNORECASE)
_SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}


# "from" and whose level it names, right before a number ("from last year's 5,000 to
# 8,000" read as a range, 5,000 the target), or a bound of it ("from just over 1,200 to
# 2,000": read as a range, the level now the target)
_FROM_LEVEL = LazyPattern(
    r"\bfrom\s*(?:(?:our|the|its|their|current|today's|(?:this|last|previous|prior)\s+"
    r"(?:year|quarter|month|week)'s|a|an|just|a\s+little|slightly|well|over|under|above|below"
    r"|(?:more|less|fewer)\s+than)\s+)*$",
    re.I,
)


def find_ranges(text: str) -> tuple[str, list[tuple[float, float, str, int]]]:
    """``text`` with each range ("by 5-10%", "between 200 and 300 leads", two targets
    offered as "10 or 20 percent", "10%/20%") written as its lower bound, and the ranges:
    (low, high, words, where the lower bound now starts)."""
    found: list[tuple[float, float, str, int]] = []
    out: list[str] = []
    last = 0
    text = re.sub(  # "between 10 and 15 percent": 10-15 percent
        r"\bbetween ((?:[$€£]|¤(?:[A-Z]{3}|\?) )?\d[\d,.]*\s?(?:%|k\b)?) and (?=[$€£¤\d])",
        r"\1 - ",
        text,
    )
    for m in _RANGE.finditer(text):
        if (
            not any(m[k] for k in ("u1", "u2", "cur", "cur2"))
            and re.fullmatch(r"\d{1,2},?", m["hi"])  # (a comma after it ends the clause)
            and _MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start())
        ):
            continue  # "by March 15-20": days of a month, for the deadline to read
        if _FROM_LEVEL.search(text, max(0, m.start() - 48), m.start()):
            continue  # "from 4 to 6", "from last year's 5,000 to 8,000": a baseline, a target
        scales = [(m[k] or "").strip().lower() for k in ("u1", "u2")]
        if (
            all(not u or u in _SUFFIX_SCALES for u in scales)  # "by 5k to 15k": no range
            and (
                m["join"] == "/"
                or (m["join"] == "to" and re.search(r"\bby\s*$", text[: m.start()]))
            )
        ):
            continue  # "6/27" is no range; "by 500 to 2,000": a change and the level it reaches
        if m["u1"] == "%" and not (m["u2"] or "").strip().startswith(("%", "percent")):
            continue  # "by 50% to 1,500", "50% to 15k": a change, then the level it leads to
        if (
            m["join"] == "to"
            and not (m["u2"] and not m["u1"])  # "20 to 30 percent": a range of one unit
            and not _POINTS_AFTER.match(text, m.end())  # "2 to 3 points": a range of a change
            and _CHANGED.search(text, max(0, m.start() - 80), m.start())
        ):
            # "grow followers 4,000 to 6,000", "cut CPL $40 to $25": from the first to the
            # second (read as a range, its lower bound the target, before)
            out += [text[last : m.start()], f"from {m.group(0)}"]
            last = m.end()
            continue
        lo, hi = (float(m[k].replace(",", "")) for k in ("lo", "hi"))
        scale = _SUFFIX_SCALES.get((m["u2"] or m["u1"] or "").strip().lower(), 1)
        lo, hi = lo * scale, hi * scale  # "5-10k", "1-2M": the suffix is both numbers'
        if (
            re.fullmatch(r"(?:19|20)\d\d", m["lo"]) and re.fullmatch(r"(?:19|20)?\d\d", m["hi"])
        ) or not lo < hi:
            continue  # "2026-2027", "2026-27" (years) and "10-5" are no ranges
        unit = (m["u2"] or m["u1"] or "").strip()
        unit = "%" if unit in ("%", "percent") else ""
        cur = (m["cur"] or m["cur2"] or "").strip()
        lower = (
            f"{cur} {plain_number(lo)}{unit}".strip()
            if cur.startswith("¤")
            else f"{cur}{plain_number(lo)}{unit}"
        )
        out.append(text[last : m.start()])
        found.append((lo, hi, m.group(0).strip(), sum(map(len, out))))
        out.append(lower)
        last = m.end()
    out.append(text[last:])
    return "".join(out), found
