"""Issue 16's constructs on cases after real reports (tests/cases/): a court that prints
the counts behind each percentage, a prison whose absorption is a bounded share with the
year before beside it. Correct figures raise nothing; each planted fault is found at its
place; the shipped scales grade at their published edges."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import write

import kinerja_engine as ke
from kinerja_engine.evaluation.indicator import category_of

CASES = Path(__file__).parent / "cases"
COURT = CASES / "pengadilan-perkara-2020.toml"
PRISON = CASES / "lapas-serapan-2021.toml"


def found(report: ke.Report) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(f.code, f.indicator, f.where, f.field) for f in report.findings]


def test_the_court_case_is_correct_and_computed_from_its_counts() -> None:
    report = ke.check(ke.load_case(COURT))
    assert report.findings == ()
    document = json.loads(ke.render(report, "json"))
    first, second = document["indicators"]
    assert first["capaian"] == "104.42"  # 78/83 = 93,98 % against 90
    assert first["past"] == [
        {
            "year": 2019,
            "capaian": "101.11",
            "category": "Sangat Tinggi",
            "verdict": "Tercapai",
            "status": "computed",
        }
    ]
    assert second["capaian"] == "98.41" and second["verdict"] == "Tidak Tercapai"
    assert "past" not in second  # no target of an earlier year: the key is absent


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "numerator = 78\ndenominator = 83",
            "numerator = 77\ndenominator = 83",
            ("count-mismatch", "tidak-banding", "Tabel 28", "numerator"),
        ),
        (
            'denominator = 83\nrealisasi = "93,98 %"',
            'denominator = 83\nrealisasi = "93,89 %"',
            ("count-recalc", "tidak-banding", "Tabel 28", "realisasi"),
        ),
        (
            'capaian = "101,11 %"',
            'capaian = "110,11 %"',
            ("capaian-recalc", "tidak-banding", "Tabel 3.2", "capaian"),
        ),
        (
            "target_numerator = 63\ntarget_denominator = 63",
            "target_numerator = 63\ntarget_denominator = 64",
            ("count-mismatch", "perkara-selesai", "Tabel 3.1", "target_denominator"),
        ),
    ],
)
def test_planted_faults_in_the_court_case_are_found_at_their_place(
    tmp_path: Path, old: str, new: str, expected: tuple[str, str, str, str]
) -> None:
    text = COURT.read_text(encoding="utf-8")
    assert text.count(old) == 1
    case = ke.load_case(write(tmp_path, "court.toml", text.replace(old, new)))
    assert found(ke.check(case)) == [expected]


def test_the_prison_absorption_above_100_is_the_one_finding() -> None:
    report = ke.check(ke.load_case(PRISON))
    assert found(report) == [("figure-out-of-bounds", "penyerapan-anggaran", "input", "realisasi")]
    pasts = {r.id: r.past for r in report.indicators}
    assert [
        (p.year, p.capaian is not None and round(p.capaian, 2)) for p in pasts["wbp-pembinaan"]
    ] == [(2020, Decimal("104.00"))]


def test_a_past_year_out_of_bounds_and_a_wrong_past_capaian(tmp_path: Path) -> None:
    text = PRISON.read_text(encoding="utf-8")
    text = text.replace('history = { 2020 = "97,5" }', 'history = { 2020 = "107,5" }')
    text = text.replace('realisasi = "97,5 %"', 'realisasi = "107,5 %"')
    case = ke.load_case(write(tmp_path, "prison.toml", text))
    assert found(ke.check(case)) == [
        ("capaian-recalc", "penyerapan-anggaran", "Tabel 3.2", "capaian"),
        ("figure-out-of-bounds", "penyerapan-anggaran", "input", "realisasi"),
        ("figure-out-of-bounds", "penyerapan-anggaran", "input", "realisasi 2020"),
    ]


@pytest.mark.parametrize(
    ("name", "graded"),
    [
        (
            "skala-sangat-baik",
            {
                "91": "Sangat Baik",
                "90.99": "Baik",
                "76": "Baik",
                "66": "Cukup",
                "51": "Kurang",
                "50.99": "Sangat Kurang",
            },
        ),
        (
            "permenpan-rb-88-2021",
            {
                "120": "AA",
                "90.01": "AA",
                "90": "A",
                "80.01": "A",
                "80": "BB",
                "70": "B",
                "60": "CC",
                "50": "C",
                "30.01": "C",
                "30": "D",
                "0": "D",
            },
        ),
        (
            "skala-enam",
            {
                "100.01": "Sangat Memuaskan",
                "100": "Memuaskan",
                "85.01": "Memuaskan",
                "85": "Baik",
                "70": "Cukup",
                "55": "Kurang",
                "40": "Sangat Kurang",
            },
        ),
    ],
)
def test_the_shipped_scales_grade_at_their_edges(name: str, graded: dict[str, str]) -> None:
    rules = ke.load_rules(name)
    assert {v: category_of(rules, Decimal(v)) for v in graded} == graded
    # The court case under the scale: the same capaian, the scale's labels.
    report = ke.evaluate(ke.load_case(COURT), rules)
    assert {r.category for r in report.indicators} <= set(graded.values())


def test_a_counted_figure_is_shown_with_its_counts() -> None:
    case = ke.load_case(COURT)
    page = ke.render(ke.check(case), "markdown", "id", case=case)
    assert "| 93,98 % (78/83) |" in page and "| 100 % (63/63) |" in page
    assert "93,975903614457831325301204819277" not in page
