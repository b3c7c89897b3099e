"""Formulas and conditions of a rule set, compiled once into plain Python closures.

The language is deliberately small: what an analyst writes in a rule set to turn the
figures of an indicator into an achievement percentage, or to flag a finding::

    realisasi / target * 100
    (2 * target - realisasi) / target * 100
    if(realisasi > target_high, realisasi / target_high * 100,
       if(realisasi < target_low, realisasi / target_low * 100, 100))
    serapan < 50 and capaian < serapan

* **Numbers** are decimal literals in plain English notation: ``100``, ``0.5``. There
  are no exponents and no thousands separators; the decimal point is ``.``.
* **Names** (``[A-Za-z_][A-Za-z0-9_]*``) are the inputs the rule set declares; any
  other name is refused when the rule set is loaded.
* **Operators**, from loosest to tightest binding: ``or``; ``and``; ``not``; the
  comparisons ``< <= > >= == !=`` (which do not chain: write ``a < b and b < c``);
  ``+ -``; ``* /``; unary ``-`` and ``+``. Binary operators group to the left, so
  ``10 - 3 - 2`` is ``5`` and ``8 / 4 / 2`` is ``1``.
* **Functions**: ``min(a, b, ...)`` and ``max(a, b, ...)`` (two or more arguments),
  ``abs(x)``, ``round(x, places)`` (ties away from zero; ``places`` is a whole-number
  literal from 0 to 20), ``missing(x)`` (true when ``x`` has no value, never itself
  missing) and ``if(condition, then, else)``, which evaluates only the branch it
  chooses, so ``if(realisasi == 0, 0, target / realisasi)`` never divides by zero.
* **Types**: every expression is a number or a condition (true/false). Arithmetic,
  comparisons and the numeric functions take numbers; ``and``, ``or``, ``not`` and the
  first argument of ``if`` take conditions; both branches of ``if`` have the same type.
  Mismatches are reported when the rule set is loaded, not when it runs.
* **Missing inputs** behave like SQL ``NULL``: arithmetic, comparisons and functions
  other than ``missing`` give "missing" when an operand is missing; ``and``/``or`` use
  three-valued logic (``false and missing`` is false, ``true or missing`` is true);
  ``if`` with a missing condition gives "missing". ``missing(x)`` is how a condition
  asks about an absent input. Both operands of an arithmetic operator or comparison
  are always evaluated, so whether a formula fails does not depend on operand order.
* **Arithmetic** is exact decimal arithmetic with 50 significant digits
  (:data:`CONTEXT`), independent of the caller's decimal context; there is no binary
  floating point anywhere. Division by zero is an error naming the formula with the
  figures substituted in.

Column numbers in errors count characters from the start of the formula text, 1-based.
"""

from __future__ import annotations

import decimal
import difflib
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple, NoReturn, TypeAlias, cast

import attrs

from kinerja_engine.errors import FormulaError

__all__ = ["CONTEXT", "MAX_DEPTH", "MAX_LENGTH", "Formula", "Value", "compile_formula"]

Value: TypeAlias = Decimal | bool | None
#: A compiled formula as a tree: ``("const", value)``, ``("name", name)``, or an
#: operation and its operands: ``(op, left, right)`` for ``+ - * /`` and comparisons,
#: ``("chain", first, ((op, operand), ...))`` for a long ``+ -`` or ``* /`` chain,
#: ``("and" | "or" | "min" | "max", *operands)``, ``("not" | "neg" | "abs" | "missing",
#: operand)``, ``("if", condition, then, else)`` and ``("round", operand, places)``.
Tree: TypeAlias = tuple[Any, ...]
Env: TypeAlias = Mapping[str, Decimal | None]
_Fn: TypeAlias = Callable[[Env], Value]
_NumFn: TypeAlias = Callable[[Env], Decimal | None]
_BoolFn: TypeAlias = Callable[[Env], bool | None]
_Op: TypeAlias = Callable[[Decimal, Decimal], Value]

#: The one arithmetic context of every formula. Fifty digits keep rupiah amounts in the
#: trillions exact through a few multiplications; the traps turn what would otherwise be
#: a silent ``Infinity`` or ``NaN`` in a report into an error. Do not modify it.
CONTEXT = decimal.Context(
    prec=50,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.DivisionByZero, decimal.InvalidOperation, decimal.Overflow],
)

#: Longest formula text accepted, in characters.
MAX_LENGTH = 2000
#: Deepest nesting of parentheses, function calls, ``not`` and unary signs accepted.
MAX_DEPTH = 50
#: Most decimal places ``round`` may ask for.
MAX_PLACES = 20
#: A formula's result must stay below 10^RESULT_DIGITS, as every input figure does.
RESULT_DIGITS = 21

NUMBER = "number"
CONDITION = "condition"
_KINDS = (NUMBER, CONDITION)
_TYPE_EN = {NUMBER: "a number", CONDITION: "a condition"}
_TYPE_ID = {NUMBER: "angka", CONDITION: "kondisi"}

_KEYWORDS = frozenset({"and", "or", "not"})
_COMPARISONS: dict[str, _Op] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


class _Ops(NamedTuple):
    """The arithmetic a formula's closures are built with."""

    arithmetic: Mapping[str, _Op]
    minus: Callable[[Decimal], Decimal]
    abs: Callable[[Decimal], Decimal]
    context: decimal.Context | None  # for round(); None: the current context


# CONTEXT's methods: right whatever the caller's context.
_IN_CONTEXT = _Ops(
    {"+": CONTEXT.add, "-": CONTEXT.subtract, "*": CONTEXT.multiply, "/": CONTEXT.divide},
    CONTEXT.minus,
    CONTEXT.abs,
    CONTEXT,
)
# Python's operators, in the current context: the same values once the caller is inside
# ``localcontext(CONTEXT)``, at half the cost (a context method parses its arguments).
_IN_CURRENT = _Ops(
    {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv},
    operator.neg,
    operator.abs,
    None,
)
# name -> (fewest, most) arguments; None means no upper bound.
_FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "abs": (1, 1),
    "if": (3, 3),
    "max": (2, None),
    "min": (2, None),
    "missing": (1, 1),
    "round": (2, 2),
}
_FUNCTION_LIST = ", ".join(sorted(_FUNCTIONS))

_DIGITS = frozenset("0123456789")
_WORD_START = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_WORD = _WORD_START | _DIGITS
_SPACE = frozenset(" \t\r\n")
_TWO_CHAR_OPS = frozenset({"<=", ">=", "==", "!="})
_ONE_CHAR_OPS = frozenset("<>+-*/(),")
# Characters analysts paste from word processors or other languages, with what to write.
_CHAR_HINTS = {
    "=": "use '==' to compare",
    "&": "use 'and'",
    "|": "use 'or'",
    "!": "use 'not' or '!='",
    "%": "a percentage is a plain number; write '* 100' or '/ 100'",
    "^": "there is no power operator; write the multiplication out",
    "×": "use '*'",
    "÷": "use '/'",
    "−": "use '-'",
    "–": "use '-'",
    "≤": "use '<='",
    "≥": "use '>='",
    "≠": "use '!='",
}
# The Indonesian of every hint that is a sentence; a hint that is only a name stays as is.
_HINTS_ID = {
    "a percentage is a plain number; write '* 100' or '/ 100'": (
        "persen adalah angka biasa; tulis '* 100' atau '/ 100'"
    ),
    "there is no power operator; write the multiplication out": (
        "tidak ada operator pangkat; tulis perkaliannya"
    ),
    "exponents are not supported; write the number in full": (
        "eksponen tidak didukung; tulis angkanya lengkap"
    ),
    "put an operator between a number and a name, e.g. '2 * target'": (
        "beri operator di antara angka dan nama, misalnya '2 * target'"
    ),
    "the decimal separator is '.', e.g. 16.82": (
        "pemisah desimal dalam rumus adalah '.', misalnya 16.82"
    ),
}
# Patterns as text: the regex module caches them, and this module names no compiler.
_HINT_PATTERNS_ID = (
    (r"use (.*) to compare", r"pakai \1 untuk membandingkan"),
    (r"use (.*) or (.*)", r"pakai \1 atau \2"),
    (r"use (.*)", r"pakai \1"),
    (r"write (.*)", r"tulis \1"),
    (
        r"put '\*' between (.*) and '\(' to multiply",
        r"beri '*' di antara \1 dan '(' untuk mengalikan",
    ),
)


def _hint_id(hint: str | None) -> str | None:
    """The Indonesian of a hint; None where the hint is a name, the same in both."""
    if hint is None or hint in _HINTS_ID:
        return None if hint is None else _HINTS_ID[hint]
    for pattern, replacement in _HINT_PATTERNS_ID:
        if re.fullmatch(pattern, hint):
            return re.sub(pattern, replacement, hint)
    return None


# Words analysts write for an operator or function in other spellings; hints only.
_WORD_HINTS = {
    "dan": "and",
    "atau": "or",
    "tidak": "not",
    "bukan": "not",
    "jika": "if",
    "maks": "max",
    "mak": "max",
    "bulat": "round",
    "mutlak": "abs",
}
_MISSING = "—"

# Operator chains longer than this compile to one loop instead of nested closures, so a
# long ``a + b + c + ...`` costs neither Python stack nor a deep chain of calls.
_NEST_LIMIT = 3


@attrs.frozen
class Formula:
    """A compiled formula: call it with the inputs to get its value.

    ``names`` are the inputs it reads, ``kind`` is ``"number"`` or ``"condition"``.
    Calling it returns a :class:`~decimal.Decimal` (number), a ``bool`` (condition) or
    ``None`` when an input it needs is missing; arithmetic failures such as division by
    zero raise :class:`FormulaError`.
    """

    source: str
    names: frozenset[str]
    kind: str
    _fn: _Fn = attrs.field(eq=False, repr=False, alias="fn")
    # (start, end, name) of every name in ``source``, for ``substituted``.
    _spans: tuple[tuple[int, int, str], ...] = attrs.field(
        default=(), eq=False, repr=False, alias="spans"
    )
    #: The formula as a tree (see :data:`Tree`), for compilers other than the closures.
    tree: Tree = attrs.field(default=("const", None), eq=False, repr=False)
    #: The closures again, built with Python's operators, which compute in the current
    #: decimal context: call it only inside ``decimal.localcontext(CONTEXT)``, where it
    #: gives what calling the formula gives (arithmetic faults raise the decimal module's
    #: ArithmeticError, untranslated). For loops over many records that enter that
    #: context once: an operator costs half a context method.
    in_current_context: _Fn = attrs.field(
        default=attrs.Factory(lambda self: self._fn, takes_self=True), eq=False, repr=False
    )

    def __call__(self, env: Mapping[str, Decimal | None]) -> Value:
        try:
            return self._fn(env)
        except ArithmeticError as exc:
            # Translated here rather than in each operator, so the closures stay free of
            # any handling cost and the message can show the whole formula.
            raise self._arithmetic_error(exc, env) from exc

    def figure(self, env: Mapping[str, Decimal | None]) -> Value:
        """The value as a figure of a report: like calling the formula, but a number of
        10^RESULT_DIGITS or more is a :class:`FormulaError`, as it is for an input. Such
        as a capaian over a target of 1E-400: no report prints it, and rounding it for
        display could take thousands of digits."""
        # The body of __call__ repeated rather than called: this runs for every figure of
        # every indicator of a national run, and a call is a good part of its cost.
        try:
            value = self._fn(env)
        except ArithmeticError as exc:
            raise self._arithmetic_error(exc, env) from exc
        if type(value) is Decimal and value.adjusted() >= RESULT_DIGITS:
            shown = f"{value:.3E}"
            raise FormulaError(
                f"the result of '{self.source}' is {shown}, too large for a figure"
                f" (10^{RESULT_DIGITS} or more)",
                message_id=f"hasil '{self.source}' adalah {shown}, terlalu besar untuk sebuah"
                f" angka (10^{RESULT_DIGITS} atau lebih)",
                value=self.substituted(env),
                expected=f"a result below 10^{RESULT_DIGITS}",
            )
        return value

    def substituted(self, env: Mapping[str, Decimal | None]) -> str:
        """The source with every name replaced by its value (``—`` when missing)."""
        source = self.source
        parts: list[str] = []
        last = 0
        for start, end, name in self._spans:
            value = env.get(name)
            parts.append(source[last:start])
            parts.append(_MISSING if value is None else format(value, "f"))
            last = end
        parts.append(source[last:])
        return "".join(parts)

    def _arithmetic_error(
        self, exc: ArithmeticError, env: Mapping[str, Decimal | None]
    ) -> FormulaError:
        src = self.source
        if _is_division_by_zero(exc):
            en, id_ = f"division by zero in '{src}'", f"pembagian dengan nol dalam '{src}'"
        elif isinstance(exc, decimal.Overflow):
            en, id_ = f"arithmetic overflow in '{src}'", f"luapan aritmetika dalam '{src}'"
        else:
            en = f"invalid arithmetic in '{src}'"
            id_ = f"operasi aritmetika tidak sah dalam '{src}'"
        return FormulaError(en, message_id=id_, value=self.substituted(env))


def _is_division_by_zero(exc: ArithmeticError) -> bool:
    if isinstance(exc, ZeroDivisionError):
        return True
    # For 0/0 the C decimal module raises InvalidOperation and names the condition,
    # DivisionUndefined (itself a ZeroDivisionError), only in the exception's args.
    conditions = exc.args[0] if exc.args and isinstance(exc.args[0], list) else []
    return any(isinstance(c, type) and issubclass(c, ZeroDivisionError) for c in conditions)


def compile_formula(source: str, allowed: Iterable[str], *, kind: str = NUMBER) -> Formula:
    """Parse, type-check and compile ``source``; raise :class:`FormulaError` if it is wrong.

    ``allowed`` are the input names the formula may use; ``kind`` is the type its
    result must have: ``"number"`` or ``"condition"``.
    """
    if kind not in _KINDS:
        # A programming error in the caller, not a fault in the analyst's rule set.
        raise ValueError(f"kind must be 'number' or 'condition', not {kind!r}")
    if len(source) > MAX_LENGTH:
        raise FormulaError(
            f"formula is too long: {len(source)} characters (at most {MAX_LENGTH})",
            message_id=f"rumus terlalu panjang: {len(source)} karakter "
            f"(paling banyak {MAX_LENGTH})",
            value=source,
            column=MAX_LENGTH + 1,
            expected=f"at most {MAX_LENGTH} characters",
        )
    parser = _Parser(source, frozenset(allowed), _IN_CONTEXT)
    expr = parser.parse()
    if expr.type != kind:
        parser.fail(
            expr.start,
            f"the formula must give {_TYPE_EN[kind]}, but it gives {_TYPE_EN[expr.type]}",
            f"rumus harus menghasilkan {_TYPE_ID[kind]}, tetapi menghasilkan {_TYPE_ID[expr.type]}",
            expected=_TYPE_EN[kind],
        )
    return Formula(
        source=source,
        names=frozenset(name for _, _, name in parser.spans),
        kind=kind,
        fn=expr.fn,
        spans=tuple(parser.spans),
        tree=expr.tree,
        # The same parse again, built with operators: it cannot fail where the first did not.
        in_current_context=_Parser(source, frozenset(allowed), _IN_CURRENT).parse().fn,
    )


# --------------------------------------------------------------------------- tokens


class _Token(NamedTuple):
    kind: str  # "number", "name", "op" (operators, punctuation, keywords) or "end"
    text: str
    pos: int  # 0-based offset in the source


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if c in _SPACE:
            i += 1
        elif c in _DIGITS or (c == "." and i + 1 < n and source[i + 1] in _DIGITS):
            j = i
            while j < n and source[j] in _DIGITS:
                j += 1
            if j + 1 < n and source[j] == "." and source[j + 1] in _DIGITS:
                j += 2
                while j < n and source[j] in _DIGITS:
                    j += 1
            if c == "." or (j < n and (source[j] in _WORD or source[j] == ".")):
                _malformed_number(source, i)
            tokens.append(_Token("number", source[i:j], i))
            i = j
        elif c in _WORD_START:
            j = i + 1
            while j < n and source[j] in _WORD:
                j += 1
            word = source[i:j]
            tokens.append(_Token("op" if word in _KEYWORDS else "name", word, i))
            i = j
        elif source[i : i + 2] in _TWO_CHAR_OPS:
            tokens.append(_Token("op", source[i : i + 2], i))
            i += 2
        elif c in _ONE_CHAR_OPS:
            tokens.append(_Token("op", c, i))
            i += 1
        else:
            raise FormulaError(
                f"unexpected character {c!r}",
                message_id=f"karakter tidak dikenal {c!r}",
                value=source,
                column=i + 1,
                expected="a number, a name, an operator, '(', ')' or ','",
                hint=_CHAR_HINTS.get(c),
                hint_id=_hint_id(_CHAR_HINTS.get(c)),
            )
    tokens.append(_Token("end", "", len(source.rstrip())))
    return tokens


def _word_hint(word: str) -> str | None:
    lower = word.lower()
    if lower in _KEYWORDS or lower in _FUNCTIONS:
        return lower
    return _WORD_HINTS.get(lower)


def _malformed_number(source: str, start: int) -> NoReturn:
    end = start
    while end < len(source) and (source[end] in _WORD or source[end] == "."):
        end += 1
    text = source[start:end]
    head = text.rstrip("0123456789")
    if text.startswith("."):
        hint: str | None = f"write 0{text}"
    elif head[-1:] in ("e", "E") and head[:-1].replace(".", "", 1).isdigit():
        hint = "exponents are not supported; write the number in full"
    elif "." not in text:
        hint = "put an operator between a number and a name, e.g. '2 * target'"
    else:
        hint = None
    raise FormulaError(
        f"malformed number '{text}'",
        message_id=f"angka tidak sah '{text}'",
        value=source,
        column=start + 1,
        expected="a number such as 12 or 0.5",
        hint=hint,
        hint_id=_hint_id(hint),
    )


# --------------------------------------------------------------------------- parser


@attrs.frozen
class _Expr:
    """A compiled subexpression with what the parser still needs to know about it."""

    type: str  # NUMBER or CONDITION
    start: int  # offset of its first character, where type errors point
    fn: _Fn
    is_const: bool = False
    value: Value = None  # when is_const
    name: str | None = None  # when it is a bare input name
    literal: str | None = None  # when it is a number exactly as written
    # The expression as a tree, for compilers other than the closures (codegen.py):
    # ("const", value), ("name", name) or (operation, *operands); see Tree.
    tree: Tree = ("const", None)


class _Parser:
    """Recursive descent, one method per precedence level, loosest first."""

    def __init__(self, source: str, allowed: frozenset[str], ops: _Ops) -> None:
        self.source = source
        self.allowed = allowed
        self.ops = ops
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0
        self.spans: list[tuple[int, int, str]] = []

    # -- helpers

    def fail(
        self,
        pos: int,
        en: str,
        id_: str,
        *,
        expected: str | None = None,
        hint: str | None = None,
    ) -> NoReturn:
        raise FormulaError(
            en,
            message_id=id_,
            value=self.source,
            column=pos + 1,
            expected=expected,
            hint=hint,
            hint_id=_hint_id(hint),
        )

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def advance(self) -> _Token:
        tok = self.tokens[self.index]
        self.index += 1
        return tok

    def at(self, *texts: str) -> bool:
        tok = self.tokens[self.index]
        return tok.kind == "op" and tok.text in texts

    def unexpected(self, tok: _Token, expected: str) -> NoReturn:
        if tok.kind == "end":
            self.fail(
                tok.pos,
                "unexpected end of formula",
                "rumus berakhir terlalu cepat",
                expected=expected,
            )
        if tok.kind == "number":
            en, id_ = f"number {tok.text}", f"angka {tok.text}"
        elif tok.kind == "name":
            en, id_ = f"name '{tok.text}'", f"nama '{tok.text}'"
        else:
            en = id_ = f"'{tok.text}'"
        hint = _word_hint(tok.text) if tok.kind == "name" else None
        if tok.text == "," and self._is_decimal_comma(tok):
            hint = "the decimal separator is '.', e.g. 16.82"
        self.fail(
            tok.pos,
            f"unexpected {en}",
            f"{id_} tidak diharapkan di sini",
            expected=expected,
            hint=hint,
        )

    def _is_decimal_comma(self, tok: _Token) -> bool:
        i = self.tokens.index(tok)
        before, after = self.tokens[i - 1] if i else None, self.tokens[i + 1]
        return (
            before is not None
            and before.kind == "number"
            and before.pos + len(before.text) == tok.pos
            and after.kind == "number"
            and after.pos == tok.pos + 1
        )

    def enter(self, tok: _Token) -> None:
        # Bounding the nesting bounds both this parser's recursion and the depth of the
        # compiled closures, so no formula can reach Python's recursion limit.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(
                tok.pos,
                f"formula is nested too deeply (more than {MAX_DEPTH} levels)",
                f"rumus bersarang terlalu dalam (lebih dari {MAX_DEPTH} tingkat)",
                expected=f"at most {MAX_DEPTH} levels of nesting",
            )

    def leave(self) -> None:
        self.depth -= 1

    def require(self, expr: _Expr, wanted: str, what: str) -> None:
        """Fail at ``expr`` unless it has type ``wanted``; ``what`` names the consumer."""
        if expr.type != wanted:
            self.fail(
                expr.start,
                f"{what} needs {_TYPE_EN[wanted]}, but this is {_TYPE_EN[expr.type]}",
                f"{what} memerlukan {_TYPE_ID[wanted]}, tetapi ini {_TYPE_ID[expr.type]}",
                expected=_TYPE_EN[wanted],
            )

    # -- grammar

    def parse(self) -> _Expr:
        if self.peek().kind == "end":
            self.fail(0, "empty formula", "rumus kosong", expected="an operand")
        expr = self.parse_or()
        tok = self.peek()
        if tok.kind != "end":
            self.unexpected(tok, "an operator or the end of the formula")
        return expr

    def parse_or(self) -> _Expr:
        items = [self.parse_and()]
        while self.at("or"):
            self.advance()
            items.append(self.parse_and())
        if len(items) == 1:
            return items[0]
        for item in items:
            self.require(item, CONDITION, "'or'")
        tree = ("or", *(e.tree for e in items))
        return _node(_or([_bool_fn(e) for e in items]), CONDITION, items[0].start, items, tree)

    def parse_and(self) -> _Expr:
        items = [self.parse_not()]
        while self.at("and"):
            self.advance()
            items.append(self.parse_not())
        if len(items) == 1:
            return items[0]
        for item in items:
            self.require(item, CONDITION, "'and'")
        tree = ("and", *(e.tree for e in items))
        return _node(_and([_bool_fn(e) for e in items]), CONDITION, items[0].start, items, tree)

    def parse_not(self) -> _Expr:
        if not self.at("not"):
            return self.parse_comparison()
        tok = self.advance()
        self.enter(tok)
        operand = self.parse_not()
        self.leave()
        self.require(operand, CONDITION, "'not'")
        tree = ("not", operand.tree)
        return _node(_not(_bool_fn(operand)), CONDITION, tok.pos, [operand], tree)

    def parse_comparison(self) -> _Expr:
        left = self.parse_sum()
        tok = self.peek()
        if tok.kind != "op" or tok.text not in _COMPARISONS:
            return left
        self.advance()
        right = self.parse_sum()
        what = f"'{tok.text}'"
        self.require(left, NUMBER, what)
        self.require(right, NUMBER, what)
        if self.at(*_COMPARISONS):
            self.fail(
                self.peek().pos,
                "comparisons cannot be chained",
                "perbandingan tidak dapat dirangkai",
                expected="'and' or 'or' between comparisons",
                hint="write 'a < b and b < c'",
            )
        fn = _binary(_COMPARISONS[tok.text], left, right, self.ops.arithmetic)
        tree = (tok.text, left.tree, right.tree)
        return _node(fn, CONDITION, left.start, [left, right], tree)

    def parse_sum(self) -> _Expr:
        return self._chain(self.parse_term, ("+", "-"))

    def parse_term(self) -> _Expr:
        return self._chain(self.parse_unary, ("*", "/"))

    def _chain(self, operand: Callable[[], _Expr], ops: tuple[str, ...]) -> _Expr:
        first = operand()
        rest: list[tuple[str, _Expr]] = []
        while self.at(*ops):
            rest.append((self.advance().text, operand()))
        if not rest:
            return first
        self.require(first, NUMBER, f"'{rest[0][0]}'")
        for op, item in rest:
            self.require(item, NUMBER, f"'{op}'")
        if len(rest) > _NEST_LIMIT:
            pairs = [(self.ops.arithmetic[op], _num_fn(item)) for op, item in rest]
            return _node(
                _fold(_num_fn(first), pairs),
                NUMBER,
                first.start,
                [first, *(item for _, item in rest)],
                ("chain", first.tree, tuple((op, item.tree) for op, item in rest)),
            )
        acc = first
        for op, item in rest:
            fn = _binary(self.ops.arithmetic[op], acc, item, self.ops.arithmetic)
            acc = _node(fn, NUMBER, first.start, [acc, item], (op, acc.tree, item.tree))
        return acc

    def parse_unary(self) -> _Expr:
        if not self.at("-", "+"):
            return self.parse_primary()
        tok = self.advance()
        self.enter(tok)
        operand = self.parse_unary()
        self.leave()
        self.require(operand, NUMBER, f"unary '{tok.text}'")
        if tok.text == "+":
            # Unary plus changes nothing; keep the operand so it still compiles as a
            # name or a constant.
            return attrs.evolve(operand, start=tok.pos, literal=None)
        tree = ("neg", operand.tree)
        return _node(_unary(self.ops.minus, operand), NUMBER, tok.pos, [operand], tree)

    def parse_primary(self) -> _Expr:
        tok = self.peek()
        if tok.kind == "number":
            self.advance()
            return _const(Decimal(tok.text), NUMBER, tok.pos, literal=tok.text)
        if tok.kind == "name":
            self.advance()
            if self.at("("):
                return self.parse_call(tok)
            return self.name(tok)
        if tok.kind == "op" and tok.text == "(":
            self.advance()
            self.enter(tok)
            inner = self.parse_or()
            self.expect_close(tok, "')'")
            self.leave()
            return attrs.evolve(inner, start=tok.pos)
        self.unexpected(tok, "an operand")

    def expect_close(self, open_tok: _Token, expected: str) -> _Token:
        tok = self.peek()
        if tok.kind == "op" and tok.text == ")":
            return self.advance()
        if tok.kind == "end":
            col = open_tok.pos + 1
            self.fail(
                tok.pos,
                f"missing ')' to close the '(' at column {col}",
                f"kurang ')' untuk menutup '(' di kolom {col}",
                expected=expected,
            )
        self.unexpected(tok, expected)

    def name(self, tok: _Token) -> _Expr:
        name = tok.text
        if name not in self.allowed:
            close = difflib.get_close_matches(name, sorted(self.allowed), n=1)
            hint = close[0] if close else _word_hint(name)
            self.fail(
                tok.pos,
                f"unknown name '{name}'",
                f"nama tidak dikenal '{name}'",
                expected=(
                    "one of " + ", ".join(sorted(self.allowed))
                    if self.allowed
                    else "a number (this formula has no inputs)"
                ),
                hint=hint,
            )
        self.spans.append((tok.pos, tok.pos + len(name), name))

        def get(env: Env) -> Value:
            return env.get(name)

        return _Expr(NUMBER, tok.pos, get, name=name, tree=("name", name))

    def parse_call(self, name_tok: _Token) -> _Expr:
        fname = name_tok.text
        if fname not in _FUNCTIONS:
            if fname in self.allowed:
                hint: str | None = f"put '*' between '{fname}' and '(' to multiply"
            else:
                close = difflib.get_close_matches(fname, sorted(_FUNCTIONS), n=1)
                hint = close[0] if close else _word_hint(fname)
            self.fail(
                name_tok.pos,
                f"unknown function '{fname}'",
                f"fungsi tidak dikenal '{fname}'",
                expected=f"one of {_FUNCTION_LIST}",
                hint=hint,
            )
        open_tok = self.advance()
        self.enter(name_tok)
        args: list[_Expr] = []
        commas: list[int] = []
        if not self.at(")"):
            while True:
                args.append(self.parse_or())
                if not self.at(","):
                    break
                commas.append(self.advance().pos)
        close_tok = self.expect_close(open_tok, "',' or ')'")
        self.leave()

        fewest, most = _FUNCTIONS[fname]
        if len(args) < fewest or (most is not None and len(args) > most):
            if most is None:
                need_en, need_id = f"at least {fewest} arguments", f"paling sedikit {fewest}"
            else:
                plural = "argument" if most == 1 else "arguments"
                need_en, need_id = f"exactly {most} {plural}", f"tepat {most}"
            if fname == "if":
                need_en += " (condition, then, else)"
            en = f"{fname}() takes {need_en}, got {len(args)}"
            id_ = f"{fname}() memerlukan {need_id} argumen, diberikan {len(args)}"
            if len(args) < fewest:
                self.fail(close_tok.pos, en, id_, expected="','" if args else "an operand")
            self.fail(commas[fewest - 1], en, id_, expected="')'")

        start = name_tok.pos
        what = f"{fname}()"
        if fname == "if":
            cond, then, other = args
            if cond.type != CONDITION:
                self.fail(
                    cond.start,
                    "the first argument of if() must be a condition, but this is a number",
                    "argumen pertama if() harus kondisi, tetapi ini angka",
                    expected="a condition such as 'realisasi > target'",
                )
            if then.type != other.type:
                self.fail(
                    other.start,
                    f"both branches of if() must have the same type, but the first is "
                    f"{_TYPE_EN[then.type]} and this is {_TYPE_EN[other.type]}",
                    f"kedua cabang if() harus bertipe sama, tetapi yang pertama "
                    f"{_TYPE_ID[then.type]} dan ini {_TYPE_ID[other.type]}",
                    expected=_TYPE_EN[then.type],
                )
            fn = _if(_bool_fn(cond), then.fn, other.fn)
            return _node(fn, then.type, start, args, ("if", cond.tree, then.tree, other.tree))
        if fname == "round":
            value, places_expr = args
            self.require(value, NUMBER, what)
            text = places_expr.literal
            if text is None or not text.isdigit() or int(text) > MAX_PLACES:
                self.fail(
                    places_expr.start,
                    "the second argument of round() must be a whole number of decimal "
                    f"places from 0 to {MAX_PLACES}, written as a plain number",
                    "argumen kedua round() harus bilangan bulat jumlah angka desimal "
                    f"dari 0 sampai {MAX_PLACES}, ditulis sebagai angka biasa",
                    expected="a whole number such as 2",
                )
            tree = ("round", value.tree, int(text))
            fn = _round(value, int(text), self.ops.context)
            return _node(fn, NUMBER, start, [value], tree)
        for arg in args:
            self.require(arg, NUMBER, what)
        if fname == "missing":
            return _node(_missing(args[0]), CONDITION, start, args, ("missing", args[0].tree))
        if fname == "abs":
            fn = _unary(self.ops.abs, args[0])
            return _node(fn, NUMBER, start, args, ("abs", args[0].tree))
        fns = [_num_fn(a) for a in args]
        fn = _min(fns) if fname == "min" else _max(fns)
        return _node(fn, NUMBER, start, args, (fname, *(a.tree for a in args)))


# --------------------------------------------------------------------------- closures
#
# Every builder returns a closure taking the inputs mapping. Types were checked by the
# parser, so the casts below only tell mypy what the parser already proved.


def _num_fn(expr: _Expr) -> _NumFn:
    return cast(_NumFn, expr.fn)


def _bool_fn(expr: _Expr) -> _BoolFn:
    return cast(_BoolFn, expr.fn)


def _const(value: Value, type_: str, start: int, literal: str | None = None) -> _Expr:
    def const(env: Env) -> Value:
        return value

    return _Expr(
        type_, start, const, is_const=True, value=value, literal=literal, tree=("const", value)
    )


def _node(fn: _Fn, type_: str, start: int, children: Sequence[_Expr], tree: Tree) -> _Expr:
    """Wrap ``fn``, folding it to a constant when all its operands are constants."""
    if all(child.is_const for child in children):
        try:
            value = fn({})
        except ArithmeticError:
            # Such as ``1 / 0``: leave it to fail when called, with the message that
            # names the formula and its figures.
            pass
        else:
            return _const(value, type_, start)
    return _Expr(type_, start, fn, tree=tree)


def _binary(op: _Op, left: _Expr, right: _Expr, arithmetic: Mapping[str, _Op]) -> _Fn:
    """``op(left, right)``, or None when either is missing; both are always evaluated.

    Names and constants are read inline rather than through their own closures: it
    saves a call per operand on the path that runs millions of times. For the same
    reason an arithmetic ``left`` whose operands are names and constants, with a name or
    a constant on the right (``realisasi / target * 100``), is one closure.
    """
    ln, rn = left.name, right.name
    inner = _leaf_pair(left, arithmetic)
    if inner is not None and (rn is not None or right.is_const):
        return _fused(op, inner, rn, None if rn is not None else cast(Decimal, right.value))
    if ln is not None and rn is not None:

        def name_name(env: Env) -> Value:
            a = env.get(ln)
            b = env.get(rn)
            if a is None or b is None:
                return None
            return op(a, b)

        return name_name
    if right.is_const:
        c = cast(Decimal, right.value)
        if ln is not None:

            def name_const(env: Env) -> Value:
                a = env.get(ln)
                return None if a is None else op(a, c)

            return name_const
        lf = _num_fn(left)

        def expr_const(env: Env) -> Value:
            a = lf(env)
            return None if a is None else op(a, c)

        return expr_const
    if left.is_const:
        k = cast(Decimal, left.value)
        if rn is not None:

            def const_name(env: Env) -> Value:
                b = env.get(rn)
                return None if b is None else op(k, b)

            return const_name
        rf = _num_fn(right)

        def const_expr(env: Env) -> Value:
            b = rf(env)
            return None if b is None else op(k, b)

        return const_expr
    if ln is not None:
        rf = _num_fn(right)

        def name_expr(env: Env) -> Value:
            a = env.get(ln)
            b = rf(env)
            if a is None or b is None:
                return None
            return op(a, b)

        return name_expr
    lf = _num_fn(left)
    if rn is not None:

        def expr_name(env: Env) -> Value:
            a = lf(env)
            b = env.get(rn)
            if a is None or b is None:
                return None
            return op(a, b)

        return expr_name
    rf = _num_fn(right)

    def expr_expr(env: Env) -> Value:
        a = lf(env)
        b = rf(env)
        if a is None or b is None:
            return None
        return op(a, b)

    return expr_expr


def _fold(first: _NumFn, rest: Sequence[tuple[_Op, _NumFn]]) -> _Fn:
    """A left-associative chain ``first op1 x1 op2 x2 ...`` evaluated in one loop."""
    steps = tuple(rest)

    def chain(env: Env) -> Value:
        acc: Value = first(env)
        for op, fn in steps:
            b = fn(env)
            acc = None if acc is None or b is None else op(cast(Decimal, acc), b)
        return acc

    return chain


# (op, name or None, constant, name or None, constant): ``left op right`` over two leaves,
# each a name (read from the inputs) or, where the name is None, the constant.
_LeafPair = tuple[_Op, str | None, Any, str | None, Any]


def _leaf_pair(expr: _Expr, arithmetic: Mapping[str, _Op]) -> _LeafPair | None:
    """``expr`` as arithmetic over two leaves, at least one a name; else None."""
    tree = expr.tree
    if len(tree) != 3 or tree[0] not in arithmetic:
        return None
    a, b = tree[1], tree[2]
    if a[0] not in ("name", "const") or b[0] not in ("name", "const"):
        return None
    if a[0] == "const" and b[0] == "const":
        return None
    xa, va = (a[1], None) if a[0] == "name" else (None, a[1])
    xb, vb = (b[1], None) if b[0] == "name" else (None, b[1])
    return arithmetic[tree[0]], xa, va, xb, vb


def _fused(op: _Op, inner: _LeafPair, rn: str | None, c: Decimal | None) -> _Fn:
    """``op(inner, right)`` as one closure, evaluated as the two would be: the inner
    operation first (a fault there raises even when the right is missing), then the
    right, a name ``rn`` or the constant ``c``."""
    op1, xa, va, xb, vb = inner

    def fused(env: Env) -> Value:
        a = va if xa is None else env.get(xa)
        b = vb if xb is None else env.get(xb)
        v = None if a is None or b is None else op1(a, b)
        w = c if rn is None else env.get(rn)
        if v is None or w is None:
            return None
        return op(cast(Decimal, v), w)

    return fused


def _unary(op: Callable[[Decimal], Decimal], operand: _Expr) -> _Fn:
    name = operand.name
    if name is not None:

        def of_name(env: Env) -> Value:
            a = env.get(name)
            return None if a is None else op(a)

        return of_name
    f = _num_fn(operand)

    def of_expr(env: Env) -> Value:
        a = f(env)
        return None if a is None else op(a)

    return of_expr


def _missing(operand: _Expr) -> _Fn:
    name = operand.name
    if name is not None:

        def name_missing(env: Env) -> Value:
            return env.get(name) is None

        return name_missing
    f = operand.fn

    def expr_missing(env: Env) -> Value:
        return f(env) is None

    return expr_missing


def _round(operand: _Expr, places: int, context: decimal.Context | None) -> _Fn:
    quantum = Decimal(1).scaleb(-places)
    f = _num_fn(operand)

    def round_(env: Env) -> Value:
        a = f(env)
        if a is None:
            return None
        # Half-up (ties away from zero) is how Indonesian reports round percentages.
        return a.quantize(quantum, decimal.ROUND_HALF_UP, context)

    return round_


def _min(fns: Sequence[_NumFn]) -> _Fn:
    # Ties return the first argument, as Python's min() does; CONTEXT.min would prefer
    # one representation of equal values over another.
    if len(fns) == 2:
        lf, rf = fns

        def min2(env: Env) -> Value:
            a = lf(env)
            b = rf(env)
            if a is None or b is None:
                return None
            return b if b < a else a

        return min2
    all_fns = tuple(fns)

    def min_n(env: Env) -> Value:
        values = [f(env) for f in all_fns]
        if any(v is None for v in values):
            return None
        return min(cast(list[Decimal], values))

    return min_n


def _max(fns: Sequence[_NumFn]) -> _Fn:
    if len(fns) == 2:
        lf, rf = fns

        def max2(env: Env) -> Value:
            a = lf(env)
            b = rf(env)
            if a is None or b is None:
                return None
            return b if b > a else a

        return max2
    all_fns = tuple(fns)

    def max_n(env: Env) -> Value:
        values = [f(env) for f in all_fns]
        if any(v is None for v in values):
            return None
        return max(cast(list[Decimal], values))

    return max_n


def _and(fns: Sequence[_BoolFn]) -> _Fn:
    # Stops at the first false operand, so 'target != 0 and realisasi / target > 1' is
    # safe; a missing operand does not stop it, since a later false still decides.
    return _junction(fns, decisive=False)


def _or(fns: Sequence[_BoolFn]) -> _Fn:
    return _junction(fns, decisive=True)


def _junction(fns: Sequence[_BoolFn], *, decisive: bool) -> _Fn:
    """``and`` (decided by a false operand) or ``or`` (by a true one) in three-valued
    logic: the first deciding operand decides; else a missing one leaves it undecided."""
    undecided = not decisive
    if len(fns) == 2:
        lf, rf = fns

        def two(env: Env) -> Value:
            a = lf(env)
            if a is decisive:
                return decisive
            b = rf(env)
            if b is decisive:
                return decisive
            if a is None or b is None:
                return None
            return undecided

        return two
    all_fns = tuple(fns)

    def many(env: Env) -> Value:
        unknown = False
        for f in all_fns:
            v = f(env)
            if v is decisive:
                return decisive
            if v is None:
                unknown = True
        return None if unknown else undecided

    return many


def _not(f: _BoolFn) -> _Fn:
    def not_(env: Env) -> Value:
        v = f(env)
        return None if v is None else not v

    return not_


def _if(cond: _BoolFn, then: _Fn, other: _Fn) -> _Fn:
    def if_(env: Env) -> Value:
        c = cond(env)
        if c is None:
            return None
        return then(env) if c else other(env)

    return if_
