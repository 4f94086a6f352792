"""What a fresh process does to start quickly gives what the slower way gave."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from goalrules import units


def _pint() -> Any:
    return units._import_pint()


def _line_by_line() -> Any:
    ureg = _pint().UnitRegistry(None, case_sensitive=True, cache_folder=None)
    for line in units._definitions():
        ureg.define(line)
    return ureg


BULK = units._built_registry(_pint())
EACH = _line_by_line()
UNITS = sorted(BULK._units)


def _definition(ureg: Any, name: str) -> tuple[Any, ...]:
    d = ureg._units[name]
    return (type(d), d.name, d.defined_symbol, d.aliases, repr(d.converter), str(d.reference))


def test_the_registry_read_as_one_text_defines_what_each_line_did() -> None:
    assert sorted(EACH._units) == UNITS
    assert [_definition(BULK, n) for n in UNITS] == [_definition(EACH, n) for n in UNITS]
    assert sorted(BULK._prefixes) == sorted(EACH._prefixes)
    assert {k: str(v) for k, v in BULK._dimensions.items()} == {
        k: str(v) for k, v in EACH._dimensions.items()
    }


@given(
    st.sampled_from(UNITS),
    st.sampled_from(UNITS),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
)
def test_every_conversion_is_the_same(a: str, b: str, value: float) -> None:
    def convert(ureg: Any) -> float | str:
        try:
            return float(ureg.Quantity(value, a).to(b).magnitude)
        except Exception as exc:  # not the same dimension: the same refusal
            return type(exc).__name__

    got, expected = convert(BULK), convert(EACH)
    if isinstance(expected, float):
        assert isinstance(got, float)
        assert got == expected or math.isclose(got, expected, rel_tol=1e-12)
    else:
        assert got == expected


def test_the_registry_goalrules_uses_is_built_so() -> None:
    shipped = units.registry()  # plugins may add units of their own
    assert [_definition(shipped, n) for n in UNITS] == [_definition(EACH, n) for n in UNITS]
