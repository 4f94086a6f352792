"""Amounts in plain text: the numbers a goal statement gives, with what qualifies them.

A marketer writes "$20k", "twelve hundred", "2 million a month", "+500 followers",
"3x", "5-fold", "10 percent", "2 percentage points", "half a million". This module
reads those forms in general (number words, scale suffixes, currencies, percents,
multiples, the noun that follows and a period such as "a month"), so the statement
reader can decide what each amount is for.

>>> [(a.value, a.currency, a.per) for a in find_amounts("drive $5,000 a month in revenue")]
[(5000.0, 'USD', 'month')]
>>> normalize_numbers("twelve hundred new followers and half a million views")
'1200 new followers and 500000 views'
"""

from __future__ import annotations

import re

import attrs

from goalrules.patterns import LazyPattern
from goalrules.units import COUNT_UNITS

_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
    "crore": 10_000_000, "crores": 10_000_000,
}  # fmt: skip
_SUFFIX = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}
_CURRENCY = {
    "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR", "eur": "EUR",
    "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP",
}  # fmt: skip
PERIODS = {
    "day": "day", "days": "day", "daily": "day", "week": "week", "wk": "week",
    "weekly": "week", "month": "month", "mo": "month", "monthly": "month",
    "quarter": "quarter", "quarterly": "quarter", "year": "year", "yr": "year",
    "yearly": "year", "annually": "year", "annual": "year",
}  # fmt: skip

_WORD = "|".join(sorted([*_SMALL, *_SCALES], key=len, reverse=True))
_WORD_RUN = LazyPattern(
    rf"\b(?:(?:(?:a|an|one)\s+)?(?:quarter|half)\s+(?:of\s+)?(?:a\s+|an\s+)?(?=million|billion)"
    rf"|half\s+(?:of\s+)?(?:an?\s+)?(?=million|billion|thousand)"
    rf"|an?\s+(?=hundred|thousand|million|billion))?"
    rf"(?:(?:{_WORD})(?:[\s-]+(?:and\s+)?(?:{_WORD}))*)\b",
    re.IGNORECASE,
)
#: "tenfold", "threefold": a multiple in one word ("10-fold")
_FOLDS = {**_SMALL, "hundred": 100}
_FOLD_WORD = LazyPattern(rf"\b({'|'.join(_FOLDS)})fold\b", re.IGNORECASE)
#: what stands for a number that is not read (no pattern of an amount matches it; the
#: language packs mark "10,000" in Greek the same way)
UNREAD = "\u2047"
_DIGITS_THEN_SCALE = LazyPattern(
    r"(?<![\w.])(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion|lakhs?|lacs?|crores?)\b",
    re.IGNORECASE,
)
# two numbers before one scale word: "1-2 million", "1 to 2 million", "1 or 2 million"
_SCALED_PAIR = LazyPattern(
    r"(?<![\w.,])(\d+(?:\.\d+)?)(\s*(?:-|\u2013|to|or|and)\s*)(\d+(?:\.\d+)?)\s+"
    r"(hundred|thousand|million|billion|lakhs?|lacs?|crores?)\b",
    re.IGNORECASE,
)
# "two and a half million", "2 and a half thousand": 2,500,000 and 2,500 (read as 2 and
# a half million, or 2 and "a 500", before)
# ("twelve and a half percent", "one and a half times": 12.5 %, x1.5; they read 12 % and
# no target)
_AND_A_HALF = LazyPattern(
    rf"(?<![\w.,])(\d+|(?:{_WORD})(?:[\s-]+(?:{_WORD}))*)\s+and\s+(?:an?\s+)?half\s+"
    r"(hundred|thousand|million|billion|lakhs?|lacs?|crores?|percent|per\s?cent|times)\b",
    re.IGNORECASE,
)
# "a million and a half", "two thousand and half" (as the Welsh pack gives "dwy fil a
# hanner"): 1,500,000 and 2,500 (read 1,000,000 and 2,000)
# (a scale with no number, after a verb of aiming: "reach million and a half views", as
# Arabic writes "مليون ونصف" with no article, read 1,000,000)
_AIMING = (
    "reach", "get", "hit", "to", "achieve", "attain", "gain", "generate", "drive",
    "attract", "earn", "exceed", "surpass", "cross", "collect", "gather", "add", "win",
)  # fmt: skip
_AFTER_AIMING = "|".join(f"(?<=\\b{verb} )" for verb in _AIMING)
_SCALE_AND_A_HALF = LazyPattern(
    rf"(?:(?<![\w.,])(an?|\d+|(?:{_WORD})(?:[\s-]+(?:{_WORD}))*?)\s+|{_AFTER_AIMING})"
    r"(thousand|million|billion)"
    r"\s+and\s+(?:an?\s+)?half\b(?!\s+(?:of|the|our|a|an)\b)",
    re.IGNORECASE,
)
# "12 1/2 %", "2 3/4 million": a whole number and a fraction (read as a range "1-2 %"
# with 12 left over, before)
_MIXED = LazyPattern(r"(?<![\w.,/])(\d+)[ \t]+([13])/([24])(?![\d/])")
# "1e6", "2.5E3": a number in scientific notation (an exponent past 12 is no goal's)
_SCIENTIFIC = LazyPattern(r"(?<![\w.])(\d+(?:\.\d+)?)[eE]\+?(\d{1,3})\b")


_UNIT = r"(day|week|month|quarter|year)"
# ("year and half" as the Welsh, Malay and Arabic packs give "a hanner", "setengah", "ونصف")
_AND_A_HALF_AFTER = LazyPattern(
    rf"\b(?:(an?|one|\d+)\s+)?{_UNIT}s?\s+and\s+(?:an?\s+)?half\b", re.I
)
_AND_A_HALF_BEFORE = LazyPattern(
    rf"(?<![\d.,])(\d+|one)\s+and\s+(?:an?\s+)?half\s+({_UNIT}s?)\b", re.I
)


def _whole(word: str | None) -> float:
    return 1.0 if word is None or word.lower() in ("a", "an", "one") else float(word)


def _joins(group: list[int], value: int) -> bool:
    """Whether small number ``value`` adds to the ``group`` before it as one number: a
    unit after a ten ("twenty five") or a ten after a unit ("five and twenty", as Arabic
    orders them), never "two ten" or "ten five"."""
    if len(group) != 1:
        return False
    first = group[0]
    tens = (first >= 20 and first % 10 == 0, value >= 20 and value % 10 == 0)
    return (tens[0] and 1 <= value <= 9) or (tens[1] and 1 <= first <= 9)


def _words_value(words: str) -> float | None:
    """The value of a run of number words ("twelve hundred", "half a million")."""
    low = words.lower().replace("-", " ")
    fraction = 1.0
    m = re.match(r"(?:(?:a|an|one)\s+)?(quarter|half)\s+(?:of\s+)?(?:an?\s+)?", low)
    if m:
        fraction = 0.25 if m[1] == "quarter" else 0.5
        low = low[m.end() :]
    low = re.sub(r"^an?\s+", "one ", low)
    total, current = 0.0, 0.0
    seen = False
    group: list[int] = []  # the small numbers since the last hundred or scale
    for token in low.split():
        if token == "and":
            continue
        if token in _SMALL:
            if group and not _joins(group, _SMALL[token]):
                return None  # "two ten five" (as a pack left Welsh "dau ddeg pump"): no sum
            group.append(_SMALL[token])
            current += _SMALL[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            group = []
            seen = True
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0.0
            group = []
            seen = True
        else:
            return None
    if not seen:
        return None
    return (total + current) * fraction


def plain_number(value: float) -> str:
    """A number as a statement's notes and targets write it: 1200, 1.5, 1234567.89 (to
    15 significant digits, what a float holds: six, as ``:g`` gives, read 76,096.48 as
    76096.5 and $1,234,567.89 as 1.23457e+06)."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.15g}"
    return f"{value:.15f}".rstrip("0").rstrip(".") if "e" in text else text


def _spelled(value: float) -> str:
    """A number written in words, in digits: grouped when it would read as a year
    ("two thousand" is 2,000 followers, never the year 2000)."""
    text = plain_number(value)
    return f"{int(value):,}" if re.fullmatch(r"(?:19|20|21)\d\d", text) else text


def normalize_numbers(text: str) -> str:
    """``text`` with number words and spelled-out scales written as plain numbers
    ("twelve hundred" -> "1200", "1.5 million" -> "1500000", "a million" -> "1000000").
    A lone "a", "an" or "one" is kept ("a month", "one of our goals")."""

    def words(m: re.Match[str]) -> str:
        found = m.group(0)
        low = found.lower().strip()
        if low in ("one", "a", "an"):
            return found
        value = _words_value(found)
        return found if value is None else _spelled(value)

    def scientific(m: re.Match[str]) -> str:
        if int(m[2]) > 12:
            return UNREAD * len(m.group(0))  # no number: not read as one
        return plain_number(round(float(m[1]) * 10 ** int(m[2]), 6))

    def and_a_half(m: re.Match[str]) -> str:
        whole = float(m[1]) if m[1][0].isdigit() else _words_value(m[1])
        if whole is None:
            return m.group(0)
        word = m[2].lower()
        if word not in _SCALES:  # percent, times
            return f"{plain_number(whole + 0.5)} {m[2]}"
        return _spelled((whole + 0.5) * _SCALES[word])

    def mixed(m: re.Match[str]) -> str:
        if (m[2], m[3]) not in (("1", "2"), ("1", "4"), ("3", "4")):
            return m.group(0)
        return plain_number(int(m[1]) + int(m[2]) / int(m[3]))

    def scale_and_a_half(m: re.Match[str]) -> str:
        whole = (
            1.0
            if m[1] is None or m[1].lower() in ("a", "an", "one")
            else (float(m[1]) if m[1][0].isdigit() else _words_value(m[1]))
        )
        if whole is None:
            return m.group(0)
        return _spelled((whole + 0.5) * _SCALES[m[2].lower()])

    text = _SCIENTIFIC.sub(scientific, text)
    text = _MIXED.sub(mixed, text)
    text = _SCALE_AND_A_HALF.sub(scale_and_a_half, text)
    text = _AND_A_HALF.sub(and_a_half, text)
    text = _FOLD_WORD.sub(lambda m: f"{_FOLDS[m[1].lower()]}-fold", text)
    text = _SCALED_PAIR.sub(_scaled_pair, text)
    text = _DIGITS_THEN_SCALE.sub(lambda m: _spelled(float(m[1]) * _SCALES[m[2].lower()]), text)
    text = _WORD_RUN.sub(words, text)
    # "a year and a half", "two and a half months": 1.5 years, 2.5 months (read as a year,
    # or not at all, before)
    text = _AND_A_HALF_AFTER.sub(lambda m: f"{_whole(m[1]) + 0.5:g} {m[2]}s", text)
    return _AND_A_HALF_BEFORE.sub(lambda m: f"{_whole(m[1]) + 0.5:g} {m[2].rstrip('s')}s", text)


def _scaled_pair(m: re.Match[str]) -> str:
    """ "1-2 million", "between 1 and 2 million": the scale is both numbers' (a first
    number as large as the second is its own: "from 500 to 2 million")."""
    lo, hi = float(m[1]), float(m[3])
    if not lo < hi:
        return m.group(0)
    scale = _SCALES[m[4].lower()]
    return f"{_spelled(lo * scale)}{m[2]}{_spelled(hi * scale)}"


# Numbers grouped otherwise than English groups them, read before anything else:
# "1,50,000" (India's lakh grouping: 150,000), "10 000" (digits grouped by spaces, as in
# SI style: 10,000), and a comma that no English grouping writes ("1,5", "2,5 %",
# "3,50": a decimal comma; 1.5 or 1,500 is not a guess, so no number is read)
_LAKH_GROUPED = LazyPattern(r"(?<![\d.,])\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d]|[.,]\d)")
_SPACE_GROUPED = LazyPattern(
    r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d]|[.,]\d|[ \u00a0\u202f]\d)"
)
_DECIMAL_COMMA = LazyPattern(  # ("0,800": no thousand begins with 0; it read 800)
    r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})*,(?:\d{1,2}|\d{4,})|0\d{0,2}(?:,\d{3})+)(?![\d])"
    r"(?:\s?(?:hundred|thousand|million|billion|lakhs?|lacs?|crores?|k|mm|mn|m|bn|b)\b)?",
    re.IGNORECASE,
)

# a scale written short: "1.5 mln", "2 mio", "3 bn" with a space, "3 grand", "2 thou" (a
# number then a word no pattern of an amount knows read a bare 1.5 before); "mil" is a
# million in English and a thousand in Spanish, Welsh and Tagalog, so it is not read;
# a suffix set apart from its number ("3 K", "2 M") is the suffix
_SHORT_SCALES = {
    "mln": "million", "mio": "million", "mill": "million", "bln": "billion",
    "bil": "billion", "thou": "thousand", "grand": "thousand",
}  # fmt: skip
_SCALE_SHORT = LazyPattern(
    rf"(?<![\w.,])(\d+(?:\.\d+)?)\s?({'|'.join(_SHORT_SCALES)})\b\.?", re.IGNORECASE
)
# "1'000'000" (as Swiss German writes a million), "1_000_000" (as code does): a million
# (read as 1 before)
_APOSTROPHE_GROUPED = LazyPattern(
    r"(?<![\d.,'’_])\d{1,3}(?:['’_]\d{3})+(?:\.\d+)?(?![\d'’_]|[.,]\d)"
)
# a scale after a word that is no number ("reach dalawampung thousand followers", as a
# pack leaves a number word it does not know: read as 1,000 before)
_UNKNOWN_SCALE = LazyPattern(
    rf"(?<![\w.,])(?:(?:\d[\d,.]*|{_WORD})\s+)?(?!(?:{_WORD}|an?|one|the|half|quarter|of|and|by|{'|'.join(_AIMING)}|over"
    # a verb of aiming, as "reach" is ("achieve million views", as Arabic writes "a
    # million" with no article: it was not read)
    r"|reaching|hitting|achieving|gaining|generating|getting"
    r"|under|about|than|some|several|many|few|tens|hundreds|thousands|millions|of)\b)"
    r"([^\W\d_]+)\s+(hundred|thousand|million|billion)\b"
    # the number words after it are the same number's ("Στόχος hundred thousand": it read
    # 1,000, the "thousand" left)
    rf"(?:[\s-]+(?:and\s+)?(?:{_WORD})\b)*",
    re.IGNORECASE,
)
_MIL = LazyPattern(r"(?<![\w.,])(\d+(?:\.\d+)?)\s?mils?\b\.?", re.IGNORECASE)
_SPACED_SUFFIX = LazyPattern(r"(?<![\w.,])(\d+(?:\.\d+)?)[ \t](k|K|M|MM|mn|bn|B)\b(?![.,]?\d)")


def regroup_numbers(text: str) -> tuple[str, list[str]]:
    """``text`` with numbers grouped as English groups them, and a note for each one
    rewritten or left unread: "1,50,000" becomes "150,000", "10 000" "10,000"; "1,5"
    (a decimal comma) is replaced by :data:`UNREAD` marks, so that no amount is read
    from it."""
    notes: list[str] = []

    def regrouped(m: re.Match[str], how: str) -> str:
        written = m.group(0)
        whole, _, decimals = re.sub(r"[,\s\u202f'’_]", "", written).partition(".")
        english = f"{int(whole):,}" + (f".{decimals}" if decimals else "")
        notes.append(f'read "{written}" ({how}) as {english}')
        return english

    def unread(m: re.Match[str]) -> str:
        written = m.group(0)
        number = re.match(r"[\d,]+", written)
        digits = number.group(0) if number else written
        dotted = digits.replace(",", ".", 1) if digits.count(",") == 1 else None
        could = f"{float(dotted):g} with a decimal comma" if dotted else "a decimal comma"
        notes.append(
            f'"{written}" is no number as English writes one ({could}, or a slip in a '
            "thousands grouping?), so it is not read: write it with a decimal point or in full"
        )
        return UNREAD * len(written)

    def either_scale(m: re.Match[str]) -> str:
        notes.append(
            f'"{m.group(0)}" could be {m[1]} million (as English writes "mil") or {m[1]} '
            'thousand (as Spanish, Welsh or Tagalog write "mil"), so it is not read: write '
            f"{m[1]} million or {m[1]} thousand"
        )
        return UNREAD * len(m.group(0))

    text = _LAKH_GROUPED.sub(lambda m: regrouped(m, "grouped in lakhs"), text)
    text = _SPACE_GROUPED.sub(lambda m: regrouped(m, "grouped by spaces"), text)
    text = _APOSTROPHE_GROUPED.sub(
        lambda m: regrouped(m, f"grouped by {'underscores' if '_' in m[0] else 'apostrophes'}"),
        text,
    )

    def scale_of_unknown(m: re.Match[str]) -> str:
        notes.append(
            f'"{m.group(0)}" is a scale after a word goalrules does not read as a number '
            f'("{m[1]}"), so it is not read: write the number in digits, e.g. 20,000'
        )
        return UNREAD * len(m.group(0))

    def unsummed(m: re.Match[str]) -> str:
        numbers = [w for w in re.split(r"[\s-]+", m.group(0).lower()) if w in _SMALL]
        if len(numbers) < 2 or _words_value(m.group(0)) is not None:
            return m.group(0)
        notes.append(
            f'"{m.group(0)}" is no number goalrules reads (its words do not make one), so it '
            "is not read: write the number in digits, e.g. 25,000"
        )
        return UNREAD * len(m.group(0))

    text = _WORD_RUN.sub(unsummed, text)  # "two ten five thousand", as a pack left it
    text = _MIL.sub(either_scale, text)
    text = _UNKNOWN_SCALE.sub(scale_of_unknown, text)
    text = _SCALE_SHORT.sub(lambda m: f"{m[1]} {_SHORT_SCALES[m[2].lower()]}", text)
    text = _SPACED_SUFFIX.sub(lambda m: f"{m[1]}{m[2]}", text)
    return _DECIMAL_COMMA.sub(unread, text), notes


@attrs.frozen
class Amount:
    """One amount in a text: its value and what qualifies it."""

    value: float
    start: int
    end: int
    sign: int = 0  # +1 for "+500", -1 for "-20 %", 0 when unsigned
    currency: str | None = None
    percent: bool = False
    points: bool = False  # percentage points
    multiple: bool = False  # "3x", "x2", "5-fold", "3 times"
    noun: str | None = None  # the word it counts ("followers"), adjectives skipped
    per: str | None = None  # "month" for "a month", "per month", "monthly"
    year_like: bool = False  # a bare 19xx/20xx: a year, not an amount

    @property
    def plain(self) -> bool:
        """A number with nothing that makes it a percent, multiple or money."""
        return not (self.percent or self.points or self.multiple or self.currency)


#: the words a count unit goes by, singular and plural ("follower", "followers", "fans")
_COUNT_NOUNS = frozenset(
    word for name, aliases in COUNT_UNITS for n in (name, *aliases) for word in (n, n + "s")
)
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_AMOUNT = LazyPattern(
    r"(?=[\s\d.+\-−$€£¤ueg])"  # where an amount can begin: the others fail at once
    # ("2000-2500": a hyphen, no sign; "Goal - 10k followers": a dash, no minus)
    rf"(?:(?<![\w.,%])(?P<sign>\+(?=\s?[$€£¤\d.])|[\-−](?=[$€£¤\d.])))?\s?"
    rf"(?P<cur>[$€£]|¤(?:[a-z]{{3}}|\?)\s?|\b(?:usd|eur|gbp)\s?)?"
    rf"(?<![\w.,])(?P<num>{_NUMBER})(?!\d*(?:st|nd|rd|th)\b)"  # "the 31st": a day, no amount
    rf"(?:(?P<suffix>k|mm|mn|m|bn|b)\b)?"
    rf"(?:\s?(?P<kind>%|percent\b|per\s?cent\b|pct\b|percentage[\s-]points?\b|pp\b|points?\b"
    rf"|x\b|×|times\b|-?fold\b))?"
    rf"(?:\s?(?P<cur2>dollars?|usd|euros?|eur|pounds?|gbp)\b)?",
    re.IGNORECASE,
)
_MULTIPLE_FIRST = LazyPattern(r"(?<![\w.])(?:x|×)\s?(\d+(?:\.\d+)?)\b", re.IGNORECASE)
_SKIP_WORDS = frozenset(
    [
        "new",
        "more",
        "additional",
        "extra",
        "net",
        "active",
        "monthly",
        "weekly",
        "daily",
        "qualified",
        "organic",
        "unique",
        "total",
        "brand",
        "job",
        "email",
        "trial",
        "website",
        "site",
        "page",
        "video",
        "watch",
        "our",
        "the",
        "post",
        "user",
        "generated",
        "tagged",
        "press",
        "media",
        "paid",
        "social",
        "linkedin",
        "instagram",
        "facebook",
        "tiktok",
        "youtube",
        "x",
        "twitter",
        "pinterest",
    ]
)
# a period after an amount: "a month", "per week", "monthly"; "/month" written onto it
# ("£5k/month", "500 leads /wk"), the short forms of ads and offers ("p/m", "pcm", "p/w",
# "p.a.", "per annum", "£5k pm": "pm" after a word or a number no hour is, never "by 5
# pm") and the recurring revenue of a month or year ("$5k MRR", "$60k ARR"); these read
# a total ("£5k/month by June" was GBP 5,000 by June)
_PERIOD = LazyPattern(
    r"(?:\b(?:a|an|per|each|every|one)\s+|/\s?)"
    r"(day|week|wk|month|mo|quarter|qtr|year|yr|annum)\b"
    # "per days", "every months": a language pack's plural noun after its "per" (Tagalog
    # "bawat araw", Malay "tiap bulan"; the period was dropped, the target a total)
    r"|\b(?:per|each|every)\s+(?=(?:day|week|month|quarter|year)s\b)(day|week|month|quarter|year)s"
    r"|\b(daily|weekly|monthly|quarterly|yearly|annually)\b"
    r"|(?<![\w/])(?:(p/m|pcm|mrr)"
    r"|(?:(?<=[a-z]\s)|(?<=\d\d\d\s)|(?<=[2-9]\d\s)|(?<=1[3-9]\s))(pm)"
    r"|(p/w|pw)|(p/a|p\.a|arr))\b\.?",
    re.IGNORECASE,
)
_SHORT_PERIODS = {
    "p/m": "month", "pcm": "month", "mrr": "month", "pm": "month", "p/w": "week",
    "pw": "week", "p/a": "year", "p.a": "year", "arr": "year", "annum": "year",
}  # fmt: skip
_FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "by",
        "within",
        "before",
        "until",
        "till",
        "through",
        "over",
        "during",
        "from",
        "to",
        "this",
        "next",
        "and",
        "or",
        "on",
        "at",
        "for",
        "each",
        "every",
        "per",
        "across",
        "via",
        "among",
        "with",
        "than",
        "under",
        "below",
        "above",
        "is",
        "are",
        "be",
    ]
)


def _noun_after(text: str, end: int, *, money: bool = False) -> str | None:
    """The first word after ``end`` that is not an adjective or a channel name; none
    when a function word comes first ("500 by Q3"). Money may name its noun after
    "in" or "of" ("$20k in sales")."""
    for m in re.finditer(r"[a-z][a-z'-]*", text[end : end + 60], re.IGNORECASE):
        word = m.group(0).lower()
        if word in ("in", "of"):
            if money:  # "$20k in sales": the noun after it (it read "in")
                continue
            return None
        if word in _SKIP_WORDS:
            continue
        if word in _FUNCTION_WORDS:
            return None
        return word
    return None


def _period_after(text: str, end: int) -> str | None:
    """A per-period phrase ("a month", "per week", "monthly") shortly after ``end``,
    before the next clause or amount."""
    window = text[end : end + 48]
    cut = re.search(r"[,;]|\.(?!a\b)|\d", window)  # ("p.a." is no sentence's end)
    if cut:
        window = window[: cut.start()]
    m = _PERIOD.search(text, end, end + len(window))  # (a lookbehind sees the amount)
    if m is None:
        return None
    if m[3] is not None and (re.match(r"\s*(?:in|of)\s", text[m.end() : end + 48]) is None):
        # "monthly" before a noun ("monthly revenue") qualifies that noun, not the amount
        between = text[end : m.start()]
        if between.strip() and not re.fullmatch(r"[\sa-z]*", between, re.IGNORECASE):
            return None
    short = next((g for g in m.groups()[3:] if g is not None), None)
    if short is not None:
        return _SHORT_PERIODS[short.lower()]
    word = (m[1] or m[2] or m[3]).lower()
    return _SHORT_PERIODS.get(word) or PERIODS[word]


def find_amounts(text: str) -> list[Amount]:
    """Every amount in ``text`` (already through :func:`normalize_numbers`), in order."""
    found: list[Amount] = []
    for m in _MULTIPLE_FIRST.finditer(text):
        found.append(Amount(float(m[1]), m.start(), m.end(), multiple=True))
    taken = [(a.start, a.end) for a in found]
    for m in _AMOUNT.finditer(text):
        if any(s <= m.start("num") < e for s, e in taken):
            continue
        num = m["num"]
        value = float(num.replace(",", ""))
        suffix = (m["suffix"] or "").lower()
        if suffix:
            value *= _SUFFIX[suffix]
        kind = (m["kind"] or "").lower().replace(" ", "")
        cur = (m["cur"] or m["cur2"] or "").strip().lower()
        sign_text = m["sign"] or ""
        sign = -1 if sign_text in ("-", "−") else (1 if sign_text == "+" else 0)
        start = m.start("sign") if m["sign"] else m.start()
        end = m.end()
        percent = kind in ("%", "percent", "percent", "pct")
        points = kind.startswith("percentage") or kind in ("pp", "point", "points")
        multiple = kind in ("x", "×", "times", "fold", "-fold")
        if kind.startswith("percentage") or kind in ("pp",) or points:
            percent = False
        noun = None if (percent or multiple) else _noun_after(text, end, money=bool(cur))
        if noun in _CURRENCY:  # "20k dollars" read by cur2 already
            noun = None
        year_like = (  # "in 2027"; but "2000 followers" counts followers
            not (suffix or kind or cur or sign)
            and re.fullmatch(r"(?:19|20|21)\d\d", num) is not None
            and noun not in _COUNT_NOUNS
        )
        found.append(
            Amount(
                value=value,
                start=start,
                end=end,
                sign=sign,
                currency=cur[1:].upper() if cur.startswith("¤") else _CURRENCY.get(cur),
                percent=percent,
                points=points,
                multiple=multiple,
                noun=noun,
                per=_period_after(text, end),
                year_like=year_like,
            )
        )
    # "3 times a week" is a frequency, not a multiple
    found = [
        a
        for a in found
        if not (
            a.multiple and a.per and re.match(r"\s*times\b", text[a.start :].lstrip("0123456789. "))
        )
    ]
    return sorted(found, key=lambda a: a.start)
