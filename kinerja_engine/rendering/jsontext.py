"""JSON text as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, faster.

The standard library encodes with its C accelerator only when no indent is asked for; the
output contract is indented, and for a national report the pure-Python encoder was the
largest part of writing JSON. This writer covers exactly the values a report becomes
(dicts with string keys, lists, strings, whole numbers, booleans and None), escapes
strings with the standard library's own C function, and refuses anything else.
``tests/test_jsontext.py`` holds it equal to ``json.dumps`` on generated values.
"""

from __future__ import annotations

import functools
from json.encoder import encode_basestring  # the C escaping json.dumps uses here

__all__ = ["dumps"]

_STEP = "  "


def dumps(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, for JSON-like values."""
    return _encode(value, "")


def _encode(value: object, indent: str) -> str:
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[arg-type]
    if value is None:
        return "null"
    if kind is dict:
        if not value:
            return "{}"
        inner = indent + _STEP
        items = [
            f"{inner}{_key(k)}: {_scalar(v) if type(v) is str or v is None else _encode(v, inner)}"
            for k, v in value.items()  # type: ignore[attr-defined]
        ]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        inner = indent + _STEP
        parts = [inner + _encode(v, inner) for v in value]  # type: ignore[attr-defined]
        return "[\n" + ",\n".join(parts) + "\n" + indent + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    raise TypeError(f"Object of type {kind.__name__} is not JSON serializable")


def _scalar(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


# A report has a dozen distinct keys, each written once per item; a key that is not a
# string is refused by the escaping itself.
_key = functools.lru_cache(maxsize=1024)(encode_basestring)
