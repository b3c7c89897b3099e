"""The audit of a realisasi against its period figures (audit/quarters.py): the case's
and each printed one must be what the quarters (or semesters) make by the indicator's
kind, for the report's period."""

from __future__ import annotations

from conftest import ROOT

import kinerja_engine as ke

CASES = ROOT / "tests" / "cases"


def found(report: ke.Report) -> list[tuple[str, str | None, str | None, str | None, str | None]]:
    return [(f.code, f.indicator, f.where, f.field, f.expected) for f in report.findings]


def test_semester_one_faults_are_found_and_nothing_else() -> None:
    report = ke.check(ke.load_case(CASES / "lapas-2023-s1.toml"))
    assert found(report) == [
        # The capaian against the year's target where the semester has its own.
        ("capaian-recalc", "remisi", "Tabel 3.1", "capaian", "103.33"),
        # 89,85 printed; the two quarters average 88,85.
        ("period-rollup", "pembinaan", "Tabel 3.1", "realisasi", "88.85"),
    ]
    # The capaian beside the wrong realisasi is not recomputed from it: skipped, named.
    assert [blocker for _, blocker in report.checks_skipped] == [report.findings[1].id]


def test_semester_two_counts_to_date() -> None:
    report = ke.check(ke.load_case(CASES / "lapas-2023-s2.toml"))
    assert found(report) == [("period-rollup", "kamtib", "Tabel 3.1", "realisasi", "1.00")]
    (finding,) = report.findings
    assert "semesters 1 to 2" in finding.message_en
    assert "s.d. semester II" in finding.message_id and "jumlah kumulatif" in finding.message_id


def test_an_annual_realisasi_that_is_not_its_quarters_is_one_finding() -> None:
    report = ke.check(ke.load_case(CASES / "lapas-2023-annual.toml"))
    assert found(report) == [("period-rollup", "hunian", "input", "realisasi", "171.30")]
    assert report.findings[0].printed == "165.0"


def test_the_code_is_in_the_catalogue() -> None:
    assert "period-rollup" in {c.code for c in ke.api.checks()}
