"""Formulas over columns: one compiled formula applied to many records at once.

The closures of :mod:`.formula` evaluate one record per call, and for a formula as small
as ``realisasi / target * 100`` the calls cost more than the arithmetic. Here the same
formula tree (``Formula.tree``) compiles to a function over columns (one list of values
per input name), which applies each operation to a whole column with ``map`` over the
same ``Decimal`` methods in the same context: one Python call per operation per batch,
the per-record work done in C. The results are the closures' exactly, value for value.

A column function assumes what its caller guarantees: every input it names is present
in every row (rows with a missing input go through the closures, which know "missing").
It may raise ``ArithmeticError`` where the closures would not (both branches of ``and``
are computed for every row, say); the caller then falls back to the closures.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from itertools import repeat
from typing import Any, NamedTuple, TypeAlias

from .formula import CONTEXT, Tree

__all__ = ["Same", "column_function", "expand"]


class Same(NamedTuple):
    """One value for every row: a constant, kept unexpanded until an operation meets a
    real column."""

    value: Any


Column: TypeAlias = list[Any] | Same
Columns: TypeAlias = Mapping[str, list[Any]]
ColumnFn: TypeAlias = Callable[[Columns, int], Column]

_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": CONTEXT.add,
    "-": CONTEXT.subtract,
    "*": CONTEXT.multiply,
    "/": CONTEXT.divide,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    # Over rows where every input is present a condition is True or False, and on bools
    # & and | are "and" and "or".
    "and": operator.and_,
    "or": operator.or_,
    # Python's min and max keep the first of equal values, as the closures do.
    "min": min,
    "max": max,
}
_UNARY: dict[str, Callable[[Any], Any]] = {
    "neg": CONTEXT.minus,
    "abs": CONTEXT.abs,
    "not": operator.not_,
}


def expand(column: Column, n: int) -> list[Any]:
    """A column as a list of ``n`` values."""
    if isinstance(column, Same):
        return [column.value] * n
    return column


@functools.lru_cache(maxsize=512)
def column_function(tree: Tree) -> ColumnFn:
    """The column function of a formula tree, compiled once per distinct tree."""
    return _compile(tree)


def _compile(tree: Tree) -> ColumnFn:
    kind = tree[0]
    if kind == "const":
        same = Same(tree[1])
        return lambda cols, n: same
    if kind == "name":
        name = tree[1]
        return lambda cols, n: cols[name]
    if kind == "missing":
        # Every input is present (see the module's docstring).
        no = Same(False)
        return lambda cols, n: no
    if kind == "chain":
        acc = _compile(tree[1])
        for op, operand in tree[2]:
            acc = _binary(_BINARY[op], acc, _compile(operand))
        return acc
    if kind == "if":
        return _if(_compile(tree[1]), _compile(tree[2]), _compile(tree[3]))
    if kind == "round":
        return _round(_compile(tree[1]), tree[2])
    if kind in _UNARY:
        return _unary(_UNARY[kind], _compile(tree[1]))
    # Binary operators, and and/or/min/max over two or more operands, left to right.
    op = _BINARY[kind]
    acc = _compile(tree[1])
    for operand in tree[2:]:
        acc = _binary(op, acc, _compile(operand))
    return acc


def _binary(op: Callable[[Any, Any], Any], left: ColumnFn, right: ColumnFn) -> ColumnFn:
    def binary(cols: Columns, n: int) -> Column:
        a, b = left(cols, n), right(cols, n)
        if type(a) is Same:
            if type(b) is Same:
                return Same(op(a.value, b.value))
            return list(map(op, repeat(a.value, n), b))
        if type(b) is Same:
            return list(map(op, a, repeat(b.value, n)))
        return list(map(op, a, b))

    return binary


def _unary(op: Callable[[Any], Any], operand: ColumnFn) -> ColumnFn:
    def unary(cols: Columns, n: int) -> Column:
        a = operand(cols, n)
        if type(a) is Same:
            return Same(op(a.value))
        return list(map(op, a))

    return unary


def _round(operand: ColumnFn, places: int) -> ColumnFn:
    quantum = Decimal(1).scaleb(-places)
    quantize = functools.partial(Decimal.quantize, exp=quantum, rounding=ROUND_HALF_UP)

    def round_(cols: Columns, n: int) -> Column:
        a = operand(cols, n)
        if type(a) is Same:
            return Same(quantize(a.value, context=CONTEXT))
        return list(
            map(Decimal.quantize, a, repeat(quantum), repeat(ROUND_HALF_UP), repeat(CONTEXT))
        )

    return round_


def _if(cond: ColumnFn, then: ColumnFn, other: ColumnFn) -> ColumnFn:
    # Each branch is computed only for the rows that choose it, as the closures do.
    def if_(cols: Columns, n: int) -> Column:
        c = cond(cols, n)
        if type(c) is Same:
            return then(cols, n) if c.value else other(cols, n)
        yes = [i for i, v in enumerate(c) if v]
        if len(yes) == n:
            return then(cols, n)
        if not yes:
            return other(cols, n)
        no = [i for i, v in enumerate(c) if not v]
        out: list[Any] = [None] * n
        for rows, branch in ((yes, then), (no, other)):
            part = {name: list(map(col.__getitem__, rows)) for name, col in cols.items()}
            values = expand(branch(part, len(rows)), len(rows))
            for i, v in zip(rows, values, strict=True):
                out[i] = v
        return out

    return if_
