"""Evaluate a case: its indicators (through the specification when a trace is asked,
else through the compiled backend) and the roll-up of each objective."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, localcontext

from kinerja_engine.domain.model import Case, Indicator, Objective
from kinerja_engine.domain.results import IndicatorResult, ObjectiveResult, Report
from kinerja_engine.evaluation.compiled import evaluate_all
from kinerja_engine.evaluation.indicator import (
    FIGURES_CONTEXT,
    band,
    displayed,
    efficiency_from,
    evaluate_indicator,
)
from kinerja_engine.messages import Message, msg
from kinerja_engine.rulesets.formula import RESULT_DIGITS
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["PROGRESS_STEP", "Progress", "evaluate_case", "report_of"]

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


#: What a long run tells its caller as it goes: ``(phase, done, total)``, the phase one
#: of ``loading``, ``evaluating``, ``checking``; ``done`` counts up to ``total``.
Progress = Callable[[str, int, int], None]
#: Indicators between two calls of a progress hook: often enough for a person watching,
#: rarely enough to cost nothing next to the work.
PROGRESS_STEP = 1000


def evaluate_case(
    case: Case, rules: RuleSet, *, trace: bool = False, progress: Progress | None = None
) -> Report:
    """The case's report: its indicators evaluated, rolled up into its objectives.

    With ``trace``, each indicator goes through the specification
    (:func:`.indicator.evaluate_indicator`), which writes down every step; without, through
    the compiled backend (:func:`.compiled.evaluate_all`), which gives the same results
    without the steps. ``progress`` is called with ``("evaluating", done, total)`` at the
    start, every :data:`PROGRESS_STEP` indicators and at the end.
    """
    if progress is None:
        return report_of(case, rules, _evaluated(case.indicators, rules, trace))
    indicators = case.indicators
    total = len(indicators)
    results: list[IndicatorResult] = []
    progress("evaluating", 0, total)
    for start in range(0, total, PROGRESS_STEP):
        results += _evaluated(indicators[start : start + PROGRESS_STEP], rules, trace)
        progress("evaluating", len(results), total)
    return report_of(case, rules, results)


def _evaluated(
    indicators: Sequence[Indicator], rules: RuleSet, trace: bool
) -> list[IndicatorResult]:
    if trace:
        return [evaluate_indicator(ind, rules, trace=True) for ind in indicators]
    return evaluate_all(indicators, rules)


def report_of(case: Case, rules: RuleSet, results: Sequence[IndicatorResult]) -> Report:
    """The report of ``case`` from its indicators' ``results``, rolled up into its
    objectives."""
    by_id = {ind.id: ind for ind in case.indicators}
    # Grouped in one pass: a case with thousands of objectives must not be quadratic.
    members: dict[str, list[IndicatorResult]] = {obj.id: [] for obj in case.objectives}
    for r in results:
        if r.objective is not None and r.objective in members:
            members[r.objective].append(r)
    # The objectives' sums in the evaluation's own context, not the caller's.
    with localcontext(FIGURES_CONTEXT):
        objectives = tuple(
            _objective(obj, members[obj.id], by_id, rules) for obj in case.objectives
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


# ---------------------------------------------------------------- objectives


_Why = Message | None  # why the roll-up has no value


def _rollup(
    rules: RuleSet, results: list[IndicatorResult], indicators: Mapping[str, Indicator]
) -> tuple[Decimal | None, _Why]:
    values = [r.capaian for r in results if r.capaian is not None]
    if not values:
        return None, msg("reason.rollup.nothing-computed")
    method = rules.rollup
    if method == "mean":
        return FIGURES_CONTEXT.divide(sum(values, _ZERO), Decimal(len(values))), None
    if method == "min":
        return min(values), None
    if method == "geometric_mean":
        if any(v <= 0 for v in values):
            return None, msg("reason.rollup.geometric-mean")
        logs = sum((FIGURES_CONTEXT.ln(v) for v in values), _ZERO)
        return FIGURES_CONTEXT.exp(FIGURES_CONTEXT.divide(logs, Decimal(len(values)))), None
    weights = []
    for r in results:
        if r.capaian is None:
            continue
        weight = rules.weights.get(r.id)
        if weight is None:  # an indicator without a weight weighs its pagu
            budget = indicators[r.id].budget
            weight = None if budget is None else budget.pagu
        if weight is None:
            return None, msg("reason.rollup.no-weight", id=r.id)
        weights.append(weight)
    total = sum(weights, _ZERO)
    if total == 0:
        return None, msg("reason.rollup.zero-weights")
    weighted = sum((v * w for v, w in zip(values, weights, strict=True)), _ZERO)
    return FIGURES_CONTEXT.divide(weighted, total), None


def _objective(
    objective: Objective,
    results: list[IndicatorResult],
    indicators: Mapping[str, Indicator],
    rules: RuleSet,
) -> ObjectiveResult:
    """The objective's roll-up of its indicators' results. Its sums run in the context in
    force, which evaluate_case sets to FIGURES_CONTEXT (not the caller's)."""
    capaian, why = _rollup(rules, results, indicators)
    shown = displayed(capaian, rules)
    _rank, category = band(rules.categories, shown)
    pagu = spent = pagu_capaian = _ZERO
    funded = False
    for r in results:
        budget = indicators[r.id].budget
        if budget is None or budget.pagu is None or budget.realisasi is None or r.capaian is None:
            continue
        funded = True
        pagu += budget.pagu
        spent += budget.realisasi
        pagu_capaian += budget.pagu * r.capaian / _HUNDRED
    sums = {"pagu": pagu, "realisasi_anggaran": spent, "pagu_capaian": pagu_capaian}
    serapan = eff_value = eff_score = None
    efficiency = None
    if funded and sums["pagu"] > 0:
        serapan = FIGURES_CONTEXT.divide(sums["realisasi_anggaran"] * _HUNDRED, sums["pagu"])
        if serapan.adjusted() >= RESULT_DIGITS:
            # Not a figure (a pagu of 1E-400 against real spending), as Formula.figure
            # refuses for an indicator; displaying it would take hundreds of digits.
            serapan = None
        else:
            env = {**sums, "capaian": shown, "serapan": displayed(serapan, rules)}
            eff_value, eff_score, efficiency = efficiency_from(rules, env, None)
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
        reason=why.render("en") if why else None,
        reason_id=why.render("id") if why else None,
    )
