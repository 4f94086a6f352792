"""Words the packs lacked, as marketers write them in each language; each left its
field unread before (with a note at best):

- Greek halves in the genitive: "ως το τέλος του πρώτου εξαμήνου 2027", "του Α' εξαμήνου";
  one percentage point ("κατά 1,5 ποσοστιαία μονάδα"); the thousand against its number
  ("5χιλ.") and the K of a Greek keyboard ("15Κ");
- Arabic "بنهاية" (by the end of, "ب" written onto it) and "النصف الأول من 2027";
- Tagalog "sa unang kalahati ng 2027" and "bago mag-Q3";
- Malay "meningkat" (rises: "pengikut TikTok meningkat 50%");
- and in English, "by the end of the first half of 2027" (its "of 2027" read apart)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    ("statement", "lang", "target", "deadline"),
    [
        ("Αύξηση των ακολούθων στο Instagram κατά 20% ως το τέλος του Α' εξαμήνου", "el",
         "+20%", dt.date(2026, 6, 30)),
        ("Απόκτηση 2.500 νέων ακολούθων στο Instagram ως το τέλος του πρώτου εξαμήνου 2027",
         "el", "+2500 follower", dt.date(2027, 6, 30)),
        ("Αύξηση ακολούθων στο TikTok κατά 20% έως το τέλος του δεύτερου εξαμήνου", "el",
         "+20%", dt.date(2026, 12, 31)),
        ("Αύξηση του ποσοστού αλληλεπίδρασης κατά 1,5 ποσοστιαία μονάδα έως τον Δεκέμβριο",
         "el", "+1.5 percentage_point", dt.date(2026, 12, 31)),
        ("Αύξηση ακολούθων στο TikTok κατά 5χιλ. έως τον Ιούνιο", "el", "+5000 follower",
         dt.date(2026, 6, 30)),
        ("Να φτάσουμε τους 15Κ ακόλουθους στο TikTok έως το τέλος του Q3", "el",
         "15000 follower", dt.date(2026, 9, 30)),
        ("زيادة متابعي إنستغرام إلى عشرة آلاف متابع بنهاية الربع الثالث", "ar",
         "10000 follower", dt.date(2026, 9, 30)),
        ("زيادة المتابعين على إنستغرام ١٥٪ في النصف الأول من ٢٠٢٧", "ar", "+15%",
         dt.date(2027, 6, 30)),
        ("Palakihin ang followers sa FB ng 30% sa unang kalahati ng 2027", "tl", "+30%",
         dt.date(2027, 6, 30)),
        ("Pababain ang response time sa 1 oras bago mag-Q3", "tl", "1 hour",
         dt.date(2026, 6, 30)),
        ("Pengikut TikTok meningkat 50% dalam 3 bulan", "ms", "+50%", dt.date(2026, 8, 1)),
        ("Grow followers by 20% by the end of the first half of 2027", "en", "+20%",
         dt.date(2027, 6, 30)),
        ("Grow followers by 20% by the end of the third quarter of 2027", "en", "+20%",
         dt.date(2027, 9, 30)),
    ],
)  # fmt: skip
def test_the_packs_read_them(statement: str, lang: str, target: str, deadline: dt.date) -> None:
    reading = gr.read_statement(statement, start=START, lang=lang)
    assert str(reading.goal.target) == target, reading.notes
    assert reading.goal.deadline == deadline, reading.notes


HALVES = {1: ("πρώτου", "Α'", "الأول", "unang"), 2: ("δεύτερου", "Β'", "الثاني", "ikalawang")}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([1, 2]), st.integers(2026, 2029), st.booleans())
def test_a_half_of_a_year_in_each_language(half: int, year: int, numeral: bool) -> None:
    """The half of a year named reads as English "the first half of 2027" does."""
    english = gr.read_statement(
        f"Grow followers by 20% by the end of the {'first' if half == 1 else 'second'} "
        f"half of {year}",
        start=START,
    ).goal.deadline
    assert english == dt.date(year, 6 * half, 30 if half == 1 else 31)
    greek, letter, arabic, tagalog = HALVES[half]
    said = {
        "el": f"Αύξηση ακολούθων κατά 20% ως το τέλος του {letter if numeral else greek} "
        f"εξαμήνου {year}",
        "ar": f"زيادة المتابعين بنسبة 20% في النصف {arabic} من {year}",
        "tl": f"Palakihin ang followers ng 20% sa {tagalog} kalahati ng {year}",
    }
    for lang, statement in said.items():
        goal = gr.read_statement(statement, start=START, lang=lang).goal
        assert goal.deadline == english, (lang, statement)
        assert str(goal.target) == "+20%"


@pytest.mark.parametrize(
    ("statement", "lang", "metric", "target"),
    [
        # Arabic "نسبة التحويل" (conversion rate), "تكلفة الاكتساب" (cost of acquisition),
        # "٣ أضعاف" (three times): no metric or no target was read
        ("زيادة نسبة التحويل إلى ٢٪ بحلول الربع الرابع", "ar", "conversion_rate", "2 %"),
        ("خفض تكلفة الاكتساب من ٥٠ ريال سعودي إلى ٣٠ ريال سعودي بحلول الربع الأول ٢٠٢٧", "ar",
         "cost_per_acquisition", "30 SAR / conversion"),
        ("زيادة الزيارات ٣ أضعاف خلال سنة", "ar", "visits", "x3"),
        # Greek hours and minutes in the genitive ("εντός 1 ώρας", "εντός 30 λεπτών")
        ("Απάντηση σε όλα τα μηνύματα εντός 1 ώρας", "el", "average_response_time", "1 hour"),
        ("Απάντηση στα σχόλια εντός 30 λεπτών έως τον Ιούνιο", "el", "average_response_time",
         "30 minute"),
    ],
)  # fmt: skip
def test_the_packs_name_the_metric(statement: str, lang: str, metric: str, target: str) -> None:
    goal = gr.read_statement(statement, start=START, lang=lang).goal
    assert (goal.metric, str(goal.target)) == (metric, target)


HUNDREDS_TL = {
    2: "dalawandaang", 3: "tatlundaang", 4: "apatnaraang", 5: "limandaang",
    6: "animnaraang", 7: "pitundaang", 8: "walundaang", 9: "siyamnaraang",
}  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(sorted(HUNDREDS_TL)), st.booleans())
def test_tagalog_hundreds_in_one_word(n: int, thousands: bool) -> None:
    """ "Limandaang leads" (500 leads, the hundreds written as one word) read no number and
    said nothing; "limandaang libong views" is 500,000."""
    if thousands:
        statement, want = f"Umabot ng {HUNDREDS_TL[n]} libong views sa YouTube", n * 100_000
        unit = "view"
    else:
        statement, want = f"Makakuha ng {HUNDREDS_TL[n]} leads kada buwan", n * 100
        unit = "lead / month"
    goal = gr.read_statement(statement, start=START, lang="tl").goal
    assert str(goal.target) == f"{want} {unit}"
