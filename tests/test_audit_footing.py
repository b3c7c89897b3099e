"""The audit's budget tree: footing to the sen and printed percentages."""

from __future__ import annotations

from decimal import Decimal

from audit_cases import case_of, codes, pv

import kinerja_engine as ke
from kinerja_engine.domain.model import BudgetLine


def test_budget_footing_to_the_sen_and_percent(permendagri: ke.RuleSet) -> None:
    def line(
        ident: str, pagu: str, real: str, parent: str | None = None, pct: str | None = None
    ) -> BudgetLine:
        return BudgetLine(
            ident,
            ident.upper(),
            Decimal(pagu),
            Decimal(real),
            parent,
            None if pct is None else pv(pct),
            "Tabel 45",
        )

    good = (
        line("belanja", "100", "90.01", pct="90,01"),
        line("a", "60", "50", "belanja"),
        line("b", "40", "40.01", "belanja"),
    )
    assert ke.check(case_of(budget=good), permendagri).findings == ()
    off = (
        line("belanja", "100", "90.02"),
        line("a", "60", "50", "belanja"),
        line("b", "40", "40.01", "belanja"),
    )
    (finding,) = ke.check(case_of(budget=off), permendagri).findings
    assert (finding.code, finding.field, finding.difference) == (
        "budget-footing",
        "realisasi",
        Decimal("0.01"),
    )
    bad_pct = (line("x", "80", "50", pct="62,6"),)
    assert codes(ke.check(case_of(budget=bad_pct), permendagri)) == ["budget-percent"]
    undefined = (line("z", "0", "0", pct="0,00"),)
    (finding,) = ke.check(case_of(budget=undefined), permendagri).findings
    assert finding.code == "budget-percent-undefined" and finding.severity is ke.Severity.INFO


def test_footing_to_the_sen_passes_when_exact(permendagri: ke.RuleSet) -> None:
    lines = (
        BudgetLine("p", "P", Decimal("0.03"), Decimal("0.02")),
        BudgetLine("a", "A", Decimal("0.01"), Decimal("0.01"), "p"),
        BudgetLine("b", "B", Decimal("0.02"), Decimal("0.01"), "p"),
    )
    report = ke.check(case_of(budget=lines), permendagri)
    assert report.findings == () and report.checks_passed == 2
