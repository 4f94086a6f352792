"""A Pygments lexer for rule files, registered as ``goalrules`` (and ``rules``) through
the ``pygments.lexers`` entry point: ```` ```rules ```` blocks in MkDocs, Sphinx or any
Pygments-based tool are coloured once goalrules is installed.

Pygments is imported only by this module (it comes with the ``docs`` extra and with most
documentation tools), never by ``import goalrules``.
"""

from __future__ import annotations

from pygments.lexer import RegexLexer, bygroups, words
from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Whitespace,
)

__all__ = ["GoalRulesLexer"]

_DECLARATIONS = ("ruleset", "param", "fact", "rule", "test")
_CLAUSES = ("criterion", "decision", "weight", "priority", "when", "check", "says", "pass",
            "fail", "fix", "given", "expect", "passes", "fails", "score", "message")  # fmt: skip
_WORDS = ("and", "or", "not", "in", "is", "set", "missing", "if", "else", "per", "of", "list",
          "no")  # fmt: skip
_CONSTANTS = ("true", "false", "today")
_TYPES = ("text", "bool", "date", "number", "quantity")


class GoalRulesLexer(RegexLexer):  # type: ignore[misc]  # pygments is untyped
    """goalrules rule files (``*.rules``)."""

    name = "goalrules"
    aliases = ["goalrules", "rules"]  # noqa: RUF012 - Pygments reads class attributes
    filenames = ["*.rules"]  # noqa: RUF012
    mimetypes = ["text/x-goalrules"]  # noqa: RUF012
    url = "https://pypi.org/project/goalrules/"

    tokens = {  # noqa: RUF012
        "root": [
            (r"\s+", Whitespace),
            (r"#.*?$", Comment.Single),
            (
                r"(rule)(\s+)([A-Za-z_][\w]*(?:[.\-][\w]+)*)",
                bygroups(Keyword.Declaration, Whitespace, Name.Function),
            ),
            (
                r"(ruleset|param|fact)(\s+)([A-Za-z_]\w*)",
                bygroups(Keyword.Declaration, Whitespace, Name.Class),
            ),
            (words(_DECLARATIONS, suffix=r"\b"), Keyword.Declaration),
            (words(_CLAUSES, suffix=r"\b"), Keyword),
            (words(_WORDS, suffix=r"\b"), Operator.Word),
            (words(_CONSTANTS, suffix=r"\b"), Keyword.Constant),
            (words(_TYPES, suffix=r"\b"), Keyword.Type),
            (r'"', String.Double, "string"),
            (r"\d{4}-\d{2}-\d{2}\b", Number.Other),
            (r"[$€£]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][+-]?\d+)?(k|K|m|M|bn)?\b", Number),
            (r"%", Number),
            (r"<=|>=|==|!=|<|>|\+|-|\*|/|=", Operator),
            (r"[()\[\],.:]", Punctuation),
            (r"[A-Za-z_]\w*", Name),
            (r".", Text),
        ],
        "string": [
            (r"\\.", String.Escape),
            (r"\{[^{}\"]*\}", String.Interpol),
            (r'"', String.Double, "#pop"),
            (r'[^"\\{]+', String.Double),
            (r"\{", String.Double),
        ],
    }
