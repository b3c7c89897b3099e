"""Formula trees compiled to Python expressions with the ast module: the compiled backend's
form of a formula (the specification reads the same tree with ``formula.evaluate_tree``).

:func:`~kinerja_engine.rulesets.formula.evaluate_tree` walks the tree node by node and
reads each input from a mapping. Where every input a formula reads is known to be present
(the compiled backend knows it: a record without a target never reaches the capaian
formula), the missing-value logic has nothing to do, and the formula can be one Python
expression, reading its inputs as local variables::

    realisasi / target * 100   ->   def formula(a0, a1, a2, a3): return a3 / a0 * k0

No eval, no exec, and no text. Rule text is read only by formula.py's parser, which
checks every name against the rule set's declared inputs and the type of every operand.
Here the checked tree (formula.Tree: tuples of an operation's name and its operands)
becomes syntax nodes one for one, built with the ast module's constructors from a fixed
table of operations: inputs become parameters named by position (``a0``, ``a1`` …),
constants are Decimal objects the function reads from its own namespace (``k0`` …), and
that namespace has no builtins, only the three functions a formula may call. No string
of a rule set, nor any source text at all, is parsed as Python. ``compile`` turns the
nodes into bytecode and ``types.FunctionType`` makes the function.

The values are evaluate_tree's, the function being called inside
``decimal.localcontext(CONTEXT)``: the same operations in the same order, both operands
of an operator evaluated left to right, ``and``/``or`` stopping where evaluate_tree
stops, ``min``/``max`` keeping the first of equal values. Arithmetic faults raise the
decimal module's ArithmeticError, as evaluate_tree's do. tests/test_codegen.py compares
the two over drawn formulas and figures.
"""

from __future__ import annotations

import ast
import decimal
import sys
import types
from collections.abc import Callable, Collection, Mapping, Sequence
from decimal import Decimal
from typing import Any

from kinerja_engine.rulesets.formula import Tree

__all__ = [
    "MAX_NODE_DEPTH",
    "MISSING",
    "Builder",
    "Unsupported",
    "assign",
    "attr",
    "call",
    "compare",
    "compile_tree",
    "function",
    "load",
    "specialize",
]

#: Deeper trees are left to evaluate_tree, so that compiling never nears the limits of
#: Python's own compiler (a formula of 2,000 characters can nest its operators 600 deep).
MAX_NODE_DEPTH = 60

_ARITHMETIC: dict[str, type[ast.operator]] = {
    "+": ast.Add,
    "-": ast.Sub,
    "*": ast.Mult,
    "/": ast.Div,
}
_COMPARISON: dict[str, type[ast.cmpop]] = {
    "<": ast.Lt,
    "<=": ast.LtE,
    ">": ast.Gt,
    ">=": ast.GtE,
    "==": ast.Eq,
    "!=": ast.NotEq,
}
# The only callables a compiled formula can reach. Python's min/max keep the first of
# equal values, as evaluate_tree does; abs() of a Decimal is Decimal.__abs__, operator.abs.
_CALLABLE = {"min": min, "max": max, "abs": abs}
_HALF_UP = "half_up"


class Unsupported(Exception):
    """The tree needs what a compiled function does not do: an input that may be missing."""


class Builder:
    """Syntax nodes for formula trees, and the namespace their constants live in.

    ``slots`` maps each input a tree may read to the local variable that holds it;
    :meth:`expression` refuses (raises :class:`Unsupported`) an input not in ``slots``.
    One builder may build several trees into one function: they share the namespace.
    """

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"__builtins__": {}, _HALF_UP: decimal.ROUND_HALF_UP}
        self.namespace.update((f"f_{name}", fn) for name, fn in _CALLABLE.items())
        self.slots: Mapping[str, str] = {}

    def expression(self, tree: Tree, slots: Mapping[str, str]) -> ast.expr:
        """``tree`` as one expression over the local variables ``slots`` names."""
        self.slots = slots
        return self.build(tree)

    def load(self, value: Any) -> ast.expr:
        key = f"k{len(self.namespace)}"
        self.namespace[key] = value
        return ast.Name(key, ast.Load())

    def call(self, fn: str, args: list[ast.expr]) -> ast.expr:
        return ast.Call(ast.Name(f"f_{fn}", ast.Load()), args, [])

    def build(self, tree: Tree, depth: int = 0) -> ast.expr:
        if depth > MAX_NODE_DEPTH:
            raise Unsupported
        op = tree[0]
        deeper = depth + 1
        if op == "const":
            value = tree[1]
            if value is True or value is False:
                return ast.Constant(value)
            if type(value) is not Decimal:
                raise Unsupported
            return self.load(value)
        if op == "name":
            if tree[1] not in self.slots:
                raise Unsupported
            return ast.Name(self.slots[tree[1]], ast.Load())
        if op in _ARITHMETIC:
            return ast.BinOp(
                self.build(tree[1], deeper), _ARITHMETIC[op](), self.build(tree[2], deeper)
            )
        if op in _COMPARISON:
            left, right = self.build(tree[1], deeper), self.build(tree[2], deeper)
            return ast.Compare(left, [_COMPARISON[op]()], [right])
        if op == "chain":
            acc = self.build(tree[1], deeper)
            for step, operand in tree[2]:
                acc = ast.BinOp(acc, _ARITHMETIC[step](), self.build(operand, deeper))
            return acc
        if op in ("and", "or"):
            # Every operand is a condition that is never missing here, so Python's
            # short-circuit gives the three-valued junction's value and stops where it does.
            kind = ast.And() if op == "and" else ast.Or()
            return ast.BoolOp(kind, [self.build(t, deeper) for t in tree[1:]])
        if op in ("and_missing", "or_missing"):
            # Decided (false, or true for "or") by a runtime operand, else missing.
            decisive = op == "or_missing"
            operands = [self.build(t, deeper) for t in tree[1:]]
            if not decisive:
                operands = [ast.UnaryOp(ast.Not(), t) for t in operands]
            test = operands[0] if len(operands) == 1 else ast.BoolOp(ast.Or(), operands)
            return ast.IfExp(test, ast.Constant(decisive), ast.Constant(None))
        if op == "not":
            return ast.UnaryOp(ast.Not(), self.build(tree[1], deeper))
        if op == "neg":
            return ast.UnaryOp(ast.USub(), self.build(tree[1], deeper))
        if op in ("abs", "min", "max"):
            return self.call(op, [self.build(t, deeper) for t in tree[1:]])
        if op == "missing":
            operand = tree[1]
            if operand[0] == "name":
                self.build(operand, deeper)  # refuses a name that may be missing
                return ast.Constant(False)
            # Evaluated all the same: it may fail, and then evaluate_tree fails too.
            return ast.Compare(self.build(operand, deeper), [ast.Is()], [ast.Constant(None)])
        if op == "if":
            cond, then, other = (self.build(t, deeper) for t in tree[1:])
            return ast.IfExp(cond, then, other)
        if op == "round":
            quantum = Decimal(1).scaleb(-int(tree[2]))
            method = ast.Attribute(self.build(tree[1], deeper), "quantize", ast.Load())
            return ast.Call(method, [self.load(quantum), ast.Name(_HALF_UP, ast.Load())], [])
        raise Unsupported


#: A value known, before any record is read, to be missing.
MISSING: Tree = ("const", None)
# A junction with operands known missing: false where a runtime operand is false (true
# for "or_missing"), else missing. It has no Python operator; only a caller that reads
# a condition's value as "is it true" (or asks for None explicitly) may meet it.
_MAYBE = {"and": "and_missing", "or": "or_missing"}


def specialize(tree: Tree, present: Collection[str]) -> Tree:
    """``tree`` for records that lack every input not in ``present``: :data:`MISSING`
    where its value is then missing whatever the present inputs hold, else a tree that
    reads only present inputs, with the missing operands of ``and``/``or`` dropped (the
    junction becomes ``and_missing``/``or_missing``).

    Missing values spread as evaluate_tree spreads them, and what it would still
    evaluate beside a missing operand is dropped only if it cannot fail (no division,
    no rounding); else :class:`Unsupported` is raised, as it is for an ``if`` whose
    branches differ in being missing, or for a junction with missing operands anywhere
    but at the top (where its "missing" would spread further).
    """
    out = _specialize(tree, present)
    if out[0] not in _MAYBE.values() and _holds_maybe(out):
        raise Unsupported
    if out[0] in _MAYBE.values() and any(_holds_maybe(t) for t in out[1:]):
        raise Unsupported
    return out


def _holds_maybe(tree: Tree) -> bool:
    if tree[0] in _MAYBE.values():
        return True
    if tree[0] == "chain":
        return _holds_maybe(tree[1]) or any(_holds_maybe(t) for _, t in tree[2])
    if tree[0] in ("const", "name"):
        return False
    return any(_holds_maybe(t) for t in tree[1:] if isinstance(t, tuple))


def _specialize(tree: Tree, present: Collection[str]) -> Tree:
    op = tree[0]
    if op == "const":
        return tree
    if op == "name":
        return tree if tree[1] in present else MISSING
    if op == "chain":
        parts = [_specialize(tree[1], present)]
        parts += [_specialize(operand, present) for _, operand in tree[2]]
        if MISSING in parts:
            return _dropped(parts)
        steps = tuple((step, t) for (step, _), t in zip(tree[2], parts[1:], strict=True))
        return ("chain", parts[0], steps)
    if op in _ARITHMETIC or op in _COMPARISON or op in ("min", "max", "neg", "abs", "not"):
        operands = [_specialize(t, present) for t in tree[1:]]
        if MISSING in operands:
            return _dropped(operands)
        return (op, *operands)
    if op == "round":
        operand = _specialize(tree[1], present)
        return MISSING if operand == MISSING else ("round", operand, tree[2])
    if op == "missing":
        operand = _specialize(tree[1], present)
        return ("const", True) if operand == MISSING else ("missing", operand)
    if op == "if":
        cond = _specialize(tree[1], present)
        if cond == MISSING:
            return MISSING
        then, other = _specialize(tree[2], present), _specialize(tree[3], present)
        if (then == MISSING) != (other == MISSING):
            raise Unsupported
        return _dropped([cond]) if then == MISSING else ("if", cond, then, other)
    if op in _MAYBE:
        operands = [_specialize(t, present) for t in tree[1:]]
        known = [t for t in operands if t != MISSING]
        if any(t[0] in _MAYBE.values() for t in known):
            raise Unsupported
        if len(known) == len(operands):
            return (op, *operands)
        if not known:
            return MISSING
        return (_MAYBE[op], *known)
    raise Unsupported


def _dropped(operands: Sequence[Tree]) -> Tree:
    """MISSING, once the operands evaluated beside a missing one are known not to fail."""
    for t in operands:
        if t != MISSING and not _cannot_fail(t):
            raise Unsupported
    return MISSING


def _cannot_fail(tree: Tree) -> bool:
    # Only division (by zero) and rounding (past the precision) can fail on present
    # figures below 10^21: + - * cannot reach the exponent limit in 2,000 characters.
    op = tree[0]
    if op in ("/", "round", "and_missing", "or_missing"):
        return False
    if op == "chain":
        return all(s != "/" for s, _ in tree[2]) and all(
            _cannot_fail(t) for t in (tree[1], *(t for _, t in tree[2]))
        )
    if op in ("const", "name"):
        return True
    return all(_cannot_fail(t) for t in tree[1:] if isinstance(t, tuple))


def compile_tree(
    tree: Tree, inputs: Sequence[str], present: Collection[str]
) -> Callable[..., Any] | None:
    """``tree`` as a function of ``inputs`` (positional, in that order), or None when it
    reads an input that is not in ``present`` (one that may be missing), nests deeper
    than :data:`MAX_NODE_DEPTH`, or holds a node this module does not know.

    Call it only inside ``decimal.localcontext(formula.CONTEXT)``, with a Decimal for
    every parameter in ``present``.
    """
    builder = Builder()
    params = [f"a{i}" for i in range(len(inputs))]
    slots = {name: slot for name, slot in zip(inputs, params, strict=True) if name in present}
    try:
        body = builder.expression(tree, slots)
    except Unsupported:
        return None
    return function("formula", params, [ast.Return(body)], builder.namespace)


def function(
    name: str, params: Sequence[str], body: list[ast.stmt], namespace: dict[str, Any]
) -> Callable[..., Any]:
    """A Python function from its statements, reading its globals from ``namespace``."""
    arguments = ast.arguments(
        posonlyargs=[],
        args=[ast.arg(p) for p in params],
        kwonlyargs=[],
        kw_defaults=[],
        defaults=[],
    )
    extra: dict[str, Any] = {"type_params": []} if sys.version_info >= (3, 12) else {}
    definition = ast.FunctionDef(
        name=name, args=arguments, body=body, decorator_list=[], returns=None, **extra
    )
    module = ast.Module(body=[definition], type_ignores=[])
    ast.fix_missing_locations(module)
    # The module's bytecode only defines the function; it is never run. The function's
    # own code object is taken from its constants and bound to the namespace directly.
    code = compile(module, f"<kinerja {name}>", "exec", dont_inherit=True)
    (inner,) = (c for c in code.co_consts if isinstance(c, types.CodeType))
    return types.FunctionType(inner, namespace, name)


# ---------------------------------------------------------------- syntax nodes, briefly
# The compiled backend (compiled.py) writes its functions with these.


def load(name: str) -> ast.expr:
    """The local or namespace variable ``name``, read."""
    return ast.Name(name, ast.Load())


def assign(name: str, value: ast.expr) -> ast.stmt:
    """``name = value``."""
    return ast.Assign([ast.Name(name, ast.Store())], value)


def attr(name: str, attribute: str) -> ast.expr:
    """``name.attribute``, read."""
    return ast.Attribute(load(name), attribute, ast.Load())


def compare(left: ast.expr, op: ast.cmpop, right: ast.expr) -> ast.expr:
    """``left op right``, one comparison."""
    return ast.Compare(left, [op], [right])


def call(fn: ast.expr, *args: ast.expr) -> ast.expr:
    """``fn(*args)``, positional arguments only."""
    return ast.Call(fn, list(args), [])
