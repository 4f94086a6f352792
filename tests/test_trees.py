"""The shipped rulesets' parsed trees and the language packs' data: current, read back
exactly, and behaving as what parsing the text gives."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tomllib
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goalrules import strategies as grs
from goalrules.dsl import ast, trees
from goalrules.dsl.parser import parse_expression, parse_file
from goalrules.engine import RuleSet, shipped_ruleset
from goalrules.engine.compile import compile_file, compile_text
from goalrules.engine.load import _shipped_texts
from goalrules.invariants import _facts
from goalrules.judgments.smart import score_smart
from goalrules.vocabulary import languages

from .dsl_strategies import expressions

OWN = {
    name: text
    for name, (text, src) in _shipped_texts().items()
    if src == f"goalrules/rules/{name}.rules"
}


def _document() -> dict[str, Any]:
    text = resources.files("goalrules.rules").joinpath(trees.PARSED).read_text("utf-8")
    doc: dict[str, Any] = json.loads(text)
    return doc


def test_shipped_trees_are_current() -> None:
    """Fails after an edit of a .rules file, the grammar or the parser until the trees
    are written again."""
    assert _document() == json.loads(json.dumps(trees.parsed_document(OWN))), (
        "the shipped rule trees are stale: run python scripts/parsed_rules.py"
    )
    assert sorted(_document()["rulesets"]) == sorted(OWN)


@pytest.mark.parametrize("name", sorted(OWN))
def test_every_shipped_ruleset_reads_its_tree(name: str) -> None:
    tree = trees.shipped_tree(name, OWN[name])
    assert tree is not None
    fresh = parse_file(OWN[name], source=f"goalrules/rules/{name}.rules")
    assert tree == fresh
    assert trees.encode(tree) == trees.encode(fresh)  # the spans too


def test_an_edited_text_is_parsed_not_read_from_its_old_tree() -> None:
    text = OWN["smart"]
    assert trees.shipped_tree("smart", text + "\n") is None
    assert trees.shipped_tree("smart", text.replace("rule ", "rule  ", 1)) is None
    assert trees.shipped_tree("no-such-ruleset", text) is None


@given(expressions)
def test_any_tree_reads_back_equal(node: ast.Expr) -> None:
    data = trees.encode(node)
    again = trees.decode(json.loads(json.dumps(data)))
    assert again == node
    assert trees.encode(again) == data


@given(expressions)
def test_a_parsed_tree_reads_back_with_its_positions(node: ast.Expr) -> None:
    text = ast.unparse(node)
    parsed = parse_expression(text)
    data = trees.encode(parsed)
    again = trees.decode(json.loads(json.dumps(data)))
    assert again == parsed
    assert [n.span for n in _walk(again)] == [n.span for n in _walk(parsed)]


def _walk(node: Any) -> list[Any]:
    out = [node]
    for child in ast.children(node):
        out.extend(_walk(child))
    return out


@pytest.mark.parametrize(
    "data",
    [
        {"@": "Span", "line": 1},
        {"@": "NoSuchNode"},
        {"@": "Name"},
        {"@": "Name", "name": "x", "colour": "red"},
        {1, 2},
        b"bytes",
    ],
    ids=repr,
)
def test_what_is_not_a_tree_is_refused(data: Any) -> None:
    with pytest.raises(ValueError, match=r"^not a "):
        trees.decode(data)


def test_a_value_no_tree_holds_is_refused() -> None:
    with pytest.raises(TypeError, match="holds no Span"):
        trees.encode(ast.Name("x", span=ast.Span(1, 1, 1, 2)).span)
    with pytest.raises(TypeError, match="holds no dict"):
        trees.encode({"a": 1})


# -- the rules compiled from a tree are the rules compiled from the text -----------------


def _pair(name: str) -> tuple[RuleSet, RuleSet]:
    src = f"goalrules/rules/{name}.rules"
    fresh = compile_file(parse_file(OWN[name], source=src), source=src, text=OWN[name])
    from_tree = compile_text(OWN[name], source=src, tree=trees.shipped_tree(name, OWN[name]))
    return fresh, from_tree


def _rule_view(rules: RuleSet) -> list[Any]:
    return [
        (
            r.id,
            r.criterion,
            r.decision,
            r.weight,
            r.priority,
            r.guard_text,
            r.check_text,
            r.source,
            r.line,
            {k: [p if isinstance(p, str) else p.text for p in v] for k, v in r._templates.items()},
        )
        for r in rules.rules
    ]


@pytest.mark.parametrize("name", sorted(OWN))
def test_rules_from_a_tree_are_the_rules_from_the_text(name: str) -> None:
    fresh, from_tree = _pair(name)
    assert _rule_view(from_tree) == _rule_view(fresh)
    assert (from_tree.name, from_tree.title, from_tree.source) == (
        fresh.name,
        fresh.title,
        fresh.source,
    )
    assert from_tree.params == fresh.params
    assert from_tree.facts.keys() == fresh.facts.keys()


def _outcomes(rules: RuleSet, facts: dict[str, Any], today: dt.date) -> Any:
    report = rules.evaluate(facts, today=today)
    traces = [(r.id, r.trace(facts, today=today)) for r in rules.rules]  # every value shown
    return report.explain(skipped=True), [f.to_dict() for f in report.findings], traces


@pytest.mark.parametrize("name", sorted(OWN))
def test_results_and_explanations_match_on_drawn_facts(name: str) -> None:
    fresh, from_tree = _pair(name)

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_facts(fresh, {}), st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)))
    def check(facts: dict[str, Any], today: dt.date) -> None:
        assert _outcomes(from_tree, facts, today) == _outcomes(fresh, facts, today)

    check()


@settings(max_examples=40, deadline=None)
@given(grs.goals(), st.dates(dt.date(2025, 1, 1), dt.date(2027, 12, 31)))
def test_smart_scores_match_on_drawn_goals(goal: Any, today: dt.date) -> None:
    fresh, _ = _pair("smart")
    shipped = score_smart(goal, today=today)
    again = score_smart(goal, today=today, rules=fresh)
    assert shipped.score == again.score
    assert shipped.suggestions == again.suggestions
    assert shipped.report.explain(skipped=True) == again.report.explain(skipped=True)
    assert [f.to_dict() for f in shipped.findings] == [f.to_dict() for f in again.findings]
    assert shipped_ruleset("smart").origin.text == OWN["smart"]  # type: ignore[union-attr]


def test_the_demo_loads_no_parser() -> None:
    code = (
        "import sys, io; from goalrules.cli import main; "
        "main(['demo', '--format', 'json'], out=io.StringIO()); "
        "print(' '.join(m for m in ('lark',) if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


# -- the language packs' data ------------------------------------------------------------

PACKS = resources.files("goalrules.vocabulary.packs")
PACK_TEXTS = {
    item.name: item.read_text("utf-8") for item in PACKS.iterdir() if item.name.endswith(".toml")
}


def test_shipped_pack_data_is_current() -> None:
    doc = json.loads(PACKS.joinpath(languages.PARSED_PACKS).read_text("utf-8"))
    expected = {
        name: {"sha256": languages.pack_digest(text), "data": tomllib.loads(text)}
        for name, text in PACK_TEXTS.items()
    }
    assert doc == expected, "the packs' data is stale: run python scripts/parsed_rules.py"
    for name, text in PACK_TEXTS.items():  # in the order written: patterns apply so
        assert list(doc[name]["data"]) == list(tomllib.loads(text)), name


@pytest.mark.parametrize("name", sorted(n for n in PACK_TEXTS if not n.startswith("_")))
def test_a_pack_read_from_its_data_is_the_pack_read_from_its_text(name: str) -> None:
    text = PACK_TEXTS[name]
    data = languages._parsed_pack(name, text)
    assert data is not None
    from_data, from_text = languages._load(data, name), languages._load(text, name)
    assert attrs.asdict(from_data) == attrs.asdict(from_text)  # packs compare by identity
    assert from_data.patterns == from_text.patterns
    assert list(from_data.own_words.items()) == list(from_text.own_words.items())
    assert languages._parsed_pack(name, text + "\n# edited\n") is None


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(n for n in PACK_TEXTS if not n.startswith("_"))), st.data())
def test_statements_read_alike_with_either_pack(name: str, data: st.DataObject) -> None:
    text = PACK_TEXTS[name]
    from_data = languages._load(languages._parsed_pack(name, text), name)
    from_text = languages._load(text, name)
    words = sorted(from_text.own_words) or ["followers"]
    statement = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=8)))
    assert from_data.to_english(statement) == from_text.to_english(statement)


def test_a_ruleset_unpickled_elsewhere_compiles_from_its_tree() -> None:
    code = (
        "import pickle, sys; from goalrules.engine import shipped_ruleset; "
        "data = pickle.dumps(shipped_ruleset('channels')); "
        "[sys.modules.pop(m) for m in list(sys.modules) if m.split('.')[0] == 'lark']; "
        "from goalrules.engine.compile import _rebuild_cached; _rebuild_cached.cache_clear(); "
        "rules = pickle.loads(data); print(len(rules.rules), 'lark' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(len(shipped_ruleset("channels").rules)), "False"]
