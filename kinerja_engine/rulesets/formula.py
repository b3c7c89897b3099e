"""Formulas and conditions of a rule set: parsed and type-checked once into a tree.

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

A formula's meaning is :func:`evaluate_tree`, which reads the tree node by node: the
specification of the language, used by the traced evaluator and the audit. The batch
paths compile the same tree into Python functions (kinerja_engine.evaluation.codegen)
and are tested against it.
"""

from __future__ import annotations

import decimal
import difflib
import operator
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, NoReturn, TypeAlias, cast

import attrs

from kinerja_engine import messages
from kinerja_engine.errors import FormulaError
from kinerja_engine.messages import Message, msg

__all__ = [
    "CONTEXT",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "Formula",
    "Tree",
    "Value",
    "compile_formula",
    "evaluate_tree",
]

Value: TypeAlias = Decimal | bool | None
#: A compiled formula as a tree: ``("const", value)``, ``("name", name)``, or an
#: operation and its operands: ``(op, left, right)`` for ``+ - * /`` and comparisons,
#: ``("chain", first, ((op, operand), ...))`` for a long ``+ -`` or ``* /`` chain,
#: ``("and" | "or" | "min" | "max", *operands)``, ``("not" | "neg" | "abs" | "missing",
#: operand)``, ``("if", condition, then, else)`` and ``("round", operand, places)``.
Tree: TypeAlias = tuple[Any, ...]
Env: TypeAlias = Mapping[str, Decimal | None]
_Op: TypeAlias = Callable[[Decimal, Decimal], Value]
_Pair: TypeAlias = tuple[Decimal, Decimal]

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
_TYPE = {NUMBER: msg("value.a-number"), CONDITION: msg("value.a-condition")}

_KEYWORDS = frozenset({"and", "or", "not"})
_OPERAND = messages.text("expected.formula.operand", "en")
_COMPARISONS: dict[str, _Op] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
}


_ARITHMETIC: dict[str, _Op] = {
    "+": CONTEXT.add,
    "-": CONTEXT.subtract,
    "*": CONTEXT.multiply,
    "/": CONTEXT.divide,
}
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
    "=": msg("hint.formula.compare", op="'=='"),
    "&": msg("hint.formula.use", what="'and'"),
    "|": msg("hint.formula.use", what="'or'"),
    "!": msg("hint.formula.use-either", a="'not'", b="'!='"),
    "%": msg("hint.formula.percent"),
    "^": msg("hint.formula.power"),
    "×": msg("hint.formula.use", what="'*'"),
    "÷": msg("hint.formula.use", what="'/'"),
    "−": msg("hint.formula.use", what="'-'"),
    "–": msg("hint.formula.use", what="'-'"),
    "≤": msg("hint.formula.use", what="'<='"),
    "≥": msg("hint.formula.use", what="'>='"),
    "≠": msg("hint.formula.use", what="'!='"),
}


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

# Operator chains longer than this become one "chain" node instead of nested operations,
# so a long ``a + b + c + ...`` costs neither Python stack nor deep trees.
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
    #: The formula as a tree (see :data:`Tree`): what :func:`evaluate_tree` reads and
    #: what the batch paths compile.
    tree: Tree = attrs.field(eq=False, repr=False)
    # (start, end, name) of every name in ``source``, for ``substituted``.
    _spans: tuple[tuple[int, int, str], ...] = attrs.field(
        default=(), eq=False, repr=False, alias="spans"
    )

    def __call__(self, env: Mapping[str, Decimal | None]) -> Value:
        try:
            return evaluate_tree(self.tree, env)
        except ArithmeticError as exc:
            # Translated here, where the message can show the whole formula.
            raise self._arithmetic_error(exc, env) from exc

    def figure(self, env: Mapping[str, Decimal | None]) -> Value:
        """The value as a figure of a report: like calling the formula, but a number of
        10^RESULT_DIGITS or more is a :class:`FormulaError`, as it is for an input. Such
        as a capaian over a target of 1E-400: no report prints it, and rounding it for
        display could take thousands of digits."""
        value = self(env)
        if type(value) is Decimal and value.adjusted() >= RESULT_DIGITS:
            shown = f"{value:.3E}"
            raise FormulaError(
                msg(
                    "error.formula.result-too-large",
                    source=self.source,
                    shown=shown,
                    digits=RESULT_DIGITS,
                ),
                value=self.substituted(env),
                expected=messages.text("expected.formula.result-below", "en", digits=RESULT_DIGITS),
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
        if _is_division_by_zero(exc):
            said = "error.formula.division-by-zero"
        elif isinstance(exc, decimal.Overflow):
            said = "error.formula.overflow"
        else:
            said = "error.formula.invalid-arithmetic"
        return FormulaError(msg(said, source=self.source), value=self.substituted(env))


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
        raise ValueError(messages.text("error.formula.kind", "en", kind=kind))
    if len(source) > MAX_LENGTH:
        raise FormulaError(
            msg("error.formula.too-long", length=len(source), most=MAX_LENGTH),
            value=source,
            column=MAX_LENGTH + 1,
            expected=messages.text("expected.formula.at-most-characters", "en", most=MAX_LENGTH),
        )
    parser = _Parser(source, frozenset(allowed))
    expr = parser.parse()
    if expr.type != kind:
        parser.fail(
            expr.start,
            msg("error.formula.wrong-type", wanted=_TYPE[kind], found=_TYPE[expr.type]),
            expected=_TYPE[kind].render("en"),
        )
    return Formula(
        source=source,
        names=frozenset(name for _, _, name in parser.spans),
        kind=kind,
        tree=expr.tree,
        spans=tuple(parser.spans),
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
                msg("error.formula.character", char=c),
                value=source,
                column=i + 1,
                expected=messages.text("expected.formula.token", "en"),
                hint=_CHAR_HINTS.get(c),
            )
    tokens.append(_Token("end", "", len(source.rstrip())))
    return tokens


def _name_hint(name: str | None) -> Message | None:
    """A hint that is only a name, the same in both languages."""
    return None if name is None else msg("hint.formula.name", name=name)


def _word_hint(word: str) -> Message | None:
    lower = word.lower()
    if lower in _KEYWORDS or lower in _FUNCTIONS:
        return _name_hint(lower)
    return _name_hint(_WORD_HINTS.get(lower))


def _malformed_number(source: str, start: int) -> NoReturn:
    end = start
    while end < len(source) and (source[end] in _WORD or source[end] == "."):
        end += 1
    text = source[start:end]
    head = text.rstrip("0123456789")
    if text.startswith("."):
        hint: Message | None = msg("hint.formula.write", text=f"0{text}")
    elif head[-1:] in ("e", "E") and head[:-1].replace(".", "", 1).isdigit():
        hint = msg("hint.formula.exponent")
    elif "." not in text:
        hint = msg("hint.formula.operator-between")
    else:
        hint = None
    raise FormulaError(
        msg("error.formula.malformed-number", text=text),
        value=source,
        column=start + 1,
        expected=messages.text("expected.formula.number", "en"),
        hint=hint,
    )


# --------------------------------------------------------------------------- parser


@attrs.frozen
class _Expr:
    """A compiled subexpression with what the parser still needs to know about it."""

    type: str  # NUMBER or CONDITION
    start: int  # offset of its first character, where type errors point
    # ("const", value), ("name", name) or (operation, *operands); see Tree.
    tree: Tree
    literal: str | None = None  # when it is a number exactly as written


class _Parser:
    """Recursive descent, one method per precedence level, loosest first."""

    def __init__(self, source: str, allowed: frozenset[str]) -> None:
        self.source = source
        self.allowed = allowed
        self.tokens = _tokenize(source)
        self.index = 0
        self.depth = 0
        self.spans: list[tuple[int, int, str]] = []

    # -- helpers

    def fail(
        self,
        pos: int,
        said: Message,
        *,
        expected: str | None = None,
        hint: Message | None = None,
    ) -> NoReturn:
        raise FormulaError(said, value=self.source, column=pos + 1, expected=expected, hint=hint)

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
            self.fail(tok.pos, msg("error.formula.end"), expected=expected)
        token: object
        if tok.kind == "number":
            token = msg("formula.token.number", text=tok.text)
        elif tok.kind == "name":
            token = msg("formula.token.name", text=tok.text)
        else:
            token = f"'{tok.text}'"
        hint = _word_hint(tok.text) if tok.kind == "name" else None
        if tok.text == "," and self._is_decimal_comma(tok):
            hint = msg("hint.formula.decimal-point")
        self.fail(
            tok.pos, msg("error.formula.unexpected", token=token), expected=expected, hint=hint
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
        # trees evaluate_tree walks, so no formula can reach Python's recursion limit.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self.fail(
                tok.pos,
                msg("error.formula.too-deep", most=MAX_DEPTH),
                expected=messages.text("expected.formula.nesting", "en", most=MAX_DEPTH),
            )

    def leave(self) -> None:
        self.depth -= 1

    def require(self, expr: _Expr, wanted: str, what: str) -> None:
        """Fail at ``expr`` unless it has type ``wanted``; ``what`` names the consumer."""
        if expr.type != wanted:
            self.fail(
                expr.start,
                msg("error.formula.needs", what=what, wanted=_TYPE[wanted], found=_TYPE[expr.type]),
                expected=_TYPE[wanted].render("en"),
            )

    # -- grammar

    def parse(self) -> _Expr:
        if self.peek().kind == "end":
            self.fail(0, msg("error.formula.empty"), expected=_OPERAND)
        expr = self.parse_or()
        tok = self.peek()
        if tok.kind != "end":
            self.unexpected(tok, messages.text("expected.formula.operator-or-end", "en"))
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
        return _node(CONDITION, items[0].start, tree)

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
        return _node(CONDITION, items[0].start, tree)

    def parse_not(self) -> _Expr:
        if not self.at("not"):
            return self.parse_comparison()
        tok = self.advance()
        self.enter(tok)
        operand = self.parse_not()
        self.leave()
        self.require(operand, CONDITION, "'not'")
        tree = ("not", operand.tree)
        return _node(CONDITION, tok.pos, tree)

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
                msg("error.formula.chained"),
                expected=messages.text("expected.formula.and-or", "en"),
                hint=msg("hint.formula.chain"),
            )
        return _node(CONDITION, left.start, (tok.text, left.tree, right.tree))

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
            steps = tuple((op, item.tree) for op, item in rest)
            return _node(NUMBER, first.start, ("chain", first.tree, steps))
        acc = first
        for op, item in rest:
            acc = _node(NUMBER, first.start, (op, acc.tree, item.tree))
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
        return _node(NUMBER, tok.pos, tree)

    def parse_primary(self) -> _Expr:
        tok = self.peek()
        if tok.kind == "number":
            self.advance()
            return _Expr(NUMBER, tok.pos, ("const", Decimal(tok.text)), literal=tok.text)
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
        self.unexpected(tok, _OPERAND)

    def expect_close(self, open_tok: _Token, expected: str) -> _Token:
        tok = self.peek()
        if tok.kind == "op" and tok.text == ")":
            return self.advance()
        if tok.kind == "end":
            col = open_tok.pos + 1
            self.fail(
                tok.pos,
                msg("error.formula.unclosed", column=col),
                expected=expected,
            )
        self.unexpected(tok, expected)

    def name(self, tok: _Token) -> _Expr:
        name = tok.text
        if name not in self.allowed:
            close = difflib.get_close_matches(name, sorted(self.allowed), n=1)
            hint = _name_hint(close[0]) if close else _word_hint(name)
            self.fail(
                tok.pos,
                msg("error.formula.unknown-name", name=name),
                expected=(
                    messages.text("value.one-of", "en", choices=", ".join(sorted(self.allowed)))
                    if self.allowed
                    else messages.text("expected.formula.no-inputs", "en")
                ),
                hint=hint,
            )
        self.spans.append((tok.pos, tok.pos + len(name), name))
        return _Expr(NUMBER, tok.pos, ("name", name))

    def parse_call(self, name_tok: _Token) -> _Expr:
        fname = name_tok.text
        if fname not in _FUNCTIONS:
            if fname in self.allowed:
                hint: Message | None = msg("hint.formula.multiply", name=f"'{fname}'")
            else:
                close = difflib.get_close_matches(fname, sorted(_FUNCTIONS), n=1)
                hint = _name_hint(close[0]) if close else _word_hint(fname)
            self.fail(
                name_tok.pos,
                msg("error.formula.unknown-function", name=fname),
                expected=messages.text("value.one-of", "en", choices=_FUNCTION_LIST),
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
                said = msg(
                    "error.formula.arguments-at-least", name=fname, count=fewest, got=len(args)
                )
            else:
                if fname == "if":
                    how = "error.formula.if-arguments"
                elif most == 1:
                    how = "error.formula.argument-exactly"
                else:
                    how = "error.formula.arguments-exactly"
                said = msg(how, name=fname, count=most, got=len(args))
            if len(args) < fewest:
                self.fail(close_tok.pos, said, expected="','" if args else _OPERAND)
            self.fail(commas[fewest - 1], said, expected="')'")

        start = name_tok.pos
        what = f"{fname}()"
        if fname == "if":
            cond, then, other = args
            if cond.type != CONDITION:
                self.fail(
                    cond.start,
                    msg("error.formula.if-condition"),
                    expected=messages.text("expected.formula.condition", "en"),
                )
            if then.type != other.type:
                self.fail(
                    other.start,
                    msg(
                        "error.formula.if-branches", first=_TYPE[then.type], found=_TYPE[other.type]
                    ),
                    expected=_TYPE[then.type].render("en"),
                )
            return _node(then.type, start, ("if", cond.tree, then.tree, other.tree))
        if fname == "round":
            value, places_expr = args
            self.require(value, NUMBER, what)
            text = places_expr.literal
            if text is None or not text.isdigit() or int(text) > MAX_PLACES:
                self.fail(
                    places_expr.start,
                    msg("error.formula.round-places", most=MAX_PLACES),
                    expected=messages.text("expected.formula.whole-number", "en"),
                )
            return _node(NUMBER, start, ("round", value.tree, int(text)))
        for arg in args:
            self.require(arg, NUMBER, what)
        kind = CONDITION if fname == "missing" else NUMBER
        return _node(kind, start, (fname, *(a.tree for a in args)))


# --------------------------------------------------------------------------- meaning


def _node(type_: str, start: int, tree: Tree) -> _Expr:
    """The expression ``tree``, folded to a constant when all its operands are constants."""
    if all(t[0] == "const" for t in _operands(tree)):
        try:
            value = evaluate_tree(tree, {})
        except ArithmeticError:
            # Such as ``1 / 0``: left to fail when called, with the message that names
            # the formula and its figures.
            pass
        else:
            return _Expr(type_, start, ("const", value))
    return _Expr(type_, start, tree)


def _operands(tree: Tree) -> list[Tree]:
    if tree[0] == "chain":
        return [tree[1], *(operand for _, operand in tree[2])]
    if tree[0] == "round":
        return [tree[1]]
    return list(tree[1:])


def evaluate_tree(tree: Tree, env: Env) -> Value:
    """The value of a formula tree for the inputs ``env``: what the formula means.

    All arithmetic runs in :data:`CONTEXT`, whatever the caller's context; a fault
    (division by zero, overflow) raises the decimal module's ArithmeticError. Missing
    values spread as the module docstring says: both operands of an operator, and every
    argument of a function, are always evaluated (left to right); ``and``/``or`` stop at
    the first operand that decides them; ``if`` evaluates only the branch it chooses.
    One function, one Python frame per level of the tree: the deepest formula accepted
    stays far from the recursion limit.
    """
    op = tree[0]
    if op == "name":
        return env.get(tree[1])
    if op == "const":
        return cast(Value, tree[1])
    if op in _BINARY:
        a = evaluate_tree(tree[1], env)
        b = evaluate_tree(tree[2], env)
        return None if a is None or b is None else _BINARY[op](*cast(_Pair, (a, b)))
    if op == "chain":
        acc = evaluate_tree(tree[1], env)
        for step, operand in tree[2]:
            b = evaluate_tree(operand, env)
            acc = None if acc is None or b is None else _ARITHMETIC[step](*cast(_Pair, (acc, b)))
        return acc
    if op in ("and", "or"):
        # Three-valued: the first deciding operand (false for "and", true for "or")
        # decides, so 'target != 0 and realisasi / target > 1' never divides by zero;
        # else a missing operand leaves it missing.
        decisive = op == "or"
        unknown = False
        for operand in tree[1:]:
            value = evaluate_tree(operand, env)
            if value is decisive:
                return decisive
            if value is None:
                unknown = True
        return None if unknown else not decisive
    if op == "if":
        condition = evaluate_tree(tree[1], env)
        if condition is None:
            return None
        return evaluate_tree(tree[2] if condition else tree[3], env)
    if op == "missing":
        return evaluate_tree(tree[1], env) is None
    if op in ("min", "max"):
        values = [evaluate_tree(t, env) for t in tree[1:]]
        if any(v is None for v in values):
            return None
        # Ties give the first argument, as Python's min() and max() do; CONTEXT.min
        # would prefer one representation of equal values over another.
        return (min if op == "min" else max)(cast(list[Decimal], values))
    value = evaluate_tree(tree[1], env)
    if value is None:
        return None
    number = cast(Decimal, value)
    if op == "not":
        return not value
    if op == "neg":
        return CONTEXT.minus(number)
    if op == "abs":
        return CONTEXT.abs(number)
    if op == "round":
        # Half-up (ties away from zero) is how Indonesian reports round percentages.
        return number.quantize(_QUANTA[tree[2]], decimal.ROUND_HALF_UP, CONTEXT)
    raise ValueError(messages.text("error.formula.not-a-tree", "en", op=op))


_BINARY: dict[str, _Op] = {**_ARITHMETIC, **_COMPARISONS}
_QUANTA = tuple(Decimal(1).scaleb(-places, CONTEXT) for places in range(MAX_PLACES + 1))
