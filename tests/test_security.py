"""Nothing executable is read from a writable place: the parser's tables ship in the
package as JSON, and a pickle planted where a cache used to be (goalrules' cache
folder, ``GOALRULES_CACHE_DIR``, lark's own temporary cache) never runs."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from importlib import resources
from pathlib import Path

import lark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import goalrules as gr
from goalrules.dsl import lalr as parser

SRC = str(Path(gr.__file__).resolve().parents[1])


def _built() -> lark.Lark:
    return lark.Lark(parser._grammar(), **parser._OPTIONS)


def _rule_texts() -> list[str]:
    texts = [
        item.read_text("utf-8")
        for item in resources.files("goalrules.rules").iterdir()
        if item.name.endswith(".rules")
    ]
    assert len(texts) >= 5
    return texts


def test_the_shipped_tables_are_those_of_the_grammar() -> None:
    doc = json.loads(resources.files("goalrules.dsl").joinpath(parser.TABLES).read_text("utf-8"))
    assert doc["grammar_sha256"] == parser._digest(parser._grammar()), (
        "grammar.lark changed: run python scripts/parser_tables.py"
    )
    assert doc["lark"] == lark.__version__, "lark changed: run python scripts/parser_tables.py"
    assert doc["options"] == parser._OPTIONS
    # the parser in use is the one loaded from the tables, not one built in the process
    assert parser._lark().source_path == "<deserialized>"


def test_the_shipped_tables_parse_as_the_grammar_does() -> None:
    shipped, built = parser._lark(), _built()
    for text in _rule_texts():
        assert shipped.parse(text, start="start") == built.parse(text, start="start")


def _outcome(p: lark.Lark, text: str, start: str) -> object:
    try:
        return p.parse(text, start=start)
    except lark.UnexpectedInput as exc:
        return (type(exc).__name__, exc.line, exc.column)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_broken_rule_text_fails_alike_with_both_tables(data: st.DataObject) -> None:
    # cut, doubled or spliced text: the same tree or the same error at the same place
    text = data.draw(st.sampled_from(_rule_texts()))
    i = data.draw(st.integers(0, len(text)))
    j = data.draw(st.integers(i, min(len(text), i + 40)))
    splice = data.draw(st.sampled_from(["", "(", ")", "[", '"', "check", "\n", "and and", "5 %"]))
    broken = text[:i] + splice + text[j:]
    start = data.draw(st.sampled_from(["start", "expr"]))
    assert _outcome(parser._lark(), broken, start) == _outcome(_built(), broken, start)


class _Payload:
    """Unpickling this writes the marker file: the proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GOALRULES_")}
    for name in ("home", "xdg", "tmp", "custom"):
        (tmp_path / name).mkdir()
    env.update(
        PYTHONPATH=SRC,
        HOME=str(tmp_path / "home"),
        XDG_CACHE_HOME=str(tmp_path / "xdg"),
        TMPDIR=str(tmp_path / "tmp"),
        GOALRULES_CACHE_DIR=str(tmp_path / "custom"),
    )
    return env


def _run(code: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_a_planted_cache_runs_nothing(tmp_path: Path) -> None:
    env = _env(tmp_path)
    marker = tmp_path / "marker"
    payload = b"0" * 64 + b"\n" + pickle.dumps(_Payload(marker))
    options = ", ".join(f"{k}={v!r}" for k, v in parser._OPTIONS.items())
    grammar = "from goalrules.dsl import lalr; import lark; g = lalr._grammar()"
    # every place the library (or lark, by default) read its tables from
    where = _run(
        f"{grammar}; import platformdirs; lark.Lark(g, cache=True, {options}); "
        "print(platformdirs.user_cache_dir('goalrules'))",
        env,
    )
    assert where.returncode == 0, where.stderr
    (lark_default,) = (tmp_path / "tmp").glob(".lark_cache_*.tmp")
    user_cache = Path(where.stdout.strip())
    user_cache.mkdir(parents=True, exist_ok=True)
    planted = [
        lark_default,
        user_cache / "grammar.lark.cache",
        tmp_path / "custom" / "grammar.lark.cache",
    ]
    assert str(user_cache).startswith(str(tmp_path))
    for path in planted:
        path.write_bytes(payload)

    # the planted files are live: a reader that trusts them runs the payload
    for path in planted:
        control = _run(f"{grammar}; lark.Lark(g, cache={str(path)!r}, {options})", env)
        assert control.returncode == 0 and marker.exists(), control.stderr
        marker.unlink()
        path.write_bytes(payload)

    rules = tmp_path / "a.rules"
    rules.write_text("rule a\n  check 1 > 0\n", encoding="utf-8")
    for code in (
        "import goalrules as gr; print(len(gr.load_rules('rule a\\n  check 1 > 0\\n')))",
        "import goalrules as gr; print(gr.compile_expression('1 > 0'))",
        f"import sys; from goalrules.cli import main; sys.argv = ['goalrules', 'rules', "
        f"'check', {str(rules)!r}]; main()",
    ):
        done = _run(code, env)
        assert not marker.exists(), code
        assert "Traceback" not in done.stderr, done.stderr
    ran = _run(
        "import goalrules as gr; print(len(gr.load_rules('rule a\\n  check 1 > 0\\n')))", env
    )
    assert ran.stdout.strip() == "1"
    # and nothing was written there either
    for path in planted:
        assert path.read_bytes() == payload


def _dsl_and_engine_modules() -> list[str]:
    import pkgutil

    import goalrules.dsl
    import goalrules.engine

    return [
        f"{pkg.__name__}.{m.name}"
        for pkg in (goalrules.dsl, goalrules.engine)
        for m in pkgutil.iter_modules(pkg.__path__)
    ]


@pytest.mark.parametrize("module", _dsl_and_engine_modules())
def test_no_dsl_or_engine_module_loads_code_from_disk(module: str) -> None:
    # no pickle, marshal or shelve, and no lark cache: what the DSL reads is data
    import ast
    import importlib

    tree = ast.parse(Path(importlib.import_module(module).__file__ or "").read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            call = f"{node.value.id}.{node.attr}"
            assert call not in {
                "pickle.load", "pickle.loads", "pickle.Unpickler", "marshal.load",
                "marshal.loads", "shelve.open", "dill.load", "dill.loads",
            }, (module, node.lineno)  # fmt: skip
        if isinstance(node, ast.ImportFrom) and node.module in {"pickle", "marshal", "shelve"}:
            assert not {a.name for a in node.names} & {"load", "loads", "Unpickler", "open"}
        if isinstance(node, ast.Call):
            assert "cache" not in {k.arg for k in node.keywords}, (module, node.lineno)
