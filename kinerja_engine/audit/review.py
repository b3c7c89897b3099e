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

from kinerja_engine.audit._common import Audit, Broken, Ties
from kinerja_engine.audit.cascade import tree_audit
from kinerja_engine.audit.completeness import comparison_missing, completeness
from kinerja_engine.audit.counts import counts, exact_entry
from kinerja_engine.audit.evidence import read_entries
from kinerja_engine.audit.footing import agency_total, budget_tree
from kinerja_engine.audit.labels import Vocabulary, labels, vocabulary
from kinerja_engine.audit.methods import Method, known_methods
from kinerja_engine.audit.periods import periods
from kinerja_engine.audit.plausibility import implausible_capaian, out_of_bounds, screen
from kinerja_engine.audit.quarters import quarters
from kinerja_engine.audit.recalculation import Inputs, recalculate
from kinerja_engine.audit.tieout import tie_out
from kinerja_engine.domain.checks import CATALOGUE
from kinerja_engine.domain.model import BudgetLine, Case, Indicator
from kinerja_engine.domain.results import IndicatorResult, Report
from kinerja_engine.evaluation.case import PROGRESS_STEP, Progress
from kinerja_engine.evaluation.periods import in_period, period_figure
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["CATALOGUE", "audit"]


def audit(
    case: Case,
    rules: RuleSet,
    report: Report,
    progress: Progress | None = None,
    *,
    methods: tuple[Method, ...] | None = None,
) -> Report:
    """``report`` with the audit's findings, passes and skips filled in. ``progress`` is
    called with ``("checking", done, total)`` at the start, every
    :data:`PROGRESS_STEP` indicators and at the end.

    ``methods``: the capaian methods a finding may name as the one the report used
    (:func:`~kinerja_engine.audit.methods.known_methods`); by default ``rules``' own."""
    # Printed figures of a semester or quarter are held against that period's target;
    # a realisasi made of period figures is held against them by quarters(), not given.
    case, _ = in_period(case, rules, derive=False)
    a = Audit(case, rules)
    # The rule set's own methods first: a formula it shares with others is named by it.
    own = known_methods((rules,))
    sources = {m.formula.source for m in own}
    a.methods = own + tuple(m for m in methods or () if m.formula.source not in sources)
    total = agency_total(case.budget)
    words = vocabulary(rules)
    # ``report`` is this case's evaluation under ``rules``: a result for each indicator, in
    # order, whose capaian the plausibility check reads rather than computes again.
    lacking: list[str] = []
    pairs = zip(case.indicators, report.indicators, strict=True)
    count = len(case.indicators)
    if progress is not None:
        progress("checking", 0, count)
    for n, (ind, result) in enumerate(pairs, start=1):
        if _indicator(a, ind, result, total, words):
            lacking.append(ind.id)
        if progress is not None and (n % PROGRESS_STEP == 0 or n == count):
            progress("checking", n, count)
    # One finding for the case: a report without a comparison year lacks it throughout.
    comparison_missing(a, lacking)
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
) -> bool:
    """The indicator's checks; True when it lacks last year's realisasi to compare with."""
    # A realisasi printed against its period figures first: one found wrong is no input
    # to the recalculations (they are skipped, naming the finding).
    blocked = quarters(a, ind)
    if ind.printed:
        _printed(a, ind, total, words, blocked)
    out_of_bounds(a, ind)
    implausible_capaian(a, ind, result)
    if ind.realisasi is None and ind.periods:
        # The period figures make the realisasi (quarters() holds printed ones to them).
        ind = attrs.evolve(ind, realisasi=period_figure(ind, a.case.report.period))
    return completeness(a, ind)


def _printed(
    a: Audit, ind: Indicator, total: BudgetLine | None, words: Vocabulary, blocked: Broken
) -> None:
    """The checks of what the report printed for the indicator."""
    broken: Broken = dict(blocked)
    # Figures read as printed (English notation, units) and put in the indicator's unit
    # first: every check below holds the converted figure.
    ind = read_entries(a, ind, broken)
    for n, entry in enumerate(ind.printed):
        for field, finding in screen(a, ind, entry):
            broken[(n, field)] = finding.id
    periods(a, ind)
    ties = tie_out(a, ind, broken)
    counts(a, ind, broken)
    budget = ind.budget
    current = Inputs(
        ind.target.value if ind.target else None,
        ind.realisasi,
        budget.pagu if budget else None,
        budget.realisasi if budget else None,
    )
    # A column of an earlier year is held against that year's figures: its realisasi
    # (history) and, where the case gives it, its target (history_target).
    past: dict[int, tuple[Indicator, Inputs, Ties]] = {}
    counted = ind.realisasi_count is not None or ind.target_count is not None
    year = a.year
    for n, entry in enumerate(ind.printed):
        if entry.year is None or entry.year == year:
            read = exact_entry(a, ind, entry) if counted else entry
            recalculate(a, ind, read, n, broken, ties, total, current)
            labels(a, ind, read, n, broken, words)
            continue
        if entry.year > year or not (
            entry.year == year - 1 or entry.year in ind.history or entry.year in ind.history_target
        ):
            continue
        if entry.year not in past:
            past[entry.year] = _past_year(ind, entry.year, ties)
        view, inputs, year_ties = past[entry.year]
        recalculate(a, view, entry, n, broken, year_ties, None, inputs)
        if entry.year in ind.history_target:
            labels(a, view, entry, n, broken, words)


def _past_year(ind: Indicator, year: int, ties: Ties) -> tuple[Indicator, Inputs, Ties]:
    """The indicator as it stood in an earlier ``year``: that year's target and realisasi,
    no budget (the case gives none for it), and the tie-out findings of that year."""
    target = ind.history_target.get(year)
    realisasi = ind.history.get(year)
    view = attrs.evolve(ind, target=target, realisasi=realisasi, budget=None)
    inputs = Inputs(None if target is None else target.value, realisasi, None, None)
    return view, inputs, {k.split()[0]: v for k, v in ties.items() if k.endswith(f" {year}")}
