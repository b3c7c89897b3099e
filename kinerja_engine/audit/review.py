"""The auditor's review: hold every printed figure against what it should be.

The families of checks run in a fixed order, per indicator: the screen of every printed
figure (plausibility), the heading years (periods), the tie-out of figures printed in
several places, then per printed entry the recalculation of its percentages and the
labels; then the indicator's own capaian (plausibility) and completeness. After the
indicators, the budget tree (footing). A figure that is broken (a word where a number
belongs, a wrong unit) blocks the checks that need it: they are reported as skipped,
naming the finding that blocked them. Checks that pass are counted.
"""

from __future__ import annotations

import attrs

from kinerja_engine.audit._common import Audit, Broken
from kinerja_engine.audit.cascade import tree_audit
from kinerja_engine.audit.completeness import completeness
from kinerja_engine.audit.footing import agency_total, budget_tree
from kinerja_engine.audit.labels import Vocabulary, labels, vocabulary
from kinerja_engine.audit.periods import periods
from kinerja_engine.audit.plausibility import implausible_capaian, screen
from kinerja_engine.audit.quarters import quarters
from kinerja_engine.audit.recalculation import Inputs, recalculate
from kinerja_engine.audit.tieout import tie_out
from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.model import BudgetLine, Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, Report
from kinerja_engine.evaluation.periods import in_period, period_figure
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CATALOGUE", "audit"]


def audit(case: Case, rules: RuleSet, report: Report) -> Report:
    """``report`` with the audit's findings, passes and skips filled in."""
    # Printed figures of a semester or quarter are held against that period's target;
    # a realisasi made of period figures is held against them by quarters(), not given.
    case, _ = in_period(case, rules, derive=False)
    a = Audit(case, rules)
    total = agency_total(case.budget)
    words = vocabulary(rules)
    # ``report`` is this case's evaluation under ``rules``: a result for each indicator, in
    # order, whose capaian the plausibility check reads rather than computes again.
    for ind, result in zip(case.indicators, report.indicators, strict=True):
        _indicator(a, ind, result, total, words)
    budget_tree(a, case.budget)
    tree_audit(a, case, report)
    return attrs.evolve(
        report,
        findings=tuple(a.findings),
        checks_passed=a.passed,
        checks_skipped=tuple(a.skipped),
        checked=True,
    )


def _indicator(
    a: Audit, ind: Indicator, result: IndicatorResult, total: BudgetLine | None, words: Vocabulary
) -> None:
    # A realisasi printed against its period figures first: one found wrong is no input
    # to the recalculations (they are skipped, naming the finding).
    blocked = quarters(a, ind)
    if ind.printed:
        _printed(a, ind, total, words, blocked)
    implausible_capaian(a, ind, result.capaian)
    if ind.realisasi is None and ind.periods:
        # The period figures make the realisasi (quarters() holds printed ones to them).
        ind = attrs.evolve(ind, realisasi=period_figure(ind, a.case.report.period))
    completeness(a, ind)


def _printed(
    a: Audit, ind: Indicator, total: BudgetLine | None, words: Vocabulary, blocked: Broken
) -> None:
    """The checks of what the report printed for the indicator."""
    broken: Broken = dict(blocked)
    for n, entry in enumerate(ind.printed):
        for field, finding in screen(a, ind, entry):
            broken[(n, field)] = finding.id
    periods(a, ind)
    ties = tie_out(a, ind, broken)
    budget = ind.budget
    current = Inputs(
        ind.target.value if ind.target else None,
        ind.realisasi,
        budget.pagu if budget else None,
        budget.realisasi if budget else None,
    )
    # A comparison column of last year is held against last year's realisasi only.
    previous = None
    year = a.year
    for n, entry in enumerate(ind.printed):
        if entry.year is None or entry.year == year:
            recalculate(a, ind, entry, n, broken, ties, total, current)
            labels(a, ind, entry, n, broken, words)
        elif entry.year == year - 1:
            if previous is None:
                previous = (
                    Inputs(None, ind.history.get(year - 1), None, None),
                    {k.split()[0]: v for k, v in ties.items() if k.endswith(f" {year - 1}")},
                )
            recalculate(a, ind, entry, n, broken, previous[1], None, previous[0])
