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


# ---- issue 16 (model): declared bounds and a negative capaian


def test_a_share_above_its_bounds(permendagri: ke.RuleSet) -> None:
    from kinerja_engine.domain.model import Bounds, Target

    share = Bounds(Decimal(0), Decimal(100))
    serapan = attrs.evolve(indicator(95, 114), history={2020: Decimal(97)}, bounds=share)
    report = ke.check(case_of(serapan), permendagri)
    assert codes(report) == ["figure-out-of-bounds"]
    (finding,) = report.findings
    assert (finding.field, finding.printed, finding.difference) == ("realisasi", "114", 14)
    assert finding.severity == "error"
    # The same figures without bounds: a growth rate may exceed 100.
    assert ke.check(case_of(attrs.evolve(serapan, bounds=None)), permendagri).findings == ()
    # Past years' figures are held to the same bounds, each finding naming its year.
    past = attrs.evolve(
        indicator(95, 99),
        history={2020: Decimal(101)},
        history_target={2019: Target.point(Decimal(-1))},
        bounds=share,
    )
    found = ke.check(case_of(past), permendagri).findings
    assert [(f.code, f.field) for f in found] == [
        ("figure-out-of-bounds", "target 2019"),
        ("figure-out-of-bounds", "realisasi 2020"),
    ]


def test_a_negative_capaian_is_said_so(permendagri: ke.RuleSet) -> None:
    from kinerja_engine.domain.model import Target

    # A decrease written as a negative realisasi: -10 against 0,3 is -3.333,33 %.
    drop = attrs.evolve(indicator("0.3", -10), history={2020: Decimal(1)})
    report = ke.check(case_of(drop), permendagri)
    assert codes(report) == ["capaian-negative"]
    assert "-3,333.33" in report.findings[0].message_en
    assert report.findings[0].severity == "warning"
    assert report.findings[0].difference == Decimal("-3333.33")  # at the display places
    # Of an earlier year too, once its target is known.
    past = attrs.evolve(
        indicator(10, 10),
        history={2020: Decimal(-2)},
        history_target={2020: Target.point(Decimal(4))},
    )
    found = ke.check(case_of(past), permendagri).findings
    assert [(f.code, f.field) for f in found] == [("capaian-negative", "capaian 2020")]
