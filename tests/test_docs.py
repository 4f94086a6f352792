"""Every ``rules`` block in docs/ compiles and every ``python`` block runs; a ``text``
block right after a ``python`` block is what that block prints."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import goalrules as gr

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"^```(python|rules)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _blocks(page: Path, kind: str) -> list[str]:
    return [m[2] for m in BLOCK.finditer(page.read_text("utf-8")) if m[1] == kind]


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_rules_blocks_compile(page: Path) -> None:
    for i, text in enumerate(_blocks(page, "rules")):
        gr.load_rules(text, source=f"{page.name}#{i}")


ANY_BLOCK = re.compile(r"^```(\w*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def _printed_blocks(page: Path) -> list[tuple[str, str | None]]:
    """Each ``python`` block and the ``text`` block that follows it with nothing but
    blank lines between (what the page says it prints), or ``None``."""
    text = page.read_text("utf-8")
    found = list(ANY_BLOCK.finditer(text))
    out: list[tuple[str, str | None]] = []
    for i, m in enumerate(found):
        if m[1] != "python":
            continue
        shown = None
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt[1] == "text" and not text[m.end() : nxt.start()].strip():
            shown = nxt[2]
        out.append((m[2], shown))
    return out


@pytest.mark.parametrize("page", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_python_blocks_run_in_order(page: Path) -> None:
    namespace: dict[str, object] = {"__name__": "docs"}
    for i, (code, shown) in enumerate(_printed_blocks(page)):
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, f"{page.name}#{i}", "exec"), namespace)
        if shown is not None:  # the page's output, wrapped for reading, is what it prints
            assert shown.split() == printed.getvalue().split(), f"{page.name}#{i}"


def test_generated_reference_pages_are_current() -> None:
    """docs/workspace.md and docs/reference/cli.md are what scripts/gen_docs.py builds
    from the code (run it after changing the model or a command)."""
    import importlib.util

    path = DOCS.parent / "scripts" / "gen_docs.py"
    spec = importlib.util.spec_from_file_location("gen_docs", path)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    assert gen.stale() == []
    assert "`formats_tried`" in (DOCS / "workspace.md").read_text("utf-8")
    cli_page = (DOCS / "reference" / "cli.md").read_text("utf-8")
    for command in ("check", "init", "review", "channels", "rules test", "completion"):
        assert f"## goalrules {command}\n" in cli_page


def _griffe_roles():  # type: ignore[no-untyped-def]
    import importlib.util

    path = DOCS.parent / "scripts" / "griffe_roles.py"
    spec = importlib.util.spec_from_file_location("griffe_roles", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_api_reference_shows_no_raw_sphinx_role() -> None:
    """Every docstring's Sphinx role becomes a cross-reference (or code, for an object
    with no page); mkdocs.yml loads the extension that does it."""
    griffe = pytest.importorskip("griffe")
    roles = _griffe_roles()
    pkg = griffe.load("goalrules", search_paths=[str(DOCS.parent / "src")],
                      extensions=griffe.load_extensions(roles.SphinxRoles))  # fmt: skip
    stack, seen, docstrings = [pkg], set(), 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or obj.is_alias:
            continue
        seen.add(id(obj))
        if obj.docstring is not None:
            docstrings += 1
            assert not roles.ROLE.search(obj.docstring.value), obj.path
        stack.extend(obj.members.values())
    assert docstrings > 100
    assert "scripts/griffe_roles.py:SphinxRoles" in (DOCS.parent / "mkdocs.yml").read_text("utf-8")


def test_a_role_to_nothing_stays_a_cross_reference_so_the_build_fails() -> None:
    griffe = pytest.importorskip("griffe")
    roles = _griffe_roles()
    pkg = griffe.load("goalrules", search_paths=[str(DOCS.parent / "src")])
    text = roles.convert(
        "See :func:`goalrules.no_such_thing` and :class:`~goalrules.io.Workspace`.", pkg, pkg
    )
    assert "[`goalrules.no_such_thing`][goalrules.no_such_thing]" in text
    assert "[`Workspace`][goalrules.io.Workspace]" in text
    assert roles.convert(":class:`KeyError`", pkg, pkg) == "`KeyError`"


def test_the_site_loads_nothing_from_the_internet_and_cites_real_pages() -> None:
    config = (DOCS.parent / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+font: false", config, re.MULTILINE)
    for path in [*DOCS.rglob("*.md"), *(DOCS.parent / "src").rglob("*.py")]:
        assert "DOMAIN.md" not in path.read_text("utf-8"), path


SHELL = re.compile(r"^```\n\$ (goalrules [^\n]*)\n(.*?)^```", re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize(
    "page", [p for p in _pages() if SHELL.search(p.read_text("utf-8"))],
    ids=lambda p: str(p.relative_to(DOCS)),
)  # fmt: skip
def test_command_samples_print_what_the_page_shows(page: Path) -> None:
    """A block that starts with ``$ goalrules ...`` shows what the command prints, line
    for line, up to a ``...`` line (the rest left out). The page once showed
    ``SMART score: 57/100`` where the command printed 52."""
    import shlex

    from goalrules.cli import main

    for m in SHELL.finditer(page.read_text("utf-8")):
        argv = shlex.split(m[1])[1:]
        out = io.StringIO()
        assert main(argv, out=out) in (0, 1), m[1]
        shown = m[2].rstrip("\n").split("\n")
        if "..." in shown:
            shown = shown[: shown.index("...")]
        printed = out.getvalue().rstrip("\n").split("\n")
        assert printed[: len(shown)] == shown, m[1]


def test_every_docs_page_the_code_names_exists() -> None:
    """A help text, message or docstring that sends the reader to ``docs/...md`` names
    a page that is there (``rules lint --help`` once named a docs/lint.md that was not)."""
    src = DOCS.parent / "src" / "goalrules"
    named = {
        (path.relative_to(src), m[1])
        for path in src.rglob("*.py")
        for m in re.finditer(r"\bdocs/([\w/.-]+?\.md)\b", path.read_text("utf-8"))
    }
    assert named, "the code names no page: the pattern is wrong"
    assert sorted((str(where), page) for where, page in named if not (DOCS / page).is_file()) == []
