"""The level today, as each language says it, is where the goal starts.

"Διπλασιασμός των ακολούθων μας στο TikTok (τώρα 12.500)" (double our TikTok followers,
now 12,500), Malay "Gandakan pengikut TikTok kami (sekarang 12,500)" and Arabic "مضاعفة
متابعينا (حاليا ١٢٫٥ ألف)" read a target of 12,500 followers, "double" dropped; Welsh "O
2,000 o ddilynwyr heddiw, targed o 5,000" (from 2,000 today, a target of 5,000) read a
target of 2,000. The packs had no word for "now", "today", "currently" (nor Welsh, Greek
and Malay "target"), which English reads as the level the goal starts from."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr

START = dt.date(2026, 5, 1)


def read(statement: str, lang: str) -> gr.Goal:
    return gr.read_statement(statement, start=START, lang=lang).goal


@pytest.mark.parametrize(
    ("statement", "lang", "target", "baseline"),
    [
        ("Διπλασιασμός των ακολούθων μας στο TikTok (τώρα 12.500) μέχρι τον Μάρτιο του 2027",
         "el", "x2", 12500),
        ("Από 2.000 ακόλουθους σήμερα, στόχος οι 5.000 έως το τέλος του 2026", "el",
         "5000 follower", 2000),
        ("Gandakan pengikut TikTok kami (sekarang 12,500) menjelang Mac 2027", "ms", "x2",
         12500),
        ("Tingkatkan pengikut Instagram sebanyak 30% (kini 4,200) menjelang Disember", "ms",
         "+30%", 4200),
        ("Daripada 2,000 pengikut sekarang, sasaran 5,000 menjelang hujung 2026", "ms",
         "5000 follower", 2000),
        ("مضاعفة متابعينا على تيك توك (حاليا ١٢٫٥ ألف) بحلول مارس ٢٠٢٧", "ar", "x2", 12500),
        ("زيادة متابعي إنستغرام بنسبة 30% (حاليًا 4,200) بحلول ديسمبر", "ar", "+30%", 4200),
        ("O 2,000 o ddilynwyr heddiw, targed o 5,000 erbyn diwedd 2026", "cy",
         "5000 follower", 2000),
        ("Dyblu ein dilynwyr TikTok (12,500 ar hyn o bryd) erbyn Mawrth 2027", "cy", "x2",
         12500),
        ("Palakihin ang IG followers ng 30% (ngayon ay 4,200) bago mag-Disyembre", "tl",
         "+30%", 4200),
        ("Doblehin ang TikTok followers natin (12,500 sa ngayon) bago mag-Marso 2027", "tl",
         "x2", 12500),
    ],
)  # fmt: skip
def test_the_level_now_is_the_baseline(
    statement: str, lang: str, target: str, baseline: int
) -> None:
    goal = read(statement, lang)
    assert str(goal.target) == target
    assert goal.baseline is not None and goal.baseline.magnitude == baseline


DOUBLE = {
    "el": ("Διπλασιασμός των ακολούθων μας στο TikTok ({now}) μέχρι τον Μάρτιο του 2027",
           ["τώρα {n}", "σήμερα {n}", "{n} σήμερα"]),
    "ms": ("Gandakan pengikut TikTok kami ({now}) menjelang Mac 2027",
           ["kini {n}", "sekarang {n}", "{n} pada masa ini"]),
    "ar": ("مضاعفة متابعينا على تيك توك ({now}) بحلول مارس ٢٠٢٧",
           ["حاليا {n}", "{n} الآن", "حاليًا {n}"]),
    "cy": ("Dyblu ein dilynwyr TikTok ({now}) erbyn Mawrth 2027",
           ["{n} ar hyn o bryd", "{n} heddiw", "{n} nawr"]),
    "tl": ("Doblehin ang TikTok followers natin ({now}) bago mag-Marso 2027",
           ["{n} sa ngayon", "ngayon ay {n}", "sa kasalukuyan {n}"]),
}  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(DOUBLE)), st.integers(0, 2), st.integers(2, 99))
def test_double_from_the_level_now(lang: str, way: int, thousands: int) -> None:
    """However the level today is said, the target stays "double" and starts there."""
    statement, nows = DOUBLE[lang]
    level = f"{thousands},500" if lang != "el" else f"{thousands}.500"
    goal = read(statement.format(now=nows[way].format(n=level)), lang)
    assert str(goal.target) == "x2"
    assert goal.baseline is not None and goal.baseline.magnitude == thousands * 1000 + 500
