"""Fields computed on first read say what the fields computed up front say.

A channel's trends, and whether it fulfils its role, are computed when first read: by a
decision rule that needs them, or by whoever reads the evidence afterwards. These tests
hold the lazy pieces against the eager ones on generated books: the evidence (every
field, equality, ``repr``, ``asdict``, ``evolve``, pickling), the decision facts (a
:class:`~goalrules.engine.lazy_facts.LazyFields` read every way a rule or a caller reads
a dict), the rule each channel's decision names, and the full report.
"""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.engine.lazy_facts import LazyFields, settled
from goalrules.engine.needs import lacking, lacks
from goalrules.judgments.channel_evidence import (
    _SLOTS,
    FACTS_ON_READ,
    ON_READ,
    EvidenceToBuild,
    _Pending,
    _roles,
    channel_evidence,
    decision_facts,
    measure,
    measure_for_decisions,
)
from goalrules.judgments.channel_ruling import Ruling
from goalrules.judgments.channels import (
    _EVIDENCE_SLOT,
    ChannelDecision,
    _new_decision,
    _ruleset,
)
from tests.test_row_path import books

Book = tuple[list[gr.ChannelMonth], list[gr.Channel], dt.date | None]


def _eager(ev: gr.ChannelEvidence) -> dict[str, Any]:
    """Every field of ``ev`` read (computing those pending), in order."""
    return {a.name: getattr(ev, a.name) for a in attrs.fields(type(ev))}


def _pending(ev: gr.ChannelEvidence) -> set[str]:
    return {
        name for name, slot in _SLOTS.items() if slot.__get__(ev, type(ev)).__class__ is _Pending
    }


# -- LazyFields --------------------------------------------------------------------------

_KEYS = ("a", "b", "c", "d", "e")
_VALUES = st.one_of(st.none(), st.integers(-3, 3), st.floats(allow_nan=False), st.text(max_size=2))


@st.composite
def lazy_dicts(draw: st.DrawFn) -> tuple[dict[str, Any], frozenset[str]]:
    """A plain dict and which of its keys are pending."""
    keys = draw(st.lists(st.sampled_from(_KEYS), unique=True, max_size=5))
    plain = {k: draw(_VALUES) for k in keys}
    pending = frozenset(k for k in keys if draw(st.booleans()))
    return plain, pending


def _lazy(plain: dict[str, Any], pending: frozenset[str], calls: list[str]) -> LazyFields:
    def fill(key: str) -> Any:
        calls.append(key)
        return plain[key]

    known = {k: v for k, v in plain.items() if k not in pending}
    return LazyFields(known, pending, fill, tuple(plain))


_READS: dict[str, Callable[[Any], Any]] = {
    "dict": dict,
    "list": list,
    "len": len,
    "items": lambda d: list(d.items()),
    "keys": lambda d: list(d.keys()),
    "values": lambda d: list(d.values()),
    "repr": repr,
    "pickle": lambda d: pickle.loads(pickle.dumps(d)),
    "copy": lambda d: dict(d.copy()),
    "subscript": lambda d: {k: d[k] for k in _KEYS if k in d},
    "get": lambda d: {k: d.get(k, "absent") for k in _KEYS},
    "contains": lambda d: [k in d for k in _KEYS],
    "settled": lambda d: settled({"f": d})["f"],
}


@settings(max_examples=150, deadline=None)
@given(lazy_dicts(), st.sampled_from(sorted(_READS)))
def test_lazy_fields_read_as_the_plain_dict(
    case: tuple[dict[str, Any], frozenset[str]], how: str
) -> None:
    plain, pending = case
    calls: list[str] = []
    lazy = _lazy(plain, pending, calls)
    read = _READS[how]
    assert repr(read(lazy)) == repr(read(plain))
    assert lazy == plain and not lazy != plain  # noqa: SIM202 (both comparisons)
    # a pending field is computed once (a copy, holding it pending too, computes its own)
    assert max(map(calls.count, calls), default=0) <= (2 if how == "copy" else 1)
    assert set(calls) <= pending


@settings(max_examples=150, deadline=None)
@given(lazy_dicts(), st.lists(st.sampled_from(_KEYS), min_size=1, max_size=3, unique=True))
def test_a_pending_field_is_never_surely_missing(
    case: tuple[dict[str, Any], frozenset[str]], fields: list[str]
) -> None:
    """A rule's needs test passes over it only for a field known to be None: a pending
    field, even one that will compute to None (or an absent one), is read by the rule
    itself, which is then correct (careful code if need be)."""
    plain, pending = case
    calls: list[str] = []
    lazy = _lazy(plain, pending, calls)
    needs = (("f", tuple(fields)),)
    want = any(k in plain and k not in pending and plain[k] is None for k in fields)
    assert lacks({"f": lazy}, needs) is want
    assert lacking(needs)({"f": lazy}) is want
    assert calls == [], "the needs test computes nothing"
    # a plain dict of the same values: a pending field that is None is missing there
    assert lacks({"f": plain}, needs) is any(plain.get(k) is None for k in fields)


# -- the evidence ------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(books())
def test_lazy_evidence_is_the_eager_evidence(book: Book) -> None:
    """Read in any order and any way, a channel's evidence is the one computed up front
    (its pending fields forced by reading every field first)."""
    rows, channels, today = book
    lazy, _ = channel_evidence(rows, channels=channels, today=today)
    eager, _ = channel_evidence(rows, channels=channels, today=today)
    for name, ev in eager.items():
        _eager(ev)
        assert not _pending(ev)
        other = lazy[name]
        # read the way callers read it: each compares as the forced evidence
        assert repr(attrs.evolve(other)) == repr(ev)
        assert other == ev and hash(other) == hash(ev)
        assert repr(other) == repr(ev)
        assert attrs.asdict(other) == attrs.asdict(ev)
        assert pickle.loads(pickle.dumps(other)) == ev
        assert repr(other.facts()) == repr(ev.facts())


@settings(max_examples=60, deadline=None)
@given(books(), st.data())
def test_a_pending_field_read_alone_is_the_eager_value(book: Book, data: st.DataObject) -> None:
    rows, channels, today = book
    lazy, _ = channel_evidence(rows, channels=channels, today=today)
    eager, _ = channel_evidence(rows, channels=channels, today=today)
    for name, ev in lazy.items():
        field = data.draw(st.sampled_from(ON_READ))
        want = _eager(eager[name])[field]
        assert repr(getattr(ev, field)) == repr(want)


@settings(max_examples=60, deadline=None)
@given(books())
def test_decision_facts_are_the_evidence_facts(book: Book) -> None:
    """The facts a decision reads (pending fields left to compute) decide as the plain
    facts do, and the full report on them is the report on the plain facts."""
    rows, channels, today = book
    evidence, portfolio = channel_evidence(rows, channels=channels, today=today)
    plain_evidence, _ = channel_evidence(rows, channels=channels, today=today)
    ruleset = _ruleset(())
    pfacts = portfolio.facts()
    for name, ev in evidence.items():
        plain = {"channel": plain_evidence[name].facts(), "portfolio": pfacts}
        lazy = {"channel": decision_facts(ev), "portfolio": pfacts}
        decided = ruleset.decide(ruleset._numbers(lazy), today=today)
        want = ruleset.decide(ruleset._numbers(plain), today=today)
        assert decided is want
        assert repr(settled(lazy)) == repr(plain)
        got_report = ruleset.evaluate(settled(ruleset._numbers(lazy)), today=today)
        want_report = ruleset.evaluate(plain, today=today)
        assert [(f.rule_id, f.outcome, f.message) for f in got_report.findings] == [
            (f.rule_id, f.outcome, f.message) for f in want_report.findings
        ]


def test_a_channel_decided_before_its_trends_are_read_leaves_them_pending() -> None:
    """A channel in trial (a rule of priority 100) is decided without its trends; they are
    computed when the evidence is read, to the values a straight computation gives."""
    rows = [
        gr.ChannelMonth(channel="linkedin", month=f"2025-{m:02d}", visits=100 * m, leads=m)
        for m in (1, 2)
    ]
    (d,) = gr.decide_channels(rows)
    assert d.rule == "experiment.trial-months"
    assert _pending(d.evidence) == {"visits_trend", "leads_trend"}
    # (the visits a day of January's 31 days and February's 28, over their mean a day)
    assert d.evidence.visits_trend == (200 / 28 - 100 / 31) / (300 / 59)
    assert d.evidence.leads_trend == (2 / 28 - 1 / 31) / (3 / 59)
    assert not _pending(d.evidence)
    assert d.report.decided_by is not None
    assert d.report.decided_by.rule_id == d.rule


@settings(max_examples=60, deadline=None)
@given(books(), st.data())
def test_evidence_to_build_and_its_facts_are_the_measured_evidence(
    book: Book, data: st.DataObject
) -> None:
    """What decisions measure (each channel's evidence still to build and its facts, some
    pending) is the evidence ``measure`` builds, read in any order: facts first, evidence
    first, or one field of either."""
    rows, channels, today = book
    kept = [r for r in rows if today is None or r.month <= today]
    info = _roles(channels, ())
    want, want_portfolio = measure(kept, info, 0.15, "USD")
    measured, portfolio = measure_for_decisions(kept, info, 0.15, "USD")
    assert portfolio == want_portfolio and list(measured) == list(want)
    for name, (to_build, facts) in measured.items():
        first = data.draw(st.sampled_from(["facts", "evidence", "field"]))
        if first == "field" and isinstance(facts, LazyFields):
            facts[data.draw(st.sampled_from(FACTS_ON_READ))]  # one pending fact computed
        if first == "evidence":
            ev = to_build()
            assert repr(ev) == repr(want[name])
        assert repr(settled({"f": facts})["f"]) == repr(want[name].facts())
        ev = to_build()
        assert ev == want[name] and repr(ev) == repr(want[name])


@settings(max_examples=40, deadline=None)
@given(books())
def test_a_decision_builds_its_evidence_on_first_read(book: Book) -> None:
    """``ChannelDecision.evidence`` given still to build is built once, on first read, and
    the decision then compares, prints and copies as one given it built."""
    rows, channels, today = book
    for d in gr.decide_channels(rows, channels=channels, today=today):
        given = _EVIDENCE_SLOT.__get__(d, type(d))
        built = d.evidence
        assert d.evidence is built and _EVIDENCE_SLOT.__get__(d, type(d)) is built
        if isinstance(given, EvidenceToBuild):
            again = given()
            assert again == built and repr(again) == repr(built)
        eager = attrs.evolve(d, evidence=built)
        assert eager == d and repr(eager) == repr(d)
        assert pickle.loads(pickle.dumps(d.evidence)) == built
        assert d.to_dict() == eager.to_dict()


_SOME = st.one_of(st.none(), st.integers(), st.text(max_size=3), st.floats(allow_nan=False))


@settings(max_examples=100, deadline=None)
@given(st.lists(_SOME, min_size=11, max_size=11), st.lists(_SOME, min_size=4, max_size=4))
def test_a_decision_built_by_its_slots_is_the_one_its_init_builds(
    values: list[Any], ruling: list[Any]
) -> None:
    """``_new_decision`` (each slot set by its descriptor) makes what
    ``ChannelDecision(...)`` makes: every field, equality, ``repr``, an unread cached
    property, ``evolve``, and the evidence built on first read. A ``Ruling`` holds its
    four fields in order, shows them as a record does and equals only itself."""
    want = Ruling(*ruling)
    assert [getattr(want, name) for name in ("rule", "ruleset", "facts", "today")] == ruling
    assert repr(want) == "Ruling(rule={!r}, ruleset={!r}, facts={!r}, today={!r})".format(*ruling)
    assert want == want and want != Ruling(*ruling)  # eq=False: each ruling itself alone
    values[3] = EvidenceToBuild(list, (values[3],))  # the evidence: built on first read
    values[10] = want
    made_d, want_d = _new_decision(*values), ChannelDecision(*values)
    assert type(made_d) is ChannelDecision
    assert _EVIDENCE_SLOT.__get__(made_d, ChannelDecision) is values[3]
    for field in attrs.fields(ChannelDecision):
        assert getattr(made_d, field.name) == getattr(want_d, field.name)
    assert made_d == want_d and repr(made_d) == repr(want_d)
    assert made_d.given_reasons is values[2] and made_d.ruling is want
    assert attrs.evolve(made_d) == want_d


def test_a_class_whose_init_does_more_than_set_slots_is_not_built_bare() -> None:
    from goalrules.judgments.built_by_slots import built_by_slots

    @attrs.frozen
    class Checked:
        value: int = attrs.field(validator=attrs.validators.instance_of(int))

    @attrs.frozen
    class Later:
        value: int

        def __attrs_post_init__(self) -> None:
            pass

    for cls in (Checked, Later):
        with pytest.raises(TypeError, match="not built by its slots alone"):
            built_by_slots(cls)
