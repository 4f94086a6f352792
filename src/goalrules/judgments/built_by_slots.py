"""Instances of frozen slotted attrs classes made many times a call (a channel's
decision, the portfolio) without their ``__init__``: the object made bare and each
field's slot set through its member descriptor, in one generated function a class."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

__all__ = ["built_by_slots"]


def built_by_slots(cls: type[Any]) -> Callable[..., Any]:
    """A function making an instance of ``cls`` (a frozen slotted attrs class with no
    converter, validator or post-init) from a value for each of its fields, in their
    order, as its ``__init__`` makes it: the object made bare and each field's slot set
    through its member descriptor (a field made a property over its slot: the slot's
    setter), written out in one generated function (no bound ``object.__setattr__``
    called a field)."""
    fields = attrs.fields(cls)
    checked = [f.name for f in fields if f.converter is not None or f.validator is not None]
    if checked or hasattr(cls, "__attrs_post_init__") or not getattr(cls, "__slots__", ()):
        # its __init__ does more than set slots: building it bare would skip that
        raise TypeError(f"{cls.__name__} is not built by its slots alone ({checked})")
    names = [field.name for field in fields]
    space: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def build({', '.join(f'v{i}' for i in range(len(names)))}):", "    o = new(cls)"]
    for i, name in enumerate(names):
        slot = cls.__dict__[name]  # (a property over its slot: the slot's own setter)
        space[f"s{i}"] = slot.fset if isinstance(slot, property) else slot.__set__
        lines.append(f"    s{i}(o, v{i})")
    lines.append("    return o")
    exec(compile("\n".join(lines) + "\n", f"<build {cls.__name__}>", "exec"), space)
    fn: Callable[..., Any] = space["build"]
    return fn
