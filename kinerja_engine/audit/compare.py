"""Methods side by side: one case's figures evaluated under several rule sets, and only
what changes kept: the indicators whose category, verdict or efficiency differs, with
each rule set's capaian, formula and band, so an auditor sees where the choice of
method, not performance, decides the outcome."""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_engine.domain.model import Case
from kinerja_engine.domain.results import IndicatorResult, Report
from kinerja_engine.domain.summary import MethodCount, MethodDiff, Outcome
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = ["WHY", "differences"]

#: What differs between rule sets, as :attr:`MethodDiff.why` names it.
WHY = ("capaian-formula", "cap", "bands", "verdict-rule", "efficiency-formula", "efficiency-bands")


def _formula(rules: RuleSet, case: Case, index: int) -> str:
    ind = case.indicators[index]
    direction = str(ind.direction)
    ranged = ind.target is not None and ind.target.is_range
    chosen = rules.capaian_range.get(direction) if ranged else None
    formula = (chosen or rules.capaian[direction]).source
    return formula


def _band(rules: RuleSet, r: IndicatorResult) -> str | None:
    if r.category_rank is None:
        return None
    band = rules.categories.bands[r.category_rank]
    return f"{band.label} {band.describe()}"


def _why(
    rules: Sequence[RuleSet], outcomes: Sequence[Outcome], changed: Sequence[str]
) -> tuple[str, ...]:
    """What differs between the rule sets that bears on what changed for this indicator."""

    def differs(values: Sequence[object]) -> bool:
        return len(set(values)) > 1

    found = []
    capaian_differs = differs([o.capaian for o in outcomes])
    if differs([o.formula for o in outcomes]):
        found.append("capaian-formula")
    if capaian_differs and differs([(r.cap, r.floor) for r in rules]):
        found.append("cap")
    bands = [tuple((b.label, b.describe()) for b in r.categories.bands) for r in rules]
    if "category" in changed and differs(bands):
        found.append("bands")
    if "verdict" in changed and differs(
        [(r.verdict_when.source, r.verdict_achieved) for r in rules]
    ):
        found.append("verdict-rule")
    if "efficiency" in changed:
        if differs([r.efficiency.source for r in rules]):
            found.append("efficiency-formula")
        grades = [tuple((b.label, b.describe()) for b in r.efficiency_bands.bands) for r in rules]
        if differs(grades):
            found.append("efficiency-bands")
    return tuple(found)


def differences(
    case: Case, name: str, reports: Sequence[Report], rules: Sequence[RuleSet]
) -> tuple[tuple[MethodDiff, ...], MethodCount]:
    """The indicators of ``case`` whose outcome differs between ``reports`` (its
    evaluations under ``rules``, in order), and the agency's count of them."""
    diffs = []
    verdicts = categories = efficiency = 0
    for i, results in enumerate(zip(*(r.indicators for r in reports), strict=True)):
        changed = []
        if len({r.category for r in results}) > 1:
            changed.append("category")
            categories += 1
        if len({r.verdict for r in results}) > 1:
            changed.append("verdict")
            verdicts += 1
        if len({r.efficiency for r in results}) > 1:
            changed.append("efficiency")
            efficiency += 1
        if not changed:
            continue
        outcomes = tuple(
            Outcome(
                rules=rs.name,
                capaian=r.capaian,
                category=r.category,
                verdict=r.verdict,
                efficiency=r.efficiency,
                formula=_formula(rs, case, i),
                band=_band(rs, r),
                efficiency_formula=rs.efficiency.source,
            )
            for rs, r in zip(rules, results, strict=True)
        )
        first = results[0]
        diffs.append(
            MethodDiff(
                agency=case.report.agency,
                year=case.report.year,
                report=name,
                indicator=first.id,
                name=first.name,
                changed=tuple(changed),
                outcomes=outcomes,
                why=_why(rules, outcomes, changed),
            )
        )
    count = MethodCount(case.report.agency, len(case.indicators), verdicts, categories, efficiency)
    return tuple(diffs), count
