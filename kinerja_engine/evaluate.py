"""Evaluate indicators under a compiled rule set: capaian, category, serapan, progress,
efficiency, verdict and narrative flags, then the roll-up of each objective.

Pure functions over frozen values. Every figure stays an exact Decimal; rounding happens
only where the rule set compares displayed values (bands, verdict, flags) and for display.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from decimal import Context, Decimal

from .errors import FormulaError
from .formula import Formula
from .model import Case, Direction, Indicator, Objective, Target
from .numbers import format_number
from .results import FlagHit, IndicatorResult, ObjectiveResult, Report, Severity, Status
from .ruleset import Bands, RuleSet

__all__ = [
    "capaian_of",
    "category_of",
    "efficiency_of",
    "evaluate_case",
    "evaluate_indicator",
    "evaluate_many",
    "quantize",
    "serapan_of",
    "verdict_of",
]

_CTX = Context(prec=60)
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def quantize(value: Decimal, places: int, rounding: str) -> Decimal:
    """``value`` rounded to ``places`` decimals with the rule set's rounding mode."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=rounding, context=_CTX)


def _not_computable(
    ind: Indicator, reason: str, reason_id: str, **extra: object
) -> IndicatorResult:
    return IndicatorResult(
        id=ind.id,
        name=ind.name,
        unit=ind.unit,
        direction=ind.direction,
        objective=ind.objective,
        status=Status.NOT_COMPUTABLE,
        reason=reason,
        reason_id=reason_id,
        **extra,  # type: ignore[arg-type]
    )


def _call(formula: Formula, env: Mapping[str, Decimal | None]) -> tuple[Decimal | None, str | None]:
    """A numeric formula's value, or None with the reason it has none."""
    try:
        value = formula(env)
    except FormulaError as exc:
        return None, exc.message
    if value is None or isinstance(value, bool):
        return None, None
    return value, None


def _bounded(value: Decimal, rules: RuleSet) -> Decimal:
    if rules.cap is not None and value > rules.cap:
        return rules.cap
    if rules.floor is not None and value < rules.floor:
        return rules.floor
    return value


def _band(bands: Bands, value: Decimal | None) -> tuple[int | None, str | None]:
    if value is None:
        return None, None
    rank = bands.rank(value)
    return rank, (None if rank is None else bands.bands[rank].label)


# ---------------------------------------------------------------- single figures
# The audit recomputes printed figures from a table's own printed inputs with these.


def capaian_of(
    rules: RuleSet, direction: Direction, target: Target, realisasi: Decimal
) -> Decimal | None:
    """Capaian (capped and floored) for one target and realisasi; None when undefined."""
    if target.low <= _ZERO:
        return None
    env = {
        "target": target.value,
        "target_low": target.low,
        "target_high": target.high,
        "realisasi": realisasi,
    }
    formula = (rules.capaian_range if target.is_range else rules.capaian)[direction.value]
    value, _ = _call(formula, env)
    return None if value is None else _bounded(value, rules)


def serapan_of(rules: RuleSet, pagu: Decimal, spent: Decimal) -> Decimal | None:
    value, _ = _call(rules.serapan, {"pagu": pagu, "realisasi_anggaran": spent})
    return value


def category_of(rules: RuleSet, capaian: Decimal) -> str | None:
    return _band(rules.categories, _display_view(capaian, rules))[1]


def verdict_of(rules: RuleSet, capaian: Decimal) -> str | None:
    achieved = _condition(rules.verdict_when, {"capaian": _display_view(capaian, rules)})
    if achieved is None:
        return None
    return rules.verdict_achieved if achieved else rules.verdict_not_achieved


def efficiency_of(
    rules: RuleSet,
    capaian: Decimal,
    serapan: Decimal,
    pagu: Decimal | None = None,
    spent: Decimal | None = None,
) -> str | None:
    env = {
        "capaian": _display_view(capaian, rules),
        "serapan": _display_view(serapan, rules),
        "pagu": pagu,
        "realisasi_anggaran": spent,
        "pagu_capaian": None if pagu is None else pagu * capaian / _HUNDRED,
    }
    return _efficiency(rules, env, None)[2]


def evaluate_indicator(ind: Indicator, rules: RuleSet, *, trace: bool = True) -> IndicatorResult:
    """Evaluate one indicator. Never raises for a structurally valid indicator."""
    places, rounding = rules.places, rules.rounding
    steps: list[str] = []
    target = ind.target
    realisasi = ind.realisasi
    budget = ind.budget
    pagu = budget.pagu if budget is not None else None
    spent = budget.realisasi if budget is not None else None

    serapan: Decimal | None = None
    if pagu is not None and spent is not None:
        serapan, why = _call(rules.serapan, {"pagu": pagu, "realisasi_anggaran": spent})
        if trace:
            steps.append(
                _step(
                    "serapan",
                    rules.serapan,
                    {"pagu": pagu, "realisasi_anggaran": spent},
                    serapan,
                    why,
                )
            )

    if target is None:
        return _not_computable(
            ind,
            "no target is set for the year",
            "target tahun ini tidak ditetapkan",
            serapan=serapan,
            trace=tuple(steps),
        )
    if target.low <= _ZERO:
        return _not_computable(
            ind,
            f"the target {format_number(target.low, None)} is not above zero, so capaian is undefined",
            f"target {format_number(target.low, None, notation='id')} tidak di atas nol, capaian tidak terdefinisi",
            serapan=serapan,
            trace=tuple(steps),
        )
    env: dict[str, Decimal | None] = {
        "target": target.value,
        "target_low": target.low,
        "target_high": target.high,
        "realisasi": realisasi,
        "renstra_target": ind.renstra_target,
    }
    direction = ind.direction.value
    status = Status.COMPUTED
    reason = reason_id = None
    capaian = alternative = None
    rank = rank_alt = None
    category = None
    if realisasi is None:
        status = Status.MISSING
        reason, reason_id = "no realisasi has been reported", "realisasi belum dilaporkan"
    else:
        formula = (rules.capaian_range if target.is_range else rules.capaian)[direction]
        raw, why = _call(formula, env)
        if trace:
            steps.append(_step("capaian", formula, env, raw, why))
        if raw is None:
            return _not_computable(
                ind,
                why or "the capaian formula has no value for these inputs",
                why or "rumus capaian tidak menghasilkan nilai untuk masukan ini",
                serapan=serapan,
                trace=tuple(steps),
            )
        capaian = _bounded(raw, rules)
        if trace and capaian != raw:
            steps.append(
                f"capaian bounded to {format_number(capaian, None)} (cap {rules.cap}, floor {rules.floor})"
            )
        compared = quantize(capaian, places, rounding) if rules.categories_rounded else capaian
        rank, category = _band(rules.categories, compared)
        if trace:
            steps.append(_band_step("category", rules.categories, compared, rank))
        if ind.direction is Direction.LOWER_IS_BETTER and rules.capaian_alternative is not None:
            alt_raw, _ = _call(rules.capaian_alternative, env)
            if alt_raw is not None:
                alternative = _bounded(alt_raw, rules)
                alt_cmp = (
                    quantize(alternative, places, rounding)
                    if rules.categories_rounded
                    else alternative
                )
                rank_alt, _label = _band(rules.categories, alt_cmp)

    progress = None
    progress_formula = rules.progress.get(direction)
    if progress_formula is not None and ind.renstra_target is not None and realisasi is not None:
        progress, why = _call(progress_formula, env)
        if trace:
            steps.append(_step("progress", progress_formula, env, progress, why))

    shown = _display_view(capaian, rules)
    serapan_shown = _display_view(serapan, rules)
    eff_env: dict[str, Decimal | None] = {
        "capaian": shown,
        "serapan": serapan_shown,
        "pagu": pagu,
        "realisasi_anggaran": spent,
        "pagu_capaian": None if pagu is None or capaian is None else pagu * capaian / _HUNDRED,
    }
    eff_value, eff_score, efficiency = _efficiency(rules, eff_env, steps if trace else None)

    figures: dict[str, Decimal | None] = {
        **env,
        "capaian": shown,
        "capaian_alternative": _display_view(alternative, rules),
        "category_rank": None if rank is None else Decimal(rank),
        "category_rank_alternative": None if rank_alt is None else Decimal(rank_alt),
        "serapan": serapan_shown,
        "progress": _display_view(progress, rules),
        "efficiency_value": eff_value,
        "efficiency_score": eff_score,
        "pagu": pagu,
        "realisasi_anggaran": spent,
    }
    verdict = None
    if capaian is not None:
        achieved = _condition(rules.verdict_when, figures)
        if achieved is not None:
            verdict = rules.verdict_achieved if achieved else rules.verdict_not_achieved
            if trace:
                steps.append(f"verdict: {rules.verdict_when.source} is {achieved} -> {verdict}")
    flags = tuple(
        FlagHit(
            code=flag.code,
            severity=Severity(flag.severity),
            message_id=_fill(flag.message_id, figures, places, "id"),
            message_en=_fill(flag.message_en, figures, places, "en"),
        )
        for flag in rules.flags
        if _condition(flag.when, figures)
    )
    return IndicatorResult(
        id=ind.id,
        name=ind.name,
        unit=ind.unit,
        direction=ind.direction,
        objective=ind.objective,
        status=status,
        reason=reason,
        reason_id=reason_id,
        capaian=capaian,
        capaian_alternative=alternative,
        category=category,
        category_rank=rank,
        serapan=serapan,
        progress=progress,
        efficiency_value=eff_value,
        efficiency_score=eff_score,
        efficiency=efficiency,
        verdict=verdict,
        flags=flags,
        trace=tuple(steps),
    )


def _display_view(value: Decimal | None, rules: RuleSet) -> Decimal | None:
    """The value as the rule set compares it: displayed (rounded) or exact."""
    if value is None or not rules.categories_rounded:
        return value
    return quantize(value, rules.places, rules.rounding)


def _efficiency(
    rules: RuleSet, env: Mapping[str, Decimal | None], steps: list[str] | None
) -> tuple[Decimal | None, Decimal | None, str | None]:
    value, why = _call(rules.efficiency, env)
    if steps is not None and (value is not None or why):
        steps.append(_step("efficiency", rules.efficiency, env, value, why))
    if value is None:
        return None, None, None
    score = None
    graded = value
    if rules.efficiency_score is not None:
        score_env = {**env, "efficiency_value": value}
        score, why = _call(rules.efficiency_score, score_env)
        if steps is not None:
            steps.append(_step("efficiency score", rules.efficiency_score, score_env, score, why))
        if score is None:
            return value, None, None
        graded = score
    if rules.efficiency_rounded:
        graded = quantize(graded, rules.places, rules.rounding)
    rank, label = _band(rules.efficiency_bands, graded)
    if steps is not None:
        steps.append(_band_step("efficiency", rules.efficiency_bands, graded, rank))
    return value, score, label


def _condition(formula: Formula, env: Mapping[str, Decimal | None]) -> bool | None:
    try:
        value = formula(env)
    except FormulaError:
        return None
    return value if isinstance(value, bool) else None


def _fill(template: str, figures: Mapping[str, Decimal | None], places: int, notation: str) -> str:
    def one(match: re.Match[str]) -> str:
        value = figures.get(match.group(1))
        return "—" if value is None else format_number(value, places, notation=notation, group=True)

    return _PLACEHOLDER.sub(one, template)


def _step(
    name: str,
    formula: Formula,
    env: Mapping[str, Decimal | None],
    value: Decimal | None,
    why: str | None,
) -> str:
    result = why if why else ("no value" if value is None else format_number(value, None))
    return f"{name} = {formula.source} = {formula.substituted(env)} = {result}"


def _band_step(name: str, bands: Bands, value: Decimal | None, rank: int | None) -> str:
    if value is None:
        return f"{name}: no value"
    shown = format_number(value, None)
    if rank is None:
        return f"{name}: {shown} falls in no band"
    band = bands.bands[rank]
    return f"{name}: {shown} in {band.label!r} {band.describe()}"


# ---------------------------------------------------------------- objectives


def _rollup(
    rules: RuleSet, results: list[IndicatorResult], budgets: Mapping[str, Decimal | None]
) -> tuple[Decimal | None, str | None]:
    values = [r.capaian for r in results if r.capaian is not None]
    if not values:
        return None, "no indicator of the objective has a computed capaian"
    method = rules.rollup
    if method == "mean":
        return _CTX.divide(sum(values, _ZERO), Decimal(len(values))), None
    if method == "min":
        return min(values), None
    if method == "geometric_mean":
        if any(v <= 0 for v in values):
            return None, "a geometric mean needs every capaian above zero"
        logs = sum((_CTX.ln(v) for v in values), _ZERO)
        return _CTX.exp(_CTX.divide(logs, Decimal(len(values)))), None
    weights = []
    for r in results:
        if r.capaian is None:
            continue
        weight = rules.weights.get(r.id, budgets.get(r.id))
        if weight is None:
            return None, f"indicator {r.id!r} has neither a weight in the rule set nor a pagu"
        weights.append(weight)
    total = sum(weights, _ZERO)
    if total == 0:
        return None, "the weights of the objective's indicators add up to zero"
    weighted = sum((v * w for v, w in zip(values, weights, strict=True)), _ZERO)
    return _CTX.divide(weighted, total), None


def evaluate_objective(
    objective: Objective,
    results: list[IndicatorResult],
    indicators: Mapping[str, Indicator],
    rules: RuleSet,
) -> ObjectiveResult:
    budgets = {
        r.id: (indicators[r.id].budget.pagu if indicators[r.id].budget else None)  # type: ignore[union-attr]
        for r in results
    }
    capaian, reason = _rollup(rules, results, budgets)
    shown = _display_view(capaian, rules)
    _rank, category = _band(rules.categories, shown)
    sums: dict[str, Decimal] = {"pagu": _ZERO, "realisasi_anggaran": _ZERO, "pagu_capaian": _ZERO}
    funded = False
    for r in results:
        budget = indicators[r.id].budget
        if budget is None or budget.pagu is None or budget.realisasi is None or r.capaian is None:
            continue
        funded = True
        sums["pagu"] += budget.pagu
        sums["realisasi_anggaran"] += budget.realisasi
        sums["pagu_capaian"] += budget.pagu * r.capaian / _HUNDRED
    serapan = eff_value = eff_score = None
    efficiency = None
    if funded and sums["pagu"] > 0:
        serapan = _CTX.divide(sums["realisasi_anggaran"] * _HUNDRED, sums["pagu"])
        env = {**sums, "capaian": shown, "serapan": _display_view(serapan, rules)}
        eff_value, eff_score, efficiency = _efficiency(rules, env, None)
    return ObjectiveResult(
        id=objective.id,
        name=objective.name,
        indicators=tuple(r.id for r in results),
        capaian=capaian,
        category=category,
        serapan=serapan,
        efficiency_value=eff_value,
        efficiency_score=eff_score,
        efficiency=efficiency,
        reason=reason,
    )


# ---------------------------------------------------------------- cases and batches


def evaluate_case(case: Case, rules: RuleSet, *, trace: bool = True) -> Report:
    results = [evaluate_indicator(ind, rules, trace=trace) for ind in case.indicators]
    by_id = {ind.id: ind for ind in case.indicators}
    objectives = tuple(
        evaluate_objective(obj, [r for r in results if r.objective == obj.id], by_id, rules)
        for obj in case.objectives
    )
    return Report(
        info=case.report,
        rules=rules.name,
        rules_version=rules.version,
        places=rules.places,
        rounding=rules.rounding,
        indicators=tuple(results),
        objectives=objectives,
    )


def evaluate_many(indicators: Iterable[Indicator], rules: RuleSet) -> Iterator[IndicatorResult]:
    """Evaluate a stream lazily: memory stays flat however long the input is."""
    for ind in indicators:
        yield evaluate_indicator(ind, rules, trace=False)
