"""Language packs: the words of goal statements in the languages goalrules reads.

A pack is data (``packs/<code>.toml``, shipped with the package): for one language, the
words of metrics, increase and decrease verbs, deadlines, months, quarters, relative
times, currencies and vague words, each with the English the statement reader knows, and
how the language writes numbers. Month names and number symbols come from Babel's
locale data where it has them. A plugin adds or replaces a pack through the
``goalrules_languages`` hook (a TOML text, a path, or a mapping in the same layout).

The reader detects a statement's language from its script and its words; a statement in
a language without a pack is an error naming the language, never a partial reading.

>>> language_of("Dyblu ein dilynwyr LinkedIn o fewn chwe mis").name
'Welsh'
>>> language_of("Double our LinkedIn followers within six months").code
'en'
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from goalrules import plugins
from goalrules.errors import GoalRulesError
from goalrules.patterns import LazyPattern

__all__ = [
    "LanguagePack",
    "UnknownLanguageError",
    "detect_language",
    "language_of",
    "language_packs",
]


class UnknownLanguageError(GoalRulesError):
    """A statement in a language goalrules has no pack for."""


def fold(text: str) -> str:
    """``text`` lower-cased and without accents, one character for one (so that offsets
    hold): "Ακόλουθοι" -> "ακολουθοι", final sigma as sigma."""
    return text.translate(_FOLDED)


def _fold_char(ch: str) -> str:
    low = ch.lower()[:1] or ch
    base = unicodedata.normalize("NFD", low)[:1]
    return "σ" if base == "ς" else base


class _Folds(dict[int, str]):
    """Each character's fold by its code point, worked out the first time
    ``str.translate`` asks for it (a table a call cost more than the folding: loading
    the packs folds two thousand words)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLDED = _Folds()


def _expand(m: re.Match[str], replacement: str, text: str) -> str:
    """``replacement`` with each ``\\N`` the words group N matched, as ``text`` writes them
    (the match is on folded text, one character for one: "ar X" keeps its capital)."""
    return re.sub(r"\\(\d)", lambda g: text[m.start(int(g[1])) : m.end(int(g[1]))], replacement)


#: "10,000" with a decimal comma (ten, or ten thousand?); "0,800" is 0.8, no thousand
_TWO_WAY = LazyPattern(r"(?<![\d.,])[1-9]\d{0,2},\d{3}(?![\d.,]*\d)")
#: a comma before one or two digits ending a number of a percent, a scale or money ("1,5
#: %", "1,5 juta", "RM12,50"; not "10,000", nor "12,50 followers": 12.5, or 12,500?)
_COMMA_DECIMAL = LazyPattern(r"(?<![\d.,])(\d{1,3}),(\d{1,2})(?![\d]|[.,]\d)")
_DECIMAL_KIND = LazyPattern(
    r"\s?(?:%|peratus|percent|juta|ribu|bilion|billion|million|thousand|k\b|mln\b"
    r"|مليون|مليار|الف|ألف|آلاف|بالمئة|بالمائة|في المئة|في المائة)",
    re.IGNORECASE,
)
_GROUP_MARK = "\x00"  # a thousands comma written while a pack reads its decimal commas


def _english_grouping(number: str, group: str, decimal: str | None, comma: str) -> str:
    """``number`` grouped as English groups it ("2.000" -> "2,000", "1.234,5" ->
    "1,234.5" where "." groups and "," is the decimal sign), with ``comma`` for the
    English thousands comma: a number written with a grouping separator stays grouped,
    so it is never read as a year."""
    whole, _, decimals = number.partition(decimal) if decimal else (number, "", "")
    return whole.replace(group, comma) + (f".{decimals}" if decimals else "")


_ARABIC_MARKS = LazyPattern("[\u064b-\u065f\u0670\u0640\u200f\u200e]")
_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٬٫٪،؛", "01234567890123456789,.%,;"
)  # fmt: skip


_MONTH_DOT = LazyPattern(
    r"\b(january|february|march|april|may|june|july|august|september|october|november"
    r"|december) \.(?=\s)"
)
# a number, in digits or in the English words a pack gave ("two thousand وخمسمائة": 2,000
# read, the word after it, part of the number, left unread), then a word of the
# language's own script the pack left: what it counts is not known
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion)"
)
_COUNTS_UNKNOWN = LazyPattern(
    rf"(?<![\w.,])(?:\d[\d,.]*|{_NUMBER_WORD}(?:\s+(?:and\s+)?{_NUMBER_WORD})*)"
    r"(?=\s?[^\W\d_A-Za-z])"
)


@attrs.frozen(eq=False, slots=False)
class LanguagePack:
    """One language's words, each mapped to the English the reader knows."""

    code: str
    name: str
    locale: str | None
    script: str
    decimal_sign: str | None = None  # None: Babel's for the locale, else "."
    group_sign: str | None = None
    dot_groups: bool = False  # "10.000" is ten thousand though "." is the decimal sign
    # "1,5" is 1.5 though "," groups thousands: a comma before one or two digits, which no
    # grouping writes ("10,000" stays ten thousand)
    comma_decimals: bool = False
    # how the language writes a numeric date: day first ("3/6/2027" is 3 June in Welsh),
    # month first, or None where both are written (English): then such a date is an error
    dayfirst: bool | None = None
    own_words: Mapping[str, str] = attrs.field(factory=dict)  # folded phrase -> English
    # phrases that fold alike but mean apart, by their lower-cased spelling: Arabic
    # "ميتا" (Meta) and "مئتا" (two hundred) fold to one word
    spelled_words: Mapping[str, str] = attrs.field(factory=dict)
    patterns: tuple[tuple[str, str], ...] = ()  # (regex on folded text, replacement)
    common: frozenset[str] = frozenset()  # words that tell the language apart

    # Babel's locale data is loaded when a statement is read in the language, not when
    # the packs are (detecting a language needs the pack's own words only).

    @functools.cached_property
    def _symbols(self) -> tuple[str, str]:
        decimal, group = ".", ","
        if self.locale:
            try:
                from babel.numbers import get_decimal_symbol, get_group_symbol

                decimal, group = get_decimal_symbol(self.locale), get_group_symbol(self.locale)
            except Exception:  # a locale Babel does not know: English signs
                pass
        return self.decimal_sign or decimal, self.group_sign or group

    @property
    def decimal(self) -> str:
        """The decimal sign ("," in Greek)."""
        return self._symbols[0]

    @property
    def group(self) -> str:
        """The thousands separator ("." in Greek)."""
        return self._symbols[1]

    @functools.cached_property
    def words(self) -> Mapping[str, str]:
        """Every phrase the pack translates: Babel's month names, then its own words."""
        return {**(_babel_words(self.locale) if self.locale else {}), **self.own_words}

    def numbers_to_english(self, text: str) -> str:
        """Digits and separators written the English way: Arabic-Indic digits, "10.000"
        in Greek and Malay, "2,5 %" in Greek. A number whose separators could be read
        two ways ("10,000" where "," is the decimal sign) is made unreadable."""
        text = _ARABIC_MARKS.sub("", text).translate(_DIGITS)
        if self.decimal == ",":
            grp = re.escape(self.group)
            # grouped as English groups: "2.000" is 2,000, never the year 2000 (its
            # commas are marked until the decimal commas below are read); "0.800" is no
            # group of thousands (it read 800)
            text = re.sub(
                rf"(?<![\d.,])[1-9]\d{{0,2}}(?:{grp}\d{{3}})+(?:,\d+)?(?![\d.,]*\d)",
                lambda m: _english_grouping(m.group(0), self.group, ",", _GROUP_MARK),
                text,
            )

            def comma(m: re.Match[str]) -> str:
                if len(m[2]) == 3 and len(m[1]) <= 3 and m[1][0] != "0":
                    return "\u2047" * len(m.group(0))  # "10,000": ten, or ten thousand?
                return f"{m[1]}.{m[2]}"

            text = re.sub(r"(?<![\d.,])(\d+),(\d+)(?![\d.,]*\d)", comma, text)
            text = text.replace(_GROUP_MARK, ",")
        elif self.dot_groups:
            text = re.sub(
                r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d.,]*\d)",
                lambda m: _english_grouping(m.group(0), ".", None, ","),
                text,
            )
        if self.comma_decimals and self.decimal == ".":

            def decimal(m: re.Match[str]) -> str:
                money = re.search(
                    r"(?:\brm ?|[$€£₱])$", text[max(0, m.start() - 3) : m.start()], re.I
                )
                if money or _DECIMAL_KIND.match(text, m.end()):
                    return f"{m[1]}.{m[2]}"
                return m.group(0)  # "12,50 followers": 12.5, or 12,500? (said, not read)

            text = _COMMA_DECIMAL.sub(decimal, text)
        return text

    def two_way_numbers(self, text: str) -> list[str]:
        """The numbers of ``text`` that :meth:`numbers_to_english` leaves unread because
        they read two ways ("10,000" where "," is the decimal sign: ten, or ten thousand)."""
        if self.decimal != ",":
            return []
        text = _ARABIC_MARKS.sub("", text).translate(_DIGITS)
        return [m.group(0) for m in _TWO_WAY.finditer(text)]

    def to_english(self, text: str) -> str:
        """The statement with its numbers and known words in English; words the pack
        does not know are kept as written (and so not read)."""
        text = self.numbers_to_english(text)
        for pattern, replacement in self.patterns:
            folded = fold(text)
            pieces: list[str] = []
            last = 0
            for m in re.finditer(pattern, folded):
                pieces += [text[last : m.start()], _expand(m, replacement, text)]
                last = m.end()
            text = "".join(pieces) + text[last:]
        if not self.words:
            return text
        folded = fold(text)
        out: list[str] = []
        last = 0
        for a, b in self._phrases(folded):
            out.append(text[last:a])
            english = self.words[folded[a:b]]
            if self.spelled_words:  # the spelling tells apart the words that fold alike
                english = self.spelled_words.get(text[a:b].lower(), english)
            out.append(f" {english} ")
            last = b
        out.append(text[last:])
        english = re.sub(r"[ \t]+", " ", "".join(out)).strip()
        # "Dis. 31, 2027": a month written short keeps no dot of its own ("december . 31"
        # read by December of this year, the 31 and 2027 left)
        english = _MONTH_DOT.sub(r"\1", english)
        if self.script != "Latin":  # a number that counts a word the pack does not know
            english = _COUNTS_UNKNOWN.sub(lambda m: "\u2047" * len(m.group(0)), english)
        return english

    def _phrases(self, folded: str) -> list[tuple[int, int]]:
        """The spans of the pack's phrases in ``folded``, left to right, each the longest
        that begins where it does; except that a phrase whose last words begin a longer
        phrase reaching further, where the words before those are phrases too, gives
        them up to it: Arabic "نهاية الربع الثالث" is "نهاية" (the end of) and "الربع
        الثالث" (Q3), not "نهاية الربع" (the end of the quarter) and "الثالث" (third), as
        Welsh "diwedd y chwarter cyntaf" is the end of Q1 and Malay "akhir tahun lalu" the
        end of last year (each read the end of this quarter or this year)."""
        spans: list[tuple[int, int]] = []
        compiled = self._compiled
        at = 0
        while (m := compiled.search(folded, at)) is not None:
            a, b = m.span()
            if _ENDS_IN_TIME.search(self.words[m.group(0)]):
                for k in _word_starts(folded, a, b):
                    later = compiled.match(folded, k)
                    if later is not None and later.end() > b and self._all_phrases(folded[a:k]):
                        b = k
                        break
            spans += [(m.start() + s, m.start() + e) for s, e in self._split(folded[a:b])]
            at = b
        return spans

    def _split(self, head: str) -> list[tuple[int, int]]:
        """The spans of the phrases ``head`` is made of (one, unless it was cut)."""
        if head.rstrip() in self.words:
            return [(0, len(head.rstrip()))]
        return [m.span() for m in self._compiled.finditer(head)]

    def _all_phrases(self, head: str) -> bool:
        """Whether ``head`` is nothing but the pack's phrases, each whole."""
        head = head.rstrip()
        if not head:
            return False
        if head in self.words:
            return True
        last = 0
        for m in self._compiled.finditer(head):
            if head[last : m.start()].strip():
                return False
            last = m.end()
        return last > 0 and not head[last:].strip()

    @functools.cached_property
    def _compiled(self) -> re.Pattern[str]:
        phrases = sorted(self.words, key=len, reverse=True)
        return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, phrases))})(?!\w)")


#: a phrase that ends in a word of time, which a later phrase may say which one is ("the end
#: of the quarter", whose quarter "الربع الثالث", the third quarter, names)
_ENDS_IN_TIME = LazyPattern(r"\b(?:days?|weeks?|months?|quarters?|years?|half)$")


def _word_starts(text: str, a: int, b: int) -> list[int]:
    """Where a word begins in ``text`` after ``a`` and before ``b``, in order."""
    return [k for k in range(a + 1, b) if text[k - 1].isspace() and not text[k].isspace()]


# -- loading ---------------------------------------------------------------------------


def _babel_words(locale: str) -> dict[str, str]:
    """Month names (wide and abbreviated, format and stand-alone), days of the week, and
    last week, month and year ("mis diwethaf", "bulan lalu": "10% compared with last month"
    is month over month) from Babel."""
    try:
        from babel import Locale

        loc = Locale.parse(locale)
    except Exception:  # an unknown locale: the pack's own words only
        return {}
    english = [
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december",
    ]  # fmt: skip
    out: dict[str, str] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for i, name in loc.months[context][width].items():
                key = fold(str(name)).strip(".")
                if len(key) >= 3:
                    out.setdefault(key, english[int(i) - 1])
        for day, name in loc.days[context]["wide"].items():  # "by Friday" (no deadline before)
            if day not in _DAYS_ALSO_WORDS.get(locale, ()):
                out.setdefault(fold(str(name)), _dt.date(2024, 1, 1 + int(day)).strftime("%A"))
    for unit in ("week", "month", "year"):  # (not the quarter: Arabic "الربع الأخير" is Q4 too)
        last = loc._data["date_fields"][unit]["relative"].get(-1)
        if last:
            out.setdefault(fold(str(last)), f"last {unit}")
    return out


#: the days of the week (Monday is 0) whose name is also another word of the language,
#: never read as the day: Greek Τρίτη, Τετάρτη, Πέμπτη are "third", "fourth", "fifth";
#: Arabic الاثنين is "the two"; Tagalog Linggo is "week" ("sa loob ng isang linggo")
_DAYS_ALSO_WORDS = {"el": (1, 2, 3), "ar": (0,), "fil": (6,)}


def _pack(data: Mapping[str, Any], origin: str, shipped: bool = False) -> LanguagePack:
    try:
        head = data["language"]
        code, name = str(head["code"]), str(head["name"])
    except (KeyError, TypeError):
        raise GoalRulesError(
            f"the language pack {origin} needs a [language] table with code and name"
        ) from None
    locale = head.get("locale")
    numbers = data.get("numbers", {})
    words: dict[str, str] = {}
    written: dict[str, str] = {}  # folded phrase -> the first spelling that gave it
    spelled: dict[str, str] = {}
    for category, table in data.get("words", {}).items():
        if not isinstance(table, Mapping):
            raise GoalRulesError(f"[words.{category}] of {origin} must be a table")
        for phrase, english in table.items():
            key, spelling = fold(str(phrase)).strip(), str(phrase).lower().strip()
            if key in words and words[key] != str(english) and written[key] != spelling:
                # two words that fold alike: each is read as it is spelled ("ميتا" is
                # Meta, "مئتا" two hundred), another spelling as the last one given
                spelled[written[key]], spelled[spelling] = words[key], str(english)
            written.setdefault(key, spelling)
            words[key] = str(english)
    patterns = []
    for pattern, replacement in data.get("patterns", {}).items():
        if not shipped:  # (goalrules' own packs: each pattern compiled by a test, not at
            try:  # every start, where most are never used: an English statement)
                re.compile(pattern)
            except re.error as exc:
                raise GoalRulesError(
                    f"the pattern {pattern!r} of {origin} is invalid: {exc}"
                ) from None
        patterns.append((pattern, str(replacement)))
    common = {fold(str(w)) for w in data.get("detect", {}).get("words", [])}
    common.update(w for w in words if " " not in w)
    return LanguagePack(
        code=code,
        name=name,
        locale=str(locale) if locale else None,
        script=str(head.get("script", "Latin")),
        decimal_sign=str(numbers["decimal"]) if "decimal" in numbers else None,
        group_sign=str(numbers["group"]) if "group" in numbers else None,
        dot_groups=bool(numbers.get("dot_groups", False)),
        comma_decimals=bool(numbers.get("comma_decimals", False)),
        dayfirst=bool(head["dayfirst"]) if "dayfirst" in head else None,
        own_words=words,
        spelled_words=spelled,
        patterns=tuple(patterns),
        common=frozenset(common),
    )


def _load(item: Any, origin: str, shipped: bool = False) -> LanguagePack:
    if isinstance(item, Mapping):
        return _pack(item, origin, shipped)
    text = str(item)
    if "\n" not in text and text.endswith(".toml"):
        text = Path(text).read_text(encoding="utf-8")
    try:
        return _pack(tomllib.loads(text), origin, shipped)
    except tomllib.TOMLDecodeError as exc:
        raise GoalRulesError(f"the language pack {origin} is not valid TOML: {exc}") from None


@functools.cache
def language_packs() -> dict[str, LanguagePack]:
    """Every pack by code: goalrules' own, then the plugins' (a plugin's pack replaces
    goalrules' pack of the same code)."""
    out: dict[str, LanguagePack] = {}
    for entry in sorted(resources.files("goalrules.vocabulary.packs").iterdir(), key=str):
        if entry.name.endswith(".toml") and not entry.name.startswith("_"):
            text = entry.read_text(encoding="utf-8")
            data = _parsed_pack(entry.name, text)
            pack = _load(text if data is None else data, entry.name, shipped=True)
            out[pack.code] = pack
    for item in plugins.collect("goalrules_languages"):
        pack = _load(item, "from a plugin")
        out[pack.code] = pack
    return out


@functools.cache
def _others() -> dict[str, tuple[str, str, frozenset[str]]]:
    """Languages goalrules recognises but does not read: code -> (name, script, words)."""
    text = resources.files("goalrules.vocabulary.packs").joinpath("_others.toml").read_text("utf-8")
    data = _parsed_pack("_others.toml", text)
    if data is None:
        data = tomllib.loads(text)
    return {
        code: (str(v["name"]), str(v.get("script", "Latin")), frozenset(v.get("words", [])))
        for code, v in data.items()
    }


plugins.on_reset(language_packs.cache_clear)

#: goalrules' own packs as JSON data (``packs/parsed.json``, written by
#: ``scripts/parsed_rules.py`` and checked by the tests): JSON reads in a fraction of
#: the time TOML takes (about 13 ms for the packs a statement is read with)
PARSED_PACKS = "parsed.json"


def pack_digest(text: str) -> str:
    """The SHA-256 of a pack's text, as :data:`PARSED_PACKS` records it."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _parsed_packs() -> dict[str, Any]:
    import json

    try:
        folder = resources.files("goalrules.vocabulary.packs")
        doc = json.loads(folder.joinpath(PARSED_PACKS).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return doc if isinstance(doc, dict) else {}


def _parsed_pack(name: str, text: str) -> dict[str, Any] | None:
    """The data of goalrules' pack ``name`` when ``text`` is the text it was read from;
    ``None`` otherwise (the caller then reads ``text`` as TOML)."""
    entry = _parsed_packs().get(name)
    if not isinstance(entry, dict) or entry.get("sha256") != pack_digest(text):
        return None
    data = entry.get("data")
    return data if isinstance(data, dict) else None


# -- detection --------------------------------------------------------------------------

_SCRIPTS = (
    ("Greek", ((0x0370, 0x03FF), (0x1F00, 0x1FFF))),
    ("Arabic", ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Cyrillic", ((0x0400, 0x04FF),)),
    ("Hebrew", ((0x0590, 0x05FF),)),
    ("Devanagari", ((0x0900, 0x097F),)),
    ("Thai", ((0x0E00, 0x0E7F),)),
    ("Hangul", ((0xAC00, 0xD7AF), (0x1100, 0x11FF))),
    ("Kana", ((0x3040, 0x30FF),)),
    ("Han", ((0x4E00, 0x9FFF),)),
    ("Ethiopic", ((0x1200, 0x137F),)),
)


def _script(text: str) -> str:
    counts: dict[str, int] = {}
    latin = 0
    for ch in text:
        o = ord(ch)
        if ch.isalpha() and o < 0x250:
            latin += 1
            continue
        for name, ranges in _SCRIPTS:
            if any(a <= o <= b for a, b in ranges):
                counts[name] = counts.get(name, 0) + 1
                break
    if counts:
        best = max(counts, key=lambda k: counts[k])
        if "Kana" in counts:
            best = "Kana"
        if counts[best] >= max(3, latin // 4):
            return best
    return "Latin"


@attrs.frozen
class Detection:
    """A statement's language: its code and name, and whether goalrules reads it."""

    code: str
    name: str
    supported: bool


def detect_language(text: str) -> Detection:
    """The language ``text`` is written in, from its script and its words (English when
    nothing points elsewhere: a goal may be all names and numbers)."""
    packs = language_packs()
    others = _others()
    script = _script(text[:2000])
    if script != "Latin":
        for pack in packs.values():
            if pack.script == script:
                return Detection(pack.code, pack.name, True)
        for code, (name, other_script, _) in others.items():
            if other_script == script:
                return Detection(code, name, False)
        return Detection("", f"a language in the {script} script", False)
    tokens = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", fold(text[:2000]))
    # a word with "the" written onto it is the word too (Welsh "cynyddu'r", "lleihau'r":
    # "Cynyddu'r gyfradd ymgysylltu 1%" was read as English, a level of 1 %)
    tokens += [t.partition("'")[0] for t in tokens if "'" in t]
    scores: dict[tuple[str, str, bool], int] = {}
    for pack in packs.values():
        if pack.script == "Latin":
            scores[(pack.code, pack.name, True)] = sum(t in pack.common for t in tokens)
    for code, (name, other_script, words) in others.items():
        if other_script == "Latin":
            scores[(code, name, False)] = sum(t in words for t in tokens)
    english = ("en", "English", True)
    best = max(scores, key=lambda k: (scores[k], k == english))
    if scores[best] < 2 or scores[best] <= scores.get(english, 0):
        return Detection(*english)
    return Detection(*best)


def language_of(text: str, lang: str | None = None) -> LanguagePack:
    """The pack to read ``text`` with: ``lang``'s when given, else the detected one."""
    packs = language_packs()
    readable = ", ".join(
        p.name for p in sorted(packs.values(), key=lambda p: (p.code != "en", p.name))
    )
    if lang is not None:
        code = str(lang).strip().lower().replace("_", "-")
        code = {"fil": "tl", "tagalog": "tl", "filipino": "tl"}.get(code, code)
        by_name = {p.name.lower(): p for p in packs.values()}
        pack = packs.get(code) or packs.get(code.split("-")[0]) or by_name.get(code)
        if pack is None:
            raise UnknownLanguageError(
                f"goalrules has no language pack {lang!r}; it reads {readable}",
                field="lang",
            )
        return pack
    found = detect_language(text)
    if not found.supported:
        raise UnknownLanguageError(
            f"this looks like {found.name}; goalrules reads {readable}",
            field="statement",
            hint="force a language with --lang (lang=...) if the guess is wrong",
        )
    return packs[found.code]
