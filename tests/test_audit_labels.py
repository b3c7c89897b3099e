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


# ---- issue 19 (evidence): labels as printed


def test_labels_read_as_printed_raise_nothing(permendagri: ke.RuleSet) -> None:
    """Case, spacing, a parenthesised abbreviation and a verdict written as a sentence are
    what a reader of Indonesian accepts: no finding when they agree with the figure."""
    for category, verdict in (
        ("Sangat Tinggi (ST)", "telah melampaui target"),
        ("SANGAT  tinggi", "Tercapai."),
        ("sangat tinggi", "target tercapai"),
    ):
        good = entry(capaian="102,50", category=category, verdict=verdict)
        assert ke.check(plain(80, 82, good), permendagri).findings == ()
    below = entry(capaian="92,22", category="Sangat Tinggi (ST)", verdict="belum mencapai target")
    assert ke.check(plain(95, "87.61", below), permendagri).findings == ()


def test_a_sentence_that_contradicts_the_figure_is_the_verdict_error(
    permendagri: ke.RuleSet,
) -> None:
    wrong = entry(capaian="100", verdict="belum mencapai target")
    (finding,) = ke.check(plain(56, 56, wrong), permendagri).findings
    assert (finding.code, finding.severity.value, finding.expected) == (
        "verdict-label",
        "error",
        "Tercapai",
    )
    over = entry(capaian="92,22", verdict="telah melampaui target")
    assert codes(ke.check(plain(95, "87.61", over), permendagri)) == ["verdict-label"]


def test_a_label_that_cannot_be_read_is_info(permendagri: ke.RuleSet) -> None:
    odd = entry(capaian="100", verdict="lihat lampiran")
    (finding,) = ke.check(plain(56, 56, odd), permendagri).findings
    assert (finding.code, finding.severity.value) == ("label-unknown", "info")


def test_a_rule_set_maps_a_report_s_own_scale_onto_its_bands() -> None:
    from pathlib import Path

    case = ke.load_case(Path(__file__).parent / "cases" / "skala-sendiri-2023.toml")
    report = ke.check(case)
    assert report.rules == "skala-laporan"
    assert {(f.code, f.indicator, f.printed) for f in report.findings} == {
        ("category-label", "rata-lama-sekolah", "Sangat Baik"),
        ("verdict-label", "rata-lama-sekolah", "Berhasil"),
    }
    # Under the default rule set the report's grade words are not read: info, never an
    # error; its verdict words are ("Berhasil" at 70 % contradicts the figure).
    plain_rules = ke.check(case, "permendagri-86-2017")
    assert {(f.code, f.field, f.printed) for f in plain_rules.findings} == {
        ("label-unknown", "category", "Baik"),
        ("label-unknown", "category", "Sangat Baik"),
        ("verdict-label", "verdict", "Berhasil"),
    }


def test_a_synonym_for_a_label_the_rules_lack_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    path = tmp_path / "bad.toml"
    path.write_text(
        'extends = "permendagri-86-2017"\nname = "bad"\n[labels.category]\nBaik = "Tingi"\n',
        encoding="utf-8",
    )
    with pytest.raises(ke.KinerjaError) as caught:
        ke.load_rules(path)
    assert caught.value.key == "labels.category.Baik"
    assert "Tinggi" in str(caught.value)


def test_verdict_sentences_of_the_shipped_words(permendagri: ke.RuleSet) -> None:
    for said, met in (
        ("Sesuai target", True),
        ("tidak sesuai target", False),
        ("Berhasil", True),
        ("Kurang Tercapai", False),
        ("Tercapai / Terlampaui", True),
    ):
        printed = entry(capaian="100" if met else "50", verdict=said)
        target, realisasi = (56, 56) if met else (100, 50)
        assert ke.check(plain(target, realisasi, printed), permendagri).findings == (), said
