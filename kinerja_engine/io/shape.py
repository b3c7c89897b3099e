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
from kinerja_engine.messages import Message, msg, text

__all__ = ["check_shape", "described"]


def described(value: Any) -> Message:
    """A value as a message names it: ``the text 'x'``, ``the number 5``, ``a table``."""
    if isinstance(value, bool):
        return msg("value.boolean", value=str(value).lower())
    if isinstance(value, str):
        return msg("value.text", text=_short(value))
    if isinstance(value, int | Decimal):
        return msg("value.number", number=_short(str(value)))
    if isinstance(value, dict):
        return _TABLE
    if isinstance(value, list):
        return _ARRAY
    return msg("error.number.found-type", name=type(value).__name__)


_TABLE = msg("error.number.found-table")
_ARRAY = msg("value.array")


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
            _wrong(value, path, _TABLE)
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
                    msg("error.shape.single-table", header=header),
                    key=path,
                    expected=f"[[{header}]]",
                    hint=msg("hint.shape.double-brackets", header=header),
                )
            _wrong(value, path, _ARRAY)
        fixed = len(args) != 2 or args[1] is not Ellipsis
        if origin is tuple and fixed and len(value) != len(args):
            raise SchemaError(
                msg("error.shape.tuple-length", count=len(args), found=len(value)),
                key=path,
                value=value,
                expected=text("expected.shape.values", "en", count=len(args)),
            )
        for n, item in enumerate(value):
            item_type = args[0] if not fixed else args[n]
            check_shape(
                item, item_type, f"{path}[{n}]", renames=renames, opaque=opaque, within=within
            )
        return
    if origin is dict:
        if not isinstance(value, dict):
            _wrong(value, path, _TABLE)
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
        _wrong(value, path, _scalar_name(tp))


def _scalar_name(tp: Any) -> Message:
    if tp is str:
        return msg("value.word-text")
    if tp is int:
        return msg("value.whole-number")
    if tp is bool:
        return msg("value.true-false")
    if typing.get_origin(tp) is typing.Literal:
        return msg("value.one-of", choices=", ".join(repr(a) for a in typing.get_args(tp)))
    return msg("value.single")


def _wrong(value: Any, path: str, expected: Message) -> typing.NoReturn:
    raise SchemaError(
        msg("error.shape.expected", expected=expected, found=described(value)),
        key=path or None,
        value=value if not isinstance(value, dict | list) else None,
        expected=expected.render("en"),
    )


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _quote(key: str) -> str:
    safe = key.replace("-", "").replace("_", "")
    return key if safe.isascii() and safe.isalnum() else f'"{key}"'
