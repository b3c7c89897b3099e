"""Formula trees compiled with the ast module give what evaluate_tree gives."""

from __future__ import annotations

import decimal
import functools
import pathlib
import re
import types
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from test_formula import _expressions

from kinerja_engine.evaluation.codegen import (
    MAX_NODE_DEPTH,
    MISSING,
    Unsupported,
    compile_tree,
    specialize,
)
from kinerja_engine.rulesets.formula import CONTEXT, Formula, compile_formula, evaluate_tree

NAMES = ("a", "b", "c")
_figures = st.decimals(
    min_value=-(10**6), max_value=10**6, allow_nan=False, allow_infinity=False, places=4
)


def _meaning(formula: Formula) -> object:
    """The formula read from its tree: the specification its compiled form must give."""
    return functools.partial(evaluate_tree, formula.tree)


def _run(fn: object, *args: object) -> object:
    with decimal.localcontext(CONTEXT):
        try:
            return fn(*args)  # type: ignore[operator]
        except ArithmeticError:
            return ArithmeticError


@settings(max_examples=400)
# Pinned: chains of four operators or more (one "chain" node) of - and /, whose order the
# drawn expressions rarely test, and a zero divisor.
@example("a - b - 1 - 2 - 3", Decimal(120), Decimal(50), Decimal(0))
@example("a / b / 2 / 3 * c", Decimal(120), Decimal(50), Decimal(7))
@example("a - b + c - 1 + 2 - 3", Decimal(1), Decimal(2), Decimal(3))
@example("a / b / c / 2 / 3", Decimal(1), Decimal(0), Decimal(3))
@example("-a - -b", Decimal("0.0001"), Decimal("-1000000"), Decimal(0))
@given(_expressions(), _figures, _figures, _figures)
def test_compiled_formula_equals_the_tree_read_node_by_node(
    source: str, a: Decimal, b: Decimal, c: Decimal
) -> None:
    """Same value in the same representation (str), or an arithmetic fault in both."""
    formula = compile_formula(source, NAMES)
    compiled = compile_tree(formula.tree, NAMES, NAMES)
    assert compiled is not None, source
    expected = _run(_meaning(formula), {"a": a, "b": b, "c": c})
    got = _run(compiled, a, b, c)
    assert got == expected and str(got) == str(expected), source
    assert type(got) is type(expected)


@given(_expressions())
def test_a_formula_reading_an_input_that_may_be_missing_is_not_compiled(source: str) -> None:
    formula = compile_formula(source, NAMES)
    compiled = compile_tree(formula.tree, NAMES, ("a", "b"))
    assert (compiled is None) == ("c" in formula.names), source


def test_conditions_compile_with_three_valued_logic_reduced() -> None:
    formula = compile_formula(
        "a > b and not (b == 0) or missing(a) or missing(a / b)", NAMES, kind="condition"
    )
    compiled = compile_tree(formula.tree, NAMES, NAMES)
    assert compiled is not None
    for a, b in [(2, 1), (1, 2), (0, 5), (3, 3)]:
        env = {"a": Decimal(a), "b": Decimal(b), "c": None}
        assert _run(compiled, Decimal(a), Decimal(b), None) is _run(_meaning(formula), env)
    # a / b fails inside missing() for both: the operand is evaluated.
    assert _run(compiled, Decimal(0), Decimal(0), None) is ArithmeticError
    assert _run(_meaning(formula), {"a": Decimal(0), "b": Decimal(0)}) is ArithmeticError


def test_a_tree_deeper_than_the_limit_is_left_to_the_tree_reader() -> None:
    # Two operator nodes per parenthesis: deeper than the limit, within the parser's.
    levels = MAX_NODE_DEPTH // 2 + 1
    formula = compile_formula("a - a * (" * levels + "a" + ")" * levels, NAMES)
    assert compile_tree(formula.tree, NAMES, NAMES) is None
    shallow = compile_formula("a" + " + a" * 400, NAMES)  # one long chain, not deep
    compiled = compile_tree(shallow.tree, NAMES, NAMES)
    assert compiled is not None and _run(compiled, Decimal(2), None, None) == Decimal(802)


def test_a_compiled_formula_reaches_no_builtins_and_names_only_its_own() -> None:
    formula = compile_formula("round(max(a, b) / abs(c) * 100, 2)", NAMES)
    compiled = compile_tree(formula.tree, NAMES, NAMES)
    assert isinstance(compiled, types.FunctionType)
    assert compiled.__globals__["__builtins__"] == {}
    assert compiled.__code__.co_varnames == ("a0", "a1", "a2")
    for name in compiled.__code__.co_names:
        assert re.fullmatch(r"k\d+|f_(min|max|abs)|half_up|quantize", name), name


def test_the_code_generator_parses_no_text() -> None:
    """The ast module's constructors only: nothing parsed as Python, nothing run."""
    root = pathlib.Path(__file__).parents[1] / "kinerja_engine"
    for module in ("evaluation/codegen.py", "evaluation/compiled.py"):
        text = (root / module).read_text(encoding="utf-8")
        for forbidden in ("eval(", "exec(", "ast.parse", "literal_eval", "float("):
            assert forbidden not in text, (module, forbidden)
    assert (root / "evaluation" / "codegen.py").read_text(encoding="utf-8").count(
        "compile(module"
    ) == 1


# ---------------------------------------------------------------- specialize

_maybe = st.one_of(_figures, st.none())


def _both(source: str, kind: str, env: dict[str, Decimal | None]) -> tuple[object, object]:
    """(the tree's value, the specialized and compiled formula's value) with the inputs
    that are None missing; (None, None) where specialize() refuses the formula."""
    formula = compile_formula(source, NAMES, kind=kind)
    present = [n for n in NAMES if env[n] is not None]
    try:
        tree = specialize(formula.tree, present)
    except Unsupported:
        return None, None
    expected = _run(_meaning(formula), env)
    if tree == MISSING:
        return expected, None
    compiled = compile_tree(tree, NAMES, present)
    assert compiled is not None, tree
    return expected, _run(compiled, *(env[n] for n in NAMES))


@settings(max_examples=400)
@given(_expressions(), _maybe, _maybe, _maybe)
def test_a_specialized_formula_means_what_the_tree_gives_without_the_missing_inputs(
    source: str, a: Decimal | None, b: Decimal | None, c: Decimal | None
) -> None:
    """specialize() folds the missing inputs away as evaluate_tree spreads them: the
    compiled remainder gives the tree's value (None included), or it is refused."""
    expected, got = _both(source, "number", {"a": a, "b": b, "c": c})
    assert got == expected and str(got) == str(expected), source


@settings(max_examples=300)
@given(_expressions(), _maybe, _maybe, _maybe)
def test_a_specialized_condition_means_what_the_tree_gives(
    source: str, a: Decimal | None, b: Decimal | None, c: Decimal | None
) -> None:
    """Conditions, where ``and``/``or`` over missing operands stay undecided (None)."""
    condition = f"({source}) > a and missing(c) or b < 3 and ({source}) != 1"
    expected, got = _both(condition, "condition", {"a": a, "b": b, "c": c})
    assert got is expected or got == expected, condition


def test_specialize_refuses_what_it_cannot_fold_exactly() -> None:
    def tree(text: str) -> tuple[object, ...]:
        return compile_formula(text, NAMES).tree

    # A division beside a missing operand may fail in evaluate_tree: not dropped.
    with pytest.raises(Unsupported):
        specialize(tree("a / b + c"), ["a", "b"])
    assert specialize(tree("a * b + c"), ["a", "b"]) == MISSING
    # An if() missing in one branch only has no single shape.
    with pytest.raises(Unsupported):
        specialize(tree("if(a > 1, c, b)"), ["a", "b"])
    assert specialize(tree("if(missing(c), a, b)"), ["a", "b"])[0] == "if"
