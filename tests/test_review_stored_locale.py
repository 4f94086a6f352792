"""A review kept with ``--locale de`` wrote its flags' messages and findings for German
("lower the target to about 1.400 followers"); read back from the store in English (a
teammate's default, ``--date``, ``--explain``), they sat beside numbers written in
English ("value 1,221 followers" ... "1.400 followers": 1.4 in English). A stored review
is now rendered and explained in the locale it was written for (its audit trail keeps
it), with a note; the JSON's numbers are numbers in every locale."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import goalrules as gr
from goalrules.numbers import use_locale
from goalrules.report.review import render_review
from goalrules.reviews.stored import explain, stored_review

D = dt.date


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    ws = tmp_path / "ws.toml"
    ws.write_text(
        '[workspace]\nname = "u"\n\n[[goal]]\nid = "li"\nmetric = "followers"\n'
        'channel = "linkedin"\ntarget = "9,000 followers"\nstart = 2026-06-28\n'
        "deadline = 2027-03-31\n"
    )
    history = tmp_path / "h.csv"
    history.write_text(
        "date,channel,metric,value\n"
        + "".join(
            f"2026-{6 + i:02d}-28,linkedin,followers,{v}\n"
            for i, v in enumerate((1000, 1041, 1083, 1127, 1174, 1221))
        )
    )
    return ws, history


def _kept_in_german(files: tuple[Path, Path], store: Path) -> str:
    with use_locale("de"):
        gr.review(*files, store=store, today=D(2026, 11, 1))
        fresh = gr.review(*files, store=store, today=D(2026, 12, 1))
        assert "1.400 followers" in fresh.goals[0].flags[0].message  # a reset, in German
        return render_review(fresh, "text")


@pytest.mark.parametrize("reader", ["en", "de", "fr"])
def test_a_stored_review_reads_in_the_locale_it_was_written_for(
    files: tuple[Path, Path], tmp_path: Path, reader: str
) -> None:
    store = tmp_path / "goals.db"
    german = _kept_in_german(files, store)
    with use_locale(reader):
        again = render_review(stored_review(store, D(2026, 12, 1)), "text")
        said = explain(store, "li", D(2026, 12, 1))
    assert again.startswith(german.rstrip("\n"))  # the same lines, a note at most after
    assert ("stored in, de" in again) == (reader != "de")
    told = said.render()
    assert "value 1.221 followers" in told and "1,221" not in told
    assert "1.400 followers" in told and "Reproduced" in told


def test_the_json_numbers_are_numbers_in_any_locale(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    store = tmp_path / "goals.db"
    _kept_in_german(files, store)
    for locale in ("en", "de"):
        with use_locale(locale):
            data = json.loads(render_review(stored_review(store, D(2026, 12, 1)), "json"))
        (g,) = data["goals"]
        for key in ("probability", "progress", "elapsed"):
            assert isinstance(g[key], float), key
        assert isinstance(g["previous"]["probability"], float)


def test_a_rerun_in_another_locale_names_it(files: tuple[Path, Path], tmp_path: Path) -> None:
    from goalrules.reviews.audit import differences

    with use_locale("de"):
        then = gr.review(*files, store=":memory:", today=D(2026, 12, 1), keep=False).audit
    now = gr.review(*files, store=":memory:", today=D(2026, 12, 1), keep=False).audit
    assert differences(then, now) == ["its numbers written for the locale de then, en now"]
