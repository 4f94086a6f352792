"""Parts of a number as marketers write them: a fraction character ("2½k", "$1½M",
"by ½", "by ⅓"), a share of a percentage point ("half a percentage point", "one
percentage point", "a quarter of a point") and a multiple as a factor ("by a factor of
3").

Each was read wrongly or not at all: "Grow followers to 2½k" read a target of 2
followers and "$1½M" one of $1 (the fraction dropped, the scale with it); "Increase CTR by
half a percentage point" read +50 % (the "half" alone); "by one percentage point" read no
target; "Grow leads by a factor of 3" read a target of 3 leads; "by ½" no target. Each
is written here as the reader reads it elsewhere: "2.5k", "$1.5M", "by half", "by a
third", "by 0.5 percentage points", "by 1 percentage point", "by 3x".
"""

from __future__ import annotations

import re
import unicodedata

from goalrules.model.amounts import plain_number
from goalrules.patterns import LazyPattern

__all__ = ["read_fraction_words"]

_VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
# "1½", "2 ½k": a whole number and a fraction of one (its value, to the digits written)
_ANY_VULGAR = LazyPattern(f"[{_VULGAR}]")
_AFTER_DIGITS = LazyPattern(rf"(?<![\d.,])(\d+)[ \u00a0]?([{_VULGAR}])")
# "by ½", "by ⅓": a fraction alone, as the words say it ("by half" is +50 %, "by a third"
# +33 %); one with no such words is left as written, and not read
_ALONE = LazyPattern(rf"(?<![\w.,])([{_VULGAR}])(?!\d)")
_ALONE_WORDS = {
    "½": "half", "⅓": "a third", "⅔": "two thirds", "¼": "a quarter",
    "¾": "three quarters", "⅕": "a fifth", "⅒": "a tenth",
}  # fmt: skip
_SHARE = {
    "half": 0.5, "a half": 0.5, "a quarter": 0.25, "one quarter": 0.25,
    "three quarters": 0.75, "a third": 1 / 3, "a tenth": 0.1, "a": 1.0, "an": 1.0,
    "one": 1.0, "one and a half": 1.5, "a point and a half": 1.5,
}  # fmt: skip
# "half a percentage point", "a quarter of a point", "one percentage point", "one and a
# half percentage points", "half percentage points" (as the packs give Malay "setengah
# mata peratusan": it read +50 %); "a point" or "one point" only after "by" ("by a
# point"), never "at one point"
_POINTS = LazyPattern(
    r"\b(?:(half|a\s+half|a\s+quarter|one\s+quarter|three\s+quarters|a\s+third|a\s+tenth)"
    r"\s+(?:of\s+)?(?:an?\s+)?(?=percentage|pp\b)|(half|a\s+quarter|three\s+quarters)"
    r"\s+(?:of\s+)?an?\s+(?=points?\b)|(one\s+and\s+a\s+half)\s+|(?<=\bby\s)(an?|one)\s+"
    r"|(one)\s+)"
    r"(percentage[\s-]points?|pp|points?)\b",
    re.IGNORECASE,
)
# "half a dollar", "a quarter of an hour", "half hour" (as the packs give Arabic "نصف
# ساعة", Greek "μισή ώρα", Malay "setengah ringgit"): a share of one unit of money or time,
# not of the level ("reduce response time to half an hour" read x0.5; the English no target)
_OF_A_UNIT = LazyPattern(
    r"\b(half|a\s+half|a\s+quarter|three\s+quarters)\s+(?:of\s+)?(?:an?\s+)?"
    r"(?=(?:hours?|hrs?|minutes?|mins?|dollars?|euros?|pounds?|ringgit|pesos?|riyals?"
    r"|dirhams?|dinars?|rupees?|(?-i:[A-Z]{3}))\b)",
    re.IGNORECASE,
)


def _spaced(words: str) -> str:
    return re.sub(r"\s+", " ", words.lower())


_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "twenty": 20, "hundred": 100}  # fmt: skip
# "by a factor of 3", "by a factor of three": a multiple ("by 3x")
_FACTOR = LazyPattern(
    rf"\bby\s+a\s+factor\s+of\s+(\d+(?:\.\d+)?|{'|'.join(_SMALL)})\b", re.IGNORECASE
)


def _points(m: re.Match[str]) -> str:
    share = next(g for g in m.groups()[:5] if g is not None)
    unit = m[6].lower()
    if m[5] is not None and not unit.startswith("percentage"):
        return m.group(0)  # "one point" not after "by": "at one point" is no amount
    value = _SHARE[re.sub(r"\s+", " ", share.lower())]
    unit = "percentage points" if unit.startswith("percentage") else unit.rstrip("s") + "s"
    return f"{plain_number(round(value, 6))} {'pp' if unit == 'pps' else unit}"


def read_fraction_words(text: str) -> str:
    """``text`` with fraction characters, shares of a percentage point and factors
    written as the statement reader reads them (see the module)."""
    if _ANY_VULGAR.search(text):
        text = _AFTER_DIGITS.sub(
            lambda m: plain_number(round(int(m[1]) + unicodedata.numeric(m[2]), 6)), text
        )
        text = _ALONE.sub(lambda m: _ALONE_WORDS.get(m[1], m[1]), text)
    low = text.lower()
    if "point" in low or "pp" in low:
        text = _POINTS.sub(_points, text)
    if "half" in low or "quarter" in low:
        text = _OF_A_UNIT.sub(lambda m: f"{plain_number(_SHARE[_spaced(m[1])])} ", text)
    if "factor" not in low:
        return text
    return _FACTOR.sub(
        lambda m: f"by {_SMALL.get(m[1].lower(), m[1])}x",
        text,
    )
