"""`goalrules lsp`: a scripted client opens a rule file and asks for diagnostics, hover
and completion over the protocol; the analysis functions are checked directly too."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from goalrules.cli.lsp import completions, diagnostics, hover_text

RULES = """\
param low = 10 visits
fact visits: visit

rule volume
  criterion reach
  check visits > 3 leads
  says "Only {visits}."

rule fallback
  decision reduce  priority 1
  check true
  says "Always."
"""

GOOD = RULES.replace("visits > 3 leads", "visits > low")


def test_diagnostics_hover_and_completion_directly() -> None:
    found = diagnostics(RULES, "a.rules")
    assert [(d["code"], d["line"], d["severity"]) for d in found] == [("GR102", 6, "error")]
    lint = diagnostics(GOOD, "a.rules")
    assert [(d["code"], d["line"]) for d in lint] == [("GR301", 9)]
    assert hover_text(GOOD, 5, 9) == "fact `visits`: visit"
    assert hover_text(GOOD, 5, 18) == "param `low` = 10 visits"
    assert "metric `followers`" in (hover_text("check followers", 0, 8) or "")
    assert "`channel.lead_rate`" in (hover_text("check channel.lead_rate", 0, 14) or "")
    assert ("lead_rate", "field") in completions("check channel.le", 0, 16)
    offered = completions(GOOD + "  check vi", 12, 10)
    assert ("visits", "fact") in offered and all(label.startswith("vi") for label, _ in offered)


def test_a_table_gets_its_analysis() -> None:
    table = "# fact v: visit\nv, => x\n>= 10 visits, a\n>= 20 visits, b\n"
    codes = {d["code"] for d in diagnostics(table, "t.table.csv")}
    assert codes == {"GR311", "GR313"}


def test_the_server_over_the_protocol(tmp_path: Path) -> None:
    pytest.importorskip("pygls")
    from lsprotocol import types as t
    from pygls.lsp.client import LanguageClient

    path = tmp_path / "a.rules"
    path.write_text(RULES, encoding="utf-8")
    uri = path.as_uri()

    async def session() -> tuple[list[t.Diagnostic], t.Hover | None, list[str]]:
        client = LanguageClient("test", "1")
        got: asyncio.Queue[t.PublishDiagnosticsParams] = asyncio.Queue()

        @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: t.PublishDiagnosticsParams) -> None:
            got.put_nowait(params)

        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent / "src")}
        await client.start_io(sys.executable, "-m", "goalrules.cli", "lsp", env=env)
        try:
            await client.initialize_async(t.InitializeParams(capabilities=t.ClientCapabilities()))
            client.initialized(t.InitializedParams())
            client.text_document_did_open(
                t.DidOpenTextDocumentParams(
                    t.TextDocumentItem(uri=uri, language_id="goalrules", version=1, text=RULES)
                )
            )
            first = await asyncio.wait_for(got.get(), 60)
            hover = await client.text_document_hover_async(
                t.HoverParams(t.TextDocumentIdentifier(uri), t.Position(line=5, character=9))
            )
            done = await client.text_document_completion_async(
                t.CompletionParams(t.TextDocumentIdentifier(uri), t.Position(line=5, character=9))
            )
            items = done.items if isinstance(done, t.CompletionList) else (done or [])
            await client.shutdown_async(None)
            client.exit(None)
        finally:
            await client.stop()
        return list(first.diagnostics), hover, [i.label for i in items]

    found, hover, labels = asyncio.run(session())
    assert [(d.code, d.range.start.line) for d in found] == [("GR102", 5)]
    assert hover is not None and "visit" in str(hover.contents)
    assert "visits" in labels and all(label.startswith("vi") for label in labels)
