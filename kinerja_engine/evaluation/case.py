"""Evaluate a case: its indicators (through the specification when a trace is asked,
else through the compiled backend) for the report's period, and the roll-up of the
performance tree (programs, objectives, goals)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import localcontext

from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import IndicatorResult, PeriodResult, Report
from kinerja_engine.evaluation.cascade import tree_results
from kinerja_engine.evaluation.compiled import evaluate_all
from kinerja_engine.evaluation.indicator import FIGURES_CONTEXT, evaluate_indicator
from kinerja_engine.evaluation.periods import in_period
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["evaluate_case", "report_of"]


def evaluate_case(case: Case, rules: RuleSet, *, trace: bool = False) -> Report:
    """The case's report: its indicators evaluated for the report's period, rolled up
    into its programs, objectives and goals.

    With ``trace``, each indicator goes through the specification
    (:func:`.indicator.evaluate_indicator`), which writes down every step; without, through
    the compiled backend (:func:`.compiled.evaluate_all`), which gives the same results
    without the steps. Both evaluate the indicators as :func:`.periods.in_period` makes
    them for the report's period.
    """
    case, periods = in_period(case, rules)
    if trace:
        results = [evaluate_indicator(ind, rules, trace=True) for ind in case.indicators]
    else:
        results = evaluate_all(case.indicators, rules)
    return report_of(case, rules, results, periods)


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
