"""The audit's labels: printed category, verdict and efficiency against the figures."""

from __future__ import annotations

from audit_cases import case_of, codes, entry, plain, with_printed
from conftest import indicator

import kinerja_engine as ke


def test_verdict_label_koperasi_sehat_at_100(permendagri: ke.RuleSet) -> None:
    ind = with_printed(
        indicator(56, 56, ident="koperasi-sehat"),
        entry("Tabel 4", target="56 %", realisasi="56 %", verdict="Tidak Tercapai"),
    )
    (finding,) = ke.check(case_of(ind), permendagri).findings
    assert (finding.code, finding.printed, finding.expected) == (
        "verdict-label",
        "Tidak Tercapai",
        "Tercapai",
    )
    ok = with_printed(
        indicator(56, 56), entry("Tabel 4", target="56 %", realisasi="56 %", verdict="tercapai")
    )
    assert ke.check(case_of(ok), permendagri).findings == ()


def test_category_and_efficiency_labels(permendagri: ke.RuleSet) -> None:
    good = entry(capaian="54 %", serapan="82,76", category="Rendah", efficiency="Tidak Efisien")
    assert ke.check(plain(100, 54, good), permendagri).findings == ()
    bad = entry(capaian="54 %", serapan="82,76", category="Sedang", efficiency="Efisien")
    assert codes(ke.check(plain(100, 54, bad), permendagri)) == [
        "category-label",
        "efficiency-label",
    ]
    unknown = entry(capaian="54 %", efficiency="Sangat Efisiensi")
    assert codes(ke.check(plain(100, 54, unknown), permendagri)) == ["label-unknown"]
