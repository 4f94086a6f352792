"""Goal statements in the seeds' languages (Welsh, Malay, Greek, Tagalog, Arabic): the
per-language corpora, language detection, numbers written the language's way, the plugin
hook for packs, and the property that garbage in place of a number, deadline or metric
never yields a field that was not in the text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules import plugins
from goalrules.errors import GoalRulesError
from goalrules.model.amounts import normalize_numbers
from goalrules.model.currencies import read_cents
from goalrules.model.fraction_words import read_fraction_words
from goalrules.model.leading_periods import place_leading_period
from goalrules.model.spelling import correct_spelling
from goalrules.model.wording import quarters_named
from goalrules.vocabulary.languages import (
    UnknownLanguageError,
    detect_language,
    fold,
    language_of,
    language_packs,
)

CODES = {"USD", "EUR", "GBP", "JPY", "INR", "MYR", "PHP", "EGP", "ETB", "AUD", "SAR", "AED"}

START = dt.date(2026, 5, 1)
DATA = Path(__file__).parent / "data"
LANGUAGES = ("cy", "ms", "el", "tl", "ar")


def load(code: str) -> list[tuple[str, ...]]:
    rows = []
    for line in (DATA / f"statements_{code}.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(p.strip() for p in line.split("|")))
    return rows


CASES = [(code, *row) for code in LANGUAGES for row in load(code)]


def same_target(got: gr.Target | None, expected: str) -> bool:
    if not expected or got is None:
        return not expected and got is None
    return got.means(expected)


def test_each_language_has_the_seed_goals_and_more() -> None:
    for code in LANGUAGES:
        rows = load(code)
        assert len(rows) >= 20, code
        assert rows[0][1:] == ("followers", "linkedin", "x2", "2026-11-01")  # the guides' own
        assert sum(1 for r in rows if not r[3]) >= 2  # vague ones


@pytest.mark.parametrize(("code", "statement", "metric", "channel", "target", "deadline"), CASES)
def test_corpus_statement(
    code: str, statement: str, metric: str, channel: str, target: str, deadline: str
) -> None:
    reading = gr.read_statement(statement, start=START)
    g = reading.goal
    assert reading.language == code
    assert (g.metric or "") == metric
    assert list(g.channels) == [c for c in channel.split(",") if c]
    assert same_target(g.target, target), (g.target, target)
    assert (g.deadline.isoformat() if g.deadline else "") == deadline
    for field in ("metric", "target", "deadline"):
        assert (field in reading.not_understood) == (getattr(g, field) is None)
    # forcing the language it is in reads the same
    assert gr.Goal.from_statement(statement, start=START, lang=code) == g


def test_an_unknown_language_is_one_clear_error() -> None:
    with pytest.raises(UnknownLanguageError) as info:
        gr.read_statement("Doubler nos abonnés LinkedIn en six mois", start=START)
    message = info.value.message
    assert message.startswith("this looks like French; goalrules reads English, ")
    assert all(n in message for n in ("Welsh", "Malay", "Greek", "Tagalog", "Arabic"))
    with pytest.raises(UnknownLanguageError, match="Russian"):
        gr.Goal.from_statement("Удвоить подписчиков в LinkedIn за шесть месяцев", start=START)
    with pytest.raises(UnknownLanguageError, match="no language pack 'xx'"):
        gr.read_statement("Double our followers", start=START, lang="xx")


UNREAD = [
    tuple(p.strip() for p in line.split("|"))
    for line in (DATA / "languages_unread.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


@pytest.mark.parametrize(("statement", "language"), UNREAD)
def test_a_language_without_a_pack_is_named_and_not_read(statement: str, language: str) -> None:
    with pytest.raises(UnknownLanguageError) as info:
        gr.read_statement(statement, start=START)
    assert info.value.message.startswith(f"this looks like {language}; goalrules reads")


def test_detection_by_script_and_words() -> None:
    assert detect_language("Grow LinkedIn 2x").code == "en"  # names and numbers: English
    assert detect_language("10.000 ακόλουθοι στο TikTok").code == "el"
    assert detect_language("الوصول إلى ٢٠٬٠٠٠ متابع").code == "ar"
    assert detect_language("Dagdagan ang followers namin sa loob ng anim na buwan").code == "tl"
    assert detect_language("Tingkatkan pengikut kami dalam tempoh enam bulan").code == "ms"
    assert detect_language("Cynyddu ein dilynwyr o fewn chwe mis").code == "cy"
    assert language_of("Double our followers", "fil").code == "tl"


@pytest.mark.parametrize(
    ("code", "written", "english"),
    [
        ("el", "10.000 ακόλουθοι", "10,000"),  # grouped, so never read as a year
        ("el", "1.234,5 €", "1,234.5 €"),
        ("el", "2,5 %", "2.5 %"),
        ("ms", "50.000 pengikut", "50,000"),
        ("ms", "2.5%", "2.5%"),
        ("ar", "٢٠٬٠٠٠", "20,000"),
        ("ar", "٢٫٥٪", "2.5%"),
    ],
)
def test_numbers_the_language_s_way(code: str, written: str, english: str) -> None:
    assert english in language_packs()[code].numbers_to_english(written)


def test_a_number_that_reads_two_ways_is_not_read() -> None:
    # "10,000" in Greek, where "," is the decimal sign: ten, or ten thousand?
    reading = gr.read_statement("10,000 ακόλουθοι στο TikTok", start=START)
    assert reading.goal.target is None and "target" in reading.not_understood
    # and the note says which number, both readings, and how to write the one meant
    assert reading.notes[0] == (
        '"10,000" could be 10 (Greek writes a decimal comma) or 10,000 (as English writes '
        "it), so it is not read: write 10.000 for 10,000"
    )
    # a language whose numbers read as English does ("10.000" there: 10 or 10,000?)
    welsh = gr.read_statement("Cynyddu dilynwyr Instagram i 10.000 erbyn diwedd 2027", start=START)
    assert welsh.goal.target is None
    assert any("could be 10 or 10,000" in note for note in welsh.notes)


def test_a_plugin_adds_a_language() -> None:
    class Dutch:
        @plugins.hookimpl
        def goalrules_languages(self) -> list[str]:
            return [
                '[language]\ncode = "nl"\nname = "Dutch"\nlocale = "nl"\n'
                '[words.metrics]\n"volgers" = "followers"\n'
                '[words.up]\n"verdubbel" = "double"\n"verdubbelen" = "double"\n'
                '[words.other]\n"onze" = "our"\n"binnen" = "within"\n"zes" = "six"\n'
                '"maanden" = "months"\n"op" = "on"\n'
            ]

    plugin = Dutch()
    plugins.register(plugin)
    try:
        g = gr.Goal.from_statement(
            "Verdubbel onze volgers op LinkedIn binnen zes maanden", start=START
        )
        assert (g.metric, g.channel, str(g.target)) == ("followers", "linkedin", "x2")
        assert g.deadline == dt.date(2026, 11, 1)
    finally:
        plugins.unregister(plugin)
    with pytest.raises(UnknownLanguageError, match="Dutch"):
        gr.read_statement("Verdubbel onze volgers op LinkedIn binnen zes maanden", start=START)


# -- never a field that was not in the text --------------------------------------------------


def _english_rows() -> list[tuple[str, ...]]:
    rows = []
    for line in (DATA / "statements.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(tuple(p.strip() for p in line.split("|")))
    return rows[:60]


SEEDS = [("en", row[0]) for row in _english_rows()] + [
    (code, row[0]) for code in LANGUAGES for row in load(code)
]
GARBAGE = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=9)


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[^\W_]+", fold(text)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), index=st.integers(0, 40), garbage=GARBAGE)
def test_garbage_never_yields_a_field_not_in_the_text(
    seed: tuple[str, str], index: int, garbage: str
) -> None:
    """Any word of a statement (its number, a deadline word, a metric word...) replaced by
    garbage: every field read still comes from words in the text, never the garbage."""
    code, statement = seed
    words = statement.split()
    i = index % len(words)
    broken = " ".join([*words[:i], garbage, *words[i + 1 :]])
    try:
        reading = gr.read_statement(broken, start=START, lang=code)
    except GoalRulesError:
        return
    rendering = language_packs()[code].to_english(broken) if code != "en" else broken
    rendering, _ = correct_spelling(rendering)
    written = rendering  # (a field's words are quoted as the statement writes them)
    rendering = quarters_named(rendering)  # "Q1 and second" is read as "Q1 and Q2"
    rendering, _ = read_cents(rendering)  # "80 sen" beside "RM1.20" is read as MYR 0.80
    rendering = read_fraction_words(rendering)  # "half percentage points": 0.5 points
    rendering = place_leading_period(rendering)  # "every month, 500 ...": 500 a month
    text = _tokens(normalize_numbers(rendering) + " " + rendering + " " + written)
    for field, said in reading.understood.items():
        if field in ("target", "baseline"):  # an amount's words may run past the garbage
            # (quoted as written: "two thousand" is a number)
            number = normalize_numbers(said)
            assert re.search(r"\d|double|triple|half|halve|quadruple", number), (broken, said)
        elif not (field == "deadline" and re.search(r" on \S*\d", said)):
            # (an event's words may be garbage: "before the bbbbb on 2027-03-01" is that day)
            assert garbage not in said.lower(), (broken, field, said)
        for token in _tokens(said) - {garbage}:
            assert token in text or token.upper() in CODES, (broken, field, said)
    if not re.search(r"\d", words[i]):
        return
    # the number replaced is gone: the target is read from what is left, or not at all
    target = reading.understood.get("target")
    if target is not None:
        number = normalize_numbers(target)
        assert re.search(r"\d|double|triple|half|halve|quadruple", number), (broken, target)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_packs_words_and_patterns_are_written_as_they_are_matched(code: str) -> None:
    # the words and patterns match folded text (lower case, no accents, a final sigma as
    # σ): a pattern with "έως" or "εως" in it would never match, as one did not
    pack = language_packs()[code]
    for phrase in pack.words:
        assert fold(phrase) == phrase, phrase
    for pattern, _ in pack.patterns:
        letters = re.sub(r"\\.", "", pattern)  # \d, \w, \W: the regex's, not the text's
        assert fold(letters) == letters, pattern
        re.compile(pattern)  # (goalrules' own packs are not compiled to check at each start)


def test_a_number_counting_a_word_no_pack_knows_is_said() -> None:
    reading = gr.read_statement("تحقيق 10,000 قطة على لينكدإن بحلول يونيو", start=START)
    assert reading.goal.target is None
    assert any('counts "قطة"' in note for note in reading.notes)


@given(
    st.sampled_from(
        [
            ("ar", "زيادة المتابعين على إنستغرام بنسبة 20% بحلول نهاية العام {w}"),
            ("ar", "زيادة المتابعين على إنستغرام بنسبة 20% بحلول يونيو {w}"),
            ("el", "Αύξηση των ακολούθων στο Instagram κατά 20% έως τον Ιούνιο του {w}"),
            ("el", "Αύξηση των ακολούθων στο Instagram κατά 20% έως τον Ιούνιο {w}"),
        ]
    ),
    st.text(alphabet="αβγδεζηθικλμνξοπρστυφχψω", min_size=4, max_size=9),
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=4, max_size=9),
)
def test_a_deadline_followed_by_a_word_the_pack_does_not_know_is_not_read(
    said: tuple[str, str], greek: str, arabic: str
) -> None:
    """ "بحلول نهاية العام المقبل" (the end of next year) read the end of this year, its
    last word left unknown: any such word may change the date, so none is read."""
    code, shape = said
    word = greek if code == "el" else arabic
    statement = shape.format(w=word)
    reading = gr.read_statement(statement, start=START, lang=code)
    english = language_packs()[code].to_english(statement)
    if word not in english:  # the pack knew the word after all
        return
    assert reading.goal.deadline is None
    assert any("a word goalrules does not know" in note for note in reading.notes)
    assert reading.goal.target is not None and reading.goal.target.means("+20%")


FISCAL = {
    "cy": "Cynyddu dilynwyr Instagram 20% erbyn diwedd y flwyddyn ariannol",
    "ms": "Tingkatkan pengikut Instagram sebanyak 20% menjelang akhir tahun kewangan",
    "el": "Αύξηση των ακολούθων στο Instagram κατά 20% έως το τέλος του οικονομικού έτους",
    "ar": "زيادة المتابعين على إنستغرام بنسبة 20% بحلول نهاية السنة المالية",
    "tl": "Dagdagan ang followers sa Instagram ng 20% bago matapos ang fiscal year",
}


@given(st.sampled_from(sorted(FISCAL)), st.integers(1, 12))
def test_the_end_of_the_fiscal_year_is_the_workspaces_in_every_language(
    code: str, first: int
) -> None:
    """Malay "akhir tahun kewangan" read the end of the calendar year, with no note;
    Greek and Arabic left their word for fiscal unread."""
    reading = gr.read_statement(FISCAL[code], start=START, fiscal_year_start=first)
    english = gr.read_statement("Grow Instagram followers 20% by the end of the fiscal year",
                                start=START, fiscal_year_start=first)  # fmt: skip
    assert reading.goal.deadline == english.goal.deadline is not None
    assert any("fiscal year" in note for note in reading.notes)


@given(
    st.sampled_from(
        [
            ("el", "Αύξηση των ακολούθων στο Instagram κατά 20% σε {n} ημέρες"),
            ("el", "Αύξηση των ακολούθων στο Instagram κατά 20% σε {n} μήνες"),
            ("ar", "زيادة المتابعين على إنستغرام بنسبة 20% خلال {n} يومًا"),
        ]
    ),
    st.integers(11, 99),
)
def test_in_n_days_after_a_percent_is_the_deadline(said: tuple[str, str], n: int) -> None:
    """Greek "κατά 20% σε 90 ημέρες" read "by 20% to 90 days": a target of 90 days."""
    code, shape = said
    reading = gr.read_statement(shape.format(n=n), start=START, lang=code)
    assert reading.goal.target is not None and reading.goal.target.means("+20%")
    unit = "months" if "μήνες" in shape else "days"
    within = gr.read_statement(f"Grow Instagram followers 20% within {n} {unit}", start=START)
    assert reading.goal.deadline == within.goal.deadline is not None


REACH = {
    "cy": "Cyrraedd {n} o ddilynwyr ar Instagram erbyn diwedd y flwyddyn",
    "ms": "Capai {n} pengikut di Instagram menjelang akhir tahun",
    "el": "Να φτάσουμε τους {n} ακολούθους στο Instagram έως το τέλος του έτους",
    "tl": "Abutin ang {n} followers sa Instagram bago matapos ang taon",
    "ar": "الوصول إلى {n} متابع على إنستغرام بحلول نهاية العام",
}
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@given(st.sampled_from(sorted(REACH)), st.integers(1000, 10**8), st.booleans())
def test_a_number_grouped_as_the_language_groups_it_reads_whole(
    code: str, n: int, native: bool
) -> None:
    """The same statement with its number grouped as Babel's locale data groups it (Greek
    "10.000", Arabic "١٠٬٠٠٠") reads the same target in every language."""
    from babel.numbers import format_decimal

    locale = language_packs()[code].locale
    if code == "ar" and native:
        written = format_decimal(n, locale=locale, numbering_system="arab")
        written = written.translate(_ARABIC_DIGITS)
    else:
        written = format_decimal(n, locale=locale)
    reading = gr.read_statement(REACH[code].format(n=written), start=START, lang=code)
    assert reading.goal.target is not None, (written, reading.notes)
    assert reading.goal.target.means(f"{n} followers"), (written, reading.goal.target)


UNKNOWN_NUMBER_WORDS = {
    "cy": "Cyrraedd {w} mil o ddilynwyr ar Instagram erbyn Mehefin",
    "tl": "Abutin ang {w} libong followers sa Instagram bago matapos ang Hunyo",
    "el": "Να φτάσουμε τις {w} χιλιάδες ακολούθους στο Instagram έως τον Ιούνιο",
    "ar": "الوصول إلى {w} ألف متابع على إنستغرام بحلول يونيو",
}


@given(
    st.sampled_from(sorted(UNKNOWN_NUMBER_WORDS)),
    st.text(alphabet="bcdfghklmnprstvwz", min_size=5, max_size=9),
    st.text(alphabet="αβγδεζθκλμνπρστφχ", min_size=5, max_size=9),
    st.text(alphabet="بتثجحخدذرزسشصضطظعغفقكلمن", min_size=5, max_size=9),
)
def test_a_scale_after_a_number_word_the_pack_does_not_know_is_not_read(
    code: str, latin: str, greek: str, arabic: str
) -> None:
    """Welsh "ugain mil", Tagalog "dalawampung libo", Greek "είκοσι χιλιάδες", Arabic
    "عشرين ألف" (twenty thousand) read 1,000 followers: the number word left unread."""
    word = {"el": greek, "ar": arabic}.get(code, latin)
    statement = UNKNOWN_NUMBER_WORDS[code].format(w=word)
    english = language_packs()[code].to_english(statement)
    if word not in english:  # a word the pack knows after all
        return
    reading = gr.read_statement(statement, start=START, lang=code)
    assert reading.goal.target is None
    assert any("does not read as a number" in note for note in reading.notes)


_ARABIC_NETWORKS = {
    "انستغرام": "instagram", "فيسبوك": "facebook", "فيس بوك": "facebook",
    "تيك توك": "tiktok", "يوتيوب": "youtube", "لينكدإن": "linkedin", "سناب شات": "snapchat",
    "تويتر": "x", "تيليجرام": "telegram", "ثريدز": "threads",
}  # fmt: skip


@given(st.sampled_from(sorted(_ARABIC_NETWORKS)), st.booleans())
def test_arabic_a_network_with_or_without_its_article(name: str, article: bool) -> None:
    """ "على الفيسبوك", "التيك توك", "اليوتيوب" (the network with "ال", the article) name
    the network as "فيسبوك" does: they named no channel, without a word, and "تيليجرام",
    "ثريدز" were not known."""
    written = ("ال" + name) if article else name
    statement = f"زيادة المتابعين على {written} بنسبة 20% بحلول ديسمبر 2027"
    goal = gr.read_statement(statement, start=dt.date(2026, 5, 1)).goal
    assert goal.channels == (_ARABIC_NETWORKS[name],)
    assert str(goal.target) == "+20%"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_a_text_folds_character_by_character(text: str) -> None:
    import unicodedata

    from goalrules.vocabulary.languages import fold

    def one(ch: str) -> str:
        base = unicodedata.normalize("NFD", ch.lower()[:1] or ch)[:1]
        return "σ" if base == "ς" else base

    folded = fold(text)
    assert folded == "".join(one(ch) for ch in text)
    assert len(folded) == len(text)  # offsets hold
    assert fold(text) == folded  # the characters met before fold the same
