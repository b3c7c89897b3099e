"""The audit's recalculation: printed capaian, serapan, share and progress recomputed."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from audit_cases import case_of, codes, entry, plain, skm, with_printed
from conftest import indicator

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget, BudgetLine


def test_serapan_recalc_trips_passes_and_holds_at_the_edge(permendagri: ke.RuleSet) -> None:
    amounts = {"pagu": "1.418.633.200,00", "realisasi_anggaran": "1.324.391.015,00"}
    bad = ke.check(skm(entry(serapan="93,08", **amounts)), permendagri)
    (finding,) = bad.findings
    assert finding.code == "serapan-recalc" and finding.severity is ke.Severity.ERROR
    assert (finding.printed, finding.expected, finding.difference) == (
        "93,08",
        "93.36",
        Decimal("-0.28"),
    )
    assert finding.tolerance == Decimal("0.005")
    assert ("pagu", "1.418.633.200,00", "Tabel 9") in finding.inputs
    assert "93,36" in finding.message_id and "93.36" in finding.message_en
    assert ke.check(skm(entry(serapan="93,36", **amounts)), permendagri).findings == ()

    # exact 50/80 = 62.5: "62,495" is off by exactly half a unit of its last digit (0.005).
    def serapan(printed: str, pagu: str, spent: str) -> list[str]:
        case = skm(entry(serapan=printed, pagu=pagu, realisasi_anggaran=spent), budget=None)
        return codes(ke.check(case, permendagri))

    # 62.505 exactly: a printed figure is the exact value rounded as the rules round
    # (half up) to the places printed, so 62,51 and not 62,50 (issue 16).
    assert serapan("62,51", "100", "62,505") == []
    assert serapan("62,50", "100", "62,505") == ["serapan-recalc"]
    assert serapan("62,49", "100", "62,505") == ["serapan-recalc"]
    # 62.5051: "62,50" is 0.0051 away, beyond the tolerance of 0.005.
    assert serapan("62,51", "1.000", "625,051") == []
    assert serapan("62,50", "1.000", "625,051") == ["serapan-recalc"]
    # One printed decimal place: half of 0.1.
    assert serapan("62,6", "100", "62,55") == [] and serapan("62,5", "100", "62,55") == [
        "serapan-recalc"
    ]


def test_capaian_recalc_from_own_inputs_and_from_case_inputs(permendagri: ke.RuleSet) -> None:
    assert (
        ke.check(
            skm(entry(target="81,5", realisasi="87,08", capaian="106,85")), permendagri
        ).findings
        == ()
    )
    report = ke.check(skm(entry(capaian="87,08")), permendagri)  # the text of Tabel 5
    (finding,) = report.findings
    assert finding.code == "capaian-recalc" and finding.expected == "106.85"
    assert report.checks_passed > 0


def test_share_recalc_against_agency_total(permendagri: ke.RuleSet) -> None:
    total = BudgetLine("belanja", "BELANJA", Decimal("20516646631"), Decimal(1))
    ind = with_printed(
        indicator(1, 1, budget=Budget(Decimal("519852000"), Decimal(1))), entry(share="86,44")
    )
    (finding,) = ke.check(case_of(ind, budget=(total,)), permendagri).findings
    assert (finding.code, finding.expected) == ("share-recalc", "2.53")
    fine = with_printed(
        indicator(1, 1, budget=Budget(Decimal("519852000"), Decimal(1))), entry(share="2,53")
    )
    assert ke.check(case_of(fine, budget=(total,)), permendagri).findings == ()


def test_progress_recalc_with_scale_hint(permendagri: ke.RuleSet) -> None:
    ind = attrs.evolve(
        indicator(50, 27, unit="Rp", renstra_target=Decimal(50_000_000_000)),
        printed=(entry("Tabel 39", year=2020, realisasi="Rp. 26.500.000", progress="53 %"),),
        history={2020: Decimal(26_500_000)},
    )
    report = ke.check(case_of(ind), permendagri)
    # The table gives only last year's progress (period) and that figure is 1000x off.
    assert codes(report) == ["period-mismatch", "progress-recalc"]
    finding = next(f for f in report.findings if f.code == "progress-recalc")
    assert finding.expected == "0.05" and "1.000 times" in finding.message_en


@pytest.mark.parametrize(
    ("printed", "codes_expected"),
    [
        # An integer print has a tolerance of 0.5: 106.846... prints as 107 or 106.
        ("107", []),
        ("106", ["capaian-recalc"]),
        ("106,85", []),
        ("106,84", ["capaian-recalc"]),
    ],
)
def test_capaian_tolerance_follows_the_printed_digits(
    permendagri: ke.RuleSet, printed: str, codes_expected: list[str]
) -> None:
    assert codes(ke.check(skm(entry(capaian=printed), budget=None), permendagri)) == codes_expected


def test_integer_print_at_exactly_half_a_unit(permendagri: ke.RuleSet) -> None:
    # 2.13 / 2 = 106.5 exactly: half up gives 107; 106 is the truncated figure, a finding
    # that names the rounding that gives it (issue 16).
    assert ke.check(plain(2, "2.13", entry(capaian="107")), permendagri).findings == ()
    (truncated,) = ke.check(plain(2, "2.13", entry(capaian="106")), permendagri).findings
    assert truncated.code == "capaian-recalc" and "down (truncated)" in truncated.message_en
    assert codes(ke.check(plain(2, "2.13", entry(capaian="105")), permendagri)) == [
        "capaian-recalc"
    ]
