"""Evaluation a chunk of indicators at a time, column by column: the batch path.

:func:`~.evaluate.evaluate_indicator` takes one record through the rule set, and a
national run has hundreds of thousands. Here a chunk of records is taken apart into
columns (one list per field) and each formula of the rule set runs once per chunk over
its columns (:mod:`.columns`), bands are looked up a column at a time, and the results
are assembled field by field: the per-record work is the Decimal arithmetic, done in C
under ``map``, rather than Python calls.

The values are evaluate_indicator's, field for field: every step below mirrors a step
of it, with the same inputs, formulas, contexts and rounding. What the columns do not
settle goes through the closures: the rows of a formula that lack one of its inputs
(unless the formula has no value then by its form), the rows of a formula that meets an
arithmetic fault, and whole records with no target, a target not above zero or a capaian
formula without a value (evaluate_indicator then writes a reason).

grade_many's job is smaller (capaian and category) and goes faster as one loop over
the records, calling the capaian formulas' operator closures in one decimal context and
labelling by one inline bisection: with two figures per record there is too little per
column to repay a column's bookkeeping (measured: bench/run).
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from itertools import compress, islice, repeat
from operator import add, and_, attrgetter, eq, is_, is_not, ne, not_, or_
from typing import Any, TypeVar

import attrs

from .collector import collector_paused
from .columns import column_function, consume, expand
from .evaluate import _CTX, _TO_ID, _call, _condition, evaluate_indicator
from .formula import CONTEXT, RESULT_DIGITS, Formula, Tree
from .kernels import grade_kernel
from .model import Direction, Indicator
from .results import FlagHit, IndicatorResult, Severity, Status
from .ruleset import FlagRule, RuleSet

__all__ = ["CHUNK", "evaluate_all", "evaluate_chunk", "grade_many"]

Column = list[Any]
T = TypeVar("T")

_ID = attrgetter("id")
_NAME = attrgetter("name")
_UNIT = attrgetter("unit")
_OBJECTIVE = attrgetter("objective")
_TARGET = attrgetter("target")
_REALISASI = attrgetter("realisasi")
_RENSTRA = attrgetter("renstra_target")
_DIRECTION = attrgetter("direction")
_BUDGET = attrgetter("budget")
_LOW = attrgetter("low")
_HIGH = attrgetter("high")
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)
_SEVERITY = {s.value: s for s in Severity}
_LOWER = Direction.LOWER_IS_BETTER

# Records sharing a capaian formula share a code: the direction's, +1 for a range target.
_CODE = {Direction.HIGHER_IS_BETTER: 0, Direction.LOWER_IS_BETTER: 2, Direction.WITHIN_RANGE: 4}
_BY_CODE = {code + r: (d, bool(r)) for d, code in _CODE.items() for r in (0, 1)}


# ---------------------------------------------------------------- columns


def _take(column: Sequence[Any], rows: Iterable[int]) -> Column:
    return list(map(column.__getitem__, rows))


def _put(out: list[Any], rows: Iterable[int], values: Iterable[Any]) -> None:
    consume(map(out.__setitem__, rows, values))


def _has_none(column: Iterable[Any]) -> bool:
    return any(map(is_, column, repeat(None)))


def _split(present: Column) -> tuple[Column, Column]:
    """The rows whose flag is true, and the others."""
    rows = range(len(present))
    return list(compress(rows, present)), list(compress(rows, map(not_, present)))


def _quantized(values: Column, rules: RuleSet) -> Column:
    """Values rounded for display, in the current context (the caller's ``_CTX``)."""
    return list(map(Decimal.quantize, values, repeat(rules.quantum), repeat(rules.rounding)))


_STRICT = frozenset(
    {"chain", "+", "-", "*", "/", "<", "<=", ">", ">=", "==", "!=", "neg", "abs", "min", "max"}
)


@functools.lru_cache(maxsize=512)
def _strict(tree: Tree) -> bool:
    """Whether the formula has no value once any input is missing: only arithmetic,
    comparisons, min, max, abs and round (no ``if``, ``and``, ``or``, ``not``,
    ``missing``), each of which gives no value for a missing operand."""
    kind = tree[0]
    if kind in ("const", "name"):
        return True
    if kind == "round":
        return _strict(tree[1])
    if kind == "chain":
        return _strict(tree[1]) and all(_strict(operand) for _op, operand in tree[2])
    return kind in _STRICT and all(_strict(operand) for operand in tree[1:])


def _one(formula: Formula, env: Mapping[str, Any], number: bool) -> Any:
    """One row through the closures: a number as ``_call`` takes it (None where it has
    none), a condition as ``_condition`` does (None where undecided)."""
    if number:
        return _call(formula, env)[0]
    return _condition(formula, env)


def _apply(formula: Formula, cols: Mapping[str, Column], n: int, *, number: bool) -> Column:
    """The formula on each of ``n`` rows, as evaluate_indicator takes it (see :func:`_one`).

    ``cols`` holds the inputs evaluate_indicator's environment holds at that step; a
    name it lacks is missing on every row."""
    named: dict[str, Column] = {}
    holes: list[Column] = []
    for name in formula.names:
        column = cols.get(name)
        if column is None:
            column = [None] * n
        named[name] = column
        if _has_none(column):
            holes.append(column)
    if not holes:
        return _whole(formula, named, n, number)
    mask: Iterator[bool] = map(is_not, holes[0], repeat(None))
    for column in holes[1:]:
        mask = map(and_, mask, map(is_not, column, repeat(None)))
    full, lacking = _split(list(mask))
    out: Column = [None] * n
    if full:
        part = {name: _take(column, full) for name, column in named.items()}
        _put(out, full, _whole(formula, part, len(full), number))
    if not _strict(formula.tree):
        for i in lacking:
            out[i] = _one(formula, {name: column[i] for name, column in named.items()}, number)
    return out


def _whole(formula: Formula, cols: Mapping[str, Column], n: int, number: bool) -> Column:
    """The formula over rows where every input is present: the column function, or,
    where it meets an arithmetic fault or gives a number too large for a figure, the
    same on each half of the rows, down to a few rows that go through the closures
    (which say which rows have no value): a zero divisor in one row of a thousand
    costs a few more column passes, not a thousand closure calls."""
    try:
        values = expand(column_function(formula.tree)(cols, n), n)
        if number and values and max(map(Decimal.adjusted, values)) >= RESULT_DIGITS:
            raise ArithmeticError
    except (ArithmeticError, TypeError):
        if n > _FEW:
            half = n // 2
            first = {name: column[:half] for name, column in cols.items()}
            second = {name: column[half:] for name, column in cols.items()}
            return _whole(formula, first, half, number) + _whole(formula, second, n - half, number)
        rows = [dict(zip(cols, row, strict=True)) for row in zip(*cols.values(), strict=True)]
        if not rows:  # a formula with no inputs
            rows = [{}] * n
        return [_one(formula, env, number) for env in rows]
    return values


_FEW = 8


def _bounded(values: Column, rules: RuleSet) -> Column:
    # min and max keep the value unless the cap (floor) is strictly beyond it, as
    # evaluate._bounded does; the cap is never below the floor.
    if rules.cap is not None:
        values = list(map(min, values, repeat(rules.cap)))
    if rules.floor is not None:
        values = list(map(max, values, repeat(rules.floor)))
    return values


# ---------------------------------------------------------------- capaian


def _formula_groups(
    directions: Column, lows: Column, highs: Column
) -> Iterator[tuple[Direction, bool, Column]]:
    """The rows sharing a capaian formula: by direction, and single or range target."""
    codes = list(map(add, map(_CODE.__getitem__, directions), map(ne, lows, highs)))
    for code, rows in _classes(codes):
        yield (*_BY_CODE[code], rows)


def _capaian(
    rules: RuleSet, directions: Column, lows: Column, highs: Column, reals: Column
) -> Column:
    """Raw capaian of rows with a target above zero and a realisasi; None where the
    formula has no value."""
    out: Column = [None] * len(reals)
    for direction, is_range, rows in _formula_groups(directions, lows, highs):
        formula = (rules.capaian_range if is_range else rules.capaian)[direction]
        group_lows = _take(lows, rows)
        cols = {
            "target_low": group_lows,
            "target_high": _take(highs, rows),
            "realisasi": _take(reals, rows),
        }
        if not is_range:
            cols["target"] = group_lows
        _put(out, rows, _apply(formula, cols, len(rows), number=True))
    return out


def _targeted(chunk: Sequence[Indicator], targets: Column) -> Column:
    """Rows with a target above zero: the others have no capaian."""
    rows: Column = list(range(len(chunk)))
    if _has_none(targets):
        rows = list(compress(rows, map(is_not, targets, repeat(None))))
    lows = list(map(_LOW, _take(targets, rows)))
    if lows and min(lows) <= _ZERO:
        rows = [i for i, low in zip(rows, lows, strict=True) if low > _ZERO]
    return rows


# ---------------------------------------------------------------- grade_many


def grade_many(
    indicators: Iterable[Indicator], rules: RuleSet, *, chunk_size: int = 4096
) -> Iterator[tuple[Decimal | None, str | None]]:
    """:func:`~.evaluate.grade` over a stream of indicators, lazily and in order:
    ``(capaian, category)`` for each, ``(None, None)`` where there is no target, no
    realisasi or no capaian. The same values as ``grade``, computed a chunk at a time
    with the formulas over columns."""
    it = iter(indicators)
    while chunk := list(islice(it, chunk_size)):
        # Not around the yield: the caller keeps its own context and collector.
        with localcontext(_CTX), collector_paused():
            graded = _grade_chunk(chunk, rules)
        yield from graded


def _grade_chunk(chunk: list[Indicator], rules: RuleSet) -> list[tuple[Decimal | None, str | None]]:
    """grade() of each record: the rule set's compiled grading loop (kernels.py)."""
    out: list[tuple[Decimal | None, str | None]] = []
    with localcontext(CONTEXT):
        grade_kernel(rules)(chunk, out.append)
    return out


def _valued(rows: Column, values: Column) -> tuple[Column, Column]:
    """The rows (and values) that have a value."""
    if not _has_none(values):
        return rows, values
    keep = list(map(is_not, values, repeat(None)))
    return list(compress(rows, keep)), list(compress(values, keep))


def _spread(n: int, rows: Column, values: Iterable[Any]) -> Column:
    """A column of ``n`` rows holding ``values`` at ``rows`` (ascending) and None elsewhere."""
    if len(rows) == n:
        return values if isinstance(values, list) else list(values)
    out: Column = [None] * n
    _put(out, rows, values)
    return out


# ---------------------------------------------------------------- evaluate


#: Records per chunk: large enough to spread a chunk's fixed costs (and, sent to a
#: worker, a task's and a pickle frame's), small enough that its columns stay in the
#: processor's cache (larger chunks measured slower) and memory flat.
CHUNK = 1000


def evaluate_all(indicators: Sequence[Indicator], rules: RuleSet) -> list[IndicatorResult]:
    """``evaluate_chunk`` over any number of records, a chunk at a time."""
    out: list[IndicatorResult] = []
    for start in range(0, len(indicators), CHUNK):
        out += evaluate_chunk(indicators[start : start + CHUNK], rules)
    return out


def evaluate_chunk(chunk: Sequence[Indicator], rules: RuleSet) -> list[IndicatorResult]:
    """``[evaluate_indicator(ind, rules, trace=False) for ind in chunk]``, column by column."""
    with localcontext(_CTX), collector_paused():
        return _evaluate_chunk(chunk, rules)


def _evaluate_chunk(chunk: Sequence[Indicator], rules: RuleSet) -> list[IndicatorResult]:
    # The whole chunk goes through the columns together, whatever its records hold: a
    # formula's rows that lack an input cost a little bookkeeping (see _apply), while
    # sorting records into classes alike in what they hold, measured, cost more: many
    # small classes, each paying every formula's fixed cost.
    n = len(chunk)
    rows: Column = _targeted(chunk, list(map(_TARGET, chunk)))
    records = _take(chunk, rows)
    targets = list(map(_TARGET, records))
    reals = list(map(_REALISASI, records))
    directions = list(map(_DIRECTION, records))
    lows = list(map(_LOW, targets))
    highs = list(map(_HIGH, targets))
    reported, _ = _split(list(map(is_not, reals, repeat(None))))
    found = _capaian(
        rules,
        _take(directions, reported),
        _take(lows, reported),
        _take(highs, reported),
        _take(reals, reported),
    )
    raw = _spread(len(records), reported, found)
    if _has_none(found):
        # A record with a realisasi and no capaian is evaluate_indicator's: it says why.
        keep = list(map(or_, map(is_, reals, repeat(None)), map(is_not, raw, repeat(None))))
        rows, records, reals, directions, lows, highs, raw = (
            list(compress(c, keep)) for c in (rows, records, reals, directions, lows, highs, raw)
        )
    budgets = list(map(_BUDGET, records))
    # getattr's default stands for "no budget": one C call per record, not a branch.
    pagu = list(map(getattr, budgets, repeat("pagu"), repeat(None)))
    spent = list(map(getattr, budgets, repeat("realisasi"), repeat(None)))
    renstra = list(map(_RENSTRA, records))
    results = _evaluate_columns(
        rules, raw, records, reals, directions, lows, highs, pagu, spent, renstra
    )
    if len(results) == n:
        return results
    out: list[IndicatorResult | None] = [None] * n
    _put(out, rows, results)
    for i, done in enumerate(out):
        if done is None:
            out[i] = evaluate_indicator(chunk[i], rules, trace=False)
    return out  # type: ignore[return-value]


def _classes(keys: Column) -> Iterator[tuple[Any, Column]]:
    """The rows of each distinct key, keys in order."""
    if not keys:
        return
    first = keys[0]
    if keys.count(first) == len(keys):
        yield first, list(range(len(keys)))
        return
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ordered = _take(keys, order)
    for key in sorted(set(keys)):
        yield key, order[bisect_left(ordered, key) : bisect_right(ordered, key)]


def _evaluate_columns(
    rules: RuleSet,
    raw: Column,
    records: Column,
    reals: Column,
    directions: Column,
    lows: Column,
    highs: Column,
    pagu: Column,
    spent: Column,
    renstra: Column,
) -> list[IndicatorResult]:
    """Results of records with a target above zero and either no realisasi or a raw
    capaian (``raw``): the steps of evaluate_indicator, in its order."""
    n = len(records)
    everyone = list(range(n))
    ranged = list(map(ne, lows, highs))
    base: dict[str, Column] = {
        "target": [None if r else low for low, r in zip(lows, ranged, strict=True)]
        if any(ranged)
        else lows,
        "target_low": lows,
        "target_high": highs,
        "realisasi": reals,
        "renstra_target": renstra,
    }

    serapan: Column = [None] * n
    funded, _ = _split(
        list(map(and_, map(is_not, pagu, repeat(None)), map(is_not, spent, repeat(None))))
    )
    budget_cols = {"pagu": pagu, "realisasi_anggaran": spent}
    _put(serapan, funded, _apply_rows(rules.serapan, budget_cols, funded, number=True))

    computed, values = _valued(everyone, raw)
    values = _bounded(values, rules)
    graded = _quantized(values, rules) if rules.categories_rounded else values
    capaian = _spread(n, computed, values)
    shown = _spread(n, computed, graded)
    ranks = _spread(n, computed, rules.categories.rank_column(graded))
    categories = _spread(n, computed, rules.categories.label_column(graded))

    alt_rows: Column = []
    alt: Column = []
    if rules.capaian_alternative is not None and computed:
        lower = list(compress(computed, map(is_, _take(directions, computed), repeat(_LOWER))))
        alt_rows, alt = _valued(
            lower, _apply_rows(rules.capaian_alternative, base, lower, number=True)
        )
    alt = _bounded(alt, rules)
    alt_shown = _quantized(alt, rules) if rules.categories_rounded else alt
    alternative = _spread(n, alt_rows, alt)
    shown_alternative = _spread(n, alt_rows, alt_shown)
    ranks_alternative = _spread(n, alt_rows, rules.categories.rank_column(alt_shown))

    progress: Column = [None] * n
    for direction, formula in rules.progress.items():
        followed = list(
            compress(
                computed,
                map(
                    and_,
                    map(eq, _take(directions, computed), repeat(direction)),
                    map(is_not, _take(base["renstra_target"], computed), repeat(None)),
                ),
            )
        )
        if followed:
            _put(progress, followed, _apply_rows(formula, base, followed, number=True))

    serapan_shown = _display(serapan, rules)
    eff_cols: dict[str, Column] = {
        "capaian": shown,
        "serapan": serapan_shown,
        **budget_cols,
    }
    score_formula = rules.efficiency_score
    eff_names = rules.efficiency.names | (score_formula.names if score_formula else frozenset())
    if "pagu_capaian" in eff_names:
        eff_cols["pagu_capaian"] = [
            None if p is None or c is None else p * c / _HUNDRED
            for p, c in zip(pagu, capaian, strict=True)
        ]
    eff_value = _apply(rules.efficiency, eff_cols, n, number=True)
    eff_score: Column = [None] * n
    scored, graded_eff = _valued(everyone, eff_value)
    if score_formula is not None and scored:
        score_cols = {**eff_cols, "efficiency_value": eff_value}
        eff_score = _spread(n, scored, _apply_rows(score_formula, score_cols, scored, number=True))
        scored, graded_eff = _valued(everyone, eff_score)
    if rules.efficiency_rounded:
        graded_eff = _quantized(graded_eff, rules)
    efficiency = _spread(n, scored, rules.efficiency_bands.label_column(graded_eff))

    rank_value: dict[int | None, Decimal | None] = {None: None}
    rank_value.update((i, Decimal(i)) for i in range(len(rules.categories.bands)))
    figures: dict[str, Column] = {
        **base,
        "capaian": shown,
        "capaian_alternative": shown_alternative,
        "category_rank": list(map(rank_value.__getitem__, ranks)),
        "category_rank_alternative": list(map(rank_value.__getitem__, ranks_alternative)),
        "serapan": serapan_shown,
        "progress": _display(progress, rules),
        "efficiency_value": eff_value,
        "efficiency_score": eff_score,
        **budget_cols,
    }
    said = {True: rules.verdict_achieved, False: rules.verdict_not_achieved, None: None}
    achieved = _apply_rows(rules.verdict_when, figures, computed, number=False)
    verdicts = _spread(n, computed, map(said.__getitem__, achieved))

    flags: Column = [()] * n
    for flag in rules.flags:
        raised = _apply(flag.when, figures, n, number=False)
        hit_rows = list(compress(everyone, map(is_, raised, repeat(True))))
        if hit_rows:
            hits = _flag_hits(flag, figures, hit_rows, rules.places)
            _put(flags, hit_rows, map(add, _take(flags, hit_rows), zip(hits)))

    status: Iterable[Status] = repeat(Status.COMPUTED)
    reason: Iterable[str | None] = repeat(None)
    reason_id: Iterable[str | None] = repeat(None)
    if len(computed) < n:  # records without realisasi
        status = [Status.MISSING] * n
        reason = ["no realisasi has been reported"] * n
        reason_id = ["realisasi belum dilaporkan"] * n
        _put(status, computed, repeat(Status.COMPUTED))
        _put(reason, computed, repeat(None))
        _put(reason_id, computed, repeat(None))
    return _construct(
        IndicatorResult,
        n,
        id=list(map(_ID, records)),
        name=list(map(_NAME, records)),
        unit=list(map(_UNIT, records)),
        direction=directions,
        objective=list(map(_OBJECTIVE, records)),
        status=status,
        reason=reason,
        reason_id=reason_id,
        capaian=capaian,
        capaian_alternative=alternative,
        category=categories,
        category_rank=ranks,
        serapan=serapan,
        progress=progress,
        efficiency_value=eff_value,
        efficiency_score=eff_score,
        efficiency=efficiency,
        verdict=verdicts,
        flags=flags,
        trace=repeat(()),
    )


def _apply_rows(
    formula: Formula, cols: Mapping[str, Column], rows: Column, *, number: bool
) -> Column:
    """The formula on the given rows only (evaluate_indicator computes it only there)."""
    if not rows:
        return []
    if len(rows) == len(next(iter(cols.values()))):
        return _apply(formula, cols, len(rows), number=number)
    part = {name: _take(cols[name], rows) for name in formula.names if name in cols}
    return _apply(formula, part, len(rows), number=number)


def _display(values: Column, rules: RuleSet) -> Column:
    """The values as the rule set compares them: rounded, or exact (evaluate._display_view)."""
    if not rules.categories_rounded:
        return values
    rows, present = _valued(list(range(len(values))), values)
    if len(rows) == len(values):
        return _quantized(values, rules)
    out: Column = [None] * len(values)
    _put(out, rows, _quantized(present, rules))
    return out


# ---------------------------------------------------------------- flags and results


def _flag_hits(
    flag: FlagRule, figures: Mapping[str, Column], rows: Column, places: int
) -> list[FlagHit]:
    """The flag's hits on the given rows, their messages filled as evaluate._fill fills
    them: each figure rounded half-up and grouped, "—" where it is missing."""
    texts: dict[str, list[str]] = {}
    for name in {*flag.parts_id[1::2], *flag.parts_en[1::2]}:
        column = figures.get(name)
        values = [None] * len(rows) if column is None else _take(column, rows)
        texts[name] = _figure_texts(values, places)
    n = len(rows)
    return _construct(
        FlagHit,
        n,
        code=repeat(flag.code),
        severity=repeat(_SEVERITY[flag.severity]),
        message_id=_messages(flag.parts_id, texts, _TO_ID),
        message_en=_messages(flag.parts_en, texts, None),
    )


_TEXT_CTX = Context(prec=60, rounding=ROUND_HALF_UP)


def _figure_texts(values: Column, places: int) -> list[str]:
    """numbers.format_number(v, places, group=True) of each value ("—" for None), by
    format(), which rounds in the context's mode and groups in C."""
    spec = f",.{places}f"
    with localcontext(_TEXT_CTX):
        texts = ["—" if v is None else format(v, spec) for v in values]
    # A value that rounds to zero shows no sign: "-0.00" is "0.00".
    return [t[1:] if t[0] == "-" and not t.strip("-0.,") else t for t in texts]


def _messages(
    parts: tuple[str, ...], texts: Mapping[str, list[str]], notation: dict[int, int] | None
) -> Iterable[str]:
    """Each row's message: the literal parts with the row's figure texts between them."""
    if len(parts) == 1:
        return repeat(parts[0])
    columns: list[Iterable[str]] = []
    for k, part in enumerate(parts):
        if k % 2 == 0:
            columns.append(repeat(part))
        else:
            column = texts[part]
            columns.append(column if notation is None else [t.translate(notation) for t in column])
    return map("".join, zip(*columns, strict=False))  # the literal parts repeat endlessly


# Results are built field by field, each slot filled for the whole chunk by ``map``:
# the generated __init__ costs a Python call and one object.__setattr__ per field and
# result, several times the arithmetic. Filling the slots directly is what that
# __init__ does, which holds while no field has a validator, a converter or a factory
# and the class has no __attrs_post_init__ (checked once per class).
_Setters = tuple[tuple[str, Callable[[Any, Any], None]], ...]
_SETTERS: dict[type, _Setters] = {}


def _setters(cls: type) -> _Setters:
    known = _SETTERS.get(cls)
    if known is not None:
        return known
    fields = attrs.fields(cls)
    if hasattr(cls, "__attrs_post_init__") or any(
        f.validator is not None or f.converter is not None for f in fields
    ):
        raise TypeError(f"{cls.__name__} cannot be built slot by slot")
    setters = _SETTERS[cls] = tuple((f.name, cls.__dict__[f.name].__set__) for f in fields)
    return setters


def _construct(cls: type[T], n: int, **columns: Iterable[Any]) -> list[T]:
    """``n`` instances of the frozen, slotted attrs class ``cls``, one value of each
    column per instance; every field must be given."""
    setters = _setters(cls)
    if columns.keys() != {name for name, _ in setters}:
        raise TypeError(f"fields {sorted(columns)} are not {cls.__name__}'s")
    made: list[T] = list(map(object.__new__, repeat(cls, n)))
    for name, setter in setters:
        consume(map(setter, made, columns[name]))
    return made
