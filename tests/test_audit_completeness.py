"""The audit's completeness: realisasi and last year's comparison present."""

from __future__ import annotations

from decimal import Decimal

import attrs
from audit_cases import case_of, codes
from conftest import indicator

import kinerja_engine as ke


def test_completeness_and_plausibility(permendagri: ke.RuleSet) -> None:
    report = ke.check(case_of(indicator(80, None, ident="y")), permendagri)
    assert codes(report) == ["comparison-missing", "realisasi-missing"]
    slip = attrs.evolve(
        indicator(51_000_000_000, 3_540_448_465_876_250, unit="Rp"), history={2020: Decimal(1)}
    )
    (finding,) = ke.check(case_of(slip), permendagri).findings
    assert finding.code == "capaian-implausible" and "10^5" in finding.message_en
