"""The summary of a folder, computed: one report's :class:`Summary`, and the cross-year
findings of a pair of reports added to it. A folder's summary is the :func:`combine` of
these, in any grouping (:mod:`kinerja_engine.domain.summary`)."""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from kinerja_engine.domain.results import Finding, Report, Severity
from kinerja_engine.domain.summary import (
    KEEP,
    AgencyTotals,
    CrossFinding,
    RankedReport,
    Summary,
    WorstFinding,
    tally,
)
from kinerja_engine.messages import text

__all__ = ["cross_summary", "fold", "report_summary"]


T = TypeVar("T", WorstFinding, RankedReport)


def _bounded(lines: list[T], keep: int) -> list[T]:
    return heapq.nsmallest(keep, set(lines))


def fold(summaries: Iterable[Summary], *, keep: int = KEEP) -> Summary:
    """``functools.reduce(combine, summaries, EMPTY)`` in one pass: each agency added up
    in place and the worst findings and ranked reports pruned as they come, so a
    national folder costs time linear in its reports (``combine`` copies every agency)."""
    agencies: dict[str, AgencyTotals] = {}
    worst: list[WorstFinding] = []
    ranked: list[RankedReport] = []
    order: dict[str, int] = {}
    for s in summaries:
        if s.keep != keep:
            raise ValueError(text("error.api.summary-keep", "en"))
        for t in s.agencies:
            mine = agencies.get(t.agency)
            agencies[t.agency] = t if mine is None else mine + t
        worst += s.worst
        ranked += s.ranked
        if len(worst) > 4 * keep:
            worst = _bounded(worst, keep)
        if len(ranked) > 4 * keep:
            ranked = _bounded(ranked, keep)
        for label, rank in s.category_order:
            order[label] = max(rank, order.get(label, rank))
    return Summary(
        agencies=tuple(agencies[k] for k in sorted(agencies)),
        worst=tuple(_bounded(worst, keep)),
        ranked=tuple(_bounded(ranked, keep)),
        category_order=tuple(sorted(order.items(), key=lambda kv: (-kv[1], kv[0]))),
        keep=keep,
    )


def _worst(f: Finding, agency: str, year: int, report: str) -> WorstFinding:
    size = Decimal(0) if f.difference is None else -abs(f.difference)
    return WorstFinding(
        key=(-f.severity.rank, size, agency, year, f"{report}|{f.id}"),
        agency=agency,
        year=year,
        report=report,
        code=f.code,
        severity=str(f.severity),
        subject=f.indicator or f.budget or "-",
        where=f.where or "-",
        message_id=f.message_id,
        message_en=f.message_en,
        catalogue_id=None if f.message is None else f.message.id,
    )


def _kept(items: Iterable[WorstFinding], keep: int) -> tuple[WorstFinding, ...]:
    return tuple(sorted(items)[:keep])


def report_summary(report: Report, name: str, *, not_achieved: str, keep: int = KEEP) -> Summary:
    """One report's summary; ``name`` is how it is named (its file), ``not_achieved``
    the verdict its rule set gives an indicator not achieved."""
    info = report.info
    results = report.indicators
    ranks = {r.category: r.category_rank for r in results if r.category is not None}
    severities = tally(str(f.severity) for f in report.findings)
    totals = AgencyTotals(
        agency=info.agency,
        reports=1,
        years=(info.year,),
        indicators=len(results),
        statuses=tally(str(r.status) for r in results),
        categories=tally(r.category for r in results),
        verdicts=tally(r.verdict for r in results),
        efficiency=tally(r.efficiency for r in results),
        severities=severities,
        checks_passed=report.checks_passed,
    )
    missed = sum(1 for r in results if r.verdict == not_achieved)
    lowest = sum(1 for r in results if r.category_rank == 0)
    errors, warnings = totals.severity(Severity.ERROR), totals.severity(Severity.WARNING)
    ranked = RankedReport(
        key=(-errors, -warnings, -missed, -lowest, info.agency, info.year, name),
        agency=info.agency,
        year=info.year,
        report=name,
        indicators=len(results),
        errors=errors,
        warnings=warnings,
        not_achieved=missed,
        lowest=lowest,
    )
    worst = _kept((_worst(f, info.agency, info.year, name) for f in report.findings), keep)
    order = sorted(
        ((label, rank) for label, rank in ranks.items() if rank is not None),
        key=lambda kv: (-kv[1], kv[0]),
    )
    return Summary(
        agencies=(totals,),
        worst=worst,
        ranked=(ranked,),
        category_order=tuple(order),
        keep=keep,
    )


def cross_summary(agency: str, found: Iterable[CrossFinding], *, keep: int = KEEP) -> Summary:
    """The findings between one agency's two reports, as a summary to combine with the
    reports' own: counted apart from the reports' findings (``across``), so that the
    reports' totals stay the sum of their checks."""
    found = list(found)
    totals = AgencyTotals(
        agency=agency,
        across=tally(str(c.finding.severity) for c in found),
        pairs=1,
    )
    worst = _kept((_worst(c.finding, agency, c.later.year, c.later.report) for c in found), keep)
    return Summary(agencies=(totals,), worst=worst, keep=keep)
