"""The shipped rulesets' fast code, written ahead of time as Python modules.

Compiling a rule builds its *fast* function (:mod:`goalrules.dsl.compiler`) as a Python
syntax tree, rewrites it and compiles it: most of what compiling the shipped rulesets
costs a fresh process. :mod:`goalrules.engine.compiled_rules` holds, for each of
goalrules' own rulesets, a module with each rule's fast function as Python source and
the SHA-256 of the ``.rules`` text it was generated from, written by
``scripts/parsed_rules.py`` from what the compiler gives. Compiling that ruleset (its
text, no param overrides, the built-in schemas) takes a rule's fast function from the
module instead of generating it, and only while the text is the one it was generated
from; ``tests/test_compiled_rules.py`` fails while a module is not what the compiler
gives now.

A rule's source is shipped when it parses back to the very tree the compiler built (up to
the constants Python folds as it compiles: ``-0.02``, ``('>',)``). Where
its code reads values made while generating it (a function bound to its argument types,
a set of values: names beyond :data:`BACKEND_NAMES`), the module lists the rule in
``MAKES_VALUES``, and a load generates its code again to make them under the same names
(the rewriting and compiling are still spared).

The modules are part of the installed package, written when goalrules is built and
never at run time: nothing executable is loaded from a writable place (no cache folder).
"""

from __future__ import annotations

import ast as pyast
import importlib
import types
from collections.abc import Mapping
from typing import Any, NamedTuple

from goalrules.dsl import trees

PACKAGE = "goalrules.engine.compiled_rules"
"""The package of the generated modules, one per shipped ruleset, named after it."""

BACKEND_NAMES = frozenset(
    {"__builtins__", "_fallback", "_Fallback", "_rt", "_date", "_NUM", "str", "bool"}
)
"""The names every :class:`~goalrules.dsl.compiler.PythonBackend` defines before it
generates a rule (``Exception`` and the rule's careful function are added with its fast
function)."""

FUNCTION = "rule"
"""The name of every rule's fast function, as the compiler makes it."""


class ShippedFast(NamedTuple):
    """A rule's fast code as shipped; ``makes_values``: it reads values made while
    generating it (generate it again to make them)."""

    code: types.CodeType
    makes_values: bool


def fast_code(name: str, text: str) -> Mapping[str, ShippedFast]:
    """The shipped fast code of ruleset ``name`` by rule id, when ``text`` is the text it
    was generated from; empty otherwise (every rule is then compiled)."""
    try:
        module = importlib.import_module(f"{PACKAGE}.{name}")
    except ImportError:
        return {}
    if getattr(module, "SHA256", None) != trees.digest(text):
        return {}
    functions: Mapping[str, types.FunctionType] = getattr(module, "FAST", {})
    makes_values: frozenset[str] = getattr(module, "MAKES_VALUES", frozenset())
    return {
        rule_id: ShippedFast(
            fn.__code__.replace(co_name=FUNCTION, co_qualname=FUNCTION),
            rule_id in makes_values,
        )
        for rule_id, fn in functions.items()
    }


def adopt(
    code: types.CodeType, namespace: dict[str, object], careful: object
) -> types.FunctionType:
    """A shipped fast function made in a backend's ``namespace``, as
    :meth:`~goalrules.dsl.compiler.PythonBackend.fast_with_fallback` makes it."""
    namespace[f"_careful_{FUNCTION}"] = careful
    namespace["Exception"] = Exception
    return types.FunctionType(code, namespace, FUNCTION, (None,))


def module_source(name: str, text: str) -> str:
    """The module :func:`fast_code` reads for ruleset ``name`` compiled from ``text``:
    what ``scripts/parsed_rules.py`` writes (the rules compiled now)."""
    from goalrules.dsl.compiler import PythonBackend
    from goalrules.engine.compile import _fast_body, _fast_tests, compile_file

    source = f"goalrules/rules/{name}.rules"
    tree = trees.shipped_tree(name, text)
    if tree is None:
        from goalrules.dsl.parser import parse_file

        tree = parse_file(text, source=source)
    ruleset = compile_file(tree, source=source, text=text)
    functions: list[str] = []
    table: list[str] = []
    makes_values: list[str] = []
    ids = [rule.id for rule in ruleset.rules]
    for rule in ruleset.rules:
        if ids.count(rule.id) > 1:
            continue  # (a file with two rules of one id does not compile; kept apart still)
        decl, checker = rule._decl, rule._checker
        assert decl is not None and checker is not None
        backend = PythonBackend(checker)
        assert set(backend.globals) == BACKEND_NAMES
        fdef = backend.fast_definition(FUNCTION, _fast_body(backend, decl))
        made = set(backend.globals) - BACKEND_NAMES
        if made:  # a load makes them again: by the same names?
            again = PythonBackend(checker)
            _fast_tests(again, decl)
            if set(again.globals) - BACKEND_NAMES != made:
                continue  # compiled at load
            makes_values.append(rule.id)
        function = f"rule_{len(functions)}"
        fdef.name = function
        code = pyast.unparse(pyast.fix_missing_locations(pyast.Module([fdef], [])))
        if _folded(pyast.parse(code).body[0]) != _folded(fdef):
            if made:
                makes_values.pop()
            continue  # compiled at load
        functions.append(code)
        table.append(f"    {rule.id!r}: {function},")
    return (
        f"# Generated by scripts/parsed_rules.py from {source}: do not edit.\n"
        "# mypy: ignore-errors\n"
        f'"""The fast code of the shipped ruleset {name!r} (goalrules.engine.shipped_code)."""\n'
        "\n"
        f"SHA256 = {trees.digest(text)!r}\n"
        "\n\n" + "\n\n\n".join(functions) + "\n\n\n"
        "FAST = {\n" + "\n".join(table) + "\n}\n"
        "\n"
        "# the rules whose code reads values made while generating it: made again at load\n"
        "MAKES_VALUES = frozenset({\n" + "".join(f"    {i!r},\n" for i in makes_values) + "})\n"
    )


class _Folding(pyast.NodeTransformer):
    """The constants Python's compiler folds, folded: ``-0.02`` is read back as the
    negation of 0.02 and ``('>',)`` as a tuple display, the compiler built constants."""

    def visit_UnaryOp(self, node: pyast.UnaryOp) -> pyast.AST:
        self.generic_visit(node)
        operand = node.operand
        if isinstance(node.op, pyast.USub) and isinstance(operand, pyast.Constant):
            value = operand.value
            if isinstance(value, int | float) and not isinstance(value, bool):
                return pyast.Constant(value=-value)
        return node

    def visit_Tuple(self, node: pyast.Tuple) -> pyast.AST:
        self.generic_visit(node)
        if isinstance(node.ctx, pyast.Load) and all(
            isinstance(e, pyast.Constant) for e in node.elts
        ):
            values: Any = tuple(e.value for e in node.elts)  # type: ignore[attr-defined]
            return pyast.Constant(value=values)
        return node


def _folded(node: pyast.AST) -> str:
    """``node``'s dump with the constants Python folds folded (on a copy)."""
    import copy

    return pyast.dump(_Folding().visit(copy.deepcopy(node)))
