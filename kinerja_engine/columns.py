"""Formulas over columns: one compiled formula applied to many records at once.

The closures of :mod:`.formula` evaluate one record per call, and for a formula as small
as ``realisasi / target * 100`` the calls cost more than the arithmetic. Here the same
formula tree (``Formula.tree``) compiles to a function over columns (one list of values
per input name), which applies each operation to a whole column with ``map``: one Python
call per operation per batch, the per-record work done in C. The operations are Python's
operators, run in a local copy of the closures' context (:data:`~.formula.CONTEXT`):
the same arithmetic as the closures' ``CONTEXT.divide`` and kin, value for value, at
half their cost (a context method parses its arguments; an operator does not).

A column function assumes what its caller guarantees: every input it names is present
in every row (rows with a missing input go through the closures, which know "missing").
It may raise ``ArithmeticError`` where the closures would not (both branches of ``and``
are computed for every row, say); the caller then falls back to the closures.
"""

from __future__ import annotations

import functools
import operator
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import compress, repeat
from typing import Any, NamedTuple, TypeAlias

from .formula import CONTEXT, Tree

__all__ = ["Same", "column_function", "consume", "expand"]

#: Runs an iterator to its end for its effects (``map(out.__setitem__, …)``), in C.
consume: Callable[[Iterable[Any]], None] = deque(maxlen=0).extend


class Same(NamedTuple):
    """One value for every row: a constant, kept unexpanded until an operation meets a
    real column."""

    value: Any


Column: TypeAlias = list[Any] | Same
Columns: TypeAlias = Mapping[str, list[Any]]
ColumnFn: TypeAlias = Callable[[Columns, int], Column]

_BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
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
    "neg": operator.neg,
    "abs": operator.abs,
    "not": operator.not_,
}


def expand(column: Column, n: int) -> list[Any]:
    """A column as a list of ``n`` values."""
    if isinstance(column, Same):
        return [column.value] * n
    return column


@functools.lru_cache(maxsize=512)
def column_function(tree: Tree) -> ColumnFn:
    """The column function of a formula tree, compiled once per distinct tree.

    It computes in a local copy of :data:`~.formula.CONTEXT`, whatever the caller's."""
    inner = _compile(tree)

    def in_context(cols: Columns, n: int) -> Column:
        with localcontext(CONTEXT):
            return inner(cols, n)

    return in_context


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
        branches = ((_compile(tree[2]), _names(tree[2])), (_compile(tree[3]), _names(tree[3])))
        return _if(_compile(tree[1]), *branches)
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

    def round_(cols: Columns, n: int) -> Column:
        a = operand(cols, n)
        if type(a) is Same:
            return Same(a.value.quantize(quantum, ROUND_HALF_UP))
        return list(map(Decimal.quantize, a, repeat(quantum), repeat(ROUND_HALF_UP)))

    return round_


def _names(tree: Tree) -> frozenset[str]:
    """The input names a tree reads."""
    kind = tree[0]
    if kind == "const":
        return frozenset()
    if kind == "name":
        return frozenset((tree[1],))
    if kind == "round":
        return _names(tree[1])
    if kind == "chain":
        return _names(tree[1]).union(*(_names(operand) for _op, operand in tree[2]))
    return frozenset().union(*(_names(operand) for operand in tree[1:]))


def _if(
    cond: ColumnFn, then_: tuple[ColumnFn, frozenset[str]], else_: tuple[ColumnFn, frozenset[str]]
) -> ColumnFn:
    # Each branch is computed only for the rows that choose it, as the closures do, on
    # the columns it reads.
    then, then_names = then_
    other, other_names = else_

    def if_(cols: Columns, n: int) -> Column:
        c = cond(cols, n)
        if type(c) is Same:
            return then(cols, n) if c.value else other(cols, n)
        yes = list(compress(range(n), c))
        if len(yes) == n:
            return then(cols, n)
        if not yes:
            return other(cols, n)
        no = list(compress(range(n), map(operator.not_, c)))
        out: list[Any] = [None] * n
        for rows, branch, names in ((yes, then, then_names), (no, other, other_names)):
            part = {name: list(map(cols[name].__getitem__, rows)) for name in names}
            values = expand(branch(part, len(rows)), len(rows))
            consume(map(out.__setitem__, rows, values))
        return out

    return if_
