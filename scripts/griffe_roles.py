"""A Griffe extension for the API reference: the docstrings' Sphinx roles
(``:class:`~goalrules.io.Workspace```, ``:func:`run_check```) become mkdocstrings
cross-references (``[Workspace][goalrules.io.Workspace]``), each name resolved in the
scope of the object whose docstring holds it. An object that exists but has no page
of its own (a private helper, a constant without a docstring, a builtin) is shown as
code; a name that resolves to nothing is left as a cross-reference all the same, so
that ``mkdocs build --strict`` fails on it (autorefs reports it) rather than showing a
raw role or a dead link.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(class|func|meth|data|attr|mod|exc|obj|const):`(~?)([^`<>]+?)`")


def _resolve(obj: Any, name: str) -> str:
    """The full path of ``name`` as seen from ``obj`` (its scope, then its parents')."""
    if name.startswith("goalrules."):
        return name
    head, _, rest = name.partition(".")
    scope = obj
    while scope is not None:
        try:
            found = scope.resolve(head)
        except Exception:
            found = None
        if found:
            return f"{found}.{rest}" if rest else str(found)
        scope = scope.parent
    return name


DOCS = Path(__file__).resolve().parent.parent / "docs"
ROOTS = sorted(
    {
        line[4:].strip()
        for page in DOCS.rglob("*.md")
        for line in page.read_text("utf-8").splitlines()
        if line.startswith("::: ")
    }
)


def _lookup(pkg: Any, path: str) -> Any:
    if path == pkg.path:
        return pkg
    try:
        return pkg[path.removeprefix(pkg.path + ".")]
    except Exception:
        return None


def _rendered(pkg: Any, path: str) -> bool | None:
    """Whether ``path`` has an entry in the API reference (``None``: no such object)."""
    found = _lookup(pkg, path)
    if found is None:
        return None
    for root in ROOTS:
        if path == root:
            return True
        if not path.startswith(root + "."):
            continue
        parts = path[len(root) + 1 :].split(".")
        if any(p.startswith("_") for p in parts):
            continue
        try:
            target = found.final_target if found.is_alias else found
        except Exception:
            target = found
        if target.is_module or target.docstring is None:
            continue
        between = [_lookup(pkg, f"{root}.{'.'.join(parts[:i])}") for i in range(1, len(parts))]
        if any(b is None or b.is_module for b in between):  # in a submodule with no page
            continue
        return True
    return False


def convert(text: str, obj: Any, pkg: Any = None) -> str:
    def link(m: re.Match[str]) -> str:
        short, target = m[2] == "~", m[3].strip().rstrip("()")
        path = _resolve(obj, target)
        shown = target.rsplit(".", 1)[-1] if short else target
        if not path.startswith("goalrules") or (pkg is not None and _rendered(pkg, path) is False):
            return f"`{shown}`"
        return f"[`{shown}`][{path}]"

    return ROLE.sub(link, text)


class SphinxRoles(griffe.Extension):
    """Rewrite Sphinx roles in every docstring once the package is loaded."""

    def on_package(self, *, pkg: Any, **kwargs: Any) -> None:
        stack = [pkg]
        seen: set[int] = set()
        while stack:
            obj = stack.pop()
            if id(obj) in seen or getattr(obj, "is_alias", False):
                continue
            seen.add(id(obj))
            if obj.docstring is not None:
                obj.docstring.value = convert(obj.docstring.value, obj, pkg)
            stack.extend(obj.members.values())
