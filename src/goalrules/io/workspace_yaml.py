"""How a workspace written in YAML is read: PyYAML's safe loader (no tag builds an
object), a key twice in one mapping an error, a date that is no date an error, and no
number that YAML 1.1 reads otherwise than a person does.

YAML 1.1, which PyYAML follows, reads ``010`` as 8 (octal), ``0777`` as 511, ``1:30``
as 90 (base 60) and ``0x10`` as 16; a baseline of ``010`` followers was 8 followers and
a target of ``1:30`` for a response time was 90. Such a number is an error at its line
and column that says both readings and asks for the number in decimals (or in quotes,
as text: ``"1:30"`` is read as the goal's words are). Digits grouped by ``_``
(``1_000``) read as 1000 in every reading and are kept.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from goalrules.errors import WorkspaceError

__all__ = ["yaml_loader"]

_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_BASE_PREFIX = re.compile(r"[-+]?0[xXoObB][0-9a-fA-F_]+")
_BASE_60 = re.compile(r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


def _both_readings(value: str, read: Any) -> str | None:
    """What is wrong with ``value`` as a number (``read``: what YAML 1.1 makes of it),
    or ``None`` when a person reads it as YAML does."""
    text = value.strip()
    if _BASE_60.fullmatch(text):
        return (
            f"{text!r} is read by YAML as a number in base 60 ({read:g}), not as a time "
            f"or a ratio; write the number in decimals, or {text!r} in quotes as text"
        )
    if _BASE_PREFIX.fullmatch(text):
        return (
            f"{text!r} is read by YAML as a number in another base ({read:g}); write it in decimals"
        )
    if _LEADING_ZERO.fullmatch(text):
        decimal = int(text.replace("_", ""))
        return (
            f"{text!r} is read by YAML as an octal number ({read:g}), not as {decimal}; "
            f"write {decimal}, without the leading 0"
        )
    return None


@functools.cache  # one class for every load (a subclass copies YAML's constructors)
def yaml_loader() -> Any:
    """PyYAML's safe loader with goalrules' checks (see the module)."""
    import yaml

    class Loader(yaml.SafeLoader):  # type: ignore[misc]
        def construct_mapping(self, node: Any, deep: bool = False) -> Any:
            seen: set[Any] = set()
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = (key_node.tag, key_node.value) if isinstance(key_node.value, str) else None
                if key is not None and key in seen:
                    mark = key_node.start_mark
                    raise WorkspaceError(
                        f"the key {key_node.value!r} appears twice in one mapping",
                        line=mark.line + 1,
                        column=mark.column + 1,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

        def construct_yaml_timestamp(self, node: Any) -> Any:
            # "2026-13-01" has a date's shape, so YAML reads it as one and fails
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError) as exc:
                mark = node.start_mark
                raise WorkspaceError(
                    f"{node.value!r} is not a date ({exc})",
                    line=mark.line + 1,
                    column=mark.column + 1,
                ) from None

        def _number(self, node: Any, read: Any) -> Any:
            said = _both_readings(str(node.value), read) if node.style is None else None
            if said is not None:
                mark = node.start_mark
                raise WorkspaceError(said, line=mark.line + 1, column=mark.column + 1)
            return read

        def construct_yaml_int(self, node: Any) -> Any:
            return self._number(node, super().construct_yaml_int(node))

        def construct_yaml_float(self, node: Any) -> Any:
            return self._number(node, super().construct_yaml_float(node))

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_yaml_float)
    return Loader
