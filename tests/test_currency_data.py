"""The currency tables read from the data shipped in the package are the tables Babel's
locale data gives, and that data is used only with the Babel version it came from."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from goalrules.model import currencies

SHIPPED = json.loads(
    resources.files("goalrules.model").joinpath(currencies.SHIPPED_DATA).read_text("utf-8")
)


def test_shipped_currency_data_is_current() -> None:
    if SHIPPED["babel"] != currencies.babel_version():
        pytest.skip(
            f"the data is Babel {SHIPPED['babel']}'s, Babel {currencies.babel_version()} is "
            "installed (its data is read instead): run python scripts/parsed_rules.py"
        )
    assert SHIPPED["currencies"] == currencies.babel_currencies(), (
        "the currency data is stale: run python scripts/parsed_rules.py"
    )


def _tables(monkeypatch: pytest.MonkeyPatch, shipped: bool) -> object:
    currencies._tables.cache_clear()
    if not shipped:
        monkeypatch.setattr(currencies, "_shipped_currencies", lambda: None)
    try:
        return currencies._tables()
    finally:
        currencies._tables.cache_clear()
        monkeypatch.undo()


def test_the_tables_from_the_shipped_data_are_the_tables_from_babel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if SHIPPED["babel"] == currencies.babel_version():
        assert currencies._shipped_currencies() == SHIPPED["currencies"]
    from_data = _tables(monkeypatch, shipped=True)
    from_babel = _tables(monkeypatch, shipped=False)
    assert from_data == from_babel
    symbols, names, codes = from_data  # type: ignore[misc]
    assert symbols["₹"] == "INR" and names["birr"] == "ETB" and "EGP" in codes


def test_data_of_another_babel_version_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(currencies, "babel_version", lambda: "0.0.0")
    assert currencies._shipped_currencies() is None
    monkeypatch.setattr(currencies, "babel_version", lambda: None)
    assert currencies._shipped_currencies() is None
