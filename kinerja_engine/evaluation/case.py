"""Evaluate a case: its indicators (through the specification when a trace is asked,
else through the compiled backend) for the report's period, and the roll-up of the
performance tree (programs, objectives, goals)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import localcontext

from kinerja_engine.domain.model import Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, PeriodResult, Report
from kinerja_engine.evaluation.cascade import tree_results
from kinerja_engine.evaluation.compiled import evaluate_all
from kinerja_engine.evaluation.indicator import FIGURES_CONTEXT, evaluate_indicator
from kinerja_engine.evaluation.periods import in_period
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["PROGRESS_STEP", "Progress", "evaluate_case", "report_of"]


#: What a long run tells its caller as it goes: ``(phase, done, total)``, the phase one
#: of ``loading``, ``evaluating``, ``checking``; ``done`` counts up to ``total``.
Progress = Callable[[str, int, int], None]
#: Indicators between two calls of a progress hook: often enough for a person watching,
#: rarely enough to cost nothing next to the work.
PROGRESS_STEP = 1000


def evaluate_case(
    case: Case, rules: RuleSet, *, trace: bool = False, progress: Progress | None = None
) -> Report:
    """The case's report: its indicators evaluated for the report's period, rolled up
    into its programs, objectives and goals.

    With ``trace``, each indicator goes through the specification
    (:func:`.indicator.evaluate_indicator`), which writes down every step; without, through
    the compiled backend (:func:`.compiled.evaluate_all`), which gives the same results
    without the steps. Both evaluate the indicators as :func:`.periods.in_period` makes
    them for the report's period. ``progress`` is called with ``("evaluating", done,
    total)`` at the start, every :data:`PROGRESS_STEP` indicators and at the end.
    """
    case, periods = in_period(case, rules)
    if progress is None:
        return report_of(case, rules, _evaluated(case.indicators, rules, trace), periods)
    indicators = case.indicators
    total = len(indicators)
    results: list[IndicatorResult] = []
    progress("evaluating", 0, total)
    for start in range(0, total, PROGRESS_STEP):
        results += _evaluated(indicators[start : start + PROGRESS_STEP], rules, trace)
        progress("evaluating", len(results), total)
    return report_of(case, rules, results, periods)


def _evaluated(
    indicators: Sequence[Indicator], rules: RuleSet, trace: bool
) -> list[IndicatorResult]:
    if trace:
        return [evaluate_indicator(ind, rules, trace=True) for ind in indicators]
    return evaluate_all(indicators, rules)


def report_of(
    case: Case,
    rules: RuleSet,
    results: Sequence[IndicatorResult],
    periods: tuple[PeriodResult, ...] = (),
) -> Report:
    """The report of ``case`` from its indicators' ``results``, rolled up into its
    programs, objectives and goals."""
    # The roll-ups' sums in the evaluation's own context, not the caller's.
    with localcontext(FIGURES_CONTEXT):
        programs, objectives, goals = tree_results(case, rules, results)
    return Report(
        info=case.report,
        rules=rules.name,
        rules_version=rules.version,
        places=rules.places,
        rounding=rules.rounding,
        indicators=tuple(results),
        objectives=objectives,
        programs=programs,
        goals=goals,
        periods=periods,
    )
