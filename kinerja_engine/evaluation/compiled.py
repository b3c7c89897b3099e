"""The compiled backend: a rule set's evaluation as Python functions, for batches.

Two kinds of function, both generated from the compiled rule set (its formula trees,
bounds and bands) the first time they are needed and kept on it:

* **Shapes** (:func:`evaluate_all`, :func:`evaluate_chunk`): a record's *shape* is what
  is known about it before its figures are read: its direction, whether its target is
  one number or a range, and which of realisasi, pagu, realisasi anggaran and the
  renstra target it has. For one shape, which figures of
  :func:`.indicator.evaluate_indicator` exist is fixed, so the whole evaluation
  (serapan, capaian, bounds, bands, the alternative method, progress, efficiency,
  verdict, flags) is straight-line code over the present figures, every missing one
  folded away before any record is read (:func:`.codegen.specialize`).
* **The grading loop** (:func:`grade_many`): :func:`.indicator.grade` over a chunk of
  records, capaian and category only, with the capaian formulas written into the loop.

Exactness first: a shape returns None, and the record goes through the specification
(evaluate_indicator), whenever anything unusual happens: an arithmetic fault, a figure
of 10^21 or more, a value outside every band, or a rule the compiler does not take (an
``if`` that is missing in one branch only, say). Records with no target or a target not
above zero go there too. So the backend needs to be right only on the ordinary path, and
there it gives the specification's results field for field (tests/test_compiled.py).

The functions are built from syntax nodes (:mod:`.codegen`: no source text, no
eval/exec) and run inside ``decimal.localcontext(CONTEXT)``, whatever the caller's.
"""

from __future__ import annotations

import ast
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, localcontext
from itertools import islice
from typing import Any

import attrs

from kinerja_engine.collector import collector_paused
from kinerja_engine.domain.model import Direction, Indicator
from kinerja_engine.domain.results import FlagHit, IndicatorResult, Status
from kinerja_engine.evaluation.codegen import (
    MISSING,
    Builder,
    Unsupported,
    assign,
    attr,
    call,
    compare,
    function,
    load,
    specialize,
)
from kinerja_engine.evaluation.indicator import (
    FIGURES_CONTEXT,
    NO_REALISASI,
    SEVERITIES,
    evaluate_indicator,
    flag_messages,
    pagu_capaian,
)
from kinerja_engine.rulesets.formula import CONTEXT, RESULT_DIGITS, Formula, evaluate_tree
from kinerja_engine.rulesets.ruleset import Bands, FlagRule, RuleSet

__all__ = [
    "CAPAIAN_INPUTS",
    "CHUNK",
    "WARMUP",
    "GradeKernel",
    "evaluate_all",
    "evaluate_chunk",
    "evaluate_records",
    "grade_kernel",
    "grade_many",
]

#: Records per chunk: large enough to spread a chunk's fixed costs (and, sent to a
#: worker, a task's and a pickle frame's), small enough to keep memory flat.
CHUNK = 1000
#: Records of a shape that go through evaluate_indicator before the shape is compiled:
#: a small case never pays for compiling, a national run at once.
WARMUP = 16

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_HIGHER, _LOWER, _WITHIN = (
    Direction.HIGHER_IS_BETTER,
    Direction.LOWER_IS_BETTER,
    Direction.WITHIN_RANGE,
)
# The parameters of a shape's function, in order.
_PARAMS = ["ind", "low", "high", "realisasi", "pagu", "spent", "renstra"]

Shape = tuple[
    Direction, bool, bool, bool, bool, bool
]  # direction, single, has r/pagu/spent/renstra
_Variant = Callable[..., IndicatorResult | None]


def evaluate_all(indicators: Sequence[Indicator], rules: RuleSet) -> list[IndicatorResult]:
    """``evaluate_chunk`` over any number of records, a chunk at a time."""
    out: list[IndicatorResult] = []
    for start in range(0, len(indicators), CHUNK):
        out += evaluate_chunk(indicators[start : start + CHUNK], rules)
    return out


def evaluate_chunk(chunk: Sequence[Indicator], rules: RuleSet) -> list[IndicatorResult]:
    """``[evaluate_indicator(ind, rules, trace=False) for ind in chunk]``, with the
    cyclic collector held off (the results hold no cycles; see collector.py)."""
    with collector_paused():
        return evaluate_records(chunk, rules)


def evaluate_records(
    chunk: Sequence[Indicator], rules: RuleSet, *, warmup: int = WARMUP
) -> list[IndicatorResult]:
    """``[evaluate_indicator(ind, rules, trace=False) for ind in chunk]``, through the
    compiled shapes where a record allows it; a shape is compiled once ``warmup`` of its
    records have been met."""
    variants: dict[int, _Variant | None] = rules.compiled.setdefault("evaluate", {})
    seen: dict[int, int] = rules.compiled.setdefault("evaluate_seen", {})
    out: list[IndicatorResult] = []
    append = out.append
    with localcontext(CONTEXT):
        for ind in chunk:
            target = ind.target
            if target is None or ind.history_target:
                # No target, or earlier years to evaluate too: the specification.
                append(evaluate_indicator(ind, rules, trace=False))
                continue
            low = target.low
            if low <= _ZERO:
                append(evaluate_indicator(ind, rules, trace=False))
                continue
            high = target.high
            budget = ind.budget
            if budget is None:
                pagu = spent = None
            else:
                pagu = budget.pagu
                spent = budget.realisasi
            realisasi = ind.realisasi
            renstra = ind.renstra_target
            d = ind.direction
            # The shape as one small integer: no tuple to build and hash per record.
            key = (
                (0 if d is _HIGHER else 32 if d is _LOWER else 64)
                + (16 if low == high else 0)
                + (0 if realisasi is None else 8)
                + (0 if pagu is None else 4)
                + (0 if spent is None else 2)
                + (0 if renstra is None else 1)
            )
            try:
                variant = variants[key]
            except KeyError:
                met = seen[key] = seen.get(key, 0) + 1
                variant = None  # evaluate_indicator, until the shape is compiled
                if met > warmup:
                    variant = variants[key] = _compile_shape(rules, key)
            result = (
                None
                if variant is None
                else variant(ind, low, high, realisasi, pagu, spent, renstra)
            )
            append(evaluate_indicator(ind, rules, trace=False) if result is None else result)
    return out


def _shape(key: int) -> Shape:
    direction = (_HIGHER, _LOWER, _WITHIN)[key // 32]
    return direction, bool(key & 16), bool(key & 8), bool(key & 4), bool(key & 2), bool(key & 1)


# ---------------------------------------------------------------- syntax helpers


def _method(obj: str, name: str, *args: ast.expr) -> ast.expr:
    return call(ast.Attribute(load(obj), name, ast.Load()), *args)


def _if(test: ast.expr, body: list[ast.stmt], orelse: list[ast.stmt] | None = None) -> ast.stmt:
    return ast.If(test, body, orelse or [])


def _give_up() -> list[ast.stmt]:
    """``return None``: evaluate_indicator takes the record."""
    return [ast.Return(ast.Constant(None))]


def _bounded(rules: RuleSet, name: str, put: Callable[[Any], ast.expr]) -> list[ast.stmt]:
    """``name`` capped and floored as the rule set says (:func:`.indicator.bounded`)."""
    bounds: list[ast.stmt] = []
    if rules.floor is not None:
        floor = put(rules.floor)
        bounds = [_if(compare(load(name), ast.Lt(), floor), [assign(name, floor)])]
    if rules.cap is not None:
        cap = put(rules.cap)
        bounds = [_if(compare(load(name), ast.Gt(), cap), [assign(name, cap)], bounds)]
    return bounds


class _Shape:
    """One shape's function, statement by statement; ``present`` holds the locals that
    have a value (every other figure is None in this shape)."""

    def __init__(self, rules: RuleSet) -> None:
        self.rules = rules
        self.builder = Builder()
        self.ns = self.builder.namespace
        self.body: list[ast.stmt] = []
        self.present: set[str] = set()

    def put(self, value: Any) -> ast.expr:
        name = f"c{len(self.ns)}"
        self.ns[name] = value
        return load(name)

    def local(self, name: str) -> ast.expr:
        return load(name) if name in self.present else ast.Constant(None)

    def formula(self, formula: Formula, slots: Mapping[str, str]) -> ast.expr | None:
        """The formula over the present locals ``slots`` names; None when it is missing."""
        present = {figure for figure, local in slots.items() if local in self.present}
        tree = specialize(formula.tree, present)
        if tree == MISSING:
            return None
        return self.builder.expression(tree, {f: slots[f] for f in present})

    def figure(self, name: str, formula: Formula, slots: Mapping[str, str]) -> bool:
        """``name = formula`` as Formula.figure gives it; False when it is missing."""
        expr = self.formula(formula, slots)
        if expr is None:
            return False
        self.body.append(assign(name, expr))
        too_large = compare(_method(name, "adjusted"), ast.GtE(), ast.Constant(RESULT_DIGITS))
        self.body.append(_if(too_large, _give_up()))
        self.present.add(name)
        return True

    def shown(self, name: str, value: str, rounded: bool) -> None:
        """``name``: ``value`` as the rule set compares it (rounded or exact)."""
        if value not in self.present:
            return
        if rounded:
            quantum, rounding = self.put(self.rules.quantum), self.put(self.rules.rounding)
            self.body.append(
                assign(
                    name, _method(value, "quantize", quantum, rounding, self.put(FIGURES_CONTEXT))
                )
            )
        else:
            self.body.append(assign(name, load(value)))
        self.present.add(name)

    def bounded(self, name: str) -> None:
        self.body += _bounded(self.rules, name, self.put)

    def band(self, bands: Bands, value: str, rank: str | None, label: str | None) -> None:
        """``rank``, its Decimal ``rank + "_d"`` and ``label`` of ``value`` in ``bands``."""
        probe, edges, ranks, labels = bands.ranking()
        self.body.append(assign("k", call(self.put(probe), self.put(edges), load(value))))
        if rank is not None:
            self.body.append(assign(rank, ast.Subscript(self.put(ranks), load("k"), ast.Load())))
            if None in ranks:  # a value in no band: rare, and left to evaluate_indicator
                self.body.append(_if(compare(load(rank), ast.Is(), ast.Constant(None)), _give_up()))
            decimals = tuple(None if r is None else Decimal(r) for r in ranks)
            key = ast.Subscript(self.put(decimals), load("k"), ast.Load())
            self.body.append(assign(rank + "_d", key))
            self.present.update((rank, rank + "_d"))
        if label is not None:
            self.body.append(assign(label, ast.Subscript(self.put(labels), load("k"), ast.Load())))
            self.present.add(label)


def _compile_shape(rules: RuleSet, key: int) -> _Variant | None:
    try:
        return _build(rules, _shape(key))
    except Unsupported:
        return None


def _build(rules: RuleSet, shape: Shape) -> _Variant | None:
    direction, single, has_r, has_pagu, has_spent, has_renstra = shape
    s = _Shape(rules)
    s.present.update({"low", "high"})
    s.present.update(
        name
        for name, has in (
            ("realisasi", has_r),
            ("pagu", has_pagu),
            ("spent", has_spent),
            ("renstra", has_renstra),
        )
        if has
    )
    inputs = {
        "target": "low" if single else "-",
        "target_low": "low",
        "target_high": "high",
        "realisasi": "realisasi",
        "renstra_target": "renstra",
    }
    rounded = rules.categories_rounded

    if has_pagu and has_spent:
        s.figure("serapan", rules.serapan, {"pagu": "pagu", "realisasi_anggaran": "spent"})

    if has_r:
        formula = (rules.capaian if single else rules.capaian_range).get(direction.value)
        if formula is None:
            return None  # evaluate_indicator fails as it always has
        if not s.figure("capaian", formula, inputs):
            return None  # no capaian: evaluate_indicator writes the reason
        s.bounded("capaian")
        s.shown("shown", "capaian", rounded)
        s.band(rules.categories, "shown", "rank", "category")
        alternative = rules.capaian_alternative
        if (
            direction is _LOWER
            and alternative is not None
            and s.figure("alternative", alternative, inputs)
        ):
            s.bounded("alternative")
            s.shown("shown_alt", "alternative", rounded)
            s.band(rules.categories, "shown_alt", "rank_alt", None)

    progress = rules.progress.get(direction.value)
    if progress is not None and has_renstra and has_r:
        s.figure("progress", progress, inputs)
        s.shown("progress_shown", "progress", rounded)

    s.shown("serapan_shown", "serapan", rounded)
    eff_inputs = {
        "capaian": "shown",
        "serapan": "serapan_shown",
        "pagu": "pagu",
        "realisasi_anggaran": "spent",
        "pagu_capaian": "pagu_capaian",
        "efficiency_value": "eff_value",
    }
    wanted = rules.efficiency.names | (
        rules.efficiency_score.names if rules.efficiency_score is not None else frozenset()
    )
    if "pagu_capaian" in wanted and {"pagu", "capaian"} <= s.present:
        made = call(s.put(pagu_capaian), load("pagu"), load("capaian"))
        s.body.append(assign("pagu_capaian", made))
        s.present.add("pagu_capaian")
    if s.figure("eff_value", rules.efficiency, eff_inputs):
        graded = "eff_value"
        if rules.efficiency_score is not None:
            graded = (
                "eff_score" if s.figure("eff_score", rules.efficiency_score, eff_inputs) else ""
            )
        if graded:
            s.shown("graded", graded, rules.efficiency_rounded)
            s.band(rules.efficiency_bands, "graded", None, "efficiency")

    figures = {
        **inputs,
        "capaian": "shown",
        "capaian_alternative": "shown_alt",
        "category_rank": "rank_d",
        "category_rank_alternative": "rank_alt_d",
        "serapan": "serapan_shown",
        "progress": "progress_shown",
        "efficiency_value": "eff_value",
        "efficiency_score": "eff_score",
        "pagu": "pagu",
        "realisasi_anggaran": "spent",
    }
    if "capaian" in s.present:
        achieved = s.formula(rules.verdict_when, figures)
        if achieved is not None:
            yes, no = s.put(rules.verdict_achieved), s.put(rules.verdict_not_achieved)
            # A junction over missing figures may itself be missing (None).
            missing = compare(load("achieved"), ast.Is(), ast.Constant(None))
            verdict = ast.IfExp(missing, ast.Constant(None), ast.IfExp(load("achieved"), yes, no))
            s.body += [assign("achieved", achieved), assign("verdict", verdict)]
            s.present.add("verdict")

    s.body.append(assign("flags", ast.Tuple([], ast.Load())))
    for flag in rules.flags:
        expr = s.formula(flag.when, figures)
        if expr is None:
            continue  # missing in this shape: never raised
        names, hit = _hit(flag, rules.places)
        made = call(s.put(hit), *(s.local(figures.get(name, "-")) for name in names))
        add = ast.AugAssign(
            ast.Name("flags", ast.Store()), ast.Add(), ast.Tuple([made], ast.Load())
        )
        # A condition is true, false or (a junction over missing figures) None.
        s.body.append(_if(expr, [add]))
    s.body += _result(s, has_r)
    guarded = ast.Try(
        body=s.body,
        handlers=[ast.ExceptHandler(s.put(ArithmeticError), None, _give_up())],
        orelse=[],
        finalbody=[],
    )
    return function("evaluate_shape", _PARAMS, [guarded], s.ns)


def _hit(flag: FlagRule, places: int) -> tuple[tuple[str, ...], Callable[..., FlagHit]]:
    """The names a flag's messages show, and a function of their values giving its hit,
    its messages filled by :func:`.indicator.flag_messages`."""
    code, severity = flag.code, SEVERITIES[flag.severity]
    set_code, set_severity, set_id, set_en = _setters(FlagHit).values()
    filling = _HIT_FILLING

    def hit(*values: Decimal | None) -> FlagHit:
        message_id, message_en = flag_messages(flag, values, places)
        if filling is None:
            made = _new(FlagHit)
            set_code(made, code)
            set_severity(made, severity)
            set_id(made, message_id)
            set_en(made, message_en)
            return made
        filled: Any = _new(filling)
        filled.code = code
        filled.severity = severity
        filled.message_id = message_id
        filled.message_en = message_en
        filled.__class__ = FlagHit
        return filled  # type: ignore[no-any-return]

    return flag.names, hit


# A frozen attrs class refuses attribute assignment, so attrs' own __init__ fills each
# field through object.__setattr__, a wrapped C call with an argument tuple: for the
# twenty fields of a result, a large share of what its whole evaluation costs.
# Here a result is filled as an instance of a plain class with the very same slots, by
# ordinary attribute assignment, and then given its class: CPython allows assigning
# __class__ between classes of one layout, and from then on the object is an
# IndicatorResult like any other (frozen, equal, hashed and printed as one). That holds
# while no field has a validator, a converter or a factory and the class has no
# __attrs_post_init__ (checked here), and where the assignment is refused the fields are
# set one wrapped call at a time (_setters).
_new = object.__new__


def _setters(cls: type) -> dict[str, Callable[[Any, Any], None]]:
    """Each field's slot setter, by name, in the order of the fields."""
    fields = attrs.fields(cls)
    if hasattr(cls, "__attrs_post_init__") or any(
        f.validator is not None or f.converter is not None for f in fields
    ):
        raise TypeError(f"{cls.__name__} cannot be built slot by slot")
    return {f.name: cls.__dict__[f.name].__set__ for f in fields}


def _filling(cls: type) -> type | None:
    """A plain class with ``cls``'s slots, whose filled instances may become ``cls``
    instances by assigning ``__class__``; None where the interpreter refuses."""
    _setters(cls)  # the same conditions
    names = [f.name for f in attrs.fields(cls)]
    slots = tuple(cls.__dict__["__slots__"])
    filling = type(f"_{cls.__name__}Filling", (), {"__slots__": slots})
    probe: Any = _new(filling)
    for name in names:
        setattr(probe, name, None)
    try:
        probe.__class__ = cls
    except TypeError:
        return None
    return filling


_RESULT_FILLING = _filling(IndicatorResult)
_HIT_FILLING = _filling(FlagHit)


def _result(s: _Shape, has_r: bool) -> list[ast.stmt]:
    """The IndicatorResult, built slot by slot (it is a frozen, slotted attrs class)."""
    values: dict[str, ast.expr] = {
        "id": ast.Attribute(load("ind"), "id", ast.Load()),
        "name": ast.Attribute(load("ind"), "name", ast.Load()),
        "unit": ast.Attribute(load("ind"), "unit", ast.Load()),
        "direction": ast.Attribute(load("ind"), "direction", ast.Load()),
        "objective": ast.Attribute(load("ind"), "objective", ast.Load()),
        "status": s.put(Status.COMPUTED if has_r else Status.MISSING),
        "reason": ast.Constant(None if has_r else NO_REALISASI[0]),
        "reason_id": ast.Constant(None if has_r else NO_REALISASI[1]),
        "capaian": s.local("capaian"),
        "capaian_alternative": s.local("alternative"),
        "category": s.local("category"),
        "category_rank": s.local("rank"),
        "serapan": s.local("serapan"),
        "progress": s.local("progress"),
        "efficiency_value": s.local("eff_value"),
        "efficiency_score": s.local("eff_score"),
        "efficiency": s.local("efficiency"),
        "verdict": s.local("verdict"),
        "flags": load("flags"),
        "trace": ast.Tuple([], ast.Load()),
        # A record with earlier years to evaluate goes through the specification.
        "past": ast.Tuple([], ast.Load()),
    }
    setters = _setters(IndicatorResult)
    if values.keys() != setters.keys():  # a field added to IndicatorResult and not here
        raise Unsupported
    if _RESULT_FILLING is None:
        out = [assign("r", call(s.put(_new), s.put(IndicatorResult)))]
        for name, setter in setters.items():
            out.append(ast.Expr(call(s.put(setter), load("r"), values[name])))
        return [*out, ast.Return(load("r"))]
    out = [assign("r", call(s.put(_new), s.put(_RESULT_FILLING)))]
    for name in setters:
        target = ast.Attribute(load("r"), name, ast.Store())
        out.append(ast.Assign([target], values[name]))
    become = ast.Attribute(load("r"), "__class__", ast.Store())
    out.append(ast.Assign([become], s.put(IndicatorResult)))
    out.append(ast.Return(load("r")))
    return out


# ---------------------------------------------------------------- the grading loop
# grade_kernel(rules) is grade_many's loop over a chunk of records: per record, the
# figures are read into local variables, the direction picks a capaian formula by
# identity, the formula is the expression itself, and the category is one bisection over
# the bands' edges. A formula that cannot be compiled is read from its tree in its
# branch of the loop.

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

    def put(self, value: Any) -> ast.expr:
        name = f"c{len(self.namespace)}"
        self.namespace[name] = value
        return load(name)

    def dispatch(self, formulas: Mapping[str, Formula], slots: Mapping[str, str]) -> ast.stmt:
        """``value = <formula of the record's direction>``, as an if-chain on identity."""
        args = [load(slots.get(name, "none_value")) for name in CAPAIAN_INPUTS]
        fallback = {Direction(key): _interpreted(f) for key, f in formulas.items()}
        # The last resort, a direction without a formula, fails as grade fails: a KeyError.
        table = ast.Subscript(self.put(fallback), load("direction"), ast.Load())
        chain = self._checked(call(table, *args))
        for key, formula in reversed(list(formulas.items())):
            member = self.put(Direction(key))
            try:
                body = [assign("value", self.builder.expression(formula.tree, slots))]
            except Unsupported:
                body = self._checked(call(self.put(fallback[Direction(key)]), *args))
            chain = [ast.If(compare(load("direction"), ast.Is(), member), body, chain)]
        return chain[0]

    def _checked(self, made: ast.expr) -> list[ast.stmt]:
        """``value = made``, whose value must be a number: anything else means no capaian."""
        test = compare(call(load("f_type"), load("value")), ast.IsNot(), load("decimal"))
        return [assign("value", made), ast.If(test, _none_and_next(), [])]


def _interpreted(formula: Formula) -> Callable[..., Any]:
    """The formula read from its tree (a tree too deep to compile, or a branch never
    taken): evaluate_tree, in CONTEXT, its faults raised as ArithmeticError."""
    tree = formula.tree

    def interpreted(*figures: Decimal | None) -> Any:
        return evaluate_tree(tree, dict(zip(CAPAIAN_INPUTS, figures, strict=True)))

    return interpreted


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
    body += _bounded(rules, "value", k.put)
    shown: ast.expr = load("value")
    if rules.categories_rounded:
        quantize = ast.Attribute(load("value"), "quantize", ast.Load())
        shown = call(quantize, k.put(rules.quantum), k.put(rules.rounding))
    probe, edges, labels = rules.categories.bisection()
    band: ast.expr = ast.Subscript(
        k.put(labels),
        call(k.put(probe), k.put(edges), shown),
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
            k.put(keyed),
            call(k.put(bisect_right), k.put(cuts), load("value")),
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
    """:func:`.indicator.grade` over a stream of indicators, lazily and in order:
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
