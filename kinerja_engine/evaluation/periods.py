"""Semester and quarterly reports: an indicator's figures for the report's period, made
from its period figures by its kind ("sifat indikator"), and the target they are held
against.

A period figure is the period's own (a quarter's, a semester's), not a running total.
The figure of a report period is the figure *to its end* (s.d. triwulan/semester): the
kind makes it of the period figures up to that end, so a cumulative indicator's S2 figure
is the year's. The target of a report period is the report's own target for it
(``target_periods``); without one, the year's target, pro rata for a cumulative
indicator when the rule set says so (``[periods] pro_rata``).

Both backends evaluate the same period-resolved indicators, so they agree by
construction: resolution happens once, before either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from kinerja_engine.domain.model import Case, Indicator, IndicatorKind, Period, Target
from kinerja_engine.domain.results import PeriodComparison, PeriodResult
from kinerja_engine.evaluation.indicator import FIGURES_CONTEXT
from kinerja_engine.rulesets.ruleset import RuleSet

__all__ = [
    "END_MONTH",
    "FAMILIES",
    "aggregate",
    "in_period",
    "period_figure",
    "period_target",
    "reconcile",
]

#: The month each period ends in.
END_MONTH: Mapping[Period, int] = {
    Period.TW1: 3,
    Period.TW2: 6,
    Period.S1: 6,
    Period.TW3: 9,
    Period.TW4: 12,
    Period.S2: 12,
    Period.ANNUAL: 12,
}
#: The two ways a year is divided, in order.
FAMILIES: tuple[tuple[Period, ...], ...] = (
    (Period.TW1, Period.TW2, Period.TW3, Period.TW4),
    (Period.S1, Period.S2),
)
_TWELVE = Decimal(12)


def aggregate(kind: IndicatorKind, values: Sequence[Decimal]) -> Decimal:
    """The figure ``values`` (period figures, in order, at least one) make under ``kind``."""
    if kind is IndicatorKind.CUMULATIVE:
        return sum(values, Decimal(0))
    if kind is IndicatorKind.LAST:
        return values[-1]
    if kind is IndicatorKind.AVERAGE:
        return FIGURES_CONTEXT.divide(sum(values, Decimal(0)), Decimal(len(values)))
    if kind is IndicatorKind.MAX:
        return max(values)
    return min(values)


def _covering(periods: Mapping[Period, Decimal], end: int) -> list[Decimal] | None:
    """The figures of the periods from the year's start to month ``end``, in order; None
    when they do not end there or one of them is not given."""
    family = next((f for f in FAMILIES if set(periods) <= set(f)), ())
    wanted = [p for p in family if END_MONTH[p] <= end]
    if not wanted or END_MONTH[wanted[-1]] != end:
        return None
    if any(p not in periods for p in wanted):
        return None
    return [periods[p] for p in wanted]


def period_figure(ind: Indicator, period: Period) -> Decimal | None:
    """The indicator's figure to the end of ``period`` made from its period figures by its
    kind; None without them, or when they do not make that period."""
    if not ind.periods or ind.kind is None:
        return None
    values = _covering(ind.periods, END_MONTH[period])
    return None if values is None else aggregate(ind.kind, values)


def period_target(ind: Indicator, period: Period, rules: RuleSet) -> tuple[Target | None, str]:
    """The target ``period``'s figure is held against, and its basis: ``"period"``,
    ``"pro_rata"`` or ``"annual"``."""
    if period is not Period.ANNUAL:
        own = ind.target_periods.get(period)
        if own is not None:
            return Target.point(own), "period"
        target = ind.target
        if rules.pro_rata and ind.kind is IndicatorKind.CUMULATIVE and target is not None:
            share = Decimal(END_MONTH[period])
            scale = FIGURES_CONTEXT.divide
            return (
                Target(scale(target.low * share, _TWELVE), scale(target.high * share, _TWELVE)),
                "pro_rata",
            )
    return ind.target, "annual"


def in_period(
    case: Case, rules: RuleSet, *, derive: bool = True
) -> tuple[Case, tuple[PeriodResult, ...]]:
    """``case`` with each indicator's target and realisasi those of the report's period,
    and the period figures of each indicator that has them (or of every indicator, in a
    report of a semester or a quarter). An annual case without period figures comes back
    as it is, with no period results.

    Without ``derive`` a realisasi the case does not give stays absent rather than made of
    the period figures: the audit holds printed figures against those itself."""
    period = case.report.period
    annual = period is Period.ANNUAL
    if annual and not any(ind.periods for ind in case.indicators):
        return case, ()
    indicators = []
    results = []
    for ind in case.indicators:
        if annual and not ind.periods:
            indicators.append(ind)
            continue
        figure = period_figure(ind, period)
        realisasi = ind.realisasi if ind.realisasi is not None else figure
        target, basis = period_target(ind, period, rules)
        given = realisasi if derive else ind.realisasi
        indicators.append(attrs.evolve(ind, target=target, realisasi=given))
        results.append(
            PeriodResult(
                indicator=ind.id,
                period=period.value,
                kind=None if ind.kind is None else ind.kind.value,
                figures=tuple((p.value, v) for p, v in sorted(ind.periods.items(), key=_order)),
                realisasi=realisasi,
                target=None if target is None else target.value,
                target_basis=basis,
            )
        )
    return attrs.evolve(case, indicators=tuple(indicators)), tuple(results)


def _order(item: tuple[Period, Decimal]) -> int:
    return END_MONTH[item[0]]


def _stated(ind: Indicator, period: Period) -> Decimal | None:
    """What a report states for ``period``: the realisasi it gives, else what its period
    figures make."""
    return ind.realisasi if ind.realisasi is not None else period_figure(ind, period)


def reconcile(part: Case, whole: Case) -> tuple[PeriodComparison, ...]:
    """Each indicator the two reports share, with its figure to the end of ``part``'s
    period as ``part`` states it and as ``whole`` gives it: a semester report against
    the annual report of the same agency and year (S2 to date is the year), or a
    quarterly report against a semester one. ``whole`` gives the figure its period
    figures make for that period, or, at the year's end, its realisasi."""
    period = part.report.period
    year_end = END_MONTH[period] == END_MONTH[Period.ANNUAL]
    others = {ind.id: ind for ind in whole.indicators}
    out = []
    for ind in part.indicators:
        other = others.get(ind.id)
        if other is None:
            continue
        if year_end and whole.report.period in (Period.ANNUAL, Period.S2, Period.TW4):
            theirs = _stated(other, period)
        else:
            theirs = period_figure(other, period)
        out.append(PeriodComparison(ind.id, period.value, _stated(ind, period), theirs))
    return tuple(out)
