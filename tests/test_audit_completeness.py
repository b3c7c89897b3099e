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


def test_comparison_missing_is_one_finding_for_the_case(permendagri: ke.RuleSet) -> None:
    """Issue 16: a report without the year before lacks it for every indicator; one line
    says so, naming them."""
    inds = [indicator(80, 80, ident=f"iku-{n}") for n in range(12)]
    inds[3] = attrs.evolve(inds[3], history={2020: Decimal(70)})
    report = ke.check(case_of(*inds), permendagri)
    (finding,) = report.findings
    assert finding.code == "comparison-missing" and finding.indicator == "iku-0"
    assert finding.message_en.startswith("11 indicators have no realisasi for 2020")
    assert "iku-10 and 1 more" in finding.message_en
    assert "dan 1 lainnya" in finding.message_id
