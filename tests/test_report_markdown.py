"""The Markdown report: chapter III of an LKjIP, in the reader's language and notation."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED, write

import kinerja_engine as ke
from kinerja_engine.api import rules_for
from kinerja_engine.cli.main import main
from kinerja_engine.rendering.markdown import render_markdown


@pytest.fixture(scope="module")
def seed() -> tuple[ke.Case, ke.RuleSet]:
    case = ke.load_case(SEED)
    return case, rules_for(case)


def test_iku_table_in_indonesian(seed: tuple[ke.Case, ke.RuleSet]) -> None:
    case, rules = seed
    text = render_markdown(case, ke.evaluate(case, rules), rules, "id")
    lines = text.splitlines()
    head = lines.index("## Tabel 1. Pengukuran Capaian Indikator Kinerja Utama (IKU)")
    assert lines[head + 2] == (
        "| No | Indikator Kinerja Utama | Realisasi 2020 | Target 2021 | Realisasi 2021"
        " | Capaian | Kategori | Keterangan |"
    )
    assert lines[head + 4] == (
        "| 1 | Survei Kepuasan Masyarakat (SKM) | 81,55 % | 87,07 % | 87,08 % | 100,01 %"
        " | Sangat Tinggi | Tercapai |"
    )
    assert (
        "| 4 | Peningkatan Nilai Perdagangan (Nilai Ekspor Perdagangan) | Rp 265.251.567.556,00"
        " | Rp 51.000.000.000,00 | Rp 3.540.448.465.876.250,00 | 6.942.055,82 % | Sangat Tinggi"
        " | Tercapai |"
    ) in lines
    # Not computed: no made-up figure, and the reason in the remarks.
    assert (
        "| 6 | Persentase Koperasi Aktif | - | - | 37 % | - | - | target tahun ini tidak ditetapkan |"
        in lines
    )
    # No findings section for an evaluation.
    assert "Hasil Reviu" not in text


def test_per_indicator_budget_and_efficiency_tables(seed: tuple[ke.Case, ke.RuleSet]) -> None:
    case, rules = seed
    text = render_markdown(case, ke.evaluate(case, rules), rules, "id")
    skm = text[text.index("### 1) Survei") : text.index("### 2) ")]
    assert "**Tabel 5. Pencapaian Kinerja dan Anggaran: Survei Kepuasan Masyarakat (SKM)**" in skm
    assert (
        "| 87,07 % | 87,08 % | 100,01 % | Rp 1.418.633.200,00 | Rp 1.324.391.015,00 | 93,36 % |"
        in skm
    )
    assert "| 100,01 % | 93,36 % | 6,65 | Efisien |" in skm
    assert "_Nilai efisiensi = capaian - serapan_" in skm
    assert "| 81,5 % | 87,08 % | 106,85 % |" in skm


def test_graded_efficiency_shows_its_score(seed: tuple[ke.Case, ke.RuleSet]) -> None:
    case, _ = seed
    rules = ke.load_rules("pmk-214-2017")
    text = render_markdown(case, ke.evaluate(case, rules), rules, "en")
    assert "Efficiency score" in text


def test_findings_with_evidence_in_english(seed: tuple[ke.Case, ke.RuleSet]) -> None:
    case, rules = seed
    report = ke.check(case, rules)
    text = render_markdown(case, report, rules, "en")
    assert "## Review Findings" in text
    assert f"{len(report.findings)} findings:" in text
    line = next(ln for ln in text.splitlines() if "`serapan-recalc`" in ln and "| Tabel 9 |" in ln)
    cells = [c.strip() for c in line.strip("|").split(" | ")]
    assert cells[1:8] == [
        "error",
        "`serapan-recalc`",
        "Tabel 9",
        "serapan",
        "93,08",
        "93.36",
        "-0.28",
    ]
    assert (
        "recomputed from budget realisasi 1.324.391.015,00 (Tabel 9), pagu 1.418.633.200,00"
        " (Tabel 9)" in line
    )
    # A budget line's findings are grouped under its name.
    assert "### Budget line: BELANJA\n" in text


def test_pipes_in_names_do_not_break_tables(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "c.toml",
        'format = "kinerja-case/1"\n[report]\nagency = "A"\nyear = 2021\n'
        '[[indicator]]\nid = "a"\nname = "X | Y"\nunit = "%"\n'
        'direction = "higher_is_better"\ntarget = 50\nrealisasi = 40\n',
    )
    case = ke.load_case(path)
    text = render_markdown(case, ke.evaluate(case), rules_for(case), "id")
    row = next(ln for ln in text.splitlines() if ln.startswith("| 1 |"))
    assert "X \\| Y" in row and row.count(" | ") == 7


def test_cli_markdown_trace_and_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.md"
    assert (
        main(["evaluate", str(SEED), "--format", "markdown", "--trace", "--output", str(out)]) == 0
    )
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Bab III Akuntabilitas Kinerja")
    assert "Jejak perhitungan" in text and "capaian = realisasi / target * 100" in text
    assert capsys.readouterr().out == ""


# ---- issue 15 (sheets): chapter III completed


def test_budget_realisation_per_program_and_kegiatan_as_a_tree(
    seed: tuple[ke.Case, ke.RuleSet],
) -> None:
    case, rules = seed
    lines = render_markdown(case, ke.evaluate(case, rules), rules, "id").splitlines()
    head = lines.index("## Tabel 4. Realisasi Anggaran per Program dan Kegiatan")
    assert lines[head + 2] == (
        "| Kode | Program / Kegiatan / Sub Kegiatan | Pagu anggaran | Realisasi anggaran"
        " | Capaian (serapan) anggaran |"
    )
    assert lines[head + 6] == (
        "| belanja | BELANJA | Rp 20.516.646.631,00 | Rp 15.534.464.918,61 | 75,72 % |"
    )
    # A program one level in, its kegiatan two: shown by their indentation.
    assert lines[head + 7].startswith("| p01-perencanaan | " + "\u00a0" * 4 + "PERENCANAAN")
    assert lines[head + 8].startswith("| p01-perencanaan-s01 | " + "\u00a0" * 8 + "Penyusunan")
    assert len([x for x in lines[head:] if x.startswith("| ")]) - 1 >= len(case.budget)


def test_comparison_with_last_year_says_which_way_it_moved(
    seed: tuple[ke.Case, ke.RuleSet],
) -> None:
    case, rules = seed
    lines = render_markdown(case, ke.evaluate(case, rules), rules, "en").splitlines()
    head = lines.index("## Table 3. Actual Compared with Last Year")
    assert lines[head + 2] == (
        "| No | Key performance indicator | Actual 2020 | Actual 2021 | Change | Trend |"
    )
    assert lines[head + 4] == (
        "| 1 | Survei Kepuasan Masyarakat (SKM) | 81.55% | 87.08% | +5.53% | improved |"
    )
    assert lines[head + 5] == "| 2 | Persentase Koperasi Sehat | 104% | 56% | −48% | worsened |"


def test_an_indicator_that_cannot_be_computed_is_one_line_with_its_reason(
    seed: tuple[ke.Case, ke.RuleSet],
) -> None:
    case, rules = seed
    lines = render_markdown(case, ke.evaluate(case, rules), rules, "id").splitlines()
    at = lines.index("### 6) Persentase Koperasi Aktif")
    assert lines[at + 2] == "tidak dapat dihitung: target tahun ini tidak ditetapkan"
    assert lines[at + 4] == "### 7) Persentase Peningkatan Nilai Ekspor"
