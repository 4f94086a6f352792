"""Times of day in a goal statement: "by 11:59pm PST on Dec 31", "by Dec 31 at 11:59 PM
EST", "by 23:59 on 31 December", "by midnight on December 31", "by 2026-06-30T23:59:00Z",
"(GMT+8)".

A goal is due on a day, and judged by the day's figures; the time it names changes no
day goalrules reads. Read as amounts, a time's numbers broke the deadline ("by 11:59pm
PST on Dec 31" had no deadline, with "11", "59pm" and "31" set aside as second numbers)
or the target ("Launch at 9am and hit 500 leads" read no target). A time of day, with
its time zone, is taken out of the text before it is read, with a note saying so.
"""

from __future__ import annotations

import re

from goalrules.patterns import LazyPattern

__all__ = ["drop_clock_times"]

# a time zone after a time ("PST", "UTC+8", "GMT+08:00", "Z" after an ISO time)
_ZONE = (
    r"(?:(?:utc|gmt)(?:\s?[+-]\s?\d{1,2}(?::?\d{2})?)?|[ecmp][sd]t|bst|cet|cest|eet|eest|wet"
    r"|sgt|myt|pht|pst|hkt|jst|ist|aest|aedt|awst|acst|nzst|nzdt|wib|wita|wit|ast|gst|msk)"
)
_AM_PM = r"(?:a\.?m\b\.?|p\.?m\b\.?)"
# ("@ 9am"; Tagalog "alas" is read so: its "at" is "and")
_LEAD = r"(?:\b(?:at|by|before|until|till|no\s+later\s+than)|@)"
_DAY_END = (
    r"(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day|close\s+of\s+business"
    r"|end\s+of\s+business|eod|eob|cob)\b"
)
_HM = r"(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)"
_CLOCK = LazyPattern(
    # an ISO date and time: the date is kept
    r"(?<=\d)T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b"
    # "by 23:59", "at 11:59 PM EST" (led to), "11:59pm", "23:59 UTC" (marked as a time);
    # "to 1:30" is no time ("cut response time to 1:30")
    rf"|{_LEAD}\s*(?<![\d:.,/]){_HM}(?:\s?{_AM_PM})?(?:\s+{_ZONE}\b)?"
    rf"|(?<![\d:.,/]){_HM}(?:\s?{_AM_PM}(?:\s+{_ZONE}\b)?|\s+{_ZONE}\b)"
    # "23:59", "00:00": an hour no ratio or duration is written with (not "16:9", "1:30")
    r"|(?<![\d:.,/])(?:1[3-9]|2[0-3]|00):[0-5]\d(?::[0-5]\d)?(?![\d:])"
    # "9am", "5 p.m.", "12pm PST" (an hour of 1 to 12, with am or pm)
    rf"|(?:{_LEAD}\s*)?(?<![\d:.,/$€£¥₱¤])\b(?:1[0-2]|0?[1-9])\s?{_AM_PM}(?:\s+{_ZONE}\b)?"
    # "by midnight", "at noon"
    rf"|{_LEAD}\s+(?:midnight|noon|midday)(?:\s+{_ZONE}\b)?"
    # "by end of day June 30", "by COB June 30", "by EOD Friday": the day's end
    rf"|{_LEAD}\s+{_DAY_END}(?:\s+{_ZONE}\b)?"
    # a time zone alone in brackets: "(GMT+8)", "(UTC)"
    rf"|\(\s*{_ZONE}\s*\)",
    re.I,
)
# what every time holds (a text without one is not searched with the whole pattern)
_ANY_CLOCK = LazyPattern(
    rf"\d:\d|\d\s?{_AM_PM}|\b(?:midnight|noon|midday)\b|\(\s*{_ZONE}\s*\)|\b{_DAY_END}", re.I
)
# what is left around a time taken out: "by  on Dec 31" is "by Dec 31"
_ON_AFTER = LazyPattern(r"\s*\bon\b", re.I)


def drop_clock_times(text: str) -> tuple[str, list[str]]:
    """``text`` with its times of day (and their time zones) taken out, and a note for
    each: a goal's deadline is a day."""
    if _ANY_CLOCK.search(text) is None:
        return text, []
    notes: list[str] = []
    out: list[str] = []
    last = 0
    for m in _CLOCK.finditer(text):
        said = m.group(0).strip()
        lead = re.match(rf"{_LEAD}\s*", said, re.I)
        time = said[lead.end() :] if lead else said
        kept = lead.group(0) if lead and said.lower()[:2] not in ("at", "@") else ""
        end = m.end()
        on = _ON_AFTER.match(text, end)
        if on is not None and kept:  # "by 11:59pm on Dec 31": by Dec 31
            end = on.end()
        out += [text[last : m.start()], kept or (" " if not time.startswith("T") else "")]
        last = end
        what = "a time zone" if time.startswith("(") else "a time of day"
        notes.append(
            f'"{time}" is {what}: a goal is due on a day, judged by its figures, so it is not '
            "read (neither as a number nor as part of the deadline)"
        )
    if not notes:
        return text, []
    out.append(text[last:])
    return re.sub(r"[ \t]{2,}", " ", "".join(out)).strip(), notes
