"""A rule set's batch loops, compiled into one Python function each (see :mod:`.codegen`).

``grade_kernel(rules)`` is grade_many's loop over a chunk of records with the rule set's
capaian formulas written into it: per record, the figures are read into local
variables, the direction picks a formula by identity, the formula is the expression
itself (no call, no mapping of inputs), and the category is one bisection over the
bands' edges. It is :func:`.evaluate.grade` for every record, value for value; a
formula that cannot be compiled (it reads an input that may be missing) is called
through its operator closure in its branch of the loop.

The loop is assembled from syntax nodes like the formulas are (no source text); its
shape is fixed here, and only the formulas, the directions that have them, and whether
the rule set caps, floors and rounds decide which nodes it holds.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import islice
from typing import Any

from kinerja_engine.collector import collector_paused
from kinerja_engine.domain.model import Direction, Indicator
from kinerja_engine.evaluation.codegen import (
    Builder,
    Unsupported,
    assign,
    attr,
    call,
    compare,
    function,
    load,
)
from kinerja_engine.rulesets.formula import CONTEXT, RESULT_DIGITS, Formula
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CAPAIAN_INPUTS", "GradeKernel", "grade_kernel", "grade_many"]

#: The inputs of a capaian formula when a record is graded, in the order of the
#: fallback functions' parameters.
CAPAIAN_INPUTS = ("target", "target_low", "target_high", "realisasi")

#: ``kernel(chunk, add_capaian, add_category)`` calls each with the record's capaian and
#: category (None and None where it has none), record by record; call it inside
#: ``decimal.localcontext(formula.CONTEXT)``.
GradeKernel = Callable[[list[Indicator], Callable[[Any], None], Callable[[Any], None]], None]


def _none_and_next() -> list[ast.stmt]:
    """``add_capaian(None); add_category(None); continue``: the record has no capaian."""
    return [
        ast.Expr(call(load("add_capaian"), ast.Constant(None))),
        ast.Expr(call(load("add_category"), ast.Constant(None))),
        ast.Continue(),
    ]


class _Kernel:
    def __init__(self) -> None:
        self.builder = Builder()
        self.namespace = self.builder.namespace

    def put(self, prefix: str, value: Any) -> ast.expr:
        name = f"{prefix}{len(self.namespace)}"
        self.namespace[name] = value
        return load(name)

    def dispatch(self, formulas: Mapping[str, Formula], slots: Mapping[str, str]) -> ast.stmt:
        """``value = <formula of the record's direction>``, as an if-chain on identity."""
        args = [load(slots.get(name, "none_value")) for name in CAPAIAN_INPUTS]
        fallback = {Direction(key): _through_closure(f) for key, f in formulas.items()}
        # The last resort, a direction without a formula, fails as evaluate.grade fails:
        # a KeyError.
        table = ast.Subscript(self.put("t", fallback), load("direction"), ast.Load())
        chain = self._checked(call(table, *args))
        for key, formula in reversed(list(formulas.items())):
            member = self.put("d", Direction(key))
            try:
                body = [assign("value", self.builder.expression(formula.tree, slots))]
            except Unsupported:
                body = self._checked(call(self.put("g", fallback[Direction(key)]), *args))
            chain = [ast.If(compare(load("direction"), ast.Is(), member), body, chain)]
        return chain[0]

    def _checked(self, made: ast.expr) -> list[ast.stmt]:
        """``value = made``, whose value must be a number: anything else means no capaian."""
        test = compare(call(load("f_type"), load("value")), ast.IsNot(), load("decimal"))
        return [assign("value", made), ast.If(test, _none_and_next(), [])]


def _through_closure(formula: Formula) -> Callable[..., Any]:
    closure = formula.in_current_context

    def through_closure(*figures: Decimal | None) -> Any:
        return closure(dict(zip(CAPAIAN_INPUTS, figures, strict=True)))

    return through_closure


def grade_kernel(rules: RuleSet) -> GradeKernel:
    """The rule set's grading loop (module docstring), compiled once and kept on the rule set."""
    cached = rules.compiled.get("grade")
    if cached is None:
        cached = rules.compiled["grade"] = _grade_kernel(rules)
    return cached


def _grade_kernel(rules: RuleSet) -> GradeKernel:
    k = _Kernel()
    ns = k.namespace
    ns.update(none_value=None, zero=Decimal(0), decimal=Decimal, f_type=type)
    single = {"target": "low", "target_low": "low", "target_high": "high", "realisasi": "realisasi"}
    ranged = {key: local for key, local in single.items() if key != "target"}

    body: list[ast.stmt] = [
        assign("target", attr("ind", "target")),
        assign("realisasi", attr("ind", "realisasi")),
        ast.If(
            ast.BoolOp(
                ast.Or(),
                [
                    compare(load("target"), ast.Is(), ast.Constant(None)),
                    compare(load("realisasi"), ast.Is(), ast.Constant(None)),
                ],
            ),
            _none_and_next(),
            [],
        ),
        assign("low", attr("target", "low")),
        ast.If(compare(load("low"), ast.LtE(), load("zero")), _none_and_next(), []),
        assign("high", attr("target", "high")),
        assign("direction", attr("ind", "direction")),
        ast.Try(
            body=[
                ast.If(
                    compare(load("low"), ast.Eq(), load("high")),
                    [k.dispatch(rules.capaian, single)],
                    [k.dispatch(rules.capaian_range, ranged)],
                )
            ],
            handlers=[ast.ExceptHandler(load("arithmetic_error"), None, _none_and_next())],
            orelse=[],
            finalbody=[],
        ),
        ast.If(
            compare(
                call(ast.Attribute(load("value"), "adjusted", ast.Load())),
                ast.GtE(),
                ast.Constant(RESULT_DIGITS),
            ),
            _none_and_next(),
            [],
        ),
    ]
    ns["arithmetic_error"] = ArithmeticError
    bounds: list[ast.stmt] = []
    if rules.floor is not None:
        floor = k.put("floor", rules.floor)
        bounds = [ast.If(compare(load("value"), ast.Lt(), floor), [assign("value", floor)], [])]
    if rules.cap is not None:
        cap = k.put("cap", rules.cap)
        bounds = [ast.If(compare(load("value"), ast.Gt(), cap), [assign("value", cap)], bounds)]
    body += bounds
    shown: ast.expr = load("value")
    if rules.categories_rounded:
        quantize = ast.Attribute(load("value"), "quantize", ast.Load())
        shown = call(quantize, k.put("q", rules.quantum), k.put("r", rules.rounding))
    probe, edges, labels = rules.categories.bisection()
    band: ast.expr = ast.Subscript(
        k.put("labels", labels),
        call(k.put("probe", probe), k.put("edges", edges), shown),
        ast.Load(),
    )
    rounded = (
        rules.categories.rounded_bisection(rules.quantum)
        if rules.categories_rounded and rules.rounding == ROUND_HALF_UP
        else None
    )
    if rounded is not None:
        # A capaian not below zero (all but a handful) is banded as displayed without
        # being rounded first: a quantize is the costliest step left of the loop.
        cuts, keyed = rounded
        direct = ast.Subscript(
            k.put("keyed", keyed),
            call(k.put("bisect", bisect_right), k.put("cuts", cuts), load("value")),
            ast.Load(),
        )
        band = ast.IfExp(compare(load("value"), ast.GtE(), load("zero")), direct, band)
    body.append(ast.Expr(call(load("add_capaian"), load("value"))))
    body.append(ast.Expr(call(load("add_category"), band)))
    loop = ast.For(ast.Name("ind", ast.Store()), load("chunk"), body, [])
    return function("grade_chunk", ["chunk", "add_capaian", "add_category"], [loop], ns)


def grade_many(
    indicators: Iterable[Indicator], rules: RuleSet, *, chunk_size: int = 4096
) -> Iterator[tuple[Decimal | None, str | None]]:
    """:func:`~.evaluate.grade` over a stream of indicators, lazily and in order:
    ``(capaian, category)`` for each, ``(None, None)`` where there is no target, no
    realisasi or no capaian. The same values as ``grade``, a chunk at a time through the
    rule set's compiled grading loop."""
    it = iter(indicators)
    kernel = grade_kernel(rules)
    while chunk := list(islice(it, chunk_size)):
        capaian: list[Decimal | None] = []
        category: list[str | None] = []
        # Not around the yield: the caller keeps its own context and collector.
        with localcontext(CONTEXT), collector_paused():
            kernel(chunk, capaian.append, category.append)
        # Pairs made as they are taken: a caller that unpacks each at once lets zip
        # reuse one tuple, rather than one kept per record.
        yield from zip(capaian, category, strict=True)
