"""Minimal cases for the audit's tests (tests/test_audit*.py)."""

from __future__ import annotations

from decimal import Decimal

import attrs
from conftest import indicator

import kinerja_engine as ke
from kinerja_engine.domain.model import (
    Budget,
    BudgetLine,
    Indicator,
    PrintedEntry,
    PrintedValue,
    ReportInfo,
)


def pv(text: str) -> PrintedValue:
    from kinerja_engine.io.figures import printed

    return printed(text)


def case_of(*indicators: Indicator, budget: tuple[BudgetLine, ...] = ()) -> ke.Case:
    return ke.Case(
        format="kinerja-case/1",
        report=ReportInfo(agency="Dinas X", year=2021),
        indicators=indicators,
        budget=budget,
    )


def entry(where: str = "Tabel 9", year: int | None = 2021, **fields: str) -> PrintedEntry:
    labels = {k: fields.pop(k) for k in ("category", "efficiency", "verdict") if k in fields}
    return PrintedEntry(where=where, year=year, **{k: pv(v) for k, v in fields.items()}, **labels)


def codes(report: ke.Report) -> list[str]:
    return sorted(f.code for f in report.findings)


def with_printed(ind: Indicator, *entries: PrintedEntry) -> Indicator:
    return attrs.evolve(ind, printed=entries, history={2020: Decimal(1)})


BUDGET = Budget(Decimal("1418633200.00"), Decimal("1324391015.00"))


def skm(*entries: PrintedEntry, budget: Budget | None = BUDGET) -> ke.Case:
    ind = indicator("81.5", "87.08", ident="skm", budget=budget)
    return case_of(with_printed(ind, *entries))


def plain(target: object, realisasi: object, *entries: PrintedEntry) -> ke.Case:
    return case_of(with_printed(indicator(target, realisasi), *entries))
