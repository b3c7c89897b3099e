"""Minimal cases for the audit's tests (tests/test_audit*.py)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from conftest import indicator

import kinerja_engine as ke


def pv(text: str) -> ke.PrintedValue:
    from kinerja_engine.io.figures import printed

    return printed(text)


def case_of(*indicators: ke.Indicator, budget: tuple[ke.BudgetLine, ...] = ()) -> ke.Case:
    return ke.Case(
        format="kinerja-case/1",
        report=ke.ReportInfo(agency="Dinas X", year=2021),
        indicators=indicators,
        budget=budget,
    )


def entry(where: str = "Tabel 9", year: int | None = 2021, **fields: str) -> ke.PrintedEntry:
    labels = {k: fields.pop(k) for k in ("category", "efficiency", "verdict") if k in fields}
    return ke.PrintedEntry(
        where=where, year=year, **{k: pv(v) for k, v in fields.items()}, **labels
    )


def codes(report: ke.Report) -> list[str]:
    return sorted(f.code for f in report.findings)


def with_printed(ind: ke.Indicator, *entries: ke.PrintedEntry) -> ke.Indicator:
    return attrs.evolve(ind, printed=entries, history={2020: Decimal(1)})


BUDGET = ke.Budget(Decimal("1418633200.00"), Decimal("1324391015.00"))


def skm(*entries: ke.PrintedEntry, budget: ke.Budget | None = BUDGET) -> ke.Case:
    ind = indicator("81.5", "87.08", ident="skm", budget=budget)
    return case_of(with_printed(ind, *entries))


def plain(target: object, realisasi: object, *entries: ke.PrintedEntry) -> ke.Case:
    return case_of(with_printed(indicator(target, realisasi), *entries))
