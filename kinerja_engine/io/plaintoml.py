"""TOML's plain subset, read fast: tomllib's own result, or None for tomllib to read.

A case file as people and programs write it is one statement a line: a table header
(``[report]``, ``[[indicator]]``, ``[[indicator.printed]]``), a bare key and a value, a
comment, a blank line. tomllib reads any TOML, a character at a time in pure Python;
:func:`loads` reads those plain lines with one regular expression per line, several
times faster (docs/performance.md), and returns exactly what ``tomllib.loads(text,
parse_float=...)`` returns: the same keys in the same order, the same types, each float
made by the same ``parse_float`` call on the same text.

The first line outside the subset, valid TOML or not, and :func:`loads` returns None: the
caller gives the whole text to tomllib, which alone reports faults (with their line and
column), so the subset never changes what a file means or how its errors read. The
subset, a line at a time (spaces and tabs around tokens, a ``# comment`` at the end, and
``\\n`` or ``\\r\\n`` ending each line):

* ``[name]``: a table, where ``name`` is new to the top level;
* ``[[name]]``: the next table of an array of tables, ``name`` new or an array made by such
  headers;
* ``[[name.sub]]``: the same within the latest table of the array of tables ``name``;
* ``key = value``, the key bare (letters, digits, ``_``, ``-``) and new to its table;
  the value a basic string without escapes (``"…"``), a literal string (``'…'``), an
  integer or float in decimal without underscores, ``true``, ``false``, or, on the same
  line, an array of such scalars or an inline table of bare keys and such scalars.

Everything else (dotted keys, quoted keys, escapes, multi-line strings and arrays, dates,
``inf`` and ``nan``, hexadecimal, underscores in numbers, ``[a.b]`` tables, nested arrays,
a repeated key or table) is tomllib's. tests/test_plaintoml.py draws documents from a
grammar of such lines, good and broken, and holds :func:`loads` to tomllib's result, type
for type, or to None.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from typing import Any

__all__ = ["loads", "parse"]

_KEY = r"[A-Za-z0-9_-]+"
_W = r"[ \t]*"
# tomllib refuses control characters other than tab in strings and comments.
_STRING = r'"[^"\\\x00-\x08\x0a-\x1f\x7f]*"'
_LITERAL = r"'[^'\x00-\x08\x0a-\x1f\x7f]*'"
_INT = r"[+-]?(?:0|[1-9][0-9]*)"
_FLOAT = _INT + r"(?:\.[0-9]+(?:[eE][+-]?[0-9]+)?|[eE][+-]?[0-9]+)"
# Float before integer, so that a search finds the whole number.
_SCALAR = rf"{_STRING}|{_LITERAL}|{_FLOAT}|{_INT}|true|false"
_ARRAY = rf"\[{_W}(?:(?:{_SCALAR}){_W}(?:,{_W}(?:{_SCALAR}){_W})*(?:,{_W})?)?\]"
_PAIR = rf"{_KEY}{_W}={_W}(?:{_SCALAR})"
_INLINE = rf"\{{{_W}(?:{_PAIR}{_W}(?:,{_W}{_PAIR}{_W})*)?\}}"

# One line: a header, a key and its value, or nothing, then an optional comment; any other
# line is `bad`. Every match ends at a newline and the last alternative takes any line, so
# findall's matches tile the text and each line is judged whole. A value's kind is the
# group it lands in: a basic string, a float, an integer, or anything else (literal
# strings, booleans, arrays, inline tables), so the common ones need no second look.
_LINE = re.compile(
    rf"""{_W}(?:
        \[\[{_W}({_KEY}){_W}(?:\.{_W}({_KEY}){_W})?\]\]
        |\[{_W}({_KEY}){_W}\]
        |({_KEY}){_W}={_W}(?:({_STRING})|({_FLOAT})|({_INT})|({_LITERAL}|true|false|{_ARRAY}|{_INLINE}))
    )?{_W}(?:\#[^\x00-\x08\x0a-\x1f\x7f]*)?\r?\n
    |([^\n]*\n)""",
    re.VERBOSE,
)
_ITEM = re.compile(_SCALAR)
_ITEM_PAIR = re.compile(rf"({_KEY}){_W}={_W}({_SCALAR})")
# findall's list of line tuples is built a slice of the text at a time, cut after a
# newline, so it never holds more than a slice's lines.
_SLICE = 1 << 16


class _Decline(Exception):
    """Outside the subset, or not valid TOML: tomllib reads the text."""


def loads(text: str, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any] | None:
    """``tomllib.loads(text, parse_float=parse_float)`` if every line of ``text`` is in the
    plain subset, else None (the text may still be valid TOML, or not)."""
    if not text.endswith("\n"):
        if text.endswith("\r"):
            return None  # a lone carriage return, which the newline added would excuse
        text += "\n"
    root: dict[str, Any] = {}
    table = root
    # Arrays made by [[…]] headers, by identity: only these may take another table (an
    # array written as a value may not). They stay alive in `root`, so no id is reused.
    headed: set[int] = set()

    def scalar(raw: str) -> Any:
        first = raw[0]
        if first in {'"', "'"}:
            return raw[1:-1]
        if first == "t":
            return True
        if first == "f":
            return False
        if "." in raw or "e" in raw or "E" in raw:
            return parse_float(raw)
        return int(raw)

    def value(raw: str) -> Any:
        first = raw[0]
        if first == "[":
            return [scalar(item) for item in _ITEM.findall(raw, 1)]
        if first == "{":
            pairs = _ITEM_PAIR.findall(raw, 1)
            inline = {key: scalar(item) for key, item in pairs}
            if len(inline) != len(pairs):
                raise _Decline  # a key given twice
            return inline
        return scalar(raw)

    def array_of_tables(parent: dict[str, Any], name: str) -> list[Any]:
        array = parent.get(name)
        if array is None:
            array = parent[name] = []
            headed.add(id(array))
        elif id(array) not in headed:
            raise _Decline
        return array

    findall = _LINE.findall
    start, end = 0, len(text)
    try:
        while start < end:
            stop = text.find("\n", start + _SLICE) + 1 or end
            for array_name, sub, table_name, key, basic, real, whole, other, bad in findall(
                text, start, stop
            ):
                if key:
                    if key in table:
                        raise _Decline
                    if basic:
                        table[key] = basic[1:-1]
                    elif real:
                        table[key] = parse_float(real)
                    elif whole:
                        table[key] = int(whole)
                    else:
                        table[key] = value(other)
                elif array_name:
                    array = array_of_tables(root, array_name)
                    if sub:
                        if not array:
                            raise _Decline  # [[a.b]] before any [[a]]
                        array = array_of_tables(array[-1], sub)
                    table = {}
                    array.append(table)
                elif table_name:
                    if table_name in root:
                        raise _Decline
                    table = root[table_name] = {}
                elif bad:
                    raise _Decline
            start = stop
    except (_Decline, ValueError):
        # ValueError: an integer past Python's digit limit, which tomllib reports.
        return None
    return root


def parse(text: str, *, parse_float: Callable[[str], Any] = float) -> dict[str, Any]:
    """``tomllib.loads(text, parse_float=parse_float)``: its result, through :func:`loads`
    where the text is plain, and its errors, raised by tomllib reading the whole text."""
    tables = loads(text, parse_float=parse_float)
    return tables if tables is not None else tomllib.loads(text, parse_float=parse_float)
