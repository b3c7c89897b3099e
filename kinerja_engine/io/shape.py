"""The container shape of a TOML document, checked against the model before cattrs runs.

cattrs structures whatever iterates: the text ``"abc"`` where an array belongs becomes
``("a", "b", "c")``, and a single ``[indicator]`` table where ``[[indicator]]`` belongs is
read as its keys. This walk compares only containers (tables and arrays) with the model's
annotations, so such a mistake gets its own message with its key path; everything else
(unknown keys, scalar types, numbers) is left to the converter and its hooks.
"""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any

import attrs

from kinerja_engine.errors import SchemaError

__all__ = ["check_shape", "describe", "describe_id"]


def describe(value: Any) -> str:
    """A value as a message names it: ``the text 'x'``, ``the number 5``, ``a table``."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"the text {_short(value)!r}"
    if isinstance(value, int | Decimal):
        return f"the number {_short(str(value))}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a value of type {type(value).__name__}"


def describe_id(value: Any) -> str:
    """:func:`describe` in Indonesian."""
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, str):
        return f"teks {_short(value)!r}"
    if isinstance(value, int | Decimal):
        return f"angka {_short(str(value))}"
    if isinstance(value, dict):
        return "tabel"
    if isinstance(value, list):
        return "larik"
    return f"nilai bertipe {type(value).__name__}"


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    # Resolving annotations compiles each one: once per class, not once per table of a
    # file (a national case file has hundreds of thousands of tables).
    return typing.get_type_hints(cls)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."


def check_shape(
    value: Any,
    tp: Any,
    path: str,
    *,
    renames: Mapping[type, Mapping[str, str]],
    opaque: Collection[Any],
    within: str = "",
) -> None:
    """Raise :class:`SchemaError` at the first table or array whose kind is wrong.

    ``renames`` maps a class's attribute names to the file's keys; types in ``opaque``
    have their own structure hooks, which check their values themselves. ``within`` is the
    key of the table ``value`` stands in, when ``path`` starts there (a message names a
    table header in full).
    """
    if tp in opaque:
        return
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            check_shape(value, options[0], path, renames=renames, opaque=opaque, within=within)
        return
    if attrs.has(tp):
        if not isinstance(value, dict):
            _wrong(value, path, "a table", "tabel")
        keys = renames.get(tp, {})
        hints = _hints(tp)
        for field in attrs.fields(tp):
            key = keys.get(field.name, field.name)
            if key in value:
                check_shape(
                    value[key],
                    hints[field.name],
                    _join(path, key),
                    renames=renames,
                    opaque=opaque,
                    within=within,
                )
        return
    if origin in (tuple, list):
        args = typing.get_args(tp)
        if not isinstance(value, list):
            table = isinstance(value, dict) and args and attrs.has(args[0])
            if table:
                # `[indicator]` written where `[[indicator]]` belongs.
                header = re.sub(r"\[\d+\]", "", _join(within, path))
                raise SchemaError(
                    f"expected an array of tables ([[{header}]]), found a single table"
                    f" ([{header}])",
                    message_id=f"seharusnya larik tabel ([[{header}]]), tertulis satu tabel"
                    f" ([{header}])",
                    key=path,
                    expected=f"[[{header}]]",
                    hint=f"write [[{header}]] (double brackets) for each entry",
                    hint_id=f"tulis [[{header}]] (kurung ganda) untuk setiap entri",
                )
            _wrong(value, path, "an array", "larik")
        fixed = len(args) != 2 or args[1] is not Ellipsis
        if origin is tuple and fixed and len(value) != len(args):
            raise SchemaError(
                f"expected an array of {len(args)} values, found {len(value)}",
                message_id=f"seharusnya larik berisi {len(args)} nilai, tertulis {len(value)}",
                key=path,
                value=value,
                expected=f"{len(args)} values",
            )
        for n, item in enumerate(value):
            item_type = args[0] if not fixed else args[n]
            check_shape(
                item, item_type, f"{path}[{n}]", renames=renames, opaque=opaque, within=within
            )
        return
    if origin is dict:
        if not isinstance(value, dict):
            _wrong(value, path, "a table", "tabel")
        item_type = typing.get_args(tp)[1]
        for key, item in value.items():
            check_shape(
                item,
                item_type,
                _join(path, _quote(key)),
                renames=renames,
                opaque=opaque,
                within=within,
            )
        return
    if isinstance(value, dict | list):
        # A scalar belongs here: the converter's hooks say which, but not for a container.
        _wrong(value, path, _scalar_name(tp), _scalar_name_id(tp))


def _scalar_name(tp: Any) -> str:
    if tp is str:
        return "text"
    if tp is int:
        return "a whole number"
    if tp is bool:
        return "true or false"
    if typing.get_origin(tp) is typing.Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(tp))
    return "a single value"


def _scalar_name_id(tp: Any) -> str:
    if tp is str:
        return "teks"
    if tp is int:
        return "bilangan bulat"
    if tp is bool:
        return "true atau false"
    if typing.get_origin(tp) is typing.Literal:
        return "salah satu dari " + ", ".join(repr(a) for a in typing.get_args(tp))
    return "satu nilai"


def _wrong(value: Any, path: str, expected: str, expected_id: str) -> typing.NoReturn:
    raise SchemaError(
        f"expected {expected}, found {describe(value)}",
        message_id=f"seharusnya {expected_id}, tertulis {describe_id(value)}",
        key=path or None,
        value=value if not isinstance(value, dict | list) else None,
        expected=expected,
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _quote(key: str) -> str:
    safe = key.replace("-", "").replace("_", "")
    return key if safe.isascii() and safe.isalnum() else f'"{key}"'
