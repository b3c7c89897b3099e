"""Tests of the formula language: parsing, typing, evaluation and its error reports."""

from __future__ import annotations

import contextlib
import decimal
import functools
import inspect
import pathlib
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_engine.errors import FormulaError
from kinerja_engine.rulesets.formula import (
    CONTEXT,
    MAX_DEPTH,
    MAX_LENGTH,
    Formula,
    compile_formula,
    evaluate_tree,
)

D = Decimal
NAMES = ("realisasi", "target", "target_high", "target_low", "serapan", "capaian", "a", "b", "c")


def num(source: str, **env: Any) -> Any:
    return compile_formula(source, NAMES)(env)


def cond(source: str, **env: Any) -> Any:
    return compile_formula(source, NAMES, kind="condition")(env)


def error(source: str, *, kind: str = "number", allowed: tuple[str, ...] = NAMES) -> FormulaError:
    with pytest.raises(FormulaError) as info:
        compile_formula(source, allowed, kind=kind)
    err = info.value
    assert err.message_id, "every error needs its Indonesian text"
    return err


# --------------------------------------------------------------------------- precedence


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 2 * 3", "7"),
        ("(1 + 2) * 3", "9"),
        ("10 - 3 - 2", "5"),
        ("10 - (3 - 2)", "9"),
        ("8 / 4 / 2", "1"),
        ("8 / (4 / 2)", "4"),
        ("2 * 3 / 4", "1.5"),
        ("100 - 10 * 2 / 4", "95"),
        ("-2 * 3", "-6"),
        ("2 * -3", "-6"),
        ("2 - -1", "3"),
        ("- (1 + 2)", "-3"),
        ("+4 - +1", "3"),
        ("--5", "5"),
        ("1 - 2 + 3", "2"),
        ("2 * (3 + 4) * 5", "70"),
        ("1 + 2 + 3 + 4 + 5 + 6 + 7 - 8", "20"),
        ("64 / 2 / 2 / 2 / 2 / 2", "2"),
    ],
)
def test_arithmetic_precedence_and_associativity(source: str, expected: str) -> None:
    assert num(source) == D(expected)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1 + 1 == 2", True),
        ("2 * 3 > 5", True),
        ("1 < 2 and 2 < 1", False),
        # 'and' binds tighter than 'or': True or (True and False).
        ("2 > 1 or 2 > 1 and 1 > 2", True),
        ("(2 > 1 or 2 > 1) and 1 > 2", False),
        # 'not' binds tighter than 'and' but looser than comparisons.
        ("not 1 > 2 and 1 > 2", False),
        ("not (1 > 2 and 1 > 2)", True),
        ("not not 1 > 2", False),
        ("1 <= 1 and 1 >= 1 and 1 == 1 and 1 != 2", True),
        ("1 > 2 or 1 > 3 or 1 > 4 or 1 > 0", True),
        ("1.0 == 1", True),
    ],
)
def test_condition_precedence(source: str, expected: bool) -> None:
    assert cond(source) is expected


def test_comparison_operators() -> None:
    for op, results in {
        "<": (True, False, False),
        "<=": (True, True, False),
        ">": (False, False, True),
        ">=": (False, True, True),
        "==": (False, True, False),
        "!=": (True, False, True),
    }.items():
        got = tuple(cond(f"a {op} b", a=D(x), b=D(2)) for x in (1, 2, 3))
        assert got == results, op


# --------------------------------------------------------------------------- exactness


def test_surabaya_inverse_indicator_is_exact() -> None:
    env = {"target": D("20"), "realisasi": D("16.82")}
    result = compile_formula("(2 * target - realisasi) / target * 100", NAMES)(env)
    assert result == D("115.9")
    assert isinstance(result, Decimal)


def test_ratio_rounds_half_up_at_two_places() -> None:
    env = {"target": D("20"), "realisasi": D("16.82")}
    raw = compile_formula("target / realisasi * 100", NAMES)(env)
    assert isinstance(raw, Decimal)
    assert str(raw).startswith("118.906")
    rounded = compile_formula("round(target / realisasi * 100, 2)", NAMES)(env)
    assert rounded == D("118.91")
    assert str(rounded) == "118.91"


def test_equal_figures_give_exactly_one_hundred() -> None:
    result = num("realisasi / target * 100", realisasi=D(56), target=D(56))
    assert result == D(100)
    assert str(result) == "100"


def test_result_does_not_depend_on_callers_decimal_context() -> None:
    f = compile_formula("a / b * b", NAMES)
    env = {"a": D(1), "b": D(3)}
    expected = f(env)
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.rounding = decimal.ROUND_DOWN
        ctx.traps[decimal.DivisionByZero] = False
        ctx.traps[decimal.InvalidOperation] = False
        assert f(env) == expected
        with pytest.raises(FormulaError):
            f({"a": D(1), "b": D(0)})
    assert expected == CONTEXT.multiply(CONTEXT.divide(D(1), D(3)), D(3))


def test_literal_numbers_are_exact() -> None:
    assert num("0.1 + 0.2") == D("0.3")
    assert cond("0.1 + 0.2 == 0.3") is True


# --------------------------------------------------------------------------- functions


def test_min_and_max() -> None:
    assert num("min(3, 1, 2)") == 1
    assert num("max(3, 1, 2)") == 3
    assert num("min(a, b)", a=D(5), b=D(-5)) == -5
    assert num("max(a, b)", a=D(5), b=D(-5)) == 5
    assert num("max(0, min(120, capaian))", capaian=D("135.5")) == 120
    assert num("max(0, min(120, capaian))", capaian=D("-3")) == 0


def test_abs() -> None:
    assert num("abs(a - b)", a=D(3), b=D(10)) == 7
    assert num("abs(-2.5)") == D("2.5")
    assert num("abs(a)", a=D("4")) == 4


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("round(2.345, 2)", "2.35"),
        ("round(-2.345, 2)", "-2.35"),
        ("round(2.5, 0)", "3"),  # half-even would give 2
        ("round(3.5, 0)", "4"),
        ("round(2.344, 2)", "2.34"),
        ("round(7, 2)", "7.00"),
        ("round(1 / 3, 4)", "0.3333"),
    ],
)
def test_round_is_half_up(source: str, expected: str) -> None:
    result = num(source)
    assert str(result) == expected


def test_missing_asks_about_absent_inputs() -> None:
    assert cond("missing(realisasi)") is True
    assert cond("missing(realisasi)", realisasi=D(0)) is False
    assert cond("missing(realisasi / target)", realisasi=D(1)) is True
    assert cond("missing(realisasi / target)", realisasi=D(1), target=D(4)) is False
    assert cond("not missing(a) and a > 1", a=None) is False
    assert num("if(missing(a), 0, a)", a=None) == 0
    assert error("missing(a > 1)").message == ("missing() needs a number, but this is a condition")
    assert error("missing(a)").message == (
        "the formula must give a number, but it gives a condition"
    )


def test_if_chooses_a_branch() -> None:
    band = (
        "if(realisasi > target_high, realisasi / target_high * 100,"
        " if(realisasi < target_low, realisasi / target_low * 100, 100))"
    )
    env = {"target_high": D(80), "target_low": D(60)}
    assert num(band, realisasi=D(88), **env) == D(110)
    assert num(band, realisasi=D(54), **env) == D(90)
    assert num(band, realisasi=D(70), **env) == D(100)
    assert cond("if(a > 0, b > 0, b < 0)", a=D(1), b=D(1)) is True
    assert cond("if(a > 0, b > 0, b < 0)", a=D(-1), b=D(1)) is False


def test_if_is_lazy() -> None:
    guarded = compile_formula("if(realisasi == 0, 0, target / realisasi)", NAMES)
    assert guarded({"realisasi": D(0), "target": D(5)}) == 0
    assert guarded({"realisasi": D(2), "target": D(5)}) == D("2.5")
    other_side = compile_formula("if(realisasi != 0, target / realisasi, 0)", NAMES)
    assert other_side({"realisasi": D(0), "target": D(5)}) == 0


def test_and_or_stop_at_the_deciding_operand() -> None:
    guard = "target != 0 and realisasi / target > 1"
    assert cond(guard, target=D(0), realisasi=D(5)) is False
    assert cond(guard, target=D(2), realisasi=D(5)) is True
    assert cond("target == 0 or realisasi / target > 1", target=D(0), realisasi=D(5)) is True


# --------------------------------------------------------------------------- missing values

# a > 0 is true, false or missing according to a.
TRUTH = {True: D(1), False: D(-1), None: None}


def kleene_and(x: bool | None, y: bool | None) -> bool | None:
    if x is False or y is False:
        return False
    if x is None or y is None:
        return None
    return True


def kleene_or(x: bool | None, y: bool | None) -> bool | None:
    if x is True or y is True:
        return True
    if x is None or y is None:
        return None
    return False


@pytest.mark.parametrize("x", [True, False, None])
@pytest.mark.parametrize("y", [True, False, None])
def test_three_valued_logic(x: bool | None, y: bool | None) -> None:
    env = {"a": TRUTH[x], "b": TRUTH[y]}
    assert cond("a > 0 and b > 0", **env) is kleene_and(x, y)
    assert cond("a > 0 or b > 0", **env) is kleene_or(x, y)
    assert cond("not a > 0", **env) is (None if x is None else not x)
    # Chains of three take the n-ary path of the compiler.
    env["c"] = TRUTH[True]
    assert cond("a > 0 and b > 0 and c > 0", **env) is kleene_and(kleene_and(x, y), True)
    env["c"] = TRUTH[False]
    assert cond("a > 0 or b > 0 or c > 0", **env) is kleene_or(kleene_or(x, y), False)


@pytest.mark.parametrize(
    "source",
    [
        "a + 1",
        "1 + a",
        "a - b",
        "a * 2",
        "2 / a",
        "-a",
        "(a + 1) * (b + 1)",
        "a + b + c + b + b",
        "min(a, b)",
        "max(b, a, c)",
        "abs(a)",
        "round(a, 2)",
        "if(a > 0, 1, 2)",
        "if(b > 0, a, 2)",
    ],
)
def test_none_propagates_through_numbers(source: str) -> None:
    assert num(source, a=None, b=D(1), c=D(2)) is None


@pytest.mark.parametrize("source", ["a > 1", "1 < a", "a == b", "not a > 1", "a + 1 != b"])
def test_none_propagates_through_comparisons(source: str) -> None:
    assert cond(source, a=None, b=D(1)) is None


def test_name_missing_from_env_is_none() -> None:
    assert num("realisasi / target * 100", realisasi=D(5)) is None
    assert cond("capaian > 150") is None


def test_missing_numerator_does_not_hide_a_zero_divisor_check() -> None:
    # Both operands are always evaluated, so operand order cannot decide whether a
    # formula fails; only the operator that would divide by zero is skipped.
    f = compile_formula("a / b", NAMES)
    assert f({"a": None, "b": D(0)}) is None
    with pytest.raises(FormulaError):
        compile_formula("a + b / 0", NAMES)({"a": None, "b": D(1)})
    with pytest.raises(FormulaError):
        compile_formula("b / 0 + a", NAMES)({"a": None, "b": D(1)})


# --------------------------------------------------------------------------- runtime errors


def test_division_by_zero_is_a_formula_error() -> None:
    f = compile_formula("realisasi / target * 100", NAMES)
    with pytest.raises(FormulaError) as info:
        f({"realisasi": D("87.08"), "target": D(0)})
    err = info.value
    assert err.message == "division by zero in 'realisasi / target * 100'"
    assert err.message_id == "pembagian dengan nol dalam 'realisasi / target * 100'"
    assert err.value == "87.08 / 0 * 100"


def test_zero_divided_by_zero_is_a_formula_error() -> None:
    with pytest.raises(FormulaError, match="division by zero"):
        num("a / b", a=D(0), b=D(0))


def test_constant_division_by_zero_fails_when_called() -> None:
    f = compile_formula("1 / 0", NAMES)
    with pytest.raises(FormulaError, match="division by zero"):
        f({})
    assert compile_formula("if(1 > 2, 1 / 0, 3)", NAMES)({}) == 3


def test_overflow_is_a_formula_error() -> None:
    with pytest.raises(FormulaError, match="overflow") as info:
        num("a * a", a=D("9E+999990"))
    assert info.value.message_id
    with pytest.raises(FormulaError, match="invalid arithmetic"):
        num("round(a, 20)", a=D("1E+40"))


# --------------------------------------------------------------------------- compile errors


@pytest.mark.parametrize(
    ("source", "column", "expected", "message"),
    [
        ("", 1, "an operand", "empty formula"),
        ("   ", 1, "an operand", "empty formula"),
        ("realisasi /", 12, "an operand", "unexpected end of formula"),
        ("realisasi / ", 12, "an operand", "unexpected end of formula"),
        ("(a + b", 7, "')'", "missing ')' to close the '(' at column 1"),
        ("(a + b c", 8, "')'", "unexpected name 'c'"),
        ("a b", 3, "an operator or the end of the formula", "unexpected name 'b'"),
        ("a + b)", 6, "an operator or the end of the formula", "unexpected ')'"),
        ("a + * b", 5, "an operand", "unexpected '*'"),
        ("1..2", 1, "a number such as 12 or 0.5", "malformed number '1..2'"),
        ("a + 1.", 5, "a number such as 12 or 0.5", "malformed number '1.'"),
        ("1e5", 1, "a number such as 12 or 0.5", "malformed number '1e5'"),
        ("a $ b", 3, "a number, a name, an operator, '(', ')' or ','", "unexpected character '$'"),
        ("min(a)", 6, "','", "min() takes at least 2 arguments, got 1"),
        ("max()", 5, "an operand", "max() takes at least 2 arguments, got 0"),
        (
            "if(a > b, 1)",
            12,
            "','",
            "if() takes exactly 3 arguments (condition, then, else), got 2",
        ),
        ("abs(a, b)", 6, "')'", "abs() takes exactly 1 argument, got 2"),
        ("round(a, 2, 3)", 11, "')'", "round() takes exactly 2 arguments, got 3"),
        ("min(a b)", 7, "',' or ')'", "unexpected name 'b'"),
        ("min(a, b", 9, "',' or ')'", "missing ')' to close the '(' at column 4"),
        ("min(a,)", 7, "an operand", "unexpected ')'"),
        ("foo(1)", 1, "one of abs, if, max, min, missing, round", "unknown function 'foo'"),
        ("a < b < c", 7, "'and' or 'or' between comparisons", "comparisons cannot be chained"),
        ("a == b != c", 8, "'and' or 'or' between comparisons", "comparisons cannot be chained"),
    ],
)
def test_syntax_errors(source: str, column: int, expected: str, message: str) -> None:
    err = error(source)
    assert err.message == message
    assert err.column == column
    assert err.expected == expected
    assert err.value == source


@pytest.mark.parametrize(
    ("source", "hint"),
    [
        ("a = b", "use '==' to compare"),
        ("a & b", "use 'and'"),
        ("a × b", "use '*'"),
        ("16,82 * a", "the decimal separator is '.', e.g. 16.82"),
        (".5 * a", "write 0.5"),
        ("2target", "put an operator between a number and a name, e.g. '2 * target'"),
        ("1e5", "exponents are not supported; write the number in full"),
        ("a > 1 AND b > 1", "and"),
        ("a > 1 dan b > 1", "and"),
        ("mn(a, b)", "min"),
        ("rond(a, 2)", "round"),
        ("maks(a, b)", "max"),
        ("jika(a > b, a, b)", "if"),
        ("target(a + b)", "put '*' between 'target' and '(' to multiply"),
        ("a < b < c", "write 'a < b and b < c'"),
    ],
)
def test_error_hints(source: str, hint: str) -> None:
    assert error(source).hint == hint


def test_unknown_function_without_a_close_match_has_no_hint() -> None:
    err = error("foo(1)")
    assert err.hint is None
    assert err.message_id == "fungsi tidak dikenal 'foo'"


def test_unknown_name_names_it_with_hint_and_column() -> None:
    err = error("realisai / target * 100")
    assert err.message == "unknown name 'realisai'"
    assert err.message_id == "nama tidak dikenal 'realisai'"
    assert err.hint == "realisasi"
    assert err.column == 1
    err = error("realisasi / tagret * 100")
    assert err.hint == "target"
    assert err.column == 13
    assert "hint: target" in str(err)
    assert "saran: target" in err.render("id")


def test_unknown_name_without_close_match() -> None:
    err = error("zzz + 1", allowed=("realisasi",))
    assert err.hint is None
    assert err.expected == "one of realisasi"
    assert error("x", allowed=()).expected == "a number (this formula has no inputs)"


def test_keywords_are_not_names() -> None:
    err = error("and + 1", allowed=("and",))
    assert err.message == "unexpected 'and'"


@pytest.mark.parametrize(
    ("source", "kind", "column", "message"),
    [
        ("a + (b > c)", "number", 5, "'+' needs a number, but this is a condition"),
        ("(a > b) * 2", "number", 1, "'*' needs a number, but this is a condition"),
        ("-(a > b)", "number", 2, "unary '-' needs a number, but this is a condition"),
        ("a > b > c", "condition", 7, "comparisons cannot be chained"),
        ("(a > b) > c", "condition", 1, "'>' needs a number, but this is a condition"),
        ("a and b > 1", "condition", 1, "'and' needs a condition, but this is a number"),
        ("a > 1 or b", "condition", 10, "'or' needs a condition, but this is a number"),
        ("not a", "condition", 5, "'not' needs a condition, but this is a number"),
        ("min(a, b > 1)", "number", 8, "min() needs a number, but this is a condition"),
        ("abs(a > 1)", "number", 5, "abs() needs a number, but this is a condition"),
        ("round(a > 1, 2)", "number", 7, "round() needs a number, but this is a condition"),
        (
            "if(a, 1, 2)",
            "number",
            4,
            "the first argument of if() must be a condition, but this is a number",
        ),
        (
            "if(a > 1, 1, b > 1)",
            "number",
            14,
            "both branches of if() must have the same type, "
            "but the first is a number and this is a condition",
        ),
        ("a > 1", "number", 1, "the formula must give a number, but it gives a condition"),
        ("  a + 1", "condition", 3, "the formula must give a condition, but it gives a number"),
    ],
)
def test_type_errors(source: str, kind: str, column: int, message: str) -> None:
    err = error(source, kind=kind)
    assert err.message == message
    assert err.column == column


@pytest.mark.parametrize("places", ["2.5", "a", "-1", "21", "1 + 1"])
def test_round_places_must_be_a_small_whole_literal(places: str) -> None:
    err = error(f"round(a, {places})")
    assert err.column == 10
    assert err.expected == "a whole number such as 2"


def test_round_accepts_the_largest_places() -> None:
    assert str(num("round(1, 20)")) == "1." + "0" * 20


def test_bad_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="kind"):
        compile_formula("1", NAMES, kind="boolean")


# --------------------------------------------------------------------------- guards


def test_too_long_formula() -> None:
    source = "1 + " * 500 + "1"
    assert len(source) > MAX_LENGTH
    err = error(source)
    assert err.message.startswith("formula is too long")
    assert err.column == MAX_LENGTH + 1


def test_long_but_flat_formula_is_fine() -> None:
    source = " + ".join(["a"] * 400)
    assert len(source) <= MAX_LENGTH
    assert num(source, a=D("0.5")) == 200
    assert num(" - ".join(["a"] * 400), a=D(1)) == -398
    assert num(" / ".join(["a"] * 20), a=D(2)) == D(1) / D(2**18)


def test_nesting_up_to_the_limit_is_fine() -> None:
    assert num("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH, a=D(7)) == 7
    assert num("-" * MAX_DEPTH + "a", a=D(7)) == 7


@pytest.mark.parametrize(
    "source",
    [
        "(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1),
        "(" * 1500,
        "-" * 1999 + "a",
        "abs(" * 300 + "a" + ")" * 300,
        "not " * 400 + "a > 1",
        "if(a > 1, " * 100 + "1" + ", 2)" * 100,
    ],
)
def test_deep_nesting_is_refused_not_a_recursion_error(source: str) -> None:
    err = error(source, kind="condition" if "not" in source else "number")
    assert err.message == "formula is nested too deeply (more than 50 levels)"
    assert err.expected == "at most 50 levels of nesting"


def test_deepest_formula_fits_a_modest_stack() -> None:
    # Each level nests two operator chains inside one pair of parentheses, the widest
    # closure nesting per level of depth; both compiling and calling it must stay far
    # from Python's default recursion limit of 1000.
    source = "a"
    for _ in range(MAX_DEPTH):
        source = f"({source} * a * a * a + a + a + a)"
    source = f"{source} > a and a > 0 or a > 1"
    assert len(source) <= MAX_LENGTH
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack(0)) + 600)
    try:
        f = compile_formula(source, NAMES, kind="condition")
        assert f({"a": D(1)}) is True  # every level adds 3: 151 > 1
    finally:
        sys.setrecursionlimit(old)


# --------------------------------------------------------------------------- substituted


def test_substituted_replaces_names_in_place() -> None:
    f = compile_formula("realisasi / target * 100", NAMES)
    assert f.substituted({"realisasi": D("87.08"), "target": D("81.5")}) == "87.08 / 81.5 * 100"


def test_substituted_keeps_the_text_as_written() -> None:
    f = compile_formula("(2*target -  realisasi)/target*100", NAMES)
    got = f.substituted({"realisasi": D("16.82"), "target": D("20")})
    assert got == "(2*20 -  16.82)/20*100"


def test_substituted_marks_missing_values_and_avoids_exponents() -> None:
    f = compile_formula("if(a > target, a, min(target, b))", NAMES)
    got = f.substituted({"a": D("1E+3"), "target": None})
    assert got == "if(1000 > —, 1000, min(—, —))"


def test_substituted_does_not_touch_names_inside_other_names() -> None:
    f = compile_formula("target_low + target", NAMES)
    assert f.substituted({"target": D(1), "target_low": D(2)}) == "2 + 1"


def test_substituted_without_names() -> None:
    assert compile_formula("1 + 2", NAMES).substituted({}) == "1 + 2"


# --------------------------------------------------------------------------- Formula object


def test_formula_attributes() -> None:
    f = compile_formula("realisasi / target * 100", NAMES)
    assert f.source == "realisasi / target * 100"
    assert f.names == frozenset({"realisasi", "target"})
    assert f.kind == "number"
    g = compile_formula("capaian > 150", NAMES, kind="condition")
    assert g.kind == "condition"
    assert g.names == frozenset({"capaian"})
    assert compile_formula("1 + 1", NAMES).names == frozenset()


def test_formula_equality_and_repr_ignore_the_closure() -> None:
    f = compile_formula("a + b", NAMES)
    g = compile_formula("a + b", ["a", "b"])
    assert f == g
    assert hash(f) == hash(g)
    assert "fn" not in repr(f)
    assert "a + b" in repr(f)


def test_formula_is_frozen() -> None:
    f = compile_formula("a + b", NAMES)
    with pytest.raises(AttributeError):
        f.source = "a"  # type: ignore[misc]


def test_formula_can_be_built_from_a_tree() -> None:
    f = Formula(source="x", names=frozenset({"x"}), kind="number", tree=("const", D(1)))
    assert f({}) == 1


def test_whitespace_including_newlines_is_allowed() -> None:
    source = "if(realisasi > target,\n\t100,\r\n   realisasi / target * 100)"
    assert num(source, realisasi=D(5), target=D(10)) == 50


# --------------------------------------------------------------------------- properties

finite = st.decimals(allow_nan=False, allow_infinity=False)
small = st.decimals(min_value=-1000, max_value=1000, places=3)
inputs = st.one_of(st.none(), st.just(D(0)), small, finite)


@given(finite, finite)
def test_addition_agrees_with_context(x: Decimal, y: Decimal) -> None:
    f = compile_formula("a + b", NAMES)
    try:
        expected = CONTEXT.add(x, y)
    except ArithmeticError:
        with pytest.raises(FormulaError):
            f({"a": x, "b": y})
    else:
        assert f({"a": x, "b": y}) == expected


@given(st.lists(finite, min_size=2, max_size=6))
def test_min_max_agree_with_python(values: list[Decimal]) -> None:
    names = [f"v{i}" for i in range(len(values))]
    env = dict(zip(names, values, strict=True))
    args = ", ".join(names)
    lowest = compile_formula(f"min({args})", names)(env)
    highest = compile_formula(f"max({args})", names)(env)
    # Identity, not just equality: ties pick the same representation as Python does.
    assert str(lowest) == str(min(values))
    assert str(highest) == str(max(values))


@given(small, st.integers(min_value=0, max_value=6))
def test_round_agrees_with_quantize_half_up(x: Decimal, places: int) -> None:
    got = compile_formula(f"round(a, {places})", NAMES)({"a": x})
    assert got == x.quantize(D(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)


# A random expression tree, its text with the fewest parentheses, and a reference
# interpreter written straight from the language description.

Tree = tuple[Any, ...]
TREE_NAMES = ("a", "b", "c")
literals = st.decimals(min_value=0, max_value=1000, places=2).map(lambda d: format(d, "f"))
PREC = {"or": 1, "and": 2, "not": 3, "cmp": 4, "+": 5, "-": 5, "*": 6, "/": 6, "neg": 7}
ATOM = 8


@functools.cache
def number_trees(depth: int) -> st.SearchStrategy[Tree]:
    leaves = st.one_of(
        literals.map(lambda t: ("lit", t)),
        st.sampled_from(TREE_NAMES).map(lambda n: ("name", n)),
    )
    if depth == 0:
        return leaves
    sub, subc = number_trees(depth - 1), condition_trees(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(st.just("neg"), sub),
        st.tuples(st.just("bin"), st.sampled_from("+-*/"), sub, sub),
        st.tuples(st.just("bin"), st.sampled_from("+-*/"), sub, sub),
        st.tuples(st.sampled_from(["min", "max"]), st.lists(sub, min_size=2, max_size=3)),
        st.tuples(st.just("abs"), sub),
        st.tuples(st.just("round"), sub, st.integers(0, 3)),
        st.tuples(st.just("if"), subc, sub, sub),
    )


@functools.cache
def condition_trees(depth: int) -> st.SearchStrategy[Tree]:
    sub = number_trees(max(depth - 1, 0))
    leaves = st.tuples(
        st.just("cmp"), st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), sub, sub
    )
    if depth == 0:
        return leaves
    subc = condition_trees(depth - 1)
    return st.one_of(
        leaves,
        st.tuples(st.sampled_from(["and", "or"]), subc, subc),
        st.tuples(st.just("not"), subc),
        st.tuples(st.just("missing"), sub),
        st.tuples(st.just("if"), subc, subc, subc),
    )


def render(tree: Tree) -> tuple[str, int]:
    tag = tree[0]

    def wrap(sub: Tree, parens_below: int) -> str:
        text, prec = render(sub)
        return f"({text})" if prec < parens_below else text

    if tag == "lit":
        return tree[1], ATOM
    if tag == "name":
        return tree[1], ATOM
    if tag == "neg":
        return "-" + wrap(tree[1], PREC["neg"]), PREC["neg"]
    if tag == "bin":
        op, left, right = tree[1:]
        level = PREC[op]
        # Left-associative: a right operand at the same level needs parentheses.
        return f"{wrap(left, level)} {op} {wrap(right, level + 1)}", level
    if tag == "cmp":
        op, left, right = tree[1:]
        level = PREC["cmp"]
        return f"{wrap(left, level + 1)} {op} {wrap(right, level + 1)}", level
    if tag in ("and", "or"):
        left, right = tree[1:]
        level = PREC[tag]
        return f"{wrap(left, level)} {tag} {wrap(right, level + 1)}", level
    if tag == "not":
        return "not " + wrap(tree[1], PREC["not"]), PREC["not"]
    if tag in ("min", "max"):
        return f"{tag}({', '.join(render(t)[0] for t in tree[1])})", ATOM
    if tag in ("abs", "missing"):
        return f"{tag}({render(tree[1])[0]})", ATOM
    if tag == "round":
        return f"round({render(tree[1])[0]}, {tree[2]})", ATOM
    assert tag == "if"
    return f"if({', '.join(render(t)[0] for t in tree[1:])})", ATOM


ARITH: dict[str, Callable[[Decimal, Decimal], Decimal]] = {
    "+": CONTEXT.add,
    "-": CONTEXT.subtract,
    "*": CONTEXT.multiply,
    "/": CONTEXT.divide,
}
CMP: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "<": lambda x, y: x < y,
    "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
    "==": lambda x, y: x == y,
    "!=": lambda x, y: x != y,
}


def reference(tree: Tree, env: dict[str, Decimal | None]) -> Any:
    tag = tree[0]
    if tag == "lit":
        return Decimal(tree[1])
    if tag == "name":
        return env.get(tree[1])
    if tag == "neg":
        x = reference(tree[1], env)
        return None if x is None else CONTEXT.minus(x)
    if tag in ("bin", "cmp"):
        op, left, right = tree[1:]
        x, y = reference(left, env), reference(right, env)
        if x is None or y is None:
            return None
        return ARITH[op](x, y) if tag == "bin" else CMP[op](x, y)
    if tag == "and":
        x = reference(tree[1], env)
        if x is False:
            return False
        return kleene_and(x, reference(tree[2], env))
    if tag == "or":
        x = reference(tree[1], env)
        if x is True:
            return True
        return kleene_or(x, reference(tree[2], env))
    if tag == "not":
        x = reference(tree[1], env)
        return None if x is None else not x
    if tag in ("min", "max"):
        values = [reference(t, env) for t in tree[1]]
        if any(v is None for v in values):
            return None
        return min(values) if tag == "min" else max(values)
    if tag == "abs":
        x = reference(tree[1], env)
        return None if x is None else CONTEXT.abs(x)
    if tag == "missing":
        return reference(tree[1], env) is None
    if tag == "round":
        x = reference(tree[1], env)
        if x is None:
            return None
        quantum = D(1).scaleb(-tree[2])
        return x.quantize(quantum, rounding=decimal.ROUND_HALF_UP, context=CONTEXT)
    assert tag == "if"
    c = reference(tree[1], env)
    if c is None:
        return None
    return reference(tree[2] if c else tree[3], env)


envs = st.fixed_dictionaries(dict.fromkeys(TREE_NAMES, inputs))


def check_against_reference(tree: Tree, env: dict[str, Decimal | None], kind: str) -> None:
    source = render(tree)[0]
    f = compile_formula(source, TREE_NAMES, kind=kind)
    try:
        expected = reference(tree, env)
    except ArithmeticError:
        with pytest.raises(FormulaError):
            f(env)
        return
    got = f(env)
    assert type(got) is type(expected), source
    assert str(got) == str(expected), source


@settings(max_examples=400)
@given(number_trees(4), envs)
def test_numbers_agree_with_reference_interpreter(tree: Tree, env: dict[str, Any]) -> None:
    check_against_reference(tree, env, "number")


@settings(max_examples=400)
@given(condition_trees(3), envs)
def test_conditions_agree_with_reference_interpreter(tree: Tree, env: dict[str, Any]) -> None:
    check_against_reference(tree, env, "condition")


@given(st.lists(st.tuples(st.sampled_from("+-*/"), number_trees(1)), max_size=12), envs)
def test_long_chains_agree_with_reference_interpreter(
    rest: list[tuple[str, Tree]], env: dict[str, Any]
) -> None:
    # Builds a left-leaning tree so the compiler sees one long chain per level.
    tree: Tree = ("name", "a")
    for op, operand in rest:
        tree = ("bin", op, tree, operand)
    check_against_reference(tree, env, "number")


FORMULAS = [
    "realisasi / target * 100",
    "(2 * target - realisasi) / target * 100",
    "target / realisasi * 100",
    "round(target / realisasi * 100, 2)",
    "if(realisasi > target_high, realisasi / target_high * 100,"
    " if(realisasi < target_low, realisasi / target_low * 100, 100))",
    "if(realisasi == 0, 0, target / realisasi)",
    "max(0, min(120, realisasi / target * 100))",
    "abs(realisasi - target) / target * 100",
]
CONDITIONS = [
    "capaian > 150",
    "serapan < 50 and capaian < serapan",
    "not (capaian >= 100 or serapan / capaian > 2)",
]


@given(
    st.sampled_from([(s, "number") for s in FORMULAS] + [(s, "condition") for s in CONDITIONS]),
    st.fixed_dictionaries(dict.fromkeys(NAMES, inputs)),
)
def test_evaluation_raises_nothing_but_formula_error(
    formula: tuple[str, str], env: dict[str, Any]
) -> None:
    source, kind = formula
    f = compile_formula(source, NAMES, kind=kind)
    try:
        result = f(env)
    except FormulaError as exc:
        assert exc.message_id
        assert isinstance(exc.value, str)
    else:
        assert result is None or isinstance(result, bool if kind == "condition" else Decimal)


formula_text = st.lists(
    st.sampled_from([*"abtr_0123456789.+-*/<>=!(), \tn", "and ", "or ", "not ", "min(", "if("]),
    max_size=40,
).map("".join)


@settings(max_examples=500)
@given(formula_text, st.sampled_from(["number", "condition"]))
def test_compiling_raises_nothing_but_formula_error(source: str, kind: str) -> None:
    try:
        compile_formula(source, ["a", "b", "target", "r"], kind=kind)
    except FormulaError as exc:
        assert exc.column is not None
        assert 1 <= exc.column <= len(source) + 1
        assert exc.message_id


@given(st.text(max_size=40))
def test_compiling_arbitrary_text_raises_nothing_but_formula_error(source: str) -> None:
    with contextlib.suppress(FormulaError):
        compile_formula(source, ["a", "b"])


# --------------------------------------------------------------------------- hygiene


def test_formula_module_uses_no_eval_exec_or_float() -> None:
    path = pathlib.Path(__file__).parents[1] / "kinerja_engine" / "rulesets" / "formula.py"
    text = path.read_text(encoding="utf-8")
    for forbidden in ("eval(", "exec(", "float(", "literal_eval", "import ast", "compile("):
        assert forbidden not in text, forbidden


# ---------------------------------------------------------------- the operator closures


def _expressions() -> st.SearchStrategy[str]:
    """Number-valued formulas over a, b and c using every construct of the language."""
    leaves = st.sampled_from(["a", "b", "c", "0", "2", "100", "0.5", "0.000001", "700000000000"])

    def grow(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        cond = st.tuples(inner, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), inner).map(
            " ".join
        )
        cond = cond | st.tuples(cond, st.sampled_from(["and", "or"]), cond).map(" ".join)
        cond = cond | cond.map("not ({})".format) | inner.map("missing({})".format)
        return st.one_of(
            st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(
                lambda t: f"({t[0]} {t[1]} {t[2]})"
            ),
            inner.map("-{}".format),
            inner.map("abs({})".format),
            st.tuples(inner, st.integers(0, 4)).map(lambda t: f"round({t[0]}, {t[1]})"),
            st.tuples(st.sampled_from(["min", "max"]), inner, inner).map(
                lambda t: f"{t[0]}({t[1]}, {t[2]})"
            ),
            st.tuples(cond, inner, inner).map(lambda t: f"if({t[0]}, {t[1]}, {t[2]})"),
        )

    return st.recursive(leaves, grow, max_leaves=8)


_figures = st.decimals(
    min_value=-(10**6), max_value=10**6, allow_nan=False, allow_infinity=False, places=4
)
_operands = st.one_of(_figures, _figures, _figures, st.none())  # mostly present


@settings(max_examples=300)
@given(_expressions(), _operands, _operands, _operands)
def test_the_callers_context_changes_nothing(
    source: str, a: Decimal | None, b: Decimal | None, c: Decimal | None
) -> None:
    """A formula compiled and called inside a caller's narrow context gives what it gives
    in the default one: the same value in the same representation, or the same fault."""

    def value() -> object:
        formula = compile_formula(source, {"a", "b", "c"})
        try:
            return formula({"a": a, "b": b, "c": c})
        except FormulaError as exc:
            return exc.message

    expected = value()
    with decimal.localcontext(decimal.Context(prec=5, rounding=decimal.ROUND_DOWN)):
        got = value()
    assert got == expected and str(got) == str(expected), source


def _oracle(tree: Any, env: dict[str, Decimal | None]) -> object:
    """The formula language's meaning, read off the tree one node at a time: what the
    compiled closures must give (ArithmeticError for a fault)."""
    kind = tree[0]
    if kind == "const":
        return tree[1]
    if kind == "name":
        return env.get(tree[1])
    if kind == "chain":
        acc = _oracle(tree[1], env)
        for op, operand in tree[2]:
            acc = _oracle((op, ("value", acc), operand), env)
        return acc
    if kind == "value":
        return tree[1]
    if kind in ("+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!="):
        a, b = _oracle(tree[1], env), _oracle(tree[2], env)  # both, always
        if a is None or b is None:
            return None
        ops: dict[str, Callable[[Any, Any], object]] = {
            "+": CONTEXT.add,
            "-": CONTEXT.subtract,
            "*": CONTEXT.multiply,
            "/": CONTEXT.divide,
            "<": lambda x, y: x < y,
            "<=": lambda x, y: x <= y,
            ">": lambda x, y: x > y,
            ">=": lambda x, y: x >= y,
            "==": lambda x, y: x == y,
            "!=": lambda x, y: x != y,
        }
        return ops[kind](a, b)
    if kind in ("and", "or"):
        decisive = kind == "or"
        unknown = False
        for operand in tree[1:]:
            v = _oracle(operand, env)
            if v is decisive:
                return decisive
            unknown = unknown or v is None
        return None if unknown else not decisive
    if kind == "not":
        v = _oracle(tree[1], env)
        return None if v is None else not v
    if kind == "missing":
        return _oracle(tree[1], env) is None
    if kind == "if":
        c = _oracle(tree[1], env)
        if c is None:
            return None
        return _oracle(tree[2] if c else tree[3], env)
    if kind == "round":
        v = _oracle(tree[1], env)
        q = Decimal(1).scaleb(-tree[2])
        return None if v is None else v.quantize(q, decimal.ROUND_HALF_UP, CONTEXT)  # type: ignore[union-attr]
    values = [_oracle(operand, env) for operand in tree[1:]]
    if any(v is None for v in values):
        return None
    if kind == "neg":
        return CONTEXT.minus(values[0])
    if kind == "abs":
        return CONTEXT.abs(values[0])
    if kind == "min":
        return min(values)  # type: ignore[type-var]
    return max(values)  # type: ignore[type-var]


@settings(max_examples=300)
@given(_expressions(), _operands, _operands, _operands)
def test_closures_mean_what_the_tree_says(
    source: str, a: Decimal | None, b: Decimal | None, c: Decimal | None
) -> None:
    """The compiled closures (fused where a node's operands are plain names and
    constants) against a node-by-node reading of the formula's tree."""
    formula = compile_formula(source, {"a", "b", "c"})
    env = {"a": a, "b": b, "c": c}
    try:
        expected = _oracle(formula.tree, env)
    except ArithmeticError:
        expected = ArithmeticError
    try:
        got: object = formula(env)
    except FormulaError:
        got = ArithmeticError
    assert got == expected and str(got) == str(expected), source


_leaves = st.sampled_from(["a", "b", "c", "0", "2", "0.5"])


@settings(max_examples=300)
@given(
    _leaves,
    st.sampled_from(["+", "-", "*", "/"]),
    _leaves,
    st.sampled_from(["+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!="]),
    _leaves,
    _operands,
    _operands,
    _operands,
)
def test_fused_operations_mean_what_the_tree_says(
    x: str,
    op1: str,
    y: str,
    op2: str,
    z: str,
    a: Decimal | None,
    b: Decimal | None,
    c: Decimal | None,
) -> None:
    """``(x op1 y) op2 z`` over names and constants, in a narrow caller's context."""
    source = f"({x} {op1} {y}) {op2} {z}"
    try:
        formula = compile_formula(source, {"a", "b", "c"})
    except FormulaError:  # constants only, divided by zero
        return
    env = {"a": a, "b": b, "c": c}
    try:
        expected = _oracle(formula.tree, env)
    except ArithmeticError:
        expected = ArithmeticError
    for fn in (formula, functools.partial(evaluate_tree, formula.tree)):
        with decimal.localcontext(decimal.Context(prec=5)):
            try:
                got: object = fn(env)
            except (FormulaError, ArithmeticError):  # the formula's, the operators' own
                got = ArithmeticError
        assert got == expected and str(got) == str(expected), source


@pytest.mark.parametrize(
    ("source", "hint", "hint_id"),
    [
        ("a = b", "use '==' to compare", "pakai '==' untuk membandingkan"),
        ("a ! b", "use 'not' or '!='", "pakai 'not' atau '!='"),
        ("a ≤ b", "use '<='", "pakai '<='"),
        (
            "a % 2",
            "a percentage is a plain number; write '* 100' or '/ 100'",
            "persen adalah angka biasa; tulis '* 100' atau '/ 100'",
        ),
        (".5 * a", "write 0.5", "tulis 0.5"),
        ("a < b < c", "write 'a < b and b < c'", "tulis 'a < b and b < c'"),
        (
            "a(2)",
            "put '*' between 'a' and '(' to multiply",
            "beri '*' di antara 'a' dan '(' untuk mengalikan",
        ),
        (
            "16,82 * a",
            "the decimal separator is '.', e.g. 16.82",
            "pemisah desimal dalam rumus adalah '.', misalnya 16.82",
        ),
        ("a dan b", "and", "and"),  # a hint that is only a name is the same in both
    ],
)
def test_a_hint_is_said_in_both_languages(source: str, hint: str, hint_id: str) -> None:
    # Each is refused while the formula is read, before its type is known.
    err = error(source, allowed=("a", "b", "c"))
    assert (err.hint, err.hint_id) == (hint, hint_id)
