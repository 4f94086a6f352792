"""Currencies as people write them, to ISO 4217 codes, from Babel's locale data.

"₹5 lakh", "A$30", "EGP 2 million", "50,000 Birr", "RM 2,000", "₱10,000": a symbol,
a code or a currency's name next to a number. A symbol or name that several currencies
share ("rupees", "pesos", "kr") is not guessed: it is read as a currency nobody can name
(``"?"``), so the amount is not understood rather than read as dollars.

>>> mark_currencies("₹500000 in sales and A$30 a lead")
'¤INR 500000 in sales and ¤AUD 30 a lead'
"""

from __future__ import annotations

import datetime as _dt
import functools
import re

from goalrules.model.amounts import UNREAD
from goalrules.patterns import LazyPattern

__all__ = [
    "CURRENCY_MARK",
    "currency_code",
    "ensure_currency",
    "mark_currencies",
    "money_text",
    "read_cents",
]

#: the sign a currency is marked with in a prepared statement ("¤INR 500")
CURRENCY_MARK = "¤"
AMBIGUOUS = "?"

# What goalrules has always read, and what each symbol means to most who write it.
_FIXED = {
    "$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rs.": "INR", "rm": "MYR", "₱": "PHP", "dollar": "USD", "dollars": "USD",
    "pound": "GBP", "pounds": "GBP", "euro": "EUR", "euros": "EUR",
}  # fmt: skip
# Last words of currency names that are everyday English ("500 real followers").
_COMMON_WORDS = frozenset(
    ["real", "reals", "won", "mark", "marks", "rand", "rands", "cent", "cents", "dram", "som",
     "pula", "lev", "leu", "lei", "kip", "vatu", "tala", "lari", "ariary", "loti", "lilangeni"]
)  # fmt: skip
# Babel's English symbols ("A$", "₹", "₱"); a language pack maps its own ("ر.س").
_LOCALES = ("en",)


#: Babel's currency data as :func:`_tables` reads it, kept in the package (written by
#: ``scripts/parsed_rules.py``): loading Babel's global and English locale data took
#: longer than reading a statement. Used only with the Babel version that gave it.
SHIPPED_DATA = "currencies.json"


def babel_currencies() -> dict[str, dict[str, list[str]]]:
    """From Babel: the currencies in use on 2026-01-01, each with its symbol in each of
    ``_LOCALES`` and its English name for one and for several."""
    from babel.core import get_global
    from babel.numbers import get_currency_name, get_currency_symbol

    today = _dt.date(2026, 1, 1).timetuple()[:3]
    current: set[str] = set()  # the currencies in use somewhere (not the peseta)
    for spans in get_global("territory_currencies").values():
        for code, begin, end, tender in spans:
            if tender and (begin is None or begin <= today) and (end is None or end >= today):
                current.add(code)
    return {
        code: {
            "symbols": [get_currency_symbol(code, loc) for loc in _LOCALES],
            "names": [get_currency_name(code, count=count, locale="en") for count in (1, 2)],
        }
        for code in sorted(current)
    }


def babel_version() -> str | None:
    """The installed Babel's version (``None`` when it cannot be known)."""
    from importlib import metadata

    try:
        return metadata.version("babel")
    except (metadata.PackageNotFoundError, ValueError):
        return None


def _shipped_currencies() -> dict[str, dict[str, list[str]]] | None:
    """:func:`babel_currencies` as shipped, when the installed Babel gave it."""
    import json
    from importlib import resources

    try:
        text = resources.files("goalrules.model").joinpath(SHIPPED_DATA).read_text("utf-8")
        doc = json.loads(text)
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("babel") != babel_version():
        return None
    data = doc.get("currencies")
    return data if isinstance(data, dict) else None


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(symbol -> code, name -> code, current codes); a shared symbol or name -> "?"."""
    currencies = _shipped_currencies() or babel_currencies()
    current = set(currencies)
    symbols: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for code, said in currencies.items():
        for written in said["symbols"]:
            sym = written.replace("\u200f", "").strip().lower()
            if sym and sym != code.lower():
                symbols.setdefault(sym, set()).add(code)
        for written in said["names"]:
            name = written.lower()
            names.setdefault(name, set()).add(code)
            last = name.split()[-1]
            if len(last) > 2 and last not in _COMMON_WORDS:
                names.setdefault(last, set()).add(code)
    symbols = {
        s: c for s, c in symbols.items() if len(s) >= 1 and not set(s) <= set(".,-/ ") and s != "?"
    }
    sym_table = {s: (next(iter(c)) if len(c) == 1 else AMBIGUOUS) for s, c in symbols.items()}
    name_table = {n: (next(iter(c)) if len(c) == 1 else AMBIGUOUS) for n, c in names.items()}
    for word, code in _FIXED.items():
        (sym_table if not word.isalpha() or len(word) <= 3 else name_table)[word] = code
    name_table.update({k: v for k, v in _FIXED.items() if k.isalpha() and len(k) > 3})
    return sym_table, name_table, frozenset(current)


def currency_code(word: str) -> str | None:
    """The ISO code of a currency symbol, code or name; ``"?"`` when several currencies
    share it; ``None`` when it names none."""
    symbols, names, codes = _tables()
    w = word.strip().lower()
    if word.strip().upper() in codes and word.strip().isupper():
        return word.strip().upper()
    return symbols.get(w) or names.get(w)


_NUM = r"\d[\d,]*(?:\.\d+)?(?:\s?(?:[kKmM]|bn|mn|BN|MN)\b)?"  # ("50K AED": its code read)


_NUMBER = LazyPattern(rf"(?<![\d.,])(?:{_NUM})")
_TOKEN_BEFORE = LazyPattern(r"(\S{1,6})\s?$")
_SIGN_AFTER = LazyPattern(r"\s?([^\w\s%+\-.,;:!?()'\"/]+)")
_WORDS_AFTER = LazyPattern(r"\s?([^\W\d_]+(?:\s[^\W\d_]+){0,2})")


def _said_before(head: str) -> str | None:
    """The symbol or code that ends ``head`` (the text just before a number)."""
    symbols, _, codes = _tables()
    m = _TOKEN_BEFORE.search(head)
    if m is None:
        return None
    token = m[1]
    if token.isalpha():
        if (token.isupper() and token in codes) or (
            2 <= len(token) <= 3 and token.lower() in symbols
        ):
            return token
        return None
    for k in range(len(token)):
        tail = token[k:]
        if tail.lower() in symbols and not tail.isalpha():
            if k and tail[0].isalpha() and token[k - 1].isalpha():
                continue  # part of a longer word
            if k and token[k - 1].isalpha():  # "S$50,000": a dollar no symbol names, no USD
                letters = re.search(r"[^\W\d_]+$", token[:k])
                return token[letters.start() if letters else k - 1 :]
            return tail
    return None


def _said_after(text: str, end: int) -> tuple[str, int] | None:
    """The code or currency name just after a number, and where it ends."""
    symbols, names, codes = _tables()
    sign = _SIGN_AFTER.match(text, end, min(len(text), end + 8))
    if sign:
        for k in range(len(sign[1]), 0, -1):
            if sign[1][:k].lower() in symbols:
                return sign[1][:k], sign.start(1) + k  # "20.000 €", "40 €"
    m = _WORDS_AFTER.match(text, end, min(len(text), end + 48))
    if m is None:
        return None
    words = m[1].split()

    def ends_word(at: int) -> bool:
        return at >= len(text) or not text[at].isalnum()

    if words[0].isupper() and words[0] in codes and ends_word(m.start(1) + len(words[0])):
        return words[0], m.start(1) + len(words[0])
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        if phrase.lower() in names and ends_word(m.start(1) + len(phrase)):
            return phrase, m.start(1) + len(phrase)
    return None


def mark_currencies(text: str) -> str:
    """``text`` with every amount of money written ``¤CODE number`` (``¤? number`` for a
    currency several share). Codes count only in capitals ("EGP 2000000"). Each number
    is looked at once, with dictionary look-ups around it: marking stays linear."""
    if not re.search(r"\d", text):
        return text
    out: list[str] = []
    last = 0
    for m in _NUMBER.finditer(text):
        if m.start() < last:
            continue
        head = text[max(last, m.start() - 8) : m.start()]
        before = _said_before(head)
        after = None if before else _said_after(text, m.end())
        if before is None and after is None:
            continue
        said = before or after[0]  # type: ignore[index]
        code = currency_code(said) or AMBIGUOUS
        begin = m.start() - len(head) + head.rstrip().rfind(before) if before else m.start()
        if before is not None:
            dropped = _said_after(text, m.end())  # "$20k dollars": read once
            end = dropped[1] if dropped and currency_code(dropped[0]) == code else m.end()
        else:
            end = after[1]  # type: ignore[index]
        out += [text[last:begin], f"{CURRENCY_MARK}{code} {m.group(0)}"]
        last = end
    out.append(text[last:])
    return "".join(out)


def ensure_currency(code: str) -> None:
    """Make ``code`` a unit: each currency is a dimension of its own, so a target in
    Ethiopian birr never mixes with one in dollars."""
    from goalrules.units import define_currency, registry

    if not define_currency(code) and code not in registry():
        registry().define(f"{code} = [currency_{code}]")  # (a code Babel does not list)


_MARKED = LazyPattern(rf"\s*([+-]?)\s*{CURRENCY_MARK}(\S+) ({_NUM})(.*)", re.DOTALL)


def money_text(text: str) -> str | None:
    """An amount of money as people write it, as goalrules' quantities write it:
    "RM 50,000" is "50,000 MYR", "₱1,500 / lead" "1,500 PHP / lead", "A$30" "30 AUD"
    (``None``: no money, or not one amount first). A symbol several currencies share
    ("kr 500") is an error that asks for the code, never a guess."""
    from goalrules.errors import UnitError

    said = text.strip()
    signed = said[:1] if said[:1] in ("+", "-") else ""  # "+RM 5,000": a change
    m = _MARKED.fullmatch(mark_currencies(said[len(signed) :].strip()))
    if m is None:
        return None
    sign, code, number, rest = m[1] or signed, m[2], m[3], m[4]
    if code == AMBIGUOUS:
        raise UnitError(
            f"{text.strip()!r} names a currency several currencies share: write the "
            f"amount with its currency's ISO 4217 code ('{number} ' and three capitals)"
        )
    ensure_currency(code)
    return f"{sign}{number.replace(' ', '')} {code}{rest}"


_CENTS = LazyPattern(r"(?<![\w.,$€£¤])(\d+(?:\.\d+)?)\s?(?:cents?\b|¢)", re.IGNORECASE)


def read_cents(text: str) -> tuple[str, list[str]]:
    """``text`` with an amount in cents ("80 cents", "80¢") written in the currency the
    text's other amounts name ("Lower CPC from $1.20 to 80 cents": USD 0.80), and a note
    for each one read or left unread: cents of no named currency, of several, or of one
    with no hundredths (yen) are not read, never a guess."""
    if not _CENTS.search(text):
        return text, []
    named = {m[1] for m in re.finditer(rf"{CURRENCY_MARK}(\S+) ", mark_currencies(text))}
    code = next(iter(named)) if len(named) == 1 else None
    hundredths = code is not None and code != AMBIGUOUS and _minor_digits(code) == 2
    notes: list[str] = []

    def read(m: re.Match[str]) -> str:
        written = m.group(0)
        if hundredths:
            value = f"{float(m[1]) / 100:.4f}".rstrip("0")
            value += "0" * (2 - len(value.partition(".")[2]))  # (0.80, 0.125)
            notes.append(f'read "{written}" as {code} {value} (cents of the {code} it names)')
            return f"{code} {value}"
        which = (
            "no currency is named"
            if not named
            else f"{code} has no cents"
            if code is not None and code != AMBIGUOUS
            else "it names several currencies, or one several share"
        )
        notes.append(
            f'"{written}": cents of which currency? ({which}), so it is not read: write it '
            "with its currency, e.g. $0.80 or EUR 0.80"
        )
        return UNREAD * len(written)  # (no amount is read from it)

    return _CENTS.sub(read, text), notes


@functools.lru_cache(maxsize=64)
def _minor_digits(code: str) -> int:
    """The digits of ``code``'s minor unit (2 for USD's cents, 0 for JPY), by Babel."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))
