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
from kinerja_engine.audit.completeness import completeness
from kinerja_engine.audit.evidence import read_entries
from kinerja_engine.audit.footing import agency_total, budget_tree
from kinerja_engine.audit.labels import Vocabulary, labels, vocabulary
from kinerja_engine.audit.methods import Method, known_methods
from kinerja_engine.audit.periods import periods
from kinerja_engine.audit.plausibility import implausible_capaian, screen
from kinerja_engine.audit.recalculation import Inputs, recalculate
from kinerja_engine.audit.tieout import tie_out
from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.model import BudgetLine, Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, Report
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CATALOGUE", "audit"]


def audit(
    case: Case, rules: RuleSet, report: Report, *, methods: tuple[Method, ...] | None = None
) -> Report:
    """``report`` with the audit's findings, passes and skips filled in.

    ``methods``: the capaian methods a finding may name as the one the report used
    (:func:`~kinerja_engine.audit.methods.known_methods`); by default ``rules``' own."""
    a = Audit(case, rules)
    # The rule set's own methods first: a formula it shares with others is named by it.
    own = known_methods((rules,))
    sources = {m.formula.source for m in own}
    a.methods = own + tuple(m for m in methods or () if m.formula.source not in sources)
    total = agency_total(case.budget)
    words = vocabulary(rules)
    # ``report`` is this case's evaluation under ``rules``: a result for each indicator, in
    # order, whose capaian the plausibility check reads rather than computes again.
    for ind, result in zip(case.indicators, report.indicators, strict=True):
        _indicator(a, ind, result, total, words)
    budget_tree(a, case.budget)
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
    if ind.printed:
        _printed(a, ind, total, words)
    implausible_capaian(a, ind, result.capaian)
    completeness(a, ind)


def _printed(a: Audit, ind: Indicator, total: BudgetLine | None, words: Vocabulary) -> None:
    """The checks of what the report printed for the indicator."""
    broken: Broken = {}
    # Figures read as printed (English notation, units) and put in the indicator's unit
    # first: every check below holds the converted figure.
    ind = read_entries(a, ind, broken)
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
