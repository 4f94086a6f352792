"""Dates of the Hijri (Islamic) calendar in a goal statement: "by the end of 1448 AH",
Arabic "بحلول نهاية عام 1448 هـ", Malay "menjelang 1 Syawal 1448H", "by Ramadan".

goalrules reads Gregorian dates only. A Hijri year read as a number, or not at all,
made confident wrong answers: "by the end of year 1448 AH" was due at the end of this
Gregorian year (the year's number set aside as a second amount), "by the end of 1448 H"
read a target of 1,448 followers, and Malay "menjelang Syawal" gave no deadline and no
note. A Hijri date is not converted either: a Hijri month begins with the new moon as
sighted, so a day computed from the arithmetic calendar may be a day or two off. The
phrase is found whole (with the words that lead it: "by the end of year"), its numbers
are no amount, and the goal has no deadline, with a note saying why.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from goalrules.patterns import LazyPattern

__all__ = ["HijriDate", "find_hijri"]

# the months of the Hijri calendar, as English, Malay and the Arabic pack's English
# write them ("Rabi' al-Awwal", "Rabiulawal", "Jamadilakhir", "Zulhijjah", "Dhul Hijjah")
_AL = r"(?:[\s-]?(?:a[lr]|ul|u|el)[\s-]?)?"
_MONTH = (
    r"muharr?am|safar"
    rf"|rabi'?{_AL}(?:awwal|awal|aw+al|thani|th[aā]n[iī]|akhir|akhar|akhirah)"
    rf"|jumad[ae]{_AL}(?:ula|oula|awwal|awal|ukhra|akhirah|akhir|thani|thaniyah)"
    rf"|jamadil{_AL}(?:awal|akhir)|jamadilawal|jamadilakhir"
    r"|rajab|rejab|sha'?aban|sha'?ban|sya'?aban|sya'?ban|ramadh?an|ramzan|ramazan"
    r"|shaww?al|syaww?al"
    rf"|dhu{_AL}q[ai]'?dah|dhul[\s-]?q[ai]'?dah|zulkaedah|zulkaidah|zulqaedah|zulqa'?dah"
    rf"|dhu{_AL}hijj?ah|dhul[\s-]?hijj?ah|zulhijj?ah"
)
# a year marked as the Hijri calendar's: "1448 AH", "AH 1448", "1448 Hijri", "1448
# Hijrah"; a bare "H" (Malay "1448H") only where a date is led to ("by 1448H", "year
# 1448 H", after a month): "1400 h of watch time" counts hours
_MARK = r"(?:a\.?\s?h\.?|hijri(?:ah|yah)?|hijrah)"
_YEAR = rf"(?:1[3-5]\d\d\s?{_MARK}(?![\w.])|a\.?h\.?\s?1[3-5]\d\d\b)"
_H_YEAR = r"1[3-5]\d\d\s?h\b\.?"
# a day of a Hijri month, the month, and its year: "1 Syawal 1448H", "Ramadan 1448"
_DATED = (
    rf"(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:{_MONTH})\b"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s?h\b))?"
    rf"(?:,?\s+(?:{_YEAR}|{_H_YEAR}|1[3-5]\d\d\b(?![\d.,])))?"
)
# "year 1448" (Arabic "عام 1448"): a year no Gregorian goal is due in
_YEAR_WORD = r"(?:(?:the\s+)?(?:year|yr)\s+(?:of\s+)?)"
_BARE_YEAR = rf"{_YEAR_WORD}1[3-5]\d\d\b(?![\d.,]?\d)(?!\s*[^\W\d_])"
# the words that lead the date: "by the end of (the year)", "before", "during", "in"
_LEAD_WORD = (
    r"(?:by|before|until|till|through|thru|during|in|within|no\s+later\s+than|ahead\s+of"
    r"|in\s+time\s+for)\s+"
)
_PART = (
    r"(?:the\s+)?(?:very\s+)?(?:end|start|beginning|middle|mid|close|first\s+day|last\s+day)"
    r"\s+of\s+(?:the\s+)?"
)
_LEAD = rf"(?:{_LEAD_WORD})?(?:{_PART})?(?:the\s+)?(?:month\s+(?:of\s+)?)?"
_H_LEAD = rf"(?:(?:by|before|until|till|no\s+later\s+than)\s+(?:{_PART})?|{_PART})"
HIJRI_DATE = LazyPattern(
    rf"\b(?:{_LEAD}(?:{_DATED}|{_YEAR_WORD}?{_YEAR}|{_BARE_YEAR})"
    rf"|(?:{_LEAD_WORD})?(?:{_PART})?{_YEAR_WORD}{_H_YEAR}|{_H_LEAD}{_H_YEAR})",
    re.I,
)


class HijriDate(NamedTuple):
    """A Hijri date found in a statement: its span and its words."""

    start: int
    end: int
    words: str

    @property
    def note(self) -> str:
        """Why the date gives no deadline."""
        return (
            f'"{self.words}" is a date of the Hijri calendar, which goalrules does not '
            "convert (a month begins with the new moon as sighted, so a converted day could "
            "be off): it is not read as the deadline; write the Gregorian date the goal is "
            "due, e.g. 'by 2027-06-30'"
        )


# what every Hijri date holds: a month's name or a year's number (a text without one is
# not searched with the whole pattern, whose optional leading words make it slow)
_ANCHOR = LazyPattern(rf"\b(?:{_MONTH})\b|(?<!\d)1[3-5]\d\d(?!\d)", re.I)


def find_hijri(text: str) -> HijriDate | None:
    """The first Hijri date of ``text`` (with the words that lead it), or ``None``."""
    anchor = _ANCHOR.search(text)
    if anchor is None:
        return None
    m = HIJRI_DATE.search(text, max(0, anchor.start() - 80))
    if m is None:
        return None
    words = m.group(0).rstrip(" ,")
    return HijriDate(m.start(), m.start() + len(words), words)
