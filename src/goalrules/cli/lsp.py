"""``goalrules lsp``: a language server for rule files and decision tables (pygls;
``pip install 'goalrules[lsp]'``), over standard input and output.

* diagnostics as you type: the checker's errors and the lint findings, each with its code;
* hover: a fact's or field's type and unit, a metric's formula and unit from the
  catalog, a param's value, a function's signature;
* completion: facts, fields after ``fact.``, params, metrics, units, functions, keywords;
* the command ``goalrules.runTests`` runs the tests of a file (``goalrules rules test``).

The analysis is plain functions (:func:`diagnostics`, :func:`hover_text`,
:func:`completions`) so that it is tested without a client; :func:`serve` wires them
to the protocol.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["completions", "diagnostics", "hover_text", "serve"]

KEYWORDS = ("ruleset", "param", "fact", "rule", "criterion", "decision", "weight",
            "priority", "when", "check", "says", "pass", "fail", "fix", "and", "or", "not",
            "in", "is", "set", "missing", "true", "false", "today", "if", "else")  # fmt: skip
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _path(uri: str) -> str:
    return uri[len("file://") :] if uri.startswith("file://") else uri


def diagnostics(text: str, source: str) -> list[dict[str, Any]]:
    """The problems of a rule file's (or table's) text: ``{line, column, end_column,
    message, code, severity}`` with 1-based lines and columns; severity ``error`` for
    what stops the file loading, ``warning`` for lint."""
    from goalrules.errors import GoalRulesError, GoalRulesErrors

    out: list[dict[str, Any]] = []
    try:
        if source.endswith((".csv", ".xlsx")):
            from goalrules.engine.decision_table import load_table

            table = load_table(text, source=source)
            for p in table.analyse():
                out.append(_diag(p.line or 1, 1, None, p.message, p.code, "warning"))
            return out
        from goalrules.engine import load_rules
        from goalrules.engine.lint import lint_ruleset

        rs = load_rules(text, source=source)
    except GoalRulesErrors as group:
        return [_error(e) for e in group.errors]
    except GoalRulesError as exc:
        return [_error(exc)]
    for f in lint_ruleset(rs, text=text):
        out.append(_diag(f.line or 1, f.column or 1, None, f.message, f.code, "warning"))
    return out


def _diag(line: int, column: int, end: int | None, message: str, code: str,
          severity: str) -> dict[str, Any]:  # fmt: skip
    return {"line": line, "column": column, "end_column": end or column + 1,
            "message": message, "code": code, "severity": severity}  # fmt: skip


def _error(e: Any) -> dict[str, Any]:
    return _diag(e.line or 1, e.column or 1, e.end_column, e.detail(), e.code, "error")


def _word_at(text: str, line: int, character: int) -> str | None:
    """The dotted word under a 0-based position."""
    lines = text.split("\n")
    if not 0 <= line < len(lines):
        return None
    for m in _WORD.finditer(lines[line]):
        if m.start() <= character <= m.end():
            return m.group(0)
    return None


def _declared(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """The file's own facts (name -> type text) and params (name -> value text)."""
    facts = dict(re.findall(r"^\s*fact\s+([A-Za-z_]\w*)\s*:\s*([^#\n]+?)\s*(?:#.*)?$", text, re.M))
    params = dict(re.findall(r"^\s*param\s+([A-Za-z_]\w*)\s*=\s*([^#\n]+?)\s*(?:#.*)?$", text,
                             re.M))  # fmt: skip
    return facts, params


def hover_text(text: str, line: int, character: int) -> str | None:
    """What the word at a 0-based position is, in markdown, or ``None``."""
    from goalrules.dsl.builtins import function_table
    from goalrules.dsl.schemas import BUILTIN_SCHEMAS
    from goalrules.metrics import catalog

    word = _word_at(text, line, character)
    if word is None:
        return None
    facts, params = _declared(text)
    head, _, field = word.partition(".")
    if field and head in BUILTIN_SCHEMAS:
        spec = BUILTIN_SCHEMAS[head].fields.get(field.split(".")[0])
        if spec is not None:
            doc = f": {spec.doc}" if spec.doc else ""
            return f"`{head}.{spec.name}`: {spec.type}{doc}"
    if word in facts:
        return f"fact `{word}`: {facts[word]}"
    if word in params:
        return f"param `{word}` = {params[word]}"
    if word in BUILTIN_SCHEMAS:
        schema = BUILTIN_SCHEMAS[word]
        names = ", ".join(sorted(schema.fields))
        return f"fact `{word}` ({schema.doc or schema.name}): fields {names}"
    functions = function_table()
    if word in functions:
        fn = functions[word]
        return f"`{word}({', '.join(fn.params)})`" + (f": {fn.doc}" if fn.doc else "")
    try:
        metric = catalog[word]
    except KeyError:
        return None
    formula = metric.formula or "measured"
    return f"metric `{metric.key}` ({metric.name}): {formula}, in {metric.unit}"


def completions(text: str, line: int, character: int) -> list[tuple[str, str]]:
    """``(label, kind)`` pairs for a 0-based position: fields after ``fact.``, else
    facts, params, functions, metrics, units and keywords."""
    from goalrules.dsl.builtins import function_table
    from goalrules.dsl.schemas import BUILTIN_SCHEMAS
    from goalrules.metrics import catalog

    lines = text.split("\n")
    before = lines[line][:character] if 0 <= line < len(lines) else ""
    m = re.search(r"([A-Za-z_]\w*)\.(\w*)$", before)
    if m and m[1] in BUILTIN_SCHEMAS:
        return [(f, "field") for f in sorted(BUILTIN_SCHEMAS[m[1]].fields) if f.startswith(m[2])]
    prefix = re.search(r"[A-Za-z_]\w*$", before)
    start = prefix.group(0) if prefix else ""
    facts, params = _declared(text)
    units = sorted({m.unit for m in catalog.values()} | {"%", "months", "weeks", "days"})
    items = ([(f, "fact") for f in [*facts, *BUILTIN_SCHEMAS]]
             + [(p, "param") for p in params]
             + [(f, "function") for f in function_table()]
             + [(k.key, "metric") for k in catalog.values()]
             + [(u, "unit") for u in units]
             + [(k, "keyword") for k in KEYWORDS])  # fmt: skip
    return [(label, kind) for label, kind in dict.fromkeys(items) if label.startswith(start)]


def run_tests(path: str) -> str:
    from goalrules.engine.rule_tests import run_rule_tests

    return run_rule_tests([path]).text()


def serve() -> None:  # pragma: no cover - exercised through a client in tests/test_lsp.py
    """Run the server on standard input and output."""
    try:
        from lsprotocol import types as t
        from pygls.lsp.server import LanguageServer
    except ImportError:
        from goalrules.errors import GoalRulesError

        raise GoalRulesError("the language server needs pygls: pip install 'goalrules[lsp]'",
                             field="lsp") from None  # fmt: skip
    from goalrules import __version__

    server = LanguageServer("goalrules", __version__)
    severity = {"error": t.DiagnosticSeverity.Error, "warning": t.DiagnosticSeverity.Warning}

    def publish(uri: str) -> None:
        doc = server.workspace.get_text_document(uri)
        found = diagnostics(doc.source, _path(uri))
        server.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[
            t.Diagnostic(
                range=t.Range(t.Position(d["line"] - 1, d["column"] - 1),
                              t.Position(d["line"] - 1, d["end_column"] - 1)),
                message=d["message"], code=d["code"], source="goalrules",
                severity=severity[d["severity"]],
            )
            for d in found
        ]))  # fmt: skip

    @server.feature(t.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: t.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Any, params: t.DidChangeTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(t.TEXT_DOCUMENT_HOVER)
    def hover(ls: Any, params: t.HoverParams) -> t.Hover | None:
        doc = server.workspace.get_text_document(params.text_document.uri)
        said = hover_text(doc.source, params.position.line, params.position.character)
        if said is None:
            return None
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown, value=said))

    kinds = {"fact": t.CompletionItemKind.Variable, "field": t.CompletionItemKind.Field,
             "param": t.CompletionItemKind.Constant, "function": t.CompletionItemKind.Function,
             "metric": t.CompletionItemKind.Value, "unit": t.CompletionItemKind.Unit,
             "keyword": t.CompletionItemKind.Keyword}  # fmt: skip

    @server.feature(t.TEXT_DOCUMENT_COMPLETION, t.CompletionOptions(trigger_characters=["."]))
    def complete(ls: Any, params: t.CompletionParams) -> t.CompletionList:
        doc = server.workspace.get_text_document(params.text_document.uri)
        items = completions(doc.source, params.position.line, params.position.character)
        return t.CompletionList(is_incomplete=False, items=[
            t.CompletionItem(label=label, kind=kinds[kind], detail=kind) for label, kind in items
        ])  # fmt: skip

    @server.command("goalrules.runTests")
    def tests(ls: Any, args: Any) -> str:
        uri = args[0] if args else ""
        return run_tests(_path(str(uri)))

    server.start_io()


def cmd_lsp(args: Any, out: Any) -> int:  # pragma: no cover - runs until the client exits
    serve()
    return 0


def add_command(sub: Any) -> None:
    p = sub.add_parser("lsp", help="the language server for editors (stdin/stdout)")
    p.set_defaults(func=cmd_lsp)
