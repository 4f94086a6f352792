"""A pattern compiled on first use (goalrules.patterns) finds what ``re.compile``
finds, and the statement readers' patterns compile only when used."""

from __future__ import annotations

import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from goalrules.patterns import LazyPattern

PATTERNS = [
    (r"\b(?:per|each)\s+(post|video)s?\b", re.IGNORECASE),
    (r"(\d+)(?:[.,](\d+))?\s*(%|k)?", 0),
    (r"\s+", 0),
    (r"(?P<word>[a-z]+)(?=\s)", 0),
]
texts = st.text(alphabet="ab1 2.,%kPer eachpostVideos\u00a0", max_size=40)


def _view(value: object) -> object:
    if isinstance(value, re.Match):
        return (value.span(), value.groups(), value.groupdict())
    if isinstance(value, list | tuple):
        return [_view(v) for v in value]
    return value


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(PATTERNS), texts, st.integers(0, 45), st.integers(0, 45))
def test_a_lazy_pattern_finds_what_the_compiled_one_finds(
    spec: tuple[str, int], text: str, pos: int, endpos: int
) -> None:
    compiled = re.compile(*spec)

    def lazy() -> LazyPattern:  # a new one for each call: its first use compiles it
        return LazyPattern(*spec)

    for method in ("search", "match", "fullmatch", "findall"):
        assert _view(getattr(lazy(), method)(text, pos, endpos)) == _view(
            getattr(compiled, method)(text, pos, endpos)
        )
    assert _view(list(lazy().finditer(text, pos))) == _view(list(compiled.finditer(text, pos)))
    assert lazy().sub("<\\g<0>>", text) == compiled.sub("<\\g<0>>", text)
    assert lazy().subn(lambda m: m.group(0).upper(), text, 2) == compiled.subn(
        lambda m: m.group(0).upper(), text, 2
    )
    assert lazy().split(text, 3) == compiled.split(text, 3)
    once = lazy()  # its first search compiles it, the second is the compiled one's
    first, second = once.search(text, pos), once.search(text, pos)
    assert _view([first, second]) == _view([compiled.search(text, pos)] * 2)
    assert once.pattern == compiled.pattern


def test_reading_the_statement_modules_compiles_none_of_their_patterns() -> None:
    code = (
        "import goalrules.model as m, goalrules.patterns as p, gc; "
        "print(sum(1 for o in gc.get_objects() if type(o) is p.LazyPattern), "
        "sum(1 for o in gc.get_objects() if type(o) is p.LazyPattern and 'search' in vars(o)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    made, compiled = map(int, out.stdout.split())
    assert made > 100
    assert compiled == 0
