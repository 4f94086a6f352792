"""Static types of the rule language and the fact schemas rules read.

A type is one of: ``bool``, ``text``, ``date``, ``unit`` (a unit as a value, from
``unit(x)``), ``list of T``, a *quantity* of a known dimension (``visit``,
``follower / month``; a plain number is the dimensionless quantity), a quantity of a
dimension known only at run time (``quantity``: a goal's target, whose unit depends on
its metric), or a *fact* with named fields (``goal``).

A :class:`Schema` declares the fields of a fact and their types; a field's value is
read from a mapping (``fact["visits"]``) or an object attribute (``fact.visits``).
Numbers in a quantity field are taken in the field's declared unit; pint quantities are
converted.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

import attrs

from goalrules.errors import UnitError
from goalrules.units import DimensionKey, format_dimension, unit_info

__all__ = [
    "ANY_QUANTITY",
    "BOOL",
    "DATE",
    "DURATION",
    "NUMBER",
    "TEXT",
    "UNIT",
    "FieldSpec",
    "Schema",
    "Type",
    "list_of",
    "quantity_type",
    "type_from_text",
]


@attrs.frozen
class Type:
    """A static type. ``kind`` is one of bool, text, date, unit, list, quantity, fact,
    any; quantities carry ``dim`` (``None``: known only at run time) and the unit text
    they are best shown in; lists carry ``item``; facts carry ``schema``."""

    kind: str
    dim: DimensionKey | None = None
    item: Type | None = attrs.field(default=None, eq=True)
    schema: Schema | None = attrs.field(default=None, eq=False, repr=False)
    display: str | None = attrs.field(default=None, eq=False)
    schema_name: str | None = None

    @property
    def is_quantity(self) -> bool:
        return self.kind == "quantity"

    @property
    def is_dynamic(self) -> bool:
        return self.kind == "quantity" and self.dim is None

    @property
    def is_number(self) -> bool:
        return self.kind == "quantity" and self.dim == ()

    def __str__(self) -> str:
        if self.kind == "quantity":
            if self.dim is None:
                return "quantity"
            if self.dim == ():
                return "number"
            return format_dimension(self.dim)
        if self.kind == "list":
            return f"list of {self.item}"
        if self.kind == "fact":
            return self.schema_name or "fact"
        return self.kind


BOOL = Type("bool")
TEXT = Type("text")
DATE = Type("date")
UNIT = Type("unit")
ANY = Type("any")
NUMBER = Type("quantity", dim=())
ANY_QUANTITY = Type("quantity", dim=None)
DURATION = Type("quantity", dim=(("[time]", 1),), display="day")


def list_of(item: Type) -> Type:
    return Type("list", item=item)


def quantity_type(unit: str) -> Type:
    """The type of quantities in ``unit`` (``"visit"``, ``"follower / month"``, ``"%"``)."""
    info = unit_info(unit)
    return Type("quantity", dim=info.key, display=unit.strip())


_SIMPLE = {
    "bool": BOOL,
    "boolean": BOOL,
    "text": TEXT,
    "str": TEXT,
    "string": TEXT,
    "date": DATE,
    "number": NUMBER,
    "ratio": Type("quantity", dim=(), display="%"),
    "quantity": ANY_QUANTITY,
    "duration": DURATION,
    "unit": UNIT,
}


def type_from_text(text: str | type | Type) -> Type:
    """Read a type: ``"text"``, ``"bool"``, ``"date"``, ``"number"``, ``"quantity"``,
    ``"list of text"``, a unit (``"visit"``, ``"USD / lead"``, ``"%"``), or the Python
    types ``str``, ``bool``, ``int``, ``float``, ``datetime.date``."""
    if isinstance(text, Type):
        return text
    if text is str:
        return TEXT
    if text is bool:
        return BOOL
    if text in (int, float):
        return NUMBER
    if text is _dt.date:
        return DATE
    if not isinstance(text, str):
        raise UnitError(f"cannot read a field type from {text!r}")
    t = " ".join(text.split())
    if t.lower() in _SIMPLE:
        return _SIMPLE[t.lower()]
    if t.lower().startswith("list of "):
        return list_of(type_from_text(t[8:]))
    if t == "%":
        return Type("quantity", dim=(), display="%")
    return quantity_type(t)


@attrs.frozen
class FieldSpec:
    """One field of a fact schema."""

    name: str
    type: Type
    doc: str = ""


@attrs.frozen
class Schema:
    """The fields of a fact (``goal``, ``channel``, ...), with their types.

    ``access`` is ``"mapping"`` (read ``fact[name]``) or ``"attribute"``
    (read ``fact.name``).
    """

    name: str
    fields: Mapping[str, FieldSpec]
    access: str = "mapping"
    doc: str = ""

    @classmethod
    def build(
        cls,
        name: str,
        fields: Mapping[str, str | type | Type | Schema],
        *,
        access: str = "mapping",
        doc: str = "",
    ) -> Schema:
        specs: dict[str, FieldSpec] = {}
        for fname, ftype in fields.items():
            if isinstance(ftype, Schema):
                specs[fname] = FieldSpec(fname, fact_type(ftype))
            else:
                specs[fname] = FieldSpec(fname, type_from_text(ftype))
        return cls(name=name, fields=specs, access=access, doc=doc)


def fact_type(schema: Schema) -> Type:
    return Type("fact", schema=schema, schema_name=schema.name)
