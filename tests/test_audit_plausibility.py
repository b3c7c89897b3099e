"""The audit's screen and plausibility: words for numbers, wrong units, implausible capaian."""

from __future__ import annotations

from decimal import Decimal

import attrs
from audit_cases import case_of, codes, entry, skm, with_printed
from conftest import indicator

import kinerja_engine as ke


def test_word_for_number_blocks_the_recalculation(permendagri: ke.RuleSet) -> None:
    report = ke.check(skm(entry(capaian="Sangat tinggi", category="Sangat Tinggi")), permendagri)
    assert codes(report) == ["word-for-number"]


def test_unit_mismatch_and_percent_over_100(permendagri: ke.RuleSet) -> None:
    assert codes(ke.check(skm(entry(serapan="554.805.250")), permendagri)) == ["unit-mismatch"]
    assert codes(ke.check(skm(entry(pagu="86 %")), permendagri)) == ["unit-mismatch"]
    rupiah = with_printed(
        indicator(51, 60, unit="Rp"), entry("Tabel 4", year=2020, realisasi="22 %")
    )
    assert "unit-mismatch" in codes(ke.check(case_of(rupiah), permendagri))
    over = entry(serapan="120,00", pagu="100", realisasi_anggaran="120")
    assert codes(ke.check(skm(over, budget=None), permendagri)) == ["percent-over-100"]


def test_plausibility_edge_at_the_bound(permendagri: ke.RuleSet) -> None:
    at_bound = attrs.evolve(indicator(100, 500), history={2020: Decimal(1)})
    assert ke.check(case_of(at_bound), permendagri).findings == ()
    beyond = attrs.evolve(indicator(100, "500.01"), history={2020: Decimal(1)})
    assert codes(ke.check(case_of(beyond), permendagri)) == ["capaian-implausible"]
