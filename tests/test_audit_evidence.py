"""Printed evidence read as reports print it (issue 19): English notation, units in
printed entries, a text that reads two ways; and a realistic case
(tests/cases/kesehatan-pendidikan-2023.toml) whose planted faults are found, each at its
place with its code, and whose correct figures raise no error."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from audit_cases import case_of, codes, entry, with_printed
from conftest import indicator

import kinerja_engine as ke
from kinerja_engine.domain.model import Budget

CASES = Path(__file__).parent / "cases"
REAL = CASES / "kesehatan-pendidikan-2023.toml"

# (code, indicator, where, field) of every fault the case file plants, and nothing else.
PLANTED_ERRORS = {
    ("capaian-recalc", "akb", "Tabel 3.5", "capaian"),
    ("tie-out", "akb", "Tabel 3.6", "target"),
    ("tie-out", "apm-sd", "Tabel 3.9", "realisasi_anggaran"),
    ("tie-out", "apm-sd", "Tabel 3.9", "serapan"),
    ("capaian-recalc", "apk-smp", "Tabel 3.10", "capaian"),
    ("verdict-label", "puskesmas-paripurna", "Tabel 3.13", "verdict"),
}
WARNINGS = {
    ("unit-converted", "aki", "Tabel 3.2, teks", "realisasi"),
    ("unit-converted", "akb", "Tabel 3.6", "target"),
    ("printed-undefined", "gizi-buruk", "Tabel 3.11", "capaian"),
    ("unit-noun", "sekolah-ramah-anak", "Tabel 3.12", "realisasi"),
}
# The tables that carry a planted fault; without them every printed figure is right.
FAULTY = {"Tabel 3.5", "Tabel 3.6", "Tabel 3.9", "Tabel 3.10", "Tabel 3.13"}


def _places(
    report: ke.Report, severity: str
) -> set[tuple[str, str | None, str | None, str | None]]:
    return {
        (f.code, f.indicator, f.where, f.field)
        for f in report.findings
        if f.severity.value == severity
    }


@pytest.fixture(scope="module")
def real() -> ke.Case:
    return ke.load_case(REAL)


def test_every_planted_fault_is_found_at_its_place_and_nothing_else(real: ke.Case) -> None:
    report = ke.check(real)
    assert _places(report, "error") == PLANTED_ERRORS
    assert _places(report, "warning") == WARNINGS
    # The figures the rules compute are the hand figures.
    got = {r.id: r.capaian for r in report.indicators}
    assert got["aki"] is not None and round(got["aki"], 2) == Decimal("112.57")
    assert got["akb"] is not None and round(got["akb"], 2) == Decimal("116.67")
    assert got["apm-sd"] is not None and round(got["apm-sd"], 2) == Decimal("92.22")
    assert got["gizi-buruk"] is None


def test_correct_figures_raise_no_error_and_accepted_labels_no_warning(real: ke.Case) -> None:
    correct = attrs.evolve(
        real,
        indicators=tuple(
            attrs.evolve(i, printed=tuple(e for e in i.printed if e.where not in FAULTY))
            for i in real.indicators
        ),
    )
    report = ke.check(correct)
    assert _places(report, "error") == set()
    # "Sangat Tinggi (ST)", "sangat tinggi", "telah melampaui target", "belum mencapai
    # target": labels a reader of Indonesian accepts, read without a word.
    assert "label-unknown" not in codes(report)
    assert _places(report, "warning") == {w for w in WARNINGS if w[2] not in FAULTY}


def test_english_notation_is_read_and_named_as_info(real: ke.Case) -> None:
    report = ke.check(real)
    (notation,) = [f for f in report.findings if f.code == "number-notation"]
    assert (notation.indicator, notation.where, notation.printed) == (
        "apm-sd",
        "Tabel 3.7",
        "92.22",
    )
    assert notation.severity.value == "info"
    assert "word-for-number" not in codes(report)


def test_a_rate_in_another_unit_is_converted_and_held_against_the_others(real: ke.Case) -> None:
    report = ke.check(real)
    found = {(f.code, f.indicator, f.where): f for f in report.findings}
    aki = found["unit-converted", "aki", "Tabel 3.2, teks"]
    # 0,16 % of a rate per 100.000 is 160: the case's realisasi, so no tie-out.
    assert aki.expected == "160.00"
    assert ("tie-out", "aki", "Tabel 3.2, teks") not in found
    # "24 per 100.000" for a rate per 1.000 is 0,24, which the tie-out holds against 24.
    akb = found["tie-out", "akb", "Tabel 3.6"]
    assert akb.difference == Decimal("-23.76")
    assert "per 100.000" in found["unit-converted", "akb", "Tabel 3.6"].message_en


def test_which_formula_and_which_rounding_the_report_used(real: ke.Case) -> None:
    report = ke.check(real)
    found = {(f.code, f.indicator): f for f in report.findings}
    akb = found["capaian-recalc", "akb"]
    assert "target / realisasi * 100" in akb.message_en
    assert "capaian.lower_is_better_alternative" in akb.message_en
    assert "target / realisasi * 100" in akb.message_id
    apk = found["capaian-recalc", "apk-smp"]
    assert "down (truncated)" in apk.message_en and "half up" in apk.message_en
    assert "dipotong" in apk.message_id


def test_derived_tie_out_names_both_places(real: ke.Case) -> None:
    report = ke.check(real)
    (serapan,) = [f for f in report.findings if f.code == "tie-out" and f.field == "serapan"]
    assert (serapan.printed, serapan.expected) == ("89,63", "93,08")
    assert {where for _, _, where in serapan.inputs} == {"Tabel 3.8", "Tabel 3.9"}


def test_the_json_shows_the_new_findings_and_the_skipped_checks(real: ke.Case) -> None:
    document = json.loads(ke.render(ke.check(real), "json"))
    assert {f["code"] for f in document["findings"]} >= {"unit-converted", "printed-undefined"}
    assert document["skipped"] == []
    assert "skipped" not in json.loads(ke.render(ke.evaluate(real), "json"))


def test_a_text_that_reads_two_ways_is_a_question_in_a_percent_column_only(
    permendagri: ke.RuleSet,
) -> None:
    # 1,5 % of a target of 100: "1.500" read the English way agrees; the question names
    # the reading used and no recalculation error follows.
    ind = with_printed(indicator(100, "1.5"), entry("Tabel 2", capaian="1.500"))
    report = ke.check(case_of(ind), permendagri)
    assert codes(report) == ["number-ambiguous"]
    (question,) = report.findings
    assert question.severity.value == "warning"
    assert "1.500" in question.message_en and "1.5" in question.message_en
    # A serapan of "12.500" is 12,5 %, not an amount in a percent column.
    spent = with_printed(
        indicator(100, 100, budget=Budget(Decimal(1000), Decimal(125))),
        entry("Tabel 3", serapan="12.500"),
    )
    assert codes(ke.check(case_of(spent), permendagri)) == ["number-ambiguous"]
    # In a count column "1.500" is fifteen hundred, and no question.
    count = with_printed(
        indicator(1500, 1500, unit="orang"), entry("Tabel 2", realisasi="1.500", capaian="100")
    )
    assert ke.check(case_of(count), permendagri).findings == ()


def test_a_count_with_another_noun_is_a_warning_not_an_error(permendagri: ke.RuleSet) -> None:
    ind = with_printed(
        indicator(2, 2, unit="kegiatan"), entry("Tabel 5", realisasi="2 Kegaiatan", capaian="100")
    )
    report = ke.check(case_of(ind), permendagri)
    assert [(f.code, f.severity.value) for f in report.findings] == [("unit-noun", "warning")]
    same = with_printed(
        indicator(2, 2, unit="kegiatan"), entry("Tabel 5", realisasi="2 Kegiatan", capaian="100")
    )
    assert ke.check(case_of(same), permendagri).findings == ()


def test_a_unit_that_does_not_convert_breaks_the_figure(permendagri: ke.RuleSet) -> None:
    ind = with_printed(indicator(80, 82), entry("Tabel 5", realisasi="82 orang", capaian="102,50"))
    report = ke.check(case_of(ind), permendagri)
    assert codes(report) == ["unit-mismatch"]


def test_entry_unit_applies_to_its_figures(permendagri: ke.RuleSet) -> None:
    ind = with_printed(
        indicator(24, 20, "lower_is_better", unit="per 1.000 KH"),
        attrs.evolve(entry("Tabel 6", target="2400", realisasi="2000"), unit="per 100.000 KH"),
    )
    report = ke.check(case_of(ind), permendagri)
    assert codes(report) == ["unit-converted", "unit-converted"]


def test_rounding_at_the_printed_precision(permendagri: ke.RuleSet) -> None:
    # 102,5 under half-up is 103 at no places; "102" is a finding, "103" is right.
    wrong = with_printed(indicator(80, 82), entry("Tabel 1", capaian="102"))
    assert codes(ke.check(case_of(wrong), permendagri)) == ["capaian-recalc"]
    right = with_printed(indicator(80, 82), entry("Tabel 1", capaian="103"))
    assert ke.check(case_of(right), permendagri).findings == ()


def test_a_capaian_printed_for_a_zero_target(permendagri: ke.RuleSet) -> None:
    ind = with_printed(indicator(0, 5), entry("Tabel 1", capaian="100"))
    (finding,) = ke.check(case_of(ind), permendagri).findings
    assert (finding.code, finding.where, finding.field) == (
        "printed-undefined",
        "Tabel 1",
        "capaian",
    )
