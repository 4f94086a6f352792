"""The package's layout stays the architecture: layers import downwards only, no
module-level import cycle, no module past ~700 lines, and a light ``import goalrules``.

Module-level imports are read from the source, those under ``if TYPE_CHECKING:``
included (a type-only cycle is still two modules that need each other); imports inside
functions are deliberate, lazy edges and are not counted. Importing ``a.b.c`` also runs
``a/__init__.py`` and ``a/b/__init__.py``, so those count as edges.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import goalrules

PACKAGE = Path(goalrules.__file__).parent

# Bottom to top: a module may import its own layer and the layers below it.
LAYERS: list[tuple[str, ...]] = [
    (
        "errors",
        "plugins",
        "patterns",
        "units",
        "dates",
        "weekdays",
        "period_ends",
        "retail_days",
        "recurring",
        "numbers",
        "visible",
        "workbooks",
    ),
    ("vocabulary",),
    ("metrics",),
    ("model",),
    ("dsl",),
    ("engine",),
    ("judgments", "strategies", "_hypothesis", "invariants"),
    ("io",),
    ("scale",),
    ("check", "diff"),
    ("reviews",),
    ("report",),
    ("cli", "pytest_plugin", "__main__", "pattern_table"),  # (pattern_table: reads every module)
]
MAX_LINES = 700


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """Modules ``module`` imports at its top level (not inside functions)."""
    found: set[str] = set()
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.If, ast.Try, ast.With)):
            for field in ("body", "orelse", "finalbody", "handlers"):
                for child in getattr(node, field, []):
                    stack.extend(child.body if isinstance(child, ast.ExceptHandler) else [child])
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            for alias in node.names:  # `from goalrules.io import files` imports a module
                found.add(f"{target}.{alias.name}")
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text("utf-8"))
        edges: set[str] = set()
        for target in _top_level_imports(tree, name, path.name == "__init__.py"):
            parts = target.split(".")
            # importing a.b.c runs a, a.b and a.b.c
            for i in range(2, len(parts) + 1):
                candidate = ".".join(parts[:i])
                if candidate in modules and candidate != name:
                    edges.add(candidate)
        # a submodule's import runs its packages' __init__ first
        parts = name.split(".")
        for i in range(2, len(parts)):
            parent = ".".join(parts[:i])
            if parent in modules:
                edges.add(parent)
        graph[name] = edges
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the package's own __init__ loads names lazily
    for i, names in enumerate(LAYERS):
        if parts[1] in names:
            return i
    raise AssertionError(f"{module} is in no layer: add its folder to LAYERS")


def test_no_module_level_import_cycle() -> None:
    graph = _graph()
    # a package whose __init__ re-exports its modules is one unit with them: an edge
    # from a module up to its own package is the normal `__init__` order, not a cycle
    folded: dict[str, set[str]] = {}
    for name, edges in graph.items():
        folded[name] = {e for e in edges if not name.startswith(e + ".")}
    assert _cycles(folded) == []


def test_cycle_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_layers_import_downwards() -> None:
    upward = []
    for name, edges in _graph().items():
        mine = _layer(name)
        for target in edges:
            theirs = _layer(target)
            if mine is not None and theirs is not None and theirs > mine:
                upward.append(f"{name} -> {target}")
    assert upward == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_module_size(path: Path) -> None:
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines"


def test_import_goalrules_stays_light() -> None:
    code = (
        "import sys, goalrules; "
        "print(' '.join(m for m in ('numpy', 'pandas', 'polars', 'dask', 'pint', "
        "'matplotlib', 'pyarrow', 'lark', 'jinja2') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


def test_a_run_on_goalrules_own_files_loads_no_export_reader() -> None:
    # the demo reads goalrules' own history and performance files: the readers of
    # GA4, Meta, HubSpot... files (the package goalrules.io.exports, its presets and
    # what goalrules.io.exports.importing imports) are loaded only for a file that is
    # not goalrules' own
    code = (
        "import io, sys; from goalrules.cli import main; "
        "main(['demo', '--format', 'json'], out=io.StringIO()); "
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('goalrules.io.exports'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == []


def test_the_export_names_are_their_modules_objects() -> None:
    # every public name of goalrules.io.exports is found on first use, and is the object
    # its module defines (a home with a dot: a module beside the package); `presets` is
    # the function even once its module is imported
    code = (
        "import importlib, goalrules.io.exports as p; "
        "module = importlib.import_module('goalrules.io.exports.presets'); "
        "from goalrules.io.exports import presets; "
        "print(presets is module.presets, callable(p.presets), "
        "all(getattr(p, n) is getattr(importlib.import_module(h if '.' in h else "
        "'goalrules.io.exports.' + h), n) for n, h in p._HOMES.items()), "
        "sorted(p.__all__) == sorted([*p._HOMES, 'presets']))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"] * 4
