"""`--format xlsx`: chapter III as a workbook, read back with openpyxl."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import SEED

from kinerja_engine.cli.main import main
from kinerja_engine.rendering.xlsx import AMOUNT, PERCENT, Sheet, write_workbook

openpyxl = pytest.importorskip("openpyxl")


def written(tmp_path: Path, *argv: str) -> tuple[int, object]:
    out = tmp_path / "bab3.xlsx"
    code = main([*argv, "--format", "xlsx", "-o", str(out)])
    return code, openpyxl.load_workbook(out)


def test_evaluate_writes_the_chapter_tables_as_sheets_of_numbers(tmp_path: Path) -> None:
    code, book = written(tmp_path, "evaluate", str(SEED))
    assert code == 0
    assert book.sheetnames == ["Capaian IKU", "Anggaran", "Program dan Kegiatan", "Efisiensi"]
    iku = book["Capaian IKU"]
    head = [c.value for c in iku[1]]
    assert head[:3] == ["No", "Kode", "Indikator Kinerja Utama"]
    assert "Capaian" in head and "Keterangan" in head
    assert iku.freeze_panes == "A2"
    skm = dict(zip(head, iku[2], strict=False))
    assert skm["Kode"].value == "skm"
    # Real numbers, not text, and formatted for the reader's locale.
    assert skm["Capaian"].value == pytest.approx(100.01)
    assert isinstance(skm["Capaian"].value, float)
    assert skm["Capaian"].number_format == PERCENT
    budget = book["Anggaran"]
    assert budget["C2"].value == 1418633200 and budget["C2"].number_format == AMOUNT
    assert budget.column_dimensions["B"].width > 20  # as wide as the names
    lines = book["Program dan Kegiatan"]
    names = [r[1].value for r in lines.iter_rows(min_row=2)]
    assert names[0] == "PENDAPATAN ASLI DAERAH"
    assert any(n.startswith("\u00a0" * 8) for n in names)  # a kegiatan under its program


def test_check_adds_the_findings_in_english(tmp_path: Path) -> None:
    code, book = written(tmp_path, "check", str(SEED), "--lang", "en")
    assert code == 1
    assert book.sheetnames[-1] == "Findings"
    findings = book["Findings"]
    head = [c.value for c in findings[1]]
    assert head[:3] == ["No", "Severity", "Code"]
    rows = list(findings.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 82
    serapan = [r for r in rows if r[2] == "serapan-recalc" and r[4] == "Tabel 9"]
    assert serapan and serapan[0][head.index("Expected")] == pytest.approx(93.36)


def test_amounts_beyond_excels_15_digits_keep_an_exact_text_column() -> None:
    big = Decimal("1234567890123456.78")
    raw = write_workbook([Sheet("Uji", ("Pagu",), ((big,), (Decimal(5),)), (AMOUNT,))], "id")
    sheet = openpyxl.load_workbook(io.BytesIO(raw))["Uji"]
    assert [c.value for c in sheet[1]] == ["Pagu", "Pagu (teks persis)"]
    assert sheet["B2"].value == "1.234.567.890.123.456,78"
    assert sheet["B3"].value == "5,00"
    assert isinstance(sheet["A2"].value, int | float)  # still a number to sum


def test_a_workbook_is_not_written_to_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    code = main(["evaluate", str(SEED), "--format", "xlsx", "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 2 and "binary" in err and "-o FILE" in err


def test_several_reports_share_each_sheet_with_their_agency_and_year(tmp_path: Path) -> None:
    published = SEED.parent / "published-examples.toml"
    code, book = written(tmp_path, "evaluate", str(published), str(SEED))
    assert code == 0
    iku = book["Capaian IKU"]
    head = [c.value for c in iku[1]]
    assert head[:2] == ["Instansi pemerintah", "Tahun laporan"]
    # Years differ (2016, 2021): the headings name none.
    assert "Realisasi tahun lalu" in head and "Target" in head
    years = {r[1] for r in iku.iter_rows(min_row=2, values_only=True)}
    assert years == {2016, 2021}
